/// ``MonteCarloVerifier/sensitivity(_:settings:)``: the activity E|h̃|² and the 2 × 2 sensitivity matrix, each
/// estimate beside its closed form.
public struct SensitivityMonteCarlo: Sendable, Hashable {
    /// E|h̃|².
    public let activity: MonteCarloComparison
    /// E[Re(∂_{ω_i}h̃ conj ∂_{ω_j}h̃)], 2 × 2.
    public let hessian: [[MonteCarloComparison]]
    /// The burn-in used.
    public let burnIn: Int
}
