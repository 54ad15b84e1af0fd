/// Losses and metrics of a model on a task's held-out data (what `rnnmem eval` reports for saved weights).
public struct TaskEvaluation: Sendable, Codable, Equatable {
    /// ``TrainingTask/name``.
    public let task: String
    /// Loss on ``TrainingTask/validationBatch()``, nil if the task has none.
    public let validationLoss: Double?
    /// Loss on ``TrainingTask/testBatch()``, nil if the task has none.
    public let testLoss: Double?
    /// ``TrainingTask/testMetrics(of:)``.
    public let testMetrics: [String: Double]
}
