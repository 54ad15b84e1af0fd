import ArgumentParser
import RNNMemory

/// A comma-separated list of real coefficients, e.g. `--ar 0.5,-0.2` (an empty string is the empty list).
struct CoefficientList: ExpressibleByArgument, Sendable, Equatable {
    let values: [Double]

    init(_ values: [Double]) { self.values = values }

    init?(argument: String) {
        if argument.trimmingSpaces.isEmpty {
            values = []
            return
        }
        var out: [Double] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let x = Double(String(part).trimmingSpaces), x.isFinite else { return nil }
            out.append(x)
        }
        values = out
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// The parameters of an ARFIMA(p, d, q) model φ(B)(1−B)^d X_t = θ(B) ε_t with φ(z) = 1 − φ₁z − … − φ_p z^p and
/// θ(z) = 1 + θ₁z + … + θ_q z^q (the MA sign of R `stats::arima` and statsmodels), ε_t ~ (0, σ²).
struct ARFIMAOptions: ParsableArguments {
    @Option(
        name: .customLong("d"), parsing: .unconditional,
        help: ArgumentHelp("Memory parameter d, −0.5 < d < 0.5.", valueName: "d"))
    var d: Double

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "AR coefficients φ₁,…,φ_p of φ(z) = 1 − φ₁z − … − φ_p z^p, comma-separated.", valueName: "list"))
    var ar: CoefficientList?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "MA coefficients θ₁,…,θ_q of θ(z) = 1 + θ₁z + … + θ_q z^q, comma-separated.", valueName: "list"))
    var ma: CoefficientList?

    @Option(parsing: .unconditional, help: ArgumentHelp("Innovation standard deviation σ > 0.", valueName: "sigma"))
    var sigma: Double = 1

    /// φ₁ … φ_p (empty without --ar).
    var arValues: [Double] { ar?.values ?? [] }

    /// θ₁ … θ_q (empty without --ma).
    var maValues: [Double] { ma?.values ?? [] }

    /// The model with innovation variance σ².
    var model: ARFIMAModel { ARFIMAModel(d: d, ar: arValues, ma: maValues, sigma2: sigma * sigma) }

    /// The JSON description of the model (keys in a fixed order).
    var jsonFields: [(String, JSONValue)] {
        [("d", .number(d)), ("ar", .numbers(arValues)), ("ma", .numbers(maValues)), ("sigma", .number(sigma))]
    }

    /// Checks −½ < d < ½ and σ > 0 (the library checks the AR polynomial for stationarity).
    func validateValues() throws(CLIError) {
        guard d.isFinite, d > -0.5, d < 0.5 else {
            throw CLIError.invalidArgument(
                "--d", NumberText.format(d), "must be in (−0.5, 0.5) for a stationary, invertible ARFIMA model")
        }
        guard sigma.isFinite, sigma > 0 else {
            throw CLIError.invalidArgument("--sigma", NumberText.format(sigma), "must be a finite number > 0")
        }
    }
}
