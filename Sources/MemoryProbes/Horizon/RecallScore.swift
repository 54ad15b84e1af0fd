/// The score of one delay.
public struct RecallScore: Sendable, Equatable, Codable {
    /// The delay k.
    public let delay: Int
    /// Held-out R² = 1 − Σ(ŷ − x_{t−k})²/Σ(x_{t−k} − x̄)² over the test batch's scored steps t > k_max.
    public let rSquared: Double
    /// R² of the best memoryless linear predictor ρ^k x_t (0 for i.i.d. inputs): the level memory must beat.
    public let memorylessRSquared: Double
    /// Updates applied and the training's final loss.
    public let updates: Int
    /// The training loss at the last update (½·MSE), nil if no update ran.
    public let finalTrainingLoss: Double?
}
