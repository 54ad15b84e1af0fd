@preconcurrency import CGSL
import Numerics

/// The Gauss hypergeometric function with second parameter b = 1 at a complex argument,
///
///     ₂F₁(a, 1; c; z) = Σ_{n≥0} (a)_n/(c)_n · zⁿ,   |z| < 1,
///
/// (Abramowitz & Stegun 1964, *Handbook of Mathematical Functions*, 15.1.1; (x)_n is the rising factorial), for real
/// a and real c that is not a non-positive integer. This is the function that Sowell's (1992) ARFIMA autocovariance
/// needs at the inverse AR roots ρ, which are complex for oscillating AR parts; GSL's `gsl_sf_hyperg_2F1` accepts
/// only a real argument (its `_conj` variants take complex-conjugate *parameters*), so the series and the
/// recurrence are implemented here in complex arithmetic.
///
/// Values for a whole range of shifted parameters F_k = ₂F₁(a + k, 1; c + k; z), k = 0 … K, come from the
/// contiguous relation (one of Gauss's relations, A&S 15.2; for b = 1 it follows in one line from the series)
///
///     ₂F₁(a − 1, 1; c − 1; z) = 1 + ((a − 1)/(c − 1)) · z · ₂F₁(a, 1; c; z),
///
/// run *backwards* from k = K, where the series is summed once. Its multiplier tends to z as k grows, so with
/// |z| < 1 rounding errors are damped on the way down (Doornik & Ooms 2003, "Computational aspects of maximum
/// likelihood estimation of autoregressive fractionally integrated moving average models", Computational
/// Statistics & Data Analysis 42:333–348, §3).
public enum Hypergeometric {
    /// Default cap on the number of series terms; about 37/(1 − |z|) terms reach double precision, so the cap
    /// is hit only for |z| within ≈ 1e-6 of 1.
    public static let defaultMaximumTerms = 50_000_000

    /// ₂F₁(a, 1; c; z) by its power series, summed until the remaining tail is provably below ½ ulp of the sum.
    ///
    /// Tail bound: once a + n > 0 and c + n > 0 the term ratio |(a + n)/(c + n)|·|z| is bounded for all later
    /// terms by R = |z|·max(1, (a + n)/(c + n)); with R < 1 the tail is at most |t_n|·R/(1 − R).
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for |z| ≥ 1, non-finite arguments, or c a non-positive integer;
    ///   ``NumericsError/noConvergence(_:)`` if `maximumTerms` terms do not suffice (|z| extremely close to 1).
    /// With `subtractingOne: true` the value ₂F₁ − 1 = Σ_{n≥1} (a)_n/(c)_n zⁿ is returned, accurate to relative
    /// rounding even when it is tiny (small |z|), where forming ₂F₁ and then subtracting 1 would cancel.
    public static func f21UnitB(
        a: Double, c: Double, z: Complex<Double>, subtractingOne: Bool = false,
        maximumTerms: Int = defaultMaximumTerms
    ) throws -> Complex<Double> {
        try validate(a: a, c: c, z: z, count: 1)
        return try evaluate(a: a, c: c, z: z, subtractingOne: subtractingOne, maximumTerms: maximumTerms)
    }

    /// F_k = ₂F₁(a + k, 1; c + k; z) for k = 0 … count − 1: the top value by ``f21UnitB(a:c:z:subtractingOne:maximumTerms:)``,
    /// the others by the backward contiguous recurrence F_{k−1} = 1 + ((a + k − 1)/(c + k − 1))·z·F_k.
    /// O(count) after one series evaluation.
    ///
    /// With `subtractingOne: true` the values F_k − 1 are returned (recurrence F_{k−1} − 1 = r_k·z·(1 + (F_k − 1))),
    /// accurate to relative rounding when they are small.
    ///
    /// - Throws: as ``f21UnitB(a:c:z:subtractingOne:maximumTerms:)``; also if c is a non-positive integer (then some
    ///   c + k is a pole of the series or of the recurrence).
    public static func f21UnitBShifts(
        a: Double, c: Double, z: Complex<Double>, count: Int, subtractingOne: Bool = false,
        maximumTerms: Int = defaultMaximumTerms
    ) throws -> [Complex<Double>] {
        guard count >= 0 else { throw NumericsError.domain("f21UnitBShifts: count = \(count) must be ≥ 0") }
        if count == 0 { return [] }
        try validate(a: a, c: c, z: z, count: count)
        var out = [Complex<Double>](repeating: .zero, count: count)
        let top = count - 1
        // h = F_k − 1 throughout; F_{k−1} − 1 = r_k z (1 + h).
        var h = try evaluate(
            a: a + Double(top), c: c + Double(top), z: z, subtractingOne: true, maximumTerms: maximumTerms)
        let one = Complex<Double>(1, 0)
        out[top] = subtractingOne ? h : one + h
        var k = top
        while k > 0 {
            let ratio = (a + Double(k) - 1) / (c + Double(k) - 1)
            h = Complex(ratio, 0) * z * (one + h)
            k -= 1
            out[k] = subtractingOne ? h : one + h
        }
        return out
    }

    private static func validate(a: Double, c: Double, z: Complex<Double>, count: Int) throws {
        guard a.isFinite, c.isFinite, z.real.isFinite, z.imaginary.isFinite else {
            throw NumericsError.domain("₂F₁(a, 1; c; z): a = \(a), c = \(c), z = \(z) must be finite")
        }
        guard z.length < 1 else {
            throw NumericsError.domain("₂F₁(a, 1; c; z): the series needs |z| < 1, got |z| = \(z.length)")
        }
        // c + k (k = 0 … count − 1) must avoid 0, −1, −2, …; for non-integer c it always does.
        if c == c.rounded() && c <= 0 {
            throw NumericsError.domain("₂F₁(a, 1; c; z): c = \(c) is a non-positive integer (pole)")
        }
    }

    /// The power series itself (arguments already validated).
    /// The series, or the series after Pfaff's transformation (A&S 15.3.5 with b = 1)
    ///
    ///     ₂F₁(a, 1; c; z) = (1 − z)^{−1} ₂F₁(c − a, 1; c; z/(z − 1)),
    ///
    /// whichever cancels less. The direct series cancels when a − c is large and z points away from the positive
    /// real axis (terms grow like n^{a−c}|z|ⁿ before they decay, with rotating phases); for Re z < ½ the transformed
    /// argument also has modulus < 1, so the transformed series is tried whenever the direct one lost more than two
    /// digits (max |term| > 100·|sum|), and the result with the smaller loss is kept.
    private static func evaluate(
        a: Double, c: Double, z: Complex<Double>, subtractingOne: Bool, maximumTerms: Int
    ) throws -> Complex<Double> {
        let direct = try series(a: a, c: c, z: z, subtractingOne: subtractingOne, maximumTerms: maximumTerms)
        guard direct.loss > 100, z.real < 0.5 else { return direct.value }
        let one = Complex<Double>(1, 0)
        let w = z / (z - one)
        guard w.length < 1 else { return direct.value }
        // F = F′/(1 − z); F − 1 = ((F′ − 1) + z)/(1 − z).
        let transformed = try series(a: c - a, c: c, z: w, subtractingOne: true, maximumTerms: maximumTerms)
        guard transformed.loss < direct.loss else { return direct.value }
        let value = subtractingOne ? (transformed.value + z) / (one - z) : (one + transformed.value) / (one - z)
        return value
    }

    /// Σ_{n≥1} (a)_n/(c)_n zⁿ, plus 1 unless `subtractingOne`; `loss` = max |term| / |result| (≥ 1 means digits
    /// lost to cancellation: about log₁₀ loss).
    private static func series(
        a: Double, c: Double, z: Complex<Double>, subtractingOne: Bool, maximumTerms: Int
    ) throws -> (value: Complex<Double>, loss: Double) {
        let one = Complex<Double>(1, 0)
        var sum = Complex<Double>.zero
        var term = one
        var largest = subtractingOne ? 0.0 : 1.0
        func result() -> (value: Complex<Double>, loss: Double) {
            let value = subtractingOne ? sum : one + sum
            let magnitude = value.length
            return (value, magnitude > 0 ? largest / magnitude : (largest > 0 ? .infinity : 1))
        }
        let modulus = z.length
        if modulus == 0 { return result() }
        var n = 0
        while n < maximumTerms {
            let an = a + Double(n), cn = c + Double(n)
            if an == 0 { return result() }  // a is a non-positive integer: the series is a polynomial and has ended
            term = term * Complex(an / cn, 0) * z
            sum = sum + term
            largest = max(largest, term.length)
            n += 1
            // Bound on every later ratio (valid once a + n and c + n are both positive).
            let an1 = a + Double(n), cn1 = c + Double(n)
            if an1 > 0 && cn1 > 0 {
                let bound = modulus * max(1, an1 / cn1)
                if bound < 1 {
                    let tail = term.length * bound / (1 - bound)
                    let scale = subtractingOne ? sum.length : (one + sum).length
                    if tail <= 0.5 * Double.ulpOfOne * scale || term == .zero { return result() }
                }
            }
        }
        throw NumericsError.noConvergence(
            "₂F₁(\(a), 1; \(c); z) series with |z| = \(modulus) did not converge in \(maximumTerms) terms")
    }
}

extension SpecialFunctions {
    /// ₂F₁(a, b; c; x) for real |x| < 1, GSL `gsl_sf_hyperg_2F1_e` (real argument only; for complex arguments
    /// with b = 1 use ``Hypergeometric/f21UnitB(a:c:z:subtractingOne:maximumTerms:)``). Caution: GSL 2.7 returns
    /// wrong values without an error when c − a − b is an integer and x > 0 (e.g. ₂F₁(−0.45, 1; 1.55; 0.5) gives
    /// 0.2657 instead of 0.8343), so it serves only as a cross-check away from those parameters.
    public static func hypergeometric2F1(a: Double, b: Double, c: Double, x: Double) throws -> Double {
        NumericsSetup.ensure()
        var result = gsl_sf_result(val: 0, err: 0)
        try gslCheck(gsl_sf_hyperg_2F1_e(a, b, c, x, &result), "gsl_sf_hyperg_2F1_e(\(a), \(b), \(c), \(x))")
        return result.val
    }

    /// Hurwitz zeta ζ(s, q) = Σ_{k≥0} (k + q)^{−s} for s > 1, q > 0, GSL `gsl_sf_hzeta_e` (Euler–Maclaurin
    /// summation). Used for the infinite aliasing sum of the fractional Gaussian noise spectral density.
    public static func hurwitzZeta(s: Double, q: Double) throws -> Double {
        guard s.isFinite, q.isFinite, s > 1, q > 0 else {
            throw NumericsError.domain("Hurwitz zeta ζ(s, q) needs s > 1 and q > 0, got s = \(s), q = \(q)")
        }
        NumericsSetup.ensure()
        var result = gsl_sf_result(val: 0, err: 0)
        try gslCheck(gsl_sf_hzeta_e(s, q, &result), "gsl_sf_hzeta_e(\(s), \(q))")
        return result.val
    }
}
