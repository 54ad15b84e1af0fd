import ArgumentParser
import RNNMemory

/// `rnnmem acvf --d 0.4 [--ar …] [--ma …] [--sigma 1] --lags 100`: the theoretical ARFIMA autocovariance.
struct AcvfCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "acvf",
        abstract: "Print the theoretical ARFIMA(p, d, q) autocovariance γ(0), γ(1), …, γ(L).",
        discussion: """
            Exact: Hosking's product recursion for ARFIMA(0, d, 0), the MA convolution for p = 0, and Sowell (1992) \
            in the Doornik–Ooms (2003) form with AR terms (complex roots allowed). No asymptotic switch-over.

            Plain output: one value per line. JSON keys: d, ar, ma, sigma, lags, acvf.
            """)

    @OptionGroup(title: "Model") var model: ARFIMAOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Largest lag L (prints lags 0 … L).", valueName: "L"))
    var lags: Int

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        try model.validateValues()
        try Arguments.count(lags, "--lags", minimum: 0)
        // γ(0…L), the AR roots' hypergeometric terms and the MA convolution, and the text of the result. Measured
        // with /usr/bin/time -v (--d 0.3 --ar 0.5, L = 10⁶ → 4·10⁶): 56 bytes a lag in all with the plain text (25
        // reserved), so about 4 doubles of work space a lag; 5 are counted.
        try MemoryBudget.check(
            bytes: MemoryBudget.numbersBytes(count: lags + 1, workspace: 5, json: output.json),
            for: "--lags \(lags)")
        let arfima = model.model
        let gamma = try Autocovariance.arfima(arfima, lags: lags)
        try output.emit(
            to: console,
            plain: { NumberText.lines(gamma) },
            json: { .object(model.jsonFields + [("lags", .integer(lags)), ("acvf", .numbers(gamma))]) })
    }
}
