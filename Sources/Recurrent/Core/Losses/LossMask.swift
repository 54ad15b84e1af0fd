/// Which (step, sequence) pairs enter a loss.
public enum LossMask: Sendable, Equatable {
    /// Every step of every sequence.
    case allSteps
    /// Only the last step T (sequence-to-one tasks).
    case lastStep
    /// Steps with 0-based index ≥ k, i.e. y_{k+1} … y_T (a burn-in of k steps).
    case fromStep(Int)
    /// Non-negative weights w_{t,b}, T·B values in time-major order (index b + B·t), not all zero.
    case weights([Double])
}
