import MemoryNumerics

/// The closed forms of Zucchet & Orvieto (2024, NeurIPS, arXiv 2405.21064, §2.3 and appendix) for one exponential
/// component ρ^{|Δ|} of the input autocorrelation, written once over any ``ComplexField``.
///
/// For h^{(a)}_t = Σ_{n≥0} aⁿ x_{t−n} and s^{(a)}_t = ∂_a h^{(a)}_t = Σ_{n≥1} n a^{n−1} x_{t−n}:
///
///     F(a, c)  = E[h^{(a)} h^{(c)}]  = (1 − ρ²ac) / ((1 − ac)(1 − ρa)(1 − ρc)),
///     F_a(a, c) = E[s^{(a)} h^{(c)}] = (c(1 − ρ²) + ρ(1 − 2ac) + ρ³a²c²) / ((1 − ac)²(1 − ρa)²(1 − ρc)),
///     S(a, c)  = E[s^{(a)} s^{(c)}]  = ∂²F/∂a∂c
///              = [1 + ac − 2ac(a + c)ρ(1 − ρ²) − 4acρ² + 4a²c²ρ² − a²c²ρ⁴(1 + ac)] / ((1 − ac)³(1 − ρa)²(1 − ρc)²),
///     X(a)  = E[x h^{(a)}] = 1/(1 − ρa),   X′(a) = E[x s^{(a)}] = ρ/(1 − ρa)².
///
/// F_a is ∂F/∂a (derived here; checked against the defining series and automatic differentiation of F). At ρ = 1
/// the factored forms F = 1/((1 − a)(1 − c)), F_a = 1/((1 − a)²(1 − c)), S = 1/((1 − a)²(1 − c)²) are used, so that
/// the endpoint expansion at a, c → 1 has no cancelling numerator. Conjugate moments follow from real inputs:
/// E[P(a)·conj Q(c)] = E[P(a)·Q̄(c̄)].
enum Kernel {
    static func generating<C: ComplexField>(_ a: C, _ c: C, rho: Double) -> C {
        let one = C.one
        if separatedIsBetterConditioned(a, c, rho: rho) { return separatedGenerating(a, c, rho: rho) }
        if rho == 1 { return one / ((one - a) * (one - c)) }
        let ac = a * c
        return (one - (rho * rho) * ac) / ((one - ac) * (one - rho * a) * (one - rho * c))
    }

    static func generatingDerivative<C: ComplexField>(_ a: C, _ c: C, rho: Double) -> C {
        let one = C.one
        if separatedIsBetterConditioned(a, c, rho: rho) { return separatedGeneratingDerivative(a, c, rho: rho) }
        if rho == 1 { return one / ((one - a) * (one - a) * (one - c)) }
        let ac = a * c
        let numerator = (1 - rho * rho) * c + rho * (one - 2 * ac) + (rho * rho * rho) * ac * ac
        let d1 = one - ac, d2 = one - rho * a
        return numerator / (d1 * d1 * d2 * d2 * (one - rho * c))
    }

    static func sensitivity<C: ComplexField>(_ a: C, _ c: C, rho: Double) -> C {
        let one = C.one
        if separatedIsBetterConditioned(a, c, rho: rho) { return separatedSensitivity(a, c, rho: rho) }
        if rho == 1 {
            let u = one - a, v = one - c
            return one / (u * u * v * v)
        }
        let r2 = rho * rho
        let ac = a * c, ac2 = ac * ac
        let numerator =
            one + ac - (2 * rho * (1 - r2)) * ac * (a + c) - (4 * r2) * ac + (4 * r2) * ac2
            - (r2 * r2) * ac2 * (one + ac)
        let d1 = one - ac, d2 = one - rho * a, d3 = one - rho * c
        return numerator / (d1 * d1 * d1 * d2 * d2 * d3 * d3)
    }

    static func inputCross<C: ComplexField>(_ a: C, rho: Double) -> C {
        if separatedIsBetterConditioned(a, a, rho: rho) { return separatedInputCross(a, rho: rho) }
        return C.one / (C.one - rho * a)
    }

    static func inputCrossDerivative<C: ComplexField>(_ a: C, rho: Double) -> C {
        if separatedIsBetterConditioned(a, a, rho: rho) { return separatedInputCrossDerivative(a, rho: rho) }
        let d = C.one - rho * a
        return C(rho) / (d * d)
    }

    /// The direct forms above lose about log₁₀(1/((1 − ρ)·|1 − ac|)) digits when 1 − ρ and 1 − ac are both small
    /// (their numerators cancel to O((1 − ρ)³) at a = c = 1, see ``separatedSensitivity(_:_:rho:)``): at λ = ρ =
    /// 1 − 1e-7 the direct S is off by a factor 4.6e3 or comes out 0. Values at a point then take the separated
    /// forms, which have no such cancellation. Measured on 1 − a = 1 − ρ = t against mpmath
    /// (scripts/reference/near_unit_kernels.py and its output): the relative error of the direct S is 7e-13 at
    /// t = 1e-2, 3e-9 at 1e-3, 8e-4 at 1e-5 and ≥ 1 below 1e-6, that of the separated S ≤ 4e-16 throughout. The
    /// threshold 1e-2 on both 1 − ρ and |1 − ac| switches before the direct form has lost more than ~3 digits,
    /// and leaves every value with 1 − ρ ≥ 1e-2 or |1 − ac| ≥ 1e-2 (all values the notebooks print) bit-identical.
    /// Derivative and expansion arithmetic (no ``ComplexField/pointValue``) keep the form they are called with.
    static let separatedFormThreshold = 1e-2

    static func separatedIsBetterConditioned<C: ComplexField>(_ a: C, _ c: C, rho: Double) -> Bool {
        guard rho < 1, 1 - rho < separatedFormThreshold, let a = a.pointValue, let c = c.pointValue else {
            return false
        }
        return Complex<Double>.oneMinusProduct(a, c).length < separatedFormThreshold
    }

    /// Σ xᵢ with Neumaier's compensation (the rounding error of each addition is carried separately).
    static func compensatedSum(_ terms: [Double]) -> Double {
        var sum = 0.0, compensation = 0.0
        for x in terms {
            let t = sum + x
            compensation += abs(sum) >= abs(x) ? (sum - t) + x : (x - t) + sum
            sum = t
        }
        return sum + compensation
    }

    /// Σ_k c_k f(ρ_k).
    static func sum<C: ComplexField>(_ acf: InputAutocorrelation, _ f: (Double) -> C) -> C {
        var total = C(0)
        for (k, component) in acf.components.enumerated() {
            let term = component.weight * f(component.rate)
            total = k == 0 ? term : total + term
        }
        return total
    }
}
