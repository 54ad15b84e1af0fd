import ArgumentParser
import RNNMemory

/// `--init-scheme orvieto2023|zucchet-orvieto2024`: the ring initialisation schemes of cdiag and lru
/// (``DiagonalInitialization/Scheme``).
extension DiagonalInitialization.Scheme: ExpressibleByArgument {
    /// The argument value naming the scheme.
    var commandLineName: String {
        switch self {
        case .orvieto2023: return "orvieto2023"
        case .zucchetOrvieto2024: return "zucchet-orvieto2024"
        }
    }

    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.commandLineName == argument }) else { return nil }
        self = match
    }

    public var defaultValueDescription: String { commandLineName }

    public static var allValueStrings: [String] { allCases.map(\.commandLineName) }

    public static var allValueDescriptions: [String: String] { [:] }
}
