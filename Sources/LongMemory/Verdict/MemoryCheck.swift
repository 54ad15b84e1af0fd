import MemoryNumerics

/// Settings of ``MemoryCheck``.
public struct MemoryCheckSettings: Sendable, Equatable {
    /// Coverage of the Wald confidence intervals (default 0.95).
    public var confidenceLevel: Double
    /// Significance level of the tests (default 0.05).
    public var testLevel: Double
    /// m = ⌊n^α⌋ of local Whittle and exact local Whittle (default 0.65).
    public var whittleBandwidthExponent: Double
    /// m = ⌊n^α⌋ of GPH (default 0.5).
    public var gphBandwidthExponent: Double
    /// Family-wise level of the periodicity check (default 0.01).
    public var periodicityLevel: Double
    /// The decision list.
    public var rule: VerdictRule

    public init(
        confidenceLevel: Double = 0.95, testLevel: Double = 0.05, whittleBandwidthExponent: Double = 0.65,
        gphBandwidthExponent: Double = 0.5, periodicityLevel: Double = PeriodicityDetection.defaultFamilyLevel,
        rule: VerdictRule = .standard
    ) {
        self.confidenceLevel = confidenceLevel
        self.testLevel = testLevel
        self.whittleBandwidthExponent = whittleBandwidthExponent
        self.gphBandwidthExponent = gphBandwidthExponent
        self.periodicityLevel = periodicityLevel
        self.rule = rule
    }
}

/// The result of ``MemoryCheck/run(_:settings:)``: the evidence, the verdict, and the data of the two figures.
public struct MemoryCheckReport: Sendable, Equatable {
    public var evidence: MemoryEvidence
    public var decision: VerdictDecision
    /// The periodogram at j = 1…⌊n/2⌋ (the periodogram figure).
    public var periodogram: SampleStatistics.Periodogram
    /// The local Whittle fit f(λ) ≈ G·λ^{−2d̂} over its band (the line of the periodogram figure); nil if LW failed.
    public var spectralFit: SpectralPowerLaw?
    /// Sample ACF with power-law and exponential fits (the ACF figure).
    public var acfDecay: ACFDecayFit
    public var settings: MemoryCheckSettings

    public var n: Int { evidence.n }
    public var verdict: MemoryVerdict { decision.verdict }
}

/// f(λ) ≈ G·λ^{−2d} over the Fourier frequencies j = 1…bandwidth (from a local Whittle fit).
public struct SpectralPowerLaw: Codable, Sendable, Equatable {
    public var d: Double
    public var scale: Double
    public var bandwidth: Int
    /// G·λ^{−2d}.
    public func value(at lambda: Double) -> Double { scale * Double.exp(-2 * d * Double.log(lambda)) }
}

/// `rnnmem check`: every estimator, test and diagnostic of memory on one series, and the verdict of
/// ``VerdictRule``.
///
/// Computed: primary estimates — Whittle ARFIMA(p, d, q) with the orders selected by BIC over p, q ≤ 3 (Schwarz
/// 1978; the fast Whittle likelihood, one periodogram for all sixteen fits), local polynomial Whittle (Andrews & Sun
/// 2004, r = 1) and exact local Whittle (Shimotsu 2010 mean correction; valid for nonstationary d), both
/// m = ⌊n^0.65⌋; corroborating local Whittle (same m), Whittle ARFIMA(0,d,0) (when not selected) and GPH
/// (m = ⌊n^0.5⌋); heuristic R/S (Anis–Lloyd–Peters), DFA-1 and aggregated variance; tests — Lo's modified R/S
/// (two-sided, Andrews lag), V/S (Andrews lag), KPSS level (Hobijn–Franses–Ooms lag) and the Wald tests of d = 0 on
/// the primary estimates; checks against spurious long memory — Qu's (2011) test, the sample-splitting test (after
/// Shimotsu 2006), Shimotsu's (2006) d-th differencing test (KPSS of Kwiatkowski et al. 1992 on (1 − L)^{d̂} x, d̂ by exact
/// local Whittle; reported, not used by the decision) and the least-squares mean shift (Bai 1994); the Definition-1 diagnostic on the signed partial
/// sums of the sample ACF (K ≤ n/10); the periodicity check; the ACF decay fits. An estimator or test that fails is
/// recorded (``MemoryEvidence/failedEstimates``), not fatal.
public enum MemoryCheck {
    /// Fewest observations: m = ⌊n^0.65⌋ ≥ 19 frequencies for the local Whittle estimators and a Definition-1 curve
    /// up to K = n/10 ≥ 10 lags.
    public static let minimumLength = 100

    /// The largest AR and MA order of the BIC selection.
    public static let maximumOrder = 3

    /// The estimators computed, in display order (the Whittle row is the BIC-selected fit; the (0,d,0) fit follows
    /// the semiparametric rows when another order was selected).
    public static let estimators: [EstimationMethod] = [
        .whittle, .localPolynomialWhittle, .exactLocalWhittle, .localWhittle, .gewekePorterHudak, .rescaledRange,
        .detrendedFluctuationAnalysis, .aggregatedVariance,
    ]

    /// Validate (finite, at least ``minimumLength`` values, not constant) and run every check.
    public static func run(_ x: [Double], settings: MemoryCheckSettings = MemoryCheckSettings()) throws
        -> MemoryCheckReport
    {
        try Validate.finite(x)
        try Validate.length(x, atLeast: minimumLength, for: "rnnmem check (a memory verdict)")
        try Validate.nonConstant(x)
        let n = x.count
        let whittleBand = Bandwidth.exponent(settings.whittleBandwidthExponent)
        var estimates: [MemoryEstimate] = []
        var failedEstimates: [FailedComputation<EstimationMethod>] = []
        var parametric = ARFIMAFitOptions()
        parametric.confidenceLevel = settings.confidenceLevel
        var selected: MemoryEstimate? = nil
        var candidates: [MemoryEvidence.OrderCandidate] = []
        var whiteFI: MemoryEstimate? = nil
        for method in estimators {
            do {
                let e: MemoryEstimate
                switch method {
                case .whittle:
                    let selection = try ParametricEstimation.whittleOrderSelection(
                        x, maxP: maximumOrder, maxQ: maximumOrder, options: parametric)
                    candidates = selection.candidates.map {
                        MemoryEvidence.OrderCandidate(p: $0.p, q: $0.q, bic: $0.bic, d: $0.d)
                    }
                    e = selection.selected.estimate
                    selected = e
                    if selection.selected.model.ar.count + selection.selected.model.ma.count > 0 {
                        whiteFI = selection.fractionalNoise.estimate
                    }
                case .localPolynomialWhittle:
                    e = try LocalPolynomialWhittle.estimate(
                        x, bandwidth: whittleBand, confidenceLevel: settings.confidenceLevel)
                case .exactLocalWhittle:
                    e = try ExactLocalWhittle.estimate(
                        x, bandwidth: whittleBand, confidenceLevel: settings.confidenceLevel)
                case .localWhittle:
                    e = try LocalWhittle.estimate(x, bandwidth: whittleBand, confidenceLevel: settings.confidenceLevel)
                case .gewekePorterHudak:
                    if let fi = whiteFI { estimates.append(fi) }
                    e = try GPH.estimate(
                        x, bandwidth: .exponent(settings.gphBandwidthExponent),
                        confidenceLevel: settings.confidenceLevel)
                default:
                    e = try MemoryEstimator.estimate(
                        x, method: method, settings: EstimatorSettings(confidenceLevel: settings.confidenceLevel))
                }
                estimates.append(e)
            } catch {
                failedEstimates.append(FailedComputation(kind: method, message: "\(error)"))
            }
        }
        var tests: [MemoryTestResult] = []
        var failedTests: [FailedComputation<MemoryTestMethod>] = []
        for method in [MemoryTestMethod.loModifiedRescaledRange, .rescaledVariance, .kwiatkowskiPhillipsSchmidtShin] {
            do {
                tests.append(
                    try MemoryTester.test(x, method: method, settings: MemoryTestSettings(level: settings.testLevel)))
            } catch {
                failedTests.append(FailedComputation(kind: method, message: "\(error)"))
            }
        }
        let partial = MemoryEvidence(n: n, estimates: estimates, tests: [], selectedParametric: selected)
        for e in estimates where settings.rule.role(of: e, in: partial) == .primary {
            do {
                tests.append(try WaldMemoryTest.test(estimate: e, level: settings.testLevel))
            } catch {
                failedTests.append(FailedComputation(kind: .wald, message: "on \(e.method.rawValue): \(error)"))
            }
        }
        var failedChecks: [FailedComputation<String>] = []
        let checkLevel = settings.rule.spuriousTestLevel
        var qu: QuTest? = nil
        do { qu = try QuTest.test(x, level: checkLevel) } catch {
            failedChecks.append(FailedComputation(kind: "qu", message: "\(error)"))
        }
        var splitting: SampleSplittingTest? = nil
        do {
            splitting = try SampleSplittingTest.test(
                x, exponent: settings.whittleBandwidthExponent, level: settings.rule.splittingTestLevel)
        } catch {
            failedChecks.append(FailedComputation(kind: "sample_splitting", message: "\(error)"))
        }
        var shift: MeanShiftCheck? = nil
        do { shift = try MeanShiftCheck.check(x, confidenceLevel: settings.confidenceLevel) } catch {
            failedChecks.append(FailedComputation(kind: "mean_shift", message: "\(error)"))
        }
        var differencing: DifferencingTest? = nil
        do {
            differencing = try DifferencingTest.test(
                x, exponent: settings.whittleBandwidthExponent, level: 0.05)
        } catch {
            failedChecks.append(FailedComputation(kind: "differencing", message: "\(error)"))
        }
        let definition1 = try? PartialSumDiagnostics.sample(x)
        let pgram = try SampleStatistics.periodogram(x)
        let periodicity = try? PeriodicityDetection.check(periodogram: pgram, familyLevel: settings.periodicityLevel)
        let evidence = MemoryEvidence(
            n: n, estimates: estimates, failedEstimates: failedEstimates, tests: tests, failedTests: failedTests,
            definition1: definition1, periodicity: periodicity, selectedParametric: selected,
            parametricCandidates: candidates, qu: qu, sampleSplitting: splitting, meanShift: shift,
            differencing: differencing, failedChecks: failedChecks)
        let decision = settings.rule.decide(evidence)
        var fit: SpectralPowerLaw? = nil
        if let lw = evidence.estimate(.localWhittle), let m = lw.bandwidth,
            let g = lw.auxiliary.first(where: { $0.name == "G" })
        {
            fit = SpectralPowerLaw(d: lw.d, scale: g.value, bandwidth: m)
        }
        return MemoryCheckReport(
            evidence: evidence, decision: decision, periodogram: pgram, spectralFit: fit,
            acfDecay: try ACFDecayFit.fit(x), settings: settings)
    }
}
