import ArgumentParser
import RNNMemory

/// Which columns a series command reads when neither `--column` nor `--columns` is given.
protocol DefaultColumns {
    /// The default in words, for the help of `--column` and `--columns`.
    static var description: String { get }
    /// Whether the default is every numeric column (else the last numeric column).
    static var everyNumericColumn: Bool { get }
}

/// One series by default: the last numeric column (`acf`, `periodogram`, `fracdiff`, `check`, `estimate`, `test`).
enum LastNumericColumn: DefaultColumns {
    static let description = "the last numeric column"
    static let everyNumericColumn = false
}

/// Every numeric column by default (`columns`).
enum EveryNumericColumn: DefaultColumns {
    static let description = "every numeric column"
    static let everyNumericColumn = true
}

/// The input of every command that reads series: a CSV file (or `-` for standard input), one column or several,
/// an optional transformation and an optional final window of the observations. Each column chosen gives one
/// ``AnalysedSeries`` (and the command one result per column).
struct SeriesInputOptions<Default: DefaultColumns>: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV file holding the series, or '-' to read standard input.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "Column to use: a header name or a 1-based index (default: \(Default.description)).",
            valueName: "name|index"))
    var column: String?

    @Option(
        help: ArgumentHelp(
            "Several columns, comma-separated names or indices: one result per column (default: "
                + "\(Default.description)).", valueName: "list"),
        transform: { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } })
    var columns: [String]?

    @Option(
        help: ArgumentHelp(
            "Use a transformation of each column (log and returns need positive values).", valueName: "name"))
    var transform: SeriesTransform = .identity

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Keep only the last N observations (after --transform).", valueName: "N"))
    var last: Int?

    /// How the input is named in messages and JSON: the path, or `<stdin>`.
    var source: String { file == "-" ? InputText.standardInputName : file }

    /// Read the requested columns, transformed and windowed, in the order asked for.
    func read(console: Console) throws(CLIError) -> [AnalysedSeries] {
        if column != nil && columns != nil { throw CLIError("give --column or --columns, not both") }
        if let last { try Arguments.count(last, "--last") }
        let table = try SeriesTable.load(file, console: console)
        let chosen: [Series]
        if let columns {
            chosen = try table.series(columns: columns)
        } else if column == nil && Default.everyNumericColumn {
            chosen = try table.series(columns: nil)
        } else {
            chosen = [try table.series(column: column)]
            if column == nil {
                // Numeric columns that are not an index (strictly increasing integers: year, t).
                let numeric = (0..<table.columnCount).filter { index in
                    guard table.looksNumeric(column: index) else { return false }
                    guard let v = try? table.values(column: index), v.count > 1 else { return true }
                    let isIndex = v.allSatisfy { $0 == $0.rounded() } && zip(v, v.dropFirst()).allSatisfy { $0 < $1 }
                    return !isIndex
                }
                if numeric.count > 1, let s = chosen.first {
                    console.note(
                        "using column '\(s.name)' (column \(s.column), the last of the numeric columns "
                            + numeric.map { "'\(table.name(ofColumn: $0))'" }.joined(separator: ", ")
                            + "); --column chooses another")
                }
            }
        }
        var out: [AnalysedSeries] = []
        for s in chosen {
            let v = try transform.apply(s)
            var kept = v
            var dropped = 0
            if let last, last < v.count {
                dropped = v.count - last
                kept = Array(v[dropped...])
            }
            let analysed = AnalysedSeries(series: s, values: kept, transform: transform, dropped: dropped)
            try SeriesRange.check(analysed.values, label: analysed.label)
            out.append(analysed)
        }
        return out
    }

    /// The JSON object of a command's result: for one column, its input fields (input, column, transform, n)
    /// followed by its result fields; for several, `{input, transform, columns: [one such object per column]}`.
    func jsonResult(_ results: [(AnalysedSeries, [(String, JSONValue)])]) -> JSONValue {
        if results.count == 1, let (s, fields) = results.first { return .object(s.jsonFields + fields) }
        return .object([
            ("input", .string(source)),
            ("transform", .string(transform.commandLineName)),
            ("columns", .array(results.map { .object($0.0.jsonFields + $0.1) })),
        ])
    }
}
