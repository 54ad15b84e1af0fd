import MemoryNumerics

/// How the gate nonlinearities of the stacked tanh RNN / LSTM / GRU passes are evaluated.
///
/// The passes are written once, generic over the algebra; their elementwise arithmetic is generic `A.Scalar`
/// code. Only the transcendental part — σ and tanh over a whole gate block — has two implementations:
/// * ``vectorised`` (the default): for ``RealAlgebra`` and ``DualAlgebra`` storage the block goes to
///   ``VectorMath`` (C kernels, AVX-512F/AVX2/portable, bit-identical across instruction sets, ≤ 2 ulp; the dual
///   form applies the same tangent rules as ``DualNumber``). Any other algebra falls back to the generic code.
/// * ``generic``: element by element through `A.Scalar.tanh()`/`.sigmoid()` (``FastMath`` for `Double`,
///   ``DualNumber``'s rules for duals) — the source of truth the vectorised path is tested against.
/// The two agree to rounding (a few ulp per nonlinearity); each is deterministic.
enum GateKernels: Sendable {
    case vectorised
    case generic
}

extension AlgebraMatrix {
    /// self ← σ(self) elementwise (a gate block, possibly with a leading dimension larger than its rows).
    @inline(__always)
    func applyGateSigmoid(_ kernels: GateKernels) {
        if kernels == .vectorised && applyVectorised(.sigmoid, from: self) { return }
        applySigmoid()
    }

    /// self ← tanh(self) elementwise.
    @inline(__always)
    func applyGateTanh(_ kernels: GateKernels) {
        if kernels == .vectorised && applyVectorised(.tanh, from: self) { return }
        applyTanh()
    }

    /// Runs `function` from `source` into self with ``VectorMath`` when the algebra's storage is plain or dual
    /// `Double` buffers; returns false (doing nothing) for any other algebra. `source` has self's shape and is
    /// either self (in place) or does not overlap it. After specialisation the type tests fold away.
    @inline(__always)
    private func applyVectorised(_ function: VectorMath.Function, from source: AlgebraMatrix) -> Bool {
        precondition(source.rows == rows && source.columns == columns, "gate kernel: shape mismatch")
        if A.self == RealAlgebra.self {
            let x = unsafeBitCast(source, to: AlgebraMatrix<RealAlgebra>.self)
            let y = unsafeBitCast(self, to: AlgebraMatrix<RealAlgebra>.self)
            VectorMath.apply(function, rows: rows, columns: columns, x.base, leadingDimension: x.leadingDimension,
                             y.base, leadingDimension: y.leadingDimension)
            return true
        }
        if A.self == DualAlgebra.self {
            let x = unsafeBitCast(source, to: AlgebraMatrix<DualAlgebra>.self)
            let y = unsafeBitCast(self, to: AlgebraMatrix<DualAlgebra>.self)
            VectorMath.applyDual(function, rows: rows, columns: columns, value: x.base.value,
                                 tangent: x.base.tangent, leadingDimension: x.leadingDimension,
                                 resultValue: y.base.value, resultTangent: y.base.tangent,
                                 leadingDimension: y.leadingDimension)
            return true
        }
        return false
    }
}
