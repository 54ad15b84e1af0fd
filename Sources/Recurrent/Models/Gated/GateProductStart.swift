import MemoryNumerics

/// Where a gate product's accumulation starts (``AlgebraMatrix/gateProduct(_:_:transposeB:start:_:)``).
enum GateProductStart<A: RecurrentAlgebra> {
    /// C ← A·op(B).
    case zero
    /// C ← C + A·op(B).
    case accumulate
    /// C ← v·1ᵀ + A·op(B) for a column vector v (a bias broadcast over the columns).
    case column(AlgebraMatrix<A>)
}
