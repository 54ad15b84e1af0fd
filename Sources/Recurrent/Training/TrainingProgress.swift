/// What a ``Trainer`` reports to its progress handler: once after every applied update (``stopReason`` nil) and
/// once when the run ends (``stopReason`` set). Drawing it (a bar, log lines) is the caller's business, e.g.
/// `rnnmem train`'s progress bar on standard error.
public struct TrainingProgress: Sendable, Equatable {
    /// Updates applied so far.
    public let completedSteps: Int
    /// Updates requested (``TrainingConfiguration/length`` in updates).
    public let totalSteps: Int
    /// Training loss of the latest update's batch, at the parameters before it (NaN before the first update).
    public let trainingLoss: Double
    /// Best validation loss seen so far, nil before the first evaluation or without validation data.
    public let bestValidationLoss: Double?
    /// Learning rate of the latest update (NaN before the first update).
    public let learningRate: Double
    /// Why the run ended, in the final report; nil in the per-update reports.
    public let stopReason: TrainingStopReason?

    /// A report (the trainer creates them; public for handlers under test).
    public init(
        completedSteps: Int, totalSteps: Int, trainingLoss: Double, bestValidationLoss: Double?,
        learningRate: Double, stopReason: TrainingStopReason?
    ) {
        self.completedSteps = completedSteps
        self.totalSteps = totalSteps
        self.trainingLoss = trainingLoss
        self.bestValidationLoss = bestValidationLoss
        self.learningRate = learningRate
        self.stopReason = stopReason
    }
}
