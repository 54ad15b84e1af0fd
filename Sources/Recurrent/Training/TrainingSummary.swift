/// A JSON-able summary of a training run (`Codable`; encode with `JSONEncoder` — set a
/// `nonConformingFloatEncodingStrategy` if losses may be NaN or infinite, e.g. after a divergence).
public struct TrainingSummary: Sendable, Codable, Equatable {
    /// ``RecurrentModel/architecture``.
    public let architecture: Architecture
    /// Hidden width N.
    public let hiddenSize: Int
    /// Number of layers.
    public let layerCount: Int
    /// Number of parameters P.
    public let parameterCount: Int
    /// ``TrainingTask/name`` and ``TrainingTask/settings``.
    public let task: String
    /// The task's settings.
    public let taskSettings: [String: String]
    /// The training configuration.
    public let configuration: TrainingConfiguration
    /// The trainer's seed (``TrainingConfiguration/seed``; a command-line run derives it from its seed s as s + 2,
    /// ``RunSeeds/trainer``).
    public let trainerSeed: UInt64
    /// Updates requested (``TrainingConfiguration/length`` in updates).
    public let requestedSteps: Int
    /// Updates applied.
    public let steps: Int
    /// Whole epochs applied (steps / stepsPerEpoch, rounded down).
    public let epochs: Int
    /// Why the run ended.
    public let stopReason: TrainingStopReason
    /// Training loss of the last recorded update (at the parameters before it).
    public let finalTrainingLoss: Double?
    /// Validation loss of the final parameters (after the last update), nil without validation data.
    public let finalValidationLoss: Double?
    /// Best validation loss among the evaluated parameter sets (with ``BestParameterSelection/evaluated``, the final
    /// parameters included). With ``BestParameterSelection/afterUpdate`` (Zhao et al.'s protocol) it is the loss of
    /// the parameters *before* the update whose result was kept, not of the kept parameters: see
    /// ``returnedValidationLoss``.
    public let bestValidationLoss: Double?
    /// The update (``TrainingRecord/step``) where the best validation loss was evaluated: step s evaluates the
    /// parameters before update s; s = ``steps`` + 1 denotes the final parameters, evaluated after the last update.
    public let bestValidationStep: Int?
    /// How the best parameters were chosen (``TrainingConfiguration/bestParameterSelection``).
    public let bestParameterSelection: BestParameterSelection
    /// Which parameters were returned.
    public let returnedParameters: ReturnedParameters
    /// Validation loss of the returned parameters (nil without validation data).
    public let returnedValidationLoss: Double?
    /// Loss of the returned parameters on the task's test data, nil without test data.
    public let testLoss: Double?
    /// ``TrainingTask/testMetrics(of:)`` of the returned parameters.
    public let testMetrics: [String: Double]
    /// Wall-clock seconds of the whole run (training and final evaluations).
    public let elapsedSeconds: Double
}
