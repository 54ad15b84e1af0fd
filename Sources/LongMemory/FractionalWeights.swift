import MemoryNumerics

/// Coefficients of the fractional difference (1−B)^d and the fractional integration (1−B)^{−d}.
///
/// Hosking (1981), "Fractional differencing", Biometrika 68:165–176:
/// (1−B)^d = Σ_{j≥0} π_j B^j, π₀ = 1, π_j = π_{j−1}(j − 1 − d)/j = Γ(j − d)/(Γ(j + 1)Γ(−d)), π_j ~ j^{−1−d}/Γ(−d);
/// (1−B)^{−d} = Σ_{j≥0} ψ_j B^j, ψ₀ = 1, ψ_j = ψ_{j−1}(j − 1 + d)/j = Γ(j + d)/(Γ(j + 1)Γ(d)), ψ_j ~ j^{d−1}/Γ(d).
/// The recursions are used (exact for integer d, stable, and O(K)); Gamma forms only for checks.
public enum FractionalWeights {
    /// π₀ … π_{count−1} of (1−B)^d, any real d.
    public static func differencing(d: Double, count: Int) -> [Double] {
        guard count > 0 else { return [] }
        var w = [Double](repeating: 0, count: count)
        w[0] = 1
        var prev = 1.0
        if count > 1 {
            for j in 1..<count {
                prev *= (Double(j) - 1 - d) / Double(j)
                w[j] = prev
            }
        }
        return w
    }

    /// ψ₀ … ψ_{count−1} of (1−B)^{−d}: the differencing weights of −d.
    public static func integration(d: Double, count: Int) -> [Double] {
        differencing(d: -d, count: count)
    }

    /// π_j by the Gamma-function form Γ(j − d)/(Γ(j + 1)Γ(−d)) (log-Gamma; for checks, d not a non-negative
    /// integer).
    public static func differencingGammaForm(d: Double, lag j: Int) throws -> Double {
        if j == 0 { return 1 }
        // Γ(j−d)/Γ(−d) · 1/Γ(j+1)
        let ratio = try SpecialFunctions.gammaRatio(Double(j) - d, -d)
        return ratio * Double.exp(-SpecialFunctions.logGamma(Double(j) + 1))
    }

    /// Σ_{j=0}^{K} π_j(d) = Γ(K + 1 − d)/(Γ(1 − d)Γ(K + 1)) (partial-sum identity; ~ K^{−d}/Γ(1 − d)).
    public static func partialSum(d: Double, through k: Int) throws -> Double {
        guard k >= 0 else {
            throw LongMemoryError.invalidArgument(name: "K", value: "\(k)", requirement: "must be ≥ 0")
        }
        let r = try SpecialFunctions.gammaRatio(Double(k) + 1 - d, 1 - d)
        return r * Double.exp(-SpecialFunctions.logGamma(Double(k) + 1))
    }

    /// The memory a K-term window discards: |Σ_{j≥K} π_j(d)| = Γ(K − d)/(Γ(K)Γ(1 − d)) for 0 < d < 1
    /// (the gain of the truncated filter at frequency 0, which should be 0). ~ K^{−d}/Γ(1 − d): at d = 0.4 a
    /// window of 10 keeps 27.5% of the level, and a 1% loss needs K ≈ 3.7·10⁴ (LONG_MEMORY.md §2.2).
    /// For d < 0 (fractional integration) the tail Σ_{j≥K} π_j diverges and +∞ is returned; for non-integer d > 1
    /// the same Gamma form gives the tail's magnitude.
    public static func lostMemory(d: Double, window k: Int) throws -> Double {
        guard k >= 1 else {
            throw LongMemoryError.invalidArgument(name: "window", value: "\(k)", requirement: "must be ≥ 1")
        }
        if d < 0 { return .infinity }
        if d == d.rounded() {
            // Integer d: the filter is a finite polynomial of degree d; nothing is lost once K > d.
            return k > Int(d) ? 0 : abs(try partialSum(d: d, through: k - 1))
        }
        // Σ_{j≥K} π_j = −Σ_{j<K} π_j (full sum 0 for d > 0) = −Γ(K − d)/(Γ(1 − d)Γ(K)).
        let r = try SpecialFunctions.gammaRatio(Double(k) - d, 1 - d)
        return abs(r * Double.exp(-SpecialFunctions.logGamma(Double(k))))
    }

    /// Smallest window K whose lost memory is ≤ `tolerance` (0 < d < 1), from K ≈ (τΓ(1 − d))^{−1/d} refined by
    /// bisection on the exact formula. Throws if K would exceed `limit`.
    public static func window(forLostMemory tolerance: Double, d: Double, limit: Int = 1 << 40) throws -> Int {
        guard tolerance > 0, tolerance < 1 else {
            throw LongMemoryError.invalidArgument(name: "tolerance", value: "\(tolerance)", requirement: "must be in (0, 1)")
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
