/// The K-term fractional memory filter of the memory-augmented cells of Zhao, Wang, Zhou, Huang, Shen & Chen
/// (2020), "Do RNN and LSTM have long memory?", ICML 2020, arXiv 2006.03860, §4:
///
///     w_j(d) = Π_{i=0}^{j−1} (i − d)/(i + 1),   j = 1 … K,
///
/// i.e. w_j = π_j(d), the coefficients of (1 − B)^d = Σ_{j≥0} π_j B^j (Hosking 1981, *Biometrika* 68(1):165–176, §2) without π_0 = 1:
/// w₁ = −d, w₂ = −d(1 − d)/2, and w_j ~ j^{−1−d}/Γ(−d) (j → ∞). For d ∈ (0, 1) every w_j (j ≥ 1) is negative and
/// Σ_{j=1}^{K} w_j = Π_{j=1}^{K}(1 − d/j) − 1 = Γ(K + 1 − d)/(Γ(1 − d)Γ(K + 1)) − 1 ∈ (−1, 0).
///
/// In the cells, d is a learned (MRNNF, MLSTMF) or state-dependent (MRNN, MLSTM) quantity, so the weights are
/// evaluated on the engine's ``RecurrentScalar``s: on ``DualNumber``s the recursion carries ∂w_j/∂d·ḋ exactly and
/// Hessian-vector products through d stay exact. The derivative recursion, from w_j = w_{j−1}·(j − 1 − d)/j:
///
///     w′_j = (w′_{j−1}·(j − 1 − d) − w_{j−1})/j,   w_0 = 1, w′_0 = 0.
///
/// Cost O(K) per order d. (`Recurrent` does not depend on `LongMemory`; this is the same recursion, written over
/// the engine's scalars.)
public enum FractionalMemoryWeights {
    /// w_1(d) … w_K(d) (array index j − 1), evaluated in `S` (`Double`, or ``DualNumber`` to get ∂w_j/∂d·ḋ in
    /// the tangents).
    /// - Throws: ``RecurrentError/invalidArgument(argument:message:)`` if `count` < 1 or the order is not finite.
    public static func weights<S: RecurrentScalar>(order d: S, count: Int) throws -> [S] {
        try validate(order: d.primal, count: count)
        var r = FractionalWeightRecursion(order: d)
        var w: [S] = []
        w.reserveCapacity(count)
        for _ in 0..<count {
            r.advanceWeight()
            w.append(r.weight)
        }
        return w
    }

    /// (w_j(d), ∂w_j/∂d) for j = 1 … K (array index j − 1), by the two coupled recursions above.
    /// - Throws: ``RecurrentError/invalidArgument(argument:message:)`` if `count` < 1 or the order is not finite.
    public static func weightsAndDerivatives<S: RecurrentScalar>(order d: S, count: Int) throws
        -> (weights: [S], derivatives: [S])
    {
        try validate(order: d.primal, count: count)
        var r = FractionalWeightRecursion(order: d)
        var w: [S] = [], dw: [S] = []
        w.reserveCapacity(count)
        dw.reserveCapacity(count)
        for _ in 0..<count {
            r.advance()
            w.append(r.weight)
            dw.append(r.derivative)
        }
        return (w, dw)
    }

    /// Σ_{j=1}^{K} w_j(d) = Π_{j=1}^{K}(1 − d/j) − 1: the gain of the filter at frequency 0, i.e. f = (Σ_j w_j)·c
    /// for a constant input c (Σ_{j=0}^{K} π_j = Γ(K + 1 − d)/(Γ(1 − d)Γ(K + 1)) by induction on K; e.g.
    /// −0.80669 at d = 0.3, K = 100).
    /// - Throws: ``RecurrentError/invalidArgument(argument:message:)`` if `count` < 1 or `order` is not finite.
    public static func sum(order d: Double, count: Int) throws -> Double {
        try validate(order: d, count: count)
        var product = 1.0
        for j in 1...count { product *= 1 - d / Double(j) }
        return product - 1
    }

    static func validate(order: Double, count: Int) throws {
        guard count >= 1 else {
            throw RecurrentError.invalidArgument(argument: "count", message: "the window K must be ≥ 1, got \(count)")
        }
        guard order.isFinite else {
            throw RecurrentError.invalidArgument(argument: "order", message: "d must be finite, got \(order)")
        }
    }
}
