import ArgumentParser
import RNNMemory

/// `--parametrization default|polar|exp|scaled-exp|optimal`: how cdiag parametrises its eigenvalues
/// (``EigenvalueParametrization``; the weights files' metadata spell scaled-exp `scaled_exp`).
extension EigenvalueParametrization: ExpressibleByArgument {
    /// The argument value naming the parametrization.
    var commandLineName: String { self == .scaledExp ? "scaled-exp" : rawValue }

    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.commandLineName == argument }) else { return nil }
        self = match
    }

    public var defaultValueDescription: String { commandLineName }

    public static var allValueStrings: [String] { allCases.map(\.commandLineName) }

    public static var allValueDescriptions: [String: String] { [:] }
}
