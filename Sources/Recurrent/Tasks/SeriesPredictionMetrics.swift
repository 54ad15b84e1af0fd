import MemoryNumerics

/// Test-split errors of a one-step predictor in the series' original units (after inverse scaling).
public struct SeriesPredictionMetrics: Sendable, Codable, Equatable {
    /// √(mean (ŷ − y)²) over the test pairs, original units.
    public let rmse: Double
    /// mean |ŷ − y|, original units.
    public let mae: Double
    /// mean |(ŷ − y)/y| (Zhao et al.'s `test_mape`); nil when some test target is 0.
    public let mape: Double?
    /// Plain MSE on the scaled values (the loss the model was trained and selected with).
    public let scaledMSE: Double
    /// Predictions ŷ for the test targets, original units, in time order.
    public let predictions: [Double]
    /// The test targets y, original units.
    public let targets: [Double]
}
