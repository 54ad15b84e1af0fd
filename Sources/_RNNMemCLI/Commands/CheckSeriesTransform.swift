import ArgumentParser
import RNNMemory

/// `--transform`: what is analysed, computed from the column after reading it (rnnmem never transforms silently).
enum SeriesTransform: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// The values as read.
    case none
    /// First differences x_t − x_{t−1} (n − 1 values).
    case diff
    /// log x_t (values must be positive).
    case log
    /// r_t = log x_t − log x_{t−1} (n − 1 values; prices must be positive).
    case logReturns = "log-returns"
    /// |r_t|: volatility memory (Ding, Granger & Engle 1993).
    case absLogReturns = "abs-log-returns"
    /// r_t².
    case squaredLogReturns = "squared-log-returns"

    /// What the transform computes, for reports.
    var formula: String {
        switch self {
        case .none: return "x_t"
        case .diff: return "x_t − x_(t−1)"
        case .log: return "log x_t"
        case .logReturns: return "log x_t − log x_(t−1)"
        case .absLogReturns: return "|log x_t − log x_(t−1)|"
        case .squaredLogReturns: return "(log x_t − log x_(t−1))²"
        }
    }

    /// Apply to one column; throws a CLIError naming the observation that makes it impossible.
    func apply(_ series: Series) throws(CLIError) -> [Double] {
        let x = series.values
        switch self {
        case .none:
            return x
        case .diff:
            try need(2, series)
            return (1..<x.count).map { x[$0] - x[$0 - 1] }
        case .log:
            try positive(series)
            return x.map { Double.log($0) }
        case .logReturns, .absLogReturns, .squaredLogReturns:
            try need(2, series)
            try positive(series)
            var r = [Double](repeating: 0, count: x.count - 1)
            var previous = Double.log(x[0])
            for t in 1..<x.count {
                let current = Double.log(x[t])
                let v = current - previous
                r[t - 1] = self == .logReturns ? v : (self == .absLogReturns ? abs(v) : v * v)
                previous = current
            }
            return r
        }
    }

    private func need(_ count: Int, _ series: Series) throws(CLIError) {
        guard series.count >= count else {
            throw CLIError(
                "--transform \(rawValue) needs at least \(count) observations; column '\(series.name)' of "
                    + "\(series.source) has \(series.count)")
        }
    }

    private func positive(_ series: Series) throws(CLIError) {
        if let i = series.values.firstIndex(where: { !($0 > 0) }) {
            throw CLIError(
                "--transform \(rawValue) needs positive values; observation \(i + 1) of column '\(series.name)' of "
                    + "\(series.source) is \(NumberText.format(series.values[i]))")
        }
    }
}
