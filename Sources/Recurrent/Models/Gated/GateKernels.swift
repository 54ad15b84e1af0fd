import MemoryNumerics

/// How the stacked tanh RNN / LSTM / GRU passes evaluate their matrix products and elementwise steps.
///
/// The passes are written once, generic over the algebra (``RealAlgebra``, ``DualAlgebra``), and that generic code
/// is the source of truth. For plain and dual `Double` storage its hot parts have a vectorised implementation in
/// `VectorMath` (MemoryNumerics' C kernels: AVX-512F, AVX2+FMA or portable, chosen at run time, bit-identical
/// across instruction sets):
/// * products C ← S + A·op(B) in a fixed summation order (one fused multiply-add chain per element; on AVX-512
///   about 2.3× faster than OpenBLAS's Haswell `dgemm` kernels at these sizes, see
///   ``AlgebraMatrix/gateProduct(_:_:transposeB:start:_:)``); row sums for bias gradients;
/// * the whole elementwise part of a time step as one call (``CellKernels``: σ/tanh within 2 ulp, then exactly
///   the generic code's arithmetic, operation by operation, and ``DualNumber``'s tangent rules for duals), and
///   tanh over whole blocks for the tanh RNN.
///
/// * ``vectorised`` (the default) uses them; any other algebra silently runs the generic code.
/// * ``generic`` runs the generic code: element-by-element `A.Scalar` arithmetic with `FastMath`/``DualNumber``
///   nonlinearities and the algebra's BLAS `gemm`.
///
/// The two agree to rounding (tested: ‖Δ‖/‖·‖ ≈ 1e-15 for outputs, gradients, JVPs and HVPs); each is
/// deterministic. ``resolved`` falls back to ``generic`` where `VectorMath.InstructionSet/best` is the portable
/// instance (no AVX2/AVX-512, e.g. ARM), which would be slower than the generic code.
enum GateKernels: Sendable, Equatable {
    case vectorised
    case generic

    /// `self`, with ``vectorised`` replaced by ``generic`` when this CPU has no SIMD instance of the kernels.
    var resolved: GateKernels {
        self == .vectorised && VectorMath.InstructionSet.best > .portable ? .vectorised : .generic
    }
}
