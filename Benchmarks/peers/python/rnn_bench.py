#!/usr/bin/env python3
"""PyTorch and JAX peers of rnnmem's recurrent-network workloads, one thread, CPU.

    rnn_bench.py --workload train_lstm --n 32 --impl pytorch [--repeats 15]
prints
    RESULT <workload> <n> <impl> <median_seconds> <peak_rss_mb> [key=value ...]
or  UNAVAILABLE <workload> <n> <impl> <reason>
    rnn_bench.py --versions      prints VERSION lines

Workloads (the same as rnnmem-bench's RecurrentWorkloads.swift): a tanh RNN / LSTM / GRU with PyTorch's equations
(nn.RNN / nn.LSTM / nn.GRU, separate b_ih and b_hh, gate order i,f,g,o / r,z,n) and hidden width n, one input,
an nn.Linear readout to one output, a fixed batch of B = 32 sequences of length T = 64 (N(0,1) inputs, targets
the input 5 steps earlier), loss = plain mean squared error over every step and sequence.
  train_<arch>  one Adam step (lr 1e-3, PyTorch defaults): forward, backward, update
  grad_<arch>   the gradient of the loss (forward + backward)
  hvp_<arch>    an exact Hessian-vector product along a fixed direction
                (PyTorch: double backward through autograd.grad(create_graph=True); JAX: jvp of grad,
                forward-over-reverse like rnnmem)
Implementations: pytorch, pytorch-f32 (torch, eager CPU), jax, jax-f32 (jax.jit on CPU); float64 unless -f32.
"""
import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                  "VECLIB_MAXIMUM_THREADS"):
    os.environ[_variable] = "1"
os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                           " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

T, B, DELAY = 64, 32, 5
MIN_SAMPLE_SECONDS = 0.02
IMPLS = ("pytorch", "pytorch-f32", "jax", "jax-f32")


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def data():
    rng = np.random.default_rng(20250101)
    x = rng.standard_normal((T, B, 1))
    y = np.zeros_like(x)
    y[DELAY:] = x[:-DELAY]
    return x, y


def gates(arch):
    return {"rnn": 1, "lstm": 4, "gru": 3}[arch]


# --------------------------------------------------------------------------------------------------
# PyTorch


def torch_workload(kind, arch, n, f32):
    import torch
    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    dtype = torch.float32 if f32 else torch.float64
    torch.manual_seed(0)
    if arch == "rnn":
        rnn = torch.nn.RNN(1, n, nonlinearity="tanh", dtype=dtype)
    elif arch == "lstm":
        rnn = torch.nn.LSTM(1, n, dtype=dtype)
    else:
        rnn = torch.nn.GRU(1, n, dtype=dtype)
    lin = torch.nn.Linear(n, 1, dtype=dtype)
    params = list(rnn.parameters()) + list(lin.parameters())
    xn, yn = data()
    x = torch.from_numpy(xn).to(dtype)
    y = torch.from_numpy(yn).to(dtype)

    def loss_fn():
        out, _ = rnn(x)
        return ((lin(out) - y) ** 2).mean()

    if kind == "train":
        opt = torch.optim.Adam(params, lr=1e-3)

        def step():
            opt.zero_grad(set_to_none=True)
            loss = loss_fn()
            loss.backward()
            opt.step()
            return float(loss)
        return step
    if kind == "grad":
        def step():
            g = torch.autograd.grad(loss_fn(), params)
            return float(g[0].sum())
        return step
    gen = torch.Generator().manual_seed(1)
    v = [torch.randn(p.shape, generator=gen, dtype=torch.float64).to(dtype) for p in params]

    def step():
        g = torch.autograd.grad(loss_fn(), params, create_graph=True)
        dot = sum((gi * vi).sum() for gi, vi in zip(g, v))
        hv = torch.autograd.grad(dot, params)
        return float(sum(h.sum() for h in hv))
    return step


# --------------------------------------------------------------------------------------------------
# JAX


def jax_workload(kind, arch, n, f32):
    import jax
    jax.config.update("jax_enable_x64", not f32)
    import jax.numpy as jnp
    dtype = jnp.float32 if f32 else jnp.float64
    g = gates(arch)
    k = 1 / np.sqrt(n)
    rng = np.random.default_rng(0)

    def u(shape):
        return jnp.asarray(rng.uniform(-k, k, size=shape), dtype=dtype)
    params = {"w_ih": u((g * n, 1)), "w_hh": u((g * n, n)), "b_ih": u((g * n,)), "b_hh": u((g * n,)),
              "c": u((1, n)), "c0": u((1,))}
    xn, yn = data()
    x = jnp.asarray(xn, dtype=dtype)
    y = jnp.asarray(yn, dtype=dtype)

    def cell(p, carry, xt):
        h, c = carry
        gi = xt @ p["w_ih"].T + p["b_ih"]
        gh = h @ p["w_hh"].T + p["b_hh"]
        if arch == "rnn":
            h = jnp.tanh(gi + gh)
        elif arch == "lstm":
            a = gi + gh
            i, f, gg, o = jnp.split(a, 4, axis=-1)
            c = jax.nn.sigmoid(f) * c + jax.nn.sigmoid(i) * jnp.tanh(gg)
            h = jax.nn.sigmoid(o) * jnp.tanh(c)
        else:
            r = jax.nn.sigmoid(gi[:, :n] + gh[:, :n])
            z = jax.nn.sigmoid(gi[:, n:2 * n] + gh[:, n:2 * n])
            nn_ = jnp.tanh(gi[:, 2 * n:] + r * gh[:, 2 * n:])
            h = (1 - z) * nn_ + z * h
        return (h, c), h

    def loss_fn(p):
        h0 = jnp.zeros((B, n), dtype=dtype)
        _, hs = jax.lax.scan(lambda carry, xt: cell(p, carry, xt), (h0, h0), x)
        out = hs @ p["c"].T + p["c0"]
        return jnp.mean((out - y) ** 2)

    if kind == "train":
        b1, b2, eps, lr = 0.9, 0.999, 1e-8, 1e-3

        @jax.jit
        def update(p, m, v, t):
            loss, gr = jax.value_and_grad(loss_fn)(p)
            t = t + 1
            m = jax.tree_util.tree_map(lambda a, b: b1 * a + (1 - b1) * b, m, gr)
            v = jax.tree_util.tree_map(lambda a, b: b2 * a + (1 - b2) * b * b, v, gr)
            bc1 = 1 - b1 ** t
            bc2 = 1 - b2 ** t
            p = jax.tree_util.tree_map(lambda q, mm, vv: q - lr * (mm / bc1) / (jnp.sqrt(vv / bc2) + eps), p, m, v)
            return p, m, v, t, loss
        state = [params, jax.tree_util.tree_map(jnp.zeros_like, params),
                 jax.tree_util.tree_map(jnp.zeros_like, params), jnp.asarray(0, dtype=dtype)]

        def step():
            state[0], state[1], state[2], state[3], loss = update(*state)
            return float(loss.block_until_ready())
        return step
    if kind == "grad":
        grad = jax.jit(jax.grad(loss_fn))

        def step():
            gr = grad(params)
            return float(gr["w_hh"].sum().block_until_ready())
        return step
    vrng = np.random.default_rng(1)
    vdir = {key: jnp.asarray(vrng.standard_normal(val.shape), dtype=dtype) for key, val in params.items()}
    hvp = jax.jit(lambda p, v: jax.jvp(jax.grad(loss_fn), (p,), (v,))[1])

    def step():
        hv = hvp(params, vdir)
        return float(sum(a.sum() for a in jax.tree_util.tree_leaves(hv)).block_until_ready())
    return step


# --------------------------------------------------------------------------------------------------


def versions():
    print(f"VERSION python {sys.version.split()[0]}")
    try:
        import torch
        print(f"VERSION torch {torch.__version__} (CPU, torch.set_num_threads(1))")
    except ImportError as e:
        print(f"VERSION torch unavailable ({e})")
    try:
        import jax
        import jaxlib
        print(f"VERSION jax {jax.__version__} (jaxlib {jaxlib.__version__}, CPU, XLA single-threaded)")
    except ImportError as e:
        print(f"VERSION jax unavailable ({e})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workload")
    ap.add_argument("--n", type=int, default=32)
    ap.add_argument("--impl", choices=IMPLS)
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--input", help="ignored (the batch is generated with a fixed seed)")
    ap.add_argument("--versions", action="store_true")
    a = ap.parse_args()
    if a.versions:
        versions()
        return
    kind, _, arch = (a.workload or "").partition("_")
    if kind not in ("train", "grad", "hvp") or arch not in ("rnn", "lstm", "gru") or a.impl is None:
        sys.exit("rnn_bench.py: --workload train|grad|hvp_rnn|lstm|gru and --impl are required")
    f32 = a.impl.endswith("-f32")
    try:
        if a.impl.startswith("pytorch"):
            step = torch_workload(kind, arch, a.n, f32)
        else:
            step = jax_workload(kind, arch, a.n, f32)
    except ImportError as e:
        print(f"UNAVAILABLE {a.workload} {a.n} {a.impl} {e} (pip install torch / jax from PyPI)")
        return
    checksum = step()  # warm-up (jit compilation, allocator)
    t0 = time.perf_counter()
    checksum = step()
    single = time.perf_counter() - t0
    batch = max(1, int(np.ceil(MIN_SAMPLE_SECONDS / max(single, 1e-9)))) if single < MIN_SAMPLE_SECONDS else 1
    samples = []
    for _ in range(max(1, a.repeats)):
        s = time.perf_counter()
        for _ in range(batch):
            checksum = step()
        samples.append((time.perf_counter() - s) / batch)
    samples.sort()
    print(f"RESULT {a.workload} {a.n} {a.impl} {samples[len(samples) // 2]:.6e} {peak_rss_mb():.1f} "
          f"repeats={len(samples)} batch={batch} min_s={samples[0]:.6e} checksum={checksum:.17g}")


if __name__ == "__main__":
    main()
