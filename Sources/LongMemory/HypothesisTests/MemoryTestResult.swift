import MemoryNumerics

// # The result type shared by every test of memory
//
// Lo's modified R/S, the V/S test, KPSS (level and trend) and the Wald tests of H0: d = 0 all return one
// ``MemoryTestResult``. It is Codable with camelCase keys; the CLI's documented JSON keys map onto it as
//
//     name            → ``MemoryTestResult/name``
//     statistic       → ``MemoryTestResult/statistic``
//     critical_value  → ``MemoryTestResult/criticalValueList`` (one number for a one-sided test, [lower, upper] for a
//                       two-sided one; at ``MemoryTestResult/level``)
//     reject          → ``MemoryTestResult/reject``
//     p_value         → ``MemoryTestResult/pValue`` (``PValue/value``; with bounds when it comes from a table)
//
// Conventions: `level` is the significance level α (default 0.05); a test rejects when the statistic falls in the
// critical region {s < lower} ∪ {s > upper} of ``CriticalRegion``; p-values are P(statistic at least as extreme
// under H0) from the limiting law, in the direction(s) of the alternative.

/// The tests of memory.
///
/// The raw values are the short, stable identifiers of the tests (`"lo"`, `"vs"`, `"kpss"`, `"wald"`): the
/// `method` of JSON and `Codable` output, and the names the command line accepts (`rnnmem test --method lo`).
public enum MemoryTestMethod: String, CaseIterable, Codable, Sendable, Hashable {
    /// Lo (1991) modified rescaled range (Econometrica 59(5):1279–1313). Identifier `lo`.
    case loModifiedRescaledRange = "lo"
    /// Rescaled variance V/S (Giraitis, Kokoszka, Leipus & Teyssière 2003, J. Econometrics 112(2):265–294).
    /// Identifier `vs`.
    case rescaledVariance = "vs"
    /// KPSS (Kwiatkowski, Phillips, Schmidt & Shin 1992, J. Econometrics 54:159–178), level or trend stationarity.
    /// Identifier `kpss`.
    case kwiatkowskiPhillipsSchmidtShin = "kpss"
    /// Wald (z) test of H0: d = d₀ on an estimate of d. Identifier `wald`.
    case wald

    /// A short human-readable name.
    public var displayName: String {
        switch self {
        case .loModifiedRescaledRange: return "Lo modified R/S"
        case .rescaledVariance: return "V/S"
        case .kwiatkowskiPhillipsSchmidtShin: return "KPSS"
        case .wald: return "Wald test of d = 0"
        }
    }
}

/// Direction of the alternative hypothesis relative to the statistic.
public enum TestAlternative: String, CaseIterable, Codable, Sendable, Hashable {
    /// Reject in both tails.
    case twoSided = "two-sided"
    /// Reject for large values (e.g. persistence / long memory for Lo, V/S, KPSS, Wald with d > 0).
    case greater
    /// Reject for small values (e.g. antipersistence for Lo, d < 0 for Wald).
    case less
}

/// The critical region at one level: reject H0 when statistic < ``lower`` or statistic > ``upper`` (a nil bound
/// means that tail is not part of the region).
public struct CriticalRegion: Codable, Sendable, Equatable, CustomStringConvertible {
    public let lower: Double?
    public let upper: Double?

    public init(lower: Double? = nil, upper: Double? = nil) {
        self.lower = lower
        self.upper = upper
    }

    /// Whether `statistic` lies in the region (NaN never rejects).
    public func rejects(_ statistic: Double) -> Bool {
        guard !statistic.isNaN else { return false }
        if let l = lower, statistic < l { return true }
        if let u = upper, statistic > u { return true }
        return false
    }

    /// The bounds present, lower first: one value for a one-sided test, two for a two-sided test.
    public var values: [Double] { [lower, upper].compactMap { $0 } }

    public var description: String {
        switch (lower, upper) {
        case let (l?, u?): return "reject outside [\(l), \(u)]"
        case let (l?, nil): return "reject below \(l)"
        case let (nil, u?): return "reject above \(u)"
        default: return "no critical region"
        }
    }
}

/// A critical region at a tabulated or computed significance level.
public struct TabulatedCriticalValue: Codable, Sendable, Equatable {
    /// Significance level α.
    public let level: Double
    public let region: CriticalRegion
    public init(level: Double, region: CriticalRegion) {
        self.level = level
        self.region = region
    }
}

/// A p-value, exact (from a limiting CDF), interpolated in a table, or known only as a bound outside the table.
public struct PValue: Codable, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, Equatable {
        /// From the limiting distribution function (asymptotically exact).
        case asymptotic
        /// Linear interpolation between tabulated critical values (KPSS).
        case interpolated
        /// Outside the table: only ``PValue/lower``…``PValue/upper`` is known; ``PValue/value`` is the table's edge.
        case bound
    }

    /// Point value (for ``Kind/bound`` the edge of the table, as statsmodels reports it).
    public let value: Double
    /// p ∈ [lower, upper]; lower = upper = value unless ``kind`` is ``Kind/bound``.
    public let lower: Double
    public let upper: Double
    public let kind: Kind

    public init(value: Double, lower: Double, upper: Double, kind: Kind) {
        self.value = value
        self.lower = lower
        self.upper = upper
        self.kind = kind
    }

    /// A point p-value (asymptotic or interpolated), clamped to [0, 1].
    public static func point(_ p: Double, kind: Kind = .asymptotic) -> PValue {
        let v = p.isNaN ? p : min(1, max(0, p))
        return PValue(value: v, lower: v, upper: v, kind: kind)
    }

    public var description: String {
        switch kind {
        case .bound:
            return lower > 0 ? "> \(lower)" : "< \(upper)"
        case .asymptotic, .interpolated:
            return "\(value)"
        }
    }
}

/// The statistic recomputed at another truncation lag q (Teverovsky, Taqqu & Willinger 1999 recommend looking at
/// Lo's V(q) over a range of q, because V drifts toward H0 as q grows).
public struct LagStatistic: Codable, Sendable, Equatable {
    public let lag: Int
    public let statistic: Double
    public let reject: Bool
    public init(lag: Int, statistic: Double, reject: Bool) {
        self.lag = lag
        self.statistic = statistic
        self.reject = reject
    }
}

/// The result of a test of memory (see the file comment for the JSON mapping).
///
/// * ``statistic`` is compared with ``criticalValue`` at significance ``level`` (default 0.05); ``reject`` says
///   whether it lies in the critical region. ``criticalValues`` lists the region at the other usual levels.
/// * ``pValue`` is asymptotic (from the limiting law), interpolated (KPSS table) or a bound.
/// * ``lags`` is the Bartlett truncation lag q used for the long-run variance (Lo, V/S, KPSS) and ``lagRule``
///   says how it was chosen; ``bandwidth`` is the number m of Fourier frequencies of a semiparametric estimate
///   (Wald tests). ``lagProfile`` repeats the statistic at other q.
/// * ``notes`` holds caveats the user must see (small-sample size distortion, q capped, …).
public struct MemoryTestResult: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Which test (its CLI name is `method.rawValue`).
    public let method: MemoryTestMethod
    /// Name with variant, e.g. "Lo modified R/S", "KPSS (level)", "Wald test of d = 0 (local Whittle)".
    public let name: String
    /// The test statistic.
    public let statistic: Double
    /// Significance level α of ``criticalValue`` and ``reject``.
    public let level: Double
    /// Direction of the alternative.
    public let alternative: TestAlternative
    /// Critical region at ``level``.
    public let criticalValue: CriticalRegion
    /// Critical regions at the usual levels (for KPSS: the four levels of Kwiatkowski et al. 1992, Table 1).
    public let criticalValues: [TabulatedCriticalValue]
    /// p-value (or bounds).
    public let pValue: PValue
    /// Whether H0 is rejected at ``level``.
    public let reject: Bool
    /// H0 in words.
    public let nullHypothesis: String
    /// H1 in words.
    public let alternativeHypothesis: String
    /// Number of observations.
    public let n: Int
    /// Bartlett truncation lag q of the long-run variance (Lo, V/S, KPSS); nil otherwise.
    public let lags: Int?
    /// How ``lags`` was chosen, e.g. "Andrews (1991) AR(1) rule, ρ̂(1) = 0.12 → q = 2".
    public let lagRule: String?
    /// Bandwidth m of the estimate a Wald test uses (semiparametric estimators); nil otherwise.
    public let bandwidth: Int?
    /// The estimate a Wald test is built on; nil for the other tests.
    public let estimate: MemoryEstimate?
    /// The statistic at other truncation lags (Lo, V/S, KPSS); empty otherwise.
    public let lagProfile: [LagStatistic]
    /// Intermediate quantities (e.g. "range R_n", "long-run variance σ̂²(q)", "rho1").
    public let auxiliary: [AuxiliaryParameter]
    /// Caveats to show the user.
    public let notes: [String]

    public init(
        method: MemoryTestMethod, name: String, statistic: Double, level: Double, alternative: TestAlternative,
        criticalValue: CriticalRegion, criticalValues: [TabulatedCriticalValue], pValue: PValue,
        nullHypothesis: String, alternativeHypothesis: String, n: Int, lags: Int? = nil, lagRule: String? = nil,
        bandwidth: Int? = nil, estimate: MemoryEstimate? = nil, lagProfile: [LagStatistic] = [],
        auxiliary: [AuxiliaryParameter] = [], notes: [String] = []
    ) {
        self.method = method
        self.name = name
        self.statistic = statistic
        self.level = level
        self.alternative = alternative
        self.criticalValue = criticalValue
        self.criticalValues = criticalValues
        self.pValue = pValue
        self.reject = criticalValue.rejects(statistic)
        self.nullHypothesis = nullHypothesis
        self.alternativeHypothesis = alternativeHypothesis
        self.n = n
        self.lags = lags
        self.lagRule = lagRule
        self.bandwidth = bandwidth
        self.estimate = estimate
        self.lagProfile = lagProfile
        self.auxiliary = auxiliary
        self.notes = notes
    }

    /// The critical value(s) at ``level`` for the JSON key `critical_value`: [c] for a one-sided test,
    /// [lower, upper] for a two-sided test.
    public var criticalValueList: [Double] { criticalValue.values }

    /// Which tail the statistic fell in when H0 is rejected: `.greater` (above the upper critical value: for every
    /// test here, evidence of persistence — long memory, or for KPSS also a unit root), `.less` (below the lower
    /// one: antipersistence for Lo and Wald), nil when H0 is not rejected.
    public var rejectionSide: TestAlternative? {
        guard reject else { return nil }
        if let u = criticalValue.upper, statistic > u { return .greater }
        return .less
    }

    public var description: String {
        var s = "\(name): statistic = \(statistic), \(criticalValue) at \(level), p = \(pValue), "
        s += reject ? "reject H0" : "do not reject H0"
        if let q = lags { s += ", q = \(q)" }
        if let m = bandwidth { s += ", m = \(m)" }
        return s + ", n = \(n)"
    }
}

/// Validation shared by the tests.
enum TestInput {
    /// Fewest observations a test accepts.
    static let minimumLength = 10

    static func validate(_ x: [Double], test: String, minimum: Int = minimumLength) throws {
        try Validate.series(x, atLeast: max(minimum, minimumLength), for: test)
    }

    static func validateLevel(_ level: Double) throws {
        guard level.isFinite, level > 0, level < 0.5 else {
            throw LongMemoryError.invalidArgument(
                name: "level", value: "\(level)", requirement: "the significance level must be in (0, 0.5)")
        }
    }
}
