/// The training protocol of each built-in task, as `rnnmem train` runs it, with optional overrides:
///
/// * ``delayedRecall`` — 500 updates, Adam at a constant learning rate 0.01, validation every n/20 updates;
/// * ``linearSystemIdentification`` — the protocol of Zucchet & Orvieto (2024, NeurIPS, arXiv 2405.21064):
///   1000 updates, Adam with the warm-up–cosine schedule 1e-7 → 1e-3 → 1e-7
///   (``TrainingConfiguration/zucchetOrvieto(steps:learningRate:seed:validationInterval:)``), validation every
///   n/20 updates;
/// * ``seriesPrediction`` — the protocol of Zhao et al. (2020, ICML, arXiv 2006.03860): full-sequence Adam updates
///   at 0.01 for at most 1000 epochs, early stopping after 100 epochs without improvement of the training loss,
///   best-validation parameters kept (``TrainingConfiguration/zhao(maxEpochs:learningRate:patience:seed:)``).
///
/// The raw values are the task names of the command line (and of ``TrainingTask/name``).
public enum TrainingRecipe: String, Sendable, Hashable, Codable, CaseIterable {
    /// Delayed recall (``DelayedRecallTask``).
    case delayedRecall = "recall"
    /// Teacher–student linear system identification (``LinearSystemIdentificationTask``).
    case linearSystemIdentification = "lsi"
    /// One-step prediction of a series (``SeriesPredictionTask``).
    case seriesPrediction = "series"

    /// The recipe's training configuration, with the trainer seeded from `seeds` (``RunSeeds/trainer``).
    ///
    /// - Parameters:
    ///   - seeds: the run's seeds; the trainer draws from ``RunSeeds/trainer``.
    ///   - steps: number of updates instead of the recipe's (recall 500, lsi 1000; for series it replaces the
    ///     epochs).
    ///   - epochs: number of epochs instead (ignored when `steps` is given; series: default 1000).
    ///   - learningRate: the constant rate (recall 0.01, series 0.01) or the schedule's peak (lsi 1e-3).
    ///   - optimizer: the optimiser (default Adam with PyTorch's defaults).
    ///   - gradientClipNorm: clip the gradient to this global ℓ2 norm (``GradientClipping``), or nil.
    ///   - patience: early stopping on the validation loss after this many evaluations without improvement
    ///     (recall, lsi), or the training-loss patience of Zhao et al.'s rule (series, default 100).
    ///   - validationInterval: evaluate the validation loss every this many updates (default: n/20, at least
    ///     1, for recall and lsi; every epoch for series).
    public func configuration(
        seeds: RunSeeds, steps: Int? = nil, epochs: Int? = nil, learningRate: Double? = nil,
        optimizer: OptimizerConfiguration = .adam(), gradientClipNorm: Double? = nil, patience: Int? = nil,
        validationInterval: Int? = nil
    ) -> TrainingConfiguration {
        let trainerSeed = seeds.trainer
        var config: TrainingConfiguration
        switch self {
        case .seriesPrediction:
            config = .zhao(
                maxEpochs: epochs ?? 1000, learningRate: learningRate ?? 0.01, patience: patience ?? 100,
                seed: trainerSeed)
        case .linearSystemIdentification:
            let n = steps ?? 1000
            config = .zucchetOrvieto(
                steps: n, learningRate: learningRate ?? 1e-3, seed: trainerSeed,
                validationInterval: validationInterval ?? max(1, n / 20))
        case .delayedRecall:
            let n = steps ?? 500
            config = TrainingConfiguration(
                length: .steps(n), seed: trainerSeed, optimizer: .adam(),
                schedule: .constant(learningRate: learningRate ?? 0.01),
                validationInterval: validationInterval ?? max(1, n / 20))
        }
        if let steps { config.length = .steps(steps) } else if let epochs { config.length = .epochs(epochs) }
        config.optimizer = optimizer
        config.gradientClipNorm = gradientClipNorm
        if let validationInterval { config.validationInterval = validationInterval }
        if let patience, self != .seriesPrediction {
            config.earlyStopping = EarlyStoppingConfiguration(monitor: .validationLoss, patience: patience)
        }
        return config
    }
}
