import ArgumentParser
import RNNMemory

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
    var transform: SeriesTransform = .identity

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
            if transform != .identity { extras.append(transform.commandLineName) }
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
                ("transform", .string(transform.commandLineName)), ("n", .integer(values.count)),
            ]
        }
    }

    /// Read the requested columns, transformed and windowed, in the order asked for.
    func read(console: Console) throws(CLIError) -> [Analysed] {
        if column != nil && columns != nil { throw CLIError("give --column or --columns, not both") }
        if let last { try Arguments.count(last, "--last") }
        let table = try SeriesTable.load(file, console: console)
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
