#!/usr/bin/env python3
"""NumPy and JAX peers of rnnmem's spectra workloads (SpectraWorkloads.swift), one thread, CPU, float64.

    spectra_bench.py --workload lyapunov --n 200 --impl numpy|jax --input FILE [--repeats 3]
    spectra_bench.py --workload slq --n 48 --impl jax --input FILE [--repeats 3]
prints
    RESULT <workload> <n> <impl> <median_seconds> <peak_rss_mb> [key=value ...]
or  UNAVAILABLE <workload> <n> <impl> <reason>
    spectra_bench.py --check DIR --impl numpy|jax --lyapunov-input FILE --n 200 [--slq-input FILE]
writes DIR/lyapunov-<impl>.txt (the exponents, descending, then mean log|det D_t|) and, for jax,
DIR/slq-jax.txt (loss, theta^T H theta, |H theta|, largest and smallest node), one value per line;
    spectra_bench.py --verify DIR      compares every file with rnnmem's, exit status 1 on a mismatch
    spectra_bench.py --versions        prints VERSION lines

Workloads (the same computation as rnnmem's, step by step):
  lyapunov  h <- J tanh(h), D_t = J diag(sech^2 h_t); 100 transient steps; Q_0 = qr(G_0); then 300 warm-up and
            3000 accumulated steps of Q <- qr(D_t Q) (re-orthonormalisation every step), sums of log|R_ii| and of
            log|det D_t| = log|det J| + sum_i log sech^2(h_i) over the accumulated steps; the exponents sorted.
            numpy: np.linalg.qr (LAPACK dgeqrf + dorgqr) per step in a Python loop; jax: the same in jax.lax.scan
            under jax.jit (jnp.linalg.qr).
  slq       stochastic Lanczos quadrature of the Hessian of L = mean (y - target)^2 of an LSTM (PyTorch's
            equations, gate order i, f, g, o, separate b_ih and b_hh, nn.Linear readout) on T = 64 x B = 32:
            4 Rademacher probes x 100 Lanczos steps with full reorthogonalisation (twice per step), nodes and
            weights from eigh of the tridiagonal. HVP = jax.jvp of jax.grad (forward-over-reverse), jitted.
"""
import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                  "VECLIB_MAXIMUM_THREADS"):
    os.environ[_variable] = "1"
os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                           " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

TRANSIENT, WARM_UP, STEPS = 100, 300, 3000
SLQ_STEPS, SLQ_PROBES = 100, 4


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def read_lyapunov(path, n):
    v = np.fromfile(path, dtype="<f8", count=2 * n * n + n)
    return v[:n * n].reshape(n, n).copy(), v[n * n:n * n + n].copy(), v[n * n + n:].reshape(n, n).copy()


def read_safetensors(path):
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        out[name] = np.frombuffer(data[a:b], dtype="<f8").reshape(info["shape"]).copy()
    return out


def log_sech2(h):
    a = np.abs(h)
    return 2 * (np.log(2) - a - np.log1p(np.exp(-2 * a)))


# --------------------------------------------------------------------------------------------------
# Lyapunov spectrum


def lyapunov_numpy(j, h0, g0):
    log_det_j = np.linalg.slogdet(j)[1]
    h = h0.copy()
    for _ in range(TRANSIENT):
        h = j @ np.tanh(h)
    q, _ = np.linalg.qr(g0)
    sums = np.zeros(len(h0))
    log_det = 0.0
    for t in range(WARM_UP + STEPS):
        ls = log_sech2(h)
        d = j * np.exp(ls)[None, :]
        h = j @ np.tanh(h)
        q, r = np.linalg.qr(d @ q)
        if t >= WARM_UP:
            sums += np.log(np.abs(np.diag(r)))
            log_det += log_det_j + ls.sum()
    return np.sort(sums / STEPS)[::-1], log_det / STEPS


def lyapunov_jax_function():
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp

    def log_sech2_j(h):
        a = jnp.abs(h)
        return 2 * (jnp.log(2.0) - a - jnp.log1p(jnp.exp(-2 * a)))

    @jax.jit
    def run(j, h0, g0):
        log_det_j = jnp.linalg.slogdet(j)[1]

        def transient(h, _):
            return j @ jnp.tanh(h), None
        h, _ = jax.lax.scan(transient, h0, None, length=TRANSIENT)
        q, _ = jnp.linalg.qr(g0)

        def step(carry, accumulate):
            h, q, sums, log_det = carry
            ls = log_sech2_j(h)
            d = j * jnp.exp(ls)[None, :]
            h = j @ jnp.tanh(h)
            q, r = jnp.linalg.qr(d @ q)
            sums = sums + accumulate * jnp.log(jnp.abs(jnp.diag(r)))
            log_det = log_det + accumulate * (log_det_j + ls.sum())
            return (h, q, sums, log_det), None
        flags = jnp.concatenate([jnp.zeros(WARM_UP), jnp.ones(STEPS)])
        (h, q, sums, log_det), _ = jax.lax.scan(step, (h, q, jnp.zeros(h0.shape[0]), 0.0), flags)
        return jnp.sort(sums / STEPS)[::-1], log_det / STEPS

    return run


# --------------------------------------------------------------------------------------------------
# SLQ of an LSTM's Hessian


def slq_jax_setup(path):
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    from jax.flatten_util import ravel_pytree

    t = read_safetensors(path)
    x = jnp.asarray(t["input"])
    y = jnp.asarray(t["target"])
    params = {k: jnp.asarray(t[k]) for k in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                                             "linear.weight", "linear.bias")}
    theta, unravel = ravel_pytree(params)
    hidden = params["weight_hh_l0"].shape[1]
    batch = x.shape[1]

    def loss(vec):
        p = unravel(vec)

        def cell(carry, xt):
            h, c = carry
            a = xt @ p["weight_ih_l0"].T + p["bias_ih_l0"] + h @ p["weight_hh_l0"].T + p["bias_hh_l0"]
            i, f, g, o = jnp.split(a, 4, axis=-1)
            c = jax.nn.sigmoid(f) * c + jax.nn.sigmoid(i) * jnp.tanh(g)
            h = jax.nn.sigmoid(o) * jnp.tanh(c)
            return (h, c), h
        zero = jnp.zeros((batch, hidden))
        _, hs = jax.lax.scan(cell, (zero, zero), x)
        out = hs @ p["linear.weight"].T + p["linear.bias"]
        return jnp.mean((out - y) ** 2)

    hvp = jax.jit(lambda v: jax.jvp(jax.grad(loss), (theta,), (v,))[1])
    return theta, jax.jit(loss), hvp


def slq(hvp, n, seed=1):
    """4 probes x 100 steps of Lanczos with full reorthogonalisation; returns (nodes, weights) per probe."""
    rng = np.random.default_rng(seed)
    rules = []
    for _ in range(SLQ_PROBES):
        v = rng.choice([-1.0, 1.0], size=n)
        v /= np.linalg.norm(v)
        basis = np.zeros((SLQ_STEPS, n))
        alpha, beta = [], []
        for k in range(SLQ_STEPS):
            basis[k] = v
            w = np.array(hvp(v))
            a = w @ v
            alpha.append(a)
            for _ in range(2):
                w -= basis[:k + 1].T @ (basis[:k + 1] @ w)
            b = np.linalg.norm(w)
            if k + 1 == SLQ_STEPS or b == 0:
                break
            beta.append(b)
            v = w / b
        m = len(alpha)
        tri = np.diag(alpha) + np.diag(beta[:m - 1], 1) + np.diag(beta[:m - 1], -1)
        nodes, vectors = np.linalg.eigh(tri)
        rules.append((nodes, vectors[0] ** 2))
    return rules


# --------------------------------------------------------------------------------------------------


def versions():
    print(f"VERSION python {sys.version.split()[0]}")
    print(f"VERSION numpy {np.__version__}")
    try:
        import jax
        import jaxlib
        print(f"VERSION jax {jax.__version__} (jaxlib {jaxlib.__version__}, CPU, XLA single-threaded)")
    except ImportError as e:
        print(f"VERSION jax unavailable ({e})")


def timed(step, repeats):
    checksum = step()  # warm-up: jit compilation, allocations
    samples, cpu = [], []
    for _ in range(max(1, repeats)):
        s, c = time.perf_counter(), time.process_time()
        checksum = step()
        samples.append(time.perf_counter() - s)
        cpu.append(time.process_time() - c)
    samples.sort()
    cpu.sort()
    return samples, cpu, checksum


def check(a):
    os.makedirs(a.check, exist_ok=True)

    def write(name, values):
        with open(os.path.join(a.check, f"{name}-{a.impl}.txt"), "w") as f:
            f.write("".join(f"{v:.17g}\n" for v in values))
    if a.lyapunov_input:
        j, h0, g0 = read_lyapunov(a.lyapunov_input, a.n)
        if a.impl == "numpy":
            ex, ld = lyapunov_numpy(j, h0, g0)
        else:
            ex, ld = lyapunov_jax_function()(j, h0, g0)
        write("lyapunov", list(np.asarray(ex)) + [float(ld)])
    if a.slq_input and a.impl == "jax":
        theta, loss, hvp = slq_jax_setup(a.slq_input)
        h = np.array(hvp(theta))
        th = np.asarray(theta)
        rules = slq(hvp, th.size)
        nodes = np.concatenate([r[0] for r in rules])
        write("slq", [float(loss(theta)), float(th @ h), float(np.linalg.norm(h)), nodes.max(), nodes.min()])


def verify(directory, lyapunov_input=None, n=200):
    """Every peer's file against rnnmem's: exponents and log-det to 1e-9 absolute (they are O(1) per step), the
    SLQ loss and quadratic forms to 1e-9 relative, the extreme nodes to 1e-6 relative (each program draws its own
    probe vectors; 100 Lanczos steps converge the extremes). With the (non-chaotic, g < 1) Lyapunov input also
    rnnmem's exponents against sorted log|eig J|, the exponents of the attracting fixed point h = 0 (Y2: abs 5e-3)."""
    failures = 0
    ref_path = os.path.join(directory, "lyapunov-rnnmem.txt")
    if lyapunov_input and os.path.exists(ref_path):
        j, _, _ = read_lyapunov(lyapunov_input, n)
        expected = np.sort(np.log(np.abs(np.linalg.eigvals(j))))[::-1]
        got = np.loadtxt(ref_path, ndmin=1)[:n]
        err = float(np.max(np.abs(got - expected)))
        ok = err <= 5e-3
        print(f"VERIFY lyapunov-y2 rnnmem {'ok' if ok else 'FAILED'} max_error={err:.3e} (exponents vs log|eig J|, N = {n})")
        failures += 0 if ok else 1
    for name, tolerance, relative in (("lyapunov", 1e-9, False), ("slq", None, True)):
        ref_path = os.path.join(directory, f"{name}-rnnmem.txt")
        if not os.path.exists(ref_path):
            continue
        ref = np.loadtxt(ref_path, ndmin=1)
        for impl in ("numpy", "jax"):
            path = os.path.join(directory, f"{name}-{impl}.txt")
            if not os.path.exists(path):
                continue
            other = np.loadtxt(path, ndmin=1)
            if other.shape != ref.shape:
                print(f"VERIFY {name} {impl} FAILED shape {other.shape} != {ref.shape}")
                failures += 1
                continue
            if relative:
                tol = np.array([1e-9, 1e-9, 1e-9, 1e-6, 1e-6])
                err = np.abs(other - ref) / np.maximum(np.abs(ref), 1e-300)
                ok = bool(np.all(err <= tol))
                worst = float(err.max())
            else:
                err = np.abs(other - ref)
                ok = bool(np.all(err <= tolerance))
                worst = float(err.max())
            print(f"VERIFY {name} {impl} {'ok' if ok else 'FAILED'} max_error={worst:.3e}")
            failures += 0 if ok else 1
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workload", choices=("lyapunov", "slq"))
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--impl", choices=("numpy", "jax"))
    ap.add_argument("--input")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--check")
    ap.add_argument("--lyapunov-input")
    ap.add_argument("--slq-input")
    ap.add_argument("--verify")
    ap.add_argument("--versions", action="store_true")
    a = ap.parse_args()
    if a.versions:
        versions()
        return
    if a.verify:
        sys.exit(1 if verify(a.verify, a.lyapunov_input, a.n) else 0)
    try:
        if a.check:
            check(a)
            return
        if a.workload == "lyapunov":
            j, h0, g0 = read_lyapunov(a.input, a.n)
            if a.impl == "numpy":
                def step():
                    return float(lyapunov_numpy(j, h0, g0)[0].sum())
            else:
                run = lyapunov_jax_function()

                def step():
                    ex, _ = run(j, h0, g0)
                    return float(ex.block_until_ready().sum())
        elif a.workload == "slq" and a.impl == "jax":
            theta, _, hvp = slq_jax_setup(a.input)
            n = int(theta.size)

            def step():
                rules = slq(hvp, n)
                return float(n * np.mean([np.sum(w * x) for x, w in rules]))
        else:
            print(f"UNAVAILABLE {a.workload} {a.n} {a.impl} no {a.impl} implementation of this workload")
            return
    except ImportError as e:
        print(f"UNAVAILABLE {a.workload} {a.n} {a.impl} {e} (pip install jax from PyPI)")
        return
    samples, cpu, checksum = timed(step, a.repeats)
    print(f"RESULT {a.workload} {a.n} {a.impl} {samples[len(samples) // 2]:.6e} {peak_rss_mb():.1f} "
          f"repeats={len(samples)} batch=1 min_s={samples[0]:.6e} cpu_s={cpu[len(cpu) // 2]:.6e} checksum={checksum:.17g}")


if __name__ == "__main__":
    main()
