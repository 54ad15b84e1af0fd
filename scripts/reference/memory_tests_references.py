#!/usr/bin/env python3
"""Reference values for Tests/LongMemoryTests/Test*Tests.swift (rnnmem: tests of memory).

Run:  python3 -m venv /tmp/lmref && /tmp/lmref/bin/pip install statsmodels==0.15.0 mpmath==1.4.1
      /tmp/lmref/bin/python scripts/reference/memory_tests_references.py
Prints the literals quoted by the tests:
  * statsmodels 0.15.0 `kpss` statistics, p-values and automatic lags on hand-checkable series;
  * Lo's modified R/S V_n(q) and the V/S statistic on the same series, by exact rational arithmetic
    (fractions) from the definitions (Lo 1991; Giraitis et al. 2003);
  * quantiles of the Brownian-bridge range and variance laws at 30 digits (mpmath).
"""
import warnings
from fractions import Fraction as Fr

import mpmath as mp
import numpy as np
from statsmodels.tsa.stattools import kpss

warnings.simplefilter("ignore")
mp.mp.dps = 30

SHORT = [2, 4, 3, 7, 5, 8, 6, 9, 7, 10]


def deterministic(n):
    t = np.arange(1, n + 1, dtype=float)
    return np.sin(0.7 * t) + 0.5 * np.cos(2.3 * t) + 0.01 * t


def exact_lo_vs(x, q):
    """Lo's V_n(q) and V/S M_n(q) by exact rational arithmetic (square root taken at the end)."""
    x = [Fr(v) for v in x]
    n = len(x)
    m = sum(x) / n
    y = [v - m for v in x]
    s, acc = [], Fr(0)
    for v in y:
        acc += v
        s.append(acc)
    r = max(s) - min(s)
    g = [sum(y[t] * y[t + j] for t in range(n - j)) / n for j in range(q + 1)]
    sigma2 = g[0] + 2 * sum((1 - Fr(j, q + 1)) * g[j] for j in range(1, q + 1))
    v = mp.mpf(r.numerator) / r.denominator / mp.sqrt(mp.mpf(n) * mp.mpf(sigma2.numerator) / sigma2.denominator)
    a = sum(v2 * v2 for v2 in s) - sum(s) ** 2 / n
    mvs = a / (n * n * sigma2)
    return r, sigma2, v, mvs


print("// --- Lo V_n(q), V/S M_n(q): exact rationals for SHORT =", SHORT)
for q in [0, 1, 2]:
    r, s2, v, mvs = exact_lo_vs(SHORT, q)
    print(f"// q = {q}: R_n = {r}, sigma2(q) = {s2}, V = {mp.nstr(v, 17)}, M = {mvs} = {mp.nstr(mp.mpf(mvs.numerator) / mvs.denominator, 17)}")

print("\n// --- statsmodels 0.15.0 kpss on SHORT")
for reg in ["c", "ct"]:
    for lags in [0, 1, 2]:
        st, p, l, _ = kpss(np.array(SHORT, dtype=float), regression=reg, nlags=lags)
        print(f"// regression={reg} nlags={l}: stat = {st!r}, p = {p!r}")

print("\n// --- statsmodels 0.15.0 kpss on deterministic(200) = sin(0.7t) + 0.5cos(2.3t) + 0.01t, t = 1..200")
x = deterministic(200)
for reg in ["c", "ct"]:
    for lags in ["auto", "legacy", 5]:
        st, p, l, _ = kpss(x, regression=reg, nlags=lags)
        print(f"// regression={reg} nlags={lags!r} -> lags {l}: stat = {st!r}, p = {p!r}")

print("\n// --- Brownian-bridge range quantiles F^-1(p), F(v) = 1 + 2 sum (1 - 4k^2v^2) exp(-2k^2v^2)")
F = lambda v: 1 + 2 * sum((1 - 4 * k**2 * v**2) * mp.e ** (-2 * k**2 * v**2) for k in range(1, 400))
G = lambda x: 1 + 2 * sum((-1) ** k * mp.e ** (-2 * k**2 * mp.pi**2 * x) for k in range(1, 300))


def bisect(f, p, a, b):
    a, b = mp.mpf(a), mp.mpf(b)
    for _ in range(110):
        c = (a + b) / 2
        if f(c) < p:
            a = c
        else:
            b = c
    return (a + b) / 2


for p in [0.005, 0.025, 0.05, 0.1, 0.9, 0.95, 0.975, 0.995]:
    print(f"// p = {p}: {mp.nstr(bisect(F, p, 0.3, 4), 15)}")
print("// F(0.5), F(1), F(2) =", mp.nstr(F(mp.mpf('0.5')), 15), mp.nstr(F(mp.mpf(1)), 15), mp.nstr(F(mp.mpf(2)), 15))
print("\n// --- Brownian-bridge variance quantiles, G(x) = 1 + 2 sum (-1)^k exp(-2k^2 pi^2 x)")
for p in [0.025, 0.05, 0.9, 0.95, 0.99]:
    print(f"// p = {p}: {mp.nstr(bisect(G, p, 0.005, 1), 15)}")
print("// G(0.05), G(0.1) =", mp.nstr(G(mp.mpf('0.05')), 15), mp.nstr(G(mp.mpf('0.1')), 15))
