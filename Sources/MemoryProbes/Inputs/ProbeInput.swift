import MemoryNumerics
import Recurrent

/// The input processes that drive a network under a probe: each feature of each sequence is an independent,
/// stationary, zero-mean series.
///
/// * ``gaussian`` — i.i.d. N(0, 1): Jaeger's (2002, GMD Report 152) memory-capacity input.
/// * ``uniform`` — i.i.d. U[−1, 1] (variance ⅓): the input of Dambre et al.'s (2012, Sci. Rep. 2:514) information
///   processing capacity, for which the normalised Legendre polynomials are orthonormal.
/// * ``autoregressive(phi:)`` — AR(1) x_t = φx_{t−1} + √(1 − φ²)ξ_t, ξ i.i.d. N(0, 1), started in stationarity:
///   unit variance, E[x_t x_{t+Δ}] = φ^{|Δ|} (the correlated input of Illium et al. 2022's contrast).
/// * ``arfima(d:ar:ma:)`` — exact Gaussian ARFIMA(p, d, q) (Davies–Harte), rescaled to unit variance; with p = q = 0
///   the fractionally integrated FI(d) whose spectrum f(λ) ~ Gλ^{−2d} carries long memory for 0 < d < ½.
public enum ProbeInput: Sendable, Equatable {
    case gaussian
    case uniform
    case autoregressive(phi: Double)
    case arfima(d: Double, ar: [Double], ma: [Double])

    /// FI(d) = ARFIMA(0, d, 0).
    public static func fractionallyIntegrated(d: Double) -> ProbeInput { .arfima(d: d, ar: [], ma: []) }

    /// Variance of one input value (1, except ⅓ for ``uniform``).
    public var variance: Double {
        if case .uniform = self { return 1.0 / 3.0 }
        return 1
    }

    /// Whether the values are independent over time (the premise of Jaeger's capacity and of Dambre's basis).
    public var isIndependent: Bool {
        switch self {
        case .gaussian, .uniform: return true
        case .autoregressive(let phi): return phi == 0
        case .arfima(let d, let ar, let ma): return d == 0 && ar.allSatisfy { $0 == 0 } && ma.allSatisfy { $0 == 0 }
        }
    }

    func validate() throws {
        switch self {
        case .gaussian, .uniform: break
        case .autoregressive(let phi):
            guard phi.isFinite, abs(phi) < 1 else {
                throw MemoryProbeError.invalidArgument(argument: "phi", message: "must lie in (−1, 1), got \(phi)")
            }
        case .arfima(let d, let ar, let ma):
            guard d.isFinite, d > -0.5, d < 0.5 else {
                throw MemoryProbeError.invalidArgument(
                    argument: "d", message: "must lie in (−½, ½) for a stationary input, got \(d)")
            }
            try Check.finite(ar, "ar")
            try Check.finite(ma, "ma")
        }
    }

    /// One series of length n; `index` selects an independent stream of `seed`.
    func series(count n: Int, seed: UInt64, index: Int) throws -> [Double] {
        var rng = SeededRandom(seed: seed, stream: UInt64(index))
        switch self {
        case .gaussian:
            return rng.gaussians(n)
        case .uniform:
            return (0..<n).map { _ in rng.uniform(-1, 1) }
        case .autoregressive(let phi):
            let innovation = (1 - phi * phi).squareRoot()
            var x = [Double](repeating: 0, count: n)
            var previous = 0.0
            for t in 0..<n {
                let z = rng.gaussian()
                previous = t == 0 ? z : phi * previous + innovation * z
                x[t] = previous
            }
            return x
        case .arfima(let d, let ar, let ma):
            // Each stream gets its own seed for the ARFIMA simulator, drawn from the stream's generator.
            let streamSeed = rng.next()
            let x = try LongMemoryBridge.arfima(d: d, ar: ar, ma: ma, count: n, seed: streamSeed)
            let scale = 1 / (try LongMemoryBridge.arfimaVariance(d: d, ar: ar, ma: ma)).squareRoot()
            return x.map { $0 * scale }
        }
    }

    /// A batch of `batchSize` independent sequences of `steps` values with `features` independent features each
    /// (feature f of sequence b is stream b·features + f of `seed`). Same arguments ⇒ same bytes.
    public func sample(steps: Int, batchSize: Int = 1, features: Int = 1, seed: UInt64) throws -> SequenceBatch {
        try validate()
        try Check.positive(steps, "steps")
        try Check.positive(batchSize, "batchSize")
        try Check.positive(features, "features")
        var values = [Double](repeating: 0, count: steps * batchSize * features)
        for b in 0..<batchSize {
            for f in 0..<features {
                let x = try series(count: steps, seed: seed, index: b * features + f)
                for t in 0..<steps { values[f + features * (b + batchSize * t)] = x[t] }
            }
        }
        return try SequenceBatch(steps: steps, batchSize: batchSize, features: features, values: values)
    }
}
