import MemoryNumerics

/// Numerical quadrature on [0, U] for integrands with an integrable singularity at 0 (log λ, log² λ, λ^{−α}):
/// the spectral integrals of the Whittle estimator (normalisation ∫ log f, Fisher information ∫ ∇log f ∇log fᵀ).
enum ParametricQuadrature {
    /// Tanh–sinh (double-exponential) quadrature (Takahasi & Mori 1974, Publ. RIMS Kyoto 9:721–741):
    /// λ = U/(1 + e^{−2v}), v = (π/2)·sinh t, so ∫_0^U g(λ) dλ = ∫_ℝ g(λ(t))·λ′(t) dt with
    /// λ′(t) = U·(π/2)·cosh t/(2 cosh² v), summed by the trapezoidal rule on t ∈ [−4, 4] with step h halved
    /// until successive sums agree to `tolerance` (relative to each component, or to 1e-6 of the largest) or h = 2^{−9}. Endpoint
    /// singularities of logarithmic or algebraic type are integrated to near machine precision because the
    /// transformed integrand decays double-exponentially.
    ///
    /// `integrand(λ, out)` writes the `components` values of a vector-valued integrand at λ ∈ (0, U).
    static func tanhSinh(
        components: Int, upper: Double, tolerance: Double = 1e-13,
        _ integrand: (Double, inout [Double]) -> Void
    ) -> [Double] {
        let tMax = 4.0
        var values = [Double](repeating: 0, count: components)
        var sum = [Double](repeating: 0, count: components)
        func add(_ t: Double) {
            let v = 0.5 * Double.pi * Double.sinh(t)
            let lambda = upper / (1 + Double.exp(-2 * v))
            guard lambda > 0, lambda < upper else { return }
            let cv = Double.cosh(v)
            let w = upper * 0.5 * Double.pi * Double.cosh(t) / (2 * cv * cv)
            guard w > 0, w.isFinite else { return }
            integrand(lambda, &values)
            for c in 0..<components { sum[c] += w * values[c] }
        }
        var h = 1.0
        add(0)
        var k = 1
        while Double(k) * h <= tMax {
            add(Double(k) * h)
            add(-Double(k) * h)
            k += 1
        }
        var previous = sum.map { $0 * h }
        for _ in 1...9 {
            h /= 2
            // New nodes: odd multiples of h.
            var j = 1
            while Double(j) * h <= tMax {
                add(Double(j) * h)
                add(-Double(j) * h)
                j += 2
            }
            let current = sum.map { $0 * h }
            var converged = true
            let largest = current.reduce(0) { max($0, abs($1)) }
            for c in 0..<components {
                let scale = max(abs(current[c]), 1e-6 * largest, 1e-300)
                if abs(current[c] - previous[c]) > tolerance * scale { converged = false }
            }
            previous = current
            if converged { break }
        }
        return previous
    }
}
