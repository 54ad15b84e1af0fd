import MemoryNumerics

extension Double: RecurrentScalar {
    /// The value itself.
    @inlinable public var primal: Double { self }
    /// tanh by `FastMath.tanh(_:)` (inlined; relative error ≤ 1e-15).
    @inlinable public func tanh() -> Double { FastMath.tanh(self) }
    /// σ(x) by `FastMath.sigmoid(_:)`.
    @inlinable public func sigmoid() -> Double { FastMath.sigmoid(self) }
    /// e^x from the platform's libm.
    @inlinable public func exp() -> Double { LibM.exp(self) }
    /// e^x − 1 from the platform's libm.
    @inlinable public func expMinusOne() -> Double { LibM.expMinusOne(self) }
    /// ln x from the platform's libm.
    @inlinable public func log() -> Double { LibM.log(self) }
    /// ln(1 + x) from the platform's libm.
    @inlinable public func logOnePlus() -> Double { LibM.logOnePlus(self) }
    /// sin x from the platform's libm.
    @inlinable public func sin() -> Double { LibM.sin(self) }
    /// cos x from the platform's libm.
    @inlinable public func cos() -> Double { LibM.cos(self) }
}

/// The platform's elementary functions through swift-numerics' `ElementaryFunctions` requirements (generic, so
/// the calls cannot resolve to the `RecurrentScalar` static spellings below).
@usableFromInline
enum LibM {
    @inlinable static func exp<T: ElementaryFunctions>(_ x: T) -> T { T.exp(x) }
    @inlinable static func expMinusOne<T: ElementaryFunctions>(_ x: T) -> T { T.expMinusOne(x) }
    @inlinable static func log<T: ElementaryFunctions>(_ x: T) -> T { T.log(x) }
    @inlinable static func logOnePlus<T: ElementaryFunctions>(_ x: T) -> T { T.log(onePlus: x) }
    @inlinable static func sin<T: ElementaryFunctions>(_ x: T) -> T { T.sin(x) }
    @inlinable static func cos<T: ElementaryFunctions>(_ x: T) -> T { T.cos(x) }
}
