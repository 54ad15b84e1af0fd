/// Why a training run ended.
public enum TrainingStopReason: String, Sendable, Codable, CaseIterable {
    /// All requested updates were applied.
    case completed
    /// The early-stopping patience ran out.
    case earlyStopping
    /// The training loss or its gradient was NaN or infinite; that update was not applied.
    case nonFiniteLoss
    /// An update produced non-finite parameters; it was discarded.
    case nonFiniteParameters
}
