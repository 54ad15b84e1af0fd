import MemoryNumerics

/// The full P × P Hessian of a loss, assembled from P exact Hessian-vector products.
public struct FullHessian: Sendable, Equatable {
    /// Column j = H·e_j exactly as returned by the HVP (not symmetrised).
    public let columns: Matrix
    /// ½(columns + columnsᵀ): the symmetric Hessian to use.
    public let symmetrized: Matrix
    /// ‖columns − columnsᵀ‖_F / ‖columns‖_F: rounding-level (≈ 1e-15) for an exact HVP; a large value signals
    /// a bug.
    public let relativeAsymmetry: Double
    /// The loss L at the parameters.
    public let loss: Double
    /// ∇L at the parameters (from the dual pass of the first column).
    public let gradient: [Double]
}
