#!/usr/bin/env python3
"""Check `rnnmem export --pytorch` and `rnnmem run` against PyTorch.

For nn.RNN (tanh), nn.LSTM and nn.GRU with one and two layers, each with a trained network (`rnnmem train`, under
the default names and under the prefixes rnn./fc.) and a new one (`rnnmem export --model … --seed`):

1. `rnnmem export --pytorch` writes a state dict; `safetensors.torch.load_file` reads it and `load_state_dict`
   loads it into float64 nn.RNN/nn.LSTM/nn.GRU + nn.Linear modules (strict: every key used, none missing);
2. `rnnmem run --weights FILE --pytorch --model …` on random inputs and targets writes the outputs, the states of
   every layer, the loss, the gradient and a Hessian-vector product (--output safetensors);
3. PyTorch recomputes them: outputs and per-layer h (and c) by running the modules layer by layer, the loss
   ½·mean (ŷ − y)², its gradient by autograd and the HVP by double backward (CPU, float64), and the script prints
   the largest relative differences (max |a − b| / max |b|).

Usage (CPU torch wheel; numpy and safetensors from PyPI):
    python3 -m venv /tmp/torchenv && /tmp/torchenv/bin/pip install torch numpy safetensors
    swift build && /tmp/torchenv/bin/python scripts/verify_pytorch_export.py [--binary .build/debug/rnnmem]
The output of a run is recorded in scripts/verify_pytorch_export.txt. Exit status 1 if any difference exceeds
1e-12.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import safetensors
import torch
from safetensors.numpy import save_file
from safetensors.torch import load_file

TOL = 1e-12
CASES = [  # model, layers, d_in, hidden, d_out
    ("rnn", 1, 2, 5, 2), ("rnn", 2, 3, 4, 1),
    ("lstm", 1, 2, 5, 2), ("lstm", 2, 3, 4, 1),
    ("gru", 1, 2, 5, 2), ("gru", 2, 3, 4, 1),
]


def sh(binary, *args):
    r = subprocess.run([binary, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"rnnmem {' '.join(args)} failed: {r.stderr}")
    return r.stdout


def rel(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    d = np.max(np.abs(a - b)) if a.size else 0.0
    s = np.max(np.abs(b)) if b.size else 0.0
    return 0.0 if d == 0 else (d / s if s > 0 else float("inf"))


def modules(arch, d_in, n, layers, d_out):
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[arch]
    kw = {"nonlinearity": "tanh"} if arch == "rnn" else {}
    return cls(d_in, n, num_layers=layers, dtype=torch.float64, **kw), torch.nn.Linear(n, d_out, dtype=torch.float64)


def load(path, arch, d_in, n, layers, d_out, rprefix, oprefix):
    state = load_file(path)
    rnn, lin = modules(arch, d_in, n, layers, d_out)
    rnn.load_state_dict({k[len(rprefix):]: v for k, v in state.items() if k.startswith(rprefix) and not k.startswith(oprefix)},
                        strict=True)
    lin.load_state_dict({k[len(oprefix):]: v for k, v in state.items() if k.startswith(oprefix)}, strict=True)
    assert all(k.startswith(rprefix) or k.startswith(oprefix) for k in state)
    return rnn.double(), lin.double()


def torch_reference(arch, rnn, lin, x, y, v_groups, layers):
    """Outputs, per-layer states, loss, gradient and HVP (rnnmem's group names) by PyTorch."""
    xt = torch.from_numpy(x)
    states = {}
    inp = xt
    for k in range(layers):
        # One layer at a time, to get every layer's h_1..h_T (and c_t for the LSTM).
        h = torch.zeros(x.shape[1], rnn.hidden_size, dtype=torch.float64)
        c = torch.zeros_like(h)
        hs, cs = [], []
        w_ih, w_hh = getattr(rnn, f"weight_ih_l{k}"), getattr(rnn, f"weight_hh_l{k}")
        b_ih, b_hh = getattr(rnn, f"bias_ih_l{k}"), getattr(rnn, f"bias_hh_l{k}")
        cell = {"rnn": torch.nn.RNNCell, "lstm": torch.nn.LSTMCell, "gru": torch.nn.GRUCell}[arch](
            inp.shape[2], rnn.hidden_size, dtype=torch.float64)
        with torch.no_grad():
            cell.weight_ih.copy_(w_ih); cell.weight_hh.copy_(w_hh); cell.bias_ih.copy_(b_ih); cell.bias_hh.copy_(b_hh)
        for t in range(x.shape[0]):
            if arch == "lstm":
                h, c = cell(inp[t], (h, c))
                cs.append(c)
            else:
                h = cell(inp[t], h)
            hs.append(h)
        states[f"layer{k}.h"] = torch.stack(hs).detach().numpy()
        if arch == "lstm":
            states[f"layer{k}.c"] = torch.stack(cs).detach().numpy()
        inp = torch.stack(hs).detach()
    # The full module for the loss and its derivatives (cross-checks the cells above too).
    params, names = [], []
    for k in range(layers):
        for torch_name, group in [(f"weight_ih_l{k}", f"layer{k}.W_ih"), (f"weight_hh_l{k}", f"layer{k}.W_hh"),
                                  (f"bias_ih_l{k}", f"layer{k}.b_ih"), (f"bias_hh_l{k}", f"layer{k}.b_hh")]:
            params.append(getattr(rnn, torch_name)); names.append(group)
    params += [lin.weight, lin.bias]; names += ["readout.C", "readout.c"]
    out, _ = rnn(xt)
    yhat = lin(out)
    loss = 0.5 * torch.mean((yhat - torch.from_numpy(y)) ** 2)
    grads = torch.autograd.grad(loss, params, create_graph=True)
    dot = sum((g * torch.from_numpy(v_groups[n])).sum() for g, n in zip(grads, names))
    hvp = torch.autograd.grad(dot, params)
    return (yhat.detach().numpy(), states, loss.item(),
            {n: g.detach().numpy() for n, g in zip(names, grads)}, {n: h.numpy() for n, h in zip(names, hvp)})


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(here, "..", ".build", "debug", "rnnmem"))
    a = parser.parse_args()
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, numpy {np.__version__}, safetensors {safetensors.__version__}")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for (arch, layers, d_in, n, d_out) in CASES:
            for source in ["new", "trained"]:
                prefixes = ("rnn.", "fc.") if source == "trained" else ("", "linear.")
                weights = os.path.join(tmp, f"{arch}{layers}-{source}.safetensors")
                if source == "trained":
                    # Recall has d_in = d_out = 1; the sizes of this case apply to the new networks.
                    d_in_case, d_out_case = 1, 1
                    outdir = os.path.join(tmp, f"train-{arch}{layers}")
                    sh(a.binary, "train", "--model", arch, "--layers", str(layers), "--hidden", str(n), "--task", "recall",
                       "--delay", "2", "--length", "12", "--steps", "30", "--seed", "5", "--progress", "none",
                       "--output-dir", outdir)
                    sh(a.binary, "export", "--pytorch", "--weights", os.path.join(outdir, "weights.safetensors"),
                       "--recurrent-prefix", prefixes[0], "--readout-prefix", prefixes[1], "--output", weights)
                else:
                    d_in_case, d_out_case = d_in, d_out
                    sh(a.binary, "export", "--pytorch", "--model", arch, "--layers", str(layers), "--hidden", str(n),
                       "--inputs", str(d_in), "--outputs", str(d_out), "--seed", "11", "--output", weights)
                rng = np.random.default_rng(17 + layers)
                T, B = 7, 3
                x = rng.standard_normal((T, B, d_in_case))
                y = rng.standard_normal((T, B, d_out_case))
                data = os.path.join(tmp, "data.safetensors")
                save_file({"input": x, "target": y}, data)
                out = os.path.join(tmp, "out.safetensors")
                sh(a.binary, "run", "--weights", weights, "--pytorch", "--model", arch, "--recurrent-prefix", prefixes[0],
                   "--readout-prefix", prefixes[1], "--data", data, "--gradient", "--direction", "gaussian", "--seed", "4",
                   "--output", out)
                r = {k: v.numpy() for k, v in load_file(out).items()}
                rnn, lin = load(weights, arch, d_in_case, n, layers, d_out_case, *prefixes)
                v_groups = {k[len("direction."):]: v for k, v in r.items() if k.startswith("direction.")}
                yhat, states, loss, grads, hvps = torch_reference(arch, rnn, lin, x, y, v_groups, layers)
                errors = {
                    "outputs": rel(r["output"], yhat),
                    "states": max(rel(r[k], v) for k, v in states.items()),
                    "loss": rel(r["loss"], loss),
                    "gradient": max(rel(r["gradient." + k], v) for k, v in grads.items()),
                    "hvp": max(rel(r["hvp." + k], v) for k, v in hvps.items()),
                }
                worst = max(worst, *errors.values())
                print(f"{arch} L={layers} {source:7s} ({'/'.join(p or '-' for p in prefixes)}): "
                      + ", ".join(f"{k} {v:.1e}" for k, v in errors.items()))
    print(f"largest relative difference {worst:.2e} (tolerance {TOL:g})")
    if worst > TOL:
        sys.exit(1)


if __name__ == "__main__":
    main()
