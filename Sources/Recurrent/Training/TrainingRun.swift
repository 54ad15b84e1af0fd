/// The outcome of ``Trainer/run()``: the trained model (best-validation or final parameters, see
/// ``TrainingSummary/returnedParameters``), its loss curve and its summary.
public struct TrainingRun<Model> {
    /// The trained model.
    public let model: Model
    /// Its loss curve.
    public let history: TrainingHistory
    /// Its summary.
    public let summary: TrainingSummary
    /// The optimiser as it stands after the last applied update (its moments and step count: e.g. ``Adam``'s
    /// second moment V for its effective learning rates). It belongs to the final parameters, which are the returned
    /// ones unless ``TrainingSummary/returnedParameters`` is ``ReturnedParameters/bestValidation``.
    public let optimizer: any Optimizer
}

extension TrainingRun: Sendable where Model: Sendable {}
