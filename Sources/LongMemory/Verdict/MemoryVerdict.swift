import MemoryNumerics

// # The verdict of `rnnmem check`
//
// A verdict summarises the evidence on one series (``MemoryEvidence``) into one of five classes, by the documented
// decision list of ``VerdictRule``. Definitions (the Conventions article; Zhao et al. 2020, ICML, Definition 1):
//
// * long memory: stationary with Σ_k |ρ(k)| = ∞, i.e. 0 < d < ½ (spectral pole f(λ) ~ G·λ^{−2d} at λ → 0);
// * short memory: Σ_k |ρ(k)| < ∞ with Σ_k ρ(k) ≠ 0 (d = 0: a bounded, nonzero spectrum at 0);
// * antipersistent: −½ < d < 0 (Σ_k ρ(k) = 0, f(0) = 0); the ACF is absolutely summable, so under Definition 1
//   this is *not* long memory;
// * nonstationary: d ≥ ½ (the variance of the partial sums grows faster than linearly and the series has no
//   stationary version; ½ ≤ d < 1 is still mean-reverting);
// * inconclusive: the estimators disagree, the tests contradict the estimators, or a spectral peak away from
//   λ = 0 (a periodic component) contaminates the low frequencies the estimators use.

/// The five classes of a memory verdict. Raw values are the JSON strings (`"long_memory"`, …).
public enum MemoryVerdict: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case shortMemory = "short_memory"
    case longMemory = "long_memory"
    case antipersistent
    case nonstationary
    case inconclusive

    /// Human-readable name ("short memory", "long memory", …).
    public var displayName: String {
        switch self {
        case .shortMemory: return "short memory"
        case .longMemory: return "long memory"
        case .antipersistent: return "antipersistent"
        case .nonstationary: return "nonstationary"
        case .inconclusive: return "inconclusive"
        }
    }

    public var description: String { displayName }
}

/// How an estimator's result enters the verdict.
public enum EvidenceRole: String, Codable, Sendable, Hashable, CaseIterable {
    /// Used by the decision list (the BIC-selected Whittle ARFIMA(p,d,q) fit, local polynomial Whittle, exact local
    /// Whittle): a valid asymptotic standard error and confidence interval.
    case primary
    /// Valid standard error but not used by the rule (local Whittle, the Whittle ARFIMA(0,d,0) fit when another order
    /// was selected, GPH, two-step ELW, time-domain ARFIMA fits); its disagreement with the verdict's estimate is
    /// reported as a caveat.
    case corroborating
    /// A log–log slope over block sizes (R/S, DFA, aggregated variance): biased by short-memory dynamics, with a
    /// regression standard error that treats dependent points as independent. Shown as supporting evidence only.
    case heuristic
}

/// What a primary estimate says about d, by its Wald statistic z = d̂/s.e. against the evidence threshold
/// c_n = max(z_{0.975}, √(log n)) of ``VerdictRule``, and by its interval relative to ½.
public enum EstimateClass: String, Codable, Sendable, Hashable {
    /// z > c_n: d > 0.
    case positive
    /// |z| ≤ c_n: no evidence that d ≠ 0 (for the parametric fit: adding d does not lower BIC).
    case notSignificant = "not_significant"
    /// z < −c_n: d < 0.
    case negative
    /// The 95% interval lies above ½.
    case nonstationary
    /// The estimate sits at an end of its search interval (the stationary Whittle fit at ±0.499): evidence about the
    /// bound, not a value.
    case atBound = "at_bound"

    /// Classify d̂ against the threshold `threshold` (c_n).
    public static func classify(_ e: MemoryEstimate, threshold: Double) -> EstimateClass {
        if VerdictRule.isAtBound(e) { return .atBound }
        if e.confidenceInterval.lower > 0.5 { return .nonstationary }
        let z = e.waldStatistic()
        guard z.isFinite else { return .notSignificant }
        if z > threshold { return .positive }
        if z < -threshold { return .negative }
        return .notSignificant
    }

    /// In words, for reasons ("z = 5.1 > 2.76", …).
    public func describe(z: Double, threshold: Double) -> String {
        let t = VerdictText.fixed(threshold, 2)
        switch self {
        case .positive: return "z = \(VerdictText.fixed(z, 2)) > \(t)"
        case .notSignificant: return "|z| = \(VerdictText.fixed(abs(z), 2)) ≤ \(t)"
        case .negative: return "z = \(VerdictText.fixed(z, 2)) < −\(t)"
        case .nonstationary: return "95% CI above ½"
        case .atBound: return "at the search bound ±\(VerdictRule.whittleBound)"
        }
    }
}

/// The verdict with everything needed to explain it.
public struct VerdictDecision: Codable, Sendable, Equatable {
    public var verdict: MemoryVerdict
    /// The estimate quoted with the verdict (the BIC-selected Whittle fit; exact local Whittle for a nonstationary
    /// verdict).
    public var headline: MemoryEstimate?
    /// Why: the rule's steps that fired, in order, in words.
    public var reasons: [String]
    /// What the user must keep in mind (do not change the verdict).
    public var caveats: [String]
    /// Each primary estimator's class, in the order of the evidence.
    public var primaryClasses: [PrimaryClass]
    /// Tests of short memory that reject in the direction of persistence / of those available.
    public var persistentRejections: Int
    public var shortMemoryTestsAvailable: Int
    /// The decision-list step that produced the verdict (1-based, see ``VerdictRule``).
    public var step: Int
    /// ``VerdictRule/version`` of the rule that decided.
    public var ruleVersion: String
    /// The evidence threshold c_n = max(z_{0.975}, √(log n)) on |d̂/s.e.|.
    public var threshold: Double

    public struct PrimaryClass: Codable, Sendable, Equatable {
        public var method: EstimationMethod
        public var estimateClass: EstimateClass
        public init(method: EstimationMethod, estimateClass: EstimateClass) {
            self.method = method
            self.estimateClass = estimateClass
        }
    }

    public init(
        verdict: MemoryVerdict, headline: MemoryEstimate?, reasons: [String], caveats: [String],
        primaryClasses: [PrimaryClass], persistentRejections: Int, shortMemoryTestsAvailable: Int, step: Int,
        ruleVersion: String = VerdictRule.version, threshold: Double = .nan
    ) {
        self.verdict = verdict
        self.headline = headline
        self.reasons = reasons
        self.caveats = caveats
        self.primaryClasses = primaryClasses
        self.persistentRejections = persistentRejections
        self.shortMemoryTestsAvailable = shortMemoryTestsAvailable
        self.step = step
        self.ruleVersion = ruleVersion
        self.threshold = threshold
    }
}

/// Number formatting for the verdict's sentences (fixed decimals, locale-independent).
enum VerdictText {
    /// v with `digits` decimals (e.g. 0.4012 → "0.401" for 3).
    static func fixed(_ v: Double, _ digits: Int = 3) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        // Beyond 2⁵³ the decimals are not representable (and Int(·) traps past Int.max): shortest round-trip form.
        guard abs(v) < 0x1p53 else { return v.description }
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (v * p).rounded() / p
        let negative = r < 0
        let a = abs(r)
        let whole = Int(a.rounded(.down))
        var frac = Int(((a - Double(whole)) * p).rounded())
        var w = whole
        if Double(frac) >= p {
            frac = 0
            w += 1
        }
        var s = String(w)
        if digits > 0 {
            var f = String(frac)
            while f.count < digits { f = "0" + f }
            s += "." + f
        }
        return (negative ? "-" : "") + s
    }

    /// 0.95 → "95%".
    static func percent(_ level: Double) -> String {
        let v = level * 100
        return (v.rounded() == v ? String(Int(v)) : fixed(v, 1)) + "%"
    }

    /// [lower, upper] with 3 decimals.
    static func interval(_ ci: ConfidenceInterval) -> String { "[\(fixed(ci.lower)), \(fixed(ci.upper))]" }
}
