import MemoryNumerics

/// Entry points that take a model of any architecture (e.g. chosen by name on a command line).
public enum Training {
    /// ``Trainer/run()`` for a model whose concrete type is only known at run time; the returned run holds the
    /// trained model with the same dynamic type.
    public static func run(
        model: any RecurrentModel, task: any TrainingTask,
        configuration: TrainingConfiguration = TrainingConfiguration(),
        progress: ((TrainingProgress) -> Void)? = nil
    ) throws -> TrainingRun<any RecurrentModel> {
        try runOpened(model, task: task, configuration: configuration, progress: progress)
    }

    private static func runOpened<M: RecurrentModel>(
        _ model: M, task: any TrainingTask,
        configuration: TrainingConfiguration,
        progress: ((TrainingProgress) -> Void)?
    ) throws -> TrainingRun<any RecurrentModel> {
        let run = try Trainer(model: model, task: task, configuration: configuration, progress: progress).run()
        return TrainingRun(model: run.model, history: run.history, summary: run.summary, optimizer: run.optimizer)
    }
}
