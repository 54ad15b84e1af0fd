import MemoryNumerics

extension AlgebraMatrix {
    /// self ← tanh(self) elementwise.
    @inline(__always)
    func applyGateTanh(_ kernels: GateKernels) {
        if kernels == .vectorised && applyVectorised(.tanh, from: self) { return }
        applyTanh()
    }

    /// Runs `function` from `source` into self with `VectorMath` when the algebra's storage is plain or dual
    /// `Double` buffers; returns false (doing nothing) for any other algebra. `source` has self's shape and is
    /// either self (in place) or does not overlap it. After specialisation the type tests fold away.
    @inline(__always)
    private func applyVectorised(_ function: VectorMath.Function, from source: AlgebraMatrix) -> Bool {
        precondition(source.rows == rows && source.columns == columns, "gate kernel: shape mismatch")
        if A.self == RealAlgebra.self {
            let x = unsafeBitCast(source, to: AlgebraMatrix<RealAlgebra>.self)
            let y = unsafeBitCast(self, to: AlgebraMatrix<RealAlgebra>.self)
            VectorMath.apply(
                function, rows: rows, columns: columns, x.base, leadingDimension: x.leadingDimension,
                y.base, leadingDimension: y.leadingDimension)
            return true
        }
        if A.self == DualAlgebra.self {
            let x = unsafeBitCast(source, to: AlgebraMatrix<DualAlgebra>.self)
            let y = unsafeBitCast(self, to: AlgebraMatrix<DualAlgebra>.self)
            VectorMath.applyDual(
                function, rows: rows, columns: columns, value: x.base.value,
                tangent: x.base.tangent, leadingDimension: x.leadingDimension,
                resultValue: y.base.value, resultTangent: y.base.tangent,
                leadingDimension: y.leadingDimension)
            return true
        }
        return false
    }
}

extension AlgebraMatrix {
    /// self ← S + a·op(b) (S per `start`; op(b) = b or bᵀ). `self` must not overlap `a`, `b` or the start
    /// column. Vectorised: `VectorMath` products (a dual product is three of them: Ċ ← Ṡ + Ȧ·op(B), Ċ += A·op(Ḃ),
    /// C ← S + A·op(B)); generic: the algebra's `gemm`.
    func gateProduct(
        _ a: AlgebraMatrix, _ b: AlgebraMatrix, transposeB: Bool = false, start: GateProductStart<A>,
        _ kernels: GateKernels
    ) {
        let k = a.columns
        precondition(
            a.rows == rows && (transposeB ? b.columns : b.rows) == k
                && (transposeB ? b.rows : b.columns) == columns,
            "gate product: A \(a.rows)×\(a.columns), B \(b.rows)×\(b.columns) (transposed: \(transposeB)), "
                + "C \(rows)×\(columns)")
        if case let .column(v) = start { precondition(v.rows == rows, "gate product: start column has \(v.rows) rows") }
        if kernels == .vectorised {
            if A.self == RealAlgebra.self {
                let (c, a, b) = (real(self), real(a), real(b))
                VectorMath.multiply(
                    m: rows, n: columns, k: k, a.base, leadingDimension: a.leadingDimension, b.base,
                    leadingDimension: b.leadingDimension, transposeB: transposeB,
                    start: realStart(start), into: c.base,
                    leadingDimension: c.leadingDimension)
                return
            }
            if A.self == DualAlgebra.self {
                let (c, a, b) = (dual(self), dual(a), dual(b))
                let (m, n) = (rows, columns)
                let (lda, ldb, ldc) = (a.leadingDimension, b.leadingDimension, c.leadingDimension)
                VectorMath.multiply(
                    m: m, n: n, k: k, a.base.tangent, leadingDimension: lda, b.base.value,
                    leadingDimension: ldb, transposeB: transposeB,
                    start: dualStart(start, tangent: true),
                    into: c.base.tangent, leadingDimension: ldc)
                VectorMath.multiply(
                    m: m, n: n, k: k, a.base.value, leadingDimension: lda, b.base.tangent,
                    leadingDimension: ldb, transposeB: transposeB, start: .accumulate,
                    into: c.base.tangent, leadingDimension: ldc)
                VectorMath.multiply(
                    m: m, n: n, k: k, a.base.value, leadingDimension: lda, b.base.value,
                    leadingDimension: ldb, transposeB: transposeB,
                    start: dualStart(start, tangent: false),
                    into: c.base.value, leadingDimension: ldc)
                return
            }
        }
        switch start {
        case .zero: multiply(a, b, transposeB: transposeB, beta: 0)
        case .accumulate: multiply(a, b, transposeB: transposeB, beta: 1)
        case let .column(v):
            fillColumns(with: v)
            multiply(a, b, transposeB: transposeB, beta: 1)
        }
    }

    /// vector[i] += Σ_j self[i, j], columns added in order (the same additions as ``addRowSums(into:)``, which
    /// the generic path calls; the vectorised one keeps many rows in flight).
    func addGateRowSums(into vector: AlgebraMatrix, _ kernels: GateKernels) {
        precondition(vector.rows == rows && vector.columns >= 1, "addGateRowSums: shape mismatch")
        if kernels == .vectorised {
            if A.self == RealAlgebra.self {
                let (a, y) = (real(self), real(vector))
                VectorMath.addRowSums(m: rows, n: columns, a.base, leadingDimension: a.leadingDimension, into: y.base)
                return
            }
            if A.self == DualAlgebra.self {
                let (a, y) = (dual(self), dual(vector))
                VectorMath.addRowSums(
                    m: rows, n: columns, a.base.value, leadingDimension: a.leadingDimension,
                    into: y.base.value)
                VectorMath.addRowSums(
                    m: rows, n: columns, a.base.tangent, leadingDimension: a.leadingDimension,
                    into: y.base.tangent)
                return
            }
        }
        addRowSums(into: vector)
    }

    /// self[j, i] ← source[i, j] (self is source's transpose in shape; no overlap).
    func transpose(of source: AlgebraMatrix) {
        precondition(rows == source.columns && columns == source.rows, "transpose: shape mismatch")
        for j in 0..<source.columns { for i in 0..<source.rows { self[j, i] = source[i, j] } }
    }

    @inline(__always)
    private func realStart(_ start: GateProductStart<A>) -> VectorMath.ProductStart {
        switch start {
        case .zero: return .zero
        case .accumulate: return .accumulate
        case let .column(v): return .column(UnsafePointer(real(v).base))
        }
    }

    @inline(__always)
    private func dualStart(_ start: GateProductStart<A>, tangent: Bool) -> VectorMath.ProductStart {
        switch start {
        case .zero: return .zero
        case .accumulate: return .accumulate
        case let .column(v): return .column(UnsafePointer(tangent ? dual(v).base.tangent : dual(v).base.value))
        }
    }
}

/// The view as real storage (only when `A` is ``RealAlgebra``; callers test that first).
@inline(__always)
func real<A>(_ m: AlgebraMatrix<A>) -> AlgebraMatrix<RealAlgebra> {
    unsafeBitCast(m, to: AlgebraMatrix<RealAlgebra>.self)
}

/// The view as dual storage (only when `A` is ``DualAlgebra``; callers test that first).
@inline(__always)
func dual<A>(_ m: AlgebraMatrix<A>) -> AlgebraMatrix<DualAlgebra> {
    unsafeBitCast(m, to: AlgebraMatrix<DualAlgebra>.self)
}
