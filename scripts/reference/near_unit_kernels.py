#!/usr/bin/env python3
"""High-precision references for the curse-of-memory kernels near a = c = 1 and rho = 1.

F(a, c) = (1 - r^2 ac) / ((1 - ac)(1 - ra)(1 - rc)), F_a = dF/da, S = d^2F/(da dc) (Zucchet & Orvieto 2024,
NeurIPS, arXiv 2405.21064, sec. 2.3), evaluated with mpmath at 60 digits at the EXACT double inputs the Swift
tests use (so the references carry no input rounding). F_a and S are the analytic derivatives of F (mpmath.diff at
60 digits, cross-checked against the closed forms of Sources/CurseOfMemory/Kernels/MemoryKernels+Generic.swift).

Second part: the relative error, against these references, of the direct and the separated forms evaluated in
binary64 (Python floats, the same operations as Swift) on the diagonal 1 - rho = 1 - a = t, which is how the
switching threshold 1e-2 of Kernel.separatedFormThreshold was chosen.

Run: python3 scripts/reference/near_unit_kernels.py > scripts/reference/near_unit_kernels.txt
"""
import math

import mpmath as mp

mp.mp.dps = 60


def f_mp(a, c, r):
    return (1 - r * r * a * c) / ((1 - a * c) * (1 - r * a) * (1 - r * c))


def fa_mp(a, c, r):
    num = (1 - r * r) * c + r * (1 - 2 * a * c) + r**3 * (a * c) ** 2
    return num / ((1 - a * c) ** 2 * (1 - r * a) ** 2 * (1 - r * c))


def s_mp(a, c, r):
    ac = a * c
    num = 1 + ac - 2 * r * (1 - r * r) * ac * (a + c) - 4 * r * r * ac + 4 * r * r * ac**2 - r**4 * ac**2 * (1 + ac)
    return num / ((1 - ac) ** 3 * (1 - r * a) ** 2 * (1 - r * c) ** 2)


def check_closed_forms(a, c, r):
    """The closed forms F_a and S against numerical derivatives of F (mpmath, 60 digits)."""
    da = mp.diff(lambda x: f_mp(x, c, r), a)
    dac = mp.diff(lambda x, y: f_mp(x, y, r), (a, c), (1, 1))
    assert abs(da / fa_mp(a, c, r) - 1) < mp.mpf(10) ** -30
    assert abs(dac / s_mp(a, c, r) - 1) < mp.mpf(10) ** -30


def exact(x):
    return mp.mpf(x) if isinstance(x, float) else mp.mpc(x.real, x.imag)


def references():
    print("# real a = c = lambda, rho (inputs are the exact binary64 values printed with repr)")
    print("# lambda rho F F_a S")
    for lam, rho in [(1 - 1e-5, 1 - 1e-5), (1 - 1e-7, 1 - 1e-7), (0.99999, 0.99999), (1 - 1e-3, 1 - 1e-3)]:
        a, r = exact(lam), exact(rho)
        check_closed_forms(a, a, r)
        vals = [f_mp(a, a, r), fa_mp(a, a, r), s_mp(a, a, r)]
        print(repr(lam), repr(rho), *[mp.nstr(v, 20) for v in vals])
    print("# complex pair (lambda, conj lambda), lambda = re + i im; the values are real")
    print("# re im rho F F_a(real, imag) S")
    for modulus, theta, rho in [(1 - 1e-5, 0.8, 1 - 1e-5), (1 - 1e-7, 0.8, 1 - 1e-7), (1 - 1e-6, 1e-3, 1 - 1e-6)]:
        lam = complex(modulus * math.cos(theta), modulus * math.sin(theta))
        a, c, r = exact(lam), mp.conj(exact(lam)), exact(rho)
        f, fa, s = f_mp(a, c, r), fa_mp(a, c, r), s_mp(a, c, r)
        print(repr(lam.real), repr(lam.imag), repr(rho), mp.nstr(f.real, 20), mp.nstr(fa.real, 20),
              mp.nstr(fa.imag, 20), mp.nstr(s.real, 20))


# binary64 versions (same operation order as the Swift direct and separated forms)
def s_direct(a, c, r):
    r2 = r * r
    ac = a * c
    ac2 = ac * ac
    num = 1 + ac - (2 * r * (1 - r2)) * ac * (a + c) - (4 * r2) * ac + (4 * r2) * ac2 - (r2 * r2) * ac2 * (1 + ac)
    d1, d2, d3 = 1 - ac, 1 - r * a, 1 - r * c
    return num / (d1 * d1 * d1 * d2 * d2 * d3 * d3)


def s_separated(a, c, r, p):
    alpha = (1 - r) + r * (1 - a)
    beta = (1 - r) + r * (1 - c)
    phi = ((1 - r) * (1 + r) + (r * r) * p) / (alpha * beta)
    return (1 + a * c) * phi / (p * p * p) + r * (a / (alpha * alpha) + c / (beta * beta)) / (p * p)


def measure():
    print("# relative error of S(a, a; rho) in binary64, 1 - a = 1 - rho = t: direct, separated")
    print("# t direct separated")
    for k in range(2, 17):
        t = 10 ** (-k / 2)
        a = 1 - t
        ref = s_mp(exact(a), exact(a), exact(a))
        p_exact = float((1 - exact(a)) * (1 + exact(a)))  # Swift rounds 1 - a^2 once (compensated)
        d = mp.mpf(s_direct(a, a, a)) / ref - 1
        s = mp.mpf(s_separated(a, a, a, p_exact)) / ref - 1
        print(f"{t:.3g} {mp.nstr(abs(d), 3)} {mp.nstr(abs(s), 3)}")


if __name__ == "__main__":
    references()
    measure()
