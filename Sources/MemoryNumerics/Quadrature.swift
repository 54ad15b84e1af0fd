/// Numerical integration of smooth integrands and of integrands with an integrable end-point singularity
/// (log λ, log² λ, λ^{−α}, α < 1) — the spectral integrals of the long-memory code (Whittle normalisation
/// ∫ log f, Fisher information ∫ ∇log f ∇log fᵀ, γ(k) = ∫ cos(kλ) f(λ) dλ).
///
/// * ``gaussLegendre(_:from:to:points:)``: the n-point Gauss–Legendre rule (Abramowitz & Stegun 1964, *Handbook of
///   Mathematical Functions*, 25.4.29), exact for polynomials of degree 2n − 1.
/// * ``gaussLegendreGraded(_:upTo:ratio:panels:points:)``: a geometrically graded composite Gauss–Legendre rule on
///   (0, b] for an integrable singularity at 0: each panel [b·r^{k+1}, b·r^k] keeps the singularity at a fixed
///   relative distance, so every panel converges geometrically in the number of nodes.
/// * ``tanhSinh(components:upper:tolerance:acceptance:_:)``: tanh–sinh (double-exponential) quadrature on (0, U) (Takahasi &
///   Mori 1974, "Double exponential formulas for numerical integration", Publ. RIMS Kyoto Univ. 9:721–741) for a
///   vector-valued integrand, with step halving until successive sums agree.
public enum Quadrature {
    /// Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (n ≥ 2): nodes by Newton's method on P_n
    /// from Tricomi's initial guesses cos(π(i + ¾)/(n + ½)), weights 2/((1 − x²)P_n′(x)²) (A&S 25.4.29).
    public static func gaussLegendreRule(points n: Int) throws -> (nodes: [Double], weights: [Double]) {
        guard n >= 2, n <= 1000 else {
            throw NumericsError.domain("Quadrature.gaussLegendreRule: points must be in 2…1000, got \(n)")
        }
        if n == 20 { return rule20 }
        return computeRule(n)
    }

    /// The 20-point rule, computed once.
    static let rule20 = computeRule(20)

    static func computeRule(_ n: Int) -> (nodes: [Double], weights: [Double]) {
        var x = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var z = Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 1.0
            for _ in 0..<100 {
                // P_n(z) and P_n′(z) by the three-term recurrence.
                var p0 = 1.0, p1 = z
                for k in stride(from: 2, through: n, by: 1) {
                    let pk = ((2 * Double(k) - 1) * z * p1 - (Double(k) - 1) * p0) / Double(k)
                    p0 = p1
                    p1 = pk
                }
                derivative = Double(n) * (z * p1 - p0) / (z * z - 1)
                let step = p1 / derivative
                z -= step
                if abs(step) < 1e-16 { break }
            }
            x[i] = z
            w[i] = 2 / ((1 - z * z) * derivative * derivative)
        }
        return (x, w)
    }

    /// ∫_a^b f by the n-point Gauss–Legendre rule (default n = 20).
    /// - Throws: ``NumericsError/domain(_:)`` for non-finite limits or n outside 2…1000; errors thrown by `f`.
    public static func gaussLegendre(
        _ f: (Double) throws -> Double, from a: Double, to b: Double, points: Int = 20
    ) throws -> Double {
        guard a.isFinite, b.isFinite else {
            throw NumericsError.domain("Quadrature.gaussLegendre: the limits must be finite, got [\(a), \(b)]")
        }
        let (x, w) = try gaussLegendreRule(points: points)
        return try gaussLegendreUnchecked(f, from: a, to: b, nodes: x, weights: w)
    }

    static func gaussLegendreUnchecked(
        _ f: (Double) throws -> Double, from a: Double, to b: Double, nodes x: [Double], weights w: [Double]
    ) rethrows -> Double {
        let mid = 0.5 * (a + b), half = 0.5 * (b - a)
        var s = 0.0
        for i in 0..<x.count { s += w[i] * (try f(mid + half * x[i])) }
        return s * half
    }

    /// ∫_{b·ratio^panels}^{b} f over `panels` geometric panels [b·ratio^{k+1}, b·ratio^k], each by the n-point
    /// Gauss–Legendre rule. The part of the integral below b·ratio^panels is not included (the caller bounds it).
    /// - Throws: ``NumericsError/domain(_:)`` unless b is finite and nonzero, 0 < ratio < 1 and panels ≥ 1;
    ///   errors thrown by `f`.
    public static func gaussLegendreGraded(
        _ f: (Double) throws -> Double, upTo b: Double, ratio: Double = 0.25, panels: Int, points: Int = 20
    ) throws -> Double {
        guard b.isFinite, b != 0 else {
            throw NumericsError.domain(
                "Quadrature.gaussLegendreGraded: the upper limit must be finite and nonzero, got \(b)")
        }
        guard ratio.isFinite, ratio > 0, ratio < 1 else {
            throw NumericsError.domain("Quadrature.gaussLegendreGraded: ratio must be in (0, 1), got \(ratio)")
        }
        guard panels >= 1 else {
            throw NumericsError.domain("Quadrature.gaussLegendreGraded: panels must be ≥ 1, got \(panels)")
        }
        let (x, w) = try gaussLegendreRule(points: points)
        var s = 0.0
        var hi = b
        for _ in 0..<panels {
            let lo = hi * ratio
            s += try gaussLegendreUnchecked(f, from: lo, to: hi, nodes: x, weights: w)
            hi = lo
        }
        return s
    }

    /// ∫_0^U g(λ) dλ for a vector-valued g with `components` entries, by tanh–sinh quadrature (Takahasi & Mori 1974):
    /// λ = U/(1 + e^{−2v}), v = (π/2)·sinh t, so ∫_0^U g = ∫_ℝ g(λ(t))·λ′(t) dt with λ′(t) = U·(π/2)·cosh t/(2 cosh² v),
    /// summed by the trapezoidal rule on t ∈ [−4, 4] with step h = 1, ½, ¼, … down to 2⁻⁹ (each halving adds only
    /// the new nodes; ≈ 4600 nodes in all). The change between successive sums is measured per component, relative to
    /// the larger of its own magnitude and 10⁻⁶ of the largest component. The sum is returned as soon as the change
    /// is below `tolerance`; rounding in the long sum limits the attainable agreement to about 1e-13…1e-12 for
    /// integrands with large end-point values (log λ near λ = 10⁻³⁰⁰), so after the last halving the sum is still
    /// returned if the change is below `acceptance`. (The error of a converged double-exponential sum is far below
    /// the last change: it decreases like the square of the change per halving.) Logarithmic and algebraic
    /// end-point singularities are integrated to near machine precision, because the transformed integrand decays
    /// double-exponentially.
    ///
    /// `integrand(λ, out)` writes the `components` values at λ ∈ (0, U) into `out` (nodes where λ rounds to 0 or U
    /// are skipped).
    /// - Throws: ``NumericsError/domain(_:)`` unless components ≥ 1, U is finite and positive and
    ///   0 < tolerance ≤ acceptance; ``NumericsError/noConvergence(_:)`` if the change after the last halving is
    ///   still above `acceptance` (an integrand the rule does not resolve); errors thrown by `integrand`.
    public static func tanhSinh(
        components: Int, upper: Double, tolerance: Double = 1e-13, acceptance: Double = 1e-9,
        _ integrand: (Double, inout [Double]) throws -> Void
    ) throws -> [Double] {
        guard components >= 1 else {
            throw NumericsError.domain("Quadrature.tanhSinh: components must be ≥ 1, got \(components)")
        }
        guard upper.isFinite, upper > 0 else {
            throw NumericsError.domain("Quadrature.tanhSinh: the upper limit must be finite and positive, got \(upper)")
        }
        guard tolerance.isFinite, tolerance > 0, acceptance.isFinite, acceptance >= tolerance else {
            throw NumericsError.domain(
                "Quadrature.tanhSinh: need 0 < tolerance ≤ acceptance (finite), got tolerance \(tolerance), acceptance \(acceptance)"
            )
        }
        let tMax = 4.0
        var values = [Double](repeating: 0, count: components)
        var sum = [Double](repeating: 0, count: components)
        func add(_ t: Double) throws {
            let v = 0.5 * Double.pi * Double.sinh(t)
            let lambda = upper / (1 + Double.exp(-2 * v))
            guard lambda > 0, lambda < upper else { return }
            let cv = Double.cosh(v)
            let w = upper * 0.5 * Double.pi * Double.cosh(t) / (2 * cv * cv)
            guard w > 0, w.isFinite else { return }
            try integrand(lambda, &values)
            for c in 0..<components { sum[c] += w * values[c] }
        }
        var h = 1.0
        try add(0)
        var k = 1
        while Double(k) * h <= tMax {
            try add(Double(k) * h)
            try add(-Double(k) * h)
            k += 1
        }
        var previous = sum.map { $0 * h }
        var worst = Double.infinity
        for _ in 1...9 {
            h /= 2
            // New nodes: odd multiples of h.
            var j = 1
            while Double(j) * h <= tMax {
                try add(Double(j) * h)
                try add(-Double(j) * h)
                j += 2
            }
            let current = sum.map { $0 * h }
            let largest = current.reduce(0) { max($0, abs($1)) }
            worst = 0
            for c in 0..<components {
                let scale = max(abs(current[c]), 1e-6 * largest, 1e-300)
                let change = abs(current[c] - previous[c]) / scale
                worst = change.isNaN ? .infinity : max(worst, change)
            }
            previous = current
            if worst <= tolerance { return current }
        }
        if worst <= acceptance { return previous }
        throw NumericsError.noConvergence(
            "Quadrature.tanhSinh: successive sums still differ by \(worst) (relative) at step 2⁻⁹, above the "
                + "acceptance \(acceptance)")
    }

    /// ∫_0^U f(λ) dλ for a scalar f by ``tanhSinh(components:upper:tolerance:acceptance:_:)``.
    public static func tanhSinh(
        upper: Double, tolerance: Double = 1e-13, acceptance: Double = 1e-9, _ f: (Double) throws -> Double
    ) throws -> Double {
        try tanhSinh(components: 1, upper: upper, tolerance: tolerance, acceptance: acceptance) { lambda, out in
            out[0] = try f(lambda)
        }[0]
    }
}
