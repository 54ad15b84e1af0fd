/*
 * The matrix-product kernel of CVectorMath, written once over vector operations and instantiated by
 * CVectorMath.c for AVX2+FMA and AVX-512F (the portable instance is plain C in CVectorMath.c). Not a public
 * header. Expects from the includer, besides the macros of vector_math_kernels.h:
 *
 *   VM_NR             columns per register tile            vmask           lane-mask type
 *   V_ZERO            all-zero vector                      V_MASK(r)       mask of the first r lanes (0 ≤ r ≤ VM_WIDTH)
 *   V_LOADM(p, m)     masked load (other lanes 0)          V_STOREM(p, v, m)  masked store
 *
 * C (m×n) ← [C +] A·op(B), A m×k (column-major, lda), op(B) = B (k×n) or Bᵀ (B n×k). Register tiles of
 * 2·VM_WIDTH rows × VM_NR columns; each element of C has its own accumulator, updated as c ← fma(a_ip, b_pj, c)
 * for p = 0, 1, …, k−1 starting from C (or +0): exactly the operations of the portable triple loop, so every
 * instance and every tiling gives bit-identical results.
 */

static inline __attribute__((always_inline)) VM_ATTR void VM_NAME(mm_tile)(
    const int nr, const int masked, vmask m0, vmask m1, ptrdiff_t k, const double *a, ptrdiff_t lda,
    const double *b, ptrdiff_t bp, ptrdiff_t bj, int accumulate, double *c, ptrdiff_t ldc) {
    vd acc0[VM_NR], acc1[VM_NR];
    for (int j = 0; j < nr; j++) {
        if (accumulate) {
            acc0[j] = masked ? V_LOADM(c + j * ldc, m0) : V_LOAD(c + j * ldc);
            acc1[j] = masked ? V_LOADM(c + VM_WIDTH + j * ldc, m1) : V_LOAD(c + VM_WIDTH + j * ldc);
        } else {
            acc0[j] = V_ZERO;
            acc1[j] = V_ZERO;
        }
    }
    for (ptrdiff_t p = 0; p < k; p++) {
        const double *ap = a + p * lda;
        vd a0 = masked ? V_LOADM(ap, m0) : V_LOAD(ap);
        vd a1 = masked ? V_LOADM(ap + VM_WIDTH, m1) : V_LOAD(ap + VM_WIDTH);
        const double *bpp = b + p * bp;
        for (int j = 0; j < nr; j++) {
            vd bb = V_SET1(bpp[j * bj]);
            acc0[j] = V_FMA(a0, bb, acc0[j]);
            acc1[j] = V_FMA(a1, bb, acc1[j]);
        }
    }
    for (int j = 0; j < nr; j++) {
        if (masked) {
            V_STOREM(c + j * ldc, acc0[j], m0);
            V_STOREM(c + VM_WIDTH + j * ldc, acc1[j], m1);
        } else {
            V_STORE(c + j * ldc, acc0[j]);
            V_STORE(c + VM_WIDTH + j * ldc, acc1[j]);
        }
    }
}

static VM_ATTR void VM_NAME(mm)(int transB, int accumulate, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                               const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                               double *c, ptrdiff_t ldc) {
    const ptrdiff_t bp = transB ? ldb : 1; /* stride of B(p, j) along p */
    const ptrdiff_t bj = transB ? 1 : ldb; /* … and along j */
    const vmask none = V_MASK(0);
    ptrdiff_t i0 = 0;
    for (; i0 + 2 * VM_WIDTH <= m; i0 += 2 * VM_WIDTH) {
        ptrdiff_t j0 = 0;
        for (; j0 + VM_NR <= n; j0 += VM_NR)
            VM_NAME(mm_tile)(VM_NR, 0, none, none, k, a + i0, lda, b + j0 * bj, bp, bj, accumulate,
                             c + i0 + j0 * ldc, ldc);
        for (; j0 < n; j0++)
            VM_NAME(mm_tile)(1, 0, none, none, k, a + i0, lda, b + j0 * bj, bp, bj, accumulate,
                             c + i0 + j0 * ldc, ldc);
    }
    if (i0 < m) {
        const ptrdiff_t rows = m - i0;
        const vmask m0 = V_MASK(rows < VM_WIDTH ? rows : VM_WIDTH);
        const vmask m1 = V_MASK(rows > VM_WIDTH ? rows - VM_WIDTH : 0);
        ptrdiff_t j0 = 0;
        for (; j0 + VM_NR <= n; j0 += VM_NR)
            VM_NAME(mm_tile)(VM_NR, 1, m0, m1, k, a + i0, lda, b + j0 * bj, bp, bj, accumulate,
                             c + i0 + j0 * ldc, ldc);
        for (; j0 < n; j0++)
            VM_NAME(mm_tile)(1, 1, m0, m1, k, a + i0, lda, b + j0 * bj, bp, bj, accumulate,
                             c + i0 + j0 * ldc, ldc);
    }
}
