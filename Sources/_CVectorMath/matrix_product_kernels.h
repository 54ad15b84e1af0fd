/*
 * The matrix-product kernel of CVectorMath, written once over vector operations and instantiated by
 * CVectorMath.c for AVX2+FMA and AVX-512F (the portable instance is plain C in CVectorMath.c). Not a public
 * header. Expects from the includer, besides the macros of vector_math_kernels.h:
 *
 *   VM_NR             columns per register tile            vmask           lane-mask type
 *   V_ZERO            all-zero vector                      V_MASK(r)       mask of the first r lanes (0 ≤ r ≤ VM_WIDTH)
 *   V_LOADM(p, m)     masked load (other lanes 0)          V_STOREM(p, v, m)  masked store
 *
 * C (m×n) ← S + A·op(B), A m×k (column-major, lda), op(B) = B (k×n) or Bᵀ (B n×k), with the start S = C
 * (start == RNNMEM_MM_ACCUMULATE), +0 (RNNMEM_MM_ZERO) or the column `s0` broadcast (RNNMEM_MM_COLUMN). Register
 * tiles of 2·VM_WIDTH rows × VM_NR columns; each element of C has its own accumulator, updated as
 * c ← fma(a_ip, b_pj, c) for p = 0, 1, …, k−1: exactly the operations of the portable triple loop, so every
 * instance and every tiling gives bit-identical results.
 */

static inline __attribute__((always_inline)) VM_ATTR void VM_NAME(mm_tile)(
    const int nr, const int masked, vmask m0, vmask m1, ptrdiff_t k, const double *a, ptrdiff_t lda,
    const double *b, ptrdiff_t bp, ptrdiff_t bj, int start, const double *s0, double *c, ptrdiff_t ldc) {
    vd acc0[VM_NR], acc1[VM_NR];
    for (int j = 0; j < nr; j++) {
        if (start == RNNMEM_MM_ACCUMULATE) {
            acc0[j] = masked ? V_LOADM(c + j * ldc, m0) : V_LOAD(c + j * ldc);
            acc1[j] = masked ? V_LOADM(c + VM_WIDTH + j * ldc, m1) : V_LOAD(c + VM_WIDTH + j * ldc);
        } else if (start == RNNMEM_MM_COLUMN) {
            acc0[j] = masked ? V_LOADM(s0, m0) : V_LOAD(s0);
            acc1[j] = masked ? V_LOADM(s0 + VM_WIDTH, m1) : V_LOAD(s0 + VM_WIDTH);
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

/* One column, 8 vectors of rows: 8 independent accumulation chains (a lone column — e.g. a matrix–vector product
   or a weight gradient with one input — would otherwise be bound by the latency of its 2-vector chains). */
static inline __attribute__((always_inline)) VM_ATTR void VM_NAME(mm_tile_tall)(
    ptrdiff_t k, const double *a, ptrdiff_t lda, const double *b, ptrdiff_t bp, int start, const double *s0,
    double *c) {
    vd acc[8];
    for (int v = 0; v < 8; v++) {
        if (start == RNNMEM_MM_ACCUMULATE) acc[v] = V_LOAD(c + v * VM_WIDTH);
        else if (start == RNNMEM_MM_COLUMN) acc[v] = V_LOAD(s0 + v * VM_WIDTH);
        else acc[v] = V_ZERO;
    }
    for (ptrdiff_t p = 0; p < k; p++) {
        const double *ap = a + p * lda;
        vd bb = V_SET1(b[p * bp]);
        for (int v = 0; v < 8; v++) acc[v] = V_FMA(V_LOAD(ap + v * VM_WIDTH), bb, acc[v]);
    }
    for (int v = 0; v < 8; v++) V_STORE(c + v * VM_WIDTH, acc[v]);
}

static VM_ATTR void VM_NAME(mm)(int transB, int start, const double *s0, ptrdiff_t m, ptrdiff_t n,
                               ptrdiff_t k, const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb,
                               double *c, ptrdiff_t ldc) {
    const ptrdiff_t bp = transB ? ldb : 1; /* stride of B(p, j) along p */
    const ptrdiff_t bj = transB ? 1 : ldb; /* … and along j */
    const vmask none = V_MASK(0);
    const ptrdiff_t nTiled = n - n % VM_NR; /* columns covered by full VM_NR-column tiles */
    ptrdiff_t i0 = 0;
    for (; i0 + 2 * VM_WIDTH <= m; i0 += 2 * VM_WIDTH)
        for (ptrdiff_t j0 = 0; j0 < nTiled; j0 += VM_NR)
            VM_NAME(mm_tile)(VM_NR, 0, none, none, k, a + i0, lda, b + j0 * bj, bp, bj, start, s0 + i0,
                             c + i0 + j0 * ldc, ldc);
    /* Remaining columns one at a time: tall tiles first, then 2-vector tiles. */
    for (ptrdiff_t j0 = nTiled; j0 < n; j0++) {
        ptrdiff_t r0 = 0;
        for (; r0 + 8 * VM_WIDTH <= i0; r0 += 8 * VM_WIDTH)
            VM_NAME(mm_tile_tall)(k, a + r0, lda, b + j0 * bj, bp, start, s0 + r0, c + r0 + j0 * ldc);
        for (; r0 < i0; r0 += 2 * VM_WIDTH)
            VM_NAME(mm_tile)(1, 0, none, none, k, a + r0, lda, b + j0 * bj, bp, bj, start, s0 + r0,
                             c + r0 + j0 * ldc, ldc);
    }
    if (i0 < m) {
        const ptrdiff_t rows = m - i0;
        const vmask m0 = V_MASK(rows < VM_WIDTH ? rows : VM_WIDTH);
        const vmask m1 = V_MASK(rows > VM_WIDTH ? rows - VM_WIDTH : 0);
        ptrdiff_t j0 = 0;
        for (; j0 + VM_NR <= n; j0 += VM_NR)
            VM_NAME(mm_tile)(VM_NR, 1, m0, m1, k, a + i0, lda, b + j0 * bj, bp, bj, start, s0 + i0,
                             c + i0 + j0 * ldc, ldc);
        for (; j0 < n; j0++)
            VM_NAME(mm_tile)(1, 1, m0, m1, k, a + i0, lda, b + j0 * bj, bp, bj, start, s0 + i0,
                             c + i0 + j0 * ldc, ldc);
    }
}

/* y[i] ← (…((y[i] + a[i, 0]) + a[i, 1]) + …) + a[i, n−1]: column sums added in column order, one accumulator per
   row (the same additions as the portable loop). Rows in blocks of 8 vectors (independent chains, so the adds
   are throughput- rather than latency-bound), the last partial block vector by vector with masks. */
static VM_ATTR void VM_NAME(add_row_sums)(ptrdiff_t m, ptrdiff_t n, const double *a, ptrdiff_t lda, double *y) {
    ptrdiff_t i0 = 0;
    for (; i0 + 8 * VM_WIDTH <= m; i0 += 8 * VM_WIDTH) {
        vd acc[8];
        for (int v = 0; v < 8; v++) acc[v] = V_LOAD(y + i0 + v * VM_WIDTH);
        for (ptrdiff_t j = 0; j < n; j++) {
            const double *aj = a + i0 + j * lda;
            for (int v = 0; v < 8; v++) acc[v] = V_ADD(acc[v], V_LOAD(aj + v * VM_WIDTH));
        }
        for (int v = 0; v < 8; v++) V_STORE(y + i0 + v * VM_WIDTH, acc[v]);
    }
    for (; i0 < m; i0 += VM_WIDTH) {
        const ptrdiff_t rows = m - i0;
        const vmask mask = V_MASK(rows < VM_WIDTH ? rows : VM_WIDTH);
        vd acc = V_LOADM(y + i0, mask);
        for (ptrdiff_t j = 0; j < n; j++) acc = V_ADD(acc, V_LOADM(a + i0 + j * lda, mask));
        V_STOREM(y + i0, acc, mask);
    }
}
