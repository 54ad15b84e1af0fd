import MemoryNumerics

/// The four Jacobians of one step t (1…T), see ``StepJacobians``.
public struct StepJacobian: Sendable, Equatable {
    /// The step t (1 … T).
    public let time: Int
    /// D_t = ∂s_t/∂s_{t−1}.
    public let state: Matrix
    /// E_t = ∂s_t/∂x_t.
    public let input: Matrix
    /// ∂y_t/∂s_{t−1}.
    public let outputState: Matrix
    /// ∂y_t/∂x_t.
    public let outputInput: Matrix
}
