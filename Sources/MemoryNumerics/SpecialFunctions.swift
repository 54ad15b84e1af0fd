@preconcurrency import CGSL

/// Special functions. Gamma-type functions are evaluated on the log scale so ratios stay finite for large
/// arguments (Γ overflows past ≈ 171.6). GSL (Galassi et al., *GNU Scientific Library Reference Manual*) supplies
/// the log-Gamma and polygamma values. The non-throwing wrappers never trap: outside their domain (a pole of Γ, a
/// probability outside (0, 1)) they return GSL's value there (NaN or ±∞, GSL's error handler being off); the
/// throwing ones (``logGammaWithSign(_:)``, ``gammaRatio(_:_:)``, ``pochhammer(_:_:)``, …) report it instead.
public enum SpecialFunctions {
    /// log|Γ(x)| for real x (not a non-positive integer). GSL `gsl_sf_lngamma`.
    public static func logGamma(_ x: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_sf_lngamma(x)
    }

    /// log|Γ(x)| and the sign of Γ(x). GSL `gsl_sf_lngamma_sgn_e`. Throws at the poles x = 0, −1, −2, ….
    public static func logGammaWithSign(_ x: Double) throws -> (logAbs: Double, sign: Double) {
        NumericsSetup.ensure()
        var result = gsl_sf_result(val: 0, err: 0)
        var sign = 0.0
        try gslCheck(gsl_sf_lngamma_sgn_e(x, &result, &sign), "gsl_sf_lngamma_sgn_e(\(x))")
        return (result.val, sign)
    }

    /// Γ(x) (overflows to ±∞ past ≈ 171.6; use ``gammaRatio(_:_:)`` for quotients).
    public static func gamma(_ x: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_sf_gamma(x)
    }

    /// 1/Γ(x), zero at the poles. GSL `gsl_sf_gammainv`.
    public static func reciprocalGamma(_ x: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_sf_gammainv(x)
    }

    /// Digamma ψ(x) = Γ′(x)/Γ(x). GSL `gsl_sf_psi`.
    public static func digamma(_ x: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_sf_psi(x)
    }

    /// Trigamma ψ′(x). GSL `gsl_sf_psi_1`.
    public static func trigamma(_ x: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_sf_psi_1(x)
    }

    /// Γ(a)/Γ(b), finite whenever the ratio is (Γ itself overflows past ≈ 171.6).
    ///
    /// * a, b > 0: exp(``logPochhammer(_:_:)``(b, a − b)), accurate to a few ulp even for huge, close
    ///   arguments (Γ(10⁶ − 0.4)/Γ(10⁶)), where exp(log Γ(a) − log Γ(b)) loses about 7 digits to cancellation.
    ///   Note that forming a = K − d already rounds the shift; ``pochhammer(_:_:)``(K, −d) avoids even that.
    /// * otherwise, with signs: exp(log|Γ(a)| − log|Γ(b)|)·sgn Γ(a)·sgn Γ(b) (GSL `gsl_sf_lngamma_sgn_e`).
    /// * b a pole (0, −1, −2, …) and a not: 0, the limit 1/Γ(b) → 0 (so that e.g. Γ(j − d)/Γ(−d) → 0 at d = 0).
    /// - Throws: ``NumericsError/domain(_:)`` when a is a pole (the ratio is infinite, or a limit that depends on
    ///   how the poles are approached; use ``pochhammer(_:_:)`` for that) or an argument is not finite.
    public static func gammaRatio(_ a: Double, _ b: Double) throws -> Double {
        guard a.isFinite, b.isFinite else {
            throw NumericsError.domain("Γ(\(a))/Γ(\(b)): the arguments must be finite")
        }
        if isPole(a) { throw NumericsError.domain("Γ(\(a))/Γ(\(b)): the numerator is at a pole of Γ") }
        if isPole(b) { return 0 }
        if a > 0 && b > 0 { return try logPochhammer(b, a - b).exp }
        let (la, sa) = try logGammaWithSign(a)
        let (lb, sb) = try logGammaWithSign(b)
        return sa * sb * (la - lb).exp
    }

    /// log(Γ(a)/Γ(b)) for a, b > 0, by ``logPochhammer(_:_:)``(b, a − b) (no cancellation for large, close
    /// arguments). - Throws: ``NumericsError/domain(_:)`` unless a, b are positive and finite.
    public static func logGammaRatio(_ a: Double, _ b: Double) throws -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite else {
            throw NumericsError.domain("logGammaRatio: need a, b > 0 and finite, got a = \(a), b = \(b)")
        }
        return try logPochhammer(b, a - b)
    }

    /// Is x a pole of Γ (0, −1, −2, …)?
    @inline(__always)
    static func isPole(_ x: Double) -> Bool { x <= 0 && x == x.rounded() }

    /// log of the Pochhammer symbol (a)ₓ = Γ(a + x)/Γ(a), for a > 0 and a + x > 0.
    ///
    /// The shift x is passed separately, so Γ(K − d)/Γ(K) is `exp(logPochhammer(K, -d))` with no rounding of
    /// K − d and no cancellation between two log-Gammas of size K log K. Method: if a or a + x is below 10, shift
    /// both up by N steps with Γ(z + 1) = zΓ(z), i.e. subtract Σ_{j<N} log((a + x + j)/(a + j)); then use the
    /// difference of Stirling series (Abramowitz & Stegun 1964, 6.1.40):
    /// log Γ(a + x) − log Γ(a) = x(log a − 1) + (a + x − ½)·log1p(x/a) + S(a + x) − S(a), with
    /// S(z) = Σ_{k=1}^{8} B₂ₖ/(2k(2k − 1) z^{2k−1}) (truncation error < 1e-17 for z ≥ 10), the difference summed
    /// term by term without cancellation.
    /// Accuracy: a few ulp of the result's magnitude (relative 1e-15 for K = 10⁶, d = 0.4).
    /// - Throws: ``NumericsError/domain(_:)`` unless a > 0, a + x > 0 and both are finite.
    public static func logPochhammer(_ a: Double, _ x: Double) throws -> Double {
        let b = a + x
        guard a > 0, b > 0, a.isFinite, x.isFinite, b.isFinite else {
            throw NumericsError.domain(
                "logPochhammer: need a > 0 and a + x > 0 (finite), got a = \(a), x = \(x)")
        }
        if x == 0 { return 0 }
        let threshold = 10.0
        let smaller = min(a, b)
        if smaller >= threshold { return stirlingLogPochhammer(a, x) }
        let shift = (threshold - smaller).rounded(.up)
        var correction = 0.0
        var j = 0.0
        while j < shift {
            let r = x / (a + j)
            correction += abs(r) < 0.5 ? Double.log(onePlus: r) : Double.log((b + j) / (a + j))
            j += 1
        }
        return stirlingLogPochhammer(a + shift, x) - correction
    }

    /// The Stirling-difference form of log Γ(a + x) − log Γ(a) for a, a + x ≥ 10. The series difference is
    /// summed as Σ cₖ a^{−m}·expm1(−m·log1p(x/a)), m = 2k − 1, so it keeps its relative accuracy for tiny x.
    private static func stirlingLogPochhammer(_ a: Double, _ x: Double) -> Double {
        // B₂ₖ/(2k(2k−1)), k = 1…8.
        let c: [Double] = [
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360_360, 1.0 / 156,
            -3617.0 / 122_400,
        ]
        let b = a + x
        let logRatio = Double.log(onePlus: x / a)  // log(b/a)
        let inverseSquare = 1 / (a * a)
        var power = 1 / a  // a^{−m}
        var seriesDifference = 0.0
        for k in 0..<c.count {
            let m = Double(2 * k + 1)
            seriesDifference += c[k] * power * Double.expMinusOne(-m * logRatio)
            power *= inverseSquare
        }
        return x * Double.log(a) + ((b - 0.5) * logRatio - x) + seriesDifference
    }

    /// The Pochhammer symbol (a)ₓ = Γ(a + x)/Γ(a) for real a and x (the rising factorial a(a+1)…(a+x−1) when x
    /// is a non-negative integer).
    ///
    /// * a > 0, a + x > 0: exp(``logPochhammer(_:_:)``).
    /// * x an integer in 0…64: the product, exact at poles ((−3)₂ = 6, (−3)₅ = 0).
    /// * a a pole and a + x not: 0 (1/Γ(a) = 0).
    /// * otherwise GSL `gsl_sf_poch_e` (reflection formula), with signs.
    /// - Throws: ``NumericsError/domain(_:)`` when a + x is a pole outside the product case (the value is
    ///   infinite, or, if a is a pole too, a limit not computed here), or for non-finite input.
    public static func pochhammer(_ a: Double, _ x: Double) throws -> Double {
        guard a.isFinite, x.isFinite, (a + x).isFinite else {
            throw NumericsError.domain("pochhammer(\(a), \(x)): the arguments must be finite")
        }
        if x == 0 { return 1 }
        if a > 0 && a + x > 0 { return try logPochhammer(a, x).exp }
        if x > 0 && x <= 64 && x == x.rounded() {
            var p = 1.0
            var j = 0.0
            while j < x {
                p *= a + j
                j += 1
            }
            return p
        }
        let aPole = isPole(a), bPole = isPole(a + x)
        if aPole && !bPole { return 0 }
        if bPole {
            throw NumericsError.domain("pochhammer(\(a), \(x)) = Γ(\(a + x))/Γ(\(a)): the numerator is at a pole")
        }
        NumericsSetup.ensure()
        var result = gsl_sf_result(val: 0, err: 0)
        try gslCheck(gsl_sf_poch_e(a, x, &result), "gsl_sf_poch_e(\(a), \(x))")
        return result.val
    }

    /// The generalised binomial coefficient C(a, k) = a(a − 1)…(a − k + 1)/k! for real a and integer k ≥ 0
    /// (so (1 + z)^a = Σₖ C(a, k) zᵏ; the fractional-difference weights are πₖ(d) = (−1)ᵏ C(d, k)).
    ///
    /// * k ≤ 50 or a − k small: the product Π_{j=1}^{k} (a − j + 1)/j (relative error ≤ 2k ulp).
    /// * a a non-negative integer, k > a: 0.
    /// * a − k + 1 > 0: (k + 1)_{a−k}/Γ(a − k + 1) when a − k < k (and Γ(a − k + 1) is finite), else
    ///   exp(log (a − k + 1)ₖ − log k!) (``logPochhammer(_:_:)``; relative error ≈ ε·|log C(a, k)|).
    /// * otherwise C(a, k) = (−1)ᵏ·Γ(k − a)/(Γ(k + 1)Γ(−a)) = (−1)ᵏ·(k + 1)_{−a−1}/Γ(−a), stable for large k.
    /// Values beyond the Double range overflow to ±∞.
    /// - Throws: ``NumericsError/domain(_:)`` for k < 0 or a non-finite a.
    public static func binomialCoefficient(_ a: Double, _ k: Int) throws -> Double {
        guard a.isFinite else { throw NumericsError.domain("binomialCoefficient: a = \(a) is not finite") }
        guard k >= 0 else { throw NumericsError.domain("binomialCoefficient: k = \(k) must be non-negative") }
        if k == 0 { return 1 }
        let kd = Double(k)
        let aIsNaturalNumber = a >= 0 && a == a.rounded()
        if aIsNaturalNumber && kd > a { return 0 }
        var kk = kd
        if aIsNaturalNumber && a - kd < kd { kk = a - kd }  // C(a, k) = C(a, a − k)
        if kk <= 50 {
            var p = 1.0
            var j = 1.0
            while j <= kk {
                p *= (a - j + 1) / j
                j += 1
            }
            return p
        }
        if a - kk + 1 > 0 {
            // Γ(a + 1)/(Γ(k + 1)Γ(a − k + 1)): keep the logarithm small, where the error is set.
            if a - kk + 1 <= 170 && a - kk < kk {
                return try logPochhammer(kk + 1, a - kk).exp * reciprocalGamma(a - kk + 1)
            }
            return try (logPochhammer(a - kk + 1, kk) - logGamma(kk + 1)).exp
        }
        let sign: Double = k % 2 == 0 ? 1 : -1
        return sign * (try logPochhammer(kd + 1, -a - 1)).exp * reciprocalGamma(-a)
    }

    /// log Beta(a, b) for a, b > 0.
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// Standard normal CDF Φ(x). GSL `gsl_cdf_ugaussian_P`.
    public static func normalCDF(_ x: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_cdf_ugaussian_P(x)
    }

    /// Upper tail 1 − Φ(x), accurate in the tail. GSL `gsl_cdf_ugaussian_Q`.
    public static func normalUpperTail(_ x: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_cdf_ugaussian_Q(x)
    }

    /// Standard normal quantile Φ⁻¹(p), p ∈ (0, 1). GSL `gsl_cdf_ugaussian_Pinv`.
    public static func normalQuantile(_ p: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_cdf_ugaussian_Pinv(p)
    }

    /// Chi-squared upper tail P(X > x), ν degrees of freedom. GSL `gsl_cdf_chisq_Q`.
    public static func chiSquaredUpperTail(_ x: Double, degreesOfFreedom nu: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_cdf_chisq_Q(x, nu)
    }

    /// Student-t upper tail P(T > t), ν > 0 degrees of freedom (ν need not be an integer). GSL `gsl_cdf_tdist_Q`.
    public static func studentTUpperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_cdf_tdist_Q(t, nu)
    }

    /// Student-t CDF P(T ≤ t), ν > 0 degrees of freedom. GSL `gsl_cdf_tdist_P`.
    public static func studentTCDF(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_cdf_tdist_P(t, nu)
    }

    /// Student-t quantile. GSL `gsl_cdf_tdist_Pinv`.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        NumericsSetup.ensure()
        return gsl_cdf_tdist_Pinv(p, nu)
    }
}

extension Double {
    /// e^self (Foundation-free spelling used across rnnmem).
    @inline(__always) var exp: Double { Double.exp(self) }
}
