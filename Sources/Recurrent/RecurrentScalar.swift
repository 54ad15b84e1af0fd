import MemoryNumerics

/// The numbers the recurrent engine computes with, element by element: `Double` for values and gradients, and
/// ``DualNumber`` (value + ε·tangent, ε² = 0) for forward-mode tangents and Hessian-vector products.
///
/// Every elementwise kernel of every cell (forward *and* backward) is written once, generic over this protocol,
/// inside an algebra (``RecurrentAlgebra``). Run on `Double` it gives values and, in the backward pass, exact
/// gradients; run on dual numbers the same code propagates a tangent through every operation, which yields
/// Jacobian-vector products (forward pass) and, applied to the backward pass, the directional derivative of the
/// gradient, i.e. the exact Hessian-vector product (Pearlmutter 1994, "Fast exact multiplication by the
/// Hessian", *Neural Computation* 6(1):147–160: the R{·} operator is forward-mode differentiation of the
/// backward pass).
///
/// Rule for kernel authors: compute every derivative *from algebra values* (e.g. tanh′ as `1 - h * h` with
/// `h` a `Scalar`), never from `primal`; anything computed from `primal` has no tangent and silently breaks
/// HVPs. `primal` is for branching only (e.g. choosing a numerically stable formula).
public protocol RecurrentScalar: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, Sendable {
    /// A constant (zero tangent).
    init(_ constant: Double)
    /// The value part (for branching and reporting; carries no derivative information).
    var primal: Double { get }

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    static func += (lhs: inout Self, rhs: Self)
    static func -= (lhs: inout Self, rhs: Self)
    static func *= (lhs: inout Self, rhs: Self)

    /// Hyperbolic tangent.
    static func tanh(_ x: Self) -> Self
    /// Logistic sigmoid σ(x) = 1/(1 + e^{−x}), evaluated without overflow for large |x|.
    static func sigmoid(_ x: Self) -> Self
    static func exp(_ x: Self) -> Self
    /// Natural logarithm.
    static func log(_ x: Self) -> Self
    static func sqrt(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
}

extension Double: RecurrentScalar {
    @inlinable public var primal: Double { self }

    /// σ(x) = 1/(1 + e^{−x}) for x ≥ 0 and e^{x}/(1 + e^{x}) for x < 0 (no overflow of e^{−x}).
    @inlinable
    public static func sigmoid(_ x: Double) -> Double {
        if x >= 0 {
            return 1 / (1 + Double.exp(-x))
        }
        let e = Double.exp(x)
        return e / (1 + e)
    }
}
