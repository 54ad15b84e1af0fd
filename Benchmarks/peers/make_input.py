#!/usr/bin/env python3
"""Write the benchmark input: a fixed-seed standard Gaussian series as raw little-endian float64.

Every implementation (rnnmem, C, Python, R) reads the first n values of this one file, so all of them
work on the same data; generating and reading it is never timed. Standard library only, so the file
can be made before any peer is installed.

Usage: make_input.py OUTFILE [--count 10000000] [--seed 20250101]
"""
import argparse
import array
import hashlib
import os
import random
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--count", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=20250101)
    args = parser.parse_args()
    if args.count < 1:
        print(f"make_input.py: --count must be positive, got {args.count}", file=sys.stderr)
        return 2

    rng = random.Random(args.seed)  # Mersenne Twister; reproducible for a given seed
    gauss = rng.gauss
    values = array.array("d", (gauss(0.0, 1.0) for _ in range(args.count)))
    if sys.byteorder != "little":
        values.byteswap()
    tmp = args.output + ".tmp"
    with open(tmp, "wb") as handle:
        values.tofile(handle)
    os.replace(tmp, args.output)
    digest = hashlib.sha256(open(args.output, "rb").read()).hexdigest()
    with open(args.output + ".sha256", "w") as handle:
        handle.write(f"{digest}  {os.path.basename(args.output)}  count={args.count} seed={args.seed} "
                     f"generator=python-random.gauss\n")
    print(f"wrote {args.count} float64 values to {args.output} (sha256 {digest[:16]}…)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
