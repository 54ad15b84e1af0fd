import MemoryNumerics

/// A truncated Laurent expansion ε^k·(c₀ + c₁ε + … + c_{n−1}ε^{n−1}) in ε = 1 − |λ|, with complex coefficients.
///
/// Evaluating a closed form of this module on |λ| = 1 − ε (phase fixed) in this arithmetic gives its exact
/// behaviour as |λ| → 1: a leading exponent k < 0 is a divergence of order −k with coefficient c₀, k = 0 a finite
/// limit c₀, k > 0 a quantity that vanishes. All the module's quantities are rational in λ, λ̄ apart from the
/// parametrisation Jacobians (a logarithm and a square root with non-zero constant term), so the expansion is exact
/// up to rounding of the coefficients.
///
/// **Cancellation.** When the leading coefficients of a sum cancel (e.g. 1 − λ at λ → 1), coefficients below
/// `cancellationTolerance` times the size of the summands are treated as zero and the expansion is shifted; each
/// shift costs one known term (`validCount` tracks how many remain). This is only right for coefficients that
/// vanish exactly (1 − λλ̄ at |λ| = 1, ln ν at ν = 1, the real part of an imaginary term): a true coefficient that
/// is small against its summands would be lost (the direct numerator of S at λ = 1 is 2(1 + ρ)(1 − ρ)³, 4e-12 of
/// its terms at ρ = 0.9999). The kernels are therefore expanded in a separated form in which every power of
/// 1 − ρ is a factor (``Kernel/separatedSensitivity(_:_:rho:)``).
struct EndpointExpansion: ComplexField {
    static let termCount = 14
    static let cancellationTolerance = 1e-11

    /// Leading exponent k (meaningful when not zero).
    private(set) var order: Int
    /// c₀ … c_{n−1} (c₀ ≠ 0 unless the expansion is zero to the known order).
    private(set) var coefficients: [Complex<Double>]
    /// Number of leading coefficients that are known (the rest are zero placeholders).
    private(set) var validCount: Int

    /// True when every known coefficient is zero.
    var isZero: Bool { validCount == 0 || coefficients[0] == .zero }

    private init(order: Int, coefficients: [Complex<Double>], validCount: Int) {
        self.order = order
        self.coefficients = coefficients
        self.validCount = validCount
    }

    init(constant: Complex<Double>) {
        var c = [Complex<Double>](repeating: .zero, count: Self.termCount)
        c[0] = constant
        self.init(order: 0, coefficients: c, validCount: Self.termCount)
    }

    /// The expansion variable ε itself.
    static var epsilon: EndpointExpansion {
        var c = [Complex<Double>](repeating: .zero, count: termCount)
        c[0] = Complex(1, 0)
        return EndpointExpansion(order: 1, coefficients: c, validCount: termCount)
    }

    /// Drop leading coefficients that are zero relative to `scale` (same length), shifting the order.
    private static func normalized(order: Int, coefficients c: [Complex<Double>], scale: [Double], validCount: Int)
        -> EndpointExpansion
    {
        var shift = 0
        while shift < validCount, c[shift].length <= cancellationTolerance * scale[shift] {
            shift += 1
        }
        if shift == 0 { return EndpointExpansion(order: order, coefficients: c, validCount: validCount) }
        var d = [Complex<Double>](repeating: .zero, count: termCount)
        if shift < validCount { for j in 0..<(validCount - shift) { d[j] = c[j + shift] } }
        return EndpointExpansion(order: order + shift, coefficients: d, validCount: max(0, validCount - shift))
    }

    static func + (a: EndpointExpansion, b: EndpointExpansion) -> EndpointExpansion {
        if a.isZero { return b }
        if b.isZero { return a }
        let (lo, hi) = a.order <= b.order ? (a, b) : (b, a)
        let gap = hi.order - lo.order
        var c = lo.coefficients
        var scale = c.map(\.length)
        let valid = min(lo.validCount, hi.validCount + gap, termCount)
        if gap < termCount {
            for j in gap..<termCount {
                let h = hi.coefficients[j - gap]
                c[j] = c[j] + h
                scale[j] = max(scale[j], h.length)
            }
        }
        for j in valid..<termCount { c[j] = .zero }
        return normalized(order: lo.order, coefficients: c, scale: scale, validCount: valid)
    }

    static prefix func - (a: EndpointExpansion) -> EndpointExpansion {
        EndpointExpansion(order: a.order, coefficients: a.coefficients.map { -$0 }, validCount: a.validCount)
    }

    static func - (a: EndpointExpansion, b: EndpointExpansion) -> EndpointExpansion { a + (-b) }

    static func * (a: EndpointExpansion, b: EndpointExpansion) -> EndpointExpansion {
        if a.isZero { return a }
        if b.isZero { return b }
        let valid = min(a.validCount, b.validCount)
        var c = [Complex<Double>](repeating: .zero, count: termCount)
        for j in 0..<valid {
            var s = Complex<Double>.zero
            for i in 0...j { s = s + a.coefficients[i] * b.coefficients[j - i] }
            c[j] = s
        }
        return EndpointExpansion(order: a.order + b.order, coefficients: c, validCount: valid)
    }

    /// 1/b (b must not be zero).
    var reciprocal: EndpointExpansion {
        precondition(!isZero, "EndpointExpansion: division by an expansion that is zero to the known order")
        var d = [Complex<Double>](repeating: .zero, count: Self.termCount)
        let b0 = coefficients[0]
        d[0] = Complex(1, 0) / b0
        if validCount > 1 {
            for j in 1..<validCount {
                var s = Complex<Double>.zero
                for i in 1...j { s = s + coefficients[i] * d[j - i] }
                d[j] = -s / b0
            }
        }
        return EndpointExpansion(order: -order, coefficients: d, validCount: validCount)
    }

    static func / (a: EndpointExpansion, b: EndpointExpansion) -> EndpointExpansion { a * b.reciprocal }

    var conjugate: EndpointExpansion {
        EndpointExpansion(order: order, coefficients: coefficients.map(\.conjugate), validCount: validCount)
    }

    var realPart: EndpointExpansion {
        if isZero { return self }
        let c = coefficients.map { Complex($0.real, 0) }
        return Self.normalized(order: order, coefficients: c, scale: coefficients.map(\.length), validCount: validCount)
    }

    var timesI: EndpointExpansion {
        EndpointExpansion(
            order: order, coefficients: coefficients.map { Complex(-$0.imaginary, $0.real) },
            validCount: validCount)
    }

    /// Principal square root of an expansion with even leading order (used for √(1 + ν²)).
    var squareRoot: EndpointExpansion {
        precondition(!isZero && order % 2 == 0, "EndpointExpansion: square root needs an even leading order")
        var s = [Complex<Double>](repeating: .zero, count: Self.termCount)
        s[0] = Complex.sqrt(coefficients[0])
        if validCount > 1 {
            for j in 1..<validCount {
                var acc = coefficients[j]
                if j > 1 { for i in 1..<j { acc = acc - s[i] * s[j - i] } }
                s[j] = acc / (2 * s[0])
            }
        }
        return EndpointExpansion(order: order / 2, coefficients: s, validCount: validCount)
    }

    /// Natural logarithm of an expansion with leading order 0 (used for ln ν, ν = 1 − ε), from g′ = f′/f.
    var logarithm: EndpointExpansion {
        precondition(!isZero && order == 0, "EndpointExpansion: logarithm needs leading order 0")
        var g = [Complex<Double>](repeating: .zero, count: Self.termCount)
        let c0 = coefficients[0]
        g[0] = Complex.log(c0)
        if validCount > 1 {
            for j in 1..<validCount {
                var acc = Double(j) * coefficients[j]
                if j > 1 { for i in 1..<j { acc = acc - Double(i) * g[i] * coefficients[j - i] } }
                g[j] = acc / (Double(j) * c0)
            }
        }
        var scale = [Double](repeating: 0, count: Self.termCount)
        scale[0] = max(abs(Double.log(c0.length)), 1)
        for j in 1..<Self.termCount { scale[j] = g[j].length }
        return Self.normalized(order: 0, coefficients: g, scale: scale, validCount: validCount)
    }

    /// The leading term (k, c₀), or nil if no coefficient is known to be non-zero.
    var leadingTerm: (order: Int, coefficient: Complex<Double>)? {
        isZero ? nil : (order, coefficients[0])
    }
}
