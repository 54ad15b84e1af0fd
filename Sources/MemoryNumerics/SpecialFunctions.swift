@preconcurrency import CGSL

/// Special functions. Gamma-type functions are evaluated on the log scale so ratios stay finite for large
/// arguments (Γ overflows past ≈ 171.6). GSL (Galassi et al., *GNU Scientific Library Reference Manual*) supplies
/// the log-Gamma and polygamma values.
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

    /// Γ(a)/Γ(b), finite whenever the ratio is, by exp(log|Γ(a)| − log|Γ(b)|) with signs.
    /// Returns 0 when a is a pole and b is not; throws when b is a pole (the ratio is infinite or undefined).
    public static func gammaRatio(_ a: Double, _ b: Double) throws -> Double {
        let bIsPole = b <= 0 && b == b.rounded()
        let aIsPole = a <= 0 && a == a.rounded()
        if bIsPole {
            throw NumericsError.domain("Γ(\(a))/Γ(\(b)): the denominator is at a pole of Γ")
        }
        if aIsPole { throw NumericsError.domain("Γ(\(a))/Γ(\(b)): the numerator is at a pole of Γ") }
        let (la, sa) = try logGammaWithSign(a)
        let (lb, sb) = try logGammaWithSign(b)
        return sa * sb * (la - lb).exp
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
