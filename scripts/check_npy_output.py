#!/usr/bin/env python3
"""Check rnnmem's NumPy .npy files against numpy: `rnnmem run --save DIR` must write files that
`numpy.load` reads back with the exact shapes and values of the same arrays in `--output FILE` (safetensors), and
whose bytes are those `numpy.save` writes for those arrays.

Needs only numpy (the system python3's is enough); the safetensors files are read and written here with a minimal
implementation of the format (8-byte little-endian header length, JSON header, raw little-endian data).

Usage:  swift build && python3 scripts/check_npy_output.py [--binary .build/debug/rnnmem]
Prints one line per array and exits with status 1 on any difference.
"""
import argparse
import io
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np


def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name], dtype="<f8")
        header[name] = {"dtype": "F64", "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        offset += a.nbytes
        blobs.append(a.tobytes())
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h + b"".join(blobs))


def read_safetensors(path):
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {}
    for name, e in header.items():
        if name == "__metadata__":
            continue
        assert e["dtype"] == "F64", (name, e["dtype"])
        b, end = e["data_offsets"]
        out[name] = np.frombuffer(data[b:end], dtype="<f8").reshape(e["shape"])
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(here, "..", ".build", "debug", "rnnmem"))
    a = parser.parse_args()
    print(f"numpy {np.__version__}")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        rng = np.random.default_rng(8)
        data = os.path.join(tmp, "data.safetensors")
        write_safetensors(data, {"input": rng.standard_normal((6, 2, 3)), "target": rng.standard_normal((6, 2, 1))})
        out, save = os.path.join(tmp, "out.safetensors"), os.path.join(tmp, "npy")
        for model in (["--model", "lstm", "--layers", "2"], ["--model", "cdiag"]):
            cmd = [a.binary, "run", *model, "--hidden", "4", "--seed", "2", "--data", data, "--gradient", "--direction",
                   "rademacher", "--output", out, "--save", save]
            subprocess.run(cmd, check=True, capture_output=True)
            arrays = read_safetensors(out)
            for name, expected in sorted(arrays.items()):
                path = os.path.join(save, name + ".npy")
                got = np.load(path)
                buffer = io.BytesIO()
                np.save(buffer, np.array(expected, dtype=np.float64, order="C"))
                same_bytes = open(path, "rb").read() == buffer.getvalue()
                exact = got.dtype == np.float64 and got.shape == expected.shape and np.array_equal(
                    got.view(np.uint64), np.array(expected, dtype=np.float64, order="C").view(np.uint64))
                ok = exact and same_bytes
                failures += not ok
                print(f"{model[1]:5s} {name:28s} shape {str(got.shape):12s} values {'exact' if exact else 'DIFFER'}, "
                      f"bytes {'= numpy.save' if same_bytes else 'DIFFER from numpy.save'}")
    print("all .npy files agree" if failures == 0 else f"{failures} files disagree")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
