/// A seeded, splittable pseudo-random generator whose output is identical on every run and every machine.
///
/// * Engine: xoshiro256** (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators"), seeded
///   by SplitMix64 (Steele, Lea & Flood 2014) so that nearby seeds give unrelated streams.
/// * Streams: ``init(seed:stream:)`` gives independent, reproducible streams (one per Monte-Carlo replication,
///   per chain, per layer) and ``split()`` derives a child generator deterministically.
/// * Uniforms: 53 random bits, u ∈ [0, 1).
/// * Gaussians: Marsaglia's polar method (Marsaglia & Bray 1964). The logarithm it needs is computed here in
///   plain IEEE arithmetic (``PortableMath/log(_:)``), not by the platform libm, whose last bit may depend on
///   the CPU (glibc dispatches FMA variants); so Gaussian draws are bit-identical across machines.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spareGaussian: Double? = nil

    /// A generator for `seed`; `stream` selects one of 2⁶⁴ independent streams for the same seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var sm = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03) ^ (stream == 0 ? 0 : 0x8CB9_2BA7_2F3D_8DD7))
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A child generator, derived deterministically from this one's next output.
    public mutating func split() -> SeededRandom {
        let a = next(), b = next()
        return SeededRandom(seed: a, stream: b | 1)
    }

    /// Uniform on [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform on [a, b).
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * uniform() }

    /// Uniform integer in 0..<n, unbiased (n ≤ 0 is a programming error and traps, as `Int.random(in:)` does on an
    /// empty range): Lemire's multiply-and-reject method (Lemire 2019, "Fast random
    /// integer generation in an interval", ACM TOMACS 29(1):3). Implemented here rather than through
    /// `Int.random(in:using:)`, whose algorithm the standard library chooses per architecture (32-bit targets use
    /// a modulo method), so that the same seed gives the same integers on every machine.
    public mutating func integer(below n: Int) -> Int {
        precondition(n > 0, "integer(below:) needs n > 0, got \(n)")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound  // 2⁶⁴ mod n
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// Standard normal N(0, 1) (polar method).
    public mutating func gaussian() -> Double {
        if let g = spareGaussian {
            spareGaussian = nil
            return g
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let f = (-2 * PortableMath.log(s) / s).squareRoot()
            spareGaussian = v * f
            return u * f
        }
    }

    /// N(mean, sd²).
    public mutating func gaussian(mean: Double, sd: Double) -> Double { mean + sd * gaussian() }

    /// `count` standard normals.
    public mutating func gaussians(_ count: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count { out[i] = gaussian() }
        return out
    }

    /// Rademacher ±1.
    public mutating func rademacher() -> Double { next() & 1 == 0 ? -1 : 1 }

    /// A uniformly random permutation of 0..<n (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        if n < 2 { return p }
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = integer(below: i + 1)
            p.swapAt(i, j)
        }
        return p
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014), used to seed xoshiro256**.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Elementary functions in plain IEEE-754 arithmetic (no libm), used where results must be bit-identical across
/// machines (random-number transforms). Every operation is a correctly rounded +, −, ×, ÷, so the result does not
/// depend on the CPU or the C library.
public enum PortableMath {
    /// Natural logarithm, within 2 ulp of the correctly rounded value for positive finite x (tested against glibc
    /// over 1e-300…1e300 and (0, 1]). Total, with the IEEE-754 special values of `Double.log` (no trap):
    /// log(±0) = −∞, log(x < 0) = NaN, log(NaN) = NaN, log(+∞) = +∞.
    ///
    /// Method: x = m·2^e with m ∈ [√½, √2); f = m − 1 (exact); s = f/(2 + f), so log m = 2 atanh s =
    /// 2s + 2s³/3 + 2s⁵/5 + …. Since 2s = f − s·f and s·f = h − s·h with h = f²/2,
    /// log m = f − (h − s·(h + R)), R = 2s²/3 + 2s⁴/5 + … + 2s²²/23 (|s| ≤ 0.1716, so the omitted terms are
    /// below 1e-20 relative). The exact f is added last, and ln 2 is split into a 32-bit head (e·head is exact)
    /// and a tail, so that e·ln 2 and log m cancel without losing accuracy when e = −1 (the same arrangement as
    /// fdlibm's `__ieee754_log`, Sun Microsystems 1993, here with the plain atanh series).
    public static func log(_ x: Double) -> Double {
        guard x > 0, x.isFinite else {
            if x == 0 { return -.infinity }
            if x == .infinity { return .infinity }
            return .nan  // x < 0 or NaN
        }
        var m = x.significand  // [1, 2), also for subnormal x
        var e = Double(x.exponent)
        if m > 1.4142135623730951 {
            m *= 0.5
            e += 1
        }
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        // Horner form of 2/3 + 2z/5 + … + 2z¹⁰/23, then times z.
        var r = 2.0 / 23
        var k = 21.0
        while k >= 3 {
            r = r * z + 2 / k
            k -= 2
        }
        r *= z
        let h = 0.5 * f * f
        let ln2Hi = 0.693147180369123816490  // high bits of ln 2 (exact in 32 bits)
        let ln2Lo = 1.90821492927058770002e-10
        return e * ln2Hi - ((h - (s * (h + r) + e * ln2Lo)) - f)
    }
}
