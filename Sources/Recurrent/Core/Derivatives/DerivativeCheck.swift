/// A model's exact derivatives against finite differences, as `rnnmem grad-check` reports them
/// (``RecurrentModel/derivativeCheck(inputs:targets:direction:loss:workspace:)``).
///
/// * Gradient: ∇L by backpropagation through time against central differences
///   (L(θ + h_i e_i) − L(θ − h_i e_i))/(2h_i), h_i = 1e-6·max(1, |θ_i|).
/// * Hessian-vector product: Hv by forward-over-reverse differentiation (Pearlmutter 1994, *Neural Computation*
///   6(1):147–160) against (∇L(θ + εv) − ∇L(θ − εv))/(2ε), ε = 1e-5.
///
/// Each error is ``relativeError(_:_:)`` = max_i |exact_i − difference_i| / max_i |difference_i|. Central
/// differences are accurate to O(h²) plus rounding of order (machine ε)·|L|/h, so the errors of exact derivatives
/// are ≈ 1e-8 … 1e-10; the command line's default tolerances are 1e-6 (gradient) and 1e-5 (HVP).
public struct DerivativeCheck: Sendable, Equatable {
    /// Number of parameters P (the gradient check costs 2P loss evaluations).
    public let parameterCount: Int
    /// Relative error of the BPTT gradient.
    public let gradientError: Double
    /// Relative error of the exact Hessian-vector product.
    public let hessianVectorProductError: Double

    /// The errors of a check (normally made by ``RecurrentModel/derivativeCheck(inputs:targets:direction:loss:workspace:)``).
    public init(parameterCount: Int, gradientError: Double, hessianVectorProductError: Double) {
        self.parameterCount = parameterCount
        self.gradientError = gradientError
        self.hessianVectorProductError = hessianVectorProductError
    }

    /// max_i |a_i − b_i| / max_i |b_i|: 0 when the vectors agree exactly, +∞ when they differ and b vanishes.
    public static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        var diff = 0.0, scale = 0.0
        for (x, y) in zip(a, b) {
            diff = max(diff, abs(x - y))
            scale = max(scale, abs(y))
        }
        if diff == 0 { return 0 }
        return scale > 0 ? diff / scale : .infinity
    }
}
