import ArgumentParser

/// `rnnmem columns FILE [--columns LIST]`: the numeric columns rnnmem reads from a CSV file, validated, as a
/// clean CSV table. Shows what the other commands see (header detection, default column, bad cells).
struct ColumnsCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "columns",
        abstract: "Print the numeric columns read from a CSV file, validated, as a clean CSV table.",
        discussion: """
            Without --columns, every column in which at least half of the cells are numbers is printed, in file order; any \
            non-numeric, empty, NaN or infinite cell among them is an error naming its file:line:column.
            """)

    @OptionGroup(title: "Input") var input: MultiSeriesInputOptions

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        let series = try input.readSeries(console: console)
        try output.emit(
            to: console,
            plain: { NumberText.csv(header: series.map(\.name), columns: series.map(\.values)) },
            json: {
                .object([
                    ("input", .string(series.first?.source ?? input.file)),
                    ("n", .integer(series.first?.count ?? 0)),
                    (
                        "columns",
                        .array(
                            series.map {
                                .object([
                                    ("name", .string($0.name)), ("column", .integer($0.column)),
                                    ("values", .numbers($0.values)),
                                ])
                            })
                    ),
                ])
            })
    }
}
