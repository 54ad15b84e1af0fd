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

    /// Uniform integer in 0..<n (n > 0), unbiased (Lemire's method via Swift's generator protocol).
    public mutating func integer(below n: Int) -> Int {
        precondition(n > 0)
        return Int.random(in: 0..<n, using: &self)
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
/// machines (random-number transforms). Accuracy is about one ulp.
public enum PortableMath {
    /// Natural logarithm of a positive finite x: x = m·2^e with m ∈ [√½, √2), s = (m − 1)/(m + 1),
    /// log m = 2·atanh s = 2(s + s³/3 + s⁵/5 + …) (|s| ≤ 0.1716, 12 terms reach double precision).
    public static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "PortableMath.log needs a positive finite argument")
        var m = x.significand  // [1, 2)
        var e = Double(x.exponent)
        if m > 1.4142135623730951 {
            m *= 0.5
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        // Horner form of 1 + s²/3 + s⁴/5 + … + s²²/23.
        var p = 1.0 / 23
        var k = 21.0
        while k >= 3 {
            p = p * s2 + 1 / k
            k -= 2
        }
        p = p * s2 + 1
        let ln2Hi = 0.693147180369123816490   // high bits of ln 2 (exact in 32 bits)
        let ln2Lo = 1.90821492927058770002e-10
        return e * ln2Hi + (2 * s * p + e * ln2Lo)
    }
}
