import MemoryNumerics

/// Rescaled-range (R/S) estimate of the Hurst exponent (Hurst 1951, Trans. Am. Soc. Civil Eng. 116:770–799;
/// Mandelbrot & Wallis 1969, Water Resources Research 5(5):967–988), with the Anis–Lloyd–Peters correction
/// (Anis & Lloyd 1976, Biometrika 63(1):111–116; Peters 1994, *Fractal Market Analysis*, Wiley), fitted by ordinary
/// least squares (deterministic).
///
/// For each block size s the series is cut into ⌊n/s⌋ non-overlapping blocks (the last n mod s values are dropped).
/// In each block: R = max_k Y_k − min_k Y_k of the cumulative sums Y_k of the block's deviations from its own mean,
/// S = the block's standard deviation (divisor s − 1, or s with ``StandardDeviation/biased``); blocks with S = 0
/// are skipped. (R/S)_s is the average of R/S over the blocks.
///
/// * Uncorrected: H = slope of log (R/S)_s on log s.
/// * Anis–Lloyd–Peters (default): H = ½ + slope of log (R/S)_s − log E[(R/S)_s] on log s, with the white-noise
///   expectation E[(R/S)_s] = ((s − ½)/s) · Γ((s − 1)/2)/(√π Γ(s/2)) · Σ_{i=1}^{s−1} √((s − i)/i)
///   (``expectedRescaledRange(blockSize:)``; the Gamma ratio is evaluated by log-Gamma for every s, where nolds and
///   Weron 2002 switch to 1/√(sπ/2) beyond s = 340).
///
/// Reported: ``MemoryEstimate/hurst`` = H (the R/S definition of the Hurst exponent) and d = H − ½. R/S is a
/// heuristic: biased for short-memory dynamics and small blocks, with no reliable standard error (the OLS s.e. of the
/// slope is reported with that caveat). Results depend on the block sizes, which are reported in `scales`.
public enum RescaledRange {
    /// Standard deviation divisor within a block.
    public enum StandardDeviation: String, Sendable, Equatable, CaseIterable {
        /// Divisor s − 1 (default).
        case unbiased
        /// Divisor s (nolds `unbiased=False`, pracma, Kaplan's brown72 analysis).
        case biased
    }

    /// Default block sizes: ⌊8·2^{i/4}⌋ (distinct) up to ⌊n/4⌋ (at least four blocks per size).
    public static func defaultBlockSizes(n: Int) -> [Int] {
        (try? LogSpacedScales.scales(from: 8, to: n / 4, factor: Double.exp(Double.log(2) / 4))) ?? []
    }

    /// R/S estimate of H (and d = H − ½).
    /// - Parameters:
    ///   - x: the series x_1, …, x_n (finite, not constant).
    ///   - blockSizes: block sizes s (each in 3…n); default ``defaultBlockSizes(n:)``.
    ///   - correction: apply the Anis–Lloyd–Peters correction (default true).
    ///   - standardDeviation: S with divisor s − 1 (default) or s.
    ///   - confidenceLevel: level of the Wald interval (default 0.95).
    public static func estimate(
        _ x: [Double], blockSizes: [Int]? = nil, correction: Bool = true,
        standardDeviation: StandardDeviation = .unbiased, confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        try estimate(
            x, blockSizes: blockSizes, correction: correction, standardDeviation: standardDeviation,
            confidenceLevel: confidenceLevel, variant: nil)
    }

    /// ``estimate(_:blockSizes:correction:standardDeviation:confidenceLevel:)`` with the variant in words given
    /// (nil: described from `correction`).
    static func estimate(
        _ x: [Double], blockSizes: [Int]?, correction: Bool, standardDeviation: StandardDeviation,
        confidenceLevel: Double, variant: String?
    ) throws -> MemoryEstimate {
        try EstimatorInput.validate(x, minimum: 32, estimator: "R/S estimation")
        try EstimatorInput.validateLevel(confidenceLevel)
        let n = x.count
        let sizes: [Int]
        if let b = blockSizes {
            sizes = try HeuristicScales.validated(b, range: 3...n, name: "blockSizes")
        } else {
            sizes = defaultBlockSizes(n: n)
            guard sizes.count >= 2 else {
                throw LongMemoryError.seriesTooShort(length: n, needed: 64, purpose: "R/S with the default block sizes")
            }
        }
        let pts = points(x, blockSizes: sizes, standardDeviation: standardDeviation)
        guard pts.count >= 2 else {
            throw LongMemoryError.numerical("R/S: fewer than two block sizes have a non-constant block")
        }
        let offsets = correction ? pts.map { Double.log(expectedRescaledRange(blockSize: $0.scale)) } : nil
        let fit = try LogLogFit(points: pts, offsets: offsets, what: "R/S")
        let h = correction ? fit.slope + 0.5 : fit.slope
        let definition =
            correction
            ? "R/S Hurst exponent, Anis–Lloyd–Peters corrected (½ + slope of log(R/S) − log E[R/S]), S divisor \(standardDeviation == .unbiased ? "s − 1" : "s")"
            : "R/S Hurst exponent, uncorrected (slope of log(R/S) on log s), S divisor \(standardDeviation == .unbiased ? "s − 1" : "s")"
        var notes = [HeuristicScales.heuristicNote]
        if pts.count < sizes.count {
            notes.append("\(sizes.count - pts.count) block size(s) skipped: all their blocks were constant")
        }
        return try MemoryEstimate(
            method: .rescaledRange,
            variant: variant
                ?? (correction ? "R/S, Anis–Lloyd–Peters corrected, least squares" : "R/S, uncorrected, least squares"),
            d: h - 0.5, standardError: fit.slopeStandardError, confidenceLevel: confidenceLevel, n: n,
            scales: pts.map(\.scale), tuningDescription: "block sizes \(EstimatorFormat.scales(pts.map(\.scale)))",
            hurst: h, hurstDefinition: definition,
            alternativeStandardErrors: [], auxiliary: [AuxiliaryParameter(name: "intercept", value: fit.intercept)],
            notes: notes)
    }

    /// nolds compatibility: `nolds.hurst_rs(x, fit="poly", corrected=False, unbiased=False, nvals=…)` — no
    /// Anis–Lloyd–Peters correction, biased standard deviation, least squares, block sizes 2³…2¹⁰ by default (those
    /// ≤ n; a size equal to n is a single block, as in nolds). On nolds' `brown72` series this gives H = 0.7270 (nolds `test_hurst_pracma`: 0.72 ± 0.01).
    public static func noldsCompatible(
        _ x: [Double], blockSizes: [Int]? = nil, confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        let sizes = blockSizes ?? (3...10).map { 1 << $0 }.filter { $0 <= x.count }
        return try estimate(
            x, blockSizes: sizes, correction: false, standardDeviation: .biased, confidenceLevel: confidenceLevel,
            variant: "R/S, nolds-compatible (uncorrected, biased s.d., least squares)")
    }

    /// The (R/S)_s points for the given block sizes (sizes whose blocks are all constant are left out).
    public static func points(
        _ x: [Double], blockSizes: [Int], standardDeviation: StandardDeviation = .unbiased
    ) -> [ScalingPoint] {
        var out: [ScalingPoint] = []
        x.withUnsafeBufferPointer { px in
            for s in blockSizes where s >= 2 && s <= px.count {
                if let v = averageRescaledRange(px, blockSize: s, standardDeviation: standardDeviation) {
                    out.append(ScalingPoint(scale: s, value: v))
                }
            }
        }
        return out
    }

    static func averageRescaledRange(
        _ x: UnsafeBufferPointer<Double>, blockSize s: Int, standardDeviation: StandardDeviation
    ) -> Double? {
        let blocks = x.count / s
        var total = 0.0
        var used = 0
        let divisor = Double(standardDeviation == .unbiased ? s - 1 : s)
        for b in 0..<blocks {
            let start = b * s
            var mean = 0.0
            for i in start..<(start + s) { mean += x[i] }
            mean /= Double(s)
            var cum = 0.0, hi = -Double.infinity, lo = Double.infinity, ss = 0.0
            for i in start..<(start + s) {
                let dev = x[i] - mean
                cum += dev
                hi = max(hi, cum)
                lo = min(lo, cum)
                ss += dev * dev
            }
            guard ss > 0 else { continue }
            total += (hi - lo) / (ss / divisor).squareRoot()
            used += 1
        }
        return used > 0 ? total / Double(used) : nil
    }

    /// Anis–Lloyd–Peters expectation of (R/S)_s for white noise:
    /// ((s − ½)/s) · Γ((s − 1)/2)/(√π Γ(s/2)) · Σ_{i=1}^{s−1} √((s − i)/i), s ≥ 2.
    public static func expectedRescaledRange(blockSize s: Int) -> Double {
        guard s >= 2 else { return .nan }
        let sd = Double(s)
        var sum = 0.0
        for i in 1..<s { sum += ((sd - Double(i)) / Double(i)).squareRoot() }
        let ratio = Double.exp(SpecialFunctions.logGamma((sd - 1) / 2) - SpecialFunctions.logGamma(sd / 2))
        return (sd - 0.5) / sd * ratio / Double.pi.squareRoot() * sum
    }
}
