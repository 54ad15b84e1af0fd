import MemoryNumerics

extension SpectralDensity {
    /// Spectral density of fractional Gaussian noise with Hurst exponent H ∈ (0, 1) and variance σ² = γ(0), on
    /// rnnmem's scale γ(k) = ∫_{−π}^{π} e^{iλk} f(λ) dλ (Sinai 1976, Theory Probab. Appl. 21; Beran 1994,
    /// *Statistics for Long-Memory Processes*, §2.2, eqs. (2.17)–(2.18)):
    ///
    ///     f(λ) = 2c_f (1 − cos λ) Σ_{j∈ℤ} |2πj + λ|^{−2H−1},   c_f = σ² sin(πH) Γ(2H + 1)/(2π).
    ///
    /// (The expression 2 sin(πH)Γ(2H+1)(1 − cos λ)Σ… without the 1/(2π) is 2π·f, the density on the scale
    /// γ(k) = (1/2π)∫e^{iλk}f.) The aliasing sum is evaluated exactly, without truncation: for λ reduced to
    /// (−π, π], x = |λ|/(2π) and s = 2H + 1,
    ///
    ///     Σ_{j∈ℤ} |2πj + λ|^{−s} = |λ|^{−s} + (2π)^{−s} [ζ(s, 1 + x) + ζ(s, 1 − x)]
    ///
    /// with the Hurwitz zeta function (GSL `gsl_sf_hzeta`), and 1 − cos λ = 2 sin²(λ/2) with the j = 0 term written as
    /// ¼ sinc²(λ/2)|λ|^{1−2H}, so nothing cancels or underflows near λ = 0. f(0) is 0 for H < ½, σ²/(2π) for H = ½
    /// and +∞ for H > ½. Relative accuracy ≈ 1e-14.
    public static func fractionalGaussianNoise(hurst h: Double, sigma2: Double = 1, at frequencies: [Double]) throws
        -> [Double]
    {
        try validateFGN(hurst: h, sigma2: sigma2)
        let scale = try fgnScale(hurst: h, sigma2: sigma2)
        return try frequencies.map { lambda in
            try Validate.finite(lambda, "frequency")
            return try fgnUnscaled(hurst: h, lambda: lambda) * scale
        }
    }

    /// The Whittle-normalised fGn density f*(λ) = f(λ)/exp((1/2π)∫_{−π}^{π} log f), so that ∫_{−π}^{π} log f* = 0 and
    /// f = (σ_ε²/2π)·f* with σ_ε² the one-step prediction variance (Kolmogorov–Szegő formula; Beran 1994 §5.5, the
    /// normalisation used by Whittle estimators). Independent of σ².
    public static func fractionalGaussianNoiseNormalized(hurst h: Double, at frequencies: [Double]) throws -> [Double] {
        try validateFGN(hurst: h, sigma2: 1)
        let logMean = try fgnMeanLogUnscaled(hurst: h)
        return try frequencies.map { lambda in
            try Validate.finite(lambda, "frequency")
            let u = try fgnUnscaled(hurst: h, lambda: lambda)
            return Double.exp(Double.log(u) - logMean)
        }
    }

    /// One-step prediction (innovation) variance of fGn with variance σ²:
    /// σ_ε² = 2π·exp((1/2π)∫_{−π}^{π} log f(λ) dλ) (Kolmogorov–Szegő; Brockwell & Davis 1991, §5.8). Equals σ² at
    /// H = ½ and is smaller otherwise. The integral is computed by graded Gauss–Legendre panels after the
    /// singular part (1 − 2H)·log λ has been integrated in closed form (≈ 1e-14 relative).
    public static func fractionalGaussianNoiseInnovationVariance(hurst h: Double, sigma2: Double = 1) throws -> Double {
        try validateFGN(hurst: h, sigma2: sigma2)
        let logMean = try fgnMeanLogUnscaled(hurst: h)
        return 2 * Double.pi * Double.exp(logMean + Double.log(try fgnScale(hurst: h, sigma2: sigma2)))
    }

    /// ARFIMA f*(λ) = |1 − e^{−iλ}|^{−2d}·|θ(e^{−iλ})|²/|φ(e^{−iλ})|², so that f = (σ²/2π)·f* with σ² the innovation
    /// variance. ∫_{−π}^{π} log f* = 0 holds for a causal AR part and an invertible MA part (Whittle 1953;
    /// Beran 1994 §5.5), which Whittle estimators rely on.
    public static func arfimaNormalized(_ model: ARFIMAModel, at frequencies: [Double]) -> [Double] {
        frequencies.map { lambda in
            let s = 4 * Double.pow(Double.sin(lambda / 2), 2)
            return Double.pow(s, -model.d) * armaTransferSquared(ar: model.ar, ma: model.ma, lambda)
        }
    }

    // MARK: - Internals

    static func validateFGN(hurst h: Double, sigma2: Double) throws {
        guard h.isFinite, h > 0, h < 1 else {
            throw LongMemoryError.invalidArgument(name: "hurst", value: "\(h)", requirement: "must be in (0, 1)")
        }
        guard sigma2.isFinite, sigma2 > 0 else {
            throw LongMemoryError.invalidArgument(name: "sigma2", value: "\(sigma2)", requirement: "must be > 0")
        }
    }

    /// (2σ²/π) sin(πH) Γ(2H + 1): f(λ) = scale · [¼ sinc²(λ/2)|λ|^{1−2H} + sin²(λ/2)(2π)^{−s}(ζ(s,1+x) + ζ(s,1−x))].
    static func fgnScale(hurst h: Double, sigma2: Double) throws -> Double {
        2 * sigma2 / Double.pi * Double.sin(Double.pi * h) * SpecialFunctions.gamma(2 * h + 1)
    }

    /// f(λ)/scale (see ``fgnScale(hurst:sigma2:)``), λ any real (reduced to (−π, π]).
    static func fgnUnscaled(hurst h: Double, lambda: Double) throws -> Double {
        let twoPi = 2 * Double.pi
        var l = lambda - twoPi * (lambda / twoPi).rounded()
        if l > Double.pi { l -= twoPi } else if l <= -Double.pi { l += twoPi }
        let a = abs(l)
        if a == 0 {
            if h < 0.5 { return 0 }
            if h > 0.5 { return .infinity }
            return 0.25
        }
        let s = 2 * h + 1
        let half = 0.5 * a
        let sinHalf = Double.sin(half)
        let sinc = sinHalf / half
        let central = 0.25 * sinc * sinc * Double.pow(a, 1 - 2 * h)
        let x = a / twoPi
        let zeta = try SpecialFunctions.hurwitzZeta(s: s, q: 1 + x) + SpecialFunctions.hurwitzZeta(s: s, q: 1 - x)
        return central + sinHalf * sinHalf * Double.pow(twoPi, -s) * zeta
    }

    /// (1/π)∫_0^π log(f/scale) dλ = (1/2π)∫_{−π}^{π} log(f/scale). With f/scale = ¼λ^{1−2H}·g(λ), g → 1 as λ → 0,
    /// the log λ part is exact: (1/π)∫_0^π log λ = log π − 1; log g is smooth apart from a λ^{2H+1} term at 0 and is
    /// integrated on 60 geometric panels (ratio ¼) down to π·4^{−60} ≈ 2e-36, below which its contribution is < 1e-36.
    static func fgnMeanLogUnscaled(hurst h: Double) throws -> Double {
        let logQuarter = Double.log(0.25)
        let integral = try GaussLegendre.integrateGraded(
            { lambda in
                let u = try fgnUnscaled(hurst: h, lambda: lambda)
                return Double.log(u) - logQuarter - (1 - 2 * h) * Double.log(lambda)
            }, upTo: Double.pi, ratio: 0.25, panels: 60)
        return logQuarter + (1 - 2 * h) * (Double.log(Double.pi) - 1) + integral / Double.pi
    }
}
