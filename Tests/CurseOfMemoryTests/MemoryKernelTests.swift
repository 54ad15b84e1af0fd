import CurseOfMemory
import MemoryNumerics
import Testing
import _TestSupport

/// Z1, Z2, Z4: the generating function F, its derivative F_a and the sensitivity kernel S against their defining
/// series and the reference values, and the λ → 1 asymptotics (Zucchet & Orvieto 2024, NeurIPS, §2).
@Suite("Memory kernels F, F_a, S (Z1, Z2, Z4)")
struct MemoryKernelTests {
    static func relative(_ a: Complex<Double>, _ b: Complex<Double>) -> Double { (a - b).length / b.length }

    @Test("Z1: S closed form = defining series (rel 1e-9), real λ ∈ {0.5, 0.9, 0.99}, ρ ∈ {0, 0.5, 0.9}")
    func sensitivityAgainstSeriesReal() throws {
        for lambda in [0.5, 0.9, 0.99] {
            for rho in [0.0, 0.5, 0.9] {
                let a = Complex(lambda, 0)
                let closed = try MemoryKernels.sensitivityKernel(a, a, input: .geometric(rho: rho))
                let series = DefiningSeries.sensitivity(a, a, rho: rho)
                #expect(Self.relative(closed, series) < 1e-9, "λ = \(lambda), ρ = \(rho): \(closed) vs \(series)")
            }
        }
    }

    @Test("Z1: S, F and ∂_aF for complex pairs (λ, λ̄), (λ, μ) with moduli ≤ 0.99 = defining series (rel 1e-9)")
    func kernelsAgainstSeriesComplex() throws {
        let points: [(Complex<Double>, Complex<Double>)] = [
            (
                Complex(0.9 * Double.cos(0.7), 0.9 * Double.sin(0.7)),
                Complex(0.9 * Double.cos(0.7), -0.9 * Double.sin(0.7))
            ),
            (
                Complex(0.99 * Double.cos(Double.pi / 4), 0.99 * Double.sin(Double.pi / 4)),
                Complex(0.99 * Double.cos(Double.pi / 4), -0.99 * Double.sin(Double.pi / 4))
            ),
            (Complex(0.6, 0.3), Complex(-0.2, 0.7)),
            (Complex(0.95, 0.05), Complex(0.5, -0.1)),
        ]
        for (a, c) in points {
            for rho in [0.0, 0.5, 0.9, 1.0] {
                let acf = try InputAutocorrelation.geometric(rho: rho)
                let checks: [(String, Complex<Double>, Complex<Double>)] = [
                    (
                        "S", try MemoryKernels.sensitivityKernel(a, c, input: acf),
                        DefiningSeries.sensitivity(a, c, rho: rho)
                    ),
                    (
                        "F", try MemoryKernels.generatingFunction(a, c, input: acf),
                        DefiningSeries.generating(a, c, rho: rho)
                    ),
                    (
                        "F_a", try MemoryKernels.generatingFunctionDerivative(a, c, input: acf),
                        DefiningSeries.generatingDerivative(a, c, rho: rho)
                    ),
                ]
                for (name, closed, series) in checks {
                    #expect(
                        Self.relative(closed, series) < 1e-9, "\(name)(\(a), \(c); ρ = \(rho)): \(closed) vs \(series)")
                }
            }
        }
    }

    @Test("Z1/Z2 reference values (rel 1e-9)")
    func referenceValues() throws {
        let cases: [(Double, Double, Double)] = [
            (0.9, 0, 263.8868639743), (0.9, 0.5, 778.1174279074),
            (0.95, 0.9, 34815.1247135), (0.99, 0, 251262.626102),
        ]
        for (lambda, rho, expected) in cases {
            let s = try MemoryKernels.sensitivityKernel(lambda, lambda, rho: rho)
            #expect(TestSupport.relativeError(s, expected) < 1e-9, "S(\(lambda), \(lambda); \(rho)) = \(s)")
        }
        let f = try MemoryKernels.generatingFunction(0.9, 0.9, rho: 0.5)
        #expect(TestSupport.relativeError(f, 13.8755980861) < 1e-9)
        // E[h²] = (1 + ρλ)/((1 − ρλ)(1 − λ²)); normalised E[h̃²] = (1 + ρλ)/(1 − ρλ).
        let normalized = try RecurrentSensitivity(lambda: 0.9, input: .geometric(rho: 0.5), normalization: .l2)
            .evaluate()
        #expect(TestSupport.relativeError(normalized.activity.value ?? .nan, 1.45 / 0.55) < 1e-12)
    }

    @Test(
        "Defect of visualization_S.ipynb: its explicit S gives ≈ 519.7 at λ = λ₀ = 0.9, ρ = 0.5; rnnmem gives 778.1174")
    func notebookFormulaIsNotReturned() throws {
        // The notebook's `estimate(l1, l2, r)`, transcribed to show that rnnmem does not return it.
        func notebook(_ l1: Double, _ l2: Double, _ r: Double) -> Double {
            let p1 = (1 - r) * (1 + l1 * l2)
            let p2 = r * r * Double.pow(1 - l1 * l2, 3)
            let p3 = -r * (1 - r) * l1 * l2 * (2 * l1 + 2 * l2 - r * l1 * l2 * (1 + l1 * l2))
            let den = Double.pow(1 - r * l1, 2) * Double.pow(1 - r * l2, 2) * Double.pow(1 - l1 * l2, 3)
            return (p1 + p2 + p3) / den
        }
        let wrong = notebook(0.9, 0.9, 0.5)
        #expect(abs(wrong - 519.7) < 0.1)
        let s = try MemoryKernels.sensitivityKernel(0.9, 0.9, rho: 0.5)
        #expect(TestSupport.relativeError(s, 778.1174279074) < 1e-9)
        #expect(abs(s - wrong) > 250)
        // The notebook's formula is right at ρ ∈ {0, 1}, as stated.
        for rho in [0.0, 1.0] {
            #expect(
                TestSupport.relativeError(
                    notebook(0.9, 0.8, rho), try MemoryKernels.sensitivityKernel(0.9, 0.8, rho: rho)) < 1e-12)
        }
    }

    @Test("Z4: (1 − λ)³S(λ, λ; 0.5) → 0.75 at 1 − λ = 1e-5 (rel 1e-3); ρ = 1: (1 − λ)⁴S = 1 for all λ (1e-12)")
    func asymptotics() throws {
        let lambda = 1 - 1e-5
        let s = try MemoryKernels.sensitivityKernel(lambda, lambda, rho: 0.5)
        #expect(TestSupport.relativeError(s * Double.pow(1e-5, 3), 0.75) < 1e-3)
        for l in [0.1, 0.5, 0.9, 0.99, 0.999] {
            let v = try MemoryKernels.sensitivityKernel(l, l, rho: 1) * Double.pow(1 - l, 4)
            #expect(abs(v - 1) < 1e-12, "λ = \(l): \(v)")
        }
        // The endpoint expansion reports the same laws exactly: order 3, (1 + ρ)/(4(1 − ρ)); order 4, 1 at ρ = 1.
        for rho in [0.0, 0.5, 0.9] {
            let v = try MemoryKernels.lambdaSensitivity(lambda: 1, input: .geometric(rho: rho))
            guard case .divergent(let order, let coefficient) = v else {
                Issue.record("ρ = \(rho): expected a divergence, got \(v)")
                continue
            }
            #expect(order == 3)
            #expect(TestSupport.relativeError(coefficient, (1 + rho) / (4 * (1 - rho))) < 1e-12)
        }
        #expect(
            try MemoryKernels.lambdaSensitivity(lambda: 1, input: .geometric(rho: 1))
                == .divergent(order: 4, coefficient: 1))
        // E[h²]: order 1 with (1 + ρ)/(2(1 − ρ)) for ρ < 1, order 2 with 1 at ρ = 1.
        let h = try MemoryKernels.stateVariance(lambda: 1, input: .geometric(rho: 0.5))
        #expect(h == .divergent(order: 1, coefficient: 1.5))
        #expect(
            try MemoryKernels.stateVariance(lambda: 1, input: .geometric(rho: 1))
                == .divergent(order: 2, coefficient: 1))
    }

    @Test("Kernels with a sum of exponentials are the weighted sums; BERT fit has variance 0.37506")
    func sumOfExponentials() throws {
        let acf = InputAutocorrelation.bertEmbeddings
        #expect(abs(acf.variance - 0.37506) < 1e-15)
        #expect(abs(acf.value(atLag: 3) - 0.04306 * Double.pow(0.99701, 3)) < 1e-15)
        let a = Complex(0.8, 0.3), c = Complex(0.7, -0.4)
        let s = try MemoryKernels.sensitivityKernel(a, c, input: acf)
        let parts =
            try MemoryKernels.sensitivityKernel(a, c, input: .geometric(rho: 0.99701)) * Complex(0.04306, 0)
            + MemoryKernels.sensitivityKernel(a, c, input: .white) * Complex(0.332, 0)
        #expect(Self.relative(s, parts) < 1e-14)
    }

    @Test("Bad input: |a| ≥ 1, ρ outside [0, 1], malformed --acf lists are one-line errors naming the argument")
    func badInput() {
        #expect(throws: CurseOfMemoryError.self) { try MemoryKernels.sensitivityKernel(1.0, 0.5, rho: 0.5) }
        #expect(throws: CurseOfMemoryError.invalidArgument(argument: "rho", message: "must be in [0, 1], got 1.5")) {
            try InputAutocorrelation.geometric(rho: 1.5)
        }
        for text in ["", "0.5", "0.5:0.2,", "a:0.2", "0.5:1.2", "-1:0.5", "nan:0.5", "0.5:0.2:0.1"] {
            #expect(throws: CurseOfMemoryError.self, "'\(text)'") { try InputAutocorrelation(parsing: text) }
        }
        #expect((try? InputAutocorrelation(parsing: " 0.04306:0.99701 , 0.332:0")) == .bertEmbeddings)
    }
}
