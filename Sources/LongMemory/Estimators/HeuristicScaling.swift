import MemoryNumerics

/// A point of a log–log scaling plot used by the heuristic estimators (R/S, DFA, aggregated variance): the scale
/// (block or window size) and the statistic at that scale.
public struct ScalingPoint: Codable, Sendable, Equatable {
    /// Block size / window size.
    public let scale: Int
    /// The statistic at that scale ((R/S)_n, F(n), Var of block means, …).
    public let value: Double
    public init(scale: Int, value: Double) {
        self.scale = scale
        self.value = value
    }
}

/// Ordinary least-squares fit of log(value) on log(scale) (deterministic; nolds' default RANSAC fit is not, nolds
/// issue #22), with the OLS standard error of the slope.
struct LogLogFit {
    let slope: Double
    let intercept: Double
    /// OLS s.e. of the slope: it treats the points as independent, which they are not (the same data enter every
    /// scale), so it understates the uncertainty.
    let slopeStandardError: Double
    let points: Int

    init(points: [ScalingPoint], offsets: [Double]? = nil, what: String) throws {
        guard points.count >= 2 else {
            throw LongMemoryError.numerical("\(what): fewer than 2 usable scales for the log–log fit")
        }
        var xs = [Double](repeating: 0, count: points.count)
        var ys = [Double](repeating: 0, count: points.count)
        for (i, p) in points.enumerated() {
            guard p.value > 0, p.value.isFinite else {
                throw LongMemoryError.numerical("\(what): non-positive statistic \(p.value) at scale \(p.scale)")
            }
            xs[i] = Double.log(Double(p.scale))
            ys[i] = Double.log(p.value) - (offsets?[i] ?? 0)
        }
        let fit = try OrdinaryLeastSquares(y: ys, regressors: [xs])
        slope = fit.slopes[0]
        intercept = fit.intercept
        slopeStandardError = points.count > 2 ? fit.residualStandardError(slope: 0) : .nan
        self.points = points.count
    }
}

enum HeuristicScales {
    /// Validates user scales: sorted copy of the distinct values, each in `range`, at least two.
    static func validated(_ scales: [Int], range: ClosedRange<Int>, name: String) throws -> [Int] {
        let sorted = Array(Set(scales)).sorted()
        for s in sorted where !range.contains(s) {
            throw LongMemoryError.invalidArgument(
                name: name, value: "\(s)",
                requirement: "must be in \(range.lowerBound)…\(range.upperBound) for this series")
        }
        guard sorted.count >= 2 else {
            throw LongMemoryError.invalidArgument(
                name: name, value: "\(sorted)", requirement: "needs at least two distinct sizes")
        }
        return sorted
    }

    static let heuristicNote =
        "heuristic estimator: the log–log slope depends on the chosen scales and is biased in finite samples; "
        + "the s.e. is the OLS s.e. of the slope, which ignores the dependence between scales (understates uncertainty)"
}
