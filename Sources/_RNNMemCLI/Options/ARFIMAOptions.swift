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
        try Arguments.varianceOfStandardDeviation(sigma, "--sigma")
        try checkNearUnitRoots()
    }

    /// The closest an AR root may come to the unit circle: the autocovariance decays as r^h with r the largest
    /// inverse-root modulus, and both routes to it (Sowell's ₂F₁ series at the inverse roots, and the truncated
    /// ARMA autocovariance of the convolution method) need about 37/(1 − r) terms, beyond their bounds (5·10⁷
    /// terms, 2²⁶ lags) when 1 − r < 10⁻⁶.
    static let unitCircleMargin = 1e-6

    /// Throws when a root of φ(z) lies outside the unit circle (stationary) but within ``unitCircleMargin`` of it,
    /// naming the root and the coefficients that keep it far enough.
    private func checkNearUnitRoots() throws(CLIError) {
        let phi = arValues
        guard !phi.isEmpty, let roots = try? Polynomials.roots(oneMinus: phi) else { return }
        guard let closest = roots.min(by: { $0.length < $1.length }) else { return }
        let modulus = closest.length
        guard modulus > 1, 1 / modulus > 1 - Self.unitCircleMargin else { return }
        let root =
            closest.imaginary == 0
            ? NumberText.format(closest.real)
            : "\(NumberText.format(closest.real)) \(closest.imaginary < 0 ? "−" : "+") "
                + "\(NumberText.format(abs(closest.imaginary)))i"
        throw CLIError.invalidArgument(
            "--ar", phi.map(NumberText.format).joined(separator: ","),
            "the root \(root) of φ(z) lies within \(Self.unitCircleMargin) of the unit circle (modulus "
                + "\(NumberText.format(modulus))): the autocovariance then decays too slowly to compute; keep every "
                + "root's modulus ≥ 1 + 1e-6 (for AR(1): |φ₁| ≤ 0.999999)")
    }
}
