import ArgumentParser
import RNNMemory

/// `rnnmem weights --d 0.4 --length 8 [--inverse]`: the coefficients π_j of (1−B)^d, or ψ_j of (1−B)^{−d}.
struct WeightsCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "Print the weights π_j of (1−B)^d, or ψ_j of (1−B)^−d with --inverse (j = 0, 1, …).",
        discussion: """
            π_0 = 1, π_j = π_(j−1)·(j − 1 − d)/j (Hosking 1981); ψ_j(d) = π_j(−d). Any real d.

            Plain output: one weight per line. JSON keys: d, inverse, length, weights.
            """)

    @Option(
        name: .customLong("d"), parsing: .unconditional,
        help: ArgumentHelp("Fractional order d (any real number).", valueName: "d"))
    var d: Double

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Number N of weights to print (j = 0 … N − 1).", valueName: "N"))
    var length: Int

    @Flag(help: "Print ψ_j of the fractional integration (1−B)^−d instead.")
    var inverse = false

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        try Arguments.count(length, "--length")
        // The weights (computed twice, one after the other: the overflow check, then the result) and their text.
        // Measured with /usr/bin/time -v (L = 10⁶ → 8·10⁶): 31 bytes a weight in plain text (33 counted), 72 in JSON
        // (86 counted).
        try MemoryBudget.check(
            bytes: MemoryBudget.numbersBytes(count: length, workspace: 1, json: output.json), for: "--length \(length)")
        try Arguments.fractionalOrder(d, count: length, inverse: inverse)
        let weights =
            inverse
            ? FractionalWeights.integration(d: d, count: length) : FractionalWeights.differencing(d: d, count: length)
        try output.emit(
            to: console,
            plain: { NumberText.lines(weights) },
            json: {
                .object([
                    ("d", .number(d)), ("inverse", .bool(inverse)), ("length", .integer(length)),
                    ("weights", .numbers(weights)),
                ])
            })
    }
}
