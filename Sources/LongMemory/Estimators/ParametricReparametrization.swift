import MemoryNumerics

/// An unconstrained parametrisation of stationary, invertible ARFIMA(p, d, q) models for the N-dimensional
/// optimisers, so that no objective is ever evaluated at a nonstationary or noninvertible point.
///
/// * d ∈ (d_lo, d_hi): d = c + r·tanh(u₀), c = (d_lo + d_hi)/2, r = (d_hi − d_lo)/2.
/// * AR part: φ(z) = 1 − Σφ_k z^k is stationary iff its partial autocorrelations r_1…r_p (the reflection
///   coefficients of the Durbin–Levinson recursion) lie in (−1, 1) (Barndorff-Nielsen & Schou 1973,
///   J. Multivariate Anal. 3:408–419). With r_k = tanh(u_k) every u ∈ ℝ^p gives a stationary polynomial and every
///   stationary polynomial is reached (Jones 1980, Technometrics 22:389–395; Monahan 1984, Biometrika 71:403–404).
/// * MA part: θ(z) = 1 + Σθ_k z^k = 1 − Σ(−θ_k) z^k, the same map applied to −θ (invertible iff roots outside).
struct ARFIMAReparametrization {
    let p: Int
    let q: Int
    let dLower: Double
    let dUpper: Double

    var dimension: Int { 1 + p + q }

    /// Model parameters (d, φ₁…φ_p, θ₁…θ_q) from unconstrained u.
    func parameters(_ u: [Double]) -> [Double] {
        let c = 0.5 * (dLower + dUpper), r = 0.5 * (dUpper - dLower)
        var out = [c + r * Double.tanh(u[0])]
        out += Self.coefficients(fromPartial: u[1..<(1 + p)].map { Double.tanh($0) })
        out += Self.coefficients(fromPartial: u[(1 + p)..<(1 + p + q)].map { Double.tanh($0) }).map { -$0 }
        return out
    }

    /// Unconstrained u from model parameters; nil if d is outside (d_lo, d_hi) or a polynomial is not
    /// stationary/invertible (strictly: |r_k| < 1 − 1e-12).
    func unconstrained(_ params: [Double]) -> [Double]? {
        let c = 0.5 * (dLower + dUpper), r = 0.5 * (dUpper - dLower)
        let t = (params[0] - c) / r
        guard t.isFinite, abs(t) < 1 - 1e-12 else { return nil }
        guard let rAR = Self.partial(fromCoefficients: Array(params[1..<(1 + p)])),
            let rMA = Self.partial(fromCoefficients: params[(1 + p)..<(1 + p + q)].map { -$0 })
        else { return nil }
        return [Double.atanh(t)] + (rAR + rMA).map { Double.atanh($0) }
    }

    /// Coefficients a₁…a_k of 1 − Σ a_j z^j from partial autocorrelations (Durbin–Levinson):
    /// a^{(k)}_k = r_k, a^{(k)}_j = a^{(k−1)}_j − r_k a^{(k−1)}_{k−j}.
    static func coefficients(fromPartial r: [Double]) -> [Double] {
        var a: [Double] = []
        for (k, rk) in r.enumerated() {
            var next = a
            for j in 0..<k { next[j] = a[j] - rk * a[k - 1 - j] }
            next.append(rk)
            a = next
        }
        return a
    }

    /// The inverse (step-down) recursion r_k = a^{(k)}_k, a^{(k−1)}_j = (a^{(k)}_j + r_k a^{(k)}_{k−j})/(1 − r_k²);
    /// nil unless every |r_k| < 1 − 1e-12 (stationary).
    static func partial(fromCoefficients coefficients: [Double]) -> [Double]? {
        var a = coefficients
        var r = [Double](repeating: 0, count: a.count)
        var k = a.count
        while k > 0 {
            let rk = a[k - 1]
            guard rk.isFinite, abs(rk) < 1 - 1e-12 else { return nil }
            r[k - 1] = rk
            let denom = 1 - rk * rk
            var prev = [Double](repeating: 0, count: k - 1)
            for j in 0..<(k - 1) { prev[j] = (a[j] + rk * a[k - 2 - j]) / denom }
            a = prev
            k -= 1
        }
        return r
    }

    /// Move a starting point into the admissible region: d clamped to the interval (0.9 of the way from its
    /// centre at most), and a polynomial that is not stationary/invertible replaced by zeros. The second value
    /// describes what was changed (nil if nothing).
    func admissibleStart(_ params: [Double]) -> (params: [Double], note: String?) {
        var out = params
        var changes: [String] = []
        let c = 0.5 * (dLower + dUpper), r = 0.5 * (dUpper - dLower)
        if !out[0].isFinite || abs(out[0] - c) > 0.9 * r {
            let clamped = out[0].isFinite ? min(max(out[0], c - 0.9 * r), c + 0.9 * r) : c
            changes.append("d from \(out[0]) to \(clamped)")
            out[0] = clamped
        }
        if p > 0, Self.partial(fromCoefficients: Array(out[1..<(1 + p)])) == nil {
            changes.append("the nonstationary AR start \(Array(out[1..<(1 + p)])) to zeros")
            for i in 1..<(1 + p) { out[i] = 0 }
        }
        if q > 0, Self.partial(fromCoefficients: out[(1 + p)..<(1 + p + q)].map { -$0 }) == nil {
            changes.append("the noninvertible MA start \(Array(out[(1 + p)..<(1 + p + q)])) to zeros")
            for i in (1 + p)..<(1 + p + q) { out[i] = 0 }
        }
        return (
            out,
            changes.isEmpty
                ? nil
                : "starting point moved into the stationary, invertible region: "
                    + changes.joined(separator: "; ")
        )
    }
}
