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
    /// The value at a point, for choosing between equivalent closed forms by their conditioning; `nil` for
    /// derivative and expansion arithmetic, which keep the form they are written in.
    var pointValue: Complex<Double>? { get }
    /// 1 − a·c; `Complex<Double>` rounds it once instead of losing the product's rounding to the cancellation.
    static func oneMinusProduct(_ a: Self, _ c: Self) -> Self
}

extension ComplexField {
    init(_ real: Double) { self.init(constant: Complex(real, 0)) }
    static var one: Self { Self(1) }
    /// Im z = Re(−iz), as an element with zero imaginary part.
    var imaginaryPart: Self { (-timesI).realPart }
    static func * (s: Double, z: Self) -> Self { Self(s) * z }
    var pointValue: Complex<Double>? { nil }
    static func oneMinusProduct(_ a: Self, _ c: Self) -> Self { Self.one - a * c }
}

extension Complex<Double>: ComplexField {
    init(constant: Complex<Double>) { self = constant }
    var realPart: Complex<Double> { Complex(real, 0) }
    var timesI: Complex<Double> { Complex(-imaginary, real) }
    var pointValue: Complex<Double>? { self }

    /// 1 − ac from the exact products (fused multiply-add splits each product into its rounded value and its
    /// error) summed with compensation (Neumaier), so that 1 − |λ|² ≈ 2(1 − |λ|) keeps full relative accuracy
    /// instead of an absolute error of one rounding of ac (rel 5e-10 at |λ| = 1 − 1e-7).
    static func oneMinusProduct(_ a: Complex<Double>, _ c: Complex<Double>) -> Complex<Double> {
        func exactProduct(_ x: Double, _ y: Double) -> (Double, Double) {
            let p = x * y
            return (p, (-p).addingProduct(x, y))
        }
        let (rr, rrError) = exactProduct(a.real, c.real), (ii, iiError) = exactProduct(a.imaginary, c.imaginary)
        let (ri, riError) = exactProduct(a.real, c.imaginary), (ir, irError) = exactProduct(a.imaginary, c.real)
        return Complex(
            Kernel.compensatedSum([1, -rr, -rrError, ii, iiError]),
            Kernel.compensatedSum([-ri, -riError, -ir, -irError]))
    }
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
