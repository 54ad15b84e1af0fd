import ArgumentParser

/// `rnnmem columns FILE [--column C | --columns LIST] [--transform T] [--last N]`: the numeric columns rnnmem reads
/// from a CSV file, validated, as a clean CSV table. Shows what the other commands see (header detection, default
/// column, bad cells, transform and window).
struct ColumnsCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "columns",
        abstract: "Print the numeric columns read from a CSV file, validated, as a clean CSV table.",
        discussion: """
            Without --column or --columns, every column in which at least half of the cells are numbers is printed, \
            in file order; any non-numeric, empty, NaN or infinite cell among them is an error naming its \
            file:line:column. --transform and --last show the series exactly as the analysis commands see it.

            Plain output: CSV with the column names as header. JSON keys: input, transform, n, columns[] (name, \
            column (1-based index), values).
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions<EveryNumericColumn>

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        let series = try input.read(console: console)
        try output.emit(
            to: console,
            plain: { NumberText.csv(header: series.map(\.series.name), columns: series.map(\.values)) },
            json: {
                .object([
                    ("input", .string(series.first?.series.source ?? input.source)),
                    ("transform", .string(input.transform.commandLineName)),
                    ("n", .integer(series.first?.count ?? 0)),
                    (
                        "columns",
                        .array(
                            series.map {
                                .object([
                                    ("name", .string($0.series.name)), ("column", .integer($0.series.column)),
                                    ("values", .numbers($0.values)),
                                ])
                            })
                    ),
                ])
            })
    }
}
