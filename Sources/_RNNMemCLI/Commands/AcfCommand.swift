import ArgumentParser
import RNNMemory

/// `rnnmem acf FILE --lags 100 [--column C]`: the sample autocorrelation ρ̂(0 … L).
struct AcfCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "acf",
        abstract: "Print the sample autocorrelation ρ̂(0), ρ̂(1), …, ρ̂(L) of a series.",
        discussion: """
            ρ̂(k) = γ̂(k)/γ̂(0) with γ̂(k) = (1/n) Σ_(t=1)^(n−k) (x_t − x̄)(x_(t+k) − x̄): demeaned, divisor n \
            (positive semi-definite), computed by FFT.
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Largest lag L (prints lags 0 … L; needs n > L).", valueName: "L"))
    var lags: Int

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        try Arguments.count(lags, "--lags", minimum: 0)
        let series = try input.readSeries(console: console)
        try series.require(atLeast: lags + 1, for: "--lags \(lags)")
        guard series.values.contains(where: { $0 != series.values[0] }) else {
            throw CLIError("\(series.source): column '\(series.name)' is constant; its autocorrelation is undefined")
        }
        let rho = try SampleStatistics.autocorrelation(series.values, maxLag: lags)
        try output.emit(
            to: console,
            plain: { NumberText.lines(rho) },
            json: {
                .object([
                    ("input", .string(series.source)), ("column", .string(series.name)), ("n", .integer(series.count)),
                    ("lags", .integer(lags)), ("acf", .numbers(rho)),
                ])
            })
    }
}
