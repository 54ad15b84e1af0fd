import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// The K-term filter weights w_j(d) = Π_{i<j}(i − d)/(i + 1) of Zhao et al. (2020, ICML, §4;
/// the π_j of Hosking 1981, Biometrika 68(1)) and their derivatives in d.
@Suite("Fractional memory weights w_j(d)")
struct FractionalMemoryWeightsTests {
    @Test("Closed values: w₁ = −d, w₂ = −d(1−d)/2; d = 0.4 → −0.4, −0.12, −0.064, −0.0416")
    func closedValues() throws {
        // Hand-computed from the product: w₃ = −0.12·1.6/3, w₄ = −0.064·2.6/4.
        let w = try FractionalMemoryWeights.weights(order: 0.4, count: 4)
        #expect(TestSupport.maxAbsError(w, [-0.4, -0.12, -0.064, -0.0416]) < 1e-15)
        for d in [0.05, 0.25, 0.49, -0.3, 0.8] {
            let v = try FractionalMemoryWeights.weights(order: d, count: 2)
            #expect(TestSupport.relativeError(v[0], -d) < 1e-15)
            #expect(TestSupport.relativeError(v[1], -d * (1 - d) / 2) < 1e-14)
        }
    }

    @Test("w_j = Γ(j − d)/(Γ(j + 1)Γ(−d)) for j ≤ 200 (log-Gamma closed form), and w_j·j^{1+d}Γ(−d) → 1")
    func gammaForm() throws {
        for d in [0.1, 0.3, 0.45] {
            let w = try FractionalMemoryWeights.weights(order: d, count: 200)
            let (lgNeg, sign) = try SpecialFunctions.logGammaWithSign(-d)
            for j in [1, 2, 7, 50, 200] {
                let closed =
                    -(SpecialFunctions.logGamma(Double(j) - d) - SpecialFunctions.logGamma(Double(j + 1)) - lgNeg).exp()
                // Γ(−d) < 0 for d ∈ (0, 1): the weights are negative.
                #expect(sign < 0)
                #expect(TestSupport.relativeError(w[j - 1], closed) < 1e-12, "d = \(d), j = \(j)")
            }
            // Asymptotics (Hosking 1981, π_j ~ j^{−1−d}/Γ(−d)): ratio → 1 with error O(1/j).
            let ratio = w[199] * ((1 + d) * Double(200).log()).exp() * sign * (lgNeg.exp())
            #expect(abs(ratio - 1) < 0.01, "d = \(d): ratio \(ratio)")
        }
    }

    @Test("Integer orders give finite polynomials: d = 0 → 0, d = 1 → (−1, 0, …), d = 2 → (−2, 1, 0, …)")
    func integerOrders() throws {
        #expect(try FractionalMemoryWeights.weights(order: 0.0, count: 5) == [0, 0, 0, 0, 0])
        #expect(try FractionalMemoryWeights.weights(order: 1.0, count: 5) == [-1, 0, 0, 0, 0])
        #expect(try FractionalMemoryWeights.weights(order: 2.0, count: 5) == [-2, 1, 0, 0, 0])
    }

    @Test("∂w_j/∂d: recursion = dual-number tangent = central differences")
    func derivatives() throws {
        let K = 30
        for d in [0.05, 0.3, 0.45] {
            let (w, dw) = try FractionalMemoryWeights.weightsAndDerivatives(order: d, count: K)
            #expect(w == (try FractionalMemoryWeights.weights(order: d, count: K)))
            let dual = try FractionalMemoryWeights.weights(order: DualNumber(d, tangent: 1), count: K)
            #expect(TestSupport.maxRelativeError(dual.map(\.tangent), dw) < 1e-14)
            #expect(TestSupport.maxAbsError(dual.map(\.value), w) == 0)
            let h = 1e-6
            let wp = try FractionalMemoryWeights.weights(order: d + h, count: K)
            let wm = try FractionalMemoryWeights.weights(order: d - h, count: K)
            let fd = zip(wp, wm).map { ($0 - $1) / (2 * h) }
            #expect(TestSupport.maxRelativeError(dw, fd) < 1e-8, "d = \(d)")
            // Closed forms: w₁′ = −1, w₂′ = −(1 − 2d)/2.
            #expect(TestSupport.relativeError(dw[0], -1) < 1e-15)
            #expect(TestSupport.relativeError(dw[1], -(1 - 2 * d) / 2) < 1e-14)
        }
    }

    @Test("Σ_{j=1}^{K} w_j = Γ(K+1−d)/(Γ(1−d)Γ(K+1)) − 1; −0.80669 at d = 0.3, K = 100")
    func partialSum() throws {
        // Σ_{j=0}^{100} π_j(0.3) = Γ(100.7)/(Γ(0.7)Γ(101)) = 0.19331.
        let s = try FractionalMemoryWeights.sum(order: 0.3, count: 100)
        #expect(abs(s - (0.19331 - 1)) < 5e-6)
        for (d, K) in [(0.3, 100), (0.1, 25), (0.45, 1000), (0.25, 1)] {
            let closed =
                (SpecialFunctions.logGamma(Double(K) + 1 - d) - SpecialFunctions.logGamma(1 - d)
                - SpecialFunctions.logGamma(Double(K) + 1)).exp() - 1
            #expect(TestSupport.relativeError(try FractionalMemoryWeights.sum(order: d, count: K), closed) < 1e-12)
            let direct = try FractionalMemoryWeights.weights(order: d, count: K).reduce(0, +)
            #expect(TestSupport.relativeError(direct, closed) < 1e-12)
        }
    }

    @Test("Invalid window or order throws")
    func invalid() {
        #expect(throws: RecurrentError.self) { try FractionalMemoryWeights.weights(order: 0.3, count: 0) }
        #expect(throws: RecurrentError.self) { try FractionalMemoryWeights.weights(order: Double.nan, count: 3) }
        #expect(throws: RecurrentError.self) { try FractionalMemoryWeights.sum(order: .infinity, count: 3) }
    }
}
