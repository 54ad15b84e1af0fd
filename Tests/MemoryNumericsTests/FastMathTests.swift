import Foundation
import MemoryNumerics
import Testing
import _TestSupport

@Suite("FastMath: inlined e^x, e^x − 1, tanh, σ")
struct FastMathTests {
    /// Arguments: a symmetric grid on [−40, 40], tiny magnitudes down to 1e-300, and random N(0, 3²) draws.
    static let arguments: [Double] = {
        var xs = stride(from: -40.0, through: 40.0, by: 0.01).map { $0 }
        for e in stride(from: -300.0, through: -1.0, by: 0.5) {
            xs.append(Foundation.pow(10, e)); xs.append(-Foundation.pow(10, e))
        }
        var rng = TestSupport.rng(17)
        xs += (0..<20_000).map { _ in 3 * rng.gaussian() }
        return xs
    }()

    @Test("FastMath tanh, σ, expm1, exp agree with glibc to a relative 1e-15")
    func fastMathAccuracy() {
        var worst = (tanh: 0.0, sigmoid: 0.0, expm1: 0.0, exp: 0.0)
        for x in Self.arguments {
            worst.tanh = max(worst.tanh, TestSupport.relativeError(FastMath.tanh(x), Foundation.tanh(x)))
            worst.sigmoid = max(
                worst.sigmoid, TestSupport.relativeError(FastMath.sigmoid(x), 1 / (1 + Foundation.exp(-x))))
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
    }
}
