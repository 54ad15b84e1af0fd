@testable import CurseOfMemory
import MemoryNumerics
import Testing
import _TestSupport

/// Ordinary (finite) values of F, F_a and S when |λ| and ρ are both close to 1, where the numerators of the direct
/// closed forms cancel (at λ = ρ = 1 − 1e-7 the direct S is off by a factor 4.6e3). The references are the closed
/// forms of Zucchet & Orvieto (2024, NeurIPS, arXiv 2405.21064, §2.3) at 60 digits at the exact binary64 inputs
/// (scripts/reference/near_unit_kernels.py; its output near_unit_kernels.txt beside it).
@Suite("Closed-form values for |λ| and ρ both close to 1")
struct NearUnitValueTests {
    static func expectClose(_ value: Double, _ reference: Double, _ label: String) {
        #expect(TestSupport.relativeError(value, reference) < 1e-9, "\(label): \(value) vs \(reference)")
    }

    @Test("Real λ = ρ ∈ {1 − 1e-5, 1 − 1e-7, 1 − 1e-3}: F, F_a, S against mpmath (rel 1e-9), S and F positive")
    func realValues() throws {
        let cases: [(lambda: Double, f: Double, fa: Double, s: Double)] = [
            (1 - 1e-5, 5000000000.1705115122, 374999375005119.86756, 37500000001307660183.0),
            (1 - 1e-7, 50000000052635.709821, 3.7499999434215032281e+20, 3.7500000078953439773e+27),
            (1 - 1e-3, 500000.12512509292436, 374937499.96869425477, 375000062562.56905844),
        ]
        for c in cases {
            let rho = c.lambda
            let input = try InputAutocorrelation.geometric(rho: rho)
            let s = try MemoryKernels.sensitivityKernel(c.lambda, c.lambda, rho: rho)
            let f = try MemoryKernels.generatingFunction(c.lambda, c.lambda, rho: rho)
            let fa = try MemoryKernels.generatingFunctionDerivative(
                Complex(c.lambda, 0), Complex(c.lambda, 0), input: input)
            #expect(s > 0 && f > 0, "second moments at λ = ρ = \(c.lambda): S = \(s), F = \(f)")
            Self.expectClose(s, c.s, "S at λ = ρ = \(c.lambda)")
            Self.expectClose(f, c.f, "F at λ = ρ = \(c.lambda)")
            Self.expectClose(fa.real, c.fa, "F_a at λ = ρ = \(c.lambda)")
            // The path of `curse sensitivity` (and its --figures closed-form curve): E[(d_λh)²] and E[h²].
            guard case .finite(let first) = try MemoryKernels.lambdaSensitivity(lambda: c.lambda, input: input),
                case .finite(let activity) = try MemoryKernels.stateVariance(lambda: c.lambda, input: input)
            else {
                Issue.record("λ = \(c.lambda) < 1 must give finite values")
                continue
            }
            Self.expectClose(first, c.s, "E[(d_λh)²] at λ = ρ = \(c.lambda)")
            Self.expectClose(activity, c.f, "E[h²] at λ = ρ = \(c.lambda)")
        }
        // 0.99999 (the reported case) is the same binary64 number as 1 − 1e-5.
        Self.expectClose(
            try MemoryKernels.sensitivityKernel(0.99999, 0.99999, rho: 0.99999), 37500000001307660183.0, "S")
    }

    @Test("Conjugate pair λ, λ̄ with |λ| = 1 − 1e-5, 1 − 1e-7 (θ = 0.8) and 1 − 1e-6 (θ = 1e-3): F, F_a, S (rel 1e-9)")
    func complexValues() throws {
        let cases: [(re: Double, im: Double, rho: Double, f: Double, fa: Complex<Double>, s: Double)] = [
            (
                0.6966997422800719, 0.7173489173386138, 0.99999, 3.2971715178308522748,
                Complex(57430.973780383708473, -59127.548197807187787), 8242928804.8706326783
            ),
            (
                0.6967066396764945, 0.7173560191639138, 0.9999999, 3.2971388783092394452,
                Complex(5742848.8865980382494, -5913053.0442904778834), 82428472102979.65604
            ),
            (
                0.9999985000005417, 0.0009999988333335083, 0.999999, 1999994.1667368316468,
                Complex(500003541675.59367573, 1499985291.756890508), 500002541697148360.55
            ),
        ]
        for c in cases {
            let input = try InputAutocorrelation.geometric(rho: c.rho)
            let lambda = Complex(c.re, c.im)
            let s = try MemoryKernels.sensitivityKernel(lambda, lambda.conjugate, input: input)
            let f = try MemoryKernels.generatingFunction(lambda, lambda.conjugate, input: input)
            let fa = try MemoryKernels.generatingFunctionDerivative(lambda, lambda.conjugate, input: input)
            let label = "λ = \(c.re) + \(c.im)i, ρ = \(c.rho)"
            #expect(s.real > 0 && f.real > 0, "second moments at \(label): S = \(s), F = \(f)")
            Self.expectClose(s.real, c.s, "S at \(label)")
            Self.expectClose(f.real, c.f, "F at \(label)")
            Self.expectClose(fa.real, c.fa.real, "Re F_a at \(label)")
            Self.expectClose(fa.imaginary, c.fa.imaginary, "Im F_a at \(label)")
        }
    }

    @Test("Switching region: direct form at the BERT fit (λ = 0.99e^{0.1i}) and ρ = 0.5; the forms agree near its edge")
    func switchingRegion() throws {
        // 1 − ρ = 3e-3 (the BERT fit's slow rate) with |1 − λλ̄| ≈ 0.02: the direct form, unchanged.
        let lambda = Complex(0.99 * Double.cos(0.1), 0.99 * Double.sin(0.1))
        #expect(!Kernel.separatedIsBetterConditioned(lambda, lambda.conjugate, rho: 0.99701))
        #expect(!Kernel.separatedIsBetterConditioned(Complex(0.999, 0), Complex(0.999, 0), rho: 0.5))
        #expect(Kernel.separatedIsBetterConditioned(Complex(0.999, 0), Complex(0.999, 0), rho: 0.999))
        // Just inside the region (1 − ρ = 1 − a = 4e-3) the direct form still has ~10 digits: the forms agree.
        let a = Complex(0.996, 0.0)
        let direct = Kernel.sensitivity(DirectFormScalar(a), DirectFormScalar(a), rho: 0.996).value
        let separated: Complex<Double> = Kernel.separatedSensitivity(a, a, rho: 0.996)
        #expect(TestSupport.relativeError(direct.real, separated.real) < 1e-8, "\(direct) vs \(separated)")
    }
}

/// Complex<Double> arithmetic without a point value, so that ``Kernel`` keeps its direct form (for comparing the two).
private struct DirectFormScalar: ComplexField {
    let value: Complex<Double>
    init(_ value: Complex<Double>) { self.value = value }
    init(constant: Complex<Double>) { value = constant }
    static func + (a: Self, b: Self) -> Self { Self(a.value + b.value) }
    static func - (a: Self, b: Self) -> Self { Self(a.value - b.value) }
    static func * (a: Self, b: Self) -> Self { Self(a.value * b.value) }
    static func / (a: Self, b: Self) -> Self { Self(a.value / b.value) }
    static prefix func - (a: Self) -> Self { Self(-a.value) }
    var conjugate: Self { Self(value.conjugate) }
    var realPart: Self { Self(Complex(value.real, 0)) }
    var timesI: Self { Self(Complex(-value.imaginary, value.real)) }
}
