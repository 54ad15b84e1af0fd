/// A built-in task and its settings, with the defaults of ``TrainingRecipe`` (what `rnnmem train --task …`
/// builds): construct the task with ``makeTask(seed:)`` from the run's task seed (``RunSeeds/task``).
public enum TaskSpecification: Sendable, Equatable {
    /// Delayed recall y_t = x_{t−k} (``DelayedRecallTask``) of one feature with lag-one correlation ρ; nil sizes
    /// take the recipe's defaults: sequence length T = 50, training batch 32, validation and test batches 256.
    case delayedRecall(
        delay: Int, correlation: Double = 0, sequenceLength: Int? = nil, batchSize: Int? = nil,
        evaluationBatchSize: Int? = nil)
    /// Linear system identification (``LinearSystemIdentificationTask``) with a teacher of state size d,
    /// smallest eigenvalue modulus ν₀ and largest phase φ_max (phases angle(l)·φ_max/π); nil sizes take the
    /// paper's: T = 300, training batch 128, validation and test batches 128.
    case linearSystemIdentification(
        teacherSize: Int = 10, minimumModulus: Double = 0.99, sequenceLength: Int? = nil,
        batchSize: Int? = nil, evaluationBatchSize: Int? = nil,
        maximumPhase: Double = 3.14)
    /// One-step prediction of `series` (``SeriesPredictionTask``): explicit `splits`, or (nil) Zhao et al.'s split
    /// sizes when `dataset` is one of their data-set names and 50/30/20 per cent otherwise
    /// (``SeriesSplits/automatic(valueCount:dataset:)``).
    case seriesPrediction(
        series: [Double], dataset: String? = nil, scalerFit: ScalerFit = .wholeSeries,
        splits: SeriesSplits? = nil)

    /// The training protocol of this task.
    public var recipe: TrainingRecipe {
        switch self {
        case .delayedRecall: return .delayedRecall
        case .linearSystemIdentification: return .linearSystemIdentification
        case .seriesPrediction: return .seriesPrediction
        }
    }

    /// The task, its fixed data drawn from `seed` (``RunSeeds/task`` of the run).
    /// - Throws: ``RecurrentError`` for settings the task rejects.
    public func makeTask(seed: UInt64) throws -> any TrainingTask {
        switch self {
        case let .delayedRecall(delay, correlation, sequenceLength, batchSize, evaluationBatchSize):
            let c = DelayedRecallConfiguration(
                delay: delay, features: 1, correlation: correlation, sequenceLength: sequenceLength ?? 50,
                batchSize: batchSize ?? 32, evaluationBatchSize: evaluationBatchSize ?? 256)
            return try DelayedRecallTask(configuration: c, seed: seed)
        case let .linearSystemIdentification(
            teacherSize, minimumModulus, sequenceLength, batchSize,
            evaluationBatchSize, maximumPhase):
            let c = LinearSystemIdentificationConfiguration(
                teacherSize: teacherSize, minimumModulus: minimumModulus, maximumPhase: maximumPhase,
                sequenceLength: sequenceLength ?? 300,
                batchSize: batchSize ?? 128, evaluationBatchSize: evaluationBatchSize ?? 128)
            return try LinearSystemIdentificationTask(configuration: c, seed: seed)
        case let .seriesPrediction(series, dataset, scalerFit, splits):
            return try SeriesPredictionTask(series: series, dataset: dataset, splits: splits, scalerFit: scalerFit)
        }
    }
}
