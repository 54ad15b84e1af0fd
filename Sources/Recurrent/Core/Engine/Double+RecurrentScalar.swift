import MemoryNumerics

extension Double: RecurrentScalar {
    @inlinable public var primal: Double { self }
    @inlinable public func tanh() -> Double { FastMath.tanh(self) }
    @inlinable public func sigmoid() -> Double { FastMath.sigmoid(self) }
    @inlinable public func exp() -> Double { LibM.exp(self) }
    @inlinable public func expMinusOne() -> Double { LibM.expMinusOne(self) }
    @inlinable public func log() -> Double { LibM.log(self) }
    @inlinable public func logOnePlus() -> Double { LibM.logOnePlus(self) }
    @inlinable public func sin() -> Double { LibM.sin(self) }
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
