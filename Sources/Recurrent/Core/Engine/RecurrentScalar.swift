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

    /// Sum.
    static func + (lhs: Self, rhs: Self) -> Self
    /// Difference.
    static func - (lhs: Self, rhs: Self) -> Self
    /// Product.
    static func * (lhs: Self, rhs: Self) -> Self
    /// Quotient.
    static func / (lhs: Self, rhs: Self) -> Self
    /// Negation.
    static prefix func - (operand: Self) -> Self
    /// Adds in place.
    static func += (lhs: inout Self, rhs: Self)
    /// Subtracts in place.
    static func -= (lhs: inout Self, rhs: Self)
    /// Multiplies in place.
    static func *= (lhs: inout Self, rhs: Self)

    // Elementary functions as instance methods (`x.tanh()`): Double's static `Double.tanh(_:)` etc. from
    // swift-numerics call libm, which is much slower in the gate loops than the inlined `FastMath`.
    /// Hyperbolic tangent.
    func tanh() -> Self
    /// Logistic sigmoid σ(x) = 1/(1 + e^{−x}), evaluated without overflow for large |x|.
    func sigmoid() -> Self
    /// e^x (full range; the gate functions use the inlined `FastMath` kernels).
    func exp() -> Self
    /// e^x − 1 (accurate near 0).
    func expMinusOne() -> Self
    /// Natural logarithm.
    func log() -> Self
    /// log(1 + x) (accurate near 0).
    func logOnePlus() -> Self
    /// Square root (IEEE for `Double`).
    func squareRoot() -> Self
    /// Sine.
    func sin() -> Self
    /// Cosine.
    func cos() -> Self
}

// Static spellings (`S.tanh(x)`, `S.exp(x)`, …) of the same functions, for kernels written in that style. They
// forward to the instance methods, so `Double` gets `FastMath` and ``DualNumber`` its derivative rules.
extension RecurrentScalar {
    /// `x.tanh()`.
    @inlinable @inline(__always) public static func tanh(_ x: Self) -> Self { x.tanh() }
    /// `x.sigmoid()`.
    @inlinable @inline(__always) public static func sigmoid(_ x: Self) -> Self { x.sigmoid() }
    /// `x.exp()`.
    @inlinable @inline(__always) public static func exp(_ x: Self) -> Self { x.exp() }
    /// `x.expMinusOne()`.
    @inlinable @inline(__always) public static func expMinusOne(_ x: Self) -> Self { x.expMinusOne() }
    /// `x.log()`.
    @inlinable @inline(__always) public static func log(_ x: Self) -> Self { x.log() }
    /// `x.logOnePlus()`.
    @inlinable @inline(__always) public static func logOnePlus(_ x: Self) -> Self { x.logOnePlus() }
    /// `x.squareRoot()`.
    @inlinable @inline(__always) public static func sqrt(_ x: Self) -> Self { x.squareRoot() }
    /// `x.sin()`.
    @inlinable @inline(__always) public static func sin(_ x: Self) -> Self { x.sin() }
    /// `x.cos()`.
    @inlinable @inline(__always) public static func cos(_ x: Self) -> Self { x.cos() }
}
