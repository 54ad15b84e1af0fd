import MemoryNumerics

extension Autocovariance {
    /// How ``arfima(_:lags:method:)`` computes an ARFIMA(p, d, q) autocovariance.
    public enum ARFIMAMethod: String, Sendable, CaseIterable {
        /// Sowell (1992) in the Doornik & Ooms (2003) form (exact closed form through ₂F₁ at the inverse AR
        /// roots, complex arithmetic); falls back to ``convolution`` when AR roots are (nearly) repeated.
        case sowell
        /// γ_FI ⋆ γ_ARMA by FFT, with the geometrically decaying ARMA autocovariance truncated where its tail is
        /// below 1e-18 of γ_ARMA(0) (the "splitting" method: Bertelli & Caporin 2002, J. Time Series Analysis 23(5);
        /// Doornik & Ooms 2003).
        case convolution
    }

    /// ARFIMA(p, d, q) autocovariance γ(0…lags) of φ(B)(1−B)^d X_t = θ(B)ε_t (conventions of ``ARFIMAModel``).
    ///
    /// * p = q = 0: ``fractionalNoise(d:sigma2:lags:)`` (exact product recursion).
    /// * p = 0: γ(h) = Σ_{l=−q}^{q} ψ_{|l|} γ_FI(h − l), ψ_l = Σ_{s=l}^{q} θ_sθ_{s−l} (exact; both methods).
    /// * d = 0: ``arma(ar:ma:sigma2:lags:)`` (Brockwell–Davis).
    /// * otherwise `method` (default ``ARFIMAMethod/sowell``; for 0 < |d| < 1e-6, where Sowell's ₂F₁ terms sit next
    ///   to poles, the convolution method); see `Autocovariance+Sowell.swift` and
    ///   `Autocovariance+Convolution.swift`.
    ///
    /// - Throws: if the model is not stationary and invertible in d (``ARFIMAModel/validate(requireInvertibleMA:)``),
    ///   lags < 0, or (convolution) an AR root is so close to the unit circle that the truncation would exceed 2²⁶ lags.
    public static func arfima(_ model: ARFIMAModel, lags: Int, method: ARFIMAMethod = .sowell) throws -> [Double] {
        try model.validate()
        guard lags >= 0 else {
            throw LongMemoryError.invalidArgument(name: "lags", value: "\(lags)", requirement: "must be ≥ 0")
        }
        var phi = model.ar
        while let last = phi.last, last == 0 { phi.removeLast() }
        var theta = model.ma
        while let last = theta.last, last == 0 { theta.removeLast() }
        let d = model.d, sigma2 = model.sigma2
        if d == 0 { return try armaUnchecked(ar: phi, ma: theta, sigma2: sigma2, lags: lags) }
        if phi.isEmpty { return try fractionalNoiseMA(d: d, ma: theta, sigma2: sigma2, lags: lags) }
        switch method {
        case .convolution:
            return try splitting(d: d, ar: phi, ma: theta, sigma2: sigma2, lags: lags)
        case .sowell:
            // Sowell's ₂F₁(d − h, 1; 1 − d − h; ρ) has c = 1 − d − h within rounding of a non-positive integer when
            // d is within rounding of 0: the closed form is ill-conditioned there, the splitting method is not.
            if abs(d) < 1e-6 { return try splitting(d: d, ar: phi, ma: theta, sigma2: sigma2, lags: lags) }
            if let gamma = try sowell(d: d, ar: phi, ma: theta, sigma2: sigma2, lags: lags) { return gamma }
            return try splitting(d: d, ar: phi, ma: theta, sigma2: sigma2, lags: lags)
        }
    }

    /// ARFIMA(0, d, q): γ(h) = Σ_{l=−q}^{q} ψ_{|l|} γ_FI(h − l) with ψ_l = Σ_{s=l}^{q} θ_sθ_{s−l}, θ₀ = 1.
    static func fractionalNoiseMA(d: Double, ma theta: [Double], sigma2: Double, lags: Int) throws -> [Double] {
        let q = theta.count
        let fi = try fractionalNoise(d: d, sigma2: sigma2, lags: lags + q)
        if q == 0 { return Array(fi[0...lags]) }
        let psi = maAutocovarianceWeights(theta)
        var out = [Double](repeating: 0, count: lags + 1)
        for h in 0...lags {
            var s = psi[0] * fi[h]
            for l in 1...q { s += psi[l] * (fi[abs(h - l)] + fi[h + l]) }
            out[h] = s
        }
        return out
    }

    /// ψ_l = Σ_{s=l}^{q} θ_sθ_{s−l}, l = 0…q (θ₀ = 1): the autocovariance of the MA part with σ² = 1.
    static func maAutocovarianceWeights(_ ma: [Double]) -> [Double] {
        let q = ma.count
        let theta = [1.0] + ma
        var psi = [Double](repeating: 0, count: q + 1)
        for l in 0...q { for s in l...q { psi[l] += theta[s] * theta[s - l] } }
        return psi
    }
}
