import MemoryNumerics

/// A transformation of an observed series applied before its memory is analysed: levels, first differences,
/// logarithms, or log returns and their absolute values or squares.
///
/// Nothing in LongMemory transforms a series silently; a transform is always chosen explicitly and reported with
/// the result. The raw values are the short identifiers used on the command line (`rnnmem check --transform …`)
/// and in JSON output.
///
/// Volatility memory: the absolute and squared returns of financial prices have long memory although the returns
/// themselves are nearly uncorrelated (Ding, Granger & Engle (1993), J. Empirical Finance 1(1):83–106, §3).
public enum SeriesTransform: String, CaseIterable, Codable, Sendable, Hashable {
    /// The values as observed: x_t.
    case identity = "none"
    /// First differences x_t − x_{t−1} (n − 1 values).
    case difference = "diff"
    /// The natural logarithm log x_t (values must be positive).
    case logarithm = "log"
    /// Log returns r_t = log x_t − log x_{t−1} (n − 1 values; values must be positive).
    case logReturns = "log-returns"
    /// Absolute log returns |r_t| (n − 1 values; values must be positive).
    case absoluteLogReturns = "abs-log-returns"
    /// Squared log returns r_t² (n − 1 values; values must be positive).
    case squaredLogReturns = "squared-log-returns"

    /// What the transform computes, as a formula in x_t.
    public var formula: String {
        switch self {
        case .identity: return "x_t"
        case .difference: return "x_t − x_(t−1)"
        case .logarithm: return "log x_t"
        case .logReturns: return "log x_t − log x_(t−1)"
        case .absoluteLogReturns: return "|log x_t − log x_(t−1)|"
        case .squaredLogReturns: return "(log x_t − log x_(t−1))²"
        }
    }

    /// The fewest observations the transform accepts (2 for differences and returns, else 0).
    public var minimumLength: Int {
        switch self {
        case .identity, .logarithm: return 0
        case .difference, .logReturns, .absoluteLogReturns, .squaredLogReturns: return 2
        }
    }

    /// Whether every observation must be strictly positive (logarithms and returns).
    public var requiresPositiveValues: Bool {
        switch self {
        case .identity, .difference: return false
        case .logarithm, .logReturns, .absoluteLogReturns, .squaredLogReturns: return true
        }
    }

    /// The number of values the transform produces from `count` observations (count − 1 for differences and
    /// returns).
    public func transformedCount(_ count: Int) -> Int {
        minimumLength == 2 ? max(0, count - 1) : count
    }

    /// The transformed series.
    ///
    /// - Throws: ``LongMemoryError/seriesTooShort(length:needed:purpose:)`` with fewer than ``minimumLength``
    ///   observations; ``LongMemoryError/nonPositive(index:value:)`` at the first observation that is not > 0 when
    ///   ``requiresPositiveValues`` (a NaN counts as not positive).
    public func apply(to x: [Double]) throws(LongMemoryError) -> [Double] {
        guard x.count >= minimumLength else {
            throw LongMemoryError.seriesTooShort(
                length: x.count, needed: minimumLength, purpose: "the \(rawValue) transform")
        }
        if requiresPositiveValues, let i = x.firstIndex(where: { !($0 > 0) }) {
            throw LongMemoryError.nonPositive(index: i, value: x[i])
        }
        switch self {
        case .identity:
            return x
        case .difference:
            return (1..<x.count).map { x[$0] - x[$0 - 1] }
        case .logarithm:
            return x.map { Double.log($0) }
        case .logReturns, .absoluteLogReturns, .squaredLogReturns:
            var r = [Double](repeating: 0, count: x.count - 1)
            var previous = Double.log(x[0])
            for t in 1..<x.count {
                let current = Double.log(x[t])
                let v = current - previous
                switch self {
                case .absoluteLogReturns: r[t - 1] = abs(v)
                case .squaredLogReturns: r[t - 1] = v * v
                default: r[t - 1] = v
                }
                previous = current
            }
            return r
        }
    }
}
