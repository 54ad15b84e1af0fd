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

extension Training {
    /// Evaluate `model` (unchanged) on `task`'s validation and test data with the task's losses.
    /// Throws ``RecurrentError`` when the model's widths do not fit the task.
    public static func evaluate(model: any RecurrentModel, task: any TrainingTask) throws -> TaskEvaluation {
        try task.validateCompatible(model)
        let workspace = RecurrentWorkspace()
        func loss(_ batch: TaskBatch?) throws -> Double? {
            try batch.map { try model.loss(inputs: $0.inputs, targets: $0.targets, loss: $0.loss, workspace: workspace) }
        }
        return TaskEvaluation(task: task.name, validationLoss: try loss(task.validationBatch()),
                              testLoss: try loss(task.testBatch()), testMetrics: try task.testMetrics(of: model))
    }
}
