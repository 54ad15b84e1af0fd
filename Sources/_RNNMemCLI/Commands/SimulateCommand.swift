import ArgumentParser
import RNNMemory

/// `rnnmem simulate arfima|fgn …`: exact Gaussian samples.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate exact Gaussian ARFIMA or fractional Gaussian noise samples.",
        discussion: """
            Both methods are exact: Davies–Harte circulant embedding (Davies & Harte 1987) fails with an error when \
            the embedding has a negative eigenvalue (then use --method durbin-levinson); Durbin–Levinson (Hosking \
            1981) works for every positive-definite autocovariance. The same seed gives the same values, byte for \
            byte.
            """,
        subcommands: [SimulateARFIMACommand.self, SimulateFGNCommand.self])
}

/// `rnnmem simulate arfima --d 0.4 [--ar …] [--ma …] [--sigma 1] --length 4096 --seed 7 [--method …]`.
struct SimulateARFIMACommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "arfima",
        abstract: "Simulate an exact ARFIMA(p, d, q) sample φ(B)(1−B)^d X_t = θ(B) ε_t (mean 0).",
        discussion: """
            Plain output: one value per line. JSON keys: model ("arfima"), d, ar, ma, sigma, length, seed, method, \
            values.
            """)

    @OptionGroup(title: "Model") var model: ARFIMAOptions

    @OptionGroup(title: "Simulation") var simulation: SimulationOptions

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        try model.validateValues()
        try simulation.validateValues(json: output.json)
        let arfima = model.model
        let values = try Simulation.arfima(
            arfima, count: simulation.length, seed: simulation.seed, method: simulation.method.method)
        try output.emit(
            to: console,
            plain: { NumberText.lines(values) },
            json: {
                .object(
                    [("model", .string("arfima"))] + model.jsonFields + simulation.jsonFields + [
                        ("values", .numbers(values))
                    ])
            })
    }
}

/// `rnnmem simulate fgn --hurst 0.8 [--sigma 1] --length 4096 --seed 7 [--method …]`.
struct SimulateFGNCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "fgn",
        abstract: "Simulate exact fractional Gaussian noise with Hurst exponent H (0 < H < 1).",
        discussion: """
            Plain output: one value per line. JSON keys: model ("fgn"), hurst, sigma, length, seed, method, values.
            """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Hurst exponent H, 0 < H < 1.", valueName: "H"))
    var hurst: Double

    @Option(parsing: .unconditional, help: ArgumentHelp("Standard deviation σ > 0.", valueName: "sigma"))
    var sigma: Double = 1

    @OptionGroup(title: "Simulation") var simulation: SimulationOptions

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        guard hurst.isFinite, hurst > 0, hurst < 1 else {
            throw CLIError.invalidArgument("--hurst", NumberText.format(hurst), "must be in (0, 1)")
        }
        guard sigma.isFinite, sigma > 0 else {
            throw CLIError.invalidArgument("--sigma", NumberText.format(sigma), "must be a finite number > 0")
        }
        try Arguments.varianceOfStandardDeviation(sigma, "--sigma")
        try simulation.validateValues(json: output.json)
        let values = try Simulation.fractionalGaussianNoise(
            hurst: hurst, sigma2: sigma * sigma, count: simulation.length, seed: simulation.seed,
            method: simulation.method.method)
        try output.emit(
            to: console,
            plain: { NumberText.lines(values) },
            json: {
                .object(
                    [("model", .string("fgn")), ("hurst", .number(hurst)), ("sigma", .number(sigma))]
                        + simulation.jsonFields + [("values", .numbers(values))])
            })
    }
}
