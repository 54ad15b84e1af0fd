import MemoryNumerics

/// Everything `rnnmem check` computed on one series, as the input of ``VerdictRule/decide(_:)``. Built by
/// ``MemoryCheck/run(_:settings:)``, or directly (for example from synthetic estimates in tests).
public struct MemoryEvidence: Sendable, Equatable {
    /// Number of observations.
    public var n: Int
    /// Estimates of d, in display order. Their role follows from the method (``VerdictRule/role(of:)-swift.type.method``).
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

    public init(
        n: Int, estimates: [MemoryEstimate], failedEstimates: [FailedComputation<EstimationMethod>] = [],
        tests: [MemoryTestResult], failedTests: [FailedComputation<MemoryTestMethod>] = [],
        definition1: PartialSumDiagnostic? = nil, periodicity: PeriodicityCheck? = nil
    ) {
        self.n = n
        self.estimates = estimates
        self.failedEstimates = failedEstimates
        self.tests = tests
        self.failedTests = failedTests
        self.definition1 = definition1
        self.periodicity = periodicity
    }

    /// The first estimate by `method`.
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
