#!/usr/bin/env python3
"""Reference values for Tests/LongMemoryTests (rnnmem: fractional filters, autocovariances, spectra).

Run:  python3 -m venv /tmp/lmref && /tmp/lmref/bin/pip install statsmodels==0.15.0 mpmath==1.4.1
      /tmp/lmref/bin/python scripts/reference/longmemory_references.py
It prints the literals that the tests quote (AutocovarianceTests.swift, SpectralDensityTests.swift,
HypergeometricTests.swift). Conventions: phi(z) = 1 - phi_1 z - ..., theta(z) = 1 + theta_1 z + ...;
statsmodels' arma_acovf takes the lag polynomials themselves, i.e. ar = [1, -phi_1, ...], ma = [1, theta_1, ...].
"""
import mpmath as mp
import numpy as np
from statsmodels.tsa.arima_process import arma_acovf

mp.mp.dps = 50


def lit(x, digits=17):
    return mp.nstr(mp.mpf(x), digits, min_fixed=-4, max_fixed=6) if not isinstance(x, float) else repr(x)


print("// --- statsmodels 0.15.0 arma_acovf(ar=[1, -phi...], ma=[1, theta...], nobs=11, sigma2) ---")
for name, phi, theta, s2 in [
    ("ar2ma1", [0.5, -0.3], [0.4], 1.0),
    ("ar3ma2", [0.6, 0.2, -0.3], [-0.5, 0.25], 2.5),
    ("ar1", [0.9], [], 1.0),
    ("ma2", [], [0.7, -0.2], 1.3),
]:
    g = arma_acovf(np.r_[1, -np.array(phi)], np.r_[1, np.array(theta)], nobs=11, sigma2=s2)
    print(f"// {name}: phi={phi} theta={theta} sigma2={s2}")
    print("[" + ", ".join(repr(float(v)) for v in g) + "]")

print("\n// --- fGn autocovariance, sigma2 = 1, 50 digits: (|k-1|^2H - 2|k|^2H + |k+1|^2H)/2 ---")
for H in ["0.99", "0.3", "0.75"]:
    h2 = 2 * mp.mpf(H)
    ks = [1, 2, 10, 63, 64, 65, 100, 1000, 10**4, 10**6]
    vals = [(abs(mp.mpf(k) - 1) ** h2 - 2 * mp.mpf(k) ** h2 + (mp.mpf(k) + 1) ** h2) / 2 for k in ks]
    print(f"// H = {H}, lags {ks}")
    print("[" + ", ".join(mp.nstr(v, 20) for v in vals) + "]")


def fgn_spec(H, lam, sigma2=1):
    """Beran (1994) (2.17)-(2.18) on rnnmem's scale gamma(k) = int_{-pi}^{pi} e^{ik lam} f(lam) d lam."""
    H = mp.mpf(H); lam = mp.mpf(lam); s = 2 * H + 1
    cf = sigma2 / (2 * mp.pi) * mp.sin(mp.pi * H) * mp.gamma(2 * H + 1)
    tot = abs(lam) ** (-s) + (2 * mp.pi) ** (-s) * (mp.zeta(s, 1 + lam / (2 * mp.pi)) + mp.zeta(s, 1 - lam / (2 * mp.pi)))
    return 2 * cf * 2 * mp.sin(lam / 2) ** 2 * tot  # 1 - cos = 2 sin^2(lam/2), no cancellation


print("\n// --- fGn spectral density (Beran 1994 eq. 2.17-2.18, rnnmem scale), mpmath zeta, 50 digits ---")
for H in ["0.3", "0.7", "0.99"]:
    lams = ["0.001", "0.1", "1", "3", "3.141592653589793"]
    print(f"// H = {H}, lambda {lams}")
    print("[" + ", ".join(mp.nstr(fgn_spec(H, l), 20) for l in lams) + "]")
    # check: integral equals gamma(0) = 1 (printed, not used)
    brk = [0] + [mp.mpf(10) ** (-k) for k in range(300, 0, -10)] + [mp.mpf("0.1"), 1, mp.pi]
    I = 2 * mp.quad(lambda x: fgn_spec(H, x), brk)
    print(f"//   check int f = {mp.nstr(I, 15)}")
    # Whittle normalisation: (1/2pi) int log f
    L = mp.quad(lambda x: mp.log(fgn_spec(H, x)), [0, mp.mpf("1e-6"), mp.mpf("0.1"), 1, mp.pi]) / mp.pi
    print(f"//   (1/2pi) int_(-pi)^(pi) log f = {mp.nstr(L, 20)}")


def arfima_spec(d, phi, theta, lam, sigma2=1):
    z = mp.exp(-1j * lam)
    th = 1 + sum(t * z ** (j + 1) for j, t in enumerate(theta))
    ph = 1 - sum(p * z ** (j + 1) for j, p in enumerate(phi))
    return sigma2 / (2 * mp.pi) * (4 * mp.sin(lam / 2) ** 2) ** (-d) * abs(th) ** 2 / abs(ph) ** 2


print("\n// --- ARFIMA autocovariance by quadrature gamma(h) = 2 int_0^pi cos(h lam) f(lam) d lam (mpmath, 30 digits) ---")
mp.mp.dps = 30
for name, d, phi, theta in [
    ("arfima_complex", mp.mpf("0.3"), [mp.mpf("0.5"), mp.mpf("-0.6")], [mp.mpf("0.4")]),
    ("arfima_neg", mp.mpf("-0.25"), [mp.mpf("0.7")], [mp.mpf("-0.3"), mp.mpf("0.2")]),
]:
    hs = [0, 1, 2, 5, 20]
    vals = []
    for h in hs:
        pts = [0, mp.mpf("1e-8"), mp.mpf("1e-4"), mp.mpf("0.01"), mp.mpf("0.1"), mp.mpf("0.5"), 1, 2, mp.pi]
        vals.append(2 * mp.quad(lambda x: mp.cos(h * x) * arfima_spec(d, phi, theta, x), pts, maxdegree=10))
    print(f"// {name}: d={d} phi={phi} theta={theta}, lags {hs}")
    print("[" + ", ".join(mp.nstr(v, 18) for v in vals) + "]")

print("\n// --- 2F1(a, 1; c; z) at complex z, mpmath hyp2f1, 30 digits ---")
for a, c, z in [("0.3", "0.7", "0.5+0.4j"), ("10.3", "10.7", "-0.6+0.7j"), ("-4.7", "-4.3", "0.2-0.9j"), ("0.45", "0.55", "0.99"),
                ("-0.45", "1.55", "0.5"), ("10.4", "0.7", "-0.9"), ("20.3", "1.2", "-0.5+0.6j"), ("15.5", "2.5", "0.3+0.9j"),
                ("8.2", "0.6", "-0.95+0.1j")]:
    v = mp.hyp2f1(mp.mpf(a), 1, mp.mpf(c), mp.mpc(complex(z)))
    print(f"// a={a} c={c} z={z}: {mp.nstr(v.real, 20)} {mp.nstr(v.imag, 20)}")
