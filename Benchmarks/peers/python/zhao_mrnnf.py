"""PyTorch peer of the Zhao MRNNF benchmark (Benchmarks/run-zhao.sh).

The same computation as `rnnmem train --task series --model mrnnf --hidden 1` (K = 100, float64): MRNNF of Zhao et
al. (2020, ICML, arXiv 2006.03860, §4) written from its equations —
    d = ½σ(b_d),  w_1 = −d,  w_j = w_{j−1}(j − 1 − d)/j,  f_t = Σ_{j=1}^{K} w_j x_{t+1−j}  (zero before t = 1)
    m_t = tanh(W_mm m_{t−1} + W_fm f_t + b_m),  h_t = tanh(W_hh h_{t−1} + W_xh x_t + b_h),  y_t = W_hz h_t + W_mz m_t + b_z
— trained by their protocol: the series min–max scaled on the whole series, the training split as one sequence,
one full-sequence Adam step (PyTorch defaults, lr 0.01) per epoch on the plain MSE, and the validation MSE of every
epoch computed on train → validation with the state carried (scored on the validation part), as rnnmem's trainer
does. The filter is one conv1d over the whole sequence (d is constant within a pass); only the two recurrences
run step by step, as they must in eager PyTorch.

Usage: python zhao_mrnnf.py WEIGHTS.safetensors SERIES.csv TRAIN VALIDATION EPOCHS REPEATS
Prints `LOSS k train validation` per epoch of the first repeat and `TIME seconds` per repeat (training loop only).
"""
import json
import struct
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        assert spec["dtype"] == "F64", spec
        a, b = spec["data_offsets"]
        out[name] = np.frombuffer(data[a:b], dtype="<f8").reshape(spec["shape"]).copy()
    return out, header.get("__metadata__", {})


def main():
    weights, meta = read_safetensors(sys.argv[1])
    series = np.loadtxt(sys.argv[2], delimiter=",", skiprows=1)
    n_train, n_val, epochs, repeats = (int(v) for v in sys.argv[3:7])
    window = int(meta["window"])
    lo, hi = series.min(), series.max()
    scale = 1 / (hi - lo)  # scikit-learn MinMaxScaler arithmetic, as rnnmem: x·scale + offset
    z = series * scale + (-lo * scale)
    x_all = torch.tensor(z[: n_train + n_val])
    y_train = torch.tensor(z[1: n_train + 1])
    y_val = torch.tensor(z[n_train + 1: n_train + n_val + 1])

    def params():
        return {k: torch.tensor(v, requires_grad=True) for k, v in weights.items()}

    def forward(p, x):
        T = x.shape[0]
        d = 0.5 * torch.sigmoid(p["layer0.b_d"][0])
        j = torch.arange(1, window + 1, dtype=torch.float64)
        w = torch.cumprod((j - 1 - d) / j, dim=0)  # w_1 … w_K
        # f_t = Σ_j w_j x_{t+1−j}: a causal convolution (conv1d correlates, so the kernel is reversed).
        xp = torch.cat([torch.zeros(window - 1), x]).view(1, 1, -1)
        f = torch.nn.functional.conv1d(xp, w.flip(0).view(1, 1, -1)).view(T)
        ah = p["layer0.W_xh"][0, 0] * x + p["layer0.b_h"][0]
        am = p["layer0.W_fm"][0, 0] * f + p["layer0.b_m"][0]
        whh, wmm = p["layer0.W_hh"][0, 0], p["layer0.W_mm"][0, 0]
        h = torch.zeros(()); m = torch.zeros(())
        hs, ms = [], []
        for t in range(T):
            h = torch.tanh(whh * h + ah[t])
            m = torch.tanh(wmm * m + am[t])
            hs.append(h)
            ms.append(m)
        H, M = torch.stack(hs), torch.stack(ms)
        return p["readout.W_hz"][0, 0] * H + p["readout.W_mz"][0, 0] * M + p["readout.b_z"][0]

    for r in range(repeats):
        p = params()
        opt = torch.optim.Adam(list(p.values()), lr=0.01)
        t0 = time.perf_counter()
        records = []
        for k in range(epochs):
            opt.zero_grad()
            out = forward(p, x_all[:n_train])
            loss = torch.mean((out - y_train) ** 2)
            with torch.no_grad():
                val = torch.mean((forward(p, x_all)[n_train:] - y_val) ** 2)
            loss.backward()
            opt.step()
            records.append((k + 1, loss.item(), val.item()))
        elapsed = time.perf_counter() - t0
        if r == 0:
            for k, a, b in records:
                print(f"LOSS {k} {a!r} {b!r}")
        print(f"TIME {elapsed!r}")
    print(f"VERSION torch {torch.__version__}")


if __name__ == "__main__":
    main()
