import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// The decision list of `VerdictRule` (version 2) on synthetic evidence: each test builds the three primary
/// estimates (P: Whittle ARFIMA(p,d,q), S: local polynomial Whittle, E: exact local Whittle) with chosen d̂ and s.e.,
/// tests with chosen decisions and the checks against spurious long memory, and checks the verdict and the step of
/// the list that produced it. Each case sits on one side of a threshold of the rule, so a changed threshold fails.
/// n = 2000 throughout: c_n = √(log 2000) = 2.7570.
@Suite("Verdict rule on synthetic evidence")
struct VerdictRuleTests {
    static let n = 2000
    static let c = Double.log(2000).squareRoot()

    static func estimate(
        _ m: EstimationMethod, _ d: Double, se: Double, bandwidth: Int? = 100, order: ARMAOrder? = nil
    ) throws -> MemoryEstimate {
        try MemoryEstimate(
            method: m, variant: "synthetic", d: d, standardError: se, confidenceLevel: 0.95, n: n,
            bandwidth: bandwidth, order: order, tuningDescription: "synthetic")
    }

    /// A test whose statistic falls above (`.greater`), below (`.less`) or inside (nil) the region [−2, 2].
    static func test(_ m: MemoryTestMethod, _ side: TestAlternative?) -> MemoryTestResult {
        let statistic: Double = side == .greater ? 3 : (side == .less ? -3 : 0)
        return MemoryTestResult(
            method: m, name: m.displayName, statistic: statistic, level: 0.05, alternative: .twoSided,
            criticalValue: CriticalRegion(lower: -2, upper: 2), criticalValues: [], pValue: .point(0.5),
            nullHypothesis: "short memory", alternativeHypothesis: "memory", n: n)
    }

    static func qu(reject: Bool) -> QuTest {
        QuTest(
            statistic: reject ? 2 : 0.5, bandwidth: 204, trimming: 0.02, d: 0.3, scale: 1, level: 0.025,
            criticalValue: 1.374, reject: reject, pValueBounds: reject ? 0...0.01 : 0.1...1)
    }

    static func splitting(reject: Bool) -> SampleSplittingTest {
        SampleSplittingTest(
            blocks: 4, blockBandwidth: 34, blockEstimates: [0.3, 0.3, reject ? 0.9 : 0.3, 0.3],
            blockStandardErrors: [0.1, 0.1, 0.1, 0.1], fullSampleD: 0.3, statistic: reject ? 27 : 0,
            degreesOfFreedom: 3, pValue: reject ? 1e-5 : 1, level: 0.01, reject: reject)
    }

    /// Evidence with P (s.e. 0.02), S (s.e. 0.06), E (s.e. 0.04) at the given d̂, Lo/V/S/KPSS decisions, and the
    /// spurious-memory checks.
    static func evidence(
        whittle: Double?, lpw: Double?, elw: Double?, tests sides: [TestAlternative?] = [nil, nil, nil],
        quRejects: Bool = false, splitRejects: Bool = false, periodicity: PeriodicityCheck? = nil,
        whittleSE: Double = 0.02, lpwSE: Double = 0.06, elwSE: Double = 0.04
    ) throws -> MemoryEvidence {
        let methods: [MemoryTestMethod] = [
            .loModifiedRescaledRange, .rescaledVariance, .kwiatkowskiPhillipsSchmidtShin,
        ]
        let p = try whittle.map {
            try estimate(.whittle, $0, se: whittleSE, bandwidth: nil, order: ARMAOrder(p: 1, q: 0))
        }
        let estimates = [
            p, try lpw.map { try estimate(.localPolynomialWhittle, $0, se: lpwSE) },
            try elw.map { try estimate(.exactLocalWhittle, $0, se: elwSE) },
        ].compactMap { $0 }
        return MemoryEvidence(
            n: n, estimates: estimates, tests: zip(methods, sides).map { test($0.0, $0.1) }, periodicity: periodicity,
            selectedParametric: p, qu: qu(reject: quRejects), sampleSplitting: splitting(reject: splitRejects))
    }

    static func decide(_ e: MemoryEvidence) -> VerdictDecision { VerdictRule.standard.decide(e) }

    @Test("c_n = max(1.96, √log n): 2.4929 at n = 500, 2.7570 at 2000, 3.0349 at 10000, 1.96 for n ≤ 46")
    func threshold() {
        #expect(abs(VerdictRule.threshold(n: 500) - 2.492_912) < 1e-6)
        #expect(abs(VerdictRule.threshold(n: 2000) - 2.756_973) < 1e-6)
        #expect(abs(VerdictRule.threshold(n: 10000) - 3.034_854) < 1e-6)
        #expect(abs(VerdictRule.threshold(n: 40) - 1.959_964) < 1e-6)
        #expect(VerdictRule.version == "2")
    }

    @Test("P significant, S agrees, no spurious-memory test rejects → long memory (step 7), headline P, rule v2")
    func longMemory() throws {
        let d = Self.decide(try Self.evidence(whittle: 0.3, lpw: 0.32, elw: 0.31))
        #expect(d.verdict == .longMemory)
        #expect(d.step == 7)
        #expect(d.headline?.method == .whittle)
        #expect(d.ruleVersion == "2")
        #expect(d.primaryClasses.map(\.estimateClass) == [.positive, .positive, .positive])
        #expect(d.reasons.contains { $0.hasPrefix("no test against spurious long memory rejects") })
        // The tests of short memory do not gate long memory: none rejects, the verdict stands with a caveat.
        #expect(d.caveats.contains { $0.hasPrefix("only 0 of 3 tests of short memory") })
    }

    @Test("|z| just above / just below c_n decides long versus short memory; a 95% CI excluding 0 is not enough")
    func evidenceThreshold() throws {
        let se = 0.02
        let above = Self.decide(try Self.evidence(whittle: (Self.c + 0.01) * se, lpw: 0, elw: 0))
        #expect(above.verdict == .longMemory)
        let below = Self.decide(try Self.evidence(whittle: (Self.c - 0.01) * se, lpw: 0, elw: 0))
        #expect(below.verdict == .shortMemory)
        #expect(below.step == 9)
        // z = 2.5: the 95% interval excludes 0, yet below the threshold.
        #expect(Self.decide(try Self.evidence(whittle: 2.5 * se, lpw: 0, elw: 0)).verdict == .shortMemory)
    }

    @Test("Qu rejects → inconclusive (step 6, names Qu); sample splitting rejects → step 6, names it")
    func spurious() throws {
        let qu = Self.decide(try Self.evidence(whittle: 0.3, lpw: 0.3, elw: 0.3, quRejects: true))
        #expect(qu.verdict == .inconclusive)
        #expect(qu.step == 6)
        #expect(qu.reasons.contains { $0.hasPrefix("Qu's (2011) test rejects true long memory") })
        #expect(qu.reasons.contains { $0.hasPrefix("structural break or long memory") })
        let split = Self.decide(try Self.evidence(whittle: 0.3, lpw: 0.3, elw: 0.3, splitRejects: true))
        #expect(split.step == 6)
        #expect(split.reasons.contains { $0.hasPrefix("the sample-splitting test (after Shimotsu 2006) rejects") })
        #expect(!split.reasons.contains { $0.hasPrefix("Qu's") })
    }

    @Test("S differs from P by more than c_n of its s.e. → inconclusive (step 5); within → long memory")
    func robustDisagreement() throws {
        let se = 0.06
        let far = Self.decide(try Self.evidence(whittle: 0.3, lpw: 0.3 - (Self.c + 0.01) * se, elw: 0.3))
        #expect(far.verdict == .inconclusive)
        #expect(far.step == 5)
        let near = Self.decide(try Self.evidence(whittle: 0.3, lpw: 0.3 - (Self.c - 0.01) * se, elw: 0.3))
        #expect(near.verdict == .longMemory)
    }

    @Test("E's 95% CI above ½ → nonstationary (step 3); E = 0.55 with CI reaching below ½ → not; caveat says so")
    func nonstationarity() throws {
        let ns = Self.decide(try Self.evidence(whittle: 0.45, lpw: 0.5, elw: 0.8))
        #expect(ns.verdict == .nonstationary)
        #expect(ns.step == 3)
        #expect(ns.headline?.method == .exactLocalWhittle)
        // Lower bound 0.55 − 1.96·0.04 = 0.4716 < ½.
        let boundary = Self.decide(try Self.evidence(whittle: 0.45, lpw: 0.45, elw: 0.55))
        #expect(boundary.verdict == .longMemory)
        #expect(boundary.caveats.contains { $0.contains("reaches ½: nonstationary d is not excluded") })
        // Lower bound just above ½.
        let justAbove = Self.decide(try Self.evidence(whittle: 0.45, lpw: 0.45, elw: 0.5 + 1.96 * 0.04 + 1e-3))
        #expect(justAbove.verdict == .nonstationary)
    }

    @Test("the stationary Whittle fit within 1e-3 of ±0.499 → inconclusive (step 4): evidence, not an estimate")
    func boundHit() throws {
        let d = Self.decide(try Self.evidence(whittle: 0.499, lpw: 0.45, elw: 0.52))
        #expect(d.verdict == .inconclusive)
        #expect(d.step == 4)
        #expect(d.reasons.first?.contains("evidence that d ≥ ½, not an estimate") == true)
        #expect(d.primaryClasses.first?.estimateClass == .atBound)
        // Within 1e-3 of the bound counts (the optimiser approaches it only asymptotically); 2e-3 below does not.
        #expect(Self.decide(try Self.evidence(whittle: 0.4981, lpw: 0.45, elw: 0.45)).step == 4)
        #expect(Self.decide(try Self.evidence(whittle: 0.497, lpw: 0.45, elw: 0.45)).step == 7)
        // The lower bound: evidence that d ≤ −½; a rejecting spurious-memory test is named in the reasons.
        let lower = Self.decide(try Self.evidence(whittle: -0.499, lpw: -0.4, elw: -0.45, quRejects: true))
        #expect(lower.step == 4)
        #expect(lower.reasons.first?.contains("evidence that d ≤ −½") == true)
        #expect(lower.reasons.contains { $0.hasPrefix("Qu's (2011) test rejects") })
    }

    @Test("step 4: E's CI straddling ½ is 'at the boundary', below ½ it is not; a rejecting Qu gives the break text")
    func boundHitWording() throws {
        // E = 0.52 ± 1.96·0.04: [0.4416, 0.5984] holds values on both sides of ½.
        let straddle = Self.decide(try Self.evidence(whittle: 0.499, lpw: 0.45, elw: 0.52))
        #expect(straddle.reasons.contains { $0.contains("holds both stationary and nonstationary values") })
        #expect(!straddle.reasons.contains { $0.contains("structural break") })
        // E = 0.33: [0.2516, 0.4084] lies below ½ — the white-noise-plus-shift case; Qu rejects.
        let shift = Self.decide(try Self.evidence(whittle: 0.499, lpw: 0.3, elw: 0.33, quRejects: true))
        #expect(shift.verdict == .inconclusive)
        #expect(shift.step == 4)
        #expect(!shift.reasons.contains { $0.contains("nonstationary values") })
        #expect(shift.reasons.contains { $0.contains("[0.252, 0.408] lies below ½") })
        let summary = try #require(shift.reasons.last)
        #expect(
            summary.hasPrefix("structural break or long memory — inconclusive: Qu's (2011) test (W = 2.000, p < 0.010)")
        )
        #expect(!summary.contains("sample-splitting"))
        // Both tests reject: both are named, with the splitting test's p-value.
        let both = Self.decide(
            try Self.evidence(whittle: 0.499, lpw: 0.3, elw: 0.33, quRejects: true, splitRejects: true))
        #expect(
            both.reasons.last?.contains(
                "rejects true long memory and the sample-splitting test (W = 27.00, p = 1.0e-5) rejects a constant d")
                == true)
        // The same summary at step 6.
        let six = Self.decide(try Self.evidence(whittle: 0.3, lpw: 0.3, elw: 0.3, splitRejects: true))
        #expect(six.step == 6)
        #expect(
            six.reasons.last?.hasPrefix("structural break or long memory — inconclusive: the sample-splitting") == true)
    }

    @Test("P significantly negative → antipersistent (step 8); S disagreeing → inconclusive")
    func antipersistence() throws {
        let d = Self.decide(try Self.evidence(whittle: -0.3, lpw: -0.28, elw: -0.29))
        #expect(d.verdict == .antipersistent)
        #expect(d.step == 8)
        let disagree = Self.decide(try Self.evidence(whittle: -0.3, lpw: 0.1, elw: -0.29))
        #expect(disagree.verdict == .inconclusive)
        #expect(disagree.step == 8)
    }

    @Test("P not significant: S significant → inconclusive; all 3 tests persistent → inconclusive; 2 of 3 → short")
    func shortMemoryBlocks() throws {
        let robust = Self.decide(try Self.evidence(whittle: 0.01, lpw: (Self.c + 0.1) * 0.06, elw: 0.05))
        #expect(robust.verdict == .inconclusive)
        #expect(robust.step == 9)
        let three = Self.decide(
            try Self.evidence(whittle: 0.01, lpw: 0.02, elw: 0.02, tests: [.greater, .greater, .greater]))
        #expect(three.verdict == .inconclusive)
        let two = Self.decide(
            try Self.evidence(whittle: 0.01, lpw: 0.02, elw: 0.02, tests: [nil, .greater, .greater]))
        #expect(two.verdict == .shortMemory)
        #expect(two.caveats.contains { $0.hasPrefix("|z| ≤ c_n bounds d") })
    }

    @Test("fewer than two primary estimates → inconclusive (step 1); two are enough")
    func missingPrimary() throws {
        let one = Self.decide(try Self.evidence(whittle: nil, lpw: nil, elw: 0.3))
        #expect(one.verdict == .inconclusive)
        #expect(one.step == 1)
        let two = Self.decide(try Self.evidence(whittle: nil, lpw: 0.3, elw: 0.3))
        #expect(two.verdict == .longMemory)
    }

    static func periodicity(peakIndex: Int) -> PeriodicityCheck {
        let peak = PeriodicityCheck.Peak(
            index: peakIndex, frequency: 2 * Double.pi * Double(peakIndex) / 2000, period: 2000 / Double(peakIndex),
            periodogram: 50, background: 1, ratio: 50, pValue: 1e-20, familyPValue: 1e-17)
        return PeriodicityCheck(
            n: 2000, firstIndex: 3, lastIndex: 999, halfWindow: 11, gap: 2, familyLevel: 0.01, peaks: [peak],
            largest: peak)
    }

    @Test("a significant periodogram peak inside the band j ≤ m → inconclusive (step 2); outside → only a caveat")
    func periodicityInBand() throws {
        // S and E bandwidth 100: a peak at j = 100 is inside, at j = 101 outside.
        let inside = Self.decide(
            try Self.evidence(whittle: 0.4, lpw: 0.4, elw: 0.4, periodicity: Self.periodicity(peakIndex: 100)))
        #expect(inside.verdict == .inconclusive)
        #expect(inside.step == 2)
        #expect(inside.reasons.first?.contains("periodic component") == true)
        let outside = Self.decide(
            try Self.evidence(whittle: 0.4, lpw: 0.4, elw: 0.4, periodicity: Self.periodicity(peakIndex: 101)))
        #expect(outside.verdict == .longMemory)
        #expect(outside.caveats.contains { $0.hasPrefix("periodic component") })
    }

    @Test("multivariate overall verdict: nonstationary > long memory > inconclusive > all antipersistent > short")
    func overall() {
        typealias V = MemoryVerdict
        #expect(MultivariateVerdict.overall([.shortMemory, .longMemory, .inconclusive]) == .longMemory)
        #expect(MultivariateVerdict.overall([.longMemory, .nonstationary]) == .nonstationary)
        #expect(MultivariateVerdict.overall([.shortMemory, .inconclusive]) == .inconclusive)
        #expect(MultivariateVerdict.overall([.antipersistent, .antipersistent]) == .antipersistent)
        #expect(MultivariateVerdict.overall([.antipersistent, .shortMemory]) == .shortMemory)
        #expect(MultivariateVerdict.overall([V]()) == .inconclusive)
    }

    @Test("EstimateClass by c_n: positive, not significant, negative; 95% CI above ½; Whittle at its bound")
    func classes() throws {
        let c = Self.c
        #expect(EstimateClass.classify(try Self.estimate(.localWhittle, 0.2, se: 0.05), threshold: c) == .positive)
        #expect(EstimateClass.classify(try Self.estimate(.localWhittle, -0.2, se: 0.05), threshold: c) == .negative)
        #expect(
            EstimateClass.classify(try Self.estimate(.localWhittle, 0.1, se: 0.05), threshold: c) == .notSignificant)
        #expect(
            EstimateClass.classify(try Self.estimate(.exactLocalWhittle, 0.7, se: 0.05), threshold: c) == .nonstationary
        )
        #expect(EstimateClass.classify(try Self.estimate(.whittle, 0.499, se: 0.02), threshold: c) == .atBound)
        // A missing standard error: no evidence either way.
        #expect(
            EstimateClass.classify(try Self.estimate(.localWhittle, 0.3, se: .nan), threshold: c) == .notSignificant)
    }
}
