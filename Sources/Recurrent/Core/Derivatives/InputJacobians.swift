import MemoryNumerics

/// Input Jacobians at one time t, by lag k = 0 … maxLag (array index k).
public struct InputJacobians: Sendable, Equatable {
    /// The time t (1 … T) of the Jacobians.
    public let time: Int
    /// ∂s_t/∂x_{t−k} (S × d_in), joint state of all layers.
    public let state: [Matrix]
    /// ∂h_t/∂x_{t−k} for the last layer's hidden output h (N × d_in).
    public let hidden: [Matrix]
    /// ∂y_t/∂x_{t−k} (d_out × d_in).
    public let output: [Matrix]
}
