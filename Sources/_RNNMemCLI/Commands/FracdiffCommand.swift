import ArgumentParser
import RNNMemory

/// `rnnmem fracdiff FILE --d 0.4 [--window K] [--demean] [--inverse] [input options]`: the type-II fractional
/// difference (1−B)^d of a series, its exact inverse, or a K-term window that reports its lost memory.
struct FracdiffCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "fracdiff",
        abstract: "Fractionally difference a series: y_t = Σ_{j<t} π_j(d) x_(t−j) (type II, exact, via FFT).",
        discussion: """
            The full-sample filter treats x_t = 0 for t ≤ 0; --inverse applies (1−B)^−d, its exact inverse. \
            Nothing is demeaned unless --demean is given (R's diffseries always demeans). --window K keeps only \
            K weights, a different operator that discards Γ(K−d)/(Γ(K)Γ(1−d)) of the filter's memory; that \
            fraction is printed to standard error.

            Plain output: one value per line; with several columns, a CSV table with one column per series (header: \
            the column names). JSON keys: input, column, transform, n, d, inverse, demean, window, lost_memory, \
            values; several columns: {input, transform, columns: [one object per column]}.
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions<LastNumericColumn>

    @Option(
        name: .customLong("d"), parsing: .unconditional,
        help: ArgumentHelp("Fractional order d (any real number).", valueName: "d"))
    var d: Double

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Keep only the first K weights (fixed-window filter).", valueName: "K"))
    var window: Int?

    @Flag(help: "Subtract the sample mean before filtering.")
    var demean = false

    @Flag(help: "Apply the fractional integration (1−B)^−d instead.")
    var inverse = false

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        try Arguments.finite(d, "--d")
        if let window { try Arguments.count(window, "--window") }
        let series = try input.read(console: console)
        let longest = series.map(\.count).max() ?? 0
        try Arguments.fractionalOrder(d, count: min(window ?? longest, longest), inverse: inverse)
        let method: FractionalFilter.Method = window.map { .window($0) } ?? .fft
        var results: [FractionalFilter.Result] = []
        for s in series {
            results.append(
                inverse
                    ? try FractionalFilter.integrate(s.values, d: d, demean: demean, method: method)
                    : try FractionalFilter.difference(s.values, d: d, demean: demean, method: method))
        }
        if let result = results.first, let k = result.window {
            let operatorName = inverse ? "(1−B)^−\(NumberText.format(d))" : "(1−B)^\(NumberText.format(d))"
            if let lost = result.lostMemory, lost.isFinite {
                console.note(
                    "a window of K = \(k) weights discards \(NumberText.format(lost)) of the memory of "
                        + "\(operatorName) (its gain at frequency 0)")
            } else {
                console.note(
                    "a window of K = \(k) weights of \(operatorName) discards an infinite tail "
                        + "(the weights are not summable)")
            }
        }
        try output.emit(
            to: console,
            plain: {
                results.count == 1
                    ? NumberText.lines(results[0].values)
                    : NumberText.csv(header: series.map(\.series.name), columns: results.map(\.values))
            },
            json: {
                input.jsonResult(
                    zip(series, results).map { s, result in
                        (
                            s,
                            [
                                ("d", .number(d)), ("inverse", .bool(inverse)), ("demean", .bool(demean)),
                                ("window", .optional(result.window)),
                                ("lost_memory", .optional(result.lostMemory.flatMap { $0.isFinite ? $0 : nil })),
                                ("values", .numbers(result.values)),
                            ]
                        )
                    })
            })
    }
}
