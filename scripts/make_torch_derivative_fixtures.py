#!/usr/bin/env python3
"""Make the derivative fixtures of Tests/RecurrentTests/Fixtures/: reference gradients and
Hessian-vector products of nn.RNN (tanh) / nn.LSTM / nn.GRU + nn.Linear, one and two layers, by an independent
implementation — PyTorch's float64 autograd on the CPU, the HVP by double backward (Pearlmutter's R-operator as
reverse-over-reverse: Hv = ∇_θ (∇_θ L · v)).

Each file `deriv_<arch>_l<L>.safetensors` holds, all float64:
  * the state dict under PyTorch's names (weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k},
    linear.weight, linear.bias), drawn U(−0.9, 0.9) (biases U(−0.5, 0.5)) from numpy's PCG64 with a fixed seed;
  * `input` [T, B, d_in], `target` [T, B, d_out] (standard normal), `loss` [] = ½·mean over steps, sequences and
    outputs of (ŷ − y)², h_0 = c_0 = 0;
  * the direction v and the results under the same names with prefixes: `direction.<name>` (standard normal),
    `gradient.<name>` = ∂L/∂θ, `hvp.<name>` = H v;
  * `__metadata__`: the module, the sizes, the seed, torch's and numpy's versions.

Usage (the CPU torch wheel; numpy and safetensors from PyPI):
    python3 -m venv /tmp/torchenv && /tmp/torchenv/bin/pip install torch numpy safetensors
    /tmp/torchenv/bin/python scripts/make_torch_derivative_fixtures.py [--out Tests/RecurrentTests/Fixtures]
The same torch version gives the same tensors, bit for bit (single thread, fixed seeds; the order of the metadata
in the header may vary).
"""
import argparse
import os

import numpy as np
import safetensors
import torch
from safetensors.numpy import save_file

GATES = {"rnn": 1, "lstm": 4, "gru": 3}
# name, architecture, d_in, hidden, d_out, layers, T, B, seed
FIXTURES = [
    ("deriv_rnn_l1", "rnn", 3, 4, 2, 1, 6, 3, 1101),
    ("deriv_rnn_l2", "rnn", 2, 3, 2, 2, 5, 3, 1102),
    ("deriv_lstm_l1", "lstm", 3, 4, 2, 1, 6, 3, 1201),
    ("deriv_lstm_l2", "lstm", 2, 3, 2, 2, 5, 3, 1202),
    ("deriv_gru_l1", "gru", 3, 4, 2, 1, 6, 3, 1301),
    ("deriv_gru_l2", "gru", 2, 3, 2, 2, 5, 3, 1302),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(here, "..", "Tests", "RecurrentTests", "Fixtures"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    for (name, arch, d_in, n, d_out, layers, T, B, seed) in FIXTURES:
        rng = np.random.default_rng(seed)
        g = GATES[arch]
        sd = {}
        for k in range(layers):
            d = d_in if k == 0 else n
            sd[f"weight_ih_l{k}"] = rng.uniform(-0.9, 0.9, size=(g * n, d))
            sd[f"weight_hh_l{k}"] = rng.uniform(-0.9, 0.9, size=(g * n, n))
            sd[f"bias_ih_l{k}"] = rng.uniform(-0.5, 0.5, size=(g * n,))
            sd[f"bias_hh_l{k}"] = rng.uniform(-0.5, 0.5, size=(g * n,))
        sd["linear.weight"] = rng.uniform(-0.9, 0.9, size=(d_out, n))
        sd["linear.bias"] = rng.uniform(-0.5, 0.5, size=(d_out,))
        x = rng.standard_normal((T, B, d_in))
        y = rng.standard_normal((T, B, d_out))
        v = {k: rng.standard_normal(a.shape) for k, a in sd.items()}

        cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[arch]
        kw = {"nonlinearity": "tanh"} if arch == "rnn" else {}
        rnn = cls(d_in, n, num_layers=layers, dtype=torch.float64, **kw)
        lin = torch.nn.Linear(n, d_out, dtype=torch.float64)
        rnn.load_state_dict({k: torch.from_numpy(a) for k, a in sd.items() if not k.startswith("linear.")}, strict=True)
        lin.load_state_dict({k[len("linear."):]: torch.from_numpy(a) for k, a in sd.items() if k.startswith("linear.")},
                            strict=True)
        names = [k for k in sd if not k.startswith("linear.")]
        params = [getattr(rnn, k) for k in names] + [lin.weight, lin.bias]
        names += ["linear.weight", "linear.bias"]
        out, _ = rnn(torch.from_numpy(x))
        loss = 0.5 * torch.mean((lin(out) - torch.from_numpy(y)) ** 2)
        grads = torch.autograd.grad(loss, params, create_graph=True)
        gv = sum((gr * torch.from_numpy(v[k])).sum() for gr, k in zip(grads, names))
        hvps = torch.autograd.grad(gv, params)

        tensors = dict(sd)
        tensors["input"] = x
        tensors["target"] = y
        tensors["loss"] = np.array(loss.item())
        for k, gr, hv in zip(names, grads, hvps):
            tensors["direction." + k] = v[k]
            tensors["gradient." + k] = gr.detach().numpy()
            tensors["hvp." + k] = hv.numpy()
        meta = {
            "format": "pytorch", "module": f"nn.{cls.__name__}", "architecture": arch,
            "input_size": str(d_in), "hidden_size": str(n), "output_size": str(d_out), "num_layers": str(layers),
            "steps": str(T), "batch": str(B), "seed": str(seed),
            "loss": "0.5 * mean((linear(rnn(input)) - target)^2), h_0 = c_0 = 0",
            "reference": "torch.autograd.grad in float64 on the CPU; hvp by double backward of gradient . direction",
            "generator": f"torch {torch.__version__}, numpy {np.__version__}, safetensors {safetensors.__version__}",
        }
        path = os.path.join(args.out, f"{name}.safetensors")
        save_file({k: np.array(a, dtype=np.float64, order="C") for k, a in tensors.items()}, path, metadata=meta)
        print(f"{path}: {arch} L={layers} d_in={d_in} N={n} d_out={d_out} T={T} B={B}; loss {loss.item():.17g}; "
              f"|grad| {np.sqrt(sum(float((gr.detach() ** 2).sum()) for gr in grads)):.6g}; "
              f"|Hv| {np.sqrt(sum(float((h ** 2).sum()) for h in hvps)):.6g}")


if __name__ == "__main__":
    main()
