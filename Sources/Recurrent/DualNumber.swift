import MemoryNumerics

/// A dual number a + ε·ȧ with ε² = 0: `value` carries a, `tangent` carries the directional derivative ȧ.
///
/// f(a + εȧ) = f(a) + ε·f′(a)·ȧ for every operation below, so evaluating any composition on dual numbers gives its
/// value and its derivative along the seeded direction exactly (no truncation error). The engine uses it
/// elementwise inside ``DualAlgebra``; matrix products of dual matrices are done with three real `dgemm`s.
@frozen
public struct DualNumber: RecurrentScalar, Equatable, CustomStringConvertible {
    public var value: Double
    public var tangent: Double

    @inlinable public init(_ value: Double, tangent: Double) {
        self.value = value
        self.tangent = tangent
    }

    @inlinable public init(_ constant: Double) {
        self.value = constant
        self.tangent = 0
    }

    @inlinable public init(floatLiteral value: Double) { self.init(value) }
    @inlinable public init(integerLiteral value: Int) { self.init(Double(value)) }

    @inlinable public var primal: Double { value }

    public var description: String { "\(value) + \(tangent)ε" }

    @inlinable public static func + (a: DualNumber, b: DualNumber) -> DualNumber {
        DualNumber(a.value + b.value, tangent: a.tangent + b.tangent)
    }
    @inlinable public static func - (a: DualNumber, b: DualNumber) -> DualNumber {
        DualNumber(a.value - b.value, tangent: a.tangent - b.tangent)
    }
    @inlinable public static func * (a: DualNumber, b: DualNumber) -> DualNumber {
        DualNumber(a.value * b.value, tangent: a.tangent * b.value + a.value * b.tangent)
    }
    @inlinable public static func / (a: DualNumber, b: DualNumber) -> DualNumber {
        let q = a.value / b.value
        return DualNumber(q, tangent: (a.tangent - q * b.tangent) / b.value)
    }
    @inlinable public static prefix func - (a: DualNumber) -> DualNumber {
        DualNumber(-a.value, tangent: -a.tangent)
    }
    @inlinable public static func += (a: inout DualNumber, b: DualNumber) { a = a + b }
    @inlinable public static func -= (a: inout DualNumber, b: DualNumber) { a = a - b }
    @inlinable public static func *= (a: inout DualNumber, b: DualNumber) { a = a * b }

    /// tanh′ = 1 − tanh².
    @inlinable public static func tanh(_ x: DualNumber) -> DualNumber {
        let t = Double.tanh(x.value)
        return DualNumber(t, tangent: (1 - t * t) * x.tangent)
    }
    /// σ′ = σ(1 − σ).
    @inlinable public static func sigmoid(_ x: DualNumber) -> DualNumber {
        let s = Double.sigmoid(x.value)
        return DualNumber(s, tangent: s * (1 - s) * x.tangent)
    }
    @inlinable public static func exp(_ x: DualNumber) -> DualNumber {
        let e = Double.exp(x.value)
        return DualNumber(e, tangent: e * x.tangent)
    }
    @inlinable public static func log(_ x: DualNumber) -> DualNumber {
        DualNumber(Double.log(x.value), tangent: x.tangent / x.value)
    }
    @inlinable public static func sqrt(_ x: DualNumber) -> DualNumber {
        let r = x.value.squareRoot()
        return DualNumber(r, tangent: x.tangent / (2 * r))
    }
    @inlinable public static func sin(_ x: DualNumber) -> DualNumber {
        DualNumber(Double.sin(x.value), tangent: Double.cos(x.value) * x.tangent)
    }
    @inlinable public static func cos(_ x: DualNumber) -> DualNumber {
        DualNumber(Double.cos(x.value), tangent: -Double.sin(x.value) * x.tangent)
    }
}
