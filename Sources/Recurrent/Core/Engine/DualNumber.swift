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
    @inlinable public func tanh() -> DualNumber {
        let t = value.tanh()
        return DualNumber(t, tangent: (1 - t * t) * tangent)
    }
    /// σ′ = σ(1 − σ).
    @inlinable public func sigmoid() -> DualNumber {
        let s = value.sigmoid()
        return DualNumber(s, tangent: s * (1 - s) * tangent)
    }
    @inlinable public func exp() -> DualNumber {
        let e = value.exp()
        return DualNumber(e, tangent: e * tangent)
    }
    @inlinable public func expMinusOne() -> DualNumber {
        DualNumber(value.expMinusOne(), tangent: value.exp() * tangent)
    }
    @inlinable public func log() -> DualNumber {
        DualNumber(value.log(), tangent: tangent / value)
    }
    @inlinable public func logOnePlus() -> DualNumber {
        DualNumber(value.logOnePlus(), tangent: tangent / (1 + value))
    }
    @inlinable public func squareRoot() -> DualNumber {
        let r = value.squareRoot()
        return DualNumber(r, tangent: tangent / (2 * r))
    }
    @inlinable public func sin() -> DualNumber {
        DualNumber(value.sin(), tangent: value.cos() * tangent)
    }
    @inlinable public func cos() -> DualNumber {
        DualNumber(value.cos(), tangent: -value.sin() * tangent)
    }
}
