import MemoryNumerics

/// Gradients of a scalar function of the outputs with respect to everything that enters the network.
public struct RecurrentGradient: Sendable, Equatable {
    /// ∂L/∂θ in the layout of ``RecurrentModel/parameterGroups``.
    public let parameters: [Double]
    /// ∂L/∂x_t, T × B × d_in.
    public let inputs: SequenceBatch
    /// ∂L/∂s_0^ℓ per layer (S_ℓ × B).
    public let initialStates: [Matrix]
}
