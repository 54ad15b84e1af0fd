/// The outcome of ``Trainer/run()``: the trained model (best-validation or final parameters, see
/// ``TrainingSummary/returnedParameters``), its loss curve and its summary.
public struct TrainingRun<Model> {
    /// The trained model.
    public let model: Model
    /// Its loss curve.
    public let history: TrainingHistory
    /// Its summary.
    public let summary: TrainingSummary
}

extension TrainingRun: Sendable where Model: Sendable {}
