import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// The decision list of `VerdictRule` on synthetic evidence: each test builds estimates with chosen d̂ and s.e.
/// (95% Wald intervals d̂ ± 1.96·s.e.) and tests with chosen decisions, and checks the verdict and the step of the
/// list that produced it. Each case sits on one side of a threshold of the rule, so a changed threshold fails.
@Suite("Verdict rule on synthetic evidence")
struct VerdictRuleTests {
    /// An estimate with d̂, s.e. and bandwidth (95% Wald interval).
    static func estimate(_ m: EstimationMethod, _ d: Double, se: Double = 0.05, bandwidth: Int? = 100) throws
        -> MemoryEstimate
    {
        try MemoryEstimate(
            method: m, variant: "synthetic", d: d, standardError: se, confidenceLevel: 0.95, n: 1000,
            bandwidth: bandwidth, tuningDescription: "synthetic")
    }

    /// A test whose statistic falls above (`.greater`), below (`.less`) or inside (nil) the region [−2, 2].
    static func test(_ m: MemoryTestMethod, _ side: TestAlternative?) -> MemoryTestResult {
        let statistic: Double = side == .greater ? 3 : (side == .less ? -3 : 0)
        return MemoryTestResult(
            method: m, name: m.displayName, statistic: statistic, level: 0.05, alternative: .twoSided,
            criticalValue: CriticalRegion(lower: -2, upper: 2), criticalValues: [], pValue: .point(0.5),
            nullHypothesis: "short memory", alternativeHypothesis: "memory", n: 1000)
    }

    /// Evidence with the three primary estimates at the given d̂ (s.e. 0.05) and Lo, V/S, KPSS decisions.
    static func evidence(
        elw: Double, lw: Double, whittle: Double, tests sides: [TestAlternative?], extra: [MemoryEstimate] = [],
        periodicity: PeriodicityCheck? = nil
    ) throws -> MemoryEvidence {
        let methods: [MemoryTestMethod] = [.loModifiedRescaledRange, .rescaledVariance, .kwiatkowskiPhillipsSchmidtShin]
        return MemoryEvidence(
            n: 1000,
            estimates: [
                try estimate(.exactLocalWhittle, elw), try estimate(.localWhittle, lw), try estimate(.whittle, whittle, bandwidth: nil),
            ] + extra,
            tests: zip(methods, sides).map { test($0.0, $0.1) }, periodicity: periodicity)
    }

    @Test("every primary CI above 0 and 3 of 3 tests reject → long memory (step 5), headline ELW")
    func longMemory() throws {
        let d = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.4, lw: 0.38, whittle: 0.35, tests: [.greater, .greater, .greater]))
        #expect(d.verdict == .longMemory)
        #expect(d.step == 5)
        #expect(d.headline?.method == .exactLocalWhittle)
        #expect(d.persistentRejections == 3)
        #expect(d.primaryClasses.map(\.estimateClass) == [.positive, .positive, .positive])
    }

    @Test("long memory needs 2 of 3 persistent rejections: 2 suffice, 1 does not")
    func longMemoryVoteThreshold() throws {
        let two = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.3, lw: 0.3, whittle: 0.3, tests: [nil, .greater, .greater]))
        #expect(two.verdict == .longMemory)
        let one = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.3, lw: 0.3, whittle: 0.3, tests: [nil, nil, .greater]))
        #expect(one.verdict == .inconclusive)
        #expect(one.step == 5)
        // A rejection in the lower tail (antipersistence) is not a vote for persistence.
        let lower = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.3, lw: 0.3, whittle: 0.3, tests: [.less, nil, .greater]))
        #expect(lower.verdict == .inconclusive)
    }

    @Test("CI lower bound just above / just below 0 decides positive versus contains-zero (d̂ = ±1.96·s.e. ± ε)")
    func intervalBoundary() throws {
        // s.e. 0.05: the interval excludes 0 iff d̂ > 1.959964·0.05 = 0.0979982.
        let above = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.0981, lw: 0.0981, whittle: 0.0981, tests: [.greater, .greater, nil]))
        #expect(above.verdict == .longMemory)
        let below = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.0979, lw: 0.0981, whittle: 0.0981, tests: [.greater, .greater, nil]))
        #expect(below.verdict == .inconclusive)
        #expect(below.step == 8)
    }

    @Test("every CI contains 0 → short memory unless 2 tests reject toward persistence")
    func shortMemory() throws {
        let s = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.02, lw: -0.01, whittle: 0.0, tests: [nil, .greater, nil]))
        #expect(s.verdict == .shortMemory)
        #expect(s.step == 6)
        let c = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.02, lw: -0.01, whittle: 0.0, tests: [.greater, .greater, nil]))
        #expect(c.verdict == .inconclusive)
        #expect(c.step == 6)
    }

    @Test("every CI below 0 → antipersistent; Lo's lower-tail rejection is cited; 2 persistent votes → inconclusive")
    func antipersistent() throws {
        let a = VerdictRule.standard.decide(
            try Self.evidence(elw: -0.3, lw: -0.25, whittle: -0.3, tests: [.less, nil, nil]))
        #expect(a.verdict == .antipersistent)
        #expect(a.step == 7)
        #expect(a.reasons.contains { $0.contains("lower tail") })
        let c = VerdictRule.standard.decide(
            try Self.evidence(elw: -0.3, lw: -0.25, whittle: -0.3, tests: [nil, .greater, .greater]))
        #expect(c.verdict == .inconclusive)
    }

    @Test("ELW d̂ ≥ ½ → nonstationary (step 3) whatever the others say; the reason says whether the CI holds d < ½")
    func nonstationary() throws {
        let n = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.62, lw: 0.3, whittle: 0.0, tests: [nil, nil, nil]))
        #expect(n.verdict == .nonstationary)
        #expect(n.step == 3)
        #expect(n.reasons.contains { $0.contains("lies above ½") })  // lower bound 0.62 − 1.96·0.05 = 0.522 > ½
        let wide = VerdictRule.standard.decide(
            MemoryEvidence(
                n: 1000,
                estimates: [
                    try Self.estimate(.exactLocalWhittle, 0.55, se: 0.1), try Self.estimate(.localWhittle, 0.5),
                    try Self.estimate(.whittle, 0.45),
                ],
                tests: []))
        #expect(wide.verdict == .nonstationary)
        #expect(wide.reasons.contains { $0.contains("also holds stationary values") })
        let just = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.4999, lw: 0.3, whittle: 0.3, tests: [.greater, .greater, .greater]))
        #expect(just.verdict == .longMemory)
    }

    @Test("another primary d̂ ≥ ½ while ELW is below ½ → inconclusive at the boundary (step 4)")
    func boundary() throws {
        let d = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.45, lw: 0.52, whittle: 0.45, tests: [.greater, .greater, .greater]))
        #expect(d.verdict == .inconclusive)
        #expect(d.step == 4)
    }

    @Test("primary estimators in different classes → inconclusive (step 8)")
    func disagreement() throws {
        let d = VerdictRule.standard.decide(
            try Self.evidence(elw: 0.3, lw: 0.02, whittle: 0.3, tests: [.greater, .greater, .greater]))
        #expect(d.verdict == .inconclusive)
        #expect(d.step == 8)
        #expect(d.primaryClasses.map(\.estimateClass) == [.positive, .containsZero, .positive])
    }

    @Test("fewer than two primary estimates → inconclusive (step 1); two are enough")
    func missingPrimary() throws {
        let one = VerdictRule.standard.decide(
            MemoryEvidence(n: 1000, estimates: [try Self.estimate(.localWhittle, 0.4)], tests: [Self.test(.loModifiedRescaledRange, .greater)]))
        #expect(one.verdict == .inconclusive)
        #expect(one.step == 1)
        let two = VerdictRule.standard.decide(
            MemoryEvidence(
                n: 1000, estimates: [try Self.estimate(.localWhittle, 0.4), try Self.estimate(.whittle, 0.4)],
                tests: [Self.test(.loModifiedRescaledRange, .greater), Self.test(.rescaledVariance, .greater), Self.test(.kwiatkowskiPhillipsSchmidtShin, nil)]))
        #expect(two.verdict == .longMemory)
        #expect(two.headline?.method == .localWhittle)  // ELW missing: the first primary estimate is quoted
    }

    @Test("votes needed: 2 of 3; with fewer tests available a majority of those (1 of 1, 2 of 2)")
    func votesNeeded() throws {
        let rule = VerdictRule.standard
        #expect(rule.votesNeeded(available: 3) == 2)
        #expect(rule.votesNeeded(available: 2) == 2)
        #expect(rule.votesNeeded(available: 1) == 1)
        let e = MemoryEvidence(
            n: 1000,
            estimates: [try Self.estimate(.exactLocalWhittle, 0.3), try Self.estimate(.localWhittle, 0.3), try Self.estimate(.whittle, 0.3)],
            tests: [Self.test(.rescaledVariance, .greater)])
        #expect(rule.decide(e).verdict == .longMemory)
    }

    @Test("heuristics, GPH and Wald tests do not vote: they leave the verdict unchanged")
    func supportingEvidenceDoesNotVote() throws {
        var e = try Self.evidence(
            elw: 0.02, lw: 0.01, whittle: 0.0, tests: [nil, nil, nil],
            extra: [
                try Self.estimate(.rescaledRange, 0.45, se: 0.001), try Self.estimate(.detrendedFluctuationAnalysis, 0.4, se: 0.001),
                try Self.estimate(.gewekePorterHudak, 0.45, se: 0.01),
            ])
        e.tests.append(Self.test(.wald, .greater))
        e.tests.append(Self.test(.wald, .greater))
        let d = VerdictRule.standard.decide(e)
        #expect(d.verdict == .shortMemory)
        // GPH's interval [0.43, 0.47] excludes the ELW estimate 0.02: reported as a caveat.
        #expect(d.caveats.contains { $0.hasPrefix("gph (corroborating") })
        #expect(d.caveats.contains { $0.hasPrefix("heuristics (supporting only") })
    }

    static func periodicity(peakIndex: Int) -> PeriodicityCheck {
        let peak = PeriodicityCheck.Peak(
            index: peakIndex, frequency: 2 * Double.pi * Double(peakIndex) / 1000, period: 1000 / Double(peakIndex),
            periodogram: 50, background: 1, ratio: 50, pValue: 1e-20, familyPValue: 1e-17)
        return PeriodicityCheck(
            n: 1000, firstIndex: 3, lastIndex: 499, halfWindow: 11, gap: 2, familyLevel: 0.01, peaks: [peak],
            largest: peak)
    }

    @Test("a significant periodogram peak inside the band j ≤ m → inconclusive (step 2); outside → only a caveat")
    func periodicityInBand() throws {
        // Primary bandwidth 100: a peak at j = 100 is inside, at j = 101 outside.
        let inside = VerdictRule.standard.decide(
            try Self.evidence(
                elw: 0.4, lw: 0.4, whittle: 0.4, tests: [.greater, .greater, .greater],
                periodicity: Self.periodicity(peakIndex: 100)))
        #expect(inside.verdict == .inconclusive)
        #expect(inside.step == 2)
        #expect(inside.reasons.first?.contains("periodic component") == true)
        let outside = VerdictRule.standard.decide(
            try Self.evidence(
                elw: 0.4, lw: 0.4, whittle: 0.4, tests: [.greater, .greater, .greater],
                periodicity: Self.periodicity(peakIndex: 101)))
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

    @Test("EstimateClass: d̂ ≥ ½ is nonstationary before the interval is looked at")
    func classes() throws {
        #expect(EstimateClass.classify(try Self.estimate(.localWhittle, 0.5)) == .nonstationary)
        #expect(EstimateClass.classify(try Self.estimate(.localWhittle, 0.2)) == .positive)
        #expect(EstimateClass.classify(try Self.estimate(.localWhittle, -0.2)) == .negative)
        #expect(EstimateClass.classify(try Self.estimate(.localWhittle, 0.05)) == .containsZero)
        // A missing standard error gives (−∞, ∞): contains zero.
        #expect(EstimateClass.classify(try Self.estimate(.localWhittle, 0.3, se: .nan)) == .containsZero)
    }
}
