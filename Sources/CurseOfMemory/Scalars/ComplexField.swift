import MemoryNumerics

/// Complex arithmetic in which the closed forms of the curse of memory are written once, generically:
///
/// * `Complex<Double>` — values at a point,
/// * ``ComplexNumber`` over ``HyperDual`` — exact first and second derivatives with respect to real parameters,
/// * ``EndpointExpansion`` — the Laurent expansion in ε = 1 − |λ| at fixed phase, which gives the order and the
///   coefficient of a divergence as |λ| → 1 exactly.
///
/// All quantities of this module are rational in λ, λ̄ and the parametrisation Jacobians, so field operations,
/// conjugation and taking real parts suffice.
protocol ComplexField {
    /// A constant.
    init(constant: Complex<Double>)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    /// The complex conjugate (conjugating a real-parameter derivative commutes with conjugation).
    var conjugate: Self { get }
    /// Re z, as an element with zero imaginary part.
    var realPart: Self { get }
    /// i·z.
    var timesI: Self { get }
}

extension ComplexField {
    init(_ real: Double) { self.init(constant: Complex(real, 0)) }
    static var one: Self { Self(1) }
    /// Im z = Re(−iz), as an element with zero imaginary part.
    var imaginaryPart: Self { (-timesI).realPart }
    static func * (s: Double, z: Self) -> Self { Self(s) * z }
}

extension Complex<Double>: ComplexField {
    init(constant: Complex<Double>) { self = constant }
    var realPart: Complex<Double> { Complex(real, 0) }
    var timesI: Complex<Double> { Complex(-imaginary, real) }
}

/// A complex number whose real and imaginary parts are any ``RealScalar`` (used with ``HyperDual`` for exact
/// derivatives of complex closed forms with respect to real parameters).
struct ComplexNumber<T: RealScalar>: ComplexField {
    var real: T
    var imaginary: T

    init(_ real: T, _ imaginary: T) {
        self.real = real
        self.imaginary = imaginary
    }

    init(constant: Complex<Double>) { self.init(T(constant.real), T(constant.imaginary)) }

    /// r·e^{iφ}.
    static func polar(modulus r: T, phase phi: T) -> ComplexNumber { ComplexNumber(r * T.cosine(phi), r * T.sine(phi)) }

    static func + (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
        ComplexNumber(a.real + b.real, a.imaginary + b.imaginary)
    }
    static func - (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
        ComplexNumber(a.real - b.real, a.imaginary - b.imaginary)
    }
    static prefix func - (a: ComplexNumber) -> ComplexNumber { ComplexNumber(-a.real, -a.imaginary) }
    static func * (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
        ComplexNumber(a.real * b.real - a.imaginary * b.imaginary, a.real * b.imaginary + a.imaginary * b.real)
    }
    static func / (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
        let d = b.real * b.real + b.imaginary * b.imaginary
        return ComplexNumber((a.real * b.real + a.imaginary * b.imaginary) / d,
                             (a.imaginary * b.real - a.real * b.imaginary) / d)
    }
    var conjugate: ComplexNumber { ComplexNumber(real, -imaginary) }
    var realPart: ComplexNumber { ComplexNumber(real, T(0)) }
    var timesI: ComplexNumber { ComplexNumber(-imaginary, real) }
}

/// A ``ComplexField`` with the two elementary functions the parametrisation Jacobians need (principal square root of
/// an element near a positive constant, logarithm of an element near 1).
protocol ComplexElementary: ComplexField {
    var squareRoot: Self { get }
    var logarithm: Self { get }
}

extension Complex<Double>: ComplexElementary {
    var squareRoot: Complex<Double> { Complex.sqrt(self) }
    var logarithm: Complex<Double> { Complex.log(self) }
}

extension EndpointExpansion: ComplexElementary {}
