/// Elementary functions in plain branch-free Swift arithmetic, for elementwise loops that must inline them (a libm
/// call per element can dominate such a loop: glibc's `tanh` costs ≈ 12 ns through `expm1`). The recurrent
/// engine uses them as `Double`'s `tanh()` and `sigmoid()` in every generic pass; whole blocks are faster with the
/// vectorised kernels of ``VectorMath``.
///
/// Method (Cody & Waite 1980, *Software Manual for the Elementary Functions*, ch. 6; the reduction of fdlibm's
/// `exp`): y = k·ln2 + r with k = round(y/ln2) (by the 1.5·2⁵² shift trick), |r| ≤ ln2/2, ln2 split into a head
/// with 21 trailing zero bits (k·ln2_hi exact) and a tail; e^r − 1 from its Taylor series to degree 13
/// (truncation < 1e-17 on |r| ≤ 0.347; Estrin's scheme); 2^k assembled in the exponent bits. Then
/// e^y − 1 = 2^k·(e^r − 1) + (2^k − 1) (exact at k = 0, so no cancellation for small y).
/// Arguments are clamped to keep 2^k normal: ``exp(_:)`` is meant for the bounded uses here and returns
/// e^{−708} ≈ 3.3e-308 below −708 and e^{709} above 709 (use `Double.exp` for a general exponential).
///
/// Accuracy (tested against glibc over |x| ≤ 40): tanh, σ, e^x − 1 within a relative 1e-15.
public enum FastMath {
    @usableFromInline static let ln2Hi = 6.93147180369123816490e-01  // 0x3FE62E42_FEE00000
    @usableFromInline static let ln2Lo = 1.90821492927058770002e-10
    @usableFromInline static let log2e = 1.4426950408889634074
    @usableFromInline static let roundingShift = 6755399441055744.0  // 1.5·2⁵²: (y + s) − s rounds y to an integer

    /// e^r − 1 for |r| ≤ 0.35: r + r²·Σ_{i=0}^{11} r^i/(i+2)! (Taylor to r¹³/13!), the inner sum by Estrin's
    /// scheme (depth 8 instead of Horner's 24, which made the vectorised loops latency-bound).
    @inlinable @inline(__always)
    static func expm1Reduced(_ r: Double) -> Double {
        let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
        let b0 = 1.0 / 2 + r * (1.0 / 6)
        let b1 = 1.0 / 24 + r * (1.0 / 120)
        let b2 = 1.0 / 720 + r * (1.0 / 5040)
        let b3 = 1.0 / 40320 + r * (1.0 / 362880)
        let b4 = 1.0 / 3628800 + r * (1.0 / 39916800)
        let b5 = 1.0 / 479001600 + r * (1.0 / 6227020800)
        let c0 = b0 + b1 * r2, c1 = b2 + b3 * r2, c2 = b4 + b5 * r2
        return r + r2 * ((c0 + c1 * r4) + c2 * r8)
    }

    /// (e^r − 1, 2^k) for y = k·ln2 + r, y ∈ [−708, 709] (NaN propagates through e^r − 1).
    @inlinable @inline(__always)
    static func reduce(_ y: Double) -> (Double, Double) {
        let shifted = y * log2e + roundingShift
        let kd = shifted - roundingShift
        let r = (y - kd * ln2Hi) - kd * ln2Lo
        // The low significand bits of `shifted` hold k + 2⁵¹; adding the bias and shifting leaves k + 1023 in the
        // exponent field (mod 2¹²), i.e. exactly 2^k for k ∈ [−1022, 1023].
        let scale = Double(bitPattern: (shifted.bitPattern &+ 1023) << 52)
        return (expm1Reduced(r), scale)
    }

    /// e^x for x clamped to [−708, 709].
    @inlinable @inline(__always)
    public static func exp(_ x: Double) -> Double {
        let y = x < -708 ? -708 : (x > 709 ? 709 : x)
        let (q, s) = reduce(y)
        return s + s * q
    }

    /// e^x − 1 (−1 below −50, e^{709} − 1 above 709), accurate near 0.
    @inlinable @inline(__always)
    public static func expm1(_ x: Double) -> Double {
        let y = x < -50 ? -50 : (x > 709 ? 709 : x)
        let (q, s) = reduce(y)
        return s * q + (s - 1)
    }

    /// tanh x = −u/(2 + u) with u = e^{−2|x|} − 1, sign of x restored.
    @inlinable @inline(__always)
    public static func tanh(_ x: Double) -> Double {
        let u = expm1(-2 * x.magnitude)
        return Double(signOf: x, magnitudeOf: -u / (2 + u))
    }

    /// σ(x) = 1/(1 + e^{−x}) (relative accuracy everywhere; ≈ 1e-308 instead of smaller values below −708).
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}
