import MemoryNumerics

// # The result type shared by every estimator of the memory parameter d
//
// Every estimator in module LongMemory — semiparametric (GPH, local Whittle, exact local Whittle), parametric
// (Whittle, Haslett–Raftery, exact MLE, CSS) and heuristic (R/S, DFA, aggregated variance) — returns one
// ``MemoryEstimate``. The CLI (`rnnmem estimate`, `rnnmem check`) prints and serialises it as-is, so the field
// names below are the documented JSON keys (Codable, camelCase).
//
// Conventions (the LongMemory documentation's Conventions article): H = d + ½; every reported d or H carries its
// estimator and its bandwidth or order; Wald confidence intervals d̂ ± z_{(1+level)/2}·s.e. with z the standard
// normal quantile.

/// The estimators of the memory parameter d.
///
/// The raw values are the short, stable identifiers of the estimators (`"lw"`, `"elw"`, `"gph"`, …): the `method` of
/// JSON and `Codable` output, and the names the command line accepts (`rnnmem estimate --method lw`).
public enum EstimationMethod: String, CaseIterable, Codable, Sendable, Hashable {
    /// Log-periodogram regression (Geweke & Porter-Hudak 1983, JTSA 4(4):221–238). Identifier `gph`.
    case gewekePorterHudak = "gph"
    /// Local Whittle (Robinson 1995, Ann. Statist. 23(5):1630–1661), optionally tapered. Identifier `lw`.
    case localWhittle = "lw"
    /// Local polynomial Whittle (Andrews & Sun 2004, Econometrica 72(2):569–614), robust to smooth short-memory
    /// dynamics. Identifier `lpw`.
    case localPolynomialWhittle = "lpw"
    /// Exact local Whittle (Shimotsu & Phillips 2005, Ann. Statist. 33(4):1890–1933). Identifier `elw`.
    case exactLocalWhittle = "elw"
    /// Two-step exact local Whittle with mean correction / detrending (Shimotsu 2010, Econometric Theory 26:501–540).
    /// Identifier `elw2`.
    case twoStepExactLocalWhittle = "elw2"
    /// Parametric Whittle for ARFIMA(p,d,q). Identifier `whittle`.
    case whittle
    /// Haslett & Raftery (1989) approximate maximum likelihood for ARFIMA(p,d,q). Identifier `hr`.
    case haslettRaftery = "hr"
    /// Exact Gaussian maximum likelihood (Durbin–Levinson) for ARFIMA(p,d,q). Identifier `mle`.
    case exactMaximumLikelihood = "mle"
    /// Conditional sum of squares for ARFIMA(p,d,q). Identifier `css`.
    case conditionalSumOfSquares = "css"
    /// Rescaled range (Hurst 1951; Anis–Lloyd–Peters corrected), a heuristic estimate of H. Identifier `rs`.
    case rescaledRange = "rs"
    /// Detrended fluctuation analysis (Peng et al. 1994), a heuristic estimate of α = H. Identifier `dfa`.
    case detrendedFluctuationAnalysis = "dfa"
    /// Aggregated variance (Var of block means ∝ k^{2d−1}; Beran 1994 §4.4), a heuristic estimate of H. Identifier
    /// `aggvar`.
    case aggregatedVariance = "aggvar"

    /// A short human-readable name.
    public var displayName: String {
        switch self {
        case .gewekePorterHudak: return "GPH log-periodogram regression"
        case .localWhittle: return "local Whittle"
        case .localPolynomialWhittle: return "local polynomial Whittle"
        case .exactLocalWhittle: return "exact local Whittle"
        case .twoStepExactLocalWhittle: return "two-step exact local Whittle"
        case .whittle: return "Whittle (ARFIMA)"
        case .haslettRaftery: return "Haslett–Raftery approximate MLE"
        case .exactMaximumLikelihood: return "exact Gaussian MLE"
        case .conditionalSumOfSquares: return "conditional sum of squares"
        case .rescaledRange: return "rescaled range (R/S)"
        case .detrendedFluctuationAnalysis: return "detrended fluctuation analysis"
        case .aggregatedVariance: return "aggregated variance"
        }
    }

    /// The family: semiparametric (a band of low frequencies), parametric (a full ARFIMA(p,d,q) model) or
    /// heuristic (a log–log slope over block sizes).
    public var family: EstimatorFamily {
        switch self {
        case .gewekePorterHudak, .localWhittle, .localPolynomialWhittle, .exactLocalWhittle, .twoStepExactLocalWhittle:
            return .semiparametric
        case .whittle, .haslettRaftery, .exactMaximumLikelihood, .conditionalSumOfSquares: return .parametric
        case .rescaledRange, .detrendedFluctuationAnalysis, .aggregatedVariance: return .heuristic
        }
    }
}

/// How an estimator uses the data (see ``EstimationMethod/family``).
public enum EstimatorFamily: String, Codable, Sendable, Hashable {
    case semiparametric, parametric, heuristic
}

/// A two-sided confidence interval [lower, upper] at a coverage level in (0, 1).
public struct ConfidenceInterval: Codable, Sendable, Equatable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double
    /// Nominal coverage, e.g. 0.95.
    public let level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// The Wald interval estimate ± z_{(1+level)/2}·standardError (z: standard normal quantile).
    /// A missing (NaN, infinite or negative) standard error gives the uninformative interval (−∞, ∞).
    public static func wald(estimate: Double, standardError: Double, level: Double) throws -> ConfidenceInterval {
        guard level > 0, level < 1, level.isFinite else {
            throw LongMemoryError.invalidArgument(
                name: "confidenceLevel", value: "\(level)", requirement: "must be in (0, 1)")
        }
        guard standardError.isFinite, standardError >= 0 else {
            return ConfidenceInterval(lower: -.infinity, upper: .infinity, level: level)
        }
        let z = SpecialFunctions.normalQuantile(0.5 + level / 2)
        return ConfidenceInterval(
            lower: estimate - z * standardError, upper: estimate + z * standardError, level: level)
    }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    public var description: String { "[\(lower), \(upper)] (\(level * 100)%)" }
}

/// A standard error other than the primary one, with a label saying what it is
/// (e.g. "asymptotic π²/(24m)", "OLS residual", "finite-sample").
public struct LabeledStandardError: Codable, Sendable, Equatable {
    public let label: String
    public let value: Double
    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

/// A further estimated quantity reported with d̂ (e.g. "sigma2", "ar1", "ma1", "mean", "tau" (a second-order
/// coefficient), "intercept"), with its standard error when one is available.
public struct AuxiliaryParameter: Codable, Sendable, Equatable {
    public let name: String
    public let value: Double
    public let standardError: Double?
    public init(name: String, value: Double, standardError: Double? = nil) {
        self.name = name
        self.value = value
        self.standardError = standardError
    }
}

/// The order (p, q) of the ARMA part of a parametric ARFIMA(p,d,q) fit.
public struct ARMAOrder: Codable, Sendable, Equatable, CustomStringConvertible {
    public let p: Int
    public let q: Int
    public init(p: Int, q: Int) {
        self.p = p
        self.q = q
    }
    public var description: String { "ARFIMA(\(p),d,\(q))" }
}

/// The result of an estimator of the memory parameter d.
///
/// * ``d`` is always the memory parameter of (1−B)^d. Heuristic estimators that estimate a Hurst-type exponent
///   also fill ``hurst`` and report d = H − ½ (the FI(d)/fGn identification, <doc:Conventions>); ``hurstDefinition``
///   says which exponent it is (R/S H, DFA α, aggregated-variance H), because these are different definitions that
///   coincide only for FI/fGn-type processes.
/// * ``standardError`` is the primary (usually asymptotic) standard error of d̂; ``confidenceInterval`` is the
///   Wald interval d̂ ± z·s.e. at ``confidenceInterval``.level (default 0.95). Other standard errors (asymptotic
///   versus finite-sample, OLS residual, …) are in ``alternativeStandardErrors``.
/// * The tuning actually used is always reported: ``bandwidth`` (number m of Fourier frequencies for
///   semiparametric estimators), ``trimming`` (number of lowest frequencies skipped), ``scales`` (block or window
///   sizes for heuristics), ``order`` (ARMA order for parametric fits), and ``tuningDescription`` in words
///   (e.g. "m = 222 = ⌊n^0.65⌋").
/// * ``notes`` holds caveats the user must see (estimate at a search-interval bound, heuristics' bias, …).
///
/// JSON: `Codable` with the property names as keys. A missing standard error is NaN and gives the interval
/// (−∞, ∞); `JSONEncoder` rejects non-finite numbers unless `nonConformingFloatEncodingStrategy` is set (the CLI
/// should map them to `null` or strings).
public struct MemoryEstimate: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Which estimator produced this (its CLI name is `method.rawValue`).
    public let method: EstimationMethod
    /// The variant in words, with its reference, e.g. "local Whittle (Robinson 1995), Velasco taper p = 3".
    public let variant: String
    /// Estimate of the memory parameter d (H = d + ½).
    public let d: Double
    /// Primary standard error of d̂ (NaN if none is available).
    public let standardError: Double
    /// Wald confidence interval for d at a stated level.
    public let confidenceInterval: ConfidenceInterval
    /// Number of observations used.
    public let n: Int
    /// Number m of Fourier frequencies used (semiparametric estimators); nil otherwise.
    public let bandwidth: Int?
    /// Number of lowest Fourier frequencies skipped before the m used (0 unless trimmed); nil if not applicable.
    public let trimming: Int?
    /// Block sizes / window sizes used (heuristic estimators); nil otherwise.
    public let scales: [Int]?
    /// ARMA order of a parametric fit; nil otherwise.
    public let order: ARMAOrder?
    /// The tuning in words, e.g. "m = 222 = ⌊n^0.65⌋" or "block sizes 8…1024 (8 log-spaced)".
    public let tuningDescription: String
    /// Hurst-type exponent for heuristics that estimate one (d = hurst − ½); nil otherwise.
    public let hurst: Double?
    /// Which exponent ``hurst`` is (e.g. "R/S Hurst exponent (Anis–Lloyd–Peters corrected)", "DFA-1 α").
    public let hurstDefinition: String?
    /// Other standard errors of d̂, labelled (asymptotic vs finite-sample, OLS residual, …).
    public let alternativeStandardErrors: [LabeledStandardError]
    /// Further estimated quantities (σ², ARMA coefficients, regression intercept, second-order coefficients, …).
    public let auxiliary: [AuxiliaryParameter]
    /// Covariance matrix of (d̂, auxiliary parameters that have a standard error, in order) when available
    /// (parametric fits); nil otherwise.
    public let covariance: [[Double]]?
    /// The minimised objective at d̂ (method-specific: R(d̂) for (exact) local Whittle, −log-likelihood, …); nil if
    /// the estimator is not an optimiser.
    public let objective: Double?
    /// Caveats to show the user.
    public let notes: [String]

    public init(
        method: EstimationMethod, variant: String, d: Double, standardError: Double,
        confidenceInterval: ConfidenceInterval, n: Int, bandwidth: Int? = nil, trimming: Int? = nil,
        scales: [Int]? = nil, order: ARMAOrder? = nil, tuningDescription: String, hurst: Double? = nil,
        hurstDefinition: String? = nil, alternativeStandardErrors: [LabeledStandardError] = [],
        auxiliary: [AuxiliaryParameter] = [], covariance: [[Double]]? = nil, objective: Double? = nil,
        notes: [String] = []
    ) {
        self.method = method
        self.variant = variant
        self.d = d
        self.standardError = standardError
        self.confidenceInterval = confidenceInterval
        self.n = n
        self.bandwidth = bandwidth
        self.trimming = trimming
        self.scales = scales
        self.order = order
        self.tuningDescription = tuningDescription
        self.hurst = hurst
        self.hurstDefinition = hurstDefinition
        self.alternativeStandardErrors = alternativeStandardErrors
        self.auxiliary = auxiliary
        self.covariance = covariance
        self.objective = objective
        self.notes = notes
    }

    /// Convenience initialiser that builds the Wald interval d̂ ± z_{(1+level)/2}·s.e.; throws if the level is
    /// not in (0, 1).
    public init(
        method: EstimationMethod, variant: String, d: Double, standardError: Double, confidenceLevel: Double,
        n: Int, bandwidth: Int? = nil, trimming: Int? = nil, scales: [Int]? = nil, order: ARMAOrder? = nil,
        tuningDescription: String, hurst: Double? = nil, hurstDefinition: String? = nil,
        alternativeStandardErrors: [LabeledStandardError] = [], auxiliary: [AuxiliaryParameter] = [],
        covariance: [[Double]]? = nil, objective: Double? = nil, notes: [String] = []
    ) throws {
        let ci = try ConfidenceInterval.wald(estimate: d, standardError: standardError, level: confidenceLevel)
        self.init(
            method: method, variant: variant, d: d, standardError: standardError, confidenceInterval: ci, n: n,
            bandwidth: bandwidth, trimming: trimming, scales: scales, order: order,
            tuningDescription: tuningDescription, hurst: hurst, hurstDefinition: hurstDefinition,
            alternativeStandardErrors: alternativeStandardErrors, auxiliary: auxiliary, covariance: covariance,
            objective: objective, notes: notes)
    }

    /// H = d + ½ (<doc:Conventions>); for heuristics this equals ``hurst``.
    public var impliedHurst: Double { d + 0.5 }

    /// The Wald interval at another level (same point estimate and primary standard error).
    public func confidenceInterval(level: Double) throws -> ConfidenceInterval {
        try ConfidenceInterval.wald(estimate: d, standardError: standardError, level: level)
    }

    /// Wald z statistic (d̂ − d₀)/s.e. for H0: d = d₀ (default 0, "no memory"); NaN without a standard error.
    public func waldStatistic(nullValue d0: Double = 0) -> Double {
        guard standardError.isFinite, standardError > 0 else { return .nan }
        return (d - d0) / standardError
    }

    /// Two-sided p-value 2·P(N(0,1) > |z|) of the Wald test of H0: d = d₀.
    public func waldPValue(nullValue d0: Double = 0) -> Double {
        let z = waldStatistic(nullValue: d0)
        guard z.isFinite else { return .nan }
        return min(1, 2 * SpecialFunctions.normalUpperTail(abs(z)))
    }

    public var description: String {
        var s =
            "\(method.rawValue): d = \(d), s.e. \(standardError), CI \(confidenceInterval), n = \(n), \(tuningDescription)"
        if let h = hurst { s += ", H = \(h)" }
        return s
    }
}
