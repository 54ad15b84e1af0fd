import MemoryNumerics

/// Result of a Hessian-vector product: the loss, its gradient and H·v, all at the same parameters.
public struct HessianVectorProduct: Sendable, Equatable {
    /// The loss L at the parameters.
    public let loss: Double
    /// ∇L (identical, up to rounding, to the real BPTT gradient).
    public let gradient: [Double]
    /// H·v with H = ∂²L/∂θ².
    public let product: [Double]
    /// vᵀ∇L: the directional derivative of L along v (tangent of the loss).
    public let directionalDerivative: Double
}
