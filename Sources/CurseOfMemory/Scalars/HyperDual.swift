import MemoryNumerics

/// A hyper-dual number v + a·ε₁ + b·ε₂ + c·ε₁ε₂ with ε₁² = ε₂² = 0 (Fike & Alonso 2011, "The development of
/// hyper-dual numbers for exact second-derivative calculations", AIAA 2011-886).
///
/// Evaluating f on x + ε₁·u + ε₂·w gives f(x) + ε₁·f′u + ε₂·f′w + ε₁ε₂·(f″ u w) exactly (for a scalar function of
/// several variables: the directional derivatives along u and w and the mixed second derivative uᵀ∇²f w). There is
/// no step size: unlike finite differences the result is exact to rounding. Seeding ε₁ on one set of variables and
/// ε₂ on an independent copy gives mixed derivatives such as ∂_α∂_β A(α, β) of Zucchet & Orvieto (2024).
struct HyperDual: RealScalar, Equatable {
    var value: Double
    var first: Double
    var second: Double
    var mixed: Double

    init(_ value: Double, first: Double = 0, second: Double = 0, mixed: Double = 0) {
        self.value = value
        self.first = first
        self.second = second
        self.mixed = mixed
    }

    init(_ constant: Double) { self.init(constant, first: 0, second: 0, mixed: 0) }

    var primal: Double { value }

    /// f(self) given f, f′ and f″ at `value`.
    @inline(__always)
    func applying(_ f: Double, _ d1: Double, _ d2: Double) -> HyperDual {
        HyperDual(f, first: d1 * first, second: d1 * second, mixed: d1 * mixed + d2 * first * second)
    }

    static func + (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(a.value + b.value, first: a.first + b.first, second: a.second + b.second, mixed: a.mixed + b.mixed)
    }
    static func - (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(a.value - b.value, first: a.first - b.first, second: a.second - b.second, mixed: a.mixed - b.mixed)
    }
    static prefix func - (a: HyperDual) -> HyperDual {
        HyperDual(-a.value, first: -a.first, second: -a.second, mixed: -a.mixed)
    }
    static func * (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(
            a.value * b.value, first: a.first * b.value + a.value * b.first,
            second: a.second * b.value + a.value * b.second,
            mixed: a.mixed * b.value + a.first * b.second + a.second * b.first + a.value * b.mixed)
    }
    static func / (a: HyperDual, b: HyperDual) -> HyperDual {
        let r = 1 / b.value
        return a * b.applying(r, -r * r, 2 * r * r * r)
    }
    static func exponential(_ x: HyperDual) -> HyperDual {
        let e = Double.exp(x.value)
        return x.applying(e, e, e)
    }
    static func logarithm(_ x: HyperDual) -> HyperDual {
        let r = 1 / x.value
        return x.applying(Double.log(x.value), r, -r * r)
    }
    static func squareRoot(_ x: HyperDual) -> HyperDual {
        let s = x.value.squareRoot()
        return x.applying(s, 0.5 / s, -0.25 / (s * x.value))
    }
    static func sine(_ x: HyperDual) -> HyperDual {
        let s = Double.sin(x.value)
        return x.applying(s, Double.cos(x.value), -s)
    }
    static func cosine(_ x: HyperDual) -> HyperDual {
        let c = Double.cos(x.value)
        return x.applying(c, -Double.sin(x.value), -c)
    }
    static func hyperbolicTangent(_ x: HyperDual) -> HyperDual {
        let t = Double.tanh(x.value)
        let d = 1 - t * t
        return x.applying(t, d, -2 * t * d)
    }
}
