#ifndef RNNMEM_CVECTORMATH_H
#define RNNMEM_CVECTORMATH_H
/*
 * Vectorised elementary functions over column-major blocks of doubles, for the gate nonlinearities of the
 * recurrent cells (rnnmem). Only MemoryNumerics calls these (through VectorMath.swift).
 *
 * Functions: e^x, tanh x, the logistic sigmoid 1/(1 + e^-x), and their "dual" forms, which also push a tangent
 * through: (y, y') = (f(x), f'(x)·x') with f' computed from y as (e^x)' = y, tanh' = 1 - y·y, sigma' = y·(1 - y).
 *
 * Instruction sets: a portable C version, an AVX2+FMA version and an AVX-512F version (x86-64 only), chosen at run
 * time with __builtin_cpu_supports unless the caller names one. All three run the SAME sequence of IEEE operations
 * (every fused multiply-add is an explicit fma, contraction is off), lane by lane, so they return bit-identical
 * results: the output depends neither on the instruction set nor on the position of an element in the block.
 * The portable version calls fma() from libm, which is exact everywhere (hardware or software).
 *
 * Accuracy and special values: see VectorMath.swift (MemoryNumerics), which documents and tests them.
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Instruction sets. */
enum {
    RNNMEM_VM_PORTABLE = 0,
    RNNMEM_VM_AVX2_FMA = 1,
    RNNMEM_VM_AVX512F = 2,
};

/* Functions. */
enum {
    RNNMEM_VM_EXP = 0,
    RNNMEM_VM_TANH = 1,
    RNNMEM_VM_SIGMOID = 2,
};

/* The widest instruction set this CPU supports (determined once, thread-safely). */
int rnnmem_vm_best_isa(void);

/* 1 if `isa` can run on this CPU (the portable set always can), else 0. */
int rnnmem_vm_isa_supported(int isa);

/*
 * y[i + j·ldy] = f(x[i + j·ldx]) for 0 <= i < rows, 0 <= j < columns. In place (x == y, ldx == ldy) is allowed;
 * other overlaps are not. `isa` < 0 means rnnmem_vm_best_isa(); an unsupported or unknown isa, an unknown
 * function, or a negative size or too small leading dimension makes the call return -1 without touching y.
 * Returns 0 on success.
 */
int rnnmem_vm_apply(int isa, int function, ptrdiff_t rows, ptrdiff_t columns,
                    const double *x, ptrdiff_t ldx, double *y, ptrdiff_t ldy);

/*
 * Dual form: y = f(x) as above, and yt[...] = f'(x)·xt[...] with f' from y (see the top of this file). The
 * tangent blocks use the same leading dimensions as their value blocks; in place is allowed for each pair.
 */
int rnnmem_vm_apply_dual(int isa, int function, ptrdiff_t rows, ptrdiff_t columns,
                         const double *x, const double *xt, ptrdiff_t ldx,
                         double *y, double *yt, ptrdiff_t ldy);

/*
 * Matrix product in a fixed summation order: C (m×n, ldc) ← [C +] A·op(B) with A m×k (lda), op(B) = B (k×n, ldb)
 * or, if transB, Bᵀ with B n×k (ldb); column-major. Every element is accumulated as c ← fma(a_ip, b_pj, c) for
 * p = 0, 1, …, k−1, starting from C when `accumulate` is non-zero and from +0 otherwise, so the result is the
 * same bit for bit on every instruction set (and does not depend on blocking). C must not overlap A or B.
 * Returns 0, or -1 (C untouched) for an unsupported isa, a negative size or a too small leading dimension.
 */
int rnnmem_mm(int isa, int transB, int accumulate, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc);

#ifdef __cplusplus
}
#endif
#endif
