import ArgumentParser
import RNNMemory

/// `rnnmem acf FILE --lags L [--column C | --columns LIST] [--transform T] [--last N]`: the sample autocorrelation
/// ρ̂(0 … L) of each series.
struct AcfCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "acf",
        abstract: "Print the sample autocorrelation ρ̂(0), ρ̂(1), …, ρ̂(L) of a series.",
        discussion: """
            ρ̂(k) = γ̂(k)/γ̂(0) with γ̂(k) = (1/n) Σ_(t=1)^(n−k) (x_t − x̄)(x_(t+k) − x̄): demeaned, divisor n \
            (positive semi-definite), computed by FFT.

            Plain output: one value per line; with several columns, a CSV table with one column per series (header: \
            the column names). JSON keys: input, column, transform, n, lags, acf; several columns: {input, \
            transform, columns: [one object per column]}.
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions<LastNumericColumn>

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Largest lag L (prints lags 0 … L; needs n > L).", valueName: "L"))
    var lags: Int

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        try Arguments.count(lags, "--lags", minimum: 0)
        let series = try input.read(console: console)
        var results: [[Double]] = []
        for s in series {
            try s.require(atLeast: lags + 1, for: "--lags \(lags)")
            guard let first = s.values.first, s.values.contains(where: { $0 != first }) else {
                throw CLIError("\(s.label) is constant; its autocorrelation is undefined")
            }
            results.append(try SampleStatistics.autocorrelation(s.values, maxLag: lags))
        }
        try output.emit(
            to: console,
            plain: {
                results.count == 1
                    ? NumberText.lines(results[0])
                    : NumberText.csv(header: series.map(\.series.name), columns: results)
            },
            json: {
                input.jsonResult(zip(series, results).map { ($0, [("lags", .integer(lags)), ("acf", .numbers($1))]) })
            })
    }
}
