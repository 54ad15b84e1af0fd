import MemoryNumerics

extension Kernel {
    /// The kernels F, F_a, S and the input moments of one component ρ^{|Δ|} in a form without cancellation as
    /// a, c → 1 and ρ → 1, for the endpoint expansion of ``RecurrentSensitivity/asymptotics()``.
    ///
    /// **Why.** The numerators of the direct forms vanish at a = c = 1 like powers of δ = 1 − ρ: that of S is
    /// 2(1 + ρ)δ³ there, that of F_a is (1 + ρ)δ², that of F is (1 + ρ)δ. Evaluated from ρ they are differences of
    /// terms of order one, so at ρ = 0.9999 the leading coefficient of S (4e-12 of its terms) is lost to rounding.
    ///
    /// **Separated form (derived here).** Summing the defining double series Σ_{n,m} aⁿcᵐρ^{|n−m|} over the diagonal
    /// and the two triangles gives F = Φ/p with p = 1 − ac and Φ = 1/α + 1/β − 1 = (1 − ρ²ac)/(αβ), α = 1 − ρa,
    /// β = 1 − ρc (Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064, §2.3: F is their generating function).
    /// Differentiating the product, with ∂_aΦ = ρ/α²,
    ///
    ///     F   = Φ/p,
    ///     F_a = cΦ/p² + ρ/(pα²),
    ///     S   = (1 + ac)Φ/p³ + ρ(a/α² + c/β²)/p²,
    ///
    /// and the powers of δ are made explicit: α = δ + ρ(1 − a), 1 − ρ²ac = δ(1 + ρ) + ρ²p, where δ = 1 − ρ is exact
    /// for ρ ≥ ½ (Sterbenz). For a = c = 1 − ε every term is positive and the leading coefficients are products and
    /// quotients of δ and ρ, e.g. S ~ (1 + ρ)/(4δ)·ε^{−3}; for a conjugate pair a = λ, c = λ̄ the Φ/p terms are
    /// real-positive in the same way. No sum in these expressions has a leading coefficient that cancels unless it
    /// cancels exactly (p at |λ| = 1, 1 − a at λ = 1), which ``EndpointExpansion`` detects as rounding-level.
    ///
    /// At ρ = 1 (δ = 0) the factored forms of the direct kernels are used (F = 1/((1 − a)(1 − c)), …): there S
    /// is exactly (1 − λ)^{−4} at θ = 0 and finite at θ ≠ 0, where the separated form would need the cancellation of
    /// whole orders.
    static func separatedGenerating<C: ComplexField>(_ a: C, _ c: C, rho: Double) -> C {
        if rho == 1 { return generating(a, c, rho: rho) }
        let p = C.oneMinusProduct(a, c)
        return separatedPhi(a, c, p: p, rho: rho) / p
    }

    static func separatedGeneratingDerivative<C: ComplexField>(_ a: C, _ c: C, rho: Double) -> C {
        if rho == 1 { return generatingDerivative(a, c, rho: rho) }
        let p = C.oneMinusProduct(a, c)
        let alpha = separatedOneMinusRho(a, rho: rho)
        return c * separatedPhi(a, c, p: p, rho: rho) / (p * p) + C(rho) / (p * alpha * alpha)
    }

    static func separatedSensitivity<C: ComplexField>(_ a: C, _ c: C, rho: Double) -> C {
        if rho == 1 { return sensitivity(a, c, rho: rho) }
        let p = C.oneMinusProduct(a, c)
        let p2 = p * p
        let phi = separatedPhi(a, c, p: p, rho: rho)
        let first = (C.one + a * c) * phi / (p2 * p)
        if rho == 0 { return first }
        let alpha = separatedOneMinusRho(a, rho: rho), beta = separatedOneMinusRho(c, rho: rho)
        return first + rho * (a / (alpha * alpha) + c / (beta * beta)) / p2
    }

    static func separatedInputCross<C: ComplexField>(_ a: C, rho: Double) -> C {
        C.one / separatedOneMinusRho(a, rho: rho)
    }

    static func separatedInputCrossDerivative<C: ComplexField>(_ a: C, rho: Double) -> C {
        let alpha = separatedOneMinusRho(a, rho: rho)
        return C(rho) / (alpha * alpha)
    }

    /// α = 1 − ρa written δ + ρ(1 − a), δ = 1 − ρ.
    static func separatedOneMinusRho<C: ComplexField>(_ a: C, rho: Double) -> C {
        if rho == 0 { return C.one }
        return C(1 - rho) + rho * (C.one - a)
    }

    /// Φ = (1 − ρ²ac)/((1 − ρa)(1 − ρc)) with 1 − ρ²ac = δ(1 + ρ) + ρ²p.
    static func separatedPhi<C: ComplexField>(_ a: C, _ c: C, p: C, rho: Double) -> C {
        if rho == 0 { return C.one }
        let numerator = C((1 - rho) * (1 + rho)) + (rho * rho) * p
        return numerator / (separatedOneMinusRho(a, rho: rho) * separatedOneMinusRho(c, rho: rho))
    }
}
