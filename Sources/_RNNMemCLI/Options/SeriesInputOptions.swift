import ArgumentParser

/// The input of commands that analyse one series: a CSV file (or `-` for standard input) and the column to use.
struct SeriesInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV file holding the series, or '-' to read standard input.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "Column to use: a header name or a 1-based index (default: the last numeric column).",
            valueName: "name|index"))
    var column: String?

    /// Read and validate the chosen series.
    func readSeries(console: Console) throws(CLIError) -> Series {
        try SeriesTable.load(file, console: console).series(column: column)
    }
}

/// The input of commands that analyse several series at once (multivariate checks): a CSV file (or `-`) and the
/// columns to use.
struct MultiSeriesInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV file holding the series, or '-' to read standard input.", valueName: "file"))
    var file: String

    @Option(
        help: ArgumentHelp(
            "Columns to use, comma-separated header names or 1-based indices (default: every numeric column).",
            valueName: "list"),
        transform: { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0) } })
    var columns: [String]?

    /// Read and validate the chosen series, in the order asked for.
    func readSeries(console: Console) throws(CLIError) -> [Series] {
        try SeriesTable.load(file, console: console).series(columns: columns?.map { trimmed($0) })
    }

    private func trimmed(_ s: String) -> String {
        String(s.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
