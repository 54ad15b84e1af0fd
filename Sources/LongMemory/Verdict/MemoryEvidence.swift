import MemoryNumerics

/// Everything `rnnmem check` computed on one series, as the input of ``VerdictRule/decide(_:)``. Built by
/// ``MemoryCheck/run(_:settings:)``, or directly (for example from synthetic estimates in tests).
public struct MemoryEvidence: Sendable, Equatable {
    /// Number of observations.
    public var n: Int
    /// Estimates of d, in display order. Their role: ``VerdictRule/role(of:in:)``.
    public var estimates: [MemoryEstimate]
    /// Estimators that were attempted and failed, with the error message (a parametric fit can fail where the
    /// semiparametric ones do not).
    public var failedEstimates: [FailedComputation<EstimationMethod>]
    /// Tests of memory (Lo, V/S, KPSS, and Wald tests on the primary estimates), in display order.
    public var tests: [MemoryTestResult]
    /// Tests that were attempted and failed.
    public var failedTests: [FailedComputation<MemoryTestMethod>]
    /// The Definition-1 diagnostic on the sample autocorrelations (supporting evidence), if it could be computed.
    public var definition1: PartialSumDiagnostic?
    /// The search for a periodic component (a periodogram peak away from λ = 0).
    public var periodicity: PeriodicityCheck?
    /// The ARFIMA(p, d, q) Whittle fit whose orders BIC selected (p, q ≤ ``MemoryCheck/maximumOrder``): the primary
    /// parametric estimate (also listed in ``estimates``).
    public var selectedParametric: MemoryEstimate?
    /// Every order tried by the selection, with its BIC (nil when the fit failed).
    public var parametricCandidates: [OrderCandidate]
    /// Qu's (2011) test of true against spurious long memory.
    public var qu: QuTest?
    /// The sample-splitting test of constant d (after Shimotsu 2006).
    public var sampleSplitting: SampleSplittingTest?
    /// The least-squares mean shift and d of the adjusted series.
    public var meanShift: MeanShiftCheck?
    /// Shimotsu's (2006) d-th differencing test (KPSS on (1 − L)^{d̂} x): reported evidence; it enters the reasons
    /// when it rejects but not the decision.
    public var differencing: DifferencingTest?
    /// Checks against spurious long memory that failed, with the error message.
    public var failedChecks: [FailedComputation<String>]

    /// One order of the BIC selection.
    public struct OrderCandidate: Codable, Sendable, Equatable {
        /// AR order.
        public let p: Int
        /// MA order.
        public let q: Int
        /// −2ℓ̂ + (p + q + 2) log n with the Whittle log-likelihood; nil when the fit failed.
        public let bic: Double?
        /// d̂ of this order; nil when the fit failed.
        public let d: Double?
        /// An order with its BIC and d̂.
        public init(p: Int, q: Int, bic: Double?, d: Double?) {
            self.p = p
            self.q = q
            self.bic = bic
            self.d = d
        }
    }

    public init(
        n: Int, estimates: [MemoryEstimate], failedEstimates: [FailedComputation<EstimationMethod>] = [],
        tests: [MemoryTestResult], failedTests: [FailedComputation<MemoryTestMethod>] = [],
        definition1: PartialSumDiagnostic? = nil, periodicity: PeriodicityCheck? = nil,
        selectedParametric: MemoryEstimate? = nil, parametricCandidates: [OrderCandidate] = [], qu: QuTest? = nil,
        sampleSplitting: SampleSplittingTest? = nil, meanShift: MeanShiftCheck? = nil,
        differencing: DifferencingTest? = nil, failedChecks: [FailedComputation<String>] = []
    ) {
        self.n = n
        self.estimates = estimates
        self.failedEstimates = failedEstimates
        self.tests = tests
        self.failedTests = failedTests
        self.definition1 = definition1
        self.periodicity = periodicity
        self.selectedParametric = selectedParametric
        self.parametricCandidates = parametricCandidates
        self.qu = qu
        self.sampleSplitting = sampleSplitting
        self.meanShift = meanShift
        self.differencing = differencing
        self.failedChecks = failedChecks
    }

    /// The first estimate by `method` (for `.whittle`: the BIC-selected fit, listed first).
    public func estimate(_ method: EstimationMethod) -> MemoryEstimate? { estimates.first { $0.method == method } }

    /// The first test by `method` (for Wald tests, use ``waldTest(on:)``).
    public func test(_ method: MemoryTestMethod) -> MemoryTestResult? { tests.first { $0.method == method } }

    /// The Wald test built on an estimate by `method`.
    public func waldTest(on method: EstimationMethod) -> MemoryTestResult? {
        tests.first { $0.method == .wald && $0.estimate?.method == method }
    }
}

/// A computation that failed, with what it was and why.
public struct FailedComputation<Kind: Sendable & Equatable>: Sendable, Equatable {
    public var kind: Kind
    public var message: String
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}
