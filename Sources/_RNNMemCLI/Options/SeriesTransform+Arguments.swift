import ArgumentParser
import RNNMemory

/// `--transform none|diff|log|log-returns|abs-log-returns|squared-log-returns`: the library's ``SeriesTransform``
/// under its short names (also the `transform` value of JSON output).
extension SeriesTransform: ExpressibleByArgument {
    /// The argument value naming the transform.
    var commandLineName: String {
        switch self {
        case .identity: return "none"
        case .difference: return "diff"
        case .logarithm: return "log"
        case .logReturns: return "log-returns"
        case .absoluteLogReturns: return "abs-log-returns"
        case .squaredLogReturns: return "squared-log-returns"
        }
    }

    public init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.commandLineName == argument }) else { return nil }
        self = match
    }

    public var defaultValueDescription: String { commandLineName }

    public static var allValueStrings: [String] { allCases.map(\.commandLineName) }

    /// Applies the transform to one column; the error names the argument, the column and the observation at fault.
    func apply(_ series: Series) throws(CLIError) -> [Double] {
        do {
            return try apply(to: series.values)
        } catch .seriesTooShort(_, let needed, _) {
            throw CLIError(
                "--transform \(commandLineName) needs at least \(needed) observations; column '\(series.name)' of "
                    + "\(series.source) has \(series.count)")
        } catch .nonPositive(let i, let value) {
            throw CLIError(
                "--transform \(commandLineName) needs positive values; observation \(i + 1) of column '\(series.name)' "
                    + "of \(series.source) is \(NumberText.format(value))")
        } catch {
            throw CLIError("--transform \(commandLineName): column '\(series.name)' of \(series.source): \(error)")
        }
    }
}
