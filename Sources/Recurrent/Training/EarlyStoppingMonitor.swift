/// Which loss early stopping watches.
public enum EarlyStoppingMonitor: String, Sendable, Codable, CaseIterable {
    /// The validation loss, observed at every evaluation (every ``TrainingConfiguration/validationInterval``
    /// updates); patience counts evaluations.
    case validationLoss
    /// The training loss of every update's batch (Zhao et al. 2020's rule); patience counts updates (= epochs
    /// when an epoch is one full-sequence update).
    case trainingLoss
}
