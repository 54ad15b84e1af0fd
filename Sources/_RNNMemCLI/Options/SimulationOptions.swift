import ArgumentParser
import RNNMemory

/// `--method davies-harte|durbin-levinson` for the simulators.
enum SimulationMethodOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case daviesHarte = "davies-harte"
    case durbinLevinson = "durbin-levinson"

    var method: Simulation.Method {
        switch self {
        case .daviesHarte: return .daviesHarte
        case .durbinLevinson: return .durbinLevinson
        }
    }
}

/// Length, seed and algorithm of an exact Gaussian simulation.
struct SimulationOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Number N of values to generate.", valueName: "N"))
    var length: Int

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed of the random generator (same seed ⇒ same output, byte for byte).", valueName: "seed"))
    var seed: UInt64

    @Option(
        help: ArgumentHelp(
            "davies-harte (circulant embedding, O(n log n)) or durbin-levinson (O(n²)); both exact.",
            valueName: "method"))
    var method: SimulationMethodOption = .daviesHarte

    /// Checks the length for the method and the memory of the simulation and of its text (`json`: printed as JSON).
    func validateValues(json: Bool) throws(CLIError) {
        if method == .daviesHarte && length == 1 {
            throw CLIError.invalidArgument(
                "--length", "1", "must be ≥ 2 for davies-harte (use --method durbin-levinson)")
        }
        try Arguments.count(length, "--length")
        if method == .durbinLevinson && length > Self.maximumDurbinLevinsonLength {
            throw CLIError.invalidArgument(
                "--length", String(length),
                "must be ≤ \(Self.maximumDurbinLevinsonLength) with --method durbin-levinson, whose time grows as n² "
                    + "(n = 10⁵ takes about 10 s); use --method davies-harte (n log n) for longer series")
        }
        // Davies–Harte: the circulant embedding of size 2n as complex numbers, its eigenvalues, a complex Gaussian
        // vector and the output (about 8 doubles per value, doubled for the FFT's work space; measured: 63 bytes a
        // value with the JSON text, ARFIMA(0, 0.3, 0), n = 5·10⁵ → 4·10⁶); Durbin–Levinson: the partial
        // autocorrelations, the predictor and the output. Then the text of the values.
        let perValue = method == .daviesHarte ? 16.0 : 4.0
        try MemoryBudget.check(
            bytes: MemoryBudget.numbersBytes(count: length, workspace: perValue, json: json),
            for: "--length \(length) with --method \(method.rawValue)")
    }

    /// The longest series simulated by Durbin–Levinson (O(n²) time; the same bound as the exact MLE's n).
    static let maximumDurbinLevinsonLength = 100_000

    var jsonFields: [(String, JSONValue)] {
        [("length", .integer(length)), ("seed", .unsigned(seed)), ("method", .string(method.rawValue))]
    }
}
