import MemoryNumerics

/// Lo's (1991) modified rescaled-range test of H0: short memory (Lo 1991, "Long-term memory in stock market prices",
/// Econometrica 59(5):1279–1313).
///
/// With S_k = Σ_{t≤k} (x_t − x̄), k = 1…n, R_n = max_k S_k − min_k S_k and the Bartlett long-run variance
/// σ̂²(q) = γ̂₀ + 2Σ_{j=1}^{q}(1 − j/(q + 1))γ̂_j (divisor n; ``LongRunVariance``),
///
///     V_n(q) = R_n / (√n · σ̂(q)).
///
/// Under short memory (q → ∞, q/n → 0) V_n(q) converges to the range of a Brownian bridge (``BrownianBridgeRange``);
/// under long memory with d > 0 it diverges (V → ∞: persistence), with d < 0 it tends to 0 (antipersistence).
/// q = 0 is the classical (Mandelbrot) R/S statistic normalised by the standard deviation (divisor n).
///
/// * Default q: Andrews' (1991) AR(1) rule q = ⌊(3n/2)^{1/3}|2ρ̂/(1 − ρ̂²)|^{2/3}⌋ as Lo uses it (``LagChoice/andrewsAR1``).
/// * Default alternative two-sided, as in Lo's Table II (5% acceptance region [0.809, 1.862]).
/// * V is also reported at several q (``MemoryTestResult/lagProfile``): V_n(q) drifts toward H0 as q grows even
///   for long-memory data (Teverovsky, Taqqu & Willinger 1999, J. Statist. Plann. Inference 80:211–227), so a
///   rejection that disappears at moderate q is weak evidence, and a non-rejection at large q is no evidence.
public enum LoModifiedRS {
    /// The R/S statistic pieces: range R_n of the partial sums of the demeaned series.
    public static func range(_ x: [Double]) throws -> Double {
        try Validate.finite(x)
        try Validate.length(x, atLeast: 1, for: "a rescaled range")
        let s = PartialSums.cumulative(PolynomialTrend.demeaned(x))
        var lo = Double.infinity, hi = -Double.infinity
        for v in s {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        return hi - lo
    }

    /// V_n(q) for a given q (no lag rule, no test decision).
    public static func statistic(_ x: [Double], lags q: Int) throws -> Double {
        try TestInput.validate(x, test: "Lo's modified R/S statistic")
        let y = PolynomialTrend.demeaned(x)
        let v = try LongRunVariance.bartlett(y, lags: q, demean: false)
        guard v > 0 else { return .nan }
        return try range(x) / (Double(x.count).squareRoot() * v.squareRoot())
    }

    /// Critical region at significance `level` from the Brownian-bridge range law.
    public static func criticalRegion(level: Double, alternative: TestAlternative) throws -> CriticalRegion {
        try TestInput.validateLevel(level)
        switch alternative {
        case .twoSided:
            return CriticalRegion(
                lower: try BrownianBridgeRange.quantile(level / 2),
                upper: try BrownianBridgeRange.quantile(1 - level / 2))
        case .greater:
            return CriticalRegion(upper: try BrownianBridgeRange.quantile(1 - level))
        case .less:
            return CriticalRegion(lower: try BrownianBridgeRange.quantile(level))
        }
    }

    /// Asymptotic p-value of V in the direction of `alternative`.
    public static func pValue(_ v: Double, alternative: TestAlternative) -> Double {
        switch alternative {
        case .twoSided: return min(1, 2 * min(BrownianBridgeRange.cdf(v), BrownianBridgeRange.survival(v)))
        case .greater: return BrownianBridgeRange.survival(v)
        case .less: return BrownianBridgeRange.cdf(v)
        }
    }

    /// Lo's modified R/S test.
    /// - Parameters:
    ///   - x: the series x_1, …, x_n (finite, not constant).
    ///   - lags: truncation lag rule (default Andrews' AR(1) rule).
    ///   - level: significance level α (default 0.05).
    ///   - alternative: two-sided (default), `.greater` (persistence / long memory), `.less` (antipersistence).
    ///   - profileLags: q values at which V is also reported (default ``LagProfile/defaultLags(n:)``).
    public static func test(
        _ x: [Double], lags: LagChoice = .andrewsAR1, level: Double = 0.05, alternative: TestAlternative = .twoSided,
        profileLags: [Int]? = nil
    ) throws -> MemoryTestResult {
        try TestInput.validate(x, test: "Lo's modified R/S test")
        try TestInput.validateLevel(level)
        let n = x.count
        let y = PolynomialTrend.demeaned(x)
        let r = try range(x)
        let variances = try BartlettVariances(
            residuals: y, lags: lags, profileLags: profileLags ?? LagProfile.defaultLags(n: n))
        let rootN = Double(n).squareRoot()
        let v = r / (rootN * variances.variance.squareRoot())
        let region = try criticalRegion(level: level, alternative: alternative)
        var table: [TabulatedCriticalValue] = []
        for a in [0.10, 0.05, 0.01] {
            table.append(
                TabulatedCriticalValue(level: a, region: try criticalRegion(level: a, alternative: alternative)))
        }
        let profile = variances.profile.map { entry -> LagStatistic in
            let s = entry.variance > 0 ? r / (rootN * entry.variance.squareRoot()) : .nan
            return LagStatistic(lag: entry.lag, statistic: s, reject: region.rejects(s))
        }
        var notes = variances.notes
        if variances.q == 0 {
            notes.append("q = 0: this is the classical R/S statistic, which is not robust to short-range dependence")
        }
        let rejections = profile.filter { $0.reject }.map { $0.lag }
        if !rejections.isEmpty && rejections.count < profile.count {
            notes.append(
                "the decision depends on q (rejects at q ∈ {\(rejections.map(String.init).joined(separator: ", "))} of "
                    + "{\(profile.map { String($0.lag) }.joined(separator: ", "))}); V(q) drifts toward H0 as q grows "
                    + "(Teverovsky, Taqqu & Willinger 1999)")
        }
        notes.append(
            "V above the upper critical value indicates persistence (long memory, d > 0), below the lower one antipersistence (d < 0)"
        )
        return MemoryTestResult(
            method: .loModifiedRescaledRange, name: "Lo modified R/S", statistic: v, level: level,
            alternative: alternative,
            criticalValue: region, criticalValues: table, pValue: .point(pValue(v, alternative: alternative)),
            nullHypothesis: "short memory (weakly dependent, V_n(q) → range of a Brownian bridge)",
            alternativeHypothesis: alternativeText(alternative), n: n, lags: variances.q, lagRule: variances.rule,
            lagProfile: profile,
            auxiliary: [
                AuxiliaryParameter(name: "range R_n", value: r),
                AuxiliaryParameter(name: "long-run variance σ̂²(q)", value: variances.variance),
                AuxiliaryParameter(
                    name: "sample variance γ̂₀",
                    value: variances.profile.first { $0.lag == 0 }?.variance ?? y.reduce(0) { $0 + $1 * $1 } / Double(n)
                ),
            ],
            notes: notes)
    }

    static func alternativeText(_ a: TestAlternative) -> String {
        switch a {
        case .twoSided: return "long memory: persistence (d > 0) or antipersistence (d < 0)"
        case .greater: return "long memory with persistence (d > 0)"
        case .less: return "antipersistence (d < 0)"
        }
    }
}
