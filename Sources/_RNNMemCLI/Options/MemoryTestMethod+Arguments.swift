import ArgumentParser
import RNNMemory

/// `--method lo|vs|kpss|wald`: the library's ``MemoryTestMethod`` under its short command-line names, which are also
/// the `method` values of JSON output.
extension MemoryTestMethod: ExpressibleByArgument {
    /// The argument value naming the test.
    var commandLineName: String {
        switch self {
        case .loModifiedRescaledRange: return "lo"
        case .rescaledVariance: return "vs"
        case .kwiatkowskiPhillipsSchmidtShin: return "kpss"
        case .wald: return "wald"
        }
    }

    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.commandLineName == argument }) else { return nil }
        self = match
    }

    public var defaultValueDescription: String { commandLineName }

    public static var allValueStrings: [String] { allCases.map(\.commandLineName) }
}

/// `--alternative two-sided|greater|less`.
extension TestAlternative: ExpressibleByArgument {}
