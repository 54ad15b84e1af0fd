import MemoryNumerics

// # Tests of true against spurious long memory
//
// Level shifts, regime switches and trends produce a periodogram that rises toward λ = 0 and make every estimator
// of d positive (Diebold & Inoue 2001; Granger & Hyung 2004). The checks below are built to tell them apart from a
// fractional process; `rnnmem check` runs them and the verdict (``VerdictRule``) reads them before calling a series
// long memory.

/// Qu's (2011) test of H0: true long memory against spurious long memory (J. Business & Economic Statistics
/// 29(3):423–438).
///
/// With the local Whittle estimates d̂, Ĝ at bandwidth m (Robinson 1995), ν_j = log λ_j − (1/m)Σ_k log λ_k and the
/// normalised periodogram I_j/(Ĝ λ_j^{−2d̂}):
///
///   W = sup_{r ∈ [ε, 1]} (Σ_{j≤m} ν_j²)^{−1/2} · |Σ_{j ≤ ⌊mr⌋} ν_j (I_j/(Ĝ λ_j^{−2d̂}) − 1)|,
///
/// the supremum over ⌊mr⌋ = ⌊εm⌋, …, m. Under H0, W converges to sup_r |B(r) − r B(1)|-type functional of Qu's
/// Theorem 1; a level shift or a trend leaves a characteristic imbalance between the lowest and the higher
/// frequencies and W is large. Critical values: Qu (2011, Table 1) for ε = 0.02 and 0.05.
public struct QuTest: Codable, Sendable, Equatable {
    /// W.
    public let statistic: Double
    /// m (number of Fourier frequencies; Qu's recommendation m = ⌊n^0.7⌋).
    public let bandwidth: Int
    /// ε, the trimming of the supremum.
    public let trimming: Double
    /// The local Whittle d̂ at m used to normalise the periodogram.
    public let d: Double
    /// Ĝ = (1/m)Σ λ_j^{2d̂} I_j at that d̂.
    public let scale: Double
    /// The test level.
    public let level: Double
    /// The critical value at ``level`` (Qu 2011, Table 1).
    public let criticalValue: Double
    /// W > critical value.
    public let reject: Bool
    /// The bracket of the p-value from the table: (0.1, 1], (0.05, 0.1], (0.025, 0.05], (0.01, 0.025] or [0, 0.01].
    public let pValueBounds: ClosedRange<Double>

    /// Critical values of W (Qu 2011, Table 1): levels 10%, 5%, 2.5%, 1%.
    public static let levels: [Double] = [0.10, 0.05, 0.025, 0.01]
    /// For ε = 0.02.
    public static let criticalValuesTrimming002: [Double] = [1.118, 1.252, 1.374, 1.517]
    /// For ε = 0.05.
    public static let criticalValuesTrimming005: [Double] = [1.022, 1.155, 1.277, 1.426]

    /// The default bandwidth exponent m = ⌊n^0.7⌋ (Qu 2011, §4).
    public static let defaultExponent = 0.7

    /// The default trimming: ε = 0.02 for n > 500, 0.05 otherwise (the recommendation of Qu 2011, §4).
    public static func defaultTrimming(n: Int) -> Double { n > 500 ? 0.02 : 0.05 }

    /// Qu's W on series `x` at bandwidth `bandwidth` (default ⌊n^0.7⌋) and trimming ε ∈ {0.02, 0.05}.
    /// `level` must be one of ``levels``.
    public static func test(
        _ x: [Double], bandwidth: Bandwidth = .exponent(defaultExponent), trimming: Double? = nil,
        level: Double = 0.05
    ) throws -> QuTest {
        try EstimatorInput.validate(x, estimator: "Qu's test")
        let n = x.count
        let epsilon = trimming ?? defaultTrimming(n: n)
        let table: [Double]
        if epsilon == 0.02 {
            table = criticalValuesTrimming002
        } else if epsilon == 0.05 {
            table = criticalValuesTrimming005
        } else {
            throw LongMemoryError.invalidArgument(
                name: "trimming", value: "\(epsilon)", requirement: "must be 0.02 or 0.05 (Qu 2011, Table 1)")
        }
        guard let levelIndex = levels.firstIndex(of: level) else {
            throw LongMemoryError.invalidArgument(
                name: "level", value: "\(level)",
                requirement: "must be one of 0.1, 0.05, 0.025, 0.01 (Qu 2011, Table 1)")
        }
        let (m, _) = try bandwidth.resolveFixed(n: n, minimum: 20, estimator: "Qu's test")
        let pgram = try SampleStatistics.periodogram(x, count: m)
        let lw = try LocalWhittle.estimate(x, bandwidth: .count(m))
        let w = try statistic(periodogram: pgram.values, frequencies: pgram.frequencies, d: lw.d, trimming: epsilon)
        let critical = table[levelIndex]
        var bounds: ClosedRange<Double> = 0.1...1
        for (i, c) in table.enumerated() where w > c {
            bounds = 0...levels[i]
            if i + 1 < levels.count, w <= table[i + 1] { bounds = levels[i + 1]...levels[i] }
        }
        let scale = lw.auxiliary.first { $0.name == "G" }?.value ?? .nan
        return QuTest(
            statistic: w, bandwidth: m, trimming: epsilon, d: lw.d, scale: scale, level: level,
            criticalValue: critical, reject: w > critical, pValueBounds: bounds)
    }

    /// W from periodogram ordinates I(λ_j), j = 1…m, at a given d̂ (Ĝ = (1/m)Σ λ_j^{2d̂} I_j, the local Whittle
    /// scale at d̂).
    public static func statistic(
        periodogram values: [Double], frequencies: [Double], d: Double, trimming epsilon: Double
    )
        throws -> Double
    {
        let m = values.count
        guard m == frequencies.count, m >= 2, d.isFinite, epsilon > 0, epsilon < 1 else {
            throw LongMemoryError.invalidArgument(
                name: "periodogram", value: "\(m) values", requirement: "needs m ≥ 2 ordinates, a finite d, ε in (0, 1)"
            )
        }
        var meanLog = 0.0
        for l in frequencies { meanLog += Double.log(l) }
        meanLog /= Double(m)
        var g = 0.0
        for j in 0..<m { g += Double.exp(2 * d * Double.log(frequencies[j])) * values[j] }
        g /= Double(m)
        guard g > 0, g.isFinite else { throw LongMemoryError.constantSeries }
        var sumNuSquared = 0.0
        for l in frequencies {
            let nu = Double.log(l) - meanLog
            sumNuSquared += nu * nu
        }
        let first = max(1, Int((epsilon * Double(m)).rounded(.down)))
        var partial = 0.0
        var best = 0.0
        for j in 0..<m {
            let nu = Double.log(frequencies[j]) - meanLog
            partial += nu * (values[j] * Double.exp(2 * d * Double.log(frequencies[j])) / g - 1)
            if j + 1 >= first { best = max(best, abs(partial)) }
        }
        return best / sumNuSquared.squareRoot()
    }
}

/// A sample-splitting test of constant d (after Shimotsu 2006, "Simple (but effective) tests of long memory versus
/// structural breaks", Queen's Economics Department Working Paper 1101).
///
/// The series is split into b consecutive blocks of ⌊n/b⌋ observations; d is estimated on each block by local
/// Whittle (mean-invariant, so each block is demeaned implicitly) with m_b = ⌊m/b⌋ frequencies, m = ⌊n^0.65⌋ —
/// the same frequency band [0, 2πm/n] as the full-sample estimate. Under a stationary fractional process the block
/// estimates are asymptotically independent N(d, v_i) (Robinson 1995), v_i = 1/(4Σ_j ν_j²) the finite-m variance;
/// the Wald statistic of their equality
///
///   W = Σ_i (d̂_i − d̄)²/v_i,  d̄ = Σ_i (d̂_i/v_i) / Σ_i (1/v_i),
///
/// is χ²_{b−1}. Under a level shift or a regime switch the block that contains a break has a much larger d̂ than
/// the blocks that do not (the break is a deterministic low-frequency component only where it occurs), and W is
/// large; the full-sample d̂ is reported beside the block estimates (Shimotsu's comparison: under true long memory
/// it agrees with them). Blocks: b = 4 for n ≥ 1000, b = 2 otherwise.
public struct SampleSplittingTest: Codable, Sendable, Equatable {
    /// Number of blocks b.
    public let blocks: Int
    /// m_b, the bandwidth of each block estimate.
    public let blockBandwidth: Int
    /// d̂ of each block (local Whittle).
    public let blockEstimates: [Double]
    /// Their standard errors √v_i.
    public let blockStandardErrors: [Double]
    /// The full-sample local Whittle d̂ at m = b·m_b.
    public let fullSampleD: Double
    /// W.
    public let statistic: Double
    /// b − 1.
    public let degreesOfFreedom: Int
    /// P(χ²_{b−1} > W).
    public let pValue: Double
    /// The test level.
    public let level: Double
    /// p < level.
    public let reject: Bool

    /// Run the test on `x` (n ≥ 200) with m = ⌊n^`exponent`⌋.
    public static func test(_ x: [Double], exponent: Double = 0.65, level: Double = 0.05) throws
        -> SampleSplittingTest
    {
        try EstimatorInput.validate(x, minimum: 200, estimator: "the sample-splitting test")
        try EstimatorInput.validateLevel(level)
        let n = x.count
        let b = n >= 1000 ? 4 : 2
        let m = Bandwidth.floorPower(n, exponent)
        let mb = m / b
        guard mb >= 8 else {
            throw LongMemoryError.invalidArgument(
                name: "n", value: "\(n)",
                requirement: "the sample-splitting test needs at least 8 frequencies per block")
        }
        let length = n / b
        var estimates: [Double] = []
        var ses: [Double] = []
        for i in 0..<b {
            let block = Array(x[(i * length)..<((i + 1) * length)])
            let e = try LocalWhittle.estimate(block, bandwidth: .count(mb))
            estimates.append(e.d)
            let finite = e.alternativeStandardErrors.first { $0.label.hasPrefix("finite-m") }?.value ?? e.standardError
            ses.append(finite)
        }
        let full = try LocalWhittle.estimate(x, bandwidth: .count(b * mb))
        var weight = 0.0, weighted = 0.0
        for i in 0..<b {
            let v = ses[i] * ses[i]
            weight += 1 / v
            weighted += estimates[i] / v
        }
        let mean = weighted / weight
        var w = 0.0
        for i in 0..<b { w += (estimates[i] - mean) * (estimates[i] - mean) / (ses[i] * ses[i]) }
        let p = SpecialFunctions.chiSquaredUpperTail(w, degreesOfFreedom: Double(b - 1))
        return SampleSplittingTest(
            blocks: b, blockBandwidth: mb, blockEstimates: estimates, blockStandardErrors: ses, fullSampleD: full.d,
            statistic: w, degreesOfFreedom: b - 1, pValue: p, level: level, reject: p < level)
    }
}

/// The least-squares location of one shift in the mean (Bai 1994, J. Time Series Analysis 15(5):453–472) and d on
/// the series with that shift removed — a descriptive check of the most common impostor of long memory: if one
/// level shift explains the low-frequency power, d̂ of the adjusted series drops to about 0.
///
/// k̂ = argmax_{k ∈ [0.15n, 0.85n]} k(n − k)/n·(x̄_{1:k} − x̄_{k+1:n})², the shift Δ = x̄_{k̂+1:n} − x̄_{1:k̂} in units
/// of the residual standard deviation, and the exact local Whittle estimate (m = ⌊n^0.65⌋) of the series minus its
/// two segment means.
public struct MeanShiftCheck: Codable, Sendable, Equatable {
    /// k̂: the last observation (1-based) before the shift.
    public let location: Int
    /// Δ/σ̂, σ̂² the residual variance after removing both means.
    public let standardizedShift: Double
    /// The sup-F statistic k̂(n − k̂)/n·Δ²/σ̂² (no standard critical value under long memory: descriptive).
    public let statistic: Double
    /// d̂ of the series with both segment means removed (exact local Whittle).
    public let adjusted: MemoryEstimate

    /// Locate the shift in `x` (n ≥ 100, finite, not constant) and estimate d of the adjusted series.
    public static func check(_ x: [Double], confidenceLevel: Double = 0.95) throws -> MeanShiftCheck {
        try EstimatorInput.validate(x, minimum: 100, estimator: "the mean-shift check")
        let n = x.count
        var prefix = [Double](repeating: 0, count: n + 1)
        for t in 0..<n { prefix[t + 1] = prefix[t] + x[t] }
        let lo = max(1, Int((0.15 * Double(n)).rounded(.up)))
        let hi = min(n - 1, Int((0.85 * Double(n)).rounded(.down)))
        var best = (k: lo, value: -1.0)
        for k in lo...hi {
            let a = prefix[k] / Double(k)
            let b = (prefix[n] - prefix[k]) / Double(n - k)
            let v = Double(k) * Double(n - k) / Double(n) * (a - b) * (a - b)
            if v > best.value { best = (k, v) }
        }
        let k = best.k
        let a = prefix[k] / Double(k)
        let b = (prefix[n] - prefix[k]) / Double(n - k)
        var adjusted = x
        var rss = 0.0
        for t in 0..<n {
            adjusted[t] -= t < k ? a : b
            rss += adjusted[t] * adjusted[t]
        }
        let sigma = (rss / Double(n - 2)).squareRoot()
        let estimate = try ExactLocalWhittle.estimate(
            adjusted, bandwidth: .exponent(ExactLocalWhittle.defaultExponent), confidenceLevel: confidenceLevel)
        return MeanShiftCheck(
            location: k, standardizedShift: sigma > 0 ? (b - a) / sigma : .nan,
            statistic: sigma > 0 ? best.value / (sigma * sigma) : .nan, adjusted: estimate)
    }
}

/// Shimotsu's (2006) d-th differencing test, KPSS form: long memory with a constant d against a level shift or a
/// break (Shimotsu, K. 2006, "Simple (but effective) tests of long memory versus structural breaks", Queen's
/// University Economics Department Working Paper 1101).
///
/// d is estimated by exact local Whittle (Shimotsu & Phillips 2005, with Shimotsu's 2010 mean correction; m =
/// ⌊n^`exponent`⌋, the bandwidth of `rnnmem check`); the series, demeaned by the sample mean when d̂ < ½ and by its
/// first observation when d̂ ≥ ½ (Shimotsu 2006, §3), is fractionally differenced, u_t = (1 − L)^{d̂}(x_t − μ̂) (type
/// II, ``FractionalFilter``), and the KPSS level-stationarity statistic η_μ (Kwiatkowski, Phillips, Schmidt & Shin
/// 1992, J. Econometrics 54:159–178; Bartlett long-run variance with the Hobijn–Franses–Ooms automatic lag,
/// ``KPSSTest``) is computed on u. Under I(d) with constant d, u is I(0) and η_μ has the standard KPSS limit
/// (Shimotsu 2006, Theorem); under a level shift d̂ is pulled up but u keeps the shift's footprint, so KPSS rejects.
/// Critical values and the p-value are those of Kwiatkowski et al.'s Table 1 (a bound outside it).
public struct DifferencingTest: Sendable, Equatable {
    /// How the series was centred before differencing.
    public enum Demeaning: String, Codable, Sendable, Equatable {
        /// x − x̄ (d̂ < ½).
        case sampleMean = "sample_mean"
        /// x − x₁ (d̂ ≥ ½).
        case firstObservation = "first_observation"
    }

    /// The exact local Whittle d̂ used for differencing.
    public let d: Double
    /// Its bandwidth m.
    public let bandwidth: Int
    /// The centring applied before differencing.
    public let demeaning: Demeaning
    /// η_μ of the differenced series.
    public let statistic: Double
    /// Bartlett truncation lag q (Hobijn–Franses–Ooms rule).
    public let lags: Int
    /// p-value interpolated in Kwiatkowski et al.'s Table 1, a bound outside it.
    public let pValue: PValue
    /// Significance level.
    public let level: Double
    /// Upper critical value at `level`.
    public let criticalValue: Double
    /// Whether η_μ > the critical value.
    public let reject: Bool

    /// Run the test on `x` (finite, not constant, at least 100 values).
    /// - Parameters:
    ///   - exponent: exact local Whittle bandwidth exponent (m = ⌊n^exponent⌋; default 0.65 as in `rnnmem check`).
    ///   - level: KPSS significance level in [0.01, 0.10] (default 0.05).
    public static func test(
        _ x: [Double], exponent: Double = ExactLocalWhittle.defaultExponent, level: Double = 0.05
    ) throws -> DifferencingTest {
        try Validate.finite(x)
        try Validate.length(x, atLeast: 100, for: "Shimotsu's (2006) differencing test")
        let estimate = try ExactLocalWhittle.estimate(x, bandwidth: .exponent(exponent))
        let d = estimate.d
        let demeaning: Demeaning = d < 0.5 ? .sampleMean : .firstObservation
        let center = demeaning == .sampleMean ? x.mean : (x.first ?? 0)
        let u = try FractionalFilter.difference(x.map { $0 - center }, d: d).values
        let kpss = try KPSSTest.test(u, kind: .level, lags: .neweyWest, level: level, profileLags: [])
        let critical = try KPSSTest.criticalValue(kind: .level, level: level)
        return DifferencingTest(
            d: d, bandwidth: estimate.bandwidth ?? 0, demeaning: demeaning, statistic: kpss.statistic,
            lags: kpss.lags ?? 0, pValue: kpss.pValue, level: level, criticalValue: critical, reject: kpss.reject)
    }

    /// The p-value as text: "< 0.01" or "> 0.1" outside Kwiatkowski et al.'s Table 1, else the interpolated value.
    public static func pValueText(_ p: PValue) -> String {
        guard p.kind == .bound else { return VerdictText.fixed(p.value, 3) }
        return p.lower == 0 ? "< \(VerdictText.fixed(p.upper, 2))" : "> \(VerdictText.fixed(p.lower, 2))"
    }
}
