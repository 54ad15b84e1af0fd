/// Everything that determines a training run besides the model and the task. Codable, so that a run's summary
/// records it and a command line can fill it.
///
/// Order of operations of update k = 0, 1, … (``Trainer``): batch k; loss and gradient at θ_k; validation loss at
/// θ_k when k is a multiple of ``validationInterval`` (and at the last update); gradient clipping; η_k from the
/// schedule; optimiser update θ_{k+1}; best-parameter bookkeeping; early-stopping check (stopping after the update,
/// as Zhao et al.).
public struct TrainingConfiguration: Sendable, Codable, Equatable {
    /// How long to train.
    public var length: TrainingLength
    /// Seed of the trainer's generator (fresh training batches); the model's initialisation and the task's fixed
    /// data have their own seeds.
    public var seed: UInt64
    /// The optimiser.
    public var optimizer: OptimizerConfiguration
    /// The learning-rate schedule.
    public var schedule: LearningRateSchedule
    /// Clip the gradient to this global ℓ2 norm (``GradientClipping``), or nil.
    public var gradientClipNorm: Double?
    /// Evaluate the validation loss every this many updates (≥ 1) — and at the last update.
    public var validationInterval: Int
    /// Early stopping, or nil to run the full length.
    public var earlyStopping: EarlyStoppingConfiguration?
    /// Return the best-validation parameters (true) or the final ones (false). Ignored without validation data.
    public var keepBestValidationParameters: Bool
    /// Which parameters count as "best" when the validation loss improves.
    public var bestParameterSelection: BestParameterSelection

    /// A configuration (defaults: 1000 Adam updates at a constant 1e-3, validation every 10 updates).
    public init(
        length: TrainingLength = .steps(1000), seed: UInt64 = 0, optimizer: OptimizerConfiguration = .adam(),
        schedule: LearningRateSchedule = .constant(learningRate: 1e-3), gradientClipNorm: Double? = nil,
        validationInterval: Int = 10, earlyStopping: EarlyStoppingConfiguration? = nil,
        keepBestValidationParameters: Bool = true, bestParameterSelection: BestParameterSelection = .evaluated
    ) {
        self.length = length
        self.seed = seed
        self.optimizer = optimizer
        self.schedule = schedule
        self.gradientClipNorm = gradientClipNorm
        self.validationInterval = validationInterval
        self.earlyStopping = earlyStopping
        self.keepBestValidationParameters = keepBestValidationParameters
        self.bestParameterSelection = bestParameterSelection
    }

    /// Zhao et al. (2020)'s time-series protocol (huawei-noah/noah-research
    /// `mRNN-mLSTM/time_series_prediction/train.py`): Adam
    /// (PyTorch defaults) at a constant lr 0.01, at most 1000 epochs of one full-sequence update, validation every
    /// epoch, stop when the training loss has not improved by > 1e-5 for 100 epochs, keep the best-validation model
    /// — with their selection of the parameters *after* the update (``BestParameterSelection/afterUpdate``).
    public static func zhao(
        maxEpochs: Int = 1000, learningRate: Double = 0.01, patience: Int = 100,
        seed: UInt64 = 0
    ) -> TrainingConfiguration {
        TrainingConfiguration(
            length: .epochs(maxEpochs), seed: seed, optimizer: .adam(), schedule: .constant(learningRate: learningRate),
            validationInterval: 1,
            earlyStopping: EarlyStoppingConfiguration(monitor: .trainingLoss, patience: patience, minDelta: 1e-5),
            keepBestValidationParameters: true, bestParameterSelection: .afterUpdate)
    }

    /// Zucchet & Orvieto (2024)'s linear-system-identification protocol (NeurIPS, arXiv 2405.21064): Adam (optax defaults =
    /// PyTorch's), warm-up–cosine 1e-7 → lr → 1e-7 with zero warm-up over the run, 10 000 updates (100 epochs of 100
    /// batches), no clipping, no early stopping; the final parameters are returned.
    public static func zucchetOrvieto(
        steps: Int = 10_000, learningRate: Double, seed: UInt64 = 0,
        validationInterval: Int = 100
    ) -> TrainingConfiguration {
        TrainingConfiguration(
            length: .steps(steps), seed: seed, optimizer: .adam(), schedule: .zucchetOrvieto(peak: learningRate),
            validationInterval: validationInterval, keepBestValidationParameters: false)
    }

    /// Throws a descriptive ``RecurrentError`` for any inconsistent setting.
    public func validate(stepsPerEpoch: Int = 1) throws {
        let total = length.steps(stepsPerEpoch: stepsPerEpoch)
        switch length {
        case .steps(let n) where n < 1:
            throw RecurrentError.invalidArgument(argument: "steps", message: "must be ≥ 1, got \(n)")
        case .epochs(let e) where e < 1:
            throw RecurrentError.invalidArgument(argument: "epochs", message: "must be ≥ 1, got \(e)")
        default: break
        }
        try optimizer.validate()
        try schedule.validate(totalSteps: total)
        if let c = gradientClipNorm, !(c.isFinite && c > 0) {
            throw RecurrentError.invalidArgument(
                argument: "gradientClipNorm", message: "must be finite and > 0, got \(c)")
        }
        guard validationInterval >= 1 else {
            throw RecurrentError.invalidArgument(
                argument: "validationInterval", message: "must be ≥ 1, got \(validationInterval)")
        }
        try earlyStopping?.validate()
    }
}
