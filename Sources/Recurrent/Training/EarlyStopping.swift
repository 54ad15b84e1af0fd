/// The running state of an ``EarlyStoppingConfiguration``: feed it observations in order.
public struct EarlyStopping: Sendable, Equatable {
    /// The rule.
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

    /// A fresh state; throws for an invalid configuration.
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
