import Testing
import _TestSupport
import LongMemory
import MemoryNumerics

/// Weights of (1−B)^d and (1−B)^{−d} (Hosking 1981): validation targets LM1–LM5 of
/// LongMemory.docc/ValidationTargets.md.
@Suite("Fractional weights (LM1–LM5)")
struct WeightsTests {
    /// LM1: (1−B)^{0.4} weights π₀…π₇ from statsmodels `statsmodels/sandbox/tsa/try_fi.py` (checked there against
    /// Bhardwaj & Swanson 2006). abs 1e-12.
    @Test func lm1StatsmodelsWeights() {
        let expected = [1, -0.4, -0.12, -0.064, -0.0416, -0.029952, -0.0229632, -0.01837056]
        let w = FractionalWeights.differencing(d: 0.4, count: 8)
        #expect(TestSupport.maxAbsError(w, expected) <= 1e-12)
        // ψ_j(d) are the π_j(−d): ψ_1 = d, ψ_2 = d(1 + d)/2.
        let psi = FractionalWeights.integration(d: 0.4, count: 3)
        #expect(TestSupport.maxAbsError(psi, [1, 0.4, 0.28]) <= 1e-15)
    }

    /// LM1 pitfalls (§2.1): d = 0 gives (1, 0, 0, …); integer d a finite polynomial ((1−B)² = 1 − 2B + B²).
    @Test func integerOrders() {
        #expect(FractionalWeights.differencing(d: 0, count: 5) == [1, 0, 0, 0, 0])
        #expect(FractionalWeights.differencing(d: 1, count: 5) == [1, -1, 0, 0, 0])
        #expect(FractionalWeights.differencing(d: 2, count: 5) == [1, -2, 1, 0, 0])
        #expect(FractionalWeights.differencing(d: 0.3, count: 0).isEmpty)
    }

    /// LM2: the recursion equals Γ(k − d)/(Γ(−d)Γ(k + 1)) for k ≤ 1000 (rel 1e-10), for several d including
    /// negative and d > ½ (formula, Hosking 1981).
    @Test(arguments: [0.4, -0.3, 0.7, 0.05, -0.45, 1.3])
    func lm2RecursionEqualsGammaForm(d: Double) throws {
        let w = FractionalWeights.differencing(d: d, count: 1001)
        var failures: [Int] = []
        for k in 0...1000 {
            let g = try FractionalWeights.differencingGammaForm(d: d, lag: k)
            // `!(e <= tol)` so that a NaN counts as a failure.
            if !(TestSupport.relativeError(w[k], g) <= 1e-10) { failures.append(k) }
        }
        #expect(failures.isEmpty, "lags failing rel 1e-10: \(failures.prefix(10))")
    }

    /// LM3: π_k/(k^{−1−d}/Γ(−d)) at d = 0.4 is 1.029287 (k = 10), 1.002812 (10²), 1.000280 (10³), abs 1e-6, and the
    /// log–log slope of |π_k| on [500, 1000] is −1.4 ± 0.005 (formula).
    @Test func lm3Asymptote() throws {
        let d = 0.4
        let w = FractionalWeights.differencing(d: d, count: 1001)
        let gammaMinusD = SpecialFunctions.gamma(-d)
        for (k, ratio) in [(10, 1.029287), (100, 1.002812), (1000, 1.000280)] {
            let asymptote = Double.pow(Double(k), -1 - d) / gammaMinusD
            #expect(abs(w[k] / asymptote - ratio) <= 1e-6, "k = \(k): \(w[k] / asymptote)")
        }
        let ks = Array(500...1000)
        let xs = ks.map { Double.log(Double($0)) }, ys = ks.map { Double.log(abs(w[$0])) }
        let slope = foundationLeastSquaresSlope(xs, ys)
        #expect(abs(slope - (-1.4)) <= 0.005, "slope \(slope)")
    }

    /// LM4: Σ_{j=0}^{K} π_j = Γ(K + 1 − d)/(Γ(1 − d)Γ(K + 1)); d = 0.3, K = 100: 0.1933085622 (formula; the literal has
    /// 10 decimals, so it is checked to 5e-11, the recursion against the Gamma form to 1e-12).
    @Test func lm4PartialSum() throws {
        let w = FractionalWeights.differencing(d: 0.3, count: 101)
        let sum = w.reduce(0, +)
        let closed = try FractionalWeights.partialSum(d: 0.3, through: 100)
        #expect(abs(sum - closed) <= 1e-12)
        #expect(abs(closed - 0.1933085622) <= 5e-11)
        // Integer d: (1 − B)^d is a polynomial; the partial sums are (−1)^K C(d − 1, K) and 0 once K ≥ d, checked
        // against the recursion (1 − 5 + 10 = 6 for d = 5, K = 2). A huge integer d neither loops nor traps.
        #expect(try FractionalWeights.partialSum(d: 5, through: 2) == 6)
        for (d, k) in [(3.0, 0), (3, 1), (3, 2), (3, 3), (3, 10), (7, 4), (1, 0), (0, 5)] {
            let w = FractionalWeights.differencing(d: d, count: k + 1)
            #expect(try FractionalWeights.partialSum(d: d, through: k) == w.reduce(0, +), "d = \(d), K = \(k)")
        }
        #expect(try FractionalWeights.partialSum(d: 0x1p63, through: Int.max) == 0)
        #expect(!(try FractionalWeights.partialSum(d: 1e300, through: 1_000_000_000_000)).isNaN)
        // The full sum is 0 for d > 0: the partial sum ~ K^{−d}/Γ(1 − d) → 0.
        let far = try FractionalWeights.partialSum(d: 0.3, through: 1_000_000)
        let asymptote = Double.pow(1e6, -0.3) / SpecialFunctions.gamma(0.7)
        #expect(TestSupport.relativeError(far, asymptote) <= 1e-6)
    }

    /// LM5: lost memory of a K-window, Γ(K − d)/(Γ(K)Γ(1 − d)) — the table of LongMemory.docc/ValidationTargets.md
    /// (computed from the formula, printed to 3 significant digits, so each entry is checked to half a unit of its last
    /// digit; a flat rel 1e-3 cannot hold for rounded entries such as 0.107 = 0.10673…), and Python fracdiff's default
    /// K = 10 at d = 0.4: 0.2752 (rel 1e-3).
    @Test func lm5LostMemoryTable() throws {
        let ks = [10, 100, 1000, 10_000, 100_000, 1_000_000]
        let table: [(Double, [Double])] = [
            (0.1, [0.747, 0.591, 0.469, 0.373, 0.296, 0.235]),
            (0.2, [0.549, 0.342, 0.216, 0.136, 0.0859, 0.0542]),
            (0.3, [0.394, 0.194, 0.0970, 0.0486, 0.0244, 0.0122]),
            (0.4, [0.275, 0.107, 0.0424, 0.0169, 0.00672, 0.00267]),
        ]
        for (d, row) in table {
            for (k, printed) in zip(ks, row) {
                let lost = try FractionalWeights.lostMemory(d: d, window: k)
                #expect(
                    abs(lost - printed) <= halfUnitOfLastDigit(printed, significantDigits: 3) * 1.0001,
                    "d = \(d), K = \(k): \(lost) vs printed \(printed)")
            }
        }
        let fracdiffDefault = try FractionalWeights.lostMemory(d: 0.4, window: 10)
        #expect(TestSupport.relativeError(fracdiffDefault, 0.2752) <= 1e-3)
        // Identity: the lost memory is |Σ_{j≥K} π_j| = |Σ_{j<K} π_j| (full sum 0), checked by direct summation.
        let w = FractionalWeights.differencing(d: 0.4, count: 10)
        #expect(abs(fracdiffDefault - abs(w.reduce(0, +))) <= 1e-14)
        // Window for a tolerance: K ≈ (τΓ(1 − d))^{−1/d} ≈ 3.7·10⁴ at d = 0.4, τ = 0.01 (§2.2); the exact minimal K
        // has lost memory ≤ τ and K − 1 does not.
        let k = try FractionalWeights.window(forLostMemory: 0.01, d: 0.4)
        #expect(abs(Double(k) - 3.7e4) / 3.7e4 < 0.05, "K = \(k)")
        #expect(try FractionalWeights.lostMemory(d: 0.4, window: k) <= 0.01)
        #expect(try FractionalWeights.lostMemory(d: 0.4, window: k - 1) > 0.01)
        // Integer d: nothing is lost once the window covers the polynomial.
        #expect(try FractionalWeights.lostMemory(d: 1, window: 2) == 0)
        #expect(throws: LongMemoryError.self) { try FractionalWeights.lostMemory(d: 0.4, window: 0) }
    }

    private func halfUnitOfLastDigit(_ x: Double, significantDigits: Int) -> Double {
        let exponent = Double.log10(abs(x)).rounded(.down)
        return 0.5 * Double.pow(10, exponent - Double(significantDigits - 1))
    }
}

/// Ordinary least-squares slope of y on x (shared by the tests of this target).
func foundationLeastSquaresSlope(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0
    for i in x.indices {
        sxy += (x[i] - mx) * (y[i] - my)
        sxx += (x[i] - mx) * (x[i] - mx)
    }
    return sxy / sxx
}
