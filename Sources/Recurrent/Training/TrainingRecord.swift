/// One row of a loss curve: update `step` (1-based: the step-th update), with the losses and gradient norm at the
/// parameters *before* that update.
public struct TrainingRecord: Sendable, Codable, Equatable {
    /// 1, 2, …: the update this row describes.
    public let step: Int
    /// Loss of the update's training batch at θ_{step−1}.
    public let trainingLoss: Double
    /// Validation loss at θ_{step−1}, when evaluated at this update.
    public let validationLoss: Double?
    /// Learning rate η used by the update.
    public let learningRate: Double
    /// Global ℓ2 norm of the gradient before clipping.
    public let gradientNorm: Double
    /// Wall-clock seconds since the start of training, at the end of this update.
    public let elapsedSeconds: Double

    /// A record.
    public init(
        step: Int, trainingLoss: Double, validationLoss: Double?, learningRate: Double, gradientNorm: Double,
        elapsedSeconds: Double
    ) {
        self.step = step
        self.trainingLoss = trainingLoss
        self.validationLoss = validationLoss
        self.learningRate = learningRate
        self.gradientNorm = gradientNorm
        self.elapsedSeconds = elapsedSeconds
    }
}
