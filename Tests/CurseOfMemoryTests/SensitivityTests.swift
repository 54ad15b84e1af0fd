@testable import CurseOfMemory
import MemoryNumerics
import Testing
import _TestSupport

/// Z5 and the general-ρ closed forms of the normalised and parametrised sensitivities: the closed form against exact
/// automatic differentiation of γγ′F(λ(ω), λ̄(ω′)), the reference's ρ = 0 table, the limits and slopes.
@Suite("Normalised and parametrised sensitivities (Z5)")
struct SensitivityTests {
    static let parametrizations: [Parametrization] = [.cartesian, .polar, .exp, .optimal, .figure7Polar, .figure7Exp]

    @Test(
        "Closed form (F, F_a, S and Jacobians) = mixed derivatives of γγ′F by hyper-duals (rel 1e-10), complex λ, all ρ"
    )
    func closedFormAgainstDifferentiation() throws {
        let inputs: [InputAutocorrelation] = [
            .white, try .geometric(rho: 0.5), try .geometric(rho: 0.9),
            .bertEmbeddings, try .geometric(rho: 1),
        ]
        for input in inputs {
            for normalization in Normalization.allCases {
                for p in Self.parametrizations {
                    for (nu, theta) in [(0.3, 0.4), (0.9, 2.0), (0.97, 0.05), (0.8, -1.0)] {
                        let s = try RecurrentSensitivity(
                            modulus: nu, phase: theta, input: input,
                            normalization: normalization, parametrization: p)
                        let closed = s.evaluate().hessian.map { $0.map { $0.value ?? .nan } }
                        let ad = try s.hessianByDifferentiation()
                        let scale = max(abs(ad[0][0]), abs(ad[1][1]))
                        for i in 0..<2 {
                            for j in 0..<2 {
                                #expect(
                                    abs(closed[i][j] - ad[i][j]) <= 1e-10 * scale,
                                    "\(p) \(normalization) ν = \(nu) θ = \(theta) acf \(input) [\(i)][\(j)]: \(closed[i][j]) vs \(ad[i][j])"
                                )
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("Real λ: normalised E[(d_λh̃)²] = (1 + λρ)/((1 − λ²)²(1 − λρ)); reference table at ρ = 0 (rel 1e-12)")
    func referenceTable() throws {
        for lambda in [0.2, 0.7, 0.95, 0.999] {
            for rho in [0.0, 0.3, 0.9] {
                let s = try RecurrentSensitivity(lambda: lambda, input: .geometric(rho: rho), normalization: .l2)
                let expected = (1 + lambda * rho) / ((1 - lambda * lambda) * (1 - lambda * lambda) * (1 - lambda * rho))
                #expect(TestSupport.relativeError(s.evaluate().first.value ?? .nan, expected) < 1e-12)
                // exp: ν²(ln ν)²(1 + νρ)/((1 − ν²)²(1 − νρ)); optimal: (1 + νρ)/(1 − νρ).
                let e =
                    try RecurrentSensitivity(
                        lambda: lambda, input: .geometric(rho: rho), normalization: .l2,
                        parametrization: .exp
                    ).evaluate().first.value ?? .nan
                let l = Double.log(lambda)
                #expect(TestSupport.relativeError(e, lambda * lambda * l * l * expected) < 1e-12)
                let o = try RecurrentSensitivity(
                    lambda: lambda, input: .geometric(rho: rho), normalization: .l2,
                    parametrization: .optimal
                ).evaluate()
                #expect(
                    TestSupport.relativeError(o.first.value ?? .nan, (1 + lambda * rho) / (1 - lambda * rho)) < 1e-12)
            }
        }
        // ρ = 0, complex λ: polar (1/(1 − ν²)², ν²(1 + ν²)/(1 − ν²)², cross 0); exp angle θ²ν²(1 + ν²)/(1 − ν²)².
        for (nu, theta) in [(0.5, 1.0), (0.99, 0.3)] {
            let d = 1 - nu * nu
            let polar = try RecurrentSensitivity(modulus: nu, phase: theta, normalization: .l2, parametrization: .polar)
                .evaluate()
            #expect(TestSupport.relativeError(polar.first.value ?? .nan, 1 / (d * d)) < 1e-12)
            #expect(TestSupport.relativeError(polar.second.value ?? .nan, nu * nu * (1 + nu * nu) / (d * d)) < 1e-12)
            #expect(abs(polar.cross.value ?? .nan) < 1e-12 / (d * d))
            let exp = try RecurrentSensitivity(modulus: nu, phase: theta, normalization: .l2, parametrization: .exp)
                .evaluate()
            #expect(
                TestSupport.relativeError(exp.second.value ?? .nan, theta * theta * nu * nu * (1 + nu * nu) / (d * d))
                    < 1e-12)
            // Unnormalised: E|∂_λh|² = S(λ, λ̄; 0) = (1 + ν²)/(1 − ν²)³, independent of θ.
            let plain = try RecurrentSensitivity(modulus: nu, phase: theta).evaluate()
            #expect(TestSupport.relativeError(plain.first.value ?? .nan, (1 + nu * nu) / (d * d * d)) < 1e-12)
            #expect(TestSupport.relativeError(plain.second.value ?? .nan, (1 + nu * nu) / (d * d * d)) < 1e-12)
        }
    }

    @Test(
        "Z5: exp ω_ν entry within 1e-3 of ¼ at ν = 1 − 1e-4; optimal entries = 1 on ν ∈ [0.1, 0.9999] (rel 1e-10); limits"
    )
    func limits() throws {
        let e = try RecurrentSensitivity(modulus: 1 - 1e-4, normalization: .l2, parametrization: .exp).evaluate()
        #expect(abs((e.first.value ?? .nan) - 0.25) < 1e-3)
        for nu in [0.1, 0.5, 0.9, 0.99, 0.999, 0.9999] {
            let o = try RecurrentSensitivity(modulus: nu, normalization: .l2, parametrization: .optimal).evaluate()
            #expect(abs((o.first.value ?? .nan) - 1) < 1e-10, "ν = \(nu): \(o.first)")
            #expect(abs((o.second.value ?? .nan) - 1) < 1e-10, "ν = \(nu): \(o.second)")
        }
        // Exact limits at ν = 1 (endpoint expansion): exp → ¼ (ρ = 0) and (1 + ρ)/(4(1 − ρ)); at ρ = 1 a divergence
        // of order 1 with coefficient ½; the exp angle entry diverges like θ²/(2(1 − ν)²); optimal → 1.
        let expLimit = try RecurrentSensitivity(modulus: 1, normalization: .l2, parametrization: .exp).asymptotics()
        #expect(expLimit.first == .finite(0.25) || abs((expLimit.first.value ?? .nan) - 0.25) < 1e-12)
        let expRho = try RecurrentSensitivity(
            modulus: 1, input: .geometric(rho: 0.6), normalization: .l2,
            parametrization: .exp
        ).evaluate()
        #expect(abs((expRho.first.value ?? .nan) - 1.6 / 1.6) < 1e-12)
        let expOne = try RecurrentSensitivity(
            modulus: 1, input: .geometric(rho: 1), normalization: .l2,
            parametrization: .exp
        ).evaluate()
        #expect(expOne.first == .divergent(order: 1, coefficient: 0.5))
        let theta = 0.7
        let angle = try RecurrentSensitivity(modulus: 1, phase: theta, normalization: .l2, parametrization: .exp)
            .evaluate().second
        guard case .divergent(2, let c) = angle else {
            Issue.record("exp angle entry: expected order 2, got \(angle)")
            return
        }
        #expect(TestSupport.relativeError(c, theta * theta / 2) < 1e-12)
        let optimal = try RecurrentSensitivity(modulus: 1, normalization: .l2, parametrization: .optimal).evaluate()
        #expect(abs((optimal.first.value ?? .nan) - 1) < 1e-12 && abs((optimal.second.value ?? .nan) - 1) < 1e-12)
        // Complex λ: the optimal ω_ν entry is not tamed (θ moves with ω_ν): ~ 2θ²(1 − ρ²)/|1 − ρe^{iθ}|²·(1 − ν)^−2.
        let rho = 0.5
        let complexOptimal = try RecurrentSensitivity(
            modulus: 1, phase: theta, input: .geometric(rho: rho),
            normalization: .l2, parametrization: .optimal
        ).evaluate()
        let d = 1 + rho * rho - 2 * rho * Double.cos(theta)
        guard case .divergent(2, let c2) = complexOptimal.first else {
            Issue.record("optimal ω_ν at θ ≠ 0: expected order 2, got \(complexOptimal.first)")
            return
        }
        #expect(TestSupport.relativeError(c2, 2 * theta * theta * (1 - rho * rho) / d) < 1e-10)
        // …while its ω_θ entry tends to (1 − ρ²)/|1 − ρe^{iθ}|² (= 1 at ρ = 0).
        #expect(TestSupport.relativeError(complexOptimal.second.value ?? .nan, (1 - rho * rho) / d) < 1e-10)
    }

    @Test("Z5: exp angle entry has log–log slope −2 on 1 − ν ∈ [1e-4, 1e-2] (± 0.05)")
    func expAngleSlope() throws {
        func h(_ eps: Double) throws -> Double {
            try RecurrentSensitivity(modulus: 1 - eps, phase: 0.5, normalization: .l2, parametrization: .exp)
                .evaluate().second.value ?? .nan
        }
        let slope = (Double.log(try h(1e-2)) - Double.log(try h(1e-4))) / (Double.log(1e-2) - Double.log(1e-4))
        #expect(abs(slope + 2) < 0.05, "slope \(slope)")
    }

    @Test(
        "Endpoint expansions agree with (1 − ν)^p·Q(ν) at 1 − ν = 1e-7 for every entry, parametrisation and input (rel 1e-5)"
    )
    func asymptoticsAgreeWithValues() throws {
        // Inputs with 1 − ρ ≫ 1e-7, so that the next term of the expansion is O(1e-7) relative; the BERT fit (1 − ρ =
        // 3e-3) is covered by the differentiation check. Finite limits are compared with an absolute allowance of
        // 1e-12 times the largest entry, the rounding level of entries that cancel exactly (e.g. Re(−iνS) = 0).
        let inputs: [InputAutocorrelation] = [
            .white, try .geometric(rho: 0.5), try .geometric(rho: 1),
            try InputAutocorrelation(components: [(0.3, 0.2), (0.7, 1)]),
        ]
        let eps = 1e-7
        for input in inputs {
            for normalization in Normalization.allCases {
                for p in Self.parametrizations {
                    for theta in [0.0, 0.8] {
                        let near = try RecurrentSensitivity(
                            modulus: 1 - eps, phase: theta, input: input,
                            normalization: normalization, parametrization: p
                        ).evaluate()
                        let limit = try RecurrentSensitivity(
                            modulus: 0.5, phase: theta, input: input,
                            normalization: normalization, parametrization: p
                        ).asymptotics()
                        let pairs = [
                            (near.activity, limit.activity), (near.first, limit.first),
                            (near.second, limit.second), (near.cross, limit.cross),
                        ]
                        let scale = pairs.map { abs($0.0.value ?? 0) }.max() ?? 0
                        for (k, (value, lead)) in pairs.enumerated() {
                            let v = value.value ?? .nan
                            switch lead {
                            case .divergent(let order, let c):
                                let scaled = v * Double.pow(eps, Double(order))
                                #expect(
                                    TestSupport.relativeError(scaled, c) < 1e-5,
                                    "\(input) \(normalization) \(p) θ = \(theta) entry \(k): \(scaled) vs \(c)")
                            case .finite(let l):
                                #expect(
                                    abs(v - l) < 1e-5 * max(1, abs(l)) + 1e-12 * scale,
                                    "\(input) \(normalization) \(p) θ = \(theta) entry \(k): \(v) vs limit \(l)")
                            }
                        }
                    }
                }
            }
        }
    }

    @Test(
        "Leading coefficients of the |λ| → 1 table (Derivations article), ρ ∈ {0, 0.4, 0.8}, θ ∈ {0, 0.9, π} (rel 1e-10)"
    )
    func leadingCoefficientTable() throws {
        func check(_ v: StationaryValue, order: Int, _ c: Double, _ label: String) {
            if order == 0 {
                #expect(abs((v.value ?? .nan) - c) <= 1e-10 * max(1, abs(c)), "\(label): \(v) vs \(c)")
            } else if case .divergent(let p, let k) = v {
                #expect(p == order && TestSupport.relativeError(k, c) < 1e-10, "\(label): \(v) vs order \(order), \(c)")
            } else {
                Issue.record("\(label): expected order \(order), got \(v)")
            }
        }
        for rho in [0.0, 0.4, 0.8] {
            for theta in [0.0, 0.9, Double.pi] {
                let d = 1 + rho * rho - 2 * rho * Double.cos(theta), r2 = 1 - rho * rho
                let acf = try InputAutocorrelation.geometric(rho: rho)
                let label = "ρ = \(rho), θ = \(theta)"
                let plain = try RecurrentSensitivity(modulus: 1, phase: theta, input: acf).evaluate()
                check(plain.activity, order: 1, r2 / (2 * d), "F " + label)
                check(plain.first, order: 3, r2 / (4 * d), "S " + label)
                let polar = try RecurrentSensitivity(
                    modulus: 1, phase: theta, input: acf, normalization: .l2,
                    parametrization: .polar
                ).evaluate()
                check(polar.activity, order: 0, r2 / d, "normalised activity " + label)
                check(polar.first, order: 2, r2 / (4 * d), "normalised ν " + label)
                check(polar.second, order: 2, r2 / (2 * d), "normalised θ " + label)
                let exp = try RecurrentSensitivity(
                    modulus: 1, phase: theta, input: acf, normalization: .l2,
                    parametrization: .exp
                ).evaluate()
                check(exp.first, order: 0, r2 / (4 * d), "exp ω_ν " + label)
                let reduced = Parametrization.reducedPhase(theta)
                if reduced > 0 { check(exp.second, order: 2, reduced * reduced * r2 / (2 * d), "exp ω_θ " + label) }
                let optimal = try RecurrentSensitivity(
                    modulus: 1, phase: theta, input: acf, normalization: .l2,
                    parametrization: .optimal
                ).evaluate()
                check(optimal.second, order: 0, r2 / d, "optimal ω_θ " + label)
                if theta == 0 {
                    check(optimal.first, order: 0, (1 + rho) / (1 - rho), "optimal ω_ν " + label)
                } else {
                    check(optimal.first, order: 2, 2 * theta * theta * r2 / d, "optimal ω_ν " + label)
                }
            }
        }
        // ρ = 1: finite at θ ≠ 0, exact powers at θ = 0.
        let one = try InputAutocorrelation.geometric(rho: 1)
        let theta = 1.1, q = 2 - 2 * Double.cos(theta)  // |1 − e^{iθ}|²
        let oscillating = try RecurrentSensitivity(modulus: 1, phase: theta, input: one).evaluate()
        check(oscillating.activity, order: 0, 1 / q, "ρ = 1 F")
        check(oscillating.first, order: 0, 1 / (q * q), "ρ = 1 S")
        let constant = try RecurrentSensitivity(modulus: 1, input: one).evaluate()
        #expect(
            constant.activity == .divergent(order: 2, coefficient: 1)
                && constant.first == .divergent(order: 4, coefficient: 1))
    }

    @Test(
        "R2 (closed form): with γ = √(1 − |λ|²) and white unit input E|h̃|² = 1 for every λ; with the BERT fit E|h̃|² = Σc_k(1 − ρ_k²ν²)/|1 − ρ_kλ|²"
    )
    func normalisedActivity() throws {
        for (nu, theta) in [(0.0, 0.0), (0.5, 1.0), (0.9, 2.5), (0.999, 0.01), (1.0, 0.3)] {
            let white = try RecurrentSensitivity(modulus: nu, phase: theta, normalization: .l2).evaluate().activity
            #expect(abs((white.value ?? .nan) - 1) < 1e-12, "ν = \(nu): \(white)")
            let bert = try RecurrentSensitivity(modulus: nu, phase: theta, input: .bertEmbeddings, normalization: .l2)
                .evaluate().activity
            let lambda = Complex(nu * Double.cos(theta), nu * Double.sin(theta))
            let expected = InputAutocorrelation.bertEmbeddings.components.reduce(0.0) { acc, c in
                acc + c.weight * (1 - c.rate * c.rate * nu * nu)
                    / (Complex<Double>(1, 0) - Complex(c.rate, 0) * lambda).lengthSquared
            }
            #expect(
                TestSupport.relativeError(bert.value ?? .nan, expected) < 1e-12, "ν = \(nu): \(bert) vs \(expected)")
        }
    }
}
