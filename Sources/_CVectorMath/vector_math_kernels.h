/*
 * The kernels of CVectorMath, written ONCE over a small set of vector operations and instantiated by
 * CVectorMath.c for each instruction set (portable scalar, AVX2+FMA, AVX-512F). Not a public header: it expects
 * these macros from the includer:
 *
 *   VM_NAME(base)   the instantiated name of `base`        VM_ATTR   function attributes (target ISA)
 *   VM_WIDTH        lanes per vector                        vd        the vector-of-doubles type
 *   V_SET1(c) V_LOAD(p) V_STORE(p, v)                       broadcast, unaligned load/store
 *   V_ADD V_SUB V_MUL V_DIV                                 IEEE operations lane by lane (rounded once)
 *   V_FMA(a, b, c) = a·b + c,  V_FNMA(a, b, c) = c − a·b    fused, rounded once
 *   V_MAX(a, b) = a > b ? a : b,  V_MIN(a, b) = a < b ? a : b   (so a NaN in b is kept: x86 maxpd/minpd rule)
 *   V_ABS(a), V_COPYSIGN(magnitude, sign)                  sign-bit operations (exact)
 *   V_SELECT_GE0(x, a, b) = x >= 0 ? a : b                  (ordered: NaN selects b)
 *   V_POW2(s)           2^k from s = k + 1.5·2^52 (bit pattern of s, plus the bias, shifted into the exponent)
 *   V_ALL_LE(a, b)      1 if a ≤ b in every lane (ordered: a NaN lane gives 0)
 *
 * Every operation is explicit, so each instance performs the same IEEE operations on each lane: results are
 * bit-identical across instruction sets and independent of where an element sits in a block.
 */

/* ---- argument reduction and e^r − 1 on |r| ≤ ln2/2 (Cody & Waite 1980, ch. 6; fdlibm's split of ln 2) ---- */

/* y = k·ln2 + r with k = round(y·log2 e) (fused, then the 1.5·2^52 shift rounds to an integer); returns r and
   sets *shifted = k + 1.5·2^52, *kd = k. ln2_hi has 21 trailing zero bits, so k·ln2_hi and y − k·ln2_hi are exact
   for the |k| ≤ 1100 used here; the tail ln2_lo adds one rounding. */
static inline VM_ATTR vd VM_NAME(vm_reduce)(vd y, vd *shifted, vd *kd) {
    vd s = V_FMA(y, V_SET1(VM_LOG2E), V_SET1(VM_SHIFT));
    vd k = V_SUB(s, V_SET1(VM_SHIFT));
    vd r = V_FNMA(k, V_SET1(VM_LN2_HI), y);
    r = V_FNMA(k, V_SET1(VM_LN2_LO), r);
    *shifted = s;
    *kd = k;
    return r;
}

/* The series part of e^r − 1 = r + r²·S(r), S(r) = Σ_{i=0}^{11} r^i/(i+2)! (Taylor to r^13/13!; the remainder is
   < 1.2e-17·|r| for |r| ≤ 0.347), by Estrin's scheme (short dependency chains). Takes r and r². */
static inline VM_ATTR vd VM_NAME(vm_expm1_series)(vd r, vd r2) {
    vd r4 = V_MUL(r2, r2);
    vd r8 = V_MUL(r4, r4);
    vd b0 = V_FMA(r, V_SET1(1.0 / 6), V_SET1(1.0 / 2));
    vd b1 = V_FMA(r, V_SET1(1.0 / 120), V_SET1(1.0 / 24));
    vd b2 = V_FMA(r, V_SET1(1.0 / 5040), V_SET1(1.0 / 720));
    vd b3 = V_FMA(r, V_SET1(1.0 / 362880), V_SET1(1.0 / 40320));
    vd b4 = V_FMA(r, V_SET1(1.0 / 39916800), V_SET1(1.0 / 3628800));
    vd b5 = V_FMA(r, V_SET1(1.0 / 6227020800.0), V_SET1(1.0 / 479001600));
    vd c0 = V_FMA(b1, r2, b0);
    vd c1 = V_FMA(b3, r2, b2);
    vd c2 = V_FMA(b5, r2, b4);
    return V_FMA(c2, r8, V_FMA(c1, r4, c0));
}

/* (n + ν)/(d + δ) for d ∈ [1, 2] and tiny ν, δ (low parts: rounding errors recovered exactly), to ≈ 0.5 ulp:
   t₀ = n/d, then one correction step t₀ + ρ/d with the residual ρ = (n − t₀·d) (exact, fused) − t₀·δ + ν. 1/d in
   the correction is the minimax line (24 − 8d)/17 (relative error ≤ 1/17): ρ/d is a couple of ulp of t₀ at most,
   so that is plenty. The rounding of the denominator and of the quotient drop out of the error budget. */
static inline VM_ATTR vd VM_NAME(vm_divide)(vd n, vd nu, vd d, vd delta) {
    vd t0 = V_DIV(n, d);
    vd rho = V_ADD(V_FNMA(t0, delta, V_FNMA(t0, d, n)), nu);
    vd inverse = V_FMA(d, V_SET1(-8.0 / 17), V_SET1(24.0 / 17));
    return V_FMA(rho, inverse, t0);
}

/* e^x on the whole line: x is clamped to [−746, 710] (NaN kept), which already gives 0 and +inf outside
   (−745.13, 709.78); 2^k is applied as 2^k1·2^k2 with k1 = round(k/2), so subnormal results are rounded
   correctly from e^r and nothing overflows early. */
static inline VM_ATTR vd VM_NAME(vm_exp_v)(vd x) {
    vd y = V_MIN(V_SET1(710.0), V_MAX(V_SET1(-746.0), x));
    vd shifted, kd;
    vd r = VM_NAME(vm_reduce)(y, &shifted, &kd);
    vd r2 = V_MUL(r, r);
    vd p = V_ADD(V_FMA(r2, VM_NAME(vm_expm1_series)(r, r2), r), V_SET1(1.0)); /* e^r */
    /* |y| ≤ 708 in every lane: 2^k is normal, and p·2^k is the same (exact) scaling as p·2^k1·2^k2. */
    if (V_ALL_LE(V_ABS(y), V_SET1(708.0))) return V_MUL(p, V_POW2(shifted));
    vd shifted1 = V_ADD(V_MUL(kd, V_SET1(0.5)), V_SET1(VM_SHIFT)); /* k1 + shift, k1 = round(k/2) */
    vd k1 = V_SUB(shifted1, V_SET1(VM_SHIFT));
    vd shifted2 = V_ADD(V_SUB(kd, k1), V_SET1(VM_SHIFT));         /* k2 = k − k1 */
    return V_MUL(V_MUL(p, V_POW2(shifted1)), V_POW2(shifted2));
}

/* tanh x = −u/(2 + u) with u = e^{−2|x|} − 1 and the sign of x restored (−2|x| is clamped at −40: |tanh| rounds
   to 1 beyond |x| ≈ 19.1). With −2|x| = k·ln2 + r and s = 2^k (k ≤ 0), u = (s − 1) + s·r + s·r²·S(r): the first
   two terms are added exactly (Fast2Sum: |s − 1| ≥ |s·r| or s − 1 = 0; s − 1 itself by Fast2Sum), so u is
   carried as an unevaluated pair u + u_lo, and the quotient is formed by the corrected division with both low
   parts — no cancellation for small |x|, and the only rounding errors left are those of r, of the series term
   and of the final sum. Accuracy ≤ 1.25 ulp (measured; Dekker 1971 for Fast2Sum). */
static inline VM_ATTR vd VM_NAME(vm_tanh_v)(vd x) {
    vd y = V_MAX(V_SET1(-40.0), V_MUL(V_ABS(x), V_SET1(-2.0)));
    vd shifted, kd;
    vd r = VM_NAME(vm_reduce)(y, &shifted, &kd);
    vd r2 = V_MUL(r, r);
    vd p = V_MUL(r2, VM_NAME(vm_expm1_series)(r, r2));
    vd s = V_POW2(shifted);
    vd sm1 = V_SUB(s, V_SET1(1.0));
    vd sm1lo = V_SUB(s, V_ADD(sm1, V_SET1(1.0))); /* exact error of s − 1 (nonzero only for k < −53) */
    vd hi = V_FMA(s, r, sm1);
    vd lo = V_ADD(V_FMA(s, p, V_FMA(s, r, V_SUB(sm1, hi))), sm1lo);
    vd u = V_ADD(hi, lo);
    vd ulo = V_SUB(lo, V_SUB(u, hi));
    vd d = V_ADD(V_SET1(2.0), u);
    vd delta = V_ADD(V_SUB(u, V_SUB(d, V_SET1(2.0))), ulo);
    vd t = VM_NAME(vm_divide)(V_SUB(V_SET1(0.0), u), V_SUB(V_SET1(0.0), ulo), d, delta);
    return V_COPYSIGN(t, x);
}

/* σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0, with e = e^{−|x|} ∈ [0, 1]: no overflow, and relative
   accuracy down to the subnormal range. */
static inline VM_ATTR vd VM_NAME(vm_sigmoid_v)(vd x) {
    vd e = VM_NAME(vm_exp_v)(V_SUB(V_SET1(0.0), V_ABS(x)));
    vd numerator = V_SELECT_GE0(x, V_SET1(1.0), e);
    vd d = V_ADD(V_SET1(1.0), e);
    return VM_NAME(vm_divide)(numerator, V_SET1(0.0), d, V_SUB(e, V_SUB(d, V_SET1(1.0))));
}

/* ---- block drivers ---- */

/* Apply `F` (a vd → vd kernel) to a rows × columns block; the last partial vector of each column goes through a
   zero-padded buffer (lanes are independent, so the result is the same as in a full vector). */
#define VM_BLOCK_LOOP(F)                                                                    \
    for (ptrdiff_t j = 0; j < columns; j++) {                                              \
        const double *xc = x + j * ldx;                                                    \
        double *yc = y + j * ldy;                                                          \
        ptrdiff_t i = 0;                                                                   \
        for (; i + VM_WIDTH <= rows; i += VM_WIDTH) V_STORE(yc + i, F(V_LOAD(xc + i)));    \
        if (i < rows) {                                                                    \
            double buffer[VM_WIDTH] = {0};                                                 \
            for (ptrdiff_t l = 0; i + l < rows; l++) buffer[l] = xc[i + l];                \
            V_STORE(buffer, F(V_LOAD(buffer)));                                            \
            for (ptrdiff_t l = 0; i + l < rows; l++) yc[i + l] = buffer[l];                \
        }                                                                                  \
    }

static VM_ATTR void VM_NAME(vm_apply)(int function, ptrdiff_t rows, ptrdiff_t columns,
                                      const double *x, ptrdiff_t ldx, double *y, ptrdiff_t ldy) {
    switch (function) {
    case RNNMEM_VM_EXP: VM_BLOCK_LOOP(VM_NAME(vm_exp_v)) break;
    case RNNMEM_VM_TANH: VM_BLOCK_LOOP(VM_NAME(vm_tanh_v)) break;
    default: VM_BLOCK_LOOP(VM_NAME(vm_sigmoid_v)) break;
    }
}

/* Tangent rules (the same expressions, in the same order, as DualNumber in the Recurrent module). */
static inline VM_ATTR vd VM_NAME(vm_exp_tangent)(vd y, vd xt) { return V_MUL(y, xt); }
static inline VM_ATTR vd VM_NAME(vm_tanh_tangent)(vd y, vd xt) {
    return V_MUL(V_SUB(V_SET1(1.0), V_MUL(y, y)), xt);
}
static inline VM_ATTR vd VM_NAME(vm_sigmoid_tangent)(vd y, vd xt) {
    return V_MUL(V_MUL(y, V_SUB(V_SET1(1.0), y)), xt);
}

#define VM_DUAL_LOOP(F, D)                                                                  \
    for (ptrdiff_t j = 0; j < columns; j++) {                                              \
        const double *xc = x + j * ldx, *xtc = xt + j * ldx;                               \
        double *yc = y + j * ldy, *ytc = yt + j * ldy;                                     \
        ptrdiff_t i = 0;                                                                   \
        for (; i + VM_WIDTH <= rows; i += VM_WIDTH) {                                      \
            vd v = F(V_LOAD(xc + i));                                                      \
            vd t = D(v, V_LOAD(xtc + i));                                                  \
            V_STORE(yc + i, v);                                                            \
            V_STORE(ytc + i, t);                                                           \
        }                                                                                  \
        if (i < rows) {                                                                    \
            double bx[VM_WIDTH] = {0}, bt[VM_WIDTH] = {0};                                 \
            for (ptrdiff_t l = 0; i + l < rows; l++) { bx[l] = xc[i + l]; bt[l] = xtc[i + l]; } \
            vd v = F(V_LOAD(bx));                                                          \
            vd t = D(v, V_LOAD(bt));                                                       \
            V_STORE(bx, v);                                                                \
            V_STORE(bt, t);                                                                \
            for (ptrdiff_t l = 0; i + l < rows; l++) { yc[i + l] = bx[l]; ytc[i + l] = bt[l]; } \
        }                                                                                  \
    }

static VM_ATTR void VM_NAME(vm_apply_dual)(int function, ptrdiff_t rows, ptrdiff_t columns,
                                           const double *x, const double *xt, ptrdiff_t ldx,
                                           double *y, double *yt, ptrdiff_t ldy) {
    switch (function) {
    case RNNMEM_VM_EXP: VM_DUAL_LOOP(VM_NAME(vm_exp_v), VM_NAME(vm_exp_tangent)) break;
    case RNNMEM_VM_TANH: VM_DUAL_LOOP(VM_NAME(vm_tanh_v), VM_NAME(vm_tanh_tangent)) break;
    default: VM_DUAL_LOOP(VM_NAME(vm_sigmoid_v), VM_NAME(vm_sigmoid_tangent)) break;
    }
}

#undef VM_BLOCK_LOOP
#undef VM_DUAL_LOOP
