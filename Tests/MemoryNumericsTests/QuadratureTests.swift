import Testing
import MemoryNumerics
import _TestSupport

/// Gauss–Legendre (A&S 25.4.29), the graded composite rule and tanh–sinh quadrature (Takahasi & Mori 1974), against
/// closed-form integrals.
@Suite("Quadrature")
struct QuadratureTests {
    @Test("Gauss–Legendre: weights sum to 2, symmetric nodes, exact up to degree 2n − 1 and not beyond")
    func gaussLegendreExactness() throws {
        for n in [2, 5, 20, 33] {
            let (x, w) = try Quadrature.gaussLegendreRule(points: n)
            #expect(abs(w.reduce(0, +) - 2) < 1e-14, "n = \(n)")
            let sorted = x.sorted()
            for i in 0..<n { #expect(abs(sorted[i] + sorted[n - 1 - i]) < 1e-15) }
            // ∫_{−1}^{1} t^{2n−2} dt = 2/(2n − 1), exact for the n-point rule (degree 2n − 1 ≥ 2n − 2).
            let k = Double(2 * n - 2)
            func power(_ t: Double, _ e: Int) -> Double { (0..<e).reduce(1.0) { a, _ in a * t } }
            let exact = try Quadrature.gaussLegendre({ power($0, 2 * n - 2) }, from: -1, to: 1, points: n)
            #expect(TestSupport.relativeError(exact, 2 / (k + 1)) < 1e-13, "n = \(n)")
            // t^{2n} is beyond the rule's degree: a visible error for small n (the error constant
            // 2^{2n+1}(n!)⁴/((2n + 1)((2n)!)²) is already below 1e-10 at n = 20).
            if n <= 5 {
                let beyond = try Quadrature.gaussLegendre({ power($0, 2 * n) }, from: -1, to: 1, points: n)
                #expect(TestSupport.relativeError(beyond, 2 / (k + 3)) > 1e-3, "n = \(n)")
            }
        }
        // ∫_0^π sin = 2 on a general interval.
        #expect(abs(try Quadrature.gaussLegendre({ Double.sin($0) }, from: 0, to: Double.pi) - 2) < 1e-14)
    }

    @Test("Graded Gauss–Legendre: ∫_0^1 log x = −1 and ∫_0^1 x^{−1/2} = 2 with the omitted part added")
    func graded() throws {
        // Below ε = 4^{−40}: ∫_0^ε log x = ε(log ε − 1), ∫_0^ε x^{−1/2} = 2√ε.
        let epsilon = Double.pow(0.25, 40)
        let logPart = try Quadrature.gaussLegendreGraded({ Double.log($0) }, upTo: 1, ratio: 0.25, panels: 40)
        #expect(abs(logPart + epsilon * (Double.log(epsilon) - 1) + 1) < 1e-14)
        let rootPart = try Quadrature.gaussLegendreGraded({ 1 / $0.squareRoot() }, upTo: 1, panels: 40)
        #expect(abs(rootPart + 2 * epsilon.squareRoot() - 2) < 1e-13)
    }

    @Test("tanh–sinh: ∫_0^π log sin = −π log 2, ∫_0^1 x^{−1/2} = 2, vector components")
    func tanhSinh() throws {
        let logSine = try Quadrature.tanhSinh(upper: Double.pi) { Double.log(Double.sin($0)) }
        #expect(abs(logSine + Double.pi * Double.log(2)) < 1e-13)
        let root = try Quadrature.tanhSinh(upper: 1) { 1 / $0.squareRoot() }
        #expect(abs(root - 2) < 1e-13)
        // ∫_0^1 (1, x, log² x) = (1, ½, 2).
        let v = try Quadrature.tanhSinh(components: 3, upper: 1) { x, out in
            out[0] = 1
            out[1] = x
            out[2] = Double.log(x) * Double.log(x)
        }
        #expect(TestSupport.maxAbsError(v, [1, 0.5, 2]) < 1e-13)
    }

    @Test("Bad arguments throw; a non-converging integral is reported, not returned")
    func errors() {
        #expect(throws: NumericsError.self) { try Quadrature.gaussLegendreRule(points: 1) }
        #expect(throws: NumericsError.self) { try Quadrature.gaussLegendre({ $0 }, from: 0, to: .infinity) }
        #expect(throws: NumericsError.self) { try Quadrature.gaussLegendreGraded({ $0 }, upTo: 1, ratio: 1, panels: 3) }
        #expect(throws: NumericsError.self) { try Quadrature.gaussLegendreGraded({ $0 }, upTo: 1, panels: 0) }
        #expect(throws: NumericsError.self) { try Quadrature.tanhSinh(components: 0, upper: 1) { _, _ in } }
        #expect(throws: NumericsError.self) { try Quadrature.tanhSinh(upper: 0) { $0 } }
        #expect(throws: NumericsError.self) { try Quadrature.tanhSinh(upper: 1, tolerance: 0) { $0 } }
        #expect(throws: NumericsError.self) {
            try Quadrature.tanhSinh(upper: 1, tolerance: 1e-8, acceptance: 1e-9) { $0 }
        }
        // A rapidly oscillating integrand is not resolved by 2⁹ halvings of the step.
        #expect(throws: NumericsError.self) { try Quadrature.tanhSinh(upper: 1) { Double.sin(1e5 * $0) } }
    }
}
