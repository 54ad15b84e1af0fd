import MemoryNumerics

/// Theoretical autocovariances γ(0), γ(1), …, γ(L): FI(d) and fGn here; ARMA (Brockwell–Davis) in
/// `Autocovariance+ARMA.swift`; ARFIMA(p, d, q) in `Autocovariance+ARFIMA.swift` (Sowell / Doornik–Ooms in
/// `+Sowell.swift`, the convolution method in `+Convolution.swift`).
public enum Autocovariance {
    /// ARFIMA(0, d, 0) autocovariance, lags 0…`lags` (Hosking 1981, Biometrika 68:165–176):
    /// γ(0) = σ²Γ(1 − 2d)/Γ(1 − d)², ρ(k) = Π_{i=1}^{k} (i − 1 + d)/(i − d) (exact product recursion; no asymptotic
    /// switch-over), so γ(k) ~ σ²Γ(1 − 2d)/(Γ(d)Γ(1 − d))·k^{2d−1}. Requires −½ < d < ½.
    public static func fractionalNoise(d: Double, sigma2: Double = 1, lags: Int) throws -> [Double] {
        try validateStationaryD(d)
        try Validate.positive(sigma2, "sigma2")
        try Validate.nonNegative(lags, "lags")
        let g0 = sigma2 * fractionalNoiseVariance(d: d)
        var out = [Double](repeating: 0, count: lags + 1)
        out[0] = g0
        var rho = 1.0
        if lags >= 1 {
            for k in 1...lags {
                rho *= (Double(k) - 1 + d) / (Double(k) - d)
                out[k] = g0 * rho
            }
        }
        return out
    }

    /// γ(0)/σ² = Γ(1 − 2d)/Γ(1 − d)² of FI(d) = Σ_{j≥0} ψ_j² (Hosking 1981), by log-Gamma; −½ < d < ½ (unchecked).
    static func fractionalNoiseVariance(d: Double) -> Double {
        Double.exp(SpecialFunctions.logGamma(1 - 2 * d) - 2 * SpecialFunctions.logGamma(1 - d))
    }

    static func validateStationaryD(_ d: Double) throws {
        guard d.isFinite, d > -0.5, d < 0.5 else {
            throw LongMemoryError.invalidArgument(name: "d", value: "\(d)", requirement: "must be in (−0.5, 0.5)")
        }
    }

    /// ARFIMA(0, d, 0) autocorrelation ρ(k) = Γ(k + d)Γ(1 − d)/(Γ(k − d + 1)Γ(d)) by log-Gamma (Hosking 1981; for
    /// checks of the product recursion). - Throws: unless −½ < d < ½ and k ≥ 0.
    public static func fractionalNoiseCorrelationGammaForm(d: Double, lag k: Int) throws -> Double {
        try validateStationaryD(d)
        try Validate.nonNegative(k, "lag")
        if k == 0 { return 1 }
        if d == 0 { return 0 }
        let a = try SpecialFunctions.gammaRatio(Double(k) + d, Double(k) - d + 1)
        let b = try SpecialFunctions.gammaRatio(1 - d, d)
        return a * b
    }

    /// Fractional Gaussian noise autocovariance γ(k) = (σ²/2)(|k − 1|^{2H} − 2|k|^{2H} + |k + 1|^{2H})
    /// (Mandelbrot & Van Ness 1968, SIAM Review 10:422–437), 0 < H < 1, σ² = γ(0).
    ///
    /// The second difference of large powers cancels catastrophically at large k and H near 1 (enough to make a
    /// circulant embedding look indefinite), so it is never formed:
    /// * γ(1) = σ²(2^{2H−1} − 1) = σ²·expm1((2H − 1) log 2);
    /// * k ≥ 2: the binomial series of k^{2H}[(1 + 1/k)^{2H} − 2 + (1 − 1/k)^{2H}]/2,
    ///   γ(k) = σ² Σ_{m≥1} C(2H, 2m) k^{2H−2m} = σ²[H(2H − 1)k^{2H−2} + C(2H, 4)k^{2H−4} + …],
    ///   whose terms all have the sign of 2H − 1 (no cancellation) and shrink by ≈ 1/k² (at most ≈ 30 terms at k = 2,
    ///   2–4 at large k); summed until a term is below 1e-17 of the sum.
    /// Relative accuracy ≈ 1e-15 at every lag and every H, including H = 0.99 at lag 10⁶.
    public static func fractionalGaussianNoise(hurst h: Double, sigma2: Double = 1, lags: Int) throws -> [Double] {
        try SpectralDensity.validateFGN(hurst: h, sigma2: sigma2)
        try Validate.nonNegative(lags, "lags")
        let twoH = 2 * h
        var out = [Double](repeating: 0, count: lags + 1)
        out[0] = sigma2
        if lags == 0 || h == 0.5 { return out }
        out[1] = sigma2 * Double.expMinusOne((twoH - 1) * Double.log(2))
        if lags == 1 { return out }
        for k in 2...lags {
            let kk = Double(k)
            let inverseSquare = 1 / (kk * kk)
            var power = Double.pow(kk, twoH)
            var binomial = 1.0  // C(2H, 0)
            var sum = 0.0
            for m in 1...80 {
                // C(2H, 2m) = C(2H, 2m − 2)·(2H − 2m + 2)(2H − 2m + 1)/((2m − 1)(2m))
                let i0 = Double(2 * m - 2), i1 = Double(2 * m - 1)
                binomial *= (twoH - i0) / (i0 + 1) * (twoH - i1) / (i1 + 1)
                power *= inverseSquare
                let term = binomial * power
                sum += term
                if abs(term) <= 1e-17 * abs(sum) { break }
            }
            out[k] = sigma2 * sum
        }
        return out
    }
}
