/*
 * Fused elementwise steps of the recurrent cells (tanh RNN, LSTM, GRU), forward and backward, in real and in dual
 * (value + ε·tangent) arithmetic. Written once over the vector operations of vector_math_kernels.h (which must be
 * included first, with the masks of matrix_product_kernels.h: vmask, V_MASK, V_LOADM, V_STOREM) and instantiated
 * for every instruction set by CVectorMath.c, so all instances give bit-identical results. Not a public header.
 *
 * Each kernel performs, element by element, exactly the operations (same order, no fusing) of the generic Swift
 * passes in the Recurrent module (LSTM+Forward.swift, LSTM+Backward.swift, GRU+Forward.swift,
 * GRU+Backward.swift, TanhRNN+Backward.swift), with σ and tanh from this file's vector kernels; the dual forms
 * use DualNumber's rules: (a·b)˙ = ȧ·b + a·ḃ, (a ± b)˙ = ȧ ± ḃ, constants have tangent 0 (so 1 − x has tangent
 * 0 − ẋ), σ˙ = (y·(1 − y))·ẋ, tanh˙ = (1 − y·y)·ẋ.
 *
 * Layout: every block is column-major (rnnmem_block: value, tangent, leading dimension), one column per
 * sequence; "rows q·n + k" of a gate block is gate q, unit k. Rows are processed in vectors of VM_WIDTH with a
 * masked last vector per column (lanes are independent, so masking does not change any result).
 */

#define VM_AT(b, row) ((b).value + (row) + j * (b).ld)
#define VM_TAT(b, row) ((b).tangent + (row) + j * (b).ld)
#define VM_LD(p) (masked ? V_LOADM((p), mask) : V_LOAD(p))
#define VM_ST(p, v)                                   \
    do {                                              \
        if (masked) V_STOREM((p), (v), mask);         \
        else V_STORE((p), (v));                       \
    } while (0)

typedef struct {
    vd v, t;
} VM_NAME(dual);
#define VM_DV VM_NAME(dual)
#define VM_DLD(b, row) ((VM_DV){VM_LD(VM_AT(b, row)), VM_LD(VM_TAT(b, row))})
#define VM_DST(b, row, x)                             \
    do {                                              \
        VM_DV x_ = (x);                               \
        VM_ST(VM_AT(b, row), x_.v);                   \
        VM_ST(VM_TAT(b, row), x_.t);                  \
    } while (0)

#define VM_INLINE static inline __attribute__((always_inline)) VM_ATTR

VM_INLINE VM_DV VM_NAME(dmul)(VM_DV a, VM_DV b) {
    return (VM_DV){V_MUL(a.v, b.v), V_ADD(V_MUL(a.t, b.v), V_MUL(a.v, b.t))};
}
VM_INLINE VM_DV VM_NAME(dadd)(VM_DV a, VM_DV b) { return (VM_DV){V_ADD(a.v, b.v), V_ADD(a.t, b.t)}; }
VM_INLINE VM_DV VM_NAME(dsub)(VM_DV a, VM_DV b) { return (VM_DV){V_SUB(a.v, b.v), V_SUB(a.t, b.t)}; }
/* 1 − x with the constant 1 (tangent 0). */
VM_INLINE VM_DV VM_NAME(done_minus)(VM_DV x) {
    return (VM_DV){V_SUB(V_SET1(1.0), x.v), V_SUB(V_SET1(0.0), x.t)};
}
VM_INLINE VM_DV VM_NAME(dsigmoid)(VM_DV x) {
    vd y = VM_NAME(vm_sigmoid_v)(x.v);
    return (VM_DV){y, VM_NAME(vm_sigmoid_tangent)(y, x.t)};
}
VM_INLINE VM_DV VM_NAME(dtanh)(VM_DV x) {
    vd y = VM_NAME(vm_tanh_v)(x.v);
    return (VM_DV){y, VM_NAME(vm_tanh_tangent)(y, x.t)};
}
#define VM_DMUL VM_NAME(dmul)
#define VM_DADD VM_NAME(dadd)
#define VM_DSUB VM_NAME(dsub)
#define VM_D1M VM_NAME(done_minus)
#define VM_ONE_MINUS(x) V_SUB(V_SET1(1.0), (x))

/* Column loop: full vectors, then the masked remainder. BODY(masked, mask, i, j, ...) is always_inline. */
#define VM_CELL_LOOP(BODY, ...)                                                          \
    for (ptrdiff_t j = 0; j < batch; j++) {                                             \
        ptrdiff_t i = 0;                                                                \
        for (; i + VM_WIDTH <= n; i += VM_WIDTH) BODY(0, V_MASK(VM_WIDTH), i, j, __VA_ARGS__); \
        if (i < n) BODY(1, V_MASK(n - i), i, j, __VA_ARGS__);                           \
    }

/* ---------------------------------------------------------------- LSTM forward ---------------------------- */
/* z = [i; f; g; o] pre-activations (in) → activations (out); c = f·c_prev + i·g; tanh c; h = o·tanh c. */

VM_INLINE void VM_NAME(lstm_fwd_real)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n,
                                      rnnmem_block z, rnnmem_block cp, rnnmem_block c, rnnmem_block tc,
                                      rnnmem_block h) {
    vd ig = VM_NAME(vm_sigmoid_v)(VM_LD(VM_AT(z, i)));
    vd fg = VM_NAME(vm_sigmoid_v)(VM_LD(VM_AT(z, n + i)));
    vd gg = VM_NAME(vm_tanh_v)(VM_LD(VM_AT(z, 2 * n + i)));
    vd og = VM_NAME(vm_sigmoid_v)(VM_LD(VM_AT(z, 3 * n + i)));
    VM_ST(VM_AT(z, i), ig);
    VM_ST(VM_AT(z, n + i), fg);
    VM_ST(VM_AT(z, 2 * n + i), gg);
    VM_ST(VM_AT(z, 3 * n + i), og);
    vd cv = V_ADD(V_MUL(fg, VM_LD(VM_AT(cp, i))), V_MUL(ig, gg));
    vd th = VM_NAME(vm_tanh_v)(cv);
    VM_ST(VM_AT(c, i), cv);
    VM_ST(VM_AT(tc, i), th);
    VM_ST(VM_AT(h, i), V_MUL(og, th));
}

VM_INLINE void VM_NAME(lstm_fwd_dual)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n,
                                      rnnmem_block z, rnnmem_block cp, rnnmem_block c, rnnmem_block tc,
                                      rnnmem_block h) {
    VM_DV ig = VM_NAME(dsigmoid)(VM_DLD(z, i));
    VM_DV fg = VM_NAME(dsigmoid)(VM_DLD(z, n + i));
    VM_DV gg = VM_NAME(dtanh)(VM_DLD(z, 2 * n + i));
    VM_DV og = VM_NAME(dsigmoid)(VM_DLD(z, 3 * n + i));
    VM_DST(z, i, ig);
    VM_DST(z, n + i, fg);
    VM_DST(z, 2 * n + i, gg);
    VM_DST(z, 3 * n + i, og);
    VM_DV cv = VM_DADD(VM_DMUL(fg, VM_DLD(cp, i)), VM_DMUL(ig, gg));
    VM_DV th = VM_NAME(dtanh)(cv);
    VM_DST(c, i, cv);
    VM_DST(tc, i, th);
    VM_DST(h, i, VM_DMUL(og, th));
}

static VM_ATTR void VM_NAME(lstm_forward_step)(int dual, ptrdiff_t n, ptrdiff_t batch, rnnmem_block z,
                                               rnnmem_block cp, rnnmem_block c, rnnmem_block tc, rnnmem_block h) {
    if (dual) {
        VM_CELL_LOOP(VM_NAME(lstm_fwd_dual), n, z, cp, c, tc, h)
    } else {
        VM_CELL_LOOP(VM_NAME(lstm_fwd_real), n, z, cp, c, tc, h)
    }
}

/* ---------------------------------------------------------------- LSTM backward --------------------------- */
/* δc = δc_carry + δh·o·(1 − th²); dZ_i = δc·g·i·(1 − i); dZ_f = δc·c_prev·f·(1 − f); dZ_g = δc·i·(1 − g²);
   dZ_o = δh·th·o·(1 − o); δc_carry ← δc·f  (z holds the activated gates, th = tanh c_t). */

VM_INLINE void VM_NAME(lstm_bwd_real)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n,
                                      rnnmem_block z, rnnmem_block tc, rnnmem_block cp, rnnmem_block dh,
                                      rnnmem_block dcarry, rnnmem_block dz) {
    vd ig = VM_LD(VM_AT(z, i)), fg = VM_LD(VM_AT(z, n + i));
    vd gg = VM_LD(VM_AT(z, 2 * n + i)), og = VM_LD(VM_AT(z, 3 * n + i));
    vd th = VM_LD(VM_AT(tc, i)), d = VM_LD(VM_AT(dh, i));
    vd dc = V_ADD(VM_LD(VM_AT(dcarry, i)), V_MUL(V_MUL(d, og), VM_ONE_MINUS(V_MUL(th, th))));
    VM_ST(VM_AT(dz, i), V_MUL(V_MUL(V_MUL(dc, gg), ig), VM_ONE_MINUS(ig)));
    VM_ST(VM_AT(dz, n + i), V_MUL(V_MUL(V_MUL(dc, VM_LD(VM_AT(cp, i))), fg), VM_ONE_MINUS(fg)));
    VM_ST(VM_AT(dz, 2 * n + i), V_MUL(V_MUL(dc, ig), VM_ONE_MINUS(V_MUL(gg, gg))));
    VM_ST(VM_AT(dz, 3 * n + i), V_MUL(V_MUL(V_MUL(d, th), og), VM_ONE_MINUS(og)));
    VM_ST(VM_AT(dcarry, i), V_MUL(dc, fg));
}

VM_INLINE void VM_NAME(lstm_bwd_dual)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n,
                                      rnnmem_block z, rnnmem_block tc, rnnmem_block cp, rnnmem_block dh,
                                      rnnmem_block dcarry, rnnmem_block dz) {
    VM_DV ig = VM_DLD(z, i), fg = VM_DLD(z, n + i), gg = VM_DLD(z, 2 * n + i), og = VM_DLD(z, 3 * n + i);
    VM_DV th = VM_DLD(tc, i), d = VM_DLD(dh, i);
    VM_DV dc = VM_DADD(VM_DLD(dcarry, i), VM_DMUL(VM_DMUL(d, og), VM_D1M(VM_DMUL(th, th))));
    VM_DST(dz, i, VM_DMUL(VM_DMUL(VM_DMUL(dc, gg), ig), VM_D1M(ig)));
    VM_DST(dz, n + i, VM_DMUL(VM_DMUL(VM_DMUL(dc, VM_DLD(cp, i)), fg), VM_D1M(fg)));
    VM_DST(dz, 2 * n + i, VM_DMUL(VM_DMUL(dc, ig), VM_D1M(VM_DMUL(gg, gg))));
    VM_DST(dz, 3 * n + i, VM_DMUL(VM_DMUL(VM_DMUL(d, th), og), VM_D1M(og)));
    VM_DST(dcarry, i, VM_DMUL(dc, fg));
}

static VM_ATTR void VM_NAME(lstm_backward_step)(int dual, ptrdiff_t n, ptrdiff_t batch, rnnmem_block z,
                                                rnnmem_block tc, rnnmem_block cp, rnnmem_block dh,
                                                rnnmem_block dcarry, rnnmem_block dz) {
    if (dual) {
        VM_CELL_LOOP(VM_NAME(lstm_bwd_dual), n, z, tc, cp, dh, dcarry, dz)
    } else {
        VM_CELL_LOOP(VM_NAME(lstm_bwd_real), n, z, tc, cp, dh, dcarry, dz)
    }
}

/* ---------------------------------------------------------------- GRU forward ----------------------------- */
/* xi = input projections [x_r; x_z; x_n] (in) → activated gates [r; z; n] (out), hh = recurrent projections:
   r = σ(x_r + hh_r), z = σ(x_z + hh_z), n = tanh(x_n + r·hh_n), h = (1 − z)·n + z·h_prev. */

VM_INLINE void VM_NAME(gru_fwd_real)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n,
                                     rnnmem_block xi, rnnmem_block hh, rnnmem_block hp, rnnmem_block h) {
    vd r = VM_NAME(vm_sigmoid_v)(V_ADD(VM_LD(VM_AT(xi, i)), VM_LD(VM_AT(hh, i))));
    vd z = VM_NAME(vm_sigmoid_v)(V_ADD(VM_LD(VM_AT(xi, n + i)), VM_LD(VM_AT(hh, n + i))));
    vd c = VM_NAME(vm_tanh_v)(V_ADD(VM_LD(VM_AT(xi, 2 * n + i)), V_MUL(r, VM_LD(VM_AT(hh, 2 * n + i)))));
    VM_ST(VM_AT(xi, i), r);
    VM_ST(VM_AT(xi, n + i), z);
    VM_ST(VM_AT(xi, 2 * n + i), c);
    VM_ST(VM_AT(h, i), V_ADD(V_MUL(VM_ONE_MINUS(z), c), V_MUL(z, VM_LD(VM_AT(hp, i)))));
}

VM_INLINE void VM_NAME(gru_fwd_dual)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n,
                                     rnnmem_block xi, rnnmem_block hh, rnnmem_block hp, rnnmem_block h) {
    VM_DV r = VM_NAME(dsigmoid)(VM_DADD(VM_DLD(xi, i), VM_DLD(hh, i)));
    VM_DV z = VM_NAME(dsigmoid)(VM_DADD(VM_DLD(xi, n + i), VM_DLD(hh, n + i)));
    VM_DV c = VM_NAME(dtanh)(VM_DADD(VM_DLD(xi, 2 * n + i), VM_DMUL(r, VM_DLD(hh, 2 * n + i))));
    VM_DST(xi, i, r);
    VM_DST(xi, n + i, z);
    VM_DST(xi, 2 * n + i, c);
    VM_DST(h, i, VM_DADD(VM_DMUL(VM_D1M(z), c), VM_DMUL(z, VM_DLD(hp, i))));
}

static VM_ATTR void VM_NAME(gru_forward_step)(int dual, ptrdiff_t n, ptrdiff_t batch, rnnmem_block xi,
                                              rnnmem_block hh, rnnmem_block hp, rnnmem_block h) {
    if (dual) {
        VM_CELL_LOOP(VM_NAME(gru_fwd_dual), n, xi, hh, hp, h)
    } else {
        VM_CELL_LOOP(VM_NAME(gru_fwd_real), n, xi, hh, hp, h)
    }
}

/* ---------------------------------------------------------------- GRU backward ---------------------------- */
/* dA_n = δh·(1 − z)·(1 − n²), dA_z = δh·(h_prev − n)·z·(1 − z), dA_r = dA_n·hh_n·r·(1 − r);
   dXi = [dA_r; dA_z; dA_n], dHh = [dA_r; dA_z; r·dA_n]; direct ← (direct +) δh·z. */

VM_INLINE void VM_NAME(gru_bwd_real)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n,
                                     rnnmem_block g, rnnmem_block hh, rnnmem_block hp, rnnmem_block dh,
                                     rnnmem_block direct, int accumulate, rnnmem_block dxi, rnnmem_block dhh) {
    vd r = VM_LD(VM_AT(g, i)), z = VM_LD(VM_AT(g, n + i)), c = VM_LD(VM_AT(g, 2 * n + i));
    vd d = VM_LD(VM_AT(dh, i));
    vd dan = V_MUL(V_MUL(d, VM_ONE_MINUS(z)), VM_ONE_MINUS(V_MUL(c, c)));
    vd daz = V_MUL(V_MUL(V_MUL(d, V_SUB(VM_LD(VM_AT(hp, i)), c)), z), VM_ONE_MINUS(z));
    vd dar = V_MUL(V_MUL(V_MUL(dan, VM_LD(VM_AT(hh, 2 * n + i))), r), VM_ONE_MINUS(r));
    VM_ST(VM_AT(dxi, i), dar);
    VM_ST(VM_AT(dxi, n + i), daz);
    VM_ST(VM_AT(dxi, 2 * n + i), dan);
    VM_ST(VM_AT(dhh, i), dar);
    VM_ST(VM_AT(dhh, n + i), daz);
    VM_ST(VM_AT(dhh, 2 * n + i), V_MUL(r, dan));
    vd dz = V_MUL(d, z);
    VM_ST(VM_AT(direct, i), accumulate ? V_ADD(VM_LD(VM_AT(direct, i)), dz) : dz);
}

VM_INLINE void VM_NAME(gru_bwd_dual)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, ptrdiff_t n,
                                     rnnmem_block g, rnnmem_block hh, rnnmem_block hp, rnnmem_block dh,
                                     rnnmem_block direct, int accumulate, rnnmem_block dxi, rnnmem_block dhh) {
    VM_DV r = VM_DLD(g, i), z = VM_DLD(g, n + i), c = VM_DLD(g, 2 * n + i);
    VM_DV d = VM_DLD(dh, i);
    VM_DV dan = VM_DMUL(VM_DMUL(d, VM_D1M(z)), VM_D1M(VM_DMUL(c, c)));
    VM_DV daz = VM_DMUL(VM_DMUL(VM_DMUL(d, VM_DSUB(VM_DLD(hp, i), c)), z), VM_D1M(z));
    VM_DV dar = VM_DMUL(VM_DMUL(VM_DMUL(dan, VM_DLD(hh, 2 * n + i)), r), VM_D1M(r));
    VM_DST(dxi, i, dar);
    VM_DST(dxi, n + i, daz);
    VM_DST(dxi, 2 * n + i, dan);
    VM_DST(dhh, i, dar);
    VM_DST(dhh, n + i, daz);
    VM_DST(dhh, 2 * n + i, VM_DMUL(r, dan));
    VM_DV dz = VM_DMUL(d, z);
    VM_DST(direct, i, accumulate ? VM_DADD(VM_DLD(direct, i), dz) : dz);
}

static VM_ATTR void VM_NAME(gru_backward_step)(int dual, ptrdiff_t n, ptrdiff_t batch, rnnmem_block g,
                                               rnnmem_block hh, rnnmem_block hp, rnnmem_block dh,
                                               rnnmem_block direct, int accumulate, rnnmem_block dxi,
                                               rnnmem_block dhh) {
    if (dual) {
        VM_CELL_LOOP(VM_NAME(gru_bwd_dual), n, g, hh, hp, dh, direct, accumulate, dxi, dhh)
    } else {
        VM_CELL_LOOP(VM_NAME(gru_bwd_real), n, g, hh, hp, dh, direct, accumulate, dxi, dhh)
    }
}

/* ---------------------------------------------------------------- tanh RNN backward ----------------------- */
/* g ← (1 − h²)·g (h = tanh of the pre-activation). */

VM_INLINE void VM_NAME(tanh_bwd_real)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, rnnmem_block h,
                                      rnnmem_block g) {
    vd v = VM_LD(VM_AT(h, i));
    VM_ST(VM_AT(g, i), V_MUL(VM_ONE_MINUS(V_MUL(v, v)), VM_LD(VM_AT(g, i))));
}

VM_INLINE void VM_NAME(tanh_bwd_dual)(const int masked, vmask mask, ptrdiff_t i, ptrdiff_t j, rnnmem_block h,
                                      rnnmem_block g) {
    VM_DV v = VM_DLD(h, i);
    VM_DST(g, i, VM_DMUL(VM_D1M(VM_DMUL(v, v)), VM_DLD(g, i)));
}

static VM_ATTR void VM_NAME(tanh_backward_step)(int dual, ptrdiff_t n, ptrdiff_t batch, rnnmem_block h,
                                                rnnmem_block g) {
    if (dual) {
        VM_CELL_LOOP(VM_NAME(tanh_bwd_dual), h, g)
    } else {
        VM_CELL_LOOP(VM_NAME(tanh_bwd_real), h, g)
    }
}

#undef VM_AT
#undef VM_TAT
#undef VM_LD
#undef VM_ST
#undef VM_DV
#undef VM_DLD
#undef VM_DST
#undef VM_INLINE
#undef VM_DMUL
#undef VM_DADD
#undef VM_DSUB
#undef VM_D1M
#undef VM_ONE_MINUS
#undef VM_CELL_LOOP
