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
#include "vector_math_kernels.h"
#undef vd
#undef VM_NAME
#undef VM_ATTR
#undef VM_WIDTH
#undef V_SET1
#undef V_LOAD
#undef V_STORE
#undef V_ADD
#undef V_SUB
#undef V_MUL
#undef V_DIV
#undef V_FMA
#undef V_FNMA
#undef V_MAX
#undef V_MIN
#undef V_ABS
#undef V_COPYSIGN
#undef V_SELECT_GE0
#undef V_POW2

/* C ← [C +] A·op(B), the reference order: each c_ij ← fma(a_ip, b_pj, c_ij) for p = 0 … k−1, from C or +0. */
static void mm_portable(int transB, int accumulate, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
                        const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc) {
    const ptrdiff_t bp = transB ? ldb : 1, bj = transB ? 1 : ldb;
    for (ptrdiff_t j = 0; j < n; j++) {
        double *cj = c + j * ldc;
        if (!accumulate)
            for (ptrdiff_t i = 0; i < m; i++) cj[i] = 0.0;
        for (ptrdiff_t p = 0; p < k; p++) {
            const double bpj = b[p * bp + j * bj];
            const double *ap = a + p * lda;
            for (ptrdiff_t i = 0; i < m; i++) cj[i] = fma(ap[i], bpj, cj[i]);
        }
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
#define VM_NR 6
#define vmask __m256i
#define V_ZERO _mm256_setzero_pd()
#define V_MASK(r) _mm256_cmpgt_epi64(_mm256_set1_epi64x((long long)(r)), _mm256_setr_epi64x(0, 1, 2, 3))
#define V_LOADM(p, m) _mm256_maskload_pd((p), (m))
#define V_STOREM(p, v, m) _mm256_maskstore_pd((p), (m), (v))
#include "vector_math_kernels.h"
#include "matrix_product_kernels.h"
#undef VM_NR
#undef vmask
#undef V_ZERO
#undef V_MASK
#undef V_LOADM
#undef V_STOREM
#undef vd
#undef VM_NAME
#undef VM_ATTR
#undef VM_WIDTH
#undef V_SET1
#undef V_LOAD
#undef V_STORE
#undef V_ADD
#undef V_SUB
#undef V_MUL
#undef V_DIV
#undef V_FMA
#undef V_FNMA
#undef V_MAX
#undef V_MIN
#undef V_ABS
#undef V_COPYSIGN
#undef V_SELECT_GE0
#undef V_POW2

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
#define VM_NR 8
#define vmask __mmask8
#define V_ZERO _mm512_setzero_pd()
#define V_MASK(r) ((__mmask8)((1u << (r)) - 1u))
#define V_LOADM(p, m) _mm512_maskz_loadu_pd((m), (p))
#define V_STOREM(p, v, m) _mm512_mask_storeu_pd((p), (m), (v))
#include "vector_math_kernels.h"
#include "matrix_product_kernels.h"
#undef VM_NR
#undef vmask
#undef V_ZERO
#undef V_MASK
#undef V_LOADM
#undef V_STOREM
#undef vd
#undef VM_NAME
#undef VM_ATTR
#undef VM_WIDTH
#undef V_SET1
#undef V_LOAD
#undef V_STORE
#undef V_ADD
#undef V_SUB
#undef V_MUL
#undef V_DIV
#undef V_FMA
#undef V_FNMA
#undef V_MAX
#undef V_MIN
#undef V_ABS
#undef V_COPYSIGN
#undef V_SELECT_GE0
#undef V_POW2
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

int rnnmem_mm(int isa, int transB, int accumulate, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc) {
    if (isa < 0) isa = rnnmem_vm_best_isa();
    if (!rnnmem_vm_isa_supported(isa)) return -1;
    if (m < 0 || n < 0 || k < 0) return -1;
    if (ldc < (m > 1 ? m : 1)) return -1;
    if (lda < (m > 1 ? m : 1)) return -1;
    if (ldb < ((transB ? n : k) > 1 ? (transB ? n : k) : 1)) return -1;
    if (m == 0 || n == 0) return 0;
    switch (isa) {
#if defined(VM_HAVE_X86)
    case RNNMEM_VM_AVX512F: mm_avx512(transB, accumulate, m, n, k, a, lda, b, ldb, c, ldc); break;
    case RNNMEM_VM_AVX2_FMA: mm_avx2(transB, accumulate, m, n, k, a, lda, b, ldb, c, ldc); break;
#endif
    default: mm_portable(transB, accumulate, m, n, k, a, lda, b, ldb, c, ldc); break;
    }
    return 0;
}
