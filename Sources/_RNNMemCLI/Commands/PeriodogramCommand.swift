import ArgumentParser
import RNNMemory

/// `rnnmem periodogram FILE [--column C | --columns LIST] [--transform T] [--last N]`: I(λ_j) at the Fourier
/// frequencies, as CSV `frequency,periodogram`.
struct PeriodogramCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "periodogram",
        abstract: "Print the periodogram I(λ_j) = |Σ x_t e^(−iλ_j t)|²/(2πn), λ_j = 2πj/n, j = 1 … ⌊n/2⌋.",
        discussion: """
            λ = 0 is excluded, so the mean does not matter; the scale is that of the spectral density f with \
            γ(k) = ∫ e^(iλk) f(λ) dλ over (−π, π].

            Plain output: CSV with the header 'frequency,periodogram'; with several columns, 'frequency' and one \
            column per series (header: the column names). JSON keys: input, column, transform, n, frequency, \
            periodogram; several columns: {input, transform, columns: [one object per column]}.
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions<LastNumericColumn>

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        let series = try input.read(console: console)
        var results: [(frequencies: [Double], values: [Double])] = []
        for s in series {
            try s.require(atLeast: 2, for: "a periodogram")
            let p = try SampleStatistics.periodogram(s.values)
            results.append((p.frequencies, p.values))
        }
        try output.emit(
            to: console,
            plain: {
                if results.count == 1 {
                    return NumberText.csv(
                        header: ["frequency", "periodogram"], columns: [results[0].frequencies, results[0].values])
                }
                // The columns have the same length (same file, transform and window), hence the same frequencies.
                return NumberText.csv(
                    header: ["frequency"] + series.map(\.series.name),
                    columns: [results[0].frequencies] + results.map(\.values))
            },
            json: {
                input.jsonResult(
                    zip(series, results).map {
                        ($0, [("frequency", .numbers($1.frequencies)), ("periodogram", .numbers($1.values))])
                    })
            })
    }
}
