import MemoryNumerics

/// The processes of the calibration study of ``VerdictRule``: what the verdict of `rnnmem check` should say about
/// each is known, so the shares of the five verdicts over many simulated series measure the rule's error rates.
/// Gaussian processes are simulated exactly by Davies–Harte (``Simulation/daviesHarte(acvf:count:rng:)``) from
/// their exact autocovariances (Sowell 1992 for ARFIMA); the others are built from Gaussian noise.
public enum CalibrationProcess: Sendable, Hashable, CustomStringConvertible {
    /// N(0, 1) white noise (short memory).
    case whiteNoise
    /// AR(1) x_t = φx_{t−1} + ε_t (short memory).
    case autoregressive(phi: Double)
    /// ARMA(1,1) (1 − φB)x_t = (1 + θB)ε_t (short memory).
    case arma(phi: Double, theta: Double)
    /// ARFIMA(0, d, 0): long memory for 0 < d < ½, antipersistent for d < 0.
    case fractional(d: Double)
    /// ARFIMA(1, d, 0) (long memory for 0 < d < ½).
    case arfima(phi: Double, d: Double)
    /// x_t = Σ_{s≤t} ε_s (nonstationary, d = 1).
    case randomWalk
    /// White noise plus `count` shifts of the mean of ±`size` standard deviations at uniform times in
    /// [0.25n, 0.75n] (one shift) or [0.1n, 0.9n] (several); the sign of each shift is random (short memory with
    /// breaks: spurious long memory).
    case levelShifts(count: Int, size: Double)
    /// White noise plus a linear trend rising by `rise` standard deviations over the sample.
    case linearTrend(rise: Double)
    /// White noise plus a·sin(2πt/period) (a periodic component).
    case periodic(period: Double, amplitude: Double)
    /// |r_t| of a GARCH(1,1) r_t = σ_t ε_t, σ²_t = ω + α r²_{t−1} + β σ²_{t−1} (a volatility series: short memory
    /// with persistence α + β).
    case garchVolatility(omega: Double, alpha: Double, beta: Double)

    /// The process in words, as the study's table prints it.
    public var description: String {
        switch self {
        case .whiteNoise: return "white noise"
        case .autoregressive(let phi): return "AR(1) φ = \(VerdictText.fixed(phi, 2))"
        case .arma(let phi, let theta):
            return "ARMA(1,1) φ = \(VerdictText.fixed(phi, 2)), θ = \(VerdictText.fixed(theta, 2))"
        case .fractional(let d): return "FI d = \(VerdictText.fixed(d, 2))"
        case .arfima(let phi, let d):
            return "ARFIMA(1,d,0) φ = \(VerdictText.fixed(phi, 2)), d = \(VerdictText.fixed(d, 2))"
        case .randomWalk: return "random walk"
        case .levelShifts(let count, let size):
            return count == 1
                ? "white noise + 1 level shift of \(VerdictText.fixed(size, 1)) s.d."
                : "white noise + \(count) level shifts of ±\(VerdictText.fixed(size, 1)) s.d."
        case .linearTrend(let rise): return "white noise + linear trend (rise \(VerdictText.fixed(rise, 1)) s.d.)"
        case .periodic(let period, let amplitude):
            return "white noise + \(VerdictText.fixed(amplitude, 1))·sin(2πt/\(VerdictText.fixed(period, 0)))"
        case .garchVolatility(let omega, let alpha, let beta):
            return
                "GARCH(1,1) absolute returns, ω = \(VerdictText.fixed(omega, 2)), α = \(VerdictText.fixed(alpha, 2)), "
                + "β = \(VerdictText.fixed(beta, 2))"
        }
    }

    /// The verdict a correct rule gives (nil for the impostors, where "inconclusive" or the honest class is right).
    public var expected: MemoryVerdict? {
        switch self {
        case .whiteNoise, .autoregressive, .arma, .garchVolatility: return .shortMemory
        case .fractional(let d): return d > 0 ? .longMemory : (d < 0 ? .antipersistent : .shortMemory)
        case .arfima(_, let d): return d > 0 ? .longMemory : .shortMemory
        case .randomWalk: return .nonstationary
        case .levelShifts, .linearTrend, .periodic: return nil
        }
    }

    /// The exact autocovariances γ(0…n−1) of the Gaussian ARFIMA processes (nil for the others).
    public func autocovariance(count n: Int) throws -> [Double]? {
        switch self {
        case .autoregressive(let phi): return try Autocovariance.arfima(ARFIMAModel(d: 0, ar: [phi]), lags: n - 1)
        case .arma(let phi, let theta):
            return try Autocovariance.arfima(ARFIMAModel(d: 0, ar: [phi], ma: [theta]), lags: n - 1)
        case .fractional(let d): return try Autocovariance.fractionalNoise(d: d, lags: n - 1)
        case .arfima(let phi, let d): return try Autocovariance.arfima(ARFIMAModel(d: d, ar: [phi]), lags: n - 1)
        default: return nil
        }
    }

    /// One series of length n. `acvf` is ``autocovariance(count:)`` (computed once per process and length).
    public func simulate(count n: Int, acvf: [Double]?, rng: inout SeededRandom) throws -> [Double] {
        guard n >= 2 else {
            throw LongMemoryError.invalidArgument(name: "count", value: "\(n)", requirement: "must be at least 2")
        }
        if let acvf { return try Simulation.daviesHarte(acvf: acvf, count: n, rng: &rng) }
        switch self {
        case .whiteNoise:
            return rng.gaussians(n)
        case .randomWalk:
            var x = rng.gaussians(n)
            for t in 1..<n { x[t] += x[t - 1] }
            return x
        case .levelShifts(let count, let size):
            var x = rng.gaussians(n)
            let (lo, hi) = count == 1 ? (0.25, 0.75) : (0.1, 0.9)
            for _ in 0..<count {
                let at = Int((rng.uniform(lo, hi) * Double(n)).rounded(.down))
                let shift = (rng.uniform() < 0.5 ? -1.0 : 1.0) * size
                for t in at..<n { x[t] += shift }
            }
            return x
        case .linearTrend(let rise):
            var x = rng.gaussians(n)
            for t in 0..<n { x[t] += rise * Double(t) / Double(n) }
            return x
        case .periodic(let period, let amplitude):
            var x = rng.gaussians(n)
            for t in 0..<n { x[t] += amplitude * Double.sin(2 * Double.pi * Double(t) / period) }
            return x
        case .garchVolatility(let omega, let alpha, let beta):
            let burnIn = 500
            var variance = omega / max(1e-12, 1 - alpha - beta)
            var previous = 0.0
            var x: [Double] = []
            x.reserveCapacity(n)
            for t in 0..<(n + burnIn) {
                variance = omega + alpha * previous * previous + beta * variance
                let r = variance.squareRoot() * rng.gaussian()
                previous = r
                if t >= burnIn { x.append(abs(r)) }
            }
            return x
        default:
            throw LongMemoryError.invalidArgument(
                name: "process", value: description, requirement: "needs its autocovariances")
        }
    }

    /// The grid of the study (Benchmarks/Sources/rnnmem-calibrate), in display order.
    public static let studyGrid: [CalibrationProcess] = [
        .whiteNoise, .autoregressive(phi: 0.5), .autoregressive(phi: 0.9), .autoregressive(phi: 0.97),
        .arma(phi: 0.5, theta: 0.3), .fractional(d: 0.1), .fractional(d: 0.2), .fractional(d: 0.3),
        .fractional(d: 0.45), .arfima(phi: 0.5, d: 0.3), .fractional(d: -0.3), .randomWalk,
        .levelShifts(count: 1, size: 1), .levelShifts(count: 3, size: 1), .linearTrend(rise: 2),
        .periodic(period: 24, amplitude: 1), .garchVolatility(omega: 0.05, alpha: 0.1, beta: 0.85),
    ]
}

/// Counts of the five verdicts over the replications of one process at one length.
public struct VerdictTally: Sendable, Equatable {
    /// Replications per verdict.
    public private(set) var counts: [MemoryVerdict: Int] = [:]
    /// Replications whose `check` failed (an error, not a verdict).
    public private(set) var failures: Int = 0
    /// How many inconclusive verdicts each step of ``VerdictRule`` produced.
    public private(set) var inconclusiveSteps: [Int: Int] = [:]
    /// An empty tally.
    public init() {}

    /// Count verdict `v` (and, for an inconclusive one, the step that gave it).
    public mutating func add(_ v: MemoryVerdict, step: Int? = nil) {
        counts[v, default: 0] += 1
        if v == .inconclusive, let step { inconclusiveSteps[step, default: 0] += 1 }
    }
    /// Count a replication whose check failed.
    public mutating func addFailure() { failures += 1 }
    /// Add the counts of `other`.
    public mutating func merge(_ other: VerdictTally) {
        for (k, v) in other.counts { counts[k, default: 0] += v }
        for (k, v) in other.inconclusiveSteps { inconclusiveSteps[k, default: 0] += v }
        failures += other.failures
    }

    /// Replications counted, failures included.
    public var total: Int { counts.values.reduce(0, +) + failures }

    /// Share of verdict `v` among all replications (failures count in the denominator).
    public func share(_ v: MemoryVerdict) -> Double {
        total == 0 ? .nan : Double(counts[v, default: 0]) / Double(total)
    }
}

/// One replication of the study: simulate with the stream of (`seed`, `process index`, `replication`) and run the
/// verdict of `rnnmem check` (``MemoryCheck/run(_:settings:)``).
public enum VerdictCalibration {
    /// The generator of replication `replication` of process number `processIndex` at length n: one stream of the
    /// study seed per (process, length, replication), so cells are reproducible in any order and on any number of
    /// threads.
    public static func generator(seed: UInt64, processIndex: Int, length n: Int, replication: Int) -> SeededRandom {
        var root = SeededRandom(seed: seed, stream: UInt64(processIndex) << 32 | UInt64(n))
        var stream = root.split()
        for _ in 0..<replication { stream = root.split() }
        return stream
    }

    /// The report of `check` on one replication (nil when simulating or `check` throws).
    public static func report(
        _ process: CalibrationProcess, acvf: [Double]?, length n: Int, rng: inout SeededRandom,
        settings: MemoryCheckSettings = MemoryCheckSettings()
    ) -> MemoryCheckReport? {
        guard let x = try? process.simulate(count: n, acvf: acvf, rng: &rng) else { return nil }
        return try? MemoryCheck.run(x, settings: settings)
    }
}
