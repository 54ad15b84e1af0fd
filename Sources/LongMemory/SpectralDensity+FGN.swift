import MemoryNumerics

// The spectral density of fractional Gaussian noise: the one implementation used by `SpectralDensity`, the fGn
// Whittle estimator and its Fisher information (log density and ∂/∂H), and longmemo's `CetaFGN`.

extension SpectralDensity {
    /// Spectral density of fractional Gaussian noise with Hurst exponent H ∈ (0, 1) and variance σ² = γ(0), on
    /// rnnmem's scale γ(k) = ∫_{−π}^{π} e^{iλk} f(λ) dλ (Sinai 1976, "Self-similar probability distributions",
    /// Theory Probab. Appl. 21:64–80; Beran 1994, *Statistics for Long-Memory Processes*, Chapman & Hall, ch. 2):
    ///
    ///     f(λ) = 2c_f (1 − cos λ) Σ_{j∈ℤ} |2πj + λ|^{−2H−1},   c_f = σ² sin(πH) Γ(2H + 1)/(2π).
    ///
    /// (The same expression without the 1/(2π) in c_f is 2π·f, the density on the scale γ(k) = (1/2π)∫e^{iλk}f.)
    /// λ is reduced to (−π, π] and f is even. The lattice sum is evaluated exactly, without truncation, through
    /// Hurwitz zeta functions (see `FGNSpectrum`). f(0) is 0 for H < ½, σ²/(2π) for H = ½ and +∞ for H > ½.
    /// Relative accuracy ≈ 1e-14.
    /// - Throws: unless 0 < H < 1, σ² > 0 and every frequency is finite (the argument is named).
    public static func fractionalGaussianNoise(hurst h: Double, sigma2: Double = 1, at frequencies: [Double]) throws
        -> [Double]
    {
        try validateFGN(hurst: h, sigma2: sigma2)
        let evaluator = FGNSpectrum.Evaluator(hurst: h)
        return try frequencies.map { lambda in
            try Validate.finite(lambda, "frequency")
            return sigma2 * evaluator.density(anyFrequency: lambda)
        }
    }

    /// The Whittle-normalised fGn density f*(λ) = f(λ)/exp((1/2π)∫_{−π}^{π} log f), so that ∫_{−π}^{π} log f* = 0 and
    /// f = (σ_ε²/2π)·f* with σ_ε² the one-step prediction variance (Kolmogorov–Szegő formula; the normalisation of
    /// Whittle estimators, Beran 1994, ch. 5–6). Independent of σ².
    public static func fractionalGaussianNoiseNormalized(hurst h: Double, at frequencies: [Double]) throws -> [Double] {
        try validateFGN(hurst: h, sigma2: 1)
        let evaluator = FGNSpectrum.Evaluator(hurst: h)
        let logMean = try FGNSpectrum.meanLogDensity(hurst: h).value
        return try frequencies.map { lambda in
            try Validate.finite(lambda, "frequency")
            return evaluator.density(anyFrequency: lambda) / Double.exp(logMean)
        }
    }

    /// One-step prediction (innovation) variance of fGn with variance σ²:
    /// σ_ε² = 2π·exp((1/2π)∫_{−π}^{π} log f(λ) dλ) (Kolmogorov–Szegő; Brockwell & Davis 1991, *Time Series: Theory
    /// and Methods*, 2nd ed., §5.8). Equals σ² at H = ½ and is smaller otherwise. The integral is computed by tanh–sinh
    /// quadrature (`Quadrature.tanhSinh` of MemoryNumerics; checked to 1e-12 against mpmath).
    public static func fractionalGaussianNoiseInnovationVariance(hurst h: Double, sigma2: Double = 1) throws -> Double {
        try validateFGN(hurst: h, sigma2: sigma2)
        return 2 * Double.pi * sigma2 * Double.exp(try FGNSpectrum.meanLogDensity(hurst: h).value)
    }

    static func validateFGN(hurst h: Double, sigma2: Double) throws {
        guard h.isFinite, h > 0, h < 1 else {
            throw LongMemoryError.invalidArgument(name: "hurst", value: "\(h)", requirement: "must be in (0, 1)")
        }
        try Validate.positive(sigma2, "sigma2")
    }
}

/// The log spectral density of unit-variance fractional Gaussian noise and its derivative in H.
///
///   f(λ; H) = (1/π)·sin(πH)·Γ(2H + 1)·(1 − cos λ)·Σ_{j∈ℤ} |2πj + λ|^{−2H−1},   0 < H < 1, 0 < |λ| ≤ π
///
/// (Sinai 1976; ``SpectralDensity/fractionalGaussianNoise(hurst:sigma2:at:)`` with σ² = 1). The lattice sum is written
/// with Hurwitz zeta functions ζ(s, a) = Σ_{k≥0} (k + a)^{−s}: Σ_j |2πj + λ|^{−s} = (2π)^{−s}[ζ(s, a) + ζ(s, 1 − a)],
/// s = 2H + 1 > 1, a = λ/(2π) ∈ (0, ½]. Each zeta is the direct sum of its first 10 terms plus the Euler–Maclaurin
/// tail (Abramowitz & Stegun 1964, 23.1.30) with six Bernoulli terms, accurate to ≈ 1e-15 relative for 1 < s < 3
/// (cross-checked in the tests against GSL's `gsl_sf_hzeta`); ∂/∂s is the term-by-term derivative of the same
/// expression (the Euler–Maclaurin formula is analytic in s). Unlike Paxson's (1997) approximation used by R
/// longmemo's `specFGN`, this is the exact density to rounding.
///
/// The leading term λ^{−s} is factored out and 1 − cos λ = 2 sin²(λ/2) is taken in logarithms, so log f stays
/// finite for λ down to the smallest doubles (quadrature nodes near 0): log Σ = −s·log λ + log1p(λ^s·R), R the
/// remaining terms.
enum FGNSpectrum {
    static let directTerms = 10
    /// B_{2m}/(2m)! for m = 1…6 (Bernoulli numbers B₂ = 1/6, B₄ = −1/30, B₆ = 1/42, B₈ = −1/30, B₁₀ = 5/66,
    /// B₁₂ = −691/2730).
    static let bernoulliOverFactorial: [Double] = [
        1.0 / 6.0 / 2.0,
        -1.0 / 30.0 / 24.0,
        1.0 / 42.0 / 720.0,
        -1.0 / 30.0 / 40_320.0,
        5.0 / 66.0 / 3_628_800.0,
        -691.0 / 2730.0 / 479_001_600.0,
    ]

    /// Σ_{k≥first} (k + a)^{−s} and its derivative in s, for a > 0, s > 1 (Euler–Maclaurin from k = 10).
    @inline(__always)
    static func hurwitzZeta(s: Double, a: Double, first: Int) -> (value: Double, derivative: Double) {
        var value = 0.0, derivative = 0.0
        if first < directTerms {
            for k in first..<directTerms {
                let x = Double(k) + a
                let lx = Double.log(x)
                let t = Double.exp(-s * lx)
                value += t
                derivative -= lx * t
            }
        }
        let x = Double(max(first, directTerms)) + a
        let lx = Double.log(x)
        let xs = Double.exp(-s * lx)  // x^{−s}
        // ∫_x^∞ t^{−s} dt = x^{1−s}/(s − 1)
        let integral = x * xs / (s - 1)
        value += integral + 0.5 * xs
        derivative += -lx * integral - integral / (s - 1) - 0.5 * lx * xs
        // + Σ_m B_{2m}/(2m)! · P_m(s) · x^{−s−2m+1},  P_m(s) = s(s+1)…(s+2m−2)
        var poly = s  // P_1 = s
        var dpoly = 1.0  // P_1'
        var power = xs / x  // x^{−s−1}
        let invx2 = 1 / (x * x)
        for m in 0..<bernoulliOverFactorial.count {
            if m > 0 {
                let a1 = s + Double(2 * m - 1), a2 = s + Double(2 * m)
                dpoly = dpoly * a1 * a2 + poly * (a1 + a2)
                poly *= a1 * a2
                power *= invx2
            }
            let c = bernoulliOverFactorial[m]
            value += c * poly * power
            derivative += c * (dpoly - lx * poly) * power
        }
        return (value, derivative)
    }

    /// The λ-independent parts of log f(λ; H) for one H (0 < H < 1).
    struct Evaluator {
        let hurst: Double
        let s: Double
        let logConstant: Double  // log(sin πH) + log Γ(2H + 1) − log π
        let dLogConstant: Double  // π cot(πH) + 2ψ(2H + 1)
        let scale: Double  // (2π)^{−s}
        static let twoPiLog = Double.log(2 * Double.pi)

        init(hurst h: Double) {
            hurst = h
            s = 2 * h + 1
            logConstant =
                Double.log(Double.sin(Double.pi * h)) + SpecialFunctions.logGamma(2 * h + 1)
                - Double.log(Double.pi)
            dLogConstant =
                Double.pi * Double.cos(Double.pi * h) / Double.sin(Double.pi * h)
                + 2 * SpecialFunctions.digamma(2 * h + 1)
            scale = Double.exp(-s * Self.twoPiLog)
        }

        /// log f(λ; H) and ∂ log f/∂H at 0 < λ ≤ π.
        @inline(__always)
        func logDensity(_ lambda: Double) -> (value: Double, dH: Double) {
            let a = lambda / (2 * Double.pi)
            // R = Σ_j |2πj + λ|^{−s} − λ^{−s} = (2π)^{−s}[ζ(s, a) − a^{−s} + ζ(s, 1 − a)]
            let z1 = FGNSpectrum.hurwitzZeta(s: s, a: a, first: 1)
            let z2 = FGNSpectrum.hurwitzZeta(s: s, a: 1 - a, first: 0)
            let r = scale * (z1.value + z2.value)
            let dr = scale * (z1.derivative + z2.derivative) - Self.twoPiLog * r
            let logLambda = Double.log(lambda)
            let lambdaS = Double.exp(s * logLambda)  // λ^s (underflows harmlessly to 0 near λ = 0)
            let q = lambdaS * r
            let logSum = -s * logLambda + Double.log(onePlus: q)
            let dLogSum = (-logLambda + lambdaS * dr) / (1 + q)
            // log(1 − cos λ) = log 2 + 2 log sin(λ/2): no underflow of sin² for tiny λ.
            let logOneMinusCos = Double.log(2) + 2 * Double.log(Double.sin(lambda / 2))
            return (logConstant + logOneMinusCos + logSum, dLogConstant + 2 * dLogSum)
        }

        /// f(λ; H) of unit-variance fGn at any finite λ: reduced to (−π, π], even, with the limits at λ = 0.
        func density(anyFrequency lambda: Double) -> Double {
            let twoPi = 2 * Double.pi
            var l = lambda - twoPi * (lambda / twoPi).rounded()
            if l > Double.pi { l -= twoPi } else if l <= -Double.pi { l += twoPi }
            let a = min(abs(l), Double.pi)
            if a == 0 {
                if hurst < 0.5 { return 0 }
                if hurst > 0.5 { return .infinity }
                return 1 / twoPi
            }
            return Double.exp(logDensity(a).value)
        }
    }

    /// log f(λ; H) for unit-variance fGn and ∂ log f/∂H, 0 < λ ≤ π, 0 < H < 1.
    static func logDensity(lambda: Double, hurst h: Double) -> (value: Double, dH: Double) {
        Evaluator(hurst: h).logDensity(lambda)
    }

    /// (1/π)∫_0^π log f(λ; H) dλ = (1/2π)∫_{−π}^{π} log f and (1/π)∫_0^π ∂_H log f dλ, by tanh–sinh quadrature.
    /// exp of the first is the one-step prediction variance of unit-variance fGn divided by 2π (Kolmogorov's
    /// formula σ² = 2π·exp((1/2π)∫ log f)).
    static func meanLogDensity(hurst h: Double) throws -> (value: Double, dH: Double) {
        let evaluator = Evaluator(hurst: h)
        let r = try Quadrature.tanhSinh(components: 2, upper: Double.pi) { lambda, out in
            let l = evaluator.logDensity(lambda)
            out[0] = l.value
            out[1] = l.dH
        }
        return (r[0] / Double.pi, r[1] / Double.pi)
    }
}
