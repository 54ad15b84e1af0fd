import MemoryNumerics

/// Exponential versus power-law decay of a sequence of positive magnitudes a_k over a stated lag range — the
/// dichotomy of Zhao et al.'s (2020, "Do RNN and LSTM have long memory?", ICML, Definition 3) response
/// coefficients: geometric decay (short memory, RNN and LSTM, their Theorem 1 and Corollaries) versus polynomial
/// decay k^{−p} (long memory, e.g. the fractional filter of MRNNF, whose taps decay like k^{−1−d}).
///
/// Two least-squares lines are fitted to log a_k over k ∈ [a, b]:
/// * exponential: log a_k = α − r·k (log-linear), rate r per step (a_k ∝ e^{−rk} = ρ^k with ρ = e^{−r});
/// * power law: log a_k = β − p·log(k + k₀) (log-log), exponent p (k₀ = ``Criterion/lagOffset``, default 0).
///
/// Both have two parameters and the same response, so their R² are comparable. **Criterion**: the verdict is
/// exponential if R²_exp ≥ ``Criterion/minimumRSquared`` (default 0.99, as the check L10 of Zhao et al.'s
/// geometric decay) and the power law leaves at least ``Criterion/dominance`` (default 2) times as much unexplained
/// variance, 1 − R²_pow ≥ 2(1 − R²_exp); power law symmetrically; otherwise inconclusive (neither fits, or both fit
/// about equally well — on a short lag range geometric and polynomial decay are hard to tell apart). Both fits are
/// always reported.
public struct DecayFit: Sendable, Equatable {
    /// The three verdicts; raw values are the JSON strings.
    public enum Verdict: String, Sendable, Codable, CaseIterable {
        case exponential
        case powerLaw = "power-law"
        case inconclusive
    }

    /// The decision rule's constants.
    public struct Criterion: Sendable, Equatable, Codable {
        /// The R² the winning fit must reach (default 0.99).
        public var minimumRSquared: Double
        /// How many times more unexplained variance the losing fit must leave (default 2).
        public var dominance: Double
        /// k₀ in the power law (k + k₀)^{−p}; e.g. 1 when the coefficient at lag k is the filter tap j = k + 1.
        public var lagOffset: Double

        /// The stated defaults.
        public init(minimumRSquared: Double = 0.99, dominance: Double = 2, lagOffset: Double = 0) {
            self.minimumRSquared = minimumRSquared
            self.dominance = dominance
            self.lagOffset = lagOffset
        }

        func validate() throws {
            try Check.unitInterval(minimumRSquared, "minimumRSquared")
            guard dominance.isFinite, dominance >= 1 else {
                throw MemoryProbeError.invalidArgument(
                    argument: "dominance", message: "must be finite and ≥ 1, got \(dominance)")
            }
            guard lagOffset.isFinite, lagOffset >= 0 else {
                throw MemoryProbeError.invalidArgument(
                    argument: "lagOffset", message: "must be finite and ≥ 0, got \(lagOffset)")
            }
        }
    }

    /// A least-squares line y = intercept + slope·x with its R² and residual sum of squares.
    public struct Line: Sendable, Equatable, Codable {
        /// Intercept of the line.
        public let intercept: Double
        /// Slope of the line.
        public let slope: Double
        /// Coefficient of determination of the fit.
        public let rSquared: Double
        /// Σ of squared residuals.
        public let residualSumOfSquares: Double
    }

    /// The lag range [a, b] fitted.
    public let lags: ClosedRange<Int>
    /// a_k for k in ``lags``.
    public let magnitudes: [Double]
    /// The log-linear fit log a_k = α − r·k.
    public let exponential: Line
    /// The log-log fit log a_k = β − p·log(k + k₀).
    public let powerLaw: Line
    /// The decision rule used.
    public let criterion: Criterion
    /// Exponential, power law or inconclusive.
    public let verdict: Verdict
    /// Why the verdict was reached (one sentence).
    public let reason: String

    /// r = −slope of the log-linear fit (per step); ρ = e^{−r} is the geometric ratio.
    public var rate: Double { -exponential.slope }
    /// p = −slope of the log-log fit.
    public var exponent: Double { -powerLaw.slope }

    /// Fit magnitudes indexed by lag (`magnitudes[k]` = a_k, k = 0, 1, …) over `lags`. Throws for a range that does
    /// not lie inside the data, starts below 1 for a power law without offset, has fewer than 3 lags, or contains a
    /// value that is not finite and positive (naming the argument).
    public init(magnitudes all: [Double], lags: ClosedRange<Int>, criterion: Criterion = Criterion()) throws {
        try criterion.validate()
        guard lags.lowerBound >= 0, lags.upperBound < all.count else {
            throw MemoryProbeError.invalidArgument(
                argument: "lags",
                message: "\(lags.lowerBound):\(lags.upperBound) not inside the computed lags 0:\(all.count - 1)")
        }
        guard lags.count >= 3 else {
            throw MemoryProbeError.invalidArgument(
                argument: "lags", message: "needs at least 3 lags, got \(lags.count)")
        }
        guard Double(lags.lowerBound) + criterion.lagOffset > 0 else {
            throw MemoryProbeError.invalidArgument(
                argument: "lags", message: "the power law needs k + k₀ > 0; start at lag ≥ 1 or set lagOffset > 0")
        }
        let a = Array(all[lags])
        if let i = a.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            throw MemoryProbeError.invalidArgument(
                argument: "lags",
                message: "the magnitude at lag \(lags.lowerBound + i) is \(a[i]); a decay fit needs "
                    + "finite positive values (a finite impulse response has no tail to fit)")
        }
        let y = a.map { Double.log($0) }
        let k = lags.map { Double($0) }
        exponential = Self.line(x: k, y: y)
        powerLaw = Self.line(x: k.map { Double.log($0 + criterion.lagOffset) }, y: y)
        self.lags = lags
        magnitudes = a
        self.criterion = criterion
        let ue = 1 - exponential.rSquared, up = 1 - powerLaw.rSquared
        let c = criterion
        if exponential.rSquared >= c.minimumRSquared && up >= c.dominance * ue && exponential.slope < 0 {
            verdict = .exponential
            reason =
                "log-linear R² = \(Self.format(exponential.rSquared)) ≥ \(c.minimumRSquared) and the power law leaves "
                + "\(Self.format(up / max(ue, .leastNonzeroMagnitude)))× its unexplained variance (≥ \(c.dominance))"
        } else if powerLaw.rSquared >= c.minimumRSquared && ue >= c.dominance * up && powerLaw.slope < 0 {
            verdict = .powerLaw
            reason =
                "log-log R² = \(Self.format(powerLaw.rSquared)) ≥ \(c.minimumRSquared) and the exponential leaves "
                + "\(Self.format(ue / max(up, .leastNonzeroMagnitude)))× its unexplained variance (≥ \(c.dominance))"
        } else {
            verdict = .inconclusive
            reason =
                "R² log-linear \(Self.format(exponential.rSquared)), log-log \(Self.format(powerLaw.rSquared)): "
                + "neither reaches \(c.minimumRSquared) with a \(c.dominance)× margin over the other (or no decay)"
        }
    }

    static func line(x: [Double], y: [Double]) -> Line {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxx += (a - mx) * (a - mx)
            sxy += (a - mx) * (b - my)
            syy += (b - my) * (b - my)
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        let intercept = my - slope * mx
        var rss = 0.0
        for (a, b) in zip(x, y) {
            let e = b - intercept - slope * a
            rss += e * e
        }
        return Line(
            intercept: intercept, slope: slope, rSquared: syy > 0 ? 1 - rss / syy : 1, residualSumOfSquares: rss)
    }

    static func format(_ v: Double) -> String {
        let r = (v * 10_000).rounded() / 10_000
        return "\(r)"
    }
}
