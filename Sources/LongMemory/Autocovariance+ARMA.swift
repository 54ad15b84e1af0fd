import MemoryNumerics

extension Autocovariance {
    /// ARMA(p, q) autocovariance γ(0…lags) of φ(B)X_t = θ(B)ε_t, φ(z) = 1 − φ₁z − … − φ_p z^p,
    /// θ(z) = 1 + θ₁z + … + θ_q z^q, Var ε = σ².
    ///
    /// Brockwell & Davis (1991), *Time Series: Theory and Methods*, 2nd ed., §3.3, eqs. (3.3.8)–(3.3.9):
    ///
    ///     γ(k) − φ₁γ(k−1) − … − φ_pγ(k−p) = σ² Σ_{j=k}^{q} θ_j ψ_{j−k},   0 ≤ k < max(p, q + 1),
    ///     γ(k) − φ₁γ(k−1) − … − φ_pγ(k−p) = 0,                        k ≥ max(p, q + 1),
    ///
    /// with θ₀ = 1 and ψ_j the MA(∞) weights (ψ₀ = 1, ψ_j = θ_j + Σ_{i=1}^{min(j,p)} φ_iψ_{j−i}). The equations for
    /// k = 0 … p, with γ(−k) = γ(k), form a (p + 1)-dimensional linear system for γ(0 … p), solved by LAPACK `dgesv`;
    /// the rest follows from the recursion. Trailing zero AR coefficients are dropped first.
    ///
    /// - Throws: if a coefficient is not finite, σ² ≤ 0, lags < 0, or the AR polynomial has a root on or inside the
    ///   unit circle (no stationary solution).
    public static func arma(ar: [Double], ma: [Double], sigma2: Double = 1, lags: Int) throws -> [Double] {
        try Validate.nonNegative(lags, "lags")
        try Validate.positive(sigma2, "sigma2")
        try Validate.finiteCoefficients(ma, "ma")
        var phi = ar
        while let last = phi.last, last == 0 { phi.removeLast() }
        try Validate.stationaryAR(ar)
        return try armaUnchecked(ar: phi, ma: ma, sigma2: sigma2, lags: lags)
    }

    /// ψ_0 … ψ_{count−1}, the power-series coefficients of θ(z)/φ(z) = Σ_j ψ_j z^j (the MA(∞) weights): ψ₀ = 1,
    /// ψ_j = θ_j + Σ_{i=1}^{min(j,p)} φ_i ψ_{j−i} with θ_j = 0 for j > q (Brockwell & Davis 1991, §3.3). With no MA part
    /// these are the coefficients of 1/φ(z); with ar = −θ and no MA part, those of 1/θ(z).
    static func maInfinityWeights(ar phi: [Double], ma theta: [Double], count: Int) -> [Double] {
        guard count > 0 else { return [] }
        let p = phi.count, q = theta.count
        var psi = [Double](repeating: 0, count: count)
        psi[0] = 1
        var j = 1
        while j < count {
            var s = j <= q ? theta[j - 1] : 0
            if p > 0 { for i in 1...min(j, p) { s += phi[i - 1] * psi[j - i] } }
            psi[j] = s
            j += 1
        }
        return psi
    }

    /// ``arma(ar:ma:sigma2:lags:)`` for coefficients already validated (no trailing zero AR coefficient).
    static func armaUnchecked(ar phi: [Double], ma: [Double], sigma2: Double, lags: Int) throws -> [Double] {
        let p = phi.count, q = ma.count
        let theta = [1.0] + ma
        // ψ_0 … ψ_q of the MA(∞) representation.
        let psi = maInfinityWeights(ar: phi, ma: ma, count: q + 1)
        // Right-hand sides r_k = σ² Σ_{j=k}^{q} θ_j ψ_{j−k} (zero for k > q).
        func rhs(_ k: Int) -> Double {
            guard k <= q else { return 0 }
            var s = 0.0
            for j in k...q { s += theta[j] * psi[j - k] }
            return sigma2 * s
        }
        var gamma = [Double](repeating: 0, count: max(lags, p) + 1)
        if p == 0 {
            for k in 0...lags { gamma[k] = rhs(k) }
            return Array(gamma[0...lags])
        }
        // Equations k = 0 … p: Σ_{i=0}^{p} φ'_i γ(|k − i|) = r_k with φ'_0 = 1, φ'_i = −φ_i.
        var a = Matrix(rows: p + 1, columns: p + 1)
        var b = [Double](repeating: 0, count: p + 1)
        for k in 0...p {
            for i in 0...p {
                let coefficient = i == 0 ? 1.0 : -phi[i - 1]
                a[k, abs(k - i)] += coefficient
            }
            b[k] = rhs(k)
        }
        let solution: [Double]
        do {
            solution = try LinearAlgebra.solve(a, b)
        } catch {
            throw LongMemoryError.numerical("ARMA autocovariance: the Brockwell–Davis system is singular (\(error))")
        }
        for k in 0...p { gamma[k] = solution[k] }
        if gamma.count > p + 1 {
            for k in (p + 1)..<gamma.count {
                var s = rhs(k)
                for i in 1...p { s += phi[i - 1] * gamma[k - i] }
                gamma[k] = s
            }
        }
        return Array(gamma[0...lags])
    }
}
