import ArgumentParser
import RNNMemory

/// `rnnmem periodogram FILE [--column C]`: I(λ_j) at the Fourier frequencies, as CSV `frequency,periodogram`.
struct PeriodogramCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "periodogram",
        abstract: "Print the periodogram I(λ_j) = |Σ x_t e^(−iλ_j t)|²/(2πn), λ_j = 2πj/n, j = 1 … ⌊n/2⌋.",
        discussion: """
            Plain output is CSV with the header 'frequency,periodogram'. λ = 0 is excluded, so the mean does not \
            matter; the scale is that of the spectral density f with γ(k) = ∫ e^(iλk) f(λ) dλ over (−π, π].
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        let series = try input.readSeries(console: console)
        guard series.count >= 2 else {
            throw CLIError("a periodogram needs at least 2 observations; \(series.source) has \(series.count)")
        }
        let p = try SampleStatistics.periodogram(series.values)
        try output.emit(
            to: console,
            plain: { NumberText.csv(header: ["frequency", "periodogram"], columns: [p.frequencies, p.values]) },
            json: {
                .object([
                    ("input", .string(series.source)), ("column", .string(series.name)), ("n", .integer(series.count)),
                    ("frequency", .numbers(p.frequencies)), ("periodogram", .numbers(p.values)),
                ])
            })
    }
}
