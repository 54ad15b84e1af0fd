import MemoryNumerics

/// Theoretical autocovariances γ(0), γ(1), …, γ(L).
public enum Autocovariance {
    /// ARFIMA(0, d, 0) autocovariance, lags 0…`lags` (Hosking 1981, Biometrika 68:165–176):
    /// γ(0) = σ²Γ(1 − 2d)/Γ(1 − d)², ρ(k) = Π_{i=1}^{k} (i − 1 + d)/(i − d) (exact product recursion; no asymptotic
    /// switch-over), so γ(k) ~ σ²Γ(1 − 2d)/(Γ(d)Γ(1 − d))·k^{2d−1}. Requires −½ < d < ½.
    public static func fractionalNoise(d: Double, sigma2: Double = 1, lags: Int) throws -> [Double] {
        guard d.isFinite, d > -0.5, d < 0.5 else {
            throw LongMemoryError.invalidArgument(name: "d", value: "\(d)", requirement: "must be in (−0.5, 0.5)")
        }
        guard sigma2.isFinite, sigma2 > 0 else {
            throw LongMemoryError.invalidArgument(name: "sigma2", value: "\(sigma2)", requirement: "must be > 0")
        }
        guard lags >= 0 else {
            throw LongMemoryError.invalidArgument(name: "lags", value: "\(lags)", requirement: "must be ≥ 0")
        }
        let lg = SpecialFunctions.logGamma
        let g0 = sigma2 * Double.exp(lg(1 - 2 * d) - 2 * lg(1 - d))
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

    /// ARFIMA(0, d, 0) autocorrelation ρ(k) = Γ(k + d)Γ(1 − d)/(Γ(k − d + 1)Γ(d)) by log-Gamma (for checks).
    public static func fractionalNoiseCorrelationGammaForm(d: Double, lag k: Int) throws -> Double {
        if k == 0 { return 1 }
        if d == 0 { return 0 }
        let a = try SpecialFunctions.gammaRatio(Double(k) + d, Double(k) - d + 1)
        let b = try SpecialFunctions.gammaRatio(1 - d, d)
        return a * b
    }

    /// Fractional Gaussian noise autocovariance γ(k) = (σ²/2)(|k − 1|^{2H} − 2|k|^{2H} + |k + 1|^{2H})
    /// (Mandelbrot & Van Ness 1968), 0 < H < 1. The second difference of large powers cancels catastrophically at
    /// large k and H near 1, so for k ≥ 64 the even-power series γ(k) = σ² Σ_{m≥1} C(2H, 2m) k^{2H−2m} is summed
    /// instead (it converges like k^{−2m}; terms added until they fall below 1e-17 of the sum).
    public static func fractionalGaussianNoise(hurst h: Double, sigma2: Double = 1, lags: Int) throws -> [Double] {
        guard h.isFinite, h > 0, h < 1 else {
            throw LongMemoryError.invalidArgument(name: "hurst", value: "\(h)", requirement: "must be in (0, 1)")
        }
        guard sigma2.isFinite, sigma2 > 0 else {
            throw LongMemoryError.invalidArgument(name: "sigma2", value: "\(sigma2)", requirement: "must be > 0")
        }
        guard lags >= 0 else {
            throw LongMemoryError.invalidArgument(name: "lags", value: "\(lags)", requirement: "must be ≥ 0")
        }
        let twoH = 2 * h
        var out = [Double](repeating: 0, count: lags + 1)
        for k in 0...lags {
            let kk = Double(k)
            if k < 64 {
                let a = k == 0 ? 1.0 : Double.pow(kk - 1, twoH)
                out[k] = 0.5 * sigma2 * (Double.pow(kk + 1, twoH) - 2 * Double.pow(kk, twoH) + (k == 0 ? 1 : a))
            } else {
                // Σ_{m≥1} C(2H, 2m) k^{2H−2m}; C(2H, 2m) = Π_{i=0}^{2m−1} (2H − i) / (2m)!.
                var sum = 0.0
                var binom = 1.0  // C(2H, 0)
                var power = Double.pow(kk, twoH)
                let inv2 = 1 / (kk * kk)
                for m in 1...40 {
                    let i0 = Double(2 * m - 2), i1 = Double(2 * m - 1)
                    binom *= (twoH - i0) / (i0 + 1) * (twoH - i1) / (i1 + 1)
                    power *= inv2
                    let term = binom * power
                    sum += term
                    if abs(term) <= 1e-17 * abs(sum) { break }
                }
                out[k] = sigma2 * sum
            }
        }
        if h == 0.5 { for k in 1..<out.count { out[k] = 0 } }
        return out
    }
}
