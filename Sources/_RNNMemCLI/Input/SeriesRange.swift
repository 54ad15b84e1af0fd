import Foundation

/// The one check of magnitudes shared by every command that analyses a series (`acf`, `periodogram`, `fracdiff`,
/// `check`, `estimate`, `test`, `columns`, `train --task series`, `forecast`): the values must be such that every
/// second moment the analyses form is representable in double precision.
///
/// With D = max_t |x_t − x̄| and n values: Σ(x_t − x̄)² ≤ n·D², the periodogram's |Σ(x_t − x̄)e^{−iλt}|² ≤ n²·D², and
/// the sums of squared partial sums S_k = Σ_{t≤k}(x_t − x̄) of the R/S, V/S, KPSS and DFA statistics ≤ n³·D². All
/// are finite when n^{3/2}·D ≤ √(Double.greatestFiniteMagnitude)/4 ≈ 3.3·10¹⁵³; they underflow to zero (and a
/// non-constant series looks constant) when D < √(Double.leastNormalMagnitude)·10⁴ ≈ 1.5·10⁻¹⁵⁰. Outside that range
/// the series is refused with its file and column, the size of its deviations and a factor to rescale it by
/// (every estimate of d is scale invariant, so rescaling loses nothing).
enum SeriesRange {
    /// The largest n^{3/2}·D allowed.
    static let upperBound = Double.greatestFiniteMagnitude.squareRoot() / 4
    /// The smallest non-zero D allowed.
    static let lowerBound = Double.leastNormalMagnitude.squareRoot() * 1e4

    /// max_t |x_t − x̄|, computed without overflow (on the values divided by max |x_t|); ∞ when it exceeds the
    /// largest double.
    static func largestDeviation(_ values: [Double]) -> Double {
        var scale = 0.0
        for x in values { scale = max(scale, abs(x)) }
        guard scale > 0, scale.isFinite, !values.isEmpty else { return 0 }
        var sum = 0.0
        for x in values { sum += x / scale }
        let mean = sum / Double(values.count)
        var deviation = 0.0
        for x in values { deviation = max(deviation, abs(x / scale - mean)) }
        return deviation * scale
    }

    /// Throws when the sample variance of `values` (named `label` in the message) overflows or underflows.
    static func check(_ values: [Double], label: String) throws(CLIError) {
        // The cells are finite when read; a transform can overflow (the difference of 1e308 and −1e308).
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw CLIError(
                "\(label): observation \(index + 1) is \(NumberText.format(values[index])) after the transform (it "
                    + "overflows the double range); rescale the series")
        }
        let deviation = largestDeviation(values)
        let n = Double(max(values.count, 1))
        let limit = upperBound / (n * n.squareRoot())
        if !(deviation <= limit) {
            throw CLIError(
                "\(label): the sample variance overflows: the values deviate from their mean by up to "
                    + "\(scientific(deviation)), beyond \(scientific(limit)) for \(values.count) values; rescale the "
                    + "series (divide it by \(powerOfTen(deviation)))")
        }
        if deviation > 0, deviation < lowerBound {
            throw CLIError(
                "\(label): the sample variance underflows: the values deviate from their mean by at most "
                    + "\(scientific(deviation)), below \(scientific(lowerBound)); rescale the series (multiply it by "
                    + "\(powerOfTen(1 / deviation)))")
        }
    }

    private static func scientific(_ x: Double) -> String {
        x.isFinite ? String(format: "%.2g", x) : "more than \(String(format: "%.2g", Double.greatestFiniteMagnitude))"
    }

    /// 10^k with k = ⌊log₁₀ x⌋ (1e308 for an infinite x).
    private static func powerOfTen(_ x: Double) -> String {
        guard x.isFinite, x > 0 else { return "1e308" }
        return "1e\(Int(log10(x).rounded(.down)))"
    }
}
