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
///
/// Normalised by the largest entry overall, an error confined to a parameter group with small derivatives would
/// be hidden, so ``groupErrors`` repeats the measure per ``ParameterGroup``: max over the group's entries of
/// |exact_i − difference_i|, divided by max(max over the group of |difference_i|, 10⁻³·max_i |difference_i|) — the
/// floor keeps a group whose derivative vanishes (e.g. a bias the loss does not reach) from reporting the
/// differences' rounding noise, ≈ 10⁻¹⁰·|L|, as a relative error of order 1.
public struct DerivativeCheck: Sendable, Equatable {
    /// Number of parameters P (the gradient check costs 2P loss evaluations).
    public let parameterCount: Int
    /// Relative error of the BPTT gradient.
    public let gradientError: Double
    /// Relative error of the exact Hessian-vector product.
    public let hessianVectorProductError: Double

    /// The errors of each parameter group (in storage order).
    public let groupErrors: [GroupError]

    /// The relative errors of one parameter group (see the type's documentation).
    public struct GroupError: Sendable, Equatable {
        /// The group's name (e.g. `layer0.W_hh`).
        public let name: String
        /// Relative error of the gradient on this group.
        public let gradientError: Double
        /// Relative error of the Hessian-vector product on this group.
        public let hessianVectorProductError: Double

        /// A group's errors.
        public init(name: String, gradientError: Double, hessianVectorProductError: Double) {
            self.name = name
            self.gradientError = gradientError
            self.hessianVectorProductError = hessianVectorProductError
        }
    }

    /// The errors of a check (normally made by ``RecurrentModel/derivativeCheck(inputs:targets:direction:loss:workspace:)``).
    public init(
        parameterCount: Int, gradientError: Double, hessianVectorProductError: Double,
        groupErrors: [GroupError] = []
    ) {
        self.parameterCount = parameterCount
        self.gradientError = gradientError
        self.hessianVectorProductError = hessianVectorProductError
        self.groupErrors = groupErrors
    }

    /// The group with the largest gradient error (nil without groups).
    public var worstGradientGroup: GroupError? { groupErrors.max { $0.gradientError < $1.gradientError } }

    /// The group with the largest Hessian-vector-product error (nil without groups).
    public var worstHessianVectorProductGroup: GroupError? {
        groupErrors.max { $0.hessianVectorProductError < $1.hessianVectorProductError }
    }

    /// The floor of a group's scale, relative to the largest entry overall (see the type's documentation).
    public static let groupScaleFloor = 1e-3

    /// The per-group relative error of `exact` against `differences` on `range` (see the type's documentation).
    public static func groupRelativeError(_ exact: [Double], _ differences: [Double], range: Range<Int>) -> Double {
        var diff = 0.0, scale = 0.0, overall = 0.0
        for y in differences { overall = max(overall, abs(y)) }
        for i in range {
            diff = max(diff, abs(exact[i] - differences[i]))
            scale = max(scale, abs(differences[i]))
        }
        if diff == 0 { return 0 }
        let s = max(scale, groupScaleFloor * overall)
        return s > 0 ? diff / s : .infinity
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
