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

/// Which parameters a run returned.
public enum ReturnedParameters: String, Sendable, Codable, CaseIterable {
    /// The best-validation parameters (see ``BestParameterSelection``).
    case bestValidation
    /// The parameters after the last applied update.
    case final
}

/// A JSON-able summary of a training run (`Codable`; encode with `JSONEncoder` — set a
/// `nonConformingFloatEncodingStrategy` if losses may be NaN or infinite, e.g. after a divergence).
public struct TrainingSummary: Sendable, Codable, Equatable {
    /// ``RecurrentModel/architecture``.
    public let architecture: String
    public let hiddenSize: Int
    public let layerCount: Int
    public let parameterCount: Int
    /// ``TrainingTask/name`` and ``TrainingTask/settings``.
    public let task: String
    public let taskSettings: [String: String]
    public let configuration: TrainingConfiguration
    /// ``TrainingConfiguration/seed``.
    public let seed: UInt64
    /// Updates requested (``TrainingConfiguration/length`` in updates).
    public let requestedSteps: Int
    /// Updates applied.
    public let steps: Int
    /// Whole epochs applied (steps / stepsPerEpoch, rounded down).
    public let epochs: Int
    public let stopReason: TrainingStopReason
    /// Training loss of the last recorded update (at the parameters before it).
    public let finalTrainingLoss: Double?
    /// Validation loss of the final parameters (after the last update), nil without validation data.
    public let finalValidationLoss: Double?
    /// Best validation loss seen during training and the update (``TrainingRecord/step``) where it was evaluated.
    public let bestValidationLoss: Double?
    public let bestValidationStep: Int?
    public let returnedParameters: ReturnedParameters
    /// Loss of the returned parameters on the task's test data, nil without test data.
    public let testLoss: Double?
    /// ``TrainingTask/testMetrics(of:)`` of the returned parameters.
    public let testMetrics: [String: Double]
    /// Wall-clock seconds of the whole run (training and final evaluations).
    public let elapsedSeconds: Double
}

/// The outcome of ``Trainer/run()``: the trained model (best-validation or final parameters, see
/// ``TrainingSummary/returnedParameters``), its loss curve and its summary.
public struct TrainingRun<Model> {
    public let model: Model
    public let history: TrainingHistory
    public let summary: TrainingSummary
}

extension TrainingRun: Sendable where Model: Sendable {}
