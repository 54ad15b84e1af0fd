#!/usr/bin/env python3
"""Reference values for Tests/LongMemoryTests/SpuriousMemoryTests.swift (rnnmem issue 10).

An independent implementation (numpy/scipy, written from the papers, not from rnnmem's Swift code) of
  * the local polynomial Whittle estimator (Andrews & Sun 2004, Econometrica 72(2):569-614), r = 1 and 2, and its
    variance constants c_r = (1 - mu' Gamma^-1 mu)^-1 by exact rational arithmetic;
  * Qu's (2011) W statistic (J. Business & Economic Statistics 29(3):423-438), as in LongMemoryTS `Qu.test`
    but with the local Whittle objective of Robinson (1995) (one divisor for both sums);
  * the sample-splitting Wald statistic of constant d (after Shimotsu 2006) with local Whittle on b blocks;
  * the least-squares location of one mean shift (Bai 1994).
R's LongMemoryTS is not installable here (CRAN unreachable), so this script is the peer.

Run:  python3 scripts/reference/spurious_memory_references.py > scripts/reference/spurious_memory_references.txt
(numpy 2.x, scipy 1.1x). The series are integer-defined (a linear congruential generator), so Swift and Python
read identical inputs.
"""
from fractions import Fraction as Fr

import numpy as np
from scipy import optimize, stats


def lcg_noise(n, seed=12345):
    """Uniform(-0.5, 0.5) values from the LCG s <- (1103515245 s + 12345) mod 2^31 (exact integers)."""
    s = seed
    out = []
    for _ in range(n):
        s = (1103515245 * s + 12345) % 2147483648
        out.append(s / 2147483648.0 - 0.5)
    return np.array(out)


def series(kind, n):
    x = lcg_noise(n)
    if kind == "noise":
        return x
    if kind == "shift":
        x = x.copy()
        x[n // 3:] += 0.4
        return x
    if kind == "ar":
        y = np.zeros(n)
        prev = 0.0
        for t in range(n):
            prev = 0.6 * prev + x[t]
            y[t] = prev
        return y
    raise ValueError(kind)


def periodogram(x, m):
    n = len(x)
    f = np.fft.fft(x)
    j = np.arange(1, m + 1)
    return 2 * np.pi * j / n, np.abs(f[1:m + 1]) ** 2 / (2 * np.pi * n)


def local_whittle(x, m):
    lam, per = periodogram(x, m)
    loglam = np.log(lam)

    def r(d):
        return np.log(np.mean(lam ** (2 * d) * per)) - 2 * d * np.mean(loglam)

    res = optimize.minimize_scalar(r, bounds=(-1, 2.2), method="bounded", options={"xatol": 1e-12})
    d = res.x
    nu = loglam - loglam.mean()
    return d, np.mean(lam ** (2 * d) * per), 1 / (2 * np.sqrt(np.sum(nu ** 2)))


def lpw(x, m, r):
    lam, per = periodogram(x, m)
    u = np.column_stack([2 * np.log(lam)] + [-lam ** (2 * k) for k in range(1, r + 1)])
    ubar = u.mean(axis=0)

    def obj(beta):
        return np.log(np.mean(per * np.exp(u @ beta))) - beta @ ubar

    res = optimize.minimize(obj, np.zeros(r + 1), method="BFGS", options={"gtol": 1e-13})
    res = optimize.minimize(obj, res.x, method="Nelder-Mead", options={"xatol": 1e-13, "fatol": 1e-16, "maxiter": 20000})
    return res.x


def c_r(r):
    if r == 0:
        return Fr(1)
    mu = [Fr(2 * i, (2 * i + 1) ** 2) for i in range(1, r + 1)]
    g = [[Fr(4 * i * k, (2 * i + 2 * k + 1) * (2 * i + 1) * (2 * k + 1)) for k in range(1, r + 1)] for i in range(1, r + 1)]
    # Solve g y = mu exactly (Gauss-Jordan on fractions).
    a = [row[:] + [mu[i]] for i, row in enumerate(g)]
    for c in range(r):
        p = next(i for i in range(c, r) if a[i][c] != 0)
        a[c], a[p] = a[p], a[c]
        piv = a[c][c]
        a[c] = [v / piv for v in a[c]]
        for i in range(r):
            if i != c and a[i][c] != 0:
                f = a[i][c]
                a[i] = [vi - f * vc for vi, vc in zip(a[i], a[c])]
    y = [a[i][r] for i in range(r)]
    q = sum(mi * yi for mi, yi in zip(mu, y))
    return 1 / (1 - q)


def qu(x, m, eps):
    d, g, _ = local_whittle(x, m)
    lam, per = periodogram(x, m)
    nu = np.log(lam) - np.log(lam).mean()
    terms = nu * (per / (g * lam ** (-2 * d)) - 1)
    partial = np.abs(np.cumsum(terms))
    first = max(1, int(np.floor(eps * m)))
    return partial[first - 1:].max() / np.sqrt(np.sum(nu ** 2)), d


def splitting(x, exponent=0.65):
    n = len(x)
    b = 4 if n >= 1000 else 2
    m = int(np.floor(n ** exponent))
    mb = m // b
    length = n // b
    ds, ses = [], []
    for i in range(b):
        d, _, se = local_whittle(x[i * length:(i + 1) * length], mb)
        ds.append(d)
        ses.append(se)
    ds, v = np.array(ds), np.array(ses) ** 2
    mean = np.sum(ds / v) / np.sum(1 / v)
    w = np.sum((ds - mean) ** 2 / v)
    return b, mb, ds, w, stats.chi2.sf(w, b - 1)


def mean_shift(x):
    n = len(x)
    best, loc = -1, None
    for k in range(int(np.ceil(0.15 * n)), int(np.floor(0.85 * n)) + 1):
        a, b = x[:k].mean(), x[k:].mean()
        v = k * (n - k) / n * (a - b) ** 2
        if v > best:
            best, loc = v, k
    return loc


print("c_r exact:", {r: str(c_r(r)) for r in range(0, 4)}, {r: float(c_r(r)) for r in range(0, 4)})
for kind in ["noise", "shift", "ar"]:
    for n in [600, 1200]:
        x = series(kind, n)
        m = int(np.floor(n ** 0.65))
        b1 = lpw(x, m, 1)
        b2 = lpw(x, m, 2)
        mq = int(np.floor(n ** 0.7))
        eps = 0.02 if n > 500 else 0.05
        w, dq = qu(x, mq, eps)
        b, mb, ds, ws, p = splitting(x)
        print(f"{kind} n={n}: lpw1 m={m} d={b1[0]:.12f} theta1={b1[1]:.10f}; lpw2 d={b2[0]:.12f}; "
              f"qu m={mq} eps={eps} W={w:.12f} lw_d={dq:.12f}; split b={b} mb={mb} d={np.array2string(ds, precision=12)} "
              f"W={ws:.12f} p={p:.12f}; shift_at={mean_shift(x)}")
