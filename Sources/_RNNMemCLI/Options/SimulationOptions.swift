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

    func validateValues() throws(CLIError) {
        if method == .daviesHarte && length == 1 {
            throw CLIError.invalidArgument(
                "--length", "1", "must be ≥ 2 for davies-harte (use --method durbin-levinson)")
        }
        try Arguments.count(length, "--length")
    }

    var jsonFields: [(String, JSONValue)] {
        [("length", .integer(length)), ("seed", .unsigned(seed)), ("method", .string(method.rawValue))]
    }
}
