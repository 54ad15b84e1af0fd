#!/usr/bin/env python3
"""Reference values of the constant-gate GRU (Zucchet & Orvieto 2024, NeurIPS; validation target Z9) by symbolic
differentiation with SymPy, independent of rnnmem: A(α, β) = Σ_k c_k (1−α)(1−β)(1−ρ_k²αβ)/((1−ρ_kα)(1−ρ_kβ)(1−αβ)) with
the BERT fit (c, ρ) = (0.04306, 0.99701), (0.332, 0); E[h²] = A(z, z) and E[(d_z h)²] = ∂_α∂_β A(z, z).
Also prints the notebook's A + 2∂_αA + ∂_α∂_βA for comparison, and S(0.9, 0.9; 0.5) and the notebook's defective S.

Output (SymPy 1.14):
0.5 0.394239445240 0.153555512551 0.25211537
0.9 1.03242087480 0.0593459158979 0.89560682
0.98 10.4521041925 0.0408554110890 10.079056
S(0.9,0.9;0.5) = 778.117427907353  notebook estimate = 519.6556365453885
"""
from sympy import symbols, diff

al, be, a, b, r = symbols('alpha beta a b rho')
components = [(0.04306, 0.99701), (0.332, 0)]
A = sum(c * (1 - al) * (1 - be) * (1 - rr**2 * al * be) / ((1 - rr * al) * (1 - rr * be) * (1 - al * be))
        for c, rr in components)
for z in [0.5, 0.9, 0.98]:
    at = {al: z, be: z}
    print(z, diff(A, al, be).subs(at).evalf(12), A.subs(at).evalf(12),
          (A + 2 * diff(A, al) + diff(A, al, be)).subs(at).evalf(8))

F = (1 - r**2 * a * b) / ((1 - a * b) * (1 - r * a) * (1 - r * b))
S = diff(F, a, b)


def estimate(l1, l2, r):  # visualization_S.ipynb
    p1 = (1 - r) * (1 + l1 * l2)
    p2 = r**2 * (1 - l1 * l2)**3
    p3 = -r * (1 - r) * l1 * l2 * (2 * l1 + 2 * l2 - r * l1 * l2 * (1 + l1 * l2))
    den = (1 - r * l1)**2 * (1 - r * l2)**2 * (1 - l1 * l2)**3
    return (p1 + p2 + p3) / den


print("S(0.9,0.9;0.5) =", S.subs({a: 0.9, b: 0.9, r: 0.5}), " notebook estimate =", estimate(0.9, 0.9, 0.5))
