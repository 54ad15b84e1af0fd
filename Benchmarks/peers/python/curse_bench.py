#!/usr/bin/env python3
"""JAX peer of rnnmem's curse-of-memory training benchmark (Benchmarks/run-curse.sh), CPU, one thread.

    curse_bench.py --check DIR                         compare the first updates with rnnmem's (float64 and float32)
    curse_bench.py --workload curse_linear --n 32 --impl jax|jax-f32 --setting DIR [--repeats 3]
prints CHECK lines, or
    RESULT <workload> <n> <impl> <median_seconds> <peak_rss_mb> [key=value ...]
    curse_bench.py --versions

The computation is rnnmem-bench's (Sources/rnnmem-bench/CurseWorkloads.swift): a student (dense linear RNN
h_t = A h_{t-1} + B x_t, y_t = C h_t + D x_t; or an LRU h_t = lambda*h_{t-1} + gamma*(B x_t), y_t = Re(C h_t) + D x_t,
lambda = exp(-exp(nu_log) + i exp(theta_log)), gamma = exp(gamma_log)) learns a dense linear teacher (its parameters
read from DIR, written by `rnnmem-bench --check-curse DIR`) from fresh N(0, 1) batches of B sequences of length T,
loss 1/2 MSE over every step, Adam with PyTorch's arithmetic (eps added after bias correction), warm-up-cosine
schedule 1e-7 -> lr -> 1e-7 over the run. The whole run (batch generation, teacher forward pass, loss, gradient,
update) is one jax.jit-compiled lax.scan; compilation is excluded from the timing (one warm-up run).
"""
import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_variable] = "1"
os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") +
                           " --xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1").strip()
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def settings(directory):
    s = {}
    for line in open(os.path.join(directory, "curse_settings.txt")):
        k, v = line.split()
        s[k] = float(v) if "." in v or "e" in v else int(v)
    return s


def setup(f32):
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    real = jnp.float32 if f32 else jnp.float64
    cplx = jnp.complex64 if f32 else jnp.complex128
    return jax, jnp, real, cplx


def make(directory, model, f32):
    jax, jnp, real, cplx = setup(f32)
    s = settings(directory)
    n, T, B, steps = s["hidden"], s["length"], s["batch"], s["steps"]
    d = s["teacher_size"]
    lr = s["lr_" + model]
    teacher = np.load(os.path.join(directory, "curse_teacher.npy"))
    tA = teacher[:d * d].reshape(d, d, order="F")
    tB = teacher[d * d:d * d + d].reshape(d, 1, order="F")
    tC = teacher[d * d + d:d * d + 2 * d].reshape(1, d, order="F")
    tD = teacher[d * d + 2 * d:].reshape(1, 1)
    teacher = tuple(jnp.asarray(m, dtype=real) for m in (tA, tB, tC, tD))
    p0 = np.load(os.path.join(directory, f"curse_{model}_student.npy"))

    def dense_outputs(A, Bm, C, D, x):  # x: [T, B]
        def step(h, xt):
            h = A @ h + Bm * xt[None, :]
            return h, (C @ h)[0] + D[0, 0] * xt
        _, y = jax.lax.scan(step, jnp.zeros((A.shape[0], x.shape[1]), dtype=x.dtype), x)
        return y

    if model == "linear":
        def unpack(p):
            A = p[:n * n].reshape(n, n).T  # column-major
            Bm = p[n * n:n * n + n].reshape(n, 1)
            C = p[n * n + n:n * n + 2 * n].reshape(1, n)
            D = p[n * n + 2 * n:].reshape(1, 1)
            return A, Bm, C, D

        def student(p, x):
            return dense_outputs(*unpack(p), x)
    else:
        def student(p, x):
            nu_log, theta_log, gamma_log = p[:n], p[n:2 * n], p[2 * n:3 * n]
            b = (p[3 * n:4 * n] + 1j * p[4 * n:5 * n]).astype(cplx)
            c = (p[5 * n:6 * n] + 1j * p[6 * n:7 * n]).astype(cplx)
            D = p[7 * n]
            lam = jnp.exp(-jnp.exp(nu_log) + 1j * jnp.exp(theta_log)).astype(cplx)
            gb = (jnp.exp(gamma_log) * b)[:, None]

            def step(h, xt):
                h = lam[:, None] * h + gb * xt[None, :].astype(cplx)
                return h, jnp.real(c @ h) + D * xt
            _, y = jax.lax.scan(step, jnp.zeros((n, x.shape[1]), dtype=cplx), x)
            return y

    def loss(p, x, y):
        r = student(p, x) - y
        return 0.5 * jnp.mean(r * r)

    grad = jax.value_and_grad(loss)

    def learning_rate(k):
        progress = jnp.minimum(k, steps) / steps
        return 1e-7 + (lr - 1e-7) * 0.5 * (1 + jnp.cos(jnp.pi * progress))

    b1, b2, eps = 0.9, 0.999, 1e-8

    def update(state, x):
        p, m, v, k = state
        y = dense_outputs(*teacher, x)
        value, g = grad(p, x, y)
        eta = learning_rate(k).astype(real)
        m = m + (1 - b1) * (g - m)
        v = b2 * v + (1 - b2) * g * g
        t = (k + 1).astype(real)
        denom = jnp.sqrt(v) / jnp.sqrt(1 - b2 ** t) + eps
        p = p - (eta / (1 - b1 ** t)) * (m / denom)
        return (p, m, v, k + 1), value

    p0 = jnp.asarray(p0, dtype=real)
    zero = jnp.zeros_like(p0)

    @jax.jit
    def run_given(xs):  # xs: [K, T, B] inputs of the first K updates
        _, losses = jax.lax.scan(update, (p0, zero, zero, jnp.asarray(0)), xs.astype(real))
        return losses

    @jax.jit
    def run(key):
        def body(state, k):
            x = jax.random.normal(jax.random.fold_in(key, k), (T, B), dtype=real)
            return update(state, x)
        _, losses = jax.lax.scan(body, (p0, zero, zero, jnp.asarray(0)), jnp.arange(steps))
        return losses

    return run_given, run, s, jax


def check(directory):
    inputs = np.load(os.path.join(directory, "curse_inputs.npy"))
    status = 0
    for model in ("linear", "lru"):
        reference = np.load(os.path.join(directory, f"curse_{model}_losses.npy"))[:inputs.shape[0]]
        for f32, tolerance in ((False, 1e-9), (True, 1e-3)):
            run_given, _, _, _ = make(directory, model, f32)
            losses = np.asarray(run_given(inputs), dtype=np.float64)
            error = float(np.max(np.abs(losses - reference) / np.abs(reference)))
            ok = error <= tolerance
            status |= 0 if ok else 1
            print(f"CHECK curse_{model} jax{'-f32' if f32 else ''} updates={inputs.shape[0]} "
                  f"max_relative_loss_difference={error:.3e} tolerance={tolerance:g} {'ok' if ok else 'MISMATCH'}")
    return status


def bench(workload, n, impl, directory, repeats):
    model = workload.split("_", 1)[1]
    run_given, run, s, jax = make(directory, model, impl == "jax-f32")
    if s["hidden"] != n:
        print(f"curse_bench.py: --n {n} differs from the setting's hidden {s['hidden']}", file=sys.stderr)
        return 2
    key = jax.random.PRNGKey(0)
    losses = run(key).block_until_ready()  # compile + warm-up
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        losses = run(key).block_until_ready()
        samples.append(time.perf_counter() - t0)
    samples.sort()
    median = samples[len(samples) // 2]
    final = float(np.asarray(losses)[-1])
    print(f"RESULT {workload} {n} {impl} {median:.6e} {peak_rss_mb():.1f} repeats={len(samples)} "
          f"min_s={samples[0]:.6e} final_loss={final:.6e}")
    return 0


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--check")
    a.add_argument("--workload")
    a.add_argument("--n", type=int)
    a.add_argument("--impl", choices=("jax", "jax-f32"))
    a.add_argument("--setting")
    a.add_argument("--repeats", type=int, default=3)
    a.add_argument("--versions", action="store_true")
    o = a.parse_args()
    if o.versions:
        import jax
        import jaxlib
        print(f"VERSION jax {jax.__version__} (jaxlib {jaxlib.__version__}, CPU, XLA single-threaded)")
        return 0
    if o.check:
        return check(o.check)
    return bench(o.workload, o.n, o.impl, o.setting, o.repeats)


if __name__ == "__main__":
    sys.exit(main())
