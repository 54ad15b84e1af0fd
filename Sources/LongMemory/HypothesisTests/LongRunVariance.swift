import MemoryNumerics

/// Truncation lag q of the Bartlett (Newey–West) long-run variance estimator used by Lo's modified R/S, V/S and
/// KPSS.
public enum LagChoice: Sendable, Equatable, CustomStringConvertible {
    /// q given by the user.
    case fixed(Int)
    /// Andrews (1991, "Heteroskedasticity and autocorrelation consistent covariance matrix estimation",
    /// Econometrica 59(3):817–858) data-dependent rule for the Bartlett kernel with an AR(1) approximating model,
    /// as Lo (1991) uses it: q = ⌊(3n/2)^{1/3} |2ρ̂/(1 − ρ̂²)|^{2/3}⌋ with ρ̂ the lag-1 sample autocorrelation.
    /// This is Andrews' S_T = 1.1447(α̂(1)·n)^{1/3}, α̂(1) = 4ρ̂²/((1 − ρ̂)²(1 + ρ̂)²), because (3/2)^{1/3} = 1.1447.
    /// (The absolute value makes the rule defined for ρ̂ < 0, where α̂(1) depends on ρ̂² only.)
    case andrewsAR1
    /// Schwert (1989, J. Business & Economic Statistics 7(2):147–159) rule q = ⌊c·(n/100)^{1/4}⌋; c = 12 is the
    /// "legacy" KPSS choice (Kwiatkowski et al. 1992 used l12), c = 4 the short one (l4).
    case schwert(multiplier: Double)
    /// Automatic rule of Hobijn, Franses & Ooms (2004, "Generalizations of the KPSS-test for stationarity",
    /// Statistica Neerlandica 58(4):483–502): Newey & West's (1994, Rev. Economic Studies 61:631–653) bandwidth
    /// selection for the Bartlett kernel. With pilot lag l = ⌊n^{2/9}⌋ and the sample autocovariances γ̂_j (divisor n)
    /// of the residuals, ŝ⁽⁰⁾ = γ̂₀ + 2Σ_{j=1}^{l} γ̂_j, ŝ⁽¹⁾ = 2Σ_{j=1}^{l} j·γ̂_j, γ̂ = 1.1447·((ŝ⁽¹⁾/ŝ⁽⁰⁾)²)^{1/3},
    /// q = min(n − 1, ⌊γ̂·n^{1/3}⌋). This is statsmodels' `kpss(..., nlags="auto")` (`_kpss_autolag`).
    case neweyWest

    /// The KPSS "legacy" rule ⌊12(n/100)^{1/4}⌋. (statsmodels' `nlags="legacy"` rounds up instead: ⌈…⌉.)
    public static let legacy = LagChoice.schwert(multiplier: 12)

    public var description: String {
        switch self {
        case .fixed(let q): return "q = \(q) (user)"
        case .andrewsAR1: return "Andrews (1991) AR(1) rule"
        case .schwert(let c): return "Schwert (1989) rule ⌊\(EstimatorFormat.number(c))(n/100)^{1/4}⌋"
        case .neweyWest: return "Hobijn–Franses–Ooms (2004) automatic rule (Newey–West 1994 bandwidth selection)"
        }
    }
}

/// The Bartlett-kernel (Newey–West) estimator of the long-run variance 2πf(0) = Σ_k γ(k):
///
///     σ̂²(q) = γ̂₀ + 2 Σ_{j=1}^{q} (1 − j/(q + 1)) γ̂_j,
///
/// γ̂_j the sample autocovariances with divisor n (Lo 1991, eq. (3.6); Newey & West 1987, Econometrica 55:703–708;
/// Kwiatkowski et al. 1992, eq. (10)). Nonnegative for every q (the Bartlett weights are a positive-definite kernel).
public enum LongRunVariance {
    /// σ̂²(q) from autocovariances γ̂₀…γ̂_Q, Q ≥ q.
    public static func bartlett(autocovariances g: [Double], lags q: Int) throws -> Double {
        guard q >= 0, q < g.count else {
            throw LongMemoryError.invalidArgument(
                name: "lags", value: "\(q)", requirement: "needs 0 ≤ q ≤ \(g.count - 1) (autocovariances available)")
        }
        var s = g[0]
        if q >= 1 {
            let inv = 1 / Double(q + 1)
            for j in 1...q { s += 2 * (1 - Double(j) * inv) * g[j] }
        }
        return s
    }

    /// σ̂²(q) of a series (demeaned when `demean`; divisor n).
    public static func bartlett(_ x: [Double], lags q: Int, demean: Bool = true) throws -> Double {
        try Validate.finite(x)
        guard q >= 0, q < x.count else {
            throw LongMemoryError.invalidArgument(
                name: "lags", value: "\(q)", requirement: "needs 0 ≤ q < n = \(x.count)")
        }
        return try bartlett(autocovariances: SampleStatistics.autocovariance(x, maxLag: q, demean: demean), lags: q)
    }

    /// Andrews' AR(1) rule q = ⌊(3n/2)^{1/3}|2ρ/(1 − ρ²)|^{2/3}⌋ (see ``LagChoice/andrewsAR1``), capped at n − 1.
    public static func andrewsAR1Lag(n: Int, rho1 rho: Double) -> Int {
        guard n >= 1, !rho.isNaN else { return 0 }
        guard abs(rho) < 1 else { return n - 1 }
        let k = Double.pow(1.5 * Double(n), 1.0 / 3) * Double.pow(abs(2 * rho / (1 - rho * rho)), 2.0 / 3)
        guard k.isFinite else { return max(0, n - 1) }
        return min(max(0, n - 1), Int(k.rounded(.down)))
    }

    /// Schwert's rule ⌊c(n/100)^{1/4}⌋, capped at n − 1.
    public static func schwertLag(n: Int, multiplier c: Double) -> Int {
        let v = c * Double.pow(Double(n) / 100, 0.25)
        guard n >= 1, v.isFinite, v >= 0 else { return 0 }
        return min(max(0, n - 1), Int((v * (1 + 1e-12)).rounded(.down)))
    }

    /// Hobijn–Franses–Ooms / Newey–West automatic lag from autocovariances γ̂₀…γ̂_l of the (mean-zero) residuals,
    /// l = ⌊n^{2/9}⌋ (see ``LagChoice/neweyWest``).
    public static func neweyWestLag(n: Int, autocovariances g: [Double]) -> Int {
        guard n >= 1, let g0 = g.first, g0 > 0, g0.isFinite else { return 0 }
        let l = pilotLag(n: n)
        var s0 = g0, s1 = 0.0
        if l >= 1 && g.count > 1 {
            for j in 1...min(l, g.count - 1) {
                s0 += 2 * g[j]
                s1 += 2 * Double(j) * g[j]
            }
        }
        let ratio = s1 / s0
        guard ratio.isFinite else { return 0 }
        let gamma = 1.1447 * Double.pow(ratio * ratio, 1.0 / 3)
        let q = gamma * Double.pow(Double(n), 1.0 / 3)
        guard q.isFinite else { return max(0, n - 1) }
        return min(max(0, n - 1), Int(q.rounded(.down)))
    }

    /// Pilot lag ⌊n^{2/9}⌋ of the Newey–West rule.
    static func pilotLag(n: Int) -> Int { Int((Double.pow(Double(n), 2.0 / 9) * (1 + 1e-12)).rounded(.down)) }

    /// Resolve a ``LagChoice`` for a series whose autocovariances (divisor n; lags 0…`g.count − 1`) are given.
    /// Returns q and a description of the rule with its inputs.
    static func resolve(_ choice: LagChoice, n: Int, autocovariances g: [Double]) throws -> (q: Int, rule: String) {
        switch choice {
        case .fixed(let q):
            guard q >= 0, q < n else {
                throw LongMemoryError.invalidArgument(
                    name: "lags", value: "\(q)", requirement: "needs 0 ≤ q < n = \(n)")
            }
            return (q, "q = \(q) (user)")
        case .andrewsAR1:
            let rho = g.count > 1 && g[0] > 0 ? g[1] / g[0] : 0
            let q = andrewsAR1Lag(n: n, rho1: rho)
            return (
                q,
                "Andrews (1991) AR(1) rule ⌊(3n/2)^{1/3}|2ρ̂/(1 − ρ̂²)|^{2/3}⌋ with ρ̂(1) = \(EstimatorFormat.number(rho)): q = \(q)"
            )
        case .schwert(let c):
            guard c.isFinite, c > 0 else {
                throw LongMemoryError.invalidArgument(name: "lag multiplier", value: "\(c)", requirement: "must be > 0")
            }
            let q = schwertLag(n: n, multiplier: c)
            return (q, "Schwert (1989) rule ⌊\(EstimatorFormat.number(c))(n/100)^{1/4}⌋: q = \(q)")
        case .neweyWest:
            let q = neweyWestLag(n: n, autocovariances: g)
            return (
                q,
                "Hobijn–Franses–Ooms (2004) automatic rule (Newey–West 1994, Bartlett, pilot lag ⌊n^{2/9}⌋ = \(pilotLag(n: n))): q = \(q)"
            )
        }
    }

    /// How many autocovariance lags ``resolve(_:n:autocovariances:)`` needs before q is known.
    static func lagsNeededToResolve(_ choice: LagChoice, n: Int) -> Int {
        switch choice {
        case .fixed(let q): return max(1, q)
        case .andrewsAR1: return 1
        case .schwert: return 1
        case .neweyWest: return max(1, pilotLag(n: n))
        }
    }
}

/// Partial sums of a series and their summaries, shared by Lo's R/S, V/S and KPSS.
enum PartialSums {
    /// S_k = Σ_{t≤k} y_t, k = 1…n.
    static func cumulative(_ y: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: y.count)
        var s = 0.0
        y.withUnsafeBufferPointer { p in
            for i in 0..<p.count {
                s += p[i]
                out[i] = s
            }
        }
        return out
    }
}

/// Default truncation lags at which Lo's, V/S and KPSS statistics are also reported (Teverovsky, Taqqu & Willinger
/// 1999, "A critical look at Lo's modified R/S statistic", J. Statistical Planning and Inference 80:211–227).
public enum LagProfile {
    /// q = 0, 1, 2, 5, 10, 20, 50, 100, restricted to q ≤ n/4.
    public static func defaultLags(n: Int) -> [Int] {
        [0, 1, 2, 5, 10, 20, 50, 100].filter { $0 <= n / 4 }
    }
}
