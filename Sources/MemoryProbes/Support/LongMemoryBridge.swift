import LongMemory
import MemoryNumerics

/// The only file of MemoryProbes that calls into LongMemory by enum case or option name, so that a renaming there
/// (e.g. of `EstimationMethod` cases or filter methods) is a one-file change here. Everything else in the module
/// uses these adapters and LongMemory's public value types (`MemoryEstimate`, `MemoryVerdict`).
enum LongMemoryBridge {
    /// Local Whittle (Robinson 1995, Ann. Statist. 23(5):1630–1661) with m = ⌊n^exponent⌋.
    static func localWhittle(_ x: [Double], exponent: Double) throws -> MemoryEstimate {
        try LocalWhittle.estimate(x, bandwidth: .exponent(exponent))
    }

    /// GPH log-periodogram regression (Geweke & Porter-Hudak 1983, JTSA 4(4):221–238) with m = ⌊n^exponent⌋.
    static func logPeriodogram(_ x: [Double], exponent: Double) throws -> MemoryEstimate {
        try GPH.estimate(x, bandwidth: .exponent(exponent))
    }

    /// Default bandwidth exponents of the two estimators (LW 0.65, GPH 0.5).
    static var localWhittleExponent: Double { LocalWhittle.defaultExponent }
    static var logPeriodogramExponent: Double { GPH.defaultExponent }

    /// The verdict of `rnnmem check` on one series (`MemoryCheck`), or nil when the series is too short.
    static func verdict(_ x: [Double]) throws -> MemoryVerdict? {
        guard x.count >= MemoryCheck.minimumLength else { return nil }
        return try MemoryCheck.run(x).verdict
    }

    /// Exact Gaussian ARFIMA(p, d, q) sample of length n (mean 0, innovation variance 1), Davies–Harte.
    static func arfima(d: Double, ar: [Double], ma: [Double], count n: Int, seed: UInt64) throws -> [Double] {
        try Simulation.arfima(ARFIMAModel(d: d, ar: ar, ma: ma), count: n, seed: seed)
    }

    /// Variance of the ARFIMA(p, d, q) process with unit innovation variance (γ(0)).
    static func arfimaVariance(d: Double, ar: [Double], ma: [Double]) throws -> Double {
        try Autocovariance.arfima(ARFIMAModel(d: d, ar: ar, ma: ma), lags: 0)[0]
    }

    /// The K-term fractional difference y_t = Σ_{j<min(K,t)} π_j(d) x_{t−j} (the "window" filter of LongMemory).
    static func windowedFractionalDifference(_ x: [Double], d: Double, window: Int) throws -> [Double] {
        try FractionalFilter.difference(x, d: d, method: .window(window)).values
    }
}
