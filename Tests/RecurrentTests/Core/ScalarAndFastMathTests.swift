import Foundation
import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

@Suite("Scalars: FastMath kernels and dual-number rules")
struct ScalarAndFastMathTests {
    /// Arguments: a symmetric grid on [−40, 40], tiny magnitudes down to 1e-300, and random N(0, 3²) draws.
    static let arguments: [Double] = {
        var xs = stride(from: -40.0, through: 40.0, by: 0.01).map { $0 }
        for e in stride(from: -300.0, through: -1.0, by: 0.5) { xs.append(Foundation.pow(10, e)); xs.append(-Foundation.pow(10, e)) }
        var rng = TestSupport.rng(17)
        xs += (0..<20_000).map { _ in 3 * rng.gaussian() }
        return xs
    }()

    @Test("FastMath tanh, σ, expm1, exp agree with glibc to a relative 1e-15")
    func fastMathAccuracy() {
        var worst = (tanh: 0.0, sigmoid: 0.0, expm1: 0.0, exp: 0.0)
        for x in Self.arguments {
            worst.tanh = max(worst.tanh, TestSupport.relativeError(FastMath.tanh(x), Foundation.tanh(x)))
            worst.sigmoid = max(worst.sigmoid, TestSupport.relativeError(FastMath.sigmoid(x), 1 / (1 + Foundation.exp(-x))))
            worst.expm1 = max(worst.expm1, TestSupport.relativeError(FastMath.expm1(x), Foundation.expm1(x)))
            worst.exp = max(worst.exp, TestSupport.relativeError(FastMath.exp(x), Foundation.exp(x)))
        }
        #expect(worst.tanh < 1e-15, "tanh \(worst.tanh)")
        #expect(worst.sigmoid < 1e-15, "sigmoid \(worst.sigmoid)")
        #expect(worst.expm1 < 1e-15, "expm1 \(worst.expm1)")
        #expect(worst.exp < 1e-15, "exp \(worst.exp)")
    }

    @Test("FastMath special values")
    func specialValues() {
        #expect(FastMath.tanh(0) == 0 && FastMath.tanh(-0.0).sign == .minus)
        #expect(FastMath.tanh(.infinity) == 1 && FastMath.tanh(-.infinity) == -1)
        #expect(FastMath.tanh(500) == 1 && FastMath.tanh(-500) == -1)
        #expect(FastMath.tanh(.nan).isNaN && FastMath.sigmoid(.nan).isNaN && FastMath.expm1(.nan).isNaN)
        #expect(FastMath.sigmoid(0) == 0.5 && FastMath.sigmoid(.infinity) == 1 && FastMath.sigmoid(-.infinity) < 1e-307)
        #expect(FastMath.expm1(-100) == -1)
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
