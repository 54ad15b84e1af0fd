#!/usr/bin/env python3
"""Inputs of the spectra benchmark (Benchmarks/run-spectra.sh), written once with numpy's default_rng.

    spectra_inputs.py --lyapunov FILE --n 200 --gain 1.5
        raw little-endian float64: J (N x N, row-major, J_ij ~ N(0, g^2/N)), h_0 (N, N(0, 1)),
        G_0 (N x N, row-major, N(0, 1); the starting frame is the Q factor of G_0 with R_ii >= 0)
    spectra_inputs.py --slq FILE --hidden 48
        safetensors (float64): an LSTM in PyTorch's layout (weight_ih_l0 [4H, 1], weight_hh_l0 [4H, H],
        bias_ih_l0, bias_hh_l0 [4H], linear.weight [1, H], linear.bias [1]; U(-1/sqrt(H), 1/sqrt(H)) as
        nn.LSTM initialises), input [T, B, 1] ~ N(0, 1) and target [T, B, 1] = the input 5 steps earlier
        (zeros before), T = 64, B = 32
"""
import argparse
import json
import struct

import numpy as np

T, B, DELAY = 64, 32, 5


def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, array in tensors.items():
        data = np.ascontiguousarray(array, dtype="<f8").tobytes()
        header[name] = {"dtype": "F64", "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lyapunov")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--gain", type=float, default=1.5)
    ap.add_argument("--slq")
    ap.add_argument("--hidden", type=int, default=48)
    a = ap.parse_args()
    if a.lyapunov:
        rng = np.random.default_rng(20250101)
        n = a.n
        j = rng.standard_normal((n, n)) * a.gain / np.sqrt(n)
        h0 = rng.standard_normal(n)
        g0 = rng.standard_normal((n, n))
        np.concatenate([j.ravel(), h0, g0.ravel()]).astype("<f8").tofile(a.lyapunov)
    if a.slq:
        rng = np.random.default_rng(20250102)
        h = a.hidden
        k = 1 / np.sqrt(h)

        def u(*shape):
            return rng.uniform(-k, k, size=shape)
        x = rng.standard_normal((T, B, 1))
        y = np.zeros_like(x)
        y[DELAY:] = x[:-DELAY]
        write_safetensors(a.slq, {
            "weight_ih_l0": u(4 * h, 1), "weight_hh_l0": u(4 * h, h), "bias_ih_l0": u(4 * h), "bias_hh_l0": u(4 * h),
            "linear.weight": u(1, h), "linear.bias": u(1), "input": x, "target": y})


if __name__ == "__main__":
    main()
