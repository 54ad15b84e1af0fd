import MemoryNumerics

/// The real arithmetic the closed forms are written in, once, generically: `Double` for values and
/// ``HyperDual`` for exact first and second derivatives (forward-mode automatic differentiation).
///
/// Only field operations and the handful of elementary functions the parametrisations need are required, so that a
/// formula written over `RealScalar` is differentiated exactly, without truncation error.
protocol RealScalar {
    init(_ constant: Double)
    /// The ordinary value (the derivative parts dropped).
    var primal: Double { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
    static func squareRoot(_ x: Self) -> Self
    static func sine(_ x: Self) -> Self
    static func cosine(_ x: Self) -> Self
    static func hyperbolicTangent(_ x: Self) -> Self
}

extension Double: RealScalar {
    var primal: Double { self }
    static func exponential(_ x: Double) -> Double { Double.exp(x) }
    static func logarithm(_ x: Double) -> Double { Double.log(x) }
    static func squareRoot(_ x: Double) -> Double { x.squareRoot() }
    static func sine(_ x: Double) -> Double { Double.sin(x) }
    static func cosine(_ x: Double) -> Double { Double.cos(x) }
    static func hyperbolicTangent(_ x: Double) -> Double { Double.tanh(x) }
}
