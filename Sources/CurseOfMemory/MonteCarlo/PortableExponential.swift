import MemoryNumerics

/// e^x in plain IEEE-754 arithmetic (correctly rounded +, −, ×, ÷ and exact scaling by powers of two only), so that
/// the Ziggurat tables and its wedge test — hence every Gaussian draw — are bit-identical on every machine, as
/// `PortableMath.log(_:)` does for the logarithm. Accurate to a few ulp for |x| ≤ 700.
///
/// Method (Cody & Waite 1980 range reduction): k = round(x/ln 2), r = (x − k·ln2_hi) − k·ln2_lo with |r| ≤ ½ln 2,
/// e^r by its Taylor polynomial to degree 16 in Horner form (remainder below 1e-19 relative), then ×2^k.
enum PortableExponential {
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        let ln2Hi = 0.693147180369123816490  // 32 significant bits: k·ln2Hi is exact for |k| < 2²⁰
        let ln2Lo = 1.90821492927058770002e-10
        let k = (x * 1.44269504088896338700).rounded(.toNearestOrEven)
        let r = (x - k * ln2Hi) - k * ln2Lo
        var p = 1.0 / 20_922_789_888_000  // 1/16!
        var n = 15.0
        var factorial = 1_307_674_368_000.0  // 15!
        while n >= 1 {
            p = p * r + 1 / factorial
            factorial /= n
            n -= 1
        }
        p = p * r + 1  // 1/0!
        // Scale by 2^k in two exact steps (k may be outside the normal exponent range near the limits).
        let k1 = Int(k) / 2, k2 = Int(k) - Int(k) / 2
        return p * Double(sign: .plus, exponent: k1, significand: 1) * Double(sign: .plus, exponent: k2, significand: 1)
    }
}
