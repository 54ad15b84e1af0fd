import MemoryNumerics

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
        return ComplexNumber(
            (a.real * b.real + a.imaginary * b.imaginary) / d,
            (a.imaginary * b.real - a.real * b.imaginary) / d)
    }
    var conjugate: ComplexNumber { ComplexNumber(real, -imaginary) }
    var realPart: ComplexNumber { ComplexNumber(real, T(0)) }
    var timesI: ComplexNumber { ComplexNumber(-imaginary, real) }
}
