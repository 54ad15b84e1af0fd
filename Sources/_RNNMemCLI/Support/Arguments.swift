import RNNMemory

/// Checks of argument values shared by the commands; each failure names the argument and the value.
enum Arguments {
    /// The largest count of values a command will produce (8·10⁸ bytes of doubles): beyond it a typo would
    /// exhaust memory instead of giving an error.
    static let maximumCount = 100_000_000

    static func finite(_ value: Double, _ name: String) throws(CLIError) {
        guard value.isFinite else { throw CLIError.invalidArgument(name, NumberText.format(value), "must be finite") }
    }

    /// A count of values: 1 … `maximumCount`.
    static func count(_ value: Int, _ name: String, minimum: Int = 1) throws(CLIError) {
        guard value >= minimum else { throw CLIError.invalidArgument(name, String(value), "must be ≥ \(minimum)") }
        guard value <= maximumCount else {
            throw CLIError.invalidArgument(name, String(value), "must be ≤ \(maximumCount)")
        }
    }

    /// Checks that the first `count` weights of (1−B)^d (or of (1−B)^−d when `inverse`) are finite: |π_j| grows
    /// like j^(−d−1)/|Γ(−d)|, so a large |d| overflows the double range after a few weights (`--d 1e308` at j = 2).
    /// The error names `--d`, the first weight that overflows, and the largest usable length.
    static func fractionalOrder(_ d: Double, count: Int, inverse: Bool) throws(CLIError) {
        try finite(d, "--d")
        let weights =
            inverse
            ? FractionalWeights.integration(d: d, count: count) : FractionalWeights.differencing(d: d, count: count)
        guard let j = weights.firstIndex(where: { !$0.isFinite }) else { return }
        let symbol = inverse ? "ψ" : "π"
        throw CLIError.invalidArgument(
            "--d", NumberText.format(d),
            "the weight \(symbol)_\(j) of (1−B)^\(inverse ? "−d" : "d") overflows the double range (it grows like "
                + "j^|d|); use a smaller |d|, or at most \(j) weights")
    }

    /// Checks that σ² of a standard deviation σ > 0 is a positive double (neither overflows nor underflows):
    /// 1.5·10⁻¹⁵⁴ ≤ σ ≤ 1.3·10¹⁵⁴.
    static func varianceOfStandardDeviation(_ sigma: Double, _ name: String) throws(CLIError) {
        let variance = sigma * sigma
        guard variance.isFinite, variance >= Double.leastNormalMagnitude else {
            throw CLIError.invalidArgument(
                name, NumberText.format(sigma),
                "its square σ² \(variance.isFinite ? "underflows to 0" : "overflows"); σ must lie in "
                    + "[\(String(format: "%.2g", Double.leastNormalMagnitude.squareRoot())), "
                    + "\(String(format: "%.2g", Double.greatestFiniteMagnitude.squareRoot()))]")
        }
    }
}
