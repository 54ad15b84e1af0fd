import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// Wald tests of H0: d = d₀ on MemoryEstimate (local Whittle, exact local Whittle, Whittle).
@Suite("Wald tests of d = 0")
struct TestWaldTests {
    static func estimate(d: Double, se: Double, method: EstimationMethod = .localWhittle, m: Int? = 100) throws
        -> MemoryEstimate
    {
        try MemoryEstimate(
            method: method, variant: "test", d: d, standardError: se, confidenceLevel: 0.95, n: 1000, bandwidth: m,
            tuningDescription: "m = 100")
    }

    @Test("z = (d̂ − d₀)/s.e., normal critical values and p-values in each direction")
    func statisticAndDecision() throws {
        // d̂ = 0.1, s.e. 0.05: z = 2; two-sided p = 2(1 − Φ(2)) = 0.0455002638963584; one-sided 0.0227501319481792.
        let e = try Self.estimate(d: 0.1, se: 0.05)
        let two = try WaldMemoryTest.test(estimate: e)
        #expect(abs(two.statistic - 2) < 1e-15)
        #expect(abs(two.pValue.value - 0.0455002638963584) < 1e-12)
        #expect(abs((two.criticalValue.upper ?? 0) - 1.959963984540054) < 1e-9)
        #expect(abs((two.criticalValue.lower ?? 0) + 1.959963984540054) < 1e-9)
        #expect(two.reject && two.rejectionSide == .greater)
        #expect(two.bandwidth == 100 && two.estimate == e && two.method == .wald)
        let greater = try WaldMemoryTest.test(estimate: e, alternative: .greater)
        #expect(abs(greater.pValue.value - 0.0227501319481792) < 1e-12 && greater.reject)
        #expect(
            abs((greater.criticalValue.upper ?? 0) - 1.6448536269514722) < 1e-9 && greater.criticalValue.lower == nil)
        let less = try WaldMemoryTest.test(estimate: e, alternative: .less)
        #expect(!less.reject && abs(less.pValue.value - (1 - 0.0227501319481792)) < 1e-12)
        // Stricter level: |z| = 2 < 2.5758 does not reject at 1%.
        #expect(!(try WaldMemoryTest.test(estimate: e, level: 0.01)).reject)
        // Other null value: H0 d = 0.1 → z = 0.
        let atNull = try WaldMemoryTest.test(estimate: e, nullValue: 0.1)
        #expect(atNull.statistic == 0 && abs(atNull.pValue.value - 1) < 1e-15 && !atNull.reject)
        // Consistent with MemoryEstimate's own Wald helpers.
        #expect(two.statistic == e.waldStatistic() && abs(two.pValue.value - e.waldPValue()) < 1e-15)
    }

    @Test("Convenience entry points equal test(estimate:) on the estimators' output")
    func entryPoints() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.3), count: 1024, seed: 31)
        let lw = try LocalWhittle.estimate(x)
        let t1 = try WaldMemoryTest.localWhittle(x)
        #expect(t1 == (try WaldMemoryTest.test(estimate: lw)))
        #expect(abs(t1.statistic - lw.d * 2 * Double(lw.bandwidth ?? 0).squareRoot()) < 1e-12)  // s.e. 1/(2√m)
        let elw = try ExactLocalWhittle.estimate(x)
        #expect(try WaldMemoryTest.exactLocalWhittle(x) == (try WaldMemoryTest.test(estimate: elw)))
        let wh = try ParametricEstimation.whittle(x).estimate
        let t3 = try WaldMemoryTest.whittle(x)
        #expect(t3 == (try WaldMemoryTest.test(estimate: wh)))
        // FI(d) Whittle s.e. = √(6/(π²n)) (LM21).
        #expect(TestSupport.relativeError(wh.standardError, (6 / (Double.pi * Double.pi * 1024)).squareRoot()) < 1e-6)
        #expect(t1.reject && t3.reject)
        #expect(t1.name.contains("local Whittle") && t3.name.contains("Whittle"))
    }

    @Test("Bad input: missing standard error, bad level, non-finite null value")
    func badInput() throws {
        let noSE = try Self.estimate(d: 0.1, se: .nan)
        #expect(throws: LongMemoryError.self) { try WaldMemoryTest.test(estimate: noSE) }
        let e = try Self.estimate(d: 0.1, se: 0.05)
        #expect(throws: LongMemoryError.self) { try WaldMemoryTest.test(estimate: e, level: 0) }
        #expect(throws: LongMemoryError.self) { try WaldMemoryTest.test(estimate: e, nullValue: .infinity) }
    }
}
