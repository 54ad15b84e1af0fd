/// Which loss early stopping watches.
public enum EarlyStoppingMonitor: String, Sendable, Codable, CaseIterable {
    /// The validation loss, observed at every evaluation (every ``TrainingConfiguration/validationInterval``
    /// updates); patience counts evaluations.
    case validationLoss
    /// The training loss of every update's batch (Zhao et al. 2020's rule); patience counts updates (= epochs
    /// when an epoch is one full-sequence update).
    case trainingLoss
}

/// Early stopping with patience: an observation *improves* when `best − value > minDelta` (strictly); the best
/// value is updated only on improvement; otherwise a counter of consecutive non-improving observations grows, and
/// training stops when it reaches `patience`. The first finite observation always improves (best starts at +∞).
///
/// With `monitor = .trainingLoss`, `patience = 100`, `minDelta = 1e-5` this is exactly the rule of Zhao et al.
/// (2020, ICML; huawei-noah/noah-research `mRNN-mLSTM/time_series_prediction/train.py`):
/// `if best_train_loss − loss > 1e-5: best_train_loss = loss; cnt = 0 else: cnt += 1; if cnt == patience: break`,
/// where the break comes after that epoch's optimiser step.
public struct EarlyStoppingConfiguration: Sendable, Codable, Equatable {
    public var monitor: EarlyStoppingMonitor
    /// Number of consecutive non-improving observations that stops training (≥ 1).
    public var patience: Int
    /// Minimum decrease counted as an improvement (≥ 0).
    public var minDelta: Double

    public init(monitor: EarlyStoppingMonitor = .validationLoss, patience: Int, minDelta: Double = 0) {
        self.monitor = monitor
        self.patience = patience
        self.minDelta = minDelta
    }

    /// Zhao et al.'s rule: training loss, patience 100, improvement > 1e-5.
    public static let zhao = EarlyStoppingConfiguration(monitor: .trainingLoss, patience: 100, minDelta: 1e-5)

    public func validate() throws {
        guard patience >= 1 else {
            throw RecurrentError.invalidArgument(argument: "patience", message: "must be ≥ 1, got \(patience)")
        }
        guard minDelta.isFinite, minDelta >= 0 else {
            throw RecurrentError.invalidArgument(argument: "minDelta", message: "must be finite and ≥ 0, got \(minDelta)")
        }
    }
}

/// The running state of an ``EarlyStoppingConfiguration``: feed it observations in order.
public struct EarlyStopping: Sendable, Equatable {
    public let configuration: EarlyStoppingConfiguration
    /// Best value seen so far (+∞ before the first observation).
    public private(set) var best = Double.infinity
    /// Index (0-based, counting observations) of the best value, nil before the first improvement.
    public private(set) var bestIndex: Int? = nil
    /// Consecutive observations without improvement.
    public private(set) var waited = 0
    /// Observations made so far.
    public private(set) var observations = 0
    /// True once `waited` has reached the patience.
    public private(set) var shouldStop = false

    public init(_ configuration: EarlyStoppingConfiguration) throws {
        try configuration.validate()
        self.configuration = configuration
    }

    /// Record one observation; returns true if it improved on the best value. A NaN never improves.
    @discardableResult
    public mutating func observe(_ value: Double) -> Bool {
        defer { observations += 1 }
        if best - value > configuration.minDelta {
            best = value
            bestIndex = observations
            waited = 0
            return true
        }
        waited += 1
        if waited >= configuration.patience { shouldStop = true }
        return false
    }
}
