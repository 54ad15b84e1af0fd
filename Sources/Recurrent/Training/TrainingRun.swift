/// The outcome of ``Trainer/run()``: the trained model (best-validation or final parameters, see
/// ``TrainingSummary/returnedParameters``), its loss curve and its summary.
public struct TrainingRun<Model> {
    public let model: Model
    public let history: TrainingHistory
    public let summary: TrainingSummary
}

extension TrainingRun: Sendable where Model: Sendable {}
