import Foundation
import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

@Suite("Scalars: Double and dual-number rules")
struct ScalarTests {
    @Test("Double's RecurrentScalar methods: FastMath for tanh and σ, libm for the rest")
    func doubleMethods() {
        // Doubles' `RecurrentScalar` methods: the fast kernels for tanh/σ, libm for the rest.
        #expect(2.0.exp() == Foundation.exp(2.0) && 2.0.log() == Foundation.log(2.0))
        #expect(Double.exp(1.5) == Foundation.exp(1.5))
        #expect((0.3).tanh() == FastMath.tanh(0.3) && (0.3).sigmoid() == FastMath.sigmoid(0.3))
    }

    @Test("Dual-number tangents = central differences of the values")
    func dualRules() {
        let functions: [(String, (DualNumber) -> DualNumber, ClosedRange<Double>)] = [
            ("tanh", { $0.tanh() }, -4...4), ("sigmoid", { $0.sigmoid() }, -6...6), ("exp", { $0.exp() }, -5...5),
            ("expMinusOne", { $0.expMinusOne() }, -3...3), ("log", { $0.log() }, 0.1...9),
            ("logOnePlus", { $0.logOnePlus() }, -0.5...5), ("sqrt", { $0.squareRoot() }, 0.1...9),
            ("sin", { $0.sin() }, -4...4), ("cos", { $0.cos() }, -4...4),
            ("x*y/(1+x)", { x in x * x / (1 + x) - x }, 0.2...3),
        ]
        var rng = TestSupport.rng(4)
        for (name, f, range) in functions {
            for _ in 0..<50 {
                let x = rng.uniform(range.lowerBound, range.upperBound)
                let d = f(DualNumber(x, tangent: 1))
                let h = 1e-6 * max(1, abs(x))
                let fd = (f(DualNumber(x + h)).value - f(DualNumber(x - h)).value) / (2 * h)
                #expect(abs(d.tangent - fd) <= 1e-8 * max(1, abs(fd)), "\(name)(\(x)): \(d.tangent) vs \(fd)")
                #expect(f(DualNumber(x)).tangent == 0, "\(name): constant input must have zero tangent")
            }
        }
    }
}
