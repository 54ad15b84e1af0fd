#!/usr/bin/env python3
"""Make the PyTorch-format fixtures of Tests/RecurrentTests/Fixtures/.

Each fixture is a safetensors file holding
  * a PyTorch state dict of an nn.RNN (tanh) / nn.LSTM / nn.GRU plus an nn.Linear readout, with PyTorch's names
    (weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}; <readout>weight, <readout>bias), shapes and gate
    order (LSTM i, f, g, o; GRU r, z, n), under the prefixes given in the table below;
  * the reference data: `input` [T, B, d_in] (PyTorch's sequence-first layout), `output` [T, B, d_out] = the readout
    applied to the top layer's h_t at every step, `h_n` [L, B, N] (and `c_n` for the LSTM), all float64;
  * `__metadata__` saying what the file is and how it was made.

torch is NOT needed: the tensors are built with numpy, and the reference outputs come from a numpy transcription
of the equations in PyTorch's documentation (torch.nn.RNN / LSTM / GRU):
  RNN   h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
  LSTM  i,f,g,o = split(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh); c_t = σ(f) c_{t-1} + σ(i) tanh(g); h_t = σ(o) tanh(c_t)
  GRU   r = σ(W_ir x + b_ir + W_hr h + b_hr); z = σ(W_iz x + b_iz + W_hz h + b_hz);
        n = tanh(W_in x + b_in + r (W_hn h + b_hn)); h_t = (1 − z) n + z h_{t-1}
If torch is importable, the same state dicts are also loaded into float64 torch modules and their outputs compared
with the numpy ones; the result (torch version and max |difference|) is recorded in the metadata and printed.

Usage (numpy and safetensors from PyPI; any venv):
    python3 -m venv /tmp/fx && /tmp/fx/bin/pip install numpy safetensors   # optionally: torch
    /tmp/fx/bin/python scripts/make_torch_fixtures.py [--out Tests/RecurrentTests/Fixtures]
The draws use numpy's PCG64 with fixed seeds, so the tensors are the same bytes on every run.
"""
import argparse
import json
import os
import sys

import numpy as np
import safetensors
from safetensors.numpy import save_file

GATES = {"rnn": 1, "lstm": 4, "gru": 3}

# name, architecture, d_in, hidden, d_out, layers, T, B, recurrent prefix, readout prefix, weight dtype, seed
FIXTURES = [
    ("rnn_l1", "rnn", 3, 4, 2, 1, 6, 2, "", "linear.", np.float64, 101),
    ("rnn_l2", "rnn", 2, 3, 1, 2, 5, 3, "rnn.", "fc.", np.float64, 102),
    ("lstm_l1", "lstm", 3, 4, 2, 1, 6, 2, "", "linear.", np.float64, 201),
    ("lstm_l2", "lstm", 2, 3, 2, 2, 5, 3, "rnn.", "fc.", np.float64, 202),
    ("lstm_l1_f32", "lstm", 2, 3, 1, 1, 4, 2, "", "linear.", np.float32, 203),
    ("gru_l1", "gru", 3, 4, 2, 1, 6, 2, "", "linear.", np.float64, 301),
    ("gru_l2", "gru", 2, 3, 1, 2, 5, 3, "rnn.", "fc.", np.float64, 302),
]


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def make_state_dict(arch, d_in, n, d_out, layers, rng, prefix, readout, dtype):
    """PyTorch-layout tensors, drawn U(-0.9, 0.9) (wider than PyTorch's U(-1/√N, 1/√N) to exercise the
    nonlinearities), rounded to `dtype`, returned as float64 arrays holding exactly the stored values."""
    g = GATES[arch]
    sd = {}
    for k in range(layers):
        d = d_in if k == 0 else n
        sd[f"{prefix}weight_ih_l{k}"] = rng.uniform(-0.9, 0.9, size=(g * n, d))
        sd[f"{prefix}weight_hh_l{k}"] = rng.uniform(-0.9, 0.9, size=(g * n, n))
        sd[f"{prefix}bias_ih_l{k}"] = rng.uniform(-0.5, 0.5, size=(g * n,))
        sd[f"{prefix}bias_hh_l{k}"] = rng.uniform(-0.5, 0.5, size=(g * n,))
    sd[f"{readout}weight"] = rng.uniform(-0.9, 0.9, size=(d_out, n))
    sd[f"{readout}bias"] = rng.uniform(-0.5, 0.5, size=(d_out,))
    return {k: v.astype(dtype).astype(np.float64) for k, v in sd.items()}


def reference_forward(arch, sd, x, layers, n, prefix, readout):
    """numpy transcription of PyTorch's equations; x is [T, B, d_in]; h_0 = c_0 = 0."""
    T, B, _ = x.shape
    inp = x
    h_n, c_n = [], []
    for k in range(layers):
        W_ih, W_hh = sd[f"{prefix}weight_ih_l{k}"], sd[f"{prefix}weight_hh_l{k}"]
        b_ih, b_hh = sd[f"{prefix}bias_ih_l{k}"], sd[f"{prefix}bias_hh_l{k}"]
        h = np.zeros((B, n))
        c = np.zeros((B, n))
        out = np.zeros((T, B, n))
        for t in range(T):
            gi = inp[t] @ W_ih.T + b_ih
            gh = h @ W_hh.T + b_hh
            if arch == "rnn":
                h = np.tanh(gi + gh)
            elif arch == "lstm":
                a = gi + gh
                i, f, gg, o = (a[:, j * n:(j + 1) * n] for j in range(4))
                c = sigmoid(f) * c + sigmoid(i) * np.tanh(gg)
                h = sigmoid(o) * np.tanh(c)
            else:
                r = sigmoid(gi[:, :n] + gh[:, :n])
                z = sigmoid(gi[:, n:2 * n] + gh[:, n:2 * n])
                nn_ = np.tanh(gi[:, 2 * n:] + r * gh[:, 2 * n:])
                h = (1 - z) * nn_ + z * h
            out[t] = h
        h_n.append(h)
        c_n.append(c)
        inp = out
    y = inp @ sd[f"{readout}weight"].T + sd[f"{readout}bias"]
    return y, np.stack(h_n), np.stack(c_n)


def torch_check(arch, sd, x, d_in, n, layers, prefix, readout, y_ref):
    """Max |torch − numpy| over the outputs, or None when torch is not installed."""
    try:
        import torch
    except ImportError:
        return None, None
    torch.set_num_threads(1)
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[arch]
    kwargs = {"nonlinearity": "tanh"} if arch == "rnn" else {}
    m = cls(d_in, n, num_layers=layers, dtype=torch.float64, **kwargs)
    lin = torch.nn.Linear(n, y_ref.shape[2], dtype=torch.float64)
    m.load_state_dict({k[len(prefix):]: torch.from_numpy(v) for k, v in sd.items() if k.startswith(prefix)
                       and not k.startswith(readout)})
    lin.load_state_dict({k[len(readout):]: torch.from_numpy(v) for k, v in sd.items() if k.startswith(readout)})
    with torch.no_grad():
        out, _ = m(torch.from_numpy(x))
        y = lin(out).numpy()
    return torch.__version__, float(np.max(np.abs(y - y_ref)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(here, "..", "Tests", "RecurrentTests", "Fixtures"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    summary = {}
    for (name, arch, d_in, n, d_out, layers, T, B, prefix, readout, dtype, seed) in FIXTURES:
        rng = np.random.default_rng(seed)
        sd = make_state_dict(arch, d_in, n, d_out, layers, rng, prefix, readout, dtype)
        x = rng.standard_normal((T, B, d_in))
        y, h_n, c_n = reference_forward(arch, sd, x, layers, n, prefix, readout)
        tv, diff = torch_check(arch, sd, x, d_in, n, layers, prefix, readout, y)
        tensors = {k: v.astype(dtype) for k, v in sd.items()}
        tensors["input"] = x
        tensors["output"] = y
        tensors["h_n"] = h_n
        if arch == "lstm":
            tensors["c_n"] = c_n
        meta = {
            "format": "pytorch",
            "module": {"rnn": "nn.RNN", "lstm": "nn.LSTM", "gru": "nn.GRU"}[arch],
            "architecture": arch,
            "input_size": str(d_in), "hidden_size": str(n), "output_size": str(d_out), "num_layers": str(layers),
            "steps": str(T), "batch": str(B),
            "recurrent_prefix": prefix, "readout_prefix": readout,
            "weight_dtype": "F32" if dtype == np.float32 else "F64",
            "seed": str(seed),
            "reference": "numpy transcription of the PyTorch equations (scripts/make_torch_fixtures.py)",
            "generator": f"numpy {np.__version__}, safetensors {safetensors.__version__}",
            "torch_check": "not run (torch not installed)" if tv is None
                           else f"torch {tv} float64: max |torch - numpy| = {diff:.3g}",
        }
        path = os.path.join(args.out, f"{name}.safetensors")
        save_file({k: np.ascontiguousarray(v) for k, v in tensors.items()}, path, metadata=meta)
        summary[name] = meta["torch_check"]
        print(f"{path}: {arch} L={layers} d_in={d_in} N={n} d_out={d_out} T={T} B={B}; {meta['torch_check']}")
    if any(v.startswith("torch") and float(v.rsplit("=", 1)[1]) > 1e-12 for v in summary.values()):
        print("torch disagrees with the numpy reference", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
