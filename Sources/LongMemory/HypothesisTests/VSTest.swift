import MemoryNumerics

/// The V/S (rescaled variance) test of H0: short memory (Giraitis, Kokoszka, Leipus & Teyssière 2003, "Rescaled
/// variance and related tests for long memory in volatility and levels", J. Econometrics 112(2):265–294).
///
/// With S_k = Σ_{t≤k}(x_t − x̄) and the Bartlett long-run variance σ̂²(q) (``LongRunVariance``),
///
///     M_n = n^{−2} σ̂(q)^{−2} [ Σ_{k=1}^{n} S_k² − n^{−1} (Σ_{k=1}^{n} S_k)² ],
///
/// i.e. the sample variance of the partial sums divided by n·σ̂²(q). Under short memory M_n converges to the variance
/// of a Brownian bridge (``BrownianBridgeVariance``, upper critical values 0.1518 / 0.1869 / 0.2684 at
/// 10 / 5 / 1 %); under long memory with d > 0 it diverges. Default alternative `.greater` (persistence), as in
/// Giraitis et al.; `.less` (M → 0 under antipersistence) and two-sided are available. Default q: Andrews' AR(1) rule.
/// Like Lo's statistic, M_n(q) drifts toward H0 as q grows; it is reported at several q.
public enum VSTest {
    /// M_n(q) for a given q.
    public static func statistic(_ x: [Double], lags q: Int) throws -> Double {
        try TestInput.validate(x, test: "the V/S statistic")
        let y = PolynomialTrend.demeaned(x)
        let v = try LongRunVariance.bartlett(y, lags: q, demean: false)
        guard v > 0 else { return .nan }
        return partialSumVariance(y) / (Double(x.count) * v)
    }

    /// (1/n)[Σ S_k² − (1/n)(Σ S_k)²], the sample variance of the partial sums (divisor n); M_n is this over n·σ̂²(q).
    static func partialSumVariance(_ y: [Double]) -> Double {
        let s = PartialSums.cumulative(y)
        let n = Double(y.count)
        var sum = 0.0, sumSq = 0.0
        for v in s {
            sum += v
            sumSq += v * v
        }
        return (sumSq - sum * sum / n) / n
    }

    /// Critical region at significance `level` from the Brownian-bridge variance law.
    public static func criticalRegion(level: Double, alternative: TestAlternative) throws -> CriticalRegion {
        try TestInput.validateLevel(level)
        switch alternative {
        case .twoSided:
            return CriticalRegion(
                lower: try BrownianBridgeVariance.quantile(level / 2),
                upper: try BrownianBridgeVariance.quantile(1 - level / 2))
        case .greater:
            return CriticalRegion(upper: try BrownianBridgeVariance.quantile(1 - level))
        case .less:
            return CriticalRegion(lower: try BrownianBridgeVariance.quantile(level))
        }
    }

    /// Asymptotic p-value of M in the direction of `alternative`.
    public static func pValue(_ m: Double, alternative: TestAlternative) -> Double {
        switch alternative {
        case .twoSided: return min(1, 2 * min(BrownianBridgeVariance.cdf(m), BrownianBridgeVariance.survival(m)))
        case .greater: return BrownianBridgeVariance.survival(m)
        case .less: return BrownianBridgeVariance.cdf(m)
        }
    }

    /// The V/S test.
    public static func test(
        _ x: [Double], lags: LagChoice = .andrewsAR1, level: Double = 0.05, alternative: TestAlternative = .greater,
        profileLags: [Int]? = nil
    ) throws -> MemoryTestResult {
        try TestInput.validate(x, test: "the V/S test")
        try TestInput.validateLevel(level)
        let n = x.count
        let y = PolynomialTrend.demeaned(x)
        let numerator = partialSumVariance(y)
        let variances = try BartlettVariances(
            residuals: y, lags: lags, profileLags: profileLags ?? LagProfile.defaultLags(n: n))
        let m = numerator / (Double(n) * variances.variance)
        let region = try criticalRegion(level: level, alternative: alternative)
        var table: [TabulatedCriticalValue] = []
        for a in [0.10, 0.05, 0.01] {
            table.append(
                TabulatedCriticalValue(level: a, region: try criticalRegion(level: a, alternative: alternative)))
        }
        let profile = variances.profile.map { entry -> LagStatistic in
            let s = entry.variance > 0 ? numerator / (Double(n) * entry.variance) : .nan
            return LagStatistic(lag: entry.lag, statistic: s, reject: region.rejects(s))
        }
        var notes = variances.notes
        let rejections = profile.filter { $0.reject }.map { $0.lag }
        if !rejections.isEmpty && rejections.count < profile.count {
            notes.append(
                "the decision depends on q (rejects at q ∈ {\(rejections.map(String.init).joined(separator: ", "))} of "
                    + "{\(profile.map { String($0.lag) }.joined(separator: ", "))}); M(q) drifts toward H0 as q grows")
        }
        return MemoryTestResult(
            method: .rescaledVariance, name: "V/S", statistic: m, level: level, alternative: alternative,
            criticalValue: region,
            criticalValues: table, pValue: .point(pValue(m, alternative: alternative)),
            nullHypothesis: "short memory (weakly dependent, M_n(q) → variance of a Brownian bridge)",
            alternativeHypothesis: LoModifiedRS.alternativeText(alternative), n: n, lags: variances.q,
            lagRule: variances.rule, lagProfile: profile,
            auxiliary: [
                AuxiliaryParameter(name: "partial-sum variance (1/n)Σ(S_k − S̄)²", value: numerator),
                AuxiliaryParameter(name: "long-run variance σ̂²(q)", value: variances.variance),
            ],
            notes: notes)
    }
}
