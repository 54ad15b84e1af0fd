import MemoryNumerics
import Recurrent
import Spectra

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
    /// Adam's effective learning rates η/(√V̂_i + ε) after the last update, η the schedule's peak, per parameter and
    /// per group (Spectra's `AdamEffectiveLearningRates`); nil when no update was applied.
    public let effectiveLearningRates: AdamEffectiveLearningRates?

    /// Number of updates applied.
    public var steps: Int { trainingLosses.count }

    /// The geometric mean of the effective learning rates over the recurrent parameters (groups of kind
    /// `recurrent`: A of a dense network, the two eigenvalue coordinates of a diagonal one); nil if there are none.
    public var recurrentEffectiveLearningRate: Double? {
        guard let rates = effectiveLearningRates?.rates else { return nil }
        let values = model.parameterGroups.filter { $0.kind == .recurrent }.flatMap { rates[$0.range] }
        guard !values.isEmpty else { return nil }
        return Double.exp(values.reduce(0) { $0 + Double.log($1) } / Double(values.count))
    }
}
