#!/usr/bin/env python3
"""Check that every implementation computes the same numbers before anything is timed.

Each implementation's verification mode wrote CHECKDIR/<workload>-<impl>.txt (one value per line) for a
small n, from the same input file. This script recomputes every workload by its defining sum, in plain
Python (O(n^2), no FFT, no third-party code), and compares:

  fracdiff      y_t = sum_{j<t} pi_j xc_{t-j} on the demeaned input xc (so R's diffseries, which demeans, is
                comparable), pi_0 = 1, pi_j = pi_{j-1}(j-1-d)/j, d = 0.4
  acf100        rho(k) = c(k)/c(0), c(k) = (1/n) sum_{t=1}^{n-k} (x_t - xbar)(x_{t+k} - xbar), k = 0..100
  periodogram   I(lambda_j) = |sum_{t=1}^n x_t e^{-i lambda_j t}|^2/(2 pi n), lambda_j = 2 pi j/n, j = 1..floor(n/2)
  davies_harte  Re W_t, t = 0..n-1, W_t = sum_k sqrt(mu_k/M) (a_k + i b_k) e^{-2 pi i k t/M}, M = 2(n-1),
                mu_k = sum_s c_s e^{-2 pi i k s/M}, c = (g_0..g_{n-1}, g_{n-2}..g_1) the ARFIMA(0,0.4,0) acvf,
                a = input[0:M], b = input[M:2M]

Estimators of d, compared with their own tolerances:

  lw            local Whittle d (Robinson 1995), m = floor(n^0.65): R(d) = log(mean_j lambda_j^{2d} I_j) - 2d mean_j
                log lambda_j from the direct DFT, minimised by golden section on [-1, 2.2]; |difference| <= 1e-6
                (the implementations stop their optimisers at about 1e-8 .. 1e-9)
  dfa           DFA-1, non-overlapping windows from the start, sizes floor(4 1.2^i) up to n/10: alpha, then F(s);
                line fits in closed form; relative tolerance 1e-9
  hr            Haslett-Raftery d of y = (1-B)^{-0.3} x: no plain reference; the implementations are compared
                pairwise and must agree to 5e-4 (R fracdiff stops at its default dtol = eps^(1/4) = 1.2e-4)

The same peer comparisons on fixed data (R fracdiff's Haslett-Raftery and diffseries, pyelw's local Whittle family,
nolds' DFA) are unit tests with committed reference values: Tests/LongMemoryTests/PeerReferenceTests.swift, made by
scripts/reference/peer_references_fracdiff.R and scripts/reference/peer_references_python.py.

Prints one CHECK line per implementation and a pairwise table; exits 1 if any implementation is off
by more than the tolerance (relative to the largest reference value), 0 otherwise.

Usage: verify.py --input FILE --n N --checkdir DIR [--tolerance 1e-10]
"""
import argparse
import array
import glob
import math
import os
import sys

D = 0.4
LAGS = 100
WORKLOADS = ("fracdiff", "acf100", "periodogram", "davies_harte")
ESTIMATOR_WORKLOADS = ("lw", "dfa", "hr")
HR_PAIRWISE_TOLERANCE = 5e-4
LW_TOLERANCE = 1e-6
DFA_TOLERANCE = 1e-9


def read_input(path, count):
    values = array.array("d")
    with open(path, "rb") as handle:
        values.fromfile(handle, count)
    if sys.byteorder != "little":
        values.byteswap()
    return list(values)


def reference_fracdiff(x):
    n = len(x)
    mean = math.fsum(x) / n
    xc = [v - mean for v in x]
    weights = [1.0]
    for j in range(1, n):
        weights.append(weights[-1] * ((j - 1 - D) / j))
    return [math.fsum(weights[j] * xc[t - j] for j in range(t + 1)) for t in range(n)]


def reference_acf(x):
    n = len(x)
    mean = math.fsum(x) / n
    xc = [v - mean for v in x]
    c = [math.fsum(xc[t] * xc[t + k] for t in range(n - k)) / n for k in range(LAGS + 1)]
    return [ck / c[0] for ck in c]


def reference_periodogram(x):
    n = len(x)
    cos_table = [math.cos(2 * math.pi * r / n) for r in range(n)]
    sin_table = [math.sin(2 * math.pi * r / n) for r in range(n)]
    result = []
    for j in range(1, n // 2 + 1):
        re = math.fsum(x[t - 1] * cos_table[(j * t) % n] for t in range(1, n + 1))
        im = math.fsum(x[t - 1] * sin_table[(j * t) % n] for t in range(1, n + 1))
        result.append((re * re + im * im) / (2 * math.pi * n))
    return result


def reference_davies_harte(n, noise):
    gamma0 = math.exp(math.lgamma(1 - 2 * D) - 2 * math.lgamma(1 - D))
    gamma = [gamma0]
    for k in range(1, n):
        gamma.append(gamma[-1] * (k - 1 + D) / (k - D))
    m = 2 * (n - 1)
    cos_table = [math.cos(2 * math.pi * r / m) for r in range(m)]
    sin_table = [math.sin(2 * math.pi * r / m) for r in range(m)]
    # mu_k = g_0 + 2 sum_{s=1}^{n-2} g_s cos(2 pi k s/M) + g_{n-1} cos(pi k); mu_{M-k} = mu_k
    half = [gamma[0] + 2 * math.fsum(gamma[s] * cos_table[(k * s) % m] for s in range(1, n - 1))
            + gamma[n - 1] * (-1 if k % 2 else 1) for k in range(n)]
    if min(half) < 0:
        raise ValueError("negative circulant eigenvalue in the reference")
    mu = half + half[-2:0:-1]
    scale = [math.sqrt(v / m) for v in mu]
    a, b = noise[:m], noise[m:2 * m]
    # Re[(a + ib)(cos - i sin)] = a cos + b sin
    return [math.fsum(scale[k] * (a[k] * cos_table[(k * t) % m] + b[k] * sin_table[(k * t) % m])
                      for k in range(m)) for t in range(n)]


def reference_lw(x):
    n = len(x)
    m = int(math.floor(math.exp(0.65 * math.log(n)) * (1 + 1e-12)))
    periodogram, log_lambda = [], []
    for j in range(1, m + 1):
        re = math.fsum(x[t - 1] * math.cos(2 * math.pi * j * t / n) for t in range(1, n + 1))
        im = math.fsum(x[t - 1] * math.sin(2 * math.pi * j * t / n) for t in range(1, n + 1))
        periodogram.append((re * re + im * im) / (2 * math.pi * n))
        log_lambda.append(math.log(2 * math.pi * j / n))
    mean_log = math.fsum(log_lambda) / m

    def objective(d):
        g = math.fsum(p * math.exp(2 * d * (l - mean_log)) for p, l in zip(periodogram, log_lambda)) / m
        return math.log(g)

    a, b = -1.0, 2.2
    ratio = (math.sqrt(5) - 1) / 2
    c, e = b - ratio * (b - a), a + ratio * (b - a)
    fc, fe = objective(c), objective(e)
    while b - a > 1e-12:
        if fc < fe:
            b, e, fe = e, c, fc
            c = b - ratio * (b - a)
            fc = objective(c)
        else:
            a, c, fc = c, e, fe
            e = a + ratio * (b - a)
            fe = objective(e)
    return [(a + b) / 2]


def dfa_windows(n):
    max_i = int(math.floor(math.log(0.1 * n / 4) / math.log(1.2)))
    sizes = [4]
    for i in range(max_i + 1):
        size = int(math.floor(4 * 1.2 ** i))
        if size > sizes[-1]:
            sizes.append(size)
    return sizes


def least_squares_slope(u, v):
    mu, mv = math.fsum(u) / len(u), math.fsum(v) / len(v)
    return math.fsum((a - mu) * (b - mv) for a, b in zip(u, v)) / math.fsum((a - mu) ** 2 for a in u)


def reference_dfa(x):
    n = len(x)
    mean = math.fsum(x) / n
    profile, total = [], 0.0
    for v in x:
        total += v - mean
        profile.append(total)
    windows = dfa_windows(n)
    fluctuations = []
    for s in windows:
        t = list(range(s))
        residual_means = []
        for start in range(0, n - s + 1, s):
            y = profile[start:start + s]
            slope = least_squares_slope(t, y)
            intercept = math.fsum(y) / s - slope * (s - 1) / 2
            residual_means.append(math.fsum((y[i] - intercept - slope * i) ** 2 for i in range(s)) / s)
        fluctuations.append(math.sqrt(math.fsum(residual_means) / len(residual_means)))
    alpha = least_squares_slope([math.log(s) for s in windows], [math.log(f) for f in fluctuations])
    return [alpha] + fluctuations


def check_estimators(checkdir, x):
    """CHECK lines for lw, dfa and hr; returns the number of failures."""
    failures = 0
    references = {"lw": (reference_lw(x), LW_TOLERANCE, False), "dfa": (reference_dfa(x), DFA_TOLERANCE, True)}
    for workload in ESTIMATOR_WORKLOADS:
        outputs = {}
        for path in sorted(glob.glob(os.path.join(checkdir, f"{workload}-*.txt"))):
            outputs[os.path.basename(path)[len(workload) + 1:-4]] = read_values(path)
        if not outputs:
            print(f"CHECK {workload} - - no implementation wrote a check file")
            continue
        if workload in references:
            reference, tolerance, relative = references[workload]
            scale = max(abs(v) for v in reference) if relative else 1.0
            for impl, values in outputs.items():
                difference = max_abs_diff(values, reference)
                ok = difference <= tolerance * scale
                failures += not ok
                print(f"CHECK {workload} {impl} {difference:.3e} {'ok' if ok else 'FAIL'} "
                      f"(d or alpha = {values[0]:.10f}, reference {reference[0]:.10f})")
        else:
            for impl, values in outputs.items():
                print(f"CHECK {workload} {impl} - value {values[0]:.10f} (no plain reference; pairwise below)")
        names = list(outputs)
        pairs = []
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                difference = max_abs_diff(outputs[a][:1], outputs[b][:1])
                if workload == "hr" and difference > HR_PAIRWISE_TOLERANCE:
                    failures += 1
                    print(f"CHECK {workload} {a}~{b} {difference:.3e} FAIL (tolerance {HR_PAIRWISE_TOLERANCE:g})")
                pairs.append(f"{a}~{b} {difference:.1e}")
        if pairs:
            print(f"PAIRWISE {workload} " + ", ".join(pairs))
    return failures


def read_values(path):
    with open(path) as handle:
        return [float(line) for line in handle if line.strip()]


def max_abs_diff(u, v):
    if len(u) != len(v):
        return math.inf
    return max((abs(a - b) for a, b in zip(u, v)), default=0.0)


def main():
    parser = argparse.ArgumentParser(description="cross-check the benchmark implementations")
    parser.add_argument("--input", required=True)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--checkdir", required=True)
    parser.add_argument("--tolerance", type=float, default=1e-10)
    args = parser.parse_args()
    n = args.n
    if n <= LAGS + 1:
        parser.error(f"--n must exceed {LAGS + 1}")
    m = 2 * (n - 1)
    data = read_input(args.input, 2 * m)
    x = data[:n]
    references = {
        "fracdiff": reference_fracdiff(x),
        "acf100": reference_acf(x),
        "periodogram": reference_periodogram(x),
        "davies_harte": reference_davies_harte(n, data),
    }
    failures = 0
    print(f"verification at n = {n}: max |difference| against the direct O(n^2) sums in verify.py "
          f"(tolerance {args.tolerance:g} x max|reference|)")
    for workload in WORKLOADS:
        reference = references[workload]
        scale = max(abs(v) for v in reference)
        outputs = {}
        for path in sorted(glob.glob(os.path.join(args.checkdir, f"{workload}-*.txt"))):
            impl = os.path.basename(path)[len(workload) + 1:-4]
            outputs[impl] = read_values(path)
        if not outputs:
            print(f"CHECK {workload} - - no implementation wrote a check file")
            continue
        for impl, values in outputs.items():
            difference = max_abs_diff(values, reference)
            ok = difference <= args.tolerance * scale
            failures += not ok
            detail = "" if len(values) == len(reference) else \
                f" (length {len(values)}, expected {len(reference)})"
            print(f"CHECK {workload} {impl} {difference:.3e} {'ok' if ok else 'FAIL'}{detail}")
        names = list(outputs)
        pairs = [f"{a}~{b} {max_abs_diff(outputs[a], outputs[b]):.1e}"
                 for i, a in enumerate(names) for b in names[i + 1:]]
        if pairs:
            print(f"PAIRWISE {workload} " + ", ".join(pairs))
    failures += check_estimators(args.checkdir, x)
    print(f"verification: {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
