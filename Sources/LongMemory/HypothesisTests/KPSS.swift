import MemoryNumerics

/// The KPSS test of H0: level or trend stationarity (Kwiatkowski, Phillips, Schmidt & Shin 1992, "Testing the null
/// hypothesis of stationarity against the alternative of a unit root", J. Econometrics 54(1–3):159–178).
///
/// With e_t the residuals of the regression of x on a constant (level) or on (1, t) (trend), S_k = Σ_{t≤k} e_t and
/// the Bartlett long-run variance σ̂²(q) of e (divisor n; ``LongRunVariance``),
///
///     η = n^{−2} Σ_{k=1}^{n} S_k² / σ̂²(q)                                  (their eqs. (10)–(11)).
///
/// Large η rejects. Critical values are Table 1 of Kwiatkowski et al. (1992): level 0.347 / 0.463 / 0.574 / 0.739,
/// trend 0.119 / 0.146 / 0.176 / 0.216 at 10 / 5 / 2.5 / 1 %. The p-value is interpolated linearly in the table
/// (as statsmodels does) and reported as a bound outside it (p > 0.10 or p < 0.01).
///
/// Lags: default the automatic rule of Hobijn, Franses & Ooms (2004) (``LagChoice/neweyWest``, statsmodels
/// `nlags="auto"`); ``LagChoice/legacy`` is ⌊12(n/100)^{1/4}⌋ (Schwert 1989; statsmodels' "legacy" uses the ceiling).
///
/// KPSS is consistent against long memory as well as against a unit root (Lee & Schmidt 1996, J. Econometrics
/// 73:285–302): a rejection means "not (level/trend) stationary with short memory", which covers d > 0, d ≥ ½, a
/// unit root, and also breaks or trends, which inflate η without any memory.
public enum KPSSTest {
    /// Deterministic component removed under H0.
    public enum Kind: String, CaseIterable, Codable, Sendable, Hashable {
        /// Stationary around a constant.
        case level
        /// Stationary around a linear trend.
        case trend
    }

    /// Table 1 of Kwiatkowski et al. (1992): significance levels and upper critical values.
    public static let tableLevels: [Double] = [0.10, 0.05, 0.025, 0.01]

    /// Table 1 critical values for `kind`, at ``tableLevels``.
    public static func tableCriticalValues(_ kind: Kind) -> [Double] {
        switch kind {
        case .level: return [0.347, 0.463, 0.574, 0.739]
        case .trend: return [0.119, 0.146, 0.176, 0.216]
        }
    }

    /// Residuals of the regression of x on 1 (level) or on (1, t), t = 1…n (trend), by the closed-form simple
    /// regression.
    public static func residuals(_ x: [Double], kind: Kind) -> [Double] {
        switch kind {
        case .level: return PolynomialTrend.demeaned(x)
        case .trend: return PolynomialTrend.linearDetrended(x)
        }
    }

    /// η for a given q.
    public static func statistic(_ x: [Double], kind: Kind = .level, lags q: Int) throws -> Double {
        try TestInput.validate(x, test: "the KPSS statistic")
        let e = residuals(x, kind: kind)
        let v = try LongRunVariance.bartlett(e, lags: q, demean: false)
        guard v > 0 else { return .nan }
        return scaledSumOfSquaredPartialSums(e) / v
    }

    /// n^{−2} Σ S_k².
    static func scaledSumOfSquaredPartialSums(_ e: [Double]) -> Double {
        let s = PartialSums.cumulative(e)
        let n = Double(e.count)
        return s.reduce(0) { $0 + $1 * $1 } / (n * n)
    }

    /// Upper critical value at significance `level`: the table value when `level` is one of 10, 5, 2.5, 1 %,
    /// otherwise linear interpolation between neighbouring table entries; throws outside [1 %, 10 %].
    public static func criticalValue(kind: Kind, level: Double) throws -> Double {
        let cv = tableCriticalValues(kind)
        if let i = tableLevels.firstIndex(where: { abs($0 - level) < 1e-12 }) { return cv[i] }
        guard level.isFinite, level > 0.01, level < 0.10 else {
            throw LongMemoryError.invalidArgument(
                name: "level", value: "\(level)",
                requirement: "KPSS critical values are tabulated for significance levels 1%…10% only")
        }
        for i in 0..<(tableLevels.count - 1) where level <= tableLevels[i] && level >= tableLevels[i + 1] {
            let w = (tableLevels[i] - level) / (tableLevels[i] - tableLevels[i + 1])
            return cv[i] + w * (cv[i + 1] - cv[i])
        }
        throw LongMemoryError.numerical("internal: KPSS level \(level) not bracketed")
    }

    /// p-value by linear interpolation in Table 1; outside the table a bound (p > 0.10 below the 10% value, p < 0.01
    /// above the 1% value), with ``PValue/value`` at the table's edge (statsmodels' convention).
    public static func pValue(_ eta: Double, kind: Kind) -> PValue {
        let cv = tableCriticalValues(kind)
        guard !eta.isNaN else { return .point(.nan, kind: .interpolated) }
        if eta < cv[0] { return PValue(value: 0.10, lower: 0.10, upper: 1, kind: .bound) }
        if eta > cv[cv.count - 1] { return PValue(value: 0.01, lower: 0, upper: 0.01, kind: .bound) }
        for i in 0..<(cv.count - 1) where eta >= cv[i] && eta <= cv[i + 1] {
            let w = (eta - cv[i]) / (cv[i + 1] - cv[i])
            return .point(tableLevels[i] + w * (tableLevels[i + 1] - tableLevels[i]), kind: .interpolated)
        }
        return .point(.nan, kind: .interpolated)
    }

    /// The KPSS test.
    /// - Parameters:
    ///   - x: the series x_1, …, x_n (finite, not constant).
    ///   - kind: level (default) or trend stationarity under H0.
    ///   - lags: truncation lag rule (default ``LagChoice/neweyWest``, the Hobijn–Franses–Ooms automatic rule).
    ///   - level: significance level in [0.01, 0.10] (default 0.05).
    ///   - profileLags: truncation lags at which the statistic is also reported (default ``LagProfile/defaultLags(n:)``).
    public static func test(
        _ x: [Double], kind: Kind = .level, lags: LagChoice = .neweyWest, level: Double = 0.05,
        profileLags: [Int]? = nil
    ) throws -> MemoryTestResult {
        try TestInput.validate(x, test: "the KPSS test")
        try TestInput.validateLevel(level)
        let n = x.count
        let critical = try criticalValue(kind: kind, level: level)
        let e = residuals(x, kind: kind)
        // Residuals at rounding level relative to the series' own magnitude (the statistic is scale invariant, so
        // the threshold must be too: an absolute one calls every series of magnitude < 1e-14 an exact trend).
        let magnitude = x.reduce(0) { max($0, abs($1)) }
        guard e.contains(where: { abs($0) > 1e-14 * magnitude }) else {
            throw LongMemoryError.invalidArgument(
                name: "series", value: kind == .level ? "constant" : "an exact linear trend",
                requirement: "KPSS (\(kind == .level ? "level" : "trend")) needs nonzero residuals")
        }
        let numerator = scaledSumOfSquaredPartialSums(e)
        let variances = try BartlettVariances(
            residuals: e, lags: lags, profileLags: profileLags ?? LagProfile.defaultLags(n: n))
        let eta = numerator / variances.variance
        let region = CriticalRegion(upper: critical)
        let table = zip(tableLevels, tableCriticalValues(kind)).map {
            TabulatedCriticalValue(level: $0.0, region: CriticalRegion(upper: $0.1))
        }
        let profile = variances.profile.map { entry -> LagStatistic in
            let s = entry.variance > 0 ? numerator / entry.variance : .nan
            return LagStatistic(lag: entry.lag, statistic: s, reject: region.rejects(s))
        }
        var notes = variances.notes
        let p = pValue(eta, kind: kind)
        if p.kind == .bound {
            notes.append("the statistic is outside Kwiatkowski et al.'s Table 1: p-value \(p)")
        }
        if !tableLevels.contains(where: { abs($0 - level) < 1e-12 }) {
            notes.append("the critical value at \(LevelFormat.percent(level)) is interpolated in Table 1")
        }
        notes.append(
            "rejection means not \(kind.rawValue)-stationary with short memory: long memory (d > 0), a unit root, "
                + "or a structural break / unmodelled trend")
        let what = kind == .level ? "level" : "trend"
        return MemoryTestResult(
            method: .kwiatkowskiPhillipsSchmidtShin, name: "KPSS (\(what))", statistic: eta, level: level,
            alternative: .greater,
            criticalValue: region, criticalValues: table, pValue: p,
            nullHypothesis:
                "\(what) stationarity (short memory around a \(kind == .level ? "constant" : "linear trend"))",
            alternativeHypothesis: "not \(what)-stationary (unit root, long memory, or breaks)", n: n,
            lags: variances.q, lagRule: variances.rule, lagProfile: profile,
            auxiliary: [
                AuxiliaryParameter(name: "n^-2 Σ S_k²", value: numerator),
                AuxiliaryParameter(name: "long-run variance σ̂²(q)", value: variances.variance),
            ],
            notes: notes)
    }
}
