import MemoryNumerics

/// How the sample autocorrelation decays: the best power law ρ(k) ≈ c·k^{b} and the best exponential
/// ρ(k) ≈ a·e^{−k/τ}, fitted by least squares on log ρ̂(k) over the leading positive lags, at log-spaced lags
/// (the distinct ⌊1.1^i⌋, so that every scale of k has the same weight instead of the many large lags dominating).
/// This is the data of the ACF figure of `rnnmem check` (log–log axes: a power law is a straight line, an exponential bends down).
///
/// For FI(d), ρ(k) ~ Γ(1 − d)/Γ(d)·k^{2d−1} (Hosking 1981), so b = 2d − 1 and d = (b + 1)/2; short memory (ARMA) has
/// |ρ(k)| ≤ C·r^k, an exponential. The fits are descriptive: sample autocorrelations of a long-memory series are
/// biased downward (their sum over all lags is −½ for every series, <doc:Conventions>) and strongly correlated
/// across lags, so the residual sums of squares are not a test; the spectral estimators are the evidence.
public struct ACFDecayFit: Codable, Sendable, Equatable {
    /// A fitted curve log ρ = intercept + slope·x (x = log k for the power law, x = k for the exponential).
    public struct Curve: Codable, Sendable, Equatable {
        public var intercept: Double
        public var slope: Double
        /// Residual sum of squares of log ρ̂ over ``ACFDecayFit/fitLags`` (same points for both curves, so comparable).
        public var residualSumOfSquares: Double
    }

    /// Sample autocorrelations ρ̂(1…maxLag) (maxLag = ⌊n/10⌋, at least 1).
    public var acf: [Double]
    /// Fits use lags 1…fitUpper: the leading run of positive ρ̂(k), capped at maxLag.
    public var fitUpper: Int
    /// The log-spaced lags used by the fits.
    public var fitLags: [Int]
    /// log ρ̂(k) = log c + b·log k; nil with fewer than 3 fit lags.
    public var powerLaw: Curve?
    /// log ρ̂(k) = log a − k/τ; nil with fewer than 3 fit lags.
    public var exponential: Curve?
    public var n: Int

    /// Lags 1…maxLag.
    public var maxLag: Int { acf.count }

    /// d implied by the power-law exponent, (b + 1)/2.
    public var powerLawImpliedD: Double? { powerLaw.map { ($0.slope + 1) / 2 } }

    /// τ = −1/slope of the exponential (NaN if the fitted slope is not negative).
    public var exponentialTimeScale: Double? {
        exponential.map { $0.slope < 0 ? -1 / $0.slope : .nan }
    }

    /// The fitted power law at lag k.
    public func powerLawValue(at k: Int) -> Double? {
        powerLaw.map { Double.exp($0.intercept + $0.slope * Double.log(Double(k))) }
    }

    /// The fitted exponential at lag k.
    public func exponentialValue(at k: Int) -> Double? {
        exponential.map { Double.exp($0.intercept + $0.slope * Double(k)) }
    }

    /// Which curve has the smaller residual sum of squares on the log scale (nil without fits).
    public var closerFit: String? {
        guard let p = powerLaw, let e = exponential else { return nil }
        return p.residualSumOfSquares <= e.residualSumOfSquares ? "power law" : "exponential"
    }

    /// Ratio of successive fit lags (⌊1.1^i⌋, distinct).
    public static let fitSpacing = 1.1

    /// Fit series `x` (finite, non-constant, n ≥ 10).
    public static func fit(_ x: [Double]) throws -> ACFDecayFit {
        try Validate.finite(x)
        try Validate.length(x, atLeast: 10, for: "the ACF decay fit")
        try Validate.nonConstant(x)
        let n = x.count
        let maxLag = max(1, n / 10)
        let rho = try SampleStatistics.autocorrelation(x, maxLag: maxLag)
        let acf = Array(rho[1...])
        var upper = 0
        while upper < maxLag, acf[upper] > 0 { upper += 1 }
        var power: Curve? = nil
        var expo: Curve? = nil
        let lags = upper >= 1 ? try LogSpacedScales.scales(from: 1, to: upper, factor: fitSpacing) : []
        if lags.count >= 3 {
            let y = lags.map { Double.log(acf[$0 - 1]) }
            let logK = lags.map { Double.log(Double($0)) }
            let k = lags.map { Double($0) }
            let pf = try OrdinaryLeastSquares(y: y, regressors: [logK])
            let ef = try OrdinaryLeastSquares(y: y, regressors: [k])
            power = Curve(intercept: pf.intercept, slope: pf.slopes[0], residualSumOfSquares: pf.residualSumOfSquares)
            expo = Curve(intercept: ef.intercept, slope: ef.slopes[0], residualSumOfSquares: ef.residualSumOfSquares)
        }
        return ACFDecayFit(acf: acf, fitUpper: upper, fitLags: lags, powerLaw: power, exponential: expo, n: n)
    }
}
