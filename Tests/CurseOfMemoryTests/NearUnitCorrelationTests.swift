@testable import CurseOfMemory
import MemoryNumerics
import Testing
import _TestSupport

/// The |λ| → 1 limits for inputs with ρ close to 1, where the numerators of the direct kernels cancel to
/// O((1 − ρ)³) at λ = 1 (the leading coefficient of S's numerator is 2(1 + ρ)(1 − ρ)³, 4e-12 of its terms at
/// ρ = 0.9999). Reference values are the closed forms of Zucchet & Orvieto (2024, NeurIPS, §2.3) and the
/// Derivations article: with δ = 1 − ρ and D = |1 − ρe^{iθ}|² = δ² + 4ρ sin²(θ/2), E[(d_λh)²] ~ (1 + ρ)/(4δ)·ε^{−3}
/// for real λ, S(λ, λ̄) ~ (1 − ρ²)/(4D)·ε^{−3}, the normalised exp ω_ν entry → (1 + ρ)/(4δ) (real λ).
@Suite("Endpoint expansion for ρ close to 1")
struct NearUnitCorrelationTests {
    static let rates = [0.9999, 0.99999, 0.999999, 1 - 1e-9]

    static func expect(_ v: StationaryValue, order: Int, _ c: Double, _ label: String, tolerance: Double = 1e-9) {
        switch v {
        case .finite(let l) where order == 0:
            #expect(TestSupport.relativeError(l, c) < tolerance, "\(label): \(l) vs \(c)")
        case .divergent(let p, let k) where p == order:
            #expect(TestSupport.relativeError(k, c) < tolerance, "\(label): \(k) vs \(c)")
        default:
            Issue.record("\(label): expected order \(order) with coefficient \(c), got \(v)")
        }
    }

    @Test("E[(d_λh)²] and E[h²] at λ → 1: order 3, (1 + ρ)/(4(1 − ρ)); order 1, (1 + ρ)/(2(1 − ρ)) (rel 1e-9)")
    func unnormalisedRealLimit() throws {
        for rho in Self.rates {
            let delta = 1 - rho
            let input = try InputAutocorrelation.geometric(rho: rho)
            Self.expect(
                try MemoryKernels.lambdaSensitivity(lambda: 1, input: input), order: 3, (1 + rho) / (4 * delta),
                "S, ρ = \(rho)")
            Self.expect(
                try MemoryKernels.stateVariance(lambda: 1, input: input), order: 1, (1 + rho) / (2 * delta),
                "F, ρ = \(rho)")
            // The "as |λ| → 1" line of an ordinary evaluation uses the same expansion.
            let at = try RecurrentSensitivity(modulus: 0.5, input: input).asymptotics()
            Self.expect(at.first, order: 3, (1 + rho) / (4 * delta), "asymptotics() at ν = 0.5, ρ = \(rho)")
        }
        // ρ = 1 stays exact: (1 − λ)^−4 and (1 − λ)^−2.
        let one = try InputAutocorrelation.geometric(rho: 1)
        #expect(try MemoryKernels.lambdaSensitivity(lambda: 1, input: one) == .divergent(order: 4, coefficient: 1))
        #expect(try MemoryKernels.stateVariance(lambda: 1, input: one) == .divergent(order: 2, coefficient: 1))
    }

    @Test("Complex λ and λ → −1: S(λ, λ̄) ~ (1 − ρ²)/(4D)·ε^−3, F ~ (1 − ρ²)/(2D)·ε^−1 (rel 1e-9)")
    func unnormalisedComplexLimit() throws {
        for rho in Self.rates {
            for theta in [0.8, Double.pi, 1e-3] {
                let s = Double.sin(theta / 2)
                let d = (1 - rho) * (1 - rho) + 4 * rho * s * s
                let r2 = (1 - rho) * (1 + rho)
                let v = try RecurrentSensitivity(modulus: 1, phase: theta, input: .geometric(rho: rho)).evaluate()
                Self.expect(v.first, order: 3, r2 / (4 * d), "S, ρ = \(rho), θ = \(theta)")
                Self.expect(v.activity, order: 1, r2 / (2 * d), "F, ρ = \(rho), θ = \(theta)")
            }
        }
    }

    @Test("A slow component is not lost: 0.5:0.99999 + 0.5:0 gives the weighted sum of the components' coefficients")
    func twoComponents() throws {
        let rho = 0.99999
        let acf = try InputAutocorrelation(components: [(0.5, rho), (0.5, 0)])
        let expected = 0.5 * (1 + rho) / (4 * (1 - rho)) + 0.5 * 0.25
        Self.expect(try MemoryKernels.lambdaSensitivity(lambda: 1, input: acf), order: 3, expected, "two components")
        // Normalised exp: the limit is linear in the acf too (0.5·(1 + ρ)/(4δ) + 0.5·¼).
        let exp = try RecurrentSensitivity(modulus: 1, input: acf, normalization: .l2, parametrization: .exp)
            .evaluate()
        Self.expect(exp.first, order: 0, expected, "two components, normalised exp")
    }

    @Test("Normalised and parametrised limits at ρ close to 1, real λ: exp → (1 + ρ)/(4(1 − ρ)) > 0, optimal, polar")
    func normalisedLimits() throws {
        for rho in Self.rates {
            let delta = 1 - rho
            let input = try InputAutocorrelation.geometric(rho: rho)
            func limit(_ p: Parametrization) throws -> SensitivityValues {
                try RecurrentSensitivity(modulus: 1, input: input, normalization: .l2, parametrization: p).evaluate()
            }
            let exp = try limit(.exp)
            Self.expect(exp.first, order: 0, (1 + rho) / (4 * delta), "normalised exp, ρ = \(rho)")
            #expect((exp.first.value ?? -1) > 0)
            Self.expect(try limit(.optimal).first, order: 0, (1 + rho) / delta, "normalised optimal, ρ = \(rho)")
            let polar = try limit(.polar)
            Self.expect(polar.first, order: 2, (1 + rho) / (4 * delta), "normalised polar ν, ρ = \(rho)")
            Self.expect(polar.activity, order: 0, (1 + rho) / delta, "normalised activity, ρ = \(rho)")
            // Complex λ: the exp angle entry θ²(1 − ρ²)/(2D)·ε^−2 and the optimal ω_θ entry (1 − ρ²)/D.
            let theta = 0.8
            let s = Double.sin(theta / 2)
            let d = delta * delta + 4 * rho * s * s, r2 = delta * (1 + rho)
            let expComplex = try RecurrentSensitivity(
                modulus: 1, phase: theta, input: input, normalization: .l2, parametrization: .exp
            ).evaluate()
            Self.expect(expComplex.first, order: 0, r2 / (4 * d), "exp ω_ν, θ = 0.8, ρ = \(rho)")
            Self.expect(expComplex.second, order: 2, theta * theta * r2 / (2 * d), "exp ω_θ, θ = 0.8, ρ = \(rho)")
            let optimalComplex = try RecurrentSensitivity(
                modulus: 1, phase: theta, input: input, normalization: .l2, parametrization: .optimal
            ).evaluate()
            Self.expect(optimalComplex.second, order: 0, r2 / d, "optimal ω_θ, θ = 0.8, ρ = \(rho)")
        }
    }

    @Test("Continuity in ρ: (1 − ρ)·C₃(ρ) → ½ as ρ → 1 at θ = 0, and C₃ → 0 at θ ≠ 0 (where ρ = 1 is finite)")
    func continuityInRho() throws {
        var previous = Double.infinity
        for rho in [0.99, 0.999, 0.9999, 0.99999, 0.999999, 1 - 1e-9] {
            guard
                case .divergent(3, let c) = try MemoryKernels.lambdaSensitivity(lambda: 1, input: .geometric(rho: rho))
            else {
                Issue.record("ρ = \(rho): expected order 3")
                continue
            }
            #expect(abs((1 - rho) * c - 0.5) <= (1 - rho) / 4 + 1e-12, "ρ = \(rho): (1 − ρ)C = \((1 - rho) * c)")
            guard
                case .divergent(3, let k) = try RecurrentSensitivity(
                    modulus: 1, phase: 0.8, input: .geometric(rho: rho)
                ).evaluate().first
            else {
                Issue.record("ρ = \(rho), θ = 0.8: expected order 3")
                continue
            }
            #expect(k < previous, "ρ = \(rho): the θ = 0.8 coefficient \(k) does not decrease toward 0")
            previous = k
        }
        #expect(previous < 1e-8)
    }

    @Test(
        "Separated kernels = direct kernels at interior points (rel 1e-10, the rounding of the direct form), every entry and parametrisation"
    )
    func separatedAgreeWithDirect() throws {
        let inputs: [InputAutocorrelation] = [
            .white, try .geometric(rho: 0.5), try .geometric(rho: 0.9), .bertEmbeddings,
            try .geometric(rho: 1),
        ]
        for input in inputs {
            for normalization in Normalization.allCases {
                for p in SensitivityTests.parametrizations {
                    for (nu, theta) in [(0.3, 0.4), (0.9, 2.0), (0.97, 0.0), (0.8, Double.pi)] {
                        let s = try RecurrentSensitivity(
                            modulus: nu, phase: theta, input: input, normalization: normalization,
                            parametrization: p)
                        let direct = s.moments(nu: Complex<Double>(nu, 0))
                        let separated = s.moments(nu: Complex<Double>(nu, 0), separatedKernels: true)
                        let scale = max(abs(direct.hessian[0][0].real), abs(direct.hessian[1][1].real))
                        #expect(
                            abs(direct.activity.real - separated.activity.real)
                                <= 1e-10 * abs(direct.activity.real))
                        for i in 0..<2 {
                            for j in 0..<2 {
                                let a = direct.hessian[i][j].real, b = separated.hessian[i][j].real
                                #expect(
                                    abs(a - b) <= 1e-10 * scale,
                                    "\(p) \(normalization) ν = \(nu) θ = \(theta) \(input) [\(i)][\(j)]: \(a) vs \(b)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("Expansions agree with (1 − ν)^p·Q(ν) at 1 − ν = 1e-6·(1 − ρ) for ρ close to 1 (rel 1e-3), all entries")
    func asymptoticsAgreeWithSeparatedValues() throws {
        // Values from the separated kernels (the direct numerators lose all digits here); 1 − ν² carries a
        // relative rounding error of ~1e-16/ε, hence rel 1e-3.
        for rho in [0.9999, 0.999999] {
            let input = try InputAutocorrelation.geometric(rho: rho)
            let eps = 1e-6 * (1 - rho)
            for normalization in Normalization.allCases {
                for p in SensitivityTests.parametrizations {
                    for theta in [0.0, 0.8] {
                        let s = try RecurrentSensitivity(
                            modulus: 1, phase: theta, input: input, normalization: normalization,
                            parametrization: p)
                        let near = s.moments(nu: Complex<Double>(1 - eps, 0), separatedKernels: true)
                        let limit = s.asymptotics()
                        let values = [
                            near.activity.real, near.hessian[0][0].real, near.hessian[1][1].real,
                            near.hessian[0][1].real,
                        ]
                        let leads = [limit.activity, limit.first, limit.second, limit.cross]
                        let scale = values.map(abs).max() ?? 0
                        for k in 0..<4 {
                            switch leads[k] {
                            case .divergent(let order, let c):
                                let scaled = values[k] * Double.pow(eps, Double(order))
                                #expect(
                                    TestSupport.relativeError(scaled, c) < 1e-3,
                                    "ρ = \(rho) \(normalization) \(p) θ = \(theta) entry \(k): \(scaled) vs \(c)")
                            case .finite(let l):
                                #expect(
                                    abs(values[k] - l) < 1e-3 * max(1, abs(l)) + 1e-9 * scale,
                                    "ρ = \(rho) \(normalization) \(p) θ = \(theta) entry \(k): \(values[k]) vs \(l)")
                            }
                        }
                    }
                }
            }
        }
    }
}
