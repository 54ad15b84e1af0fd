import MemoryNumerics

/// The Definition-1 diagnostic: growth of the partial sums of autocorrelations.
///
/// Definition used throughout rnnmem (Zhao et al. 2020, "Do RNN and LSTM have long memory?", ICML 2020,
/// arXiv 2006.03860, Definition 1; classical): a second-order stationary process has long memory if
/// Σ_k |ρ(k)| = ∞. A finite computation cannot show divergence; it shows the growth of
///
///     S(K) = Σ_{k=0}^{K} |ρ(k)|     (or the signed Σ_{k=0}^{K} ρ(k)),
///
/// which is bounded for short memory (and for antipersistence, d < 0) and grows like c·K^{2d} for long memory
/// (FI(d): ρ(k) ~ Γ(1 − d)/Γ(d)·k^{2d−1}, Hosking 1981). The diagnostic reports the curve S(K) at log-spaced K,
/// the OLS slope of log S(K) on log K over a fit range, its OLS standard error, and the implied d = slope/2.
///
/// The standard error is indicative only: the points are nested partial sums of one sequence, strongly dependent,
/// which OLS ignores. On sample autocorrelations the diagnostic is fragile (<doc:Conventions>): with demeaning and
/// divisor n, Σ_{k=1}^{n−1} ρ̂(k) = −½ exactly whatever the process, so only K ≤ n/10 is used, and the spectral
/// estimators of d are preferable. Each result carries these caveats in ``PartialSumDiagnostic/caveats``.
public struct PartialSumDiagnostic: Codable, Sendable, Equatable {
    /// Where the autocorrelations come from.
    public enum Source: String, Codable, Sendable, Equatable {
        /// A model's exact autocorrelations.
        case theoretical
        /// Sample autocorrelations (demeaned, divisor n).
        case sample
    }

    /// Which partial sums.
    public enum SumKind: String, Codable, Sendable, Equatable, CaseIterable {
        /// Σ_{k=0}^{K} |ρ(k)| (Definition 1 literally).
        case absolute
        /// Σ_{k=0}^{K} ρ(k) (equal to the absolute sums for nonnegative ACFs; on sample ACFs it does not accumulate
        /// the estimation noise |ρ̂(k)| ≈ √(2/(πn)) that makes absolute sums grow linearly without any memory).
        case signed
    }

    /// A heuristic reading of the slope (thresholds in ``PartialSumDiagnostics/growthThreshold``).
    public enum Growth: String, Codable, Sendable, Equatable {
        /// slope < threshold: consistent with a summable ACF (short memory or antipersistence).
        case bounded
        /// slope − 2·s.e. > threshold: growth consistent with long memory, d ≈ slope/2.
        case growing
        /// Neither.
        case inconclusive
    }

    public let source: Source
    /// What the ACF is, e.g. "FI(0.4)" or "sample ACF (n = 5000)".
    public let label: String
    public let kind: SumKind
    /// K values of the curve (log-spaced in 1…maxLag, distinct).
    public let lags: [Int]
    /// S(K) at ``lags``.
    public let partialSums: [Double]
    /// Largest lag used.
    public let maxLag: Int
    /// Fit range [fitLower, fitUpper] of K.
    public let fitLower: Int
    public let fitUpper: Int
    /// Number of curve points used in the fit.
    public let fitPoints: Int
    /// OLS slope of log S(K) on log K (NaN if fewer than 3 usable points).
    public let slope: Double
    /// OLS standard error of the slope (indicative: the points are dependent).
    public let standardError: Double
    /// OLS intercept (log scale).
    public let intercept: Double
    /// slope/2: the d of S(K) ~ c·K^{2d}; meaningful only for 0 < d < ½.
    public let impliedD: Double
    /// Heuristic reading of the slope.
    public let growth: Growth
    /// Sample size (sample ACFs only).
    public let n: Int?
    /// Σ_{k=1}^{n−1} ρ̂(k), which is −½ exactly for every series (sample ACFs only; shown as a check).
    public let fullSampleSum: Double?
    /// What the user must know before reading the slope.
    public let caveats: [String]
}

/// Constructors of ``PartialSumDiagnostic``.
public enum PartialSumDiagnostics {
    /// Slope above which (after subtracting two standard errors) the sums are read as growing, and below which they
    /// are read as bounded: 0.1, i.e. d = 0.05.
    public static let growthThreshold = 0.1
    /// Points per decade of the log-spaced curve.
    public static let pointsPerDecade = 10

    /// Default fit range for a largest lag K_max: [⌈√K_max⌉, K_max] (for K_max = 10⁴ this is [10², 10⁴], the range of
    /// validation target LM11 in <doc:ValidationTargets>).
    public static func defaultFitRange(maxLag: Int) -> ClosedRange<Int> {
        let lower = max(1, Int(Double(maxLag).squareRoot().rounded(.up)))
        return min(lower, maxLag)...maxLag
    }

    /// Diagnostic on an exact autocovariance (or autocorrelation) sequence γ(0…K_max); it is normalised by γ(0).
    public static func theoretical(
        acvf gamma: [Double], label: String, fitRange: ClosedRange<Int>? = nil,
        kind: PartialSumDiagnostic.SumKind = .absolute
    ) throws -> PartialSumDiagnostic {
        try Validate.finite(gamma)
        guard gamma.count >= 4 else {
            throw LongMemoryError.invalidArgument(
                name: "acvf", value: "\(gamma.count) lags", requirement: "needs lags 0…K with K ≥ 3")
        }
        guard gamma[0] > 0 else {
            throw LongMemoryError.invalidArgument(name: "acvf[0]", value: "\(gamma[0])", requirement: "must be > 0")
        }
        let rho = gamma.map { $0 / gamma[0] }
        var caveats = commonCaveats()
        if rho.contains(where: { $0 < 0 }) && kind == .signed {
            caveats.append("the ACF has negative values: signed sums can cancel; Definition 1 uses absolute values")
        }
        return try build(
            rho: rho, source: .theoretical, label: label, fitRange: fitRange, kind: kind, n: nil, fullSampleSum: nil,
            caveats: caveats)
    }

    /// Diagnostic on the exact FI(d) autocorrelations (Hosking 1981), lags 0…maxLag (default 10⁴).
    public static func fractionalNoise(
        d: Double, maxLag: Int = 10_000, fitRange: ClosedRange<Int>? = nil
    ) throws -> PartialSumDiagnostic {
        try checkMaxLag(maxLag)
        return try theoretical(
            acvf: Autocovariance.fractionalNoise(d: d, lags: maxLag),
            label: "FI(\(EstimatorFormat.number(d, digits: 6)))",
            fitRange: fitRange)
    }

    /// Diagnostic on the exact ARFIMA(p, d, q) autocorrelations, lags 0…maxLag (default 10⁴).
    public static func arfima(
        _ model: ARFIMAModel, maxLag: Int = 10_000, fitRange: ClosedRange<Int>? = nil
    ) throws -> PartialSumDiagnostic {
        try checkMaxLag(maxLag)
        try model.validate()
        let label = "ARFIMA(\(model.ar.count),\(EstimatorFormat.number(model.d, digits: 6)),\(model.ma.count))"
        return try theoretical(acvf: Autocovariance.arfima(model, lags: maxLag), label: label, fitRange: fitRange)
    }

    /// Diagnostic on sample autocorrelations (demeaned, divisor n), lags up to `maxLag` ≤ ⌊n/10⌋ (default ⌊n/10⌋).
    /// Default `kind` is ``PartialSumDiagnostic/SumKind/signed`` (see its documentation); the absolute sums are
    /// available but accumulate estimation noise.
    public static func sample(
        _ x: [Double], maxLag: Int? = nil, fitRange: ClosedRange<Int>? = nil,
        kind: PartialSumDiagnostic.SumKind = .signed
    ) throws -> PartialSumDiagnostic {
        try Validate.series(
            x, atLeast: 80, for: "the partial-sum (Definition 1) diagnostic on a sample ACF (K ≤ n/10 ≥ 8)")
        let n = x.count
        let cap = n / 10
        let kMax = maxLag ?? cap
        guard kMax >= 3, kMax <= cap else {
            throw LongMemoryError.invalidArgument(
                name: "maxLag", value: "\(kMax)",
                requirement: "the sample diagnostic uses 3 ≤ K ≤ n/10 = \(cap) only (Σ_{k=1}^{n−1} ρ̂(k) = −½ exactly)")
        }
        // All n − 1 lags in one FFT: the curve needs ≤ n/10 of them, the full sum shows the −½ identity.
        let rhoAll = try SampleStatistics.autocorrelation(x, maxLag: n - 1)
        var full = 0.0
        for k in 1..<n { full += rhoAll[k] }
        let rho = Array(rhoAll[0...kMax])
        var caveats = commonCaveats()
        caveats.append(
            "sample ACF: Σ_{k=1}^{n−1} ρ̂(k) = −½ exactly for every series (demeaned, divisor n; here "
                + "\(EstimatorFormat.number(full, digits: 10))), so partial sums must turn down at large K; only "
                + "K ≤ n/10 = \(cap) is used. Prefer the spectral estimators of d (GPH, local Whittle)")
        caveats.append(
            "sample autocorrelations of a long-memory series are biased downward by O(n^{2d−1}) through the mean "
                + "correction: the slope is biased low")
        let floor = Double(kMax) * (2 / (Double.pi * Double(n))).squareRoot()
        switch kind {
        case .absolute:
            caveats.append(
                "absolute sums of sample autocorrelations grow without any memory: |ρ̂(k)| ≈ √(2/(πn)) for white noise, "
                    + "so Σ_{k=1}^{K}|ρ̂(k)| ≈ K·√(2/(πn)) = \(EstimatorFormat.number(floor, digits: 3)) at K = \(kMax); "
                    + "use the signed sums for the slope")
        case .signed:
            caveats.append(
                "signed sums are used (Σ ρ̂(k), not Σ |ρ̂(k)|): for white noise |ρ̂(k)| ≈ √(2/(πn)) would "
                    + "accumulate to ≈ \(EstimatorFormat.number(floor, digits: 3)) at K = \(kMax) in the absolute sums")
        }
        return try build(
            rho: rho, source: .sample, label: "sample ACF (n = \(n))", fitRange: fitRange, kind: kind, n: n,
            fullSampleSum: full, caveats: caveats)
    }

    static func checkMaxLag(_ k: Int) throws {
        guard k >= 3, k <= 10_000_000 else {
            throw LongMemoryError.invalidArgument(name: "maxLag", value: "\(k)", requirement: "must be in 3…10⁷")
        }
    }

    static func commonCaveats() -> [String] {
        [
            "Definition 1 (Zhao et al. 2020): long memory iff Σ_k |ρ(k)| = ∞; a finite range of K can only show growth "
                + "consistent with K^{2d}, not divergence",
            "the slope's standard error is OLS on nested partial sums of one sequence (strongly dependent points): "
                + "indicative only",
            "implied d = slope/2 is meaningful only for long memory (0 < d < ½); short memory and antipersistence "
                + "(d < 0) both give bounded sums (slope → 0)",
        ]
    }

    /// Curve, fit and reading from ρ(0…K_max).
    static func build(
        rho: [Double], source: PartialSumDiagnostic.Source, label: String, fitRange: ClosedRange<Int>?,
        kind: PartialSumDiagnostic.SumKind, n: Int?, fullSampleSum: Double?, caveats: [String]
    ) throws -> PartialSumDiagnostic {
        let kMax = rho.count - 1
        let range = fitRange ?? defaultFitRange(maxLag: kMax)
        guard range.lowerBound >= 1, range.upperBound <= kMax, range.upperBound > range.lowerBound else {
            throw LongMemoryError.invalidArgument(
                name: "fitRange", value: "\(range.lowerBound)…\(range.upperBound)",
                requirement: "needs 1 ≤ lower < upper ≤ maxLag = \(kMax)")
        }
        // Cumulative sums S(K), K = 0…K_max.
        var cumulative = [Double](repeating: 0, count: kMax + 1)
        var s = 0.0
        for k in 0...kMax {
            s += kind == .absolute ? abs(rho[k]) : rho[k]
            cumulative[k] = s
        }
        let factor = Double.pow(10, 1 / Double(pointsPerDecade))
        var curveLags = try LogSpacedScales.scales(from: 1, to: kMax, factor: factor)
        curveLags += [range.lowerBound, range.upperBound, kMax]
        curveLags = Array(Set(curveLags)).sorted()
        let curve = curveLags.map { cumulative[$0] }
        // Fit points: log-spaced within the fit range (the range's own grid, so it has points even when narrow).
        var fitLags = try LogSpacedScales.scales(from: range.lowerBound, to: range.upperBound, factor: factor)
        if fitLags.last != range.upperBound { fitLags.append(range.upperBound) }
        var notes = caveats
        let usable = fitLags.filter { cumulative[$0] > 0 }
        if usable.count < fitLags.count {
            notes.append("\(fitLags.count - usable.count) fit point(s) with S(K) ≤ 0 were left out of the log–log fit")
        }
        var slope = Double.nan, se = Double.nan, intercept = Double.nan
        if usable.count >= 3 {
            let fit = try LogLogFit(
                points: usable.map { ScalingPoint(scale: $0, value: cumulative[$0]) }, what: "Definition-1 diagnostic")
            slope = fit.slope
            se = fit.slopeStandardError
            intercept = fit.intercept
        } else {
            notes.append("fewer than 3 usable fit points: no slope")
        }
        let growth: PartialSumDiagnostic.Growth
        if !slope.isFinite {
            growth = .inconclusive
        } else if slope < growthThreshold {
            growth = .bounded
        } else if slope - 2 * (se.isFinite ? se : 0) > growthThreshold {
            growth = .growing
        } else {
            growth = .inconclusive
        }
        return PartialSumDiagnostic(
            source: source, label: label, kind: kind, lags: curveLags, partialSums: curve, maxLag: kMax,
            fitLower: range.lowerBound, fitUpper: range.upperBound, fitPoints: usable.count, slope: slope,
            standardError: se, intercept: intercept, impliedD: slope / 2, growth: growth, n: n,
            fullSampleSum: fullSampleSum, caveats: notes)
    }
}
