/// Early stopping with patience: an observation *improves* when `best − value > minDelta` (strictly); the best
/// value is updated only on improvement; otherwise a counter of consecutive non-improving observations grows, and
/// training stops when it reaches `patience`. The first finite observation always improves (best starts at +∞).
///
/// With `monitor = .trainingLoss`, `patience = 100`, `minDelta = 1e-5` this is exactly the rule of Zhao et al.
/// (2020, ICML; huawei-noah/noah-research `mRNN-mLSTM/time_series_prediction/train.py`):
/// `if best_train_loss − loss > 1e-5: best_train_loss = loss; cnt = 0 else: cnt += 1; if cnt == patience: break`,
/// where the break comes after that epoch's optimiser step.
public struct EarlyStoppingConfiguration: Sendable, Codable, Equatable {
    /// The observed loss.
    public var monitor: EarlyStoppingMonitor
    /// Number of consecutive non-improving observations that stops training (≥ 1).
    public var patience: Int
    /// Minimum decrease counted as an improvement (≥ 0).
    public var minDelta: Double

    /// A rule (default: the validation loss, any decrease counts).
    public init(monitor: EarlyStoppingMonitor = .validationLoss, patience: Int, minDelta: Double = 0) {
        self.monitor = monitor
        self.patience = patience
        self.minDelta = minDelta
    }

    /// Zhao et al.'s rule: training loss, patience 100, improvement > 1e-5.
    public static let zhao = EarlyStoppingConfiguration(monitor: .trainingLoss, patience: 100, minDelta: 1e-5)

    /// Throws a descriptive ``RecurrentError`` for patience < 1 or a negative or non-finite minDelta.
    public func validate() throws {
        guard patience >= 1 else {
            throw RecurrentError.invalidArgument(argument: "patience", message: "must be ≥ 1, got \(patience)")
        }
        guard minDelta.isFinite, minDelta >= 0 else {
            throw RecurrentError.invalidArgument(
                argument: "minDelta", message: "must be finite and ≥ 0, got \(minDelta)")
        }
    }
}
