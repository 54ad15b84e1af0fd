import MemoryNumerics

/// The range of a standard Brownian bridge, V = max_t B(t) − min_t B(t) (Kuiper's distribution): the limit of
/// Lo's (1991) modified R/S statistic V_n(q) under short memory (Lo 1991, Econometrica 59(5):1279–1313, Theorem 3.1;
/// Feller 1951, Ann. Math. Statist. 22:427–432 for the law):
///
///     F(v) = 1 + 2 Σ_{k≥1} (1 − 4k²v²) e^{−2k²v²},   v > 0,       E V = √(π/2),  Var V = π²/6 − π/2.
///
/// The series converges slowly for small v, where its Poisson-summation (Jacobi theta) dual is used:
///
///     F(v) = (√2 π^{5/2}/v³) Σ_{j≥1} j² e^{−π²j²/(2v²)}
///
/// (derived from Σ_k e^{−ak²} = √(π/a) Σ_j e^{−π²j²/a} with a = 2v²; both forms agree to rounding near v = 1, which
/// the tests check). Quantiles are found by bisection on F, which is increasing.
public enum BrownianBridgeRange {
    /// Switch-over point between the dual (v < 1) and direct (v ≥ 1) series.
    static let switchPoint = 1.0

    /// F(v) = P(V ≤ v).
    public static func cdf(_ v: Double) -> Double {
        guard !v.isNaN else { return .nan }
        if v <= 0 { return 0 }
        if v == .infinity { return 1 }
        return v < switchPoint ? cdfDual(v) : cdfDirect(v)
    }

    /// 1 − F(v), accurate in the upper tail (no cancellation: computed from the direct series' tail terms).
    public static func survival(_ v: Double) -> Double {
        guard !v.isNaN else { return .nan }
        if v <= 0 { return 1 }
        if v == .infinity { return 0 }
        if v < switchPoint { return 1 - cdfDual(v) }
        var s = 0.0
        let v2 = v * v
        for k in 1...100 {
            let kk = Double(k * k)
            let term = (4 * kk * v2 - 1) * Double.exp(-2 * kk * v2)
            s += term
            if abs(term) < 1e-18 * abs(s) { break }
        }
        return 2 * s
    }

    /// Density f(v) = F′(v) = 8v Σ_{k≥1} k²(4k²v² − 3) e^{−2k²v²} (direct form; the dual form is differentiated for
    /// v < 1: f(v) = √2 π^{5/2} Σ_j j² e^{−π²j²/(2v²)} (π²j²/v⁶ − 3/v⁴)).
    public static func density(_ v: Double) -> Double {
        guard !v.isNaN else { return .nan }
        if v <= 0 || v == .infinity { return 0 }
        if v < switchPoint {
            let c = 2.0.squareRoot() * Double.pow(Double.pi, 2.5)
            let v2 = v * v, v4 = v2 * v2, v6 = v4 * v2
            var s = 0.0
            for j in 1...100 {
                let jj = Double(j * j)
                let e = Double.exp(-Double.pi * Double.pi * jj / (2 * v2))
                let term = jj * e * (Double.pi * Double.pi * jj / v6 - 3 / v4)
                s += term
                if e == 0 || abs(term) < 1e-18 * abs(s) { break }
            }
            return c * s
        }
        let v2 = v * v
        var s = 0.0
        for k in 1...100 {
            let kk = Double(k * k)
            let term = kk * (4 * kk * v2 - 3) * Double.exp(-2 * kk * v2)
            s += term
            if abs(term) < 1e-18 * abs(s) { break }
        }
        return 8 * v * s
    }

    /// The p-quantile F⁻¹(p), 0 < p < 1, by bisection to 1e-13 (LM23 in <doc:ValidationTargets>: 0.5% 0.721,
    /// 2.5% 0.809, 5% 0.861, 10% 0.927, 90% 1.620, 95% 1.747, 97.5% 1.862, 99.5% 2.098).
    public static func quantile(_ p: Double) throws -> Double {
        try LawQuantile.bisect(p, cdf: cdf, lower: 0.05, upper: 10, name: "Brownian-bridge range quantile")
    }

    /// E V = √(π/2) (Feller 1951).
    public static let mean = (Double.pi / 2).squareRoot()

    static func cdfDirect(_ v: Double) -> Double {
        let v2 = v * v
        var s = 0.0
        for k in 1...100 {
            let kk = Double(k * k)
            let term = (1 - 4 * kk * v2) * Double.exp(-2 * kk * v2)
            s += term
            if abs(term) < 1e-18 { break }
        }
        return 1 + 2 * s
    }

    static func cdfDual(_ v: Double) -> Double {
        let c = 2.0.squareRoot() * Double.pow(Double.pi, 2.5) / (v * v * v)
        let v2 = v * v
        var s = 0.0
        for j in 1...100 {
            let jj = Double(j * j)
            let e = Double.exp(-Double.pi * Double.pi * jj / (2 * v2))
            let term = jj * e
            s += term
            if e == 0 || term < 1e-18 * s { break }
        }
        return c * s
    }
}

/// The variance of a standard Brownian bridge, W = ∫₀¹ (B(t) − ∫₀¹B)² dt: the limit of the V/S statistic under short
/// memory (Giraitis, Kokoszka, Leipus & Teyssière 2003, "Rescaled variance and related tests for long memory in
/// volatility and levels", J. Econometrics 112(2):265–294), whose law is Watson's U² law (Watson 1961, Biometrika
/// 48:109–114):
///
///     F(x) = 1 + 2 Σ_{k≥1} (−1)^k e^{−2k²π²x},   x > 0,      E W = 1/12.
///
/// For small x the alternating series converges slowly; its Poisson-summation dual
///
///     F(x) = √(2/(πx)) Σ_{j≥1} e^{−(2j−1)²/(8x)}
///
/// (from Σ_k (−1)^k e^{−ak²} = √(π/a) Σ_j e^{−π²(j−½)²/a}, a = 2π²x) is used below x = 0.1.
public enum BrownianBridgeVariance {
    static let switchPoint = 0.1

    /// F(x) = P(W ≤ x).
    public static func cdf(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        if x == .infinity { return 1 }
        return x < switchPoint ? cdfDual(x) : 1 - survivalDirect(x)
    }

    /// 1 − F(x) = 2 Σ_{k≥1} (−1)^{k+1} e^{−2k²π²x} (accurate in the upper tail).
    public static func survival(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return x < switchPoint ? 1 - cdfDual(x) : survivalDirect(x)
    }

    /// The p-quantile F⁻¹(p) by bisection (LM23 upper critical values in <doc:ValidationTargets>: 0.90 → 0.1518,
    /// 0.95 → 0.1869, 0.99 → 0.2684).
    public static func quantile(_ p: Double) throws -> Double {
        try LawQuantile.bisect(p, cdf: cdf, lower: 1e-3, upper: 5, name: "Brownian-bridge variance quantile")
    }

    /// E W = ∫₀¹ t(1 − t) dt − Var(∫B) = 1/6 − 1/12 = 1/12.
    public static let mean = 1.0 / 12

    static func survivalDirect(_ x: Double) -> Double {
        var s = 0.0
        let a = 2 * Double.pi * Double.pi * x
        for k in 1...200 {
            let term = Double.exp(-a * Double(k * k))
            s += k % 2 == 1 ? term : -term
            if term < 1e-18 { break }
        }
        return 2 * s
    }

    static func cdfDual(_ x: Double) -> Double {
        var s = 0.0
        for j in 1...100 {
            let o = Double(2 * j - 1)
            let term = Double.exp(-o * o / (8 * x))
            s += term
            if term == 0 || term < 1e-18 * s { break }
        }
        return (2 / (Double.pi * x)).squareRoot() * s
    }
}

/// Quantiles of continuous, increasing CDFs by bisection.
enum LawQuantile {
    static func bisect(
        _ p: Double, cdf: (Double) -> Double, lower: Double, upper: Double, name: String
    ) throws -> Double {
        guard p.isFinite, p > 0, p < 1 else {
            throw LongMemoryError.invalidArgument(
                name: "probability", value: "\(p)", requirement: "\(name) needs 0 < p < 1")
        }
        var lo = lower, hi = upper
        while cdf(lo) > p {
            lo /= 2
            guard lo > 1e-300 else { throw LongMemoryError.numerical("\(name): no lower bracket for p = \(p)") }
        }
        while cdf(hi) < p {
            hi *= 2
            guard hi < 1e300 else { throw LongMemoryError.numerical("\(name): no upper bracket for p = \(p)") }
        }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if cdf(mid) < p { lo = mid } else { hi = mid }
            if hi - lo <= 1e-13 * max(1, hi) { break }
        }
        return 0.5 * (lo + hi)
    }
}
