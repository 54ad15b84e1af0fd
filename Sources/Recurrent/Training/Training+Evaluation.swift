extension Training {
    /// Evaluate `model` (unchanged) on `task`'s validation and test data with the task's losses.
    /// Throws ``RecurrentError`` when the model's widths do not fit the task.
    public static func evaluate(model: any RecurrentModel, task: any TrainingTask) throws -> TaskEvaluation {
        try task.validateCompatible(model)
        let workspace = RecurrentWorkspace()
        func loss(_ batch: TaskBatch?) throws -> Double? {
            try batch.map { try model.loss(on: $0, workspace: workspace) }
        }
        return TaskEvaluation(
            task: task.name, validationLoss: try loss(task.validationBatch()),
            testLoss: try loss(task.testBatch()), testMetrics: try task.testMetrics(of: model))
    }
}
