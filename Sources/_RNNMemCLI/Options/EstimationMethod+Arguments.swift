import ArgumentParser
import RNNMemory

/// `--method gph|lw|lpw|elw|elw2|whittle|hr|mle|css|rs|dfa|aggvar`: the library's ``EstimationMethod`` under its short
/// command-line names, which are also the `method` values of JSON output.
extension EstimationMethod: ExpressibleByArgument {
    /// The argument value naming the estimator.
    var commandLineName: String {
        switch self {
        case .gewekePorterHudak: return "gph"
        case .localWhittle: return "lw"
        case .localPolynomialWhittle: return "lpw"
        case .exactLocalWhittle: return "elw"
        case .twoStepExactLocalWhittle: return "elw2"
        case .whittle: return "whittle"
        case .haslettRaftery: return "hr"
        case .exactMaximumLikelihood: return "mle"
        case .conditionalSumOfSquares: return "css"
        case .rescaledRange: return "rs"
        case .detrendedFluctuationAnalysis: return "dfa"
        case .aggregatedVariance: return "aggvar"
        }
    }

    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.commandLineName == argument }) else { return nil }
        self = match
    }

    public var defaultValueDescription: String { commandLineName }

    public static var allValueStrings: [String] { allCases.map(\.commandLineName) }
}
