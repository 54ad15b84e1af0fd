import MemoryNumerics

/// A dual number a + ε·ȧ with ε² = 0: `value` carries a, `tangent` carries the directional derivative ȧ.
///
/// f(a + εȧ) = f(a) + ε·f′(a)·ȧ for every operation below, so evaluating any composition on dual numbers gives its
/// value and its derivative along the seeded direction exactly (no truncation error). The engine uses it
/// elementwise inside ``DualAlgebra``; matrix products of dual matrices are done with three real `dgemm`s.
@frozen
public struct DualNumber: RecurrentScalar, Equatable, CustomStringConvertible {
    /// The value a.
    public var value: Double
    /// The tangent ȧ (directional derivative along the seeded direction).
    public var tangent: Double

    /// a + ε·ȧ.
    @inlinable public init(_ value: Double, tangent: Double) {
        self.value = value
        self.tangent = tangent
    }

    /// A constant: tangent zero.
    @inlinable public init(_ constant: Double) {
        self.value = constant
        self.tangent = 0
    }

    /// A constant from a literal.
    @inlinable public init(floatLiteral value: Double) { self.init(value) }
    /// A constant from an integer literal.
    @inlinable public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// The value a.
    @inlinable public var primal: Double { value }

    /// `a + ȧε`.
    public var description: String { "\(value) + \(tangent)ε" }

    /// (a + εȧ) + (b + εḃ) = (a + b) + ε(ȧ + ḃ).
    @inlinable public static func + (a: DualNumber, b: DualNumber) -> DualNumber {
        DualNumber(a.value + b.value, tangent: a.tangent + b.tangent)
    }
    /// (a + εȧ) − (b + εḃ) = (a − b) + ε(ȧ − ḃ).
    @inlinable public static func - (a: DualNumber, b: DualNumber) -> DualNumber {
        DualNumber(a.value - b.value, tangent: a.tangent - b.tangent)
    }
    /// (a + εȧ)(b + εḃ) = ab + ε(ȧb + aḃ).
    @inlinable public static func * (a: DualNumber, b: DualNumber) -> DualNumber {
        DualNumber(a.value * b.value, tangent: a.tangent * b.value + a.value * b.tangent)
    }
    /// (a + εȧ)/(b + εḃ) = a/b + ε(ȧ − (a/b)ḃ)/b.
    @inlinable public static func / (a: DualNumber, b: DualNumber) -> DualNumber {
        let q = a.value / b.value
        return DualNumber(q, tangent: (a.tangent - q * b.tangent) / b.value)
    }
    /// −(a + εȧ).
    @inlinable public static prefix func - (a: DualNumber) -> DualNumber {
        DualNumber(-a.value, tangent: -a.tangent)
    }
    /// Adds in place.
    @inlinable public static func += (a: inout DualNumber, b: DualNumber) { a = a + b }
    /// Subtracts in place.
    @inlinable public static func -= (a: inout DualNumber, b: DualNumber) { a = a - b }
    /// Multiplies in place.
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
    /// (e^x)′ = e^x.
    @inlinable public func exp() -> DualNumber {
        let e = value.exp()
        return DualNumber(e, tangent: e * tangent)
    }
    /// (e^x − 1)′ = e^x.
    @inlinable public func expMinusOne() -> DualNumber {
        DualNumber(value.expMinusOne(), tangent: value.exp() * tangent)
    }
    /// (ln x)′ = 1/x.
    @inlinable public func log() -> DualNumber {
        DualNumber(value.log(), tangent: tangent / value)
    }
    /// (ln(1 + x))′ = 1/(1 + x).
    @inlinable public func logOnePlus() -> DualNumber {
        DualNumber(value.logOnePlus(), tangent: tangent / (1 + value))
    }
    /// (√x)′ = 1/(2√x).
    @inlinable public func squareRoot() -> DualNumber {
        let r = value.squareRoot()
        return DualNumber(r, tangent: tangent / (2 * r))
    }
    /// (sin x)′ = cos x.
    @inlinable public func sin() -> DualNumber {
        DualNumber(value.sin(), tangent: value.cos() * tangent)
    }
    /// (cos x)′ = −sin x.
    @inlinable public func cos() -> DualNumber {
        DualNumber(value.cos(), tangent: -value.sin() * tangent)
    }
}
