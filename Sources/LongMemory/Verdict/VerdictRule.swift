import MemoryNumerics

/// The decision list that turns ``MemoryEvidence`` into a ``MemoryVerdict`` (the verdict of `rnnmem check`).
///
/// **Evidence and roles.** *Primary* estimators (default: exact local Whittle with Shimotsu's 2010 mean correction,
/// local Whittle, parametric Whittle ARFIMA(0,d,0); all with m = ⌊n^0.65⌋ where applicable) have valid asymptotic
/// standard errors: 1/(2√m) (Robinson 1995; Shimotsu & Phillips 2005) and the Fisher-information s.e. (for FI(d)
/// √(6/(π²n)), Fox & Taqqu 1986). Each primary estimate is classified by its Wald confidence interval
/// (``EstimateClass``): *positive* (lower bound > 0, d̂ < ½), *contains zero*, *negative* (upper bound < 0), or
/// *nonstationary* (d̂ ≥ ½). The *tests of short memory* are Lo's modified R/S (two-sided), V/S and KPSS (level);
/// a test votes for persistence when it rejects H0 in the upper tail (``MemoryTestResult/rejectionSide``). GPH and
/// the time-domain fits corroborate; R/S, DFA and aggregated variance are heuristics (supporting only).
///
/// **Decision list** (first step that applies; `step` in ``VerdictDecision``):
/// 1. fewer than `minimumPrimary` primary estimates could be computed → *inconclusive*;
/// 2. a significant periodogram peak (``PeriodicityCheck``, family-wise 1%) inside the band j ≤ m of the
///    semiparametric primary estimators → *inconclusive*: a spectral peak away from λ = 0 is not a pole at 0, and it
///    distorts every d̂ that uses those frequencies (yearly sunspots);
/// 3. d̂ ≥ ½ by exact local Whittle (the estimator that is consistent and asymptotically normal for nonstationary
///    d; local Whittle if ELW is missing) → *nonstationary*;
/// 4. another primary d̂ ≥ ½ while ELW's is below ½ → *inconclusive* (at the stationarity boundary);
/// 5. every primary estimate *positive* → *long memory* if at least `requiredRejections` (default 2 of 3; a
///    majority of those available when fewer were computed) tests of short memory reject toward persistence,
///    otherwise *inconclusive* (the estimators and the tests disagree);
/// 6. every primary interval *contains zero* → *short memory* if fewer than that many tests reject toward
///    persistence, otherwise *inconclusive*;
/// 7. every primary estimate *negative* → *antipersistent* unless that many tests reject toward persistence
///    (V/S and KPSS have no power against antipersistence; Lo's lower tail supports it), otherwise *inconclusive*;
/// 8. otherwise the primary estimators disagree → *inconclusive*.
///
/// The Definition-1 slope, GPH, the heuristics and periodic components outside the band enter the caveats only.
/// The rule asks for agreement of estimators with different weaknesses (LW: mean-invariant, stationary range; ELW:
/// valid beyond ½; Whittle: parametric, efficient when FI(d) is right) *and* of tests with different nulls; it
/// cannot separate long memory from short-memory persistence near a unit root, level shifts or trends (Qu 2011),
/// which is said in the caveats of every long-memory verdict.
public struct VerdictRule: Sendable, Equatable {
    /// The primary estimators, in the order their classes are reported.
    public var primaryMethods: [EstimationMethod]
    /// The estimator whose d̂ ≥ ½ means nonstationary.
    public var nonstationarityMethod: EstimationMethod
    /// The tests of short memory that vote.
    public var shortMemoryTests: [MemoryTestMethod]
    /// Votes for persistence needed (when all of `shortMemoryTests` are available).
    public var requiredRejections: Int
    /// Fewest primary estimates for a verdict.
    public var minimumPrimary: Int

    public init(
        primaryMethods: [EstimationMethod] = [.exactLocalWhittle, .localWhittle, .whittle], nonstationarityMethod: EstimationMethod = .exactLocalWhittle,
        shortMemoryTests: [MemoryTestMethod] = [.loModifiedRescaledRange, .rescaledVariance, .kwiatkowskiPhillipsSchmidtShin], requiredRejections: Int = 2, minimumPrimary: Int = 2
    ) {
        self.primaryMethods = primaryMethods
        self.nonstationarityMethod = nonstationarityMethod
        self.shortMemoryTests = shortMemoryTests
        self.requiredRejections = requiredRejections
        self.minimumPrimary = minimumPrimary
    }

    /// The default rule documented above.
    public static let standard = VerdictRule()

    /// The role of an estimator under the default rule.
    public static func role(of method: EstimationMethod) -> EvidenceRole {
        switch method {
        case .localWhittle, .exactLocalWhittle, .whittle: return .primary
        case .gewekePorterHudak, .twoStepExactLocalWhittle, .haslettRaftery, .exactMaximumLikelihood, .conditionalSumOfSquares: return .corroborating
        case .rescaledRange, .detrendedFluctuationAnalysis, .aggregatedVariance: return .heuristic
        }
    }

    /// The role of an estimator under this rule (primary if listed in ``primaryMethods``).
    public func role(of method: EstimationMethod) -> EvidenceRole {
        if primaryMethods.contains(method) { return .primary }
        return VerdictRule.role(of: method) == .heuristic ? .heuristic : .corroborating
    }

    /// Votes needed among `available` tests: `requiredRejections` when all are available, else a majority.
    public func votesNeeded(available: Int) -> Int {
        available >= shortMemoryTests.count ? requiredRejections : available / 2 + 1
    }

    /// Apply the decision list.
    public func decide(_ e: MemoryEvidence) -> VerdictDecision {
        let primary = primaryMethods.compactMap { e.estimate($0) }
        let headline = e.estimate(nonstationarityMethod) ?? primary.first
        let classes = primary.map {
            VerdictDecision.PrimaryClass(method: $0.method, estimateClass: EstimateClass.classify($0))
        }
        let votingTests = shortMemoryTests.compactMap { e.test($0) }
        let persistent = votingTests.filter { $0.reject && $0.rejectionSide == .greater }
        let needed = votesNeeded(available: votingTests.count)
        let level = primary.first?.confidenceInterval.level ?? 0.95
        var caveats = commonCaveats(e, primary: primary)

        func decision(_ v: MemoryVerdict, step: Int, _ reasons: [String]) -> VerdictDecision {
            var c = caveats
            c += verdictCaveats(v, e, primary: primary, headline: headline)
            return VerdictDecision(
                verdict: v, headline: headline, reasons: reasons, caveats: c, primaryClasses: classes,
                persistentRejections: persistent.count, shortMemoryTestsAvailable: votingTests.count, step: step)
        }
        let testSentence = testsSentence(votingTests, persistent: persistent, needed: needed)

        // 1. Enough primary estimates.
        guard primary.count >= minimumPrimary else {
            let missing = primaryMethods.filter { m in !primary.contains { $0.method == m } }
            return decision(
                .inconclusive, step: 1,
                [
                    "only \(primary.count) of \(primaryMethods.count) primary estimators could be computed (missing: "
                        + missing.map(\.rawValue).joined(separator: ", ") + "); at least \(minimumPrimary) are needed"
                ])
        }
        // 2. A periodic component inside the band.
        let band = primary.compactMap(\.bandwidth).max() ?? 0
        if let p = e.periodicity, let peak = p.peaks(withinBand: band).first {
            return decision(
                .inconclusive, step: 2,
                [
                    "a periodic component: periodogram peak at period \(VerdictText.fixed(peak.period, 2)) "
                        + "(λ = \(VerdictText.fixed(peak.frequency, 4)), j = \(peak.index)), \(VerdictText.fixed(peak.ratio, 1)) "
                        + "times the local background, family-wise p = \(VerdictText.pValue(peak.familyPValue))",
                    "the peak lies inside the band j ≤ \(band) that the local Whittle estimators use: a spectral peak "
                        + "away from λ = 0 is not the pole f(λ) ~ λ^(-2d) of long memory, and it distorts every d̂ "
                        + "(here "
                        + primary.map { "\($0.method.rawValue) \(VerdictText.fixed($0.d))" }.joined(separator: ", ")
                        + ")",
                    "remove the cycle (or model it) before measuring memory",
                ])
        }
        // 3. Nonstationary by ELW.
        let nsEstimate = e.estimate(nonstationarityMethod) ?? e.estimate(.localWhittle)
        if let ns = nsEstimate, ns.d >= 0.5 {
            var r = [
                "\(ns.method.displayName) d̂ = \(VerdictText.fixed(ns.d)) ≥ ½, \(VerdictText.percent(ns.confidenceInterval.level)) CI "
                    + "\(VerdictText.interval(ns.confidenceInterval)) (\(briefTuning(ns))); this estimator is consistent "
                    + "for nonstationary d (Shimotsu & Phillips 2005)"
            ]
            if ns.confidenceInterval.lower <= 0.5 {
                r.append("the interval also holds stationary values d < ½: the series is at or beyond the boundary")
            } else {
                r.append("the interval lies above ½")
            }
            return decision(.nonstationary, step: 3, r)
        }
        // 4. Another primary estimate at or above ½.
        let high = primary.filter { $0.d >= 0.5 }
        if !high.isEmpty {
            return decision(
                .inconclusive, step: 4,
                [
                    "at the stationarity boundary: "
                        + high.map { "\($0.method.rawValue) d̂ = \(VerdictText.fixed($0.d)) ≥ ½" }.joined(
                            separator: ", ")
                        + ", while \(nsEstimate.map { "\($0.method.rawValue) d̂ = \(VerdictText.fixed($0.d))" } ?? "ELW") is below ½"
                ])
        }
        let allClasses = Set(classes.map(\.estimateClass))
        let estimatesSentence = primarySentence(primary, level: level)
        if allClasses == [.positive] {
            // 5. Long memory.
            if persistent.count >= needed {
                return decision(.longMemory, step: 5, [estimatesSentence, testSentence])
            }
            return decision(
                .inconclusive, step: 5,
                [
                    estimatesSentence, testSentence,
                    "the estimators find d > 0 but the tests of short memory do not agree",
                ])
        }
        if allClasses == [.containsZero] {
            // 6. Short memory.
            if persistent.count < needed || votingTests.isEmpty {
                return decision(.shortMemory, step: 6, [estimatesSentence, testSentence])
            }
            return decision(
                .inconclusive, step: 6,
                [estimatesSentence, testSentence, "the intervals contain d = 0 but the tests reject short memory"])
        }
        if allClasses == [.negative] {
            // 7. Antipersistence.
            if persistent.count < needed || votingTests.isEmpty {
                var r = [estimatesSentence]
                if let lo = e.test(.loModifiedRescaledRange), lo.reject, lo.rejectionSide == .less {
                    r.append("Lo's modified R/S rejects short memory in the lower tail (antipersistence)")
                }
                r.append(testSentence)
                return decision(.antipersistent, step: 7, r)
            }
            return decision(
                .inconclusive, step: 7,
                [estimatesSentence, testSentence, "the estimators find d < 0 but tests reject toward persistence"])
        }
        // 8. Disagreement.
        caveats.append(
            "the primary estimators disagree; compare bandwidths (--bandwidth, --alpha) with rnnmem estimate")
        return decision(
            .inconclusive, step: 8, ["the primary estimators disagree: " + estimatesSentence, testSentence])
    }

    // MARK: - Sentences

    func briefTuning(_ e: MemoryEstimate) -> String {
        if let m = e.bandwidth { return "m = \(m)" }
        if let o = e.order { return o.description }
        if let s = e.scales, let a = s.first, let b = s.last { return "scales \(a)…\(b)" }
        return e.tuningDescription
    }

    func primarySentence(_ primary: [MemoryEstimate], level: Double) -> String {
        let parts = primary.map { p -> String in
            "\(p.method.rawValue) \(VerdictText.fixed(p.d)) \(VerdictText.interval(p.confidenceInterval)) "
                + "(\(EstimateClass.classify(p).describe(level: p.confidenceInterval.level)))"
        }
        return "primary estimates of d with \(VerdictText.percent(level)) CIs: " + parts.joined(separator: "; ")
    }

    func testsSentence(_ tests: [MemoryTestResult], persistent: [MemoryTestResult], needed: Int) -> String {
        guard !tests.isEmpty else { return "no test of short memory could be computed" }
        var s = "\(persistent.count) of \(tests.count) tests of short memory reject toward persistence"
        if !persistent.isEmpty { s += " (" + persistent.map(\.name).joined(separator: ", ") + ")" }
        return s + "; \(needed) needed"
    }

    // MARK: - Caveats

    func commonCaveats(_ e: MemoryEvidence, primary: [MemoryEstimate]) -> [String] {
        var c: [String] = []
        for f in e.failedEstimates { c.append("estimator \(f.kind.rawValue) failed: \(f.message)") }
        for f in e.failedTests { c.append("test \(f.kind.rawValue) failed: \(f.message)") }
        let band = primary.compactMap(\.bandwidth).max() ?? 0
        if let p = e.periodicity {
            for peak in p.peaks where peak.index > band {
                c.append(
                    "periodic component at period \(VerdictText.fixed(peak.period, 2)) (j = \(peak.index), "
                        + "\(VerdictText.fixed(peak.ratio, 1))× the local background, family-wise p = "
                        + "\(VerdictText.pValue(peak.familyPValue))): outside the band j ≤ \(band) of the local Whittle "
                        + "estimators, but it makes the ACF oscillate and affects the heuristics")
            }
        }
        return c
    }

    func verdictCaveats(
        _ v: MemoryVerdict, _ e: MemoryEvidence, primary: [MemoryEstimate], headline: MemoryEstimate?
    ) -> [String] {
        var c: [String] = []
        // Corroborating estimators whose interval does not contain the headline estimate.
        if v != .inconclusive, let h = headline {
            for est in e.estimates where role(of: est.method) == .corroborating && !est.confidenceInterval.contains(h.d)
            {
                c.append(
                    "\(est.method.rawValue) (corroborating, \(briefTuning(est))): d̂ = \(VerdictText.fixed(est.d)), its "
                        + "\(VerdictText.percent(est.confidenceInterval.level)) CI \(VerdictText.interval(est.confidenceInterval)) "
                        + "excludes the \(h.method.rawValue) estimate \(VerdictText.fixed(h.d))")
            }
        }
        let heuristics = e.estimates.filter { role(of: $0.method) == .heuristic }
        if !heuristics.isEmpty {
            c.append(
                "heuristics (supporting only; their regression s.e. treat dependent points as independent): "
                    + heuristics.map { "\($0.method.rawValue) d = \(VerdictText.fixed($0.d))" }.joined(separator: ", "))
        }
        if let d1 = e.definition1, d1.slope.isFinite {
            var s =
                "Definition 1 (supporting only): the \(d1.kind.rawValue) partial sums of the sample ACF over "
                + "K = \(d1.fitLower)…\(d1.fitUpper) grow with log–log slope \(VerdictText.fixed(d1.slope)) ± "
                + "\(VerdictText.fixed(d1.standardError)) (\(d1.growth.rawValue)"
            if d1.growth == .growing { s += ", implied d = \(VerdictText.fixed(d1.impliedD))" }
            s += "); sample-ACF sums are fragile (Σ_{k=1}^{n−1} ρ̂(k) = −½ for every series)"
            c.append(s)
        }
        switch v {
        case .longMemory:
            c.append(
                "short-memory persistence (AR-type dynamics) also biases semiparametric d̂ upward and makes the tests "
                    + "reject; level shifts and trends mimic long memory (Qu 2011): compare an ARFIMA(p,d,q) fit "
                    + "(rnnmem estimate --method whittle --ar-order 1) and a smaller bandwidth")
        case .nonstationary:
            c.append(
                "local Whittle is inconsistent for d > 1 and the parametric Whittle fit is restricted to (−½, ½); "
                    + "difference the series and check again to estimate d − 1")
        case .shortMemory:
            c.append("a CI containing 0 bounds d; it does not prove d = 0 (a small d needs a long series)")
        case .antipersistent, .inconclusive:
            break
        }
        return c
    }
}

extension VerdictText {
    /// A p-value: 4 decimals, or 2 significant digits in exponent notation below 10⁻⁴.
    static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "nan" }
        if p >= 1e-4 { return fixed(p, 4) }
        if p <= 0 { return "0" }
        let e = Int(Double.log10(p).rounded(.down))
        var m = p / Double.pow(10, Double(e))
        var ee = e
        m = (m * 10).rounded() / 10
        if m >= 10 {
            m /= 10
            ee += 1
        }
        return "\(fixed(m, 1))e\(ee)"
    }
}
