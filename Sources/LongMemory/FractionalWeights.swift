import MemoryNumerics

/// Coefficients of the fractional difference (1−B)^d and the fractional integration (1−B)^{−d}.
///
/// Hosking (1981), "Fractional differencing", Biometrika 68:165–176:
/// (1−B)^d = Σ_{j≥0} π_j B^j, π₀ = 1, π_j = π_{j−1}(j − 1 − d)/j = Γ(j − d)/(Γ(j + 1)Γ(−d)), π_j ~ j^{−1−d}/Γ(−d);
/// (1−B)^{−d} = Σ_{j≥0} ψ_j B^j, ψ₀ = 1, ψ_j = ψ_{j−1}(j − 1 + d)/j = Γ(j + d)/(Γ(j + 1)Γ(d)), ψ_j ~ j^{d−1}/Γ(d).
/// The recursions are used (exact for integer d, stable, and O(K)); Gamma forms only for checks.
public enum FractionalWeights {
    /// π₀ … π_{count−1} of (1−B)^d, any real d (a non-finite d gives non-finite weights; the filters that use them
    /// validate d). count ≤ 0 gives no weights.
    public static func differencing(d: Double, count: Int) -> [Double] {
        guard count > 0 else { return [] }
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { fill(base, d: d, count: count) }
            initialized = count
        }
    }

    /// Writes scale·π₀ … scale·π_{count−1} of (1−B)^d into `out` by the recursion π_j = π_{j−1}(j − 1 − d)/j (the
    /// scale is applied after the recursion, so the weights are those of ``differencing(d:count:)`` times scale).
    /// The one implementation of the recursion: the direct, FFT and cached (``FractionalFilter/Plan``) filters and
    /// the Haslett–Raftery predictor all use it.
    @inline(__always)
    static func fill(_ out: UnsafeMutablePointer<Double>, d: Double, count: Int, scale: Double = 1) {
        guard count > 0 else { return }
        out[0] = scale
        var previous = 1.0
        var j = 1
        while j < count {
            previous *= (Double(j) - 1 - d) / Double(j)
            out[j] = previous * scale
            j += 1
        }
    }

    /// ψ₀ … ψ_{count−1} of (1−B)^{−d}: the differencing weights of −d.
    public static func integration(d: Double, count: Int) -> [Double] {
        differencing(d: -d, count: count)
    }

    /// π_j by the Gamma-function form Γ(j − d)/(Γ(j + 1)Γ(−d)), evaluated as one exponential of a sum of log-Gammas
    /// (finite for every j, no overflow of the individual Gammas; for checks). Throws for d a non-negative integer
    /// (Γ(−d) has a pole there; the weights are then a finite polynomial: use ``differencing(d:count:)``).
    public static func differencingGammaForm(d: Double, lag j: Int) throws -> Double {
        guard j >= 0 else {
            throw LongMemoryError.invalidArgument(name: "lag", value: "\(j)", requirement: "must be ≥ 0")
        }
        if j == 0 { return 1 }
        return try gammaQuotient([Double(j) - d], over: [Double(j) + 1, -d])
    }

    /// Σ_{j=0}^{K} π_j(d) = Γ(K + 1 − d)/(Γ(1 − d)Γ(K + 1)) (partial-sum identity; ~ K^{−d}/Γ(1 − d); Hosking 1981),
    /// in log-Gamma form. For a non-negative integer d (a finite polynomial, π_j = (−1)^j C(d, j)) the closed form
    /// Σ_{j=0}^{K} (−1)^j C(d, j) = (−1)^K C(d − 1, K) is used (0 once K ≥ d ≥ 1, since (1 − 1)^d = 0; 1 for d = 0):
    /// exact for small arguments, no loop over K, no integer conversion of d.
    public static func partialSum(d: Double, through k: Int) throws -> Double {
        guard k >= 0 else {
            throw LongMemoryError.invalidArgument(name: "K", value: "\(k)", requirement: "must be ≥ 0")
        }
        try Validate.finite(d, "d")
        if d >= 0 && d == d.rounded() {
            if d == 0 { return 1 }
            if Double(k) >= d { return 0 }
            let sign: Double = k % 2 == 0 ? 1 : -1
            return sign * (try SpecialFunctions.binomialCoefficient(d - 1, k))
        }
        return try gammaQuotient([Double(k) + 1 - d], over: [1 - d, Double(k) + 1])
    }

    /// Π Γ(a_i) / Π Γ(b_i) as sign·exp(Σ log|Γ(a_i)| − Σ log|Γ(b_i)|): finite whenever the quotient is, however large
    /// the individual Gammas. A pole in the denominator (only) gives 0; a pole in the numerator throws.
    static func gammaQuotient(_ numerator: [Double], over denominator: [Double]) throws -> Double {
        func isPole(_ x: Double) -> Bool { x <= 0 && x == x.rounded() }
        if let pole = numerator.first(where: isPole) {
            throw LongMemoryError.invalidArgument(
                name: "Gamma argument", value: "\(pole)", requirement: "is a pole of Γ in a numerator")
        }
        if denominator.contains(where: isPole) { return 0 }
        var logSum = 0.0, sign = 1.0
        for a in numerator {
            let (l, s) = try SpecialFunctions.logGammaWithSign(a)
            logSum += l
            sign *= s
        }
        for b in denominator {
            let (l, s) = try SpecialFunctions.logGammaWithSign(b)
            logSum -= l
            sign *= s
        }
        return sign * Double.exp(logSum)
    }

    /// The memory a K-term window discards: |Σ_{j≥K} π_j(d)| = Γ(K − d)/(Γ(K)Γ(1 − d)) for 0 < d < 1 (from the
    /// partial-sum identity of ``partialSum(d:through:)`` and Σ_{j≥0} π_j = 0 for d > 0; Hosking 1981)
    /// (the gain of the truncated filter at frequency 0, which should be 0). ~ K^{−d}/Γ(1 − d): at d = 0.4 a
    /// window of 10 keeps 27.5% of the level, and a 1% loss needs K ≈ 3.7·10⁴ (LM5 in <doc:ValidationTargets>).
    /// For d < 0 (fractional integration) the tail Σ_{j≥K} π_j diverges and +∞ is returned; for non-integer d > 1
    /// the same Gamma form gives the tail's magnitude.
    public static func lostMemory(d: Double, window k: Int) throws -> Double {
        guard k >= 1 else {
            throw LongMemoryError.invalidArgument(name: "window", value: "\(k)", requirement: "must be ≥ 1")
        }
        try Validate.finite(d, "d")
        if d < 0 { return .infinity }
        if d == d.rounded() {
            // Integer d: the filter is a finite polynomial of degree d; nothing is lost once K > d.
            return Double(k) > d ? 0 : abs(try partialSum(d: d, through: k - 1))
        }
        // Σ_{j≥K} π_j = −Σ_{j<K} π_j (full sum 0 for d > 0) = −Γ(K − d)/(Γ(1 − d)Γ(K)).
        return abs(try gammaQuotient([Double(k) - d], over: [1 - d, Double(k)]))
    }

    /// Smallest window K whose lost memory is ≤ `tolerance` (0 < d < 1), from K ≈ (τΓ(1 − d))^{−1/d} refined by
    /// bisection on the exact formula. Throws if K would exceed `limit`.
    public static func window(forLostMemory tolerance: Double, d: Double, limit: Int = 1 << 40) throws -> Int {
        guard tolerance > 0, tolerance < 1 else {
            throw LongMemoryError.invalidArgument(
                name: "tolerance", value: "\(tolerance)", requirement: "must be in (0, 1)")
        }
        guard d > 0, d < 1 else {
            throw LongMemoryError.invalidArgument(name: "d", value: "\(d)", requirement: "must be in (0, 1)")
        }
        var hi = 1
        while try lostMemory(d: d, window: hi) > tolerance {
            if hi > limit / 2 {
                throw LongMemoryError.invalidArgument(
                    name: "tolerance", value: "\(tolerance)",
                    requirement: "needs a window above \(limit) at d = \(d)")
            }
            hi *= 2
        }
        var lo = max(1, hi / 2)
        if try lostMemory(d: d, window: lo) <= tolerance { return lo }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            if try lostMemory(d: d, window: mid) <= tolerance { hi = mid } else { lo = mid }
        }
        return hi
    }
}
