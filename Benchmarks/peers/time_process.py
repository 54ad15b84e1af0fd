#!/usr/bin/env python3
"""Time a whole command-line process (start-up, reading the input, computing, printing), as a user runs it.

    time_process.py --workload check_djia --n 37930 --impl rnnmem-cli [--repeats 9] -- COMMAND ARG...

Runs COMMAND once untimed (page cache), then --repeats times, and prints
    RESULT <workload> <n> <impl> <median_seconds> <peak_rss_mb> repeats=... min_s=... status=0
with the median wall-clock time per run and the largest peak RSS of the child processes (ru_maxrss). A command
that exits non-zero makes this script exit 1 (run.sh reports it as FAILED). Standard library only.
"""
import argparse
import resource
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser(description="time a command-line process")
    parser.add_argument("--workload", required=True)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--impl", required=True)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given after --")

    def run():
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.stderr.write(done.stderr.decode(errors="replace"))
            sys.exit(1)
        return elapsed

    run()  # warm-up: page cache
    samples = sorted(run() for _ in range(max(1, args.repeats)))
    median = samples[len(samples) // 2]
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / 1e6  # KiB on Linux
    print(f"RESULT {args.workload} {args.n} {args.impl} {median:.6e} {peak:.1f} repeats={len(samples)} "
          f"min_s={samples[0]:.6e} status=0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
