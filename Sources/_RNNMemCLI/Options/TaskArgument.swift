import ArgumentParser
import RNNMemory

/// `--task lsi|series|recall`.
enum TaskArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case lsi, series, recall

    /// The library's training protocol of the task.
    var recipe: TrainingRecipe {
        switch self {
        case .lsi: return .linearSystemIdentification
        case .series: return .seriesPrediction
        case .recall: return .delayedRecall
        }
    }
}
