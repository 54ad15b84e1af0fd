import MemoryNumerics

/// Aggregated-variance estimate of d (Beran 1994, *Statistics for Long-Memory Processes*, Chapman & Hall, §4.4;
/// Taqqu, Teverovsky & Willinger 1995, Fractals 3(4):785–798).
///
/// For each block size k the series is cut into m_k = ⌊n/k⌋ non-overlapping blocks (the last n mod k values are
/// dropped); V(k) is the sample variance (divisor m_k − 1) of the m_k block means. For a stationary process with
/// γ(j) ~ c·j^{2d−1}, Var(block mean) ∝ k^{2d−1} = k^{2H−2}, so with β = least-squares slope of log V(k) on log k:
///
///     d = (β + 1)/2,   H = 1 + β/2  (= d + ½).
///
/// Reported: ``MemoryEstimate/hurst`` = H (aggregated-variance definition) and d. Caveats: the block means are
/// centred at their own average, which biases V(k) down for large k under long memory (so d̂ is biased down);
/// short-memory dynamics bias small k; trends and level shifts inflate it. The s.e. is the OLS s.e. of β/2.
public enum AggregatedVariance {
    /// Default block sizes: ⌊2·1.25^i⌋ (distinct) up to ⌊n/10⌋ (at least ten blocks per size).
    public static func defaultBlockSizes(n: Int) -> [Int] {
        (try? LogSpacedScales.scales(from: 2, to: n / 10, factor: 1.25)) ?? []
    }

    /// Aggregated-variance estimate of d (and H = d + ½).
    /// - Parameters:
    ///   - x: the series x_1, …, x_n (finite, not constant).
    ///   - blockSizes: block sizes k (each in 1…⌊n/2⌋, at least two blocks); default ``defaultBlockSizes(n:)``.
    ///   - confidenceLevel: level of the Wald interval (default 0.95).
    public static func estimate(
        _ x: [Double], blockSizes: [Int]? = nil, confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        try EstimatorInput.validate(x, minimum: 32, estimator: "aggregated-variance estimation")
        try EstimatorInput.validateLevel(confidenceLevel)
        let n = x.count
        let sizes: [Int]
        if let b = blockSizes {
            sizes = try HeuristicScales.validated(b, range: 1...(n / 2), name: "blockSizes")
        } else {
            sizes = defaultBlockSizes(n: n)
            guard sizes.count >= 2 else {
                throw LongMemoryError.seriesTooShort(
                    length: n, needed: 40, purpose: "aggregated variance with the default block sizes")
            }
        }
        let pts = points(x, blockSizes: sizes)
        guard pts.count >= 2 else {
            throw LongMemoryError.numerical(
                "aggregated variance: fewer than two block sizes with non-constant block means")
        }
        let fit = try LogLogFit(points: pts, what: "aggregated variance")
        let d = (fit.slope + 1) / 2
        var notes = [HeuristicScales.heuristicNote]
        if pts.count < sizes.count {
            notes.append("\(sizes.count - pts.count) block size(s) skipped: their block means were all equal")
        }
        return try MemoryEstimate(
            method: .aggregatedVariance, variant: "aggregated variance, least squares", d: d,
            standardError: fit.slopeStandardError / 2, confidenceLevel: confidenceLevel, n: n,
            scales: pts.map(\.scale), tuningDescription: "block sizes \(EstimatorFormat.scales(pts.map(\.scale)))",
            hurst: d + 0.5,
            hurstDefinition: "aggregated-variance H = 1 + β/2, β = slope of log Var(block mean) on log k",
            auxiliary: [
                AuxiliaryParameter(name: "slope β", value: fit.slope, standardError: fit.slopeStandardError),
                AuxiliaryParameter(name: "intercept", value: fit.intercept),
            ], notes: notes)
    }

    /// V(k) for each block size (sizes with fewer than two blocks or equal block means are left out).
    public static func points(_ x: [Double], blockSizes: [Int]) -> [ScalingPoint] {
        var out: [ScalingPoint] = []
        x.withUnsafeBufferPointer { px in
            for k in blockSizes where k >= 1 {
                let blocks = px.count / k
                guard blocks >= 2 else { continue }
                var means = [Double](repeating: 0, count: blocks)
                for b in 0..<blocks {
                    var s = 0.0
                    for i in (b * k)..<(b * k + k) { s += px[i] }
                    means[b] = s / Double(k)
                }
                let grand = means.mean
                var ss = 0.0
                for v in means { ss += (v - grand) * (v - grand) }
                let variance = ss / Double(blocks - 1)
                if variance > 0 { out.append(ScalingPoint(scale: k, value: variance)) }
            }
        }
        return out
    }
}
