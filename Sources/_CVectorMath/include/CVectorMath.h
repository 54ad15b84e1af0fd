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
 * results (the sign and payload of a NaN result aside): the output depends neither on the instruction set nor on
 * the position of an element in the block.
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

/* Where the accumulation of rnnmem_mm starts. */
enum {
    RNNMEM_MM_ZERO = 0,       /* C ← A·op(B) */
    RNNMEM_MM_ACCUMULATE = 1, /* C ← C + A·op(B) */
    RNNMEM_MM_COLUMN = 2,     /* C ← s0·1ᵀ + A·op(B) (s0: m doubles, e.g. a bias broadcast over the columns) */
};

/*
 * Matrix product in a fixed summation order: C (m×n, ldc) ← S + A·op(B) with A m×k (lda), op(B) = B (k×n, ldb)
 * or, if transB, Bᵀ with B n×k (ldb); column-major; S as `start` says. Every element is accumulated as
 * c ← fma(a_ip, b_pj, c) for p = 0, 1, …, k−1 starting from S, so the result is the same bit for bit on every
 * instruction set (and does not depend on blocking). C must not overlap A, B or s0.
 * Returns 0, or -1 (C untouched) for an unsupported isa, a bad `start` (or a NULL s0 with RNNMEM_MM_COLUMN), a
 * negative size or a too small leading dimension.
 */
int rnnmem_mm(int isa, int transB, int start, const double *s0, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
              const double *a, ptrdiff_t lda, const double *b, ptrdiff_t ldb, double *c, ptrdiff_t ldc);

/*
 * y[i] ← y[i] + a[i, 0] + a[i, 1] + … + a[i, n−1], added left to right (column order), for i < m; a is m×n
 * column-major (lda). The same additions on every instruction set. y must not overlap a. Returns 0, or -1 (y
 * untouched) for an unsupported isa, a negative size or a too small leading dimension.
 */
int rnnmem_add_row_sums(int isa, ptrdiff_t m, ptrdiff_t n, const double *a, ptrdiff_t lda, double *y);

/* ============================ fused elementwise steps of the recurrent cells ============================ */

/* A column-major block: values, their tangents (NULL for a real computation) and the leading dimension. */
typedef struct {
    double *value;
    double *tangent;
    ptrdiff_t ld;
} rnnmem_block;

/*
 * The elementwise part of one time step of a cell, for `batch` columns of n units. Real when every block's tangent
 * is NULL, dual (value + ε·tangent, DualNumber's rules) when every block has one; mixing is an error. Each kernel
 * performs the operations of the corresponding generic Swift pass in the Recurrent module, in the same order,
 * with σ and tanh as rnnmem_vm_apply; the results are bit-identical across instruction sets. Blocks that are
 * written must not overlap any other block except where stated. Return 0, or -1 (nothing written) for an
 * unsupported isa, negative sizes, leading dimensions smaller than the rows used, or mixed real/dual blocks.
 */

/* LSTM (gates i, f, g, o in row blocks of n): gates (4n rows) in: pre-activations, out: σ(i), σ(f), tanh(g),
   σ(o); c = f·c_prev + i·g; tanhCell = tanh c; hidden = o·tanh c. `cell` and `hidden` may be row ranges of one
   state column block. */
int rnnmem_lstm_forward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block gates,
                             rnnmem_block cellPrevious, rnnmem_block cell, rnnmem_block tanhCell,
                             rnnmem_block hidden);

/* LSTM backward (gates = the activations of the forward step): δc = carry + δh·o·(1 − tanh²c);
   dZ = [δc·g·i(1 − i); δc·c_prev·f(1 − f); δc·i·(1 − g²); δh·tanh c·o(1 − o)] (4n rows); carry ← δc·f. */
int rnnmem_lstm_backward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block gates, rnnmem_block tanhCell,
                              rnnmem_block cellPrevious, rnnmem_block hiddenGradient, rnnmem_block cellCarry,
                              rnnmem_block gateGradient);

/* GRU (PyTorch: r, z, n): inputProjection (3n rows) in: W_ih x + b_ih, out: r, z, n with r = σ(x_r + hh_r),
   z = σ(x_z + hh_z), n = tanh(x_n + r·hh_n); recurrentProjection hh = W_hh h_prev + b_hh (3n rows);
   hidden = (1 − z)·n + z·h_prev. */
int rnnmem_gru_forward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block inputProjection,
                            rnnmem_block recurrentProjection, rnnmem_block hiddenPrevious, rnnmem_block hidden);

/* GRU backward (gates = r, z, n of the forward step): dA_n = δh·(1 − z)·(1 − n²), dA_z = δh·(h_prev − n)·z(1 − z),
   dA_r = dA_n·hh_n·r(1 − r); inputProjectionGradient = [dA_r; dA_z; dA_n], recurrentProjectionGradient =
   [dA_r; dA_z; r·dA_n]; direct ← (direct if accumulateDirect) + δh·z. */
int rnnmem_gru_backward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block gates,
                             rnnmem_block recurrentProjection, rnnmem_block hiddenPrevious,
                             rnnmem_block hiddenGradient, rnnmem_block direct, int accumulateDirect,
                             rnnmem_block inputProjectionGradient, rnnmem_block recurrentProjectionGradient);

/* tanh RNN backward: gradient ← (1 − h²)·gradient, in place (h = the step's hidden state). */
int rnnmem_tanh_rnn_backward_step(int isa, ptrdiff_t n, ptrdiff_t batch, rnnmem_block hidden,
                                  rnnmem_block gradient);

#ifdef __cplusplus
}
#endif
#endif
