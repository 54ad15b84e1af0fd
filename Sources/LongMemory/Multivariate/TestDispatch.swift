import MemoryNumerics

/// Settings shared by the tests of memory, for dispatch by ``MemoryTestMethod`` (one series or per column).
/// A nil field means "the test's own default".
public struct MemoryTestSettings: Sendable, Equatable {
    /// Significance level α (default 0.05; KPSS accepts 0.01…0.10).
    public var level: Double
    /// Truncation lag rule (defaults: Lo and V/S Andrews' AR(1) rule; KPSS the Hobijn–Franses–Ooms automatic rule).
    public var lags: LagChoice?
    /// Alternative (defaults: Lo two-sided, V/S greater, KPSS greater (fixed), Wald two-sided).
    public var alternative: TestAlternative?
    /// Level or trend stationarity for KPSS.
    public var kpssKind: KPSSTest.Kind
    /// Lags at which Lo / V/S / KPSS statistics are also reported (default ``LagProfile/defaultLags(n:)``).
    public var profileLags: [Int]?
    /// Estimator behind the Wald test (`.localWhittle`, `.exactLocalWhittle`, `.whittle`, or any other
    /// ``EstimationMethod``).
    public var waldEstimator: EstimationMethod
    /// Estimator settings for the Wald test.
    public var estimatorSettings: EstimatorSettings
    /// d₀ of the Wald test's H0: d = d₀.
    public var waldNullValue: Double

    public init(
        level: Double = 0.05, lags: LagChoice? = nil, alternative: TestAlternative? = nil,
        kpssKind: KPSSTest.Kind = .level, profileLags: [Int]? = nil, waldEstimator: EstimationMethod = .localWhittle,
        estimatorSettings: EstimatorSettings = EstimatorSettings(), waldNullValue: Double = 0
    ) {
        self.level = level
        self.lags = lags
        self.alternative = alternative
        self.kpssKind = kpssKind
        self.profileLags = profileLags
        self.waldEstimator = waldEstimator
        self.estimatorSettings = estimatorSettings
        self.waldNullValue = waldNullValue
    }
}

/// Dispatch of every test of memory by its ``MemoryTestMethod`` (`rnnmem test --method …`).
public enum MemoryTester {
    /// Test one series by `method`.
    public static func test(
        _ x: [Double], method: MemoryTestMethod, settings s: MemoryTestSettings = MemoryTestSettings()
    ) throws -> MemoryTestResult {
        switch method {
        case .loModifiedRescaledRange:
            return try LoModifiedRS.test(
                x, lags: s.lags ?? .andrewsAR1, level: s.level, alternative: s.alternative ?? .twoSided,
                profileLags: s.profileLags)
        case .rescaledVariance:
            return try VSTest.test(
                x, lags: s.lags ?? .andrewsAR1, level: s.level, alternative: s.alternative ?? .greater,
                profileLags: s.profileLags)
        case .kwiatkowskiPhillipsSchmidtShin:
            if let a = s.alternative, a != .greater {
                throw LongMemoryError.invalidArgument(
                    name: "alternative", value: a.rawValue, requirement: "KPSS is an upper-tail test (greater)")
            }
            return try KPSSTest.test(
                x, kind: s.kpssKind, lags: s.lags ?? .neweyWest, level: s.level, profileLags: s.profileLags)
        case .wald:
            let e = try MemoryEstimator.estimate(x, method: s.waldEstimator, settings: s.estimatorSettings)
            return try WaldMemoryTest.test(
                estimate: e, nullValue: s.waldNullValue, level: s.level, alternative: s.alternative ?? .twoSided)
        }
    }
}
