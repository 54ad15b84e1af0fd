/*
 * CVectorMath: instantiation of vector_math_kernels.h for each instruction set, and run-time dispatch.
 * See include/CVectorMath.h for the contract and MemoryNumerics/VectorMath.swift for accuracy and tests.
 */
#include "CVectorMath.h"

#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

/* No implicit contraction of a·b + c into an fma: every fused operation in the kernels is explicit, so all
   instances round identically. */
#pragma clang fp contract(off)
#pragma STDC FP_CONTRACT OFF

#define VM_LOG2E 0x1.71547652b82fep0              /* log2 e */
#define VM_LN2_HI 0x1.62e42fee00000p-1            /* ln 2, head with 21 trailing zero bits (fdlibm) */
#define VM_LN2_LO 0x1.a39ef35793c76p-33           /* ln 2 − ln2_hi */
#define VM_SHIFT 0x1.8p52                         /* 1.5·2^52: (y + shift) − shift rounds y to an integer */

/* ================================ portable (one double per "vector") ================================ */

static inline uint64_t vm_bits(double x) { uint64_t u; memcpy(&u, &x, sizeof u); return u; }
static inline double vm_double(uint64_t u) { double x; memcpy(&x, &u, sizeof x); return x; }

typedef double vm_scalar;
#define vd vm_scalar
#define VM_NAME(base) base##_portable
#define VM_ATTR
#define VM_WIDTH 1
#define V_SET1(c) ((double)(c))
#define V_LOAD(p) (*(p))
#define V_STORE(p, v) (*(p) = (v))
#define V_ADD(a, b) ((a) + (b))
#define V_SUB(a, b) ((a) - (b))
#define V_MUL(a, b) ((a) * (b))
#define V_DIV(a, b) ((a) / (b))
#define V_FMA(a, b, c) fma((a), (b), (c))
#define V_FNMA(a, b, c) fma(-(a), (b), (c))
#define V_MAX(a, b) ((a) > (b) ? (a) : (b))
#define V_MIN(a, b) ((a) < (b) ? (a) : (b))
#define V_ABS(a) vm_double(vm_bits(a) & 0x7fffffffffffffffULL)
#define V_COPYSIGN(m, s) vm_double((vm_bits(m) & 0x7fffffffffffffffULL) | (vm_bits(s) & 0x8000000000000000ULL))
#define V_SELECT_GE0(x, a, b) ((x) >= 0.0 ? (a) : (b))
#define V_POW2(s) vm_double((vm_bits(s) + 1023u) << 52)
#define V_ALL_LE(a, b) ((a) <= (b))
#define vmask int
#define V_MASK(r) ((int)(r))
#define V_LOADM(p, m) ((m) ? *(p) : 0.0)
#define V_STOREM(p, v, m)  \
    do {                   \
        if (m) *(p) = (v); \
    } while (0)
#include "vector_math_kernels.h"
#include "cell_kernels.h"
#include "isa_undef.h"

/* C ← S + A·op(B), the reference order: each c_ij starts from S (C, +0 or s0_i) and takes
   c_ij ← fma(a_ip, b_pj, c_ij) for p = 0 … k−1. */
static void mm_portable(int transB, int start, const double *s0, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                        const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc) {
    const ptrdiff_t bp = transB ? ldb : 1, bj = transB ? 1 : ldb;
    for (ptrdiff_t j = 0; j < n; j++) {
        double *cj = c + j * ldc;
        if (start == RNNMEM_MM_ZERO)
            for (ptrdiff_t i = 0; i < m; i++) cj[i] = 0.0;
        else if (start == RNNMEM_MM_COLUMN)
            for (ptrdiff_t i = 0; i < m; i++) cj[i] = s0[i];
        for (ptrdiff_t p = 0; p < k; p++) {
            const double bpj = b[p * bp + j * bj];
            const double *ap = a + p * lda;
            for (ptrdiff_t i = 0; i < m; i++) cj[i] = fma(ap[i], bpj, cj[i]);
        }
    }
}

static void add_row_sums_portable(ptrdiff_t m, ptrdiff_t n, const double *a, ptrdiff_t lda, double *y) {
    for (ptrdiff_t j = 0; j < n; j++) {
        const double *aj = a + j * lda;
        for (ptrdiff_t i = 0; i < m; i++) y[i] += aj[i];
    }
}

#if defined(__x86_64__)
#include <immintrin.h>
#define VM_HAVE_X86 1

/* ================================ AVX2 + FMA (4 doubles) ================================ */

#define vd __m256d
#define VM_NAME(base) base##_avx2
#define VM_ATTR __attribute__((target("avx2,fma")))
#define VM_WIDTH 4
#define V_SET1(c) _mm256_set1_pd(c)
#define V_LOAD(p) _mm256_loadu_pd(p)
#define V_STORE(p, v) _mm256_storeu_pd((p), (v))
#define V_ADD(a, b) _mm256_add_pd((a), (b))
#define V_SUB(a, b) _mm256_sub_pd((a), (b))
#define V_MUL(a, b) _mm256_mul_pd((a), (b))
#define V_DIV(a, b) _mm256_div_pd((a), (b))
#define V_FMA(a, b, c) _mm256_fmadd_pd((a), (b), (c))
#define V_FNMA(a, b, c) _mm256_fnmadd_pd((a), (b), (c))
#define V_MAX(a, b) _mm256_max_pd((a), (b))
#define V_MIN(a, b) _mm256_min_pd((a), (b))
#define V_ABS(a) _mm256_andnot_pd(_mm256_set1_pd(-0.0), (a))
#define V_COPYSIGN(m, s) \
    _mm256_or_pd(_mm256_andnot_pd(_mm256_set1_pd(-0.0), (m)), _mm256_and_pd(_mm256_set1_pd(-0.0), (s)))
#define V_SELECT_GE0(x, a, b) _mm256_blendv_pd((b), (a), _mm256_cmp_pd((x), _mm256_setzero_pd(), _CMP_GE_OQ))
#define V_POW2(s) \
    _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_add_epi64(_mm256_castpd_si256(s), _mm256_set1_epi64x(1023)), 52))
#define V_ALL_LE(a, b) (_mm256_movemask_pd(_mm256_cmp_pd((a), (b), _CMP_LE_OQ)) == 0xF)
#define VM_NR 6
#define vmask __m256i
#define V_ZERO _mm256_setzero_pd()
#define V_MASK(r) _mm256_cmpgt_epi64(_mm256_set1_epi64x((long long)(r)), _mm256_setr_epi64x(0, 1, 2, 3))
#define V_LOADM(p, m) _mm256_maskload_pd((p), (m))
#define V_STOREM(p, v, m) _mm256_maskstore_pd((p), (m), (v))
#include "vector_math_kernels.h"
#include "matrix_product_kernels.h"
#include "cell_kernels.h"
#include "isa_undef.h"

/* ================================ AVX-512F (8 doubles) ================================ */

#define vd __m512d
#define VM_NAME(base) base##_avx512
#define VM_ATTR __attribute__((target("avx512f")))
#define VM_WIDTH 8
#define V_SET1(c) _mm512_set1_pd(c)
#define V_LOAD(p) _mm512_loadu_pd(p)
#define V_STORE(p, v) _mm512_storeu_pd((p), (v))
#define V_ADD(a, b) _mm512_add_pd((a), (b))
#define V_SUB(a, b) _mm512_sub_pd((a), (b))
#define V_MUL(a, b) _mm512_mul_pd((a), (b))
#define V_DIV(a, b) _mm512_div_pd((a), (b))
#define V_FMA(a, b, c) _mm512_fmadd_pd((a), (b), (c))
#define V_FNMA(a, b, c) _mm512_fnmadd_pd((a), (b), (c))
#define V_MAX(a, b) _mm512_max_pd((a), (b))
#define V_MIN(a, b) _mm512_min_pd((a), (b))
#define V_ABS(a) \
    _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(a), _mm512_set1_epi64(0x7fffffffffffffffLL)))
#define V_COPYSIGN(m, s)                                                                          \
    _mm512_castsi512_pd(_mm512_or_si512(                                                          \
        _mm512_and_si512(_mm512_castpd_si512(m), _mm512_set1_epi64(0x7fffffffffffffffLL)),        \
        _mm512_and_si512(_mm512_castpd_si512(s), _mm512_set1_epi64((long long)0x8000000000000000ULL))))
#define V_SELECT_GE0(x, a, b) \
    _mm512_mask_blend_pd(_mm512_cmp_pd_mask((x), _mm512_setzero_pd(), _CMP_GE_OQ), (b), (a))
#define V_POW2(s) \
    _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_add_epi64(_mm512_castpd_si512(s), _mm512_set1_epi64(1023)), 52))
#define V_ALL_LE(a, b) (_mm512_cmp_pd_mask((a), (b), _CMP_LE_OQ) == 0xFF)
#define VM_NR 8
#define vmask __mmask8
#define V_ZERO _mm512_setzero_pd()
#define V_MASK(r) ((__mmask8)((1u << (r)) - 1u))
#define V_LOADM(p, m) _mm512_maskz_loadu_pd((m), (p))
#define V_STOREM(p, v, m) _mm512_mask_storeu_pd((p), (m), (v))
#include "vector_math_kernels.h"
#include "matrix_product_kernels.h"
#include "cell_kernels.h"
#include "isa_undef.h"
#endif /* __x86_64__ */

/* ================================ dispatch ================================ */

static int vm_detect(void) {
#if defined(VM_HAVE_X86)
    __builtin_cpu_init();
    /* __builtin_cpu_supports also checks that the OS saves the wider registers (XGETBV). */
    if (__builtin_cpu_supports("avx512f")) return RNNMEM_VM_AVX512F;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return RNNMEM_VM_AVX2_FMA;
#endif
    return RNNMEM_VM_PORTABLE;
}

static _Atomic int vm_best = -1;

int rnnmem_vm_best_isa(void) {
    int isa = atomic_load_explicit(&vm_best, memory_order_relaxed);
    if (isa < 0) {
        isa = vm_detect(); /* idempotent: concurrent first calls store the same value */
        atomic_store_explicit(&vm_best, isa, memory_order_relaxed);
    }
    return isa;
}

int rnnmem_vm_isa_supported(int isa) {
    return isa >= RNNMEM_VM_PORTABLE && isa <= rnnmem_vm_best_isa();
}

static int vm_check(int *isa, int function, ptrdiff_t rows, ptrdiff_t columns, ptrdiff_t ldx, ptrdiff_t ldy) {
    if (*isa < 0) *isa = rnnmem_vm_best_isa();
    if (!rnnmem_vm_isa_supported(*isa)) return -1;
    if (function < RNNMEM_VM_EXP || function > RNNMEM_VM_SIGMOID) return -1;
    if (rows < 0 || columns < 0) return -1;
    if (columns > 1 && (ldx < rows || ldy < rows)) return -1;
    return 0;
}

int rnnmem_vm_apply(int isa, int function, ptrdiff_t rows, ptrdiff_t columns,
                    const double *x, ptrdiff_t ldx, double *y, ptrdiff_t ldy) {
    if (vm_check(&isa, function, rows, columns, ldx, ldy) != 0) return -1;
    if (rows == 0 || columns == 0) return 0;
    switch (isa) {
#if defined(VM_HAVE_X86)
    case RNNMEM_VM_AVX512F: vm_apply_avx512(function, rows, columns, x, ldx, y, ldy); break;
    case RNNMEM_VM_AVX2_FMA: vm_apply_avx2(function, rows, columns, x, ldx, y, ldy); break;
#endif
    default: vm_apply_portable(function, rows, columns, x, ldx, y, ldy); break;
    }
    return 0;
}

int rnnmem_vm_apply_dual(int isa, int function, ptrdiff_t rows, ptrdiff_t columns,
                         const double *x, const double *xt, ptrdiff_t ldx,
                         double *y, double *yt, ptrdiff_t ldy) {
    if (vm_check(&isa, function, rows, columns, ldx, ldy) != 0) return -1;
    if (rows == 0 || columns == 0) return 0;
    switch (isa) {
#if defined(VM_HAVE_X86)
    case RNNMEM_VM_AVX512F: vm_apply_dual_avx512(function, rows, columns, x, xt, ldx, y, yt, ldy); break;
    case RNNMEM_VM_AVX2_FMA: vm_apply_dual_avx2(function, rows, columns, x, xt, ldx, y, yt, ldy); break;
#endif
    default: vm_apply_dual_portable(function, rows, columns, x, xt, ldx, y, yt, ldy); break;
    }
    return 0;
}

int rnnmem_mm(int isa, int transB, int start, const double *s0, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc) {
    if (isa < 0) isa = rnnmem_vm_best_isa();
    if (!rnnmem_vm_isa_supported(isa)) return -1;
    if (start < RNNMEM_MM_ZERO || start > RNNMEM_MM_COLUMN || (start == RNNMEM_MM_COLUMN && s0 == NULL)) return -1;
    if (m < 0 || n < 0 || k < 0) return -1;
    const ptrdiff_t bRows = transB ? n : k;
    if (ldc < (m > 1 ? m : 1) || lda < (m > 1 ? m : 1) || ldb < (bRows > 1 ? bRows : 1)) return -1;
    if (m == 0 || n == 0) return 0;
    switch (isa) {
#if defined(VM_HAVE_X86)
    case RNNMEM_VM_AVX512F: mm_avx512(transB, start, s0, m, n, k, a, lda, b, ldb, c, ldc); break;
    case RNNMEM_VM_AVX2_FMA: mm_avx2(transB, start, s0, m, n, k, a, lda, b, ldb, c, ldc); break;
#endif
    default: mm_portable(transB, start, s0, m, n, k, a, lda, b, ldb, c, ldc); break;
    }
    return 0;
}

int rnnmem_add_row_sums(int isa, ptrdiff_t m, ptrdiff_t n, const double *a, ptrdiff_t lda, double *y) {
    if (isa < 0) isa = rnnmem_vm_best_isa();
    if (!rnnmem_vm_isa_supported(isa)) return -1;
    if (m < 0 || n < 0 || (n > 1 && lda < m)) return -1;
    if (m == 0 || n == 0) return 0;
    switch (isa) {
#if defined(VM_HAVE_X86)
    case RNNMEM_VM_AVX512F: add_row_sums_avx512(m, n, a, lda, y); break;
    case RNNMEM_VM_AVX2_FMA: add_row_sums_avx2(m, n, a, lda, y); break;
#endif
    default: add_row_sums_portable(m, n, a, lda, y); break;
    }
    return 0;
}

/* ---- cell steps: argument checks and dispatch ---- */

/* 1 if the block set is consistently real (all tangents NULL), 2 if consistently dual, 0 if mixed or invalid:
   every value must be non-NULL and every leading dimension at least `rows[i]` (when batch > 1). */
static int vm_blocks(ptrdiff_t batch, int count, const rnnmem_block *blocks, const ptrdiff_t *rows) {
    int tangents = 0;
    for (int b = 0; b < count; b++) {
        if (blocks[b].value == NULL) return 0;
        if (blocks[b].tangent != NULL) tangents++;
        if (batch > 1 && blocks[b].ld < rows[b]) return 0;
        if (blocks[b].ld < 1) return 0;
    }
    if (tangents == 0) return 1;
    return tangents == count ? 2 : 0;
}

#if defined(VM_HAVE_X86)
#define VM_DISPATCH(isa, name, ...)                                                  \
    switch (isa) {                                                                   \
    case RNNMEM_VM_AVX512F: name##_avx512(__VA_ARGS__); break;                        \
    case RNNMEM_VM_AVX2_FMA: name##_avx2(__VA_ARGS__); break;                         \
    default: name##_portable(__VA_ARGS__); break;                                     \
    }
#else
#define VM_DISPATCH(isa, name, ...) name##_portable(__VA_ARGS__);
#endif

static int vm_cell_isa(int *isa, ptrdiff_t n, ptrdiff_t batch) {
    if (*isa < 0) *isa = rnnmem_vm_best_isa();
    if (!rnnmem_vm_isa_supported(*isa)) return -1;
    if (n < 0 || batch < 0) return -1;
    return 0;
}

int rnnmem_lstm_forward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block gates,
                             rnnmem_block cellPrevious, rnnmem_block cell, rnnmem_block tanhCell,
                             rnnmem_block hidden) {
    if (vm_cell_isa(&isa, n, batch) != 0) return -1;
    const rnnmem_block blocks[] = {gates, cellPrevious, cell, tanhCell, hidden};
    const ptrdiff_t rows[] = {4 * n, n, n, n, n};
    const int kind = vm_blocks(batch, 5, blocks, rows);
    if (kind == 0) return -1;
    if (n == 0 || batch == 0) return 0;
    VM_DISPATCH(isa, lstm_forward_step, kind == 2, n, batch, gates, cellPrevious, cell, tanhCell, hidden)
    return 0;
}

int rnnmem_lstm_backward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block gates, rnnmem_block tanhCell,
                              rnnmem_block cellPrevious, rnnmem_block hiddenGradient, rnnmem_block cellCarry,
                              rnnmem_block gateGradient) {
    if (vm_cell_isa(&isa, n, batch) != 0) return -1;
    const rnnmem_block blocks[] = {gates, tanhCell, cellPrevious, hiddenGradient, cellCarry, gateGradient};
    const ptrdiff_t rows[] = {4 * n, n, n, n, n, 4 * n};
    const int kind = vm_blocks(batch, 6, blocks, rows);
    if (kind == 0) return -1;
    if (n == 0 || batch == 0) return 0;
    VM_DISPATCH(isa, lstm_backward_step, kind == 2, n, batch, gates, tanhCell, cellPrevious, hiddenGradient,
                cellCarry, gateGradient)
    return 0;
}

int rnnmem_gru_forward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block inputProjection,
                            rnnmem_block recurrentProjection, rnnmem_block hiddenPrevious, rnnmem_block hidden) {
    if (vm_cell_isa(&isa, n, batch) != 0) return -1;
    const rnnmem_block blocks[] = {inputProjection, recurrentProjection, hiddenPrevious, hidden};
    const ptrdiff_t rows[] = {3 * n, 3 * n, n, n};
    const int kind = vm_blocks(batch, 4, blocks, rows);
    if (kind == 0) return -1;
    if (n == 0 || batch == 0) return 0;
    VM_DISPATCH(isa, gru_forward_step, kind == 2, n, batch, inputProjection, recurrentProjection, hiddenPrevious,
                hidden)
    return 0;
}

int rnnmem_gru_backward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block gates,
                             rnnmem_block recurrentProjection, rnnmem_block hiddenPrevious,
                             rnnmem_block hiddenGradient, rnnmem_block direct, int accumulateDirect,
                             rnnmem_block inputProjectionGradient, rnnmem_block recurrentProjectionGradient) {
    if (vm_cell_isa(&isa, n, batch) != 0) return -1;
    const rnnmem_block blocks[] = {gates, recurrentProjection, hiddenPrevious, hiddenGradient, direct,
                                   inputProjectionGradient, recurrentProjectionGradient};
    const ptrdiff_t rows[] = {3 * n, 3 * n, n, n, n, 3 * n, 3 * n};
    const int kind = vm_blocks(batch, 7, blocks, rows);
    if (kind == 0) return -1;
    if (n == 0 || batch == 0) return 0;
    VM_DISPATCH(isa, gru_backward_step, kind == 2, n, batch, gates, recurrentProjection, hiddenPrevious,
                hiddenGradient, direct, accumulateDirect != 0, inputProjectionGradient, recurrentProjectionGradient)
    return 0;
}

int rnnmem_tanh_rnn_backward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block hidden,
                                  rnnmem_block gradient) {
    if (vm_cell_isa(&isa, n, batch) != 0) return -1;
    const rnnmem_block blocks[] = {hidden, gradient};
    const ptrdiff_t rows[] = {n, n};
    const int kind = vm_blocks(batch, 2, blocks, rows);
    if (kind == 0) return -1;
    if (n == 0 || batch == 0) return 0;
    VM_DISPATCH(isa, tanh_backward_step, kind == 2, n, batch, hidden, gradient)
    return 0;
}
