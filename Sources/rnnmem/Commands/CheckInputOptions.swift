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

/// The input of `rnnmem check`, `estimate` and `test`: a CSV file (or `-`), one column or several, an optional
/// transformation and an optional final window of the observations.
struct AnalysisInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV file holding the series, or '-' to read standard input.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "Column to use: a header name or a 1-based index (default: the last numeric column).",
            valueName: "name|index"))
    var column: String?

    @Option(
        help: ArgumentHelp(
            "Several columns, comma-separated names or indices: one result per column (default: --column).",
            valueName: "list"),
        transform: { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } })
    var columns: [String]?

    @Option(
        help: ArgumentHelp(
            "Analyse a transformation of each column (log and returns need positive values).",
            valueName: "name"))
    var transform: SeriesTransform = .none

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Keep only the last N observations (after --transform).", valueName: "N"))
    var last: Int?

    /// A series to analyse: the column as read, after the transformation and the window.
    struct Analysed: Sendable {
        let series: Series
        let values: [Double]
        let transform: SeriesTransform
        /// Observations dropped from the start by --last.
        let dropped: Int

        var count: Int { values.count }

        /// `data.csv, column 'close' (abs-log-returns, last 5000)` for reports.
        var label: String {
            var s = "\(series.source), column '\(series.name)'"
            var extras: [String] = []
            if transform != .none { extras.append(transform.rawValue) }
            if dropped > 0 { extras.append("last \(values.count)") }
            if !extras.isEmpty { s += " (" + extras.joined(separator: ", ") + ")" }
            return s
        }

        /// Throws unless the analysed series has at least `needed` values and is not constant.
        func requireUsable(atLeast needed: Int, for purpose: String) throws(CLIError) {
            guard values.count >= needed else {
                throw CLIError(
                    "\(purpose) needs at least \(needed) observations; \(label) has \(values.count)")
            }
            guard let first = values.first, values.contains(where: { $0 != first }) else {
                throw CLIError("\(label) is constant: its memory is undefined")
            }
        }

        /// JSON fields describing the input.
        var jsonFields: [(String, JSONValue)] {
            [
                ("input", .string(series.source)), ("column", .string(series.name)),
                ("transform", .string(transform.rawValue)), ("n", .integer(values.count)),
            ]
        }
    }

    /// Read the requested columns, transformed and windowed, in the order asked for.
    func read() throws(CLIError) -> [Analysed] {
        if column != nil && columns != nil { throw CLIError("give --column or --columns, not both") }
        if let last { try Arguments.count(last, "--last") }
        let table = try SeriesTable.load(file)
        let chosen: [Series]
        if let columns {
            chosen = try table.series(columns: columns)
        } else {
            chosen = [try table.series(column: column)]
        }
        var out: [Analysed] = []
        for s in chosen {
            let v = try transform.apply(s)
            var kept = v
            var dropped = 0
            if let last, last < v.count {
                dropped = v.count - last
                kept = Array(v[dropped...])
            }
            out.append(Analysed(series: s, values: kept, transform: transform, dropped: dropped))
        }
        return out
    }
}
