#!/usr/bin/env python3
"""Reference values for Tests/LongMemoryTests/VerdictSpuriousMemoryTests.swift (rnnmem issue 10).

An independent implementation (numpy/scipy, written from the papers, not from rnnmem's Swift code) of
  * the local polynomial Whittle estimator (Andrews & Sun 2004, Econometrica 72(2):569-614), r = 1 and 2, and its
    variance constants c_r = (1 - mu' Gamma^-1 mu)^-1 by exact rational arithmetic;
  * Qu's (2011) W statistic (J. Business & Economic Statistics 29(3):423-438): the formula checked against is
    LongMemoryTS's `R/Qu_test.R` (`Qu.test`: nu_j, the normalised periodogram I_j/(G lambda_j^(-2d)) - 1, the
    supremum over r in [eps, 1] of the partial sums), here with the local Whittle objective of Robinson (1995) (one
    divisor for both sums);
  * the sample-splitting Wald statistic of constant d (after Shimotsu 2006) with local Whittle on b blocks;
  * the least-squares location of one mean shift (Bai 1994);
  * the Whittle ARFIMA(p, d, q) fits of every p, q <= 2 and their BIC = -2 loglik + (p + q + 2) log n (Schwarz 1978;
    Whittle 1953, Fox & Taqqu 1986, Beran 1994 sec. 6.1): f(lambda) = sigma^2/(2 pi) |1 - e^{-i lambda}|^{-2d}
    |theta(e^{-i lambda})|^2 / |phi(e^{-i lambda})|^2 with phi(z) = 1 - sum phi_k z^k, theta(z) = 1 + sum theta_k z^k,
    Q = sum_{j=1}^{n~} I_j / f*_j over n~ = floor((n-1)/2), sigma^2 = 2 pi Q / n~, and
    loglik = -(n/2) log 2 pi - sum_j [log(2 pi f_j) + I_j / f_j]; each order minimised over d in [-0.499, 0.499] and
    the stationary, invertible region (partial-autocorrelation coordinates, Monahan 1984) from a grid of starts by
    Nelder-Mead, then polished by L-BFGS-B.
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


# ---------------------------------------------------------------------------------------------------------------
# Whittle ARFIMA(p, d, q) and the BIC table (p, q <= 2).

def pacf_to_poly(r):
    """Coefficients a_1..a_k of 1 - sum a_k z^k (all roots outside the unit circle) from partial autocorrelations
    r_k in (-1, 1), by the Durbin-Levinson recursion (Monahan 1984)."""
    a = []
    for k, rk in enumerate(r):
        a = [a[i] - rk * a[k - 1 - i] for i in range(k)] + [rk]
    return np.array(a)


def whittle_tables(x):
    n = len(x)
    nt = (n - 1) // 2
    lam, per = periodogram(x, nt)
    return n, nt, lam, per


def f_star(lam, d, phi, theta):
    z = np.exp(-1j * lam)
    ph = np.ones_like(z)
    for k, c in enumerate(phi):
        ph = ph - c * z ** (k + 1)
    th = np.ones_like(z)
    for k, c in enumerate(theta):
        th = th + c * z ** (k + 1)
    return np.abs(1 - z) ** (-2 * d) * np.abs(th) ** 2 / np.abs(ph) ** 2


def whittle_loglik(tables, d, phi, theta):
    n, nt, lam, per = tables
    fs = f_star(lam, d, phi, theta)
    q = np.sum(per / fs)
    sigma2 = 2 * np.pi * q / nt
    f = sigma2 / (2 * np.pi) * fs
    return -0.5 * n * np.log(2 * np.pi) - np.sum(np.log(2 * np.pi * f) + per / f), q


def unpack(u, p, q):
    d = u[0]
    phi = pacf_to_poly(np.tanh(u[1:1 + p]))
    theta = -pacf_to_poly(np.tanh(u[1 + p:1 + p + q]))
    return d, phi, theta


def fit_order(tables, p, q, extra_starts=()):
    """Minimise log Q over (d, phi, theta) (Nelder-Mead, then L-BFGS-B, d bounded to [-0.499, 0.499]) from a grid
    of starts (d in {-0.3, 0.1, 0.4}, each coefficient's partial
    autocorrelation in {-0.5, 0.5}, or all zero) and from `extra_starts` (the nested orders' optima, padded with a
    zero); the lowest optimum wins."""
    _, _, lam, per = tables

    def obj(u):
        d, phi, theta = unpack(u, p, q)
        v = np.log(np.sum(per / f_star(lam, d, phi, theta)))
        return v if np.isfinite(v) else 1e300

    import itertools
    starts = []
    for d0 in [-0.3, 0.1, 0.4]:
        starts.append([d0] + [0.0] * (p + q))
        for rest in itertools.product([-0.5, 0.5], repeat=p + q):
            starts.append([d0] + [np.arctanh(v) for v in rest])
    starts += [list(u) for u in extra_starts]
    # d by a bound (the search interval of rnnmem's stationary fit); the coefficients' partial autocorrelations
    # tanh(u_k) lie in (-1, 1) for every real u_k.
    bounds = [(-0.499, 0.499)] + [(None, None)] * (p + q)
    best = None
    for u0 in starts:
        r = optimize.minimize(obj, np.array(u0), method="Nelder-Mead", bounds=bounds,
                              options={"xatol": 1e-8, "fatol": 1e-12, "maxfev": 6000})
        r = optimize.minimize(obj, r.x, method="L-BFGS-B", bounds=bounds, options={"gtol": 1e-10, "ftol": 1e-15})
        if not np.isfinite(r.fun) or r.fun >= 1e299:
            continue
        if best is None or r.fun < best.fun:
            best = r
    d, phi, theta = unpack(best.x, p, q)
    ll, _ = whittle_loglik(tables, d, phi, theta)
    return d, phi, theta, ll, best.x


def bic_table(x, max_order=2):
    tables = whittle_tables(x)
    n = tables[0]
    rows = []
    optima = {}
    for p in range(max_order + 1):
        for q in range(max_order + 1):
            extra = []
            if p > 0 and (p - 1, q) in optima:
                u = optima[(p - 1, q)]
                extra.append(list(u[:p]) + [0.0] + list(u[p:]))
            if q > 0 and (p, q - 1) in optima:
                extra.append(list(optima[(p, q - 1)]) + [0.0])
            d, phi, theta, ll, u = fit_order(tables, p, q, extra)
            optima[(p, q)] = u
            rows.append((p, q, -2 * ll + (p + q + 2) * np.log(n), d))
    return rows


for kind, n in [("noise", 600), ("ar", 600)]:
    rows = bic_table(series(kind, n))
    best = min(rows, key=lambda r: r[2])
    print(f"bic {kind} n={n}: selected=({best[0]},{best[1]}) " + " ".join(
        f"({p},{q}) bic={b:.6f} d={d:.6f}" for p, q, b, d in rows))


# Shimotsu's (2006) d-th differencing test, KPSS form ("Simple (but effective) tests of long memory versus structural
# breaks", Queen's Univ. Economics WP 1101): d by exact local Whittle (Shimotsu & Phillips 2005) with Shimotsu's
# (2010) weighted mean w(d) xbar + (1 - w(d)) x_1, m = floor(n^0.65), d searched in [-1, 3]; the series centred by
# xbar when d < 1/2 and by x_1 when d >= 1/2 and differenced by the type-II filter (1 - L)^d (direct sum); KPSS eta_mu
# (Kwiatkowski et al. 1992) with the Bartlett long-run variance (divisor n) at the lag of Hobijn, Franses & Ooms
# (2004): pilot l = floor(n^(2/9)), s0 = g0 + 2 sum g_j, s1 = 2 sum j g_j, q = floor(1.1447 ((s1/s0)^2)^(1/3) n^(1/3)).
def frac_diff(x, d):
    n = len(x)
    w = np.empty(n)
    w[0] = 1.0
    for k in range(1, n):
        w[k] = w[k - 1] * (k - 1 - d) / k
    return np.array([np.dot(w[:t + 1][::-1], x[:t + 1]) for t in range(n)])


def elw_weight(d):
    if d <= 0.5:
        return 1.0
    if d >= 0.75:
        return 0.0
    return 0.5 * (1 + np.cos(4 * np.pi * d))


def elw(x, m):
    n = len(x)
    lam = 2 * np.pi * np.arange(1, m + 1) / n
    mlog = np.mean(np.log(lam))
    xbar, x1 = x.mean(), x[0]

    def r(d):
        w = elw_weight(d)
        u = frac_diff(x - (w * xbar + (1 - w) * x1), d)
        per = np.abs(np.fft.fft(u)[1:m + 1]) ** 2 / (2 * np.pi * n)
        return np.log(np.mean(per)) - 2 * d * mlog

    grid = np.linspace(-1, 3, 41)
    vals = [r(d) for d in grid]
    i = int(np.argmin(vals))
    lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, 40)]
    res = optimize.minimize_scalar(r, bounds=(lo, hi), method="bounded", options={"xatol": 1e-10})
    return res.x


def kpss_level(u):
    n = len(u)
    e = u - u.mean()
    num = np.sum(np.cumsum(e) ** 2) / n ** 2
    g = np.array([np.dot(e[j:], e[:n - j]) / n for j in range(n)])
    pilot = int(np.floor(n ** (2 / 9) * (1 + 1e-12)))
    s0 = g[0] + 2 * np.sum(g[1:pilot + 1])
    s1 = 2 * np.sum(np.arange(1, pilot + 1) * g[1:pilot + 1])
    q = int(np.floor(1.1447 * ((s1 / s0) ** 2) ** (1 / 3) * n ** (1 / 3)))
    lrv = g[0] + 2 * sum((1 - j / (q + 1)) * g[j] for j in range(1, q + 1))
    return num / lrv, q


def differencing_test(x):
    n = len(x)
    m = int(np.floor(n ** 0.65 * (1 + 1e-12)))
    d = elw(x, m)
    center = x.mean() if d < 0.5 else x[0]
    eta, q = kpss_level(frac_diff(x - center, d))
    return m, d, ("mean" if d < 0.5 else "first"), eta, q


for kind in ["noise", "shift", "ar"]:
    for n in [600, 1200]:
        m, d, c, eta, q = differencing_test(series(kind, n))
        print(f"differencing {kind} n={n}: elw m={m} d={d:.12f} centre={c} kpss q={q} eta={eta:.12f}")
