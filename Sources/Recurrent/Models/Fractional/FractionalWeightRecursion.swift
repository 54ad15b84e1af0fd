/// One step after another of the recursions of ``FractionalMemoryWeights``: after the n-th call of
/// ``advance()`` (or ``advanceWeight()``), ``weight`` is w_n(d) and ``derivative`` is ∂w_n/∂d (only kept up to
/// date by ``advance()``). The cells' hot loops use it to walk j = 1 … K without storing the weights.
@usableFromInline
struct FractionalWeightRecursion<S: RecurrentScalar> {
    @usableFromInline let order: S
    @usableFromInline var index = 0
    @usableFromInline var weight: S = 1
    @usableFromInline var derivative: S = 0

    @inlinable @inline(__always)
    init(order: S) { self.order = order }

    /// w_j = w_{j−1}·(j − 1 − d)/j and w′_j = (w′_{j−1}·(j − 1 − d) − w_{j−1})/j.
    @inlinable @inline(__always)
    mutating func advance() {
        let reciprocal = S(1 / Double(index + 1))
        let factor = S(Double(index)) - order
        derivative = (derivative * factor - weight) * reciprocal
        weight = weight * factor * reciprocal
        index += 1
    }

    /// w_j = w_{j−1}·(j − 1 − d)/j only (``derivative`` becomes stale).
    @inlinable @inline(__always)
    mutating func advanceWeight() {
        weight = weight * (S(Double(index)) - order) * S(1 / Double(index + 1))
        index += 1
    }
}
