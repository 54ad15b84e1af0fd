import Recurrent

/// The outcome of ``StudentTraining/run(model:task:configuration:progress:)``.
public struct StudentTrainingResult: Sendable {
    /// The trained student (its final parameters).
    public let model: any RecurrentModel
    /// The training loss of every applied update (at the parameters before it).
    public let trainingLosses: [Double]
    /// The learning rate of every applied update.
    public let learningRates: [Double]
    /// True when a loss, gradient or update became non-finite (the run stopped before it).
    public let diverged: Bool
    /// Mean of the last training losses (see ``StudentTraining/Configuration/finalWindow``); nil when diverged.
    public let finalTrainingLoss: Double?
    /// The task's loss of the final parameters on its fixed test batch; nil when diverged or without test data.
    public let testLoss: Double?
    /// η/(√V̂_i + ε) per parameter, in the model's parameter order.
    public let effectiveLearningRates: [Double]
    /// The effective learning rates summarised per parameter group, in storage order.
    public let groups: [EffectiveLearningRate]

    /// Number of updates applied.
    public var steps: Int { trainingLosses.count }

    /// The geometric mean of the effective learning rates over the recurrent parameters (groups of kind
    /// `recurrent`: A of a dense network, the two eigenvalue coordinates of a diagonal one); nil if there are none.
    public var recurrentEffectiveLearningRate: Double? {
        EffectiveLearningRate.geometricMean(groups.filter { $0.kind == .recurrent }.flatMap { g in
            effectiveLearningRates[g.range]
        })
    }
}
