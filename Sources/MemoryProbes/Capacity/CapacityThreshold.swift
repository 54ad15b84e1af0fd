import MemoryNumerics

/// The threshold below which an estimated capacity counts as zero.
///
/// With finite data every estimated capacity is biased upward: for a target independent of the r linearly
/// independent state variables (and white in time), T·Ĉ is approximately χ²_r-distributed, so Ĉ ≈ r/T on average
/// (Dambre et al. 2012, Sci. Rep. 2:514, Methods). Summed over thousands of basis functions this spurious capacity
/// would dominate the total. Dambre et al. therefore set capacities below a χ²-based threshold to zero.
public enum CapacityThreshold: Sendable, Equatable {
    /// θ = factor · F⁻¹_{χ²_r}(1 − tailProbability) / T: a capacity is counted only if an independent target would
    /// exceed it with probability below `tailProbability`, with a safety `factor` ≥ 1 for the dependence between
    /// samples of a recurrent state (which the χ² law ignores). ``standard`` uses tailProbability 10⁻³ and factor 2.
    /// (The exact constants of Dambre et al.'s runs are not stated in the paper; these are rnnmem's choices.)
    case chiSquared(tailProbability: Double, factor: Double)
    /// A fixed θ ∈ [0, 1].
    case fixed(Double)
    /// No threshold (every capacity counts; for diagnostics).
    case none

    /// tailProbability 10⁻³, factor 2.
    public static let standard = CapacityThreshold.chiSquared(tailProbability: 1e-3, factor: 2)

    /// θ for r state variables and T samples.
    public func value(stateVariables r: Int, samples t: Int) throws -> Double {
        switch self {
        case .none: return 0
        case .fixed(let v):
            try Check.unitInterval(v, "threshold")
            return v
        case let .chiSquared(p, factor):
            try Check.probability(p, "tailProbability")
            guard factor.isFinite, factor >= 1 else {
                throw MemoryProbeError.invalidArgument(
                    argument: "factor", message: "must be finite and ≥ 1, got \(factor)")
            }
            try Check.positive(t, "samples")
            guard r >= 1 else { return 0 }
            return min(1, factor * Self.chiSquaredQuantile(upperTail: p, degreesOfFreedom: Double(r)) / Double(t))
        }
    }

    /// The x with P(χ²_ν > x) = p, by bisection on GSL's upper tail (monotone), to relative 1e-12.
    static func chiSquaredQuantile(upperTail p: Double, degreesOfFreedom nu: Double) -> Double {
        var lo = 0.0, hi = max(1.0, nu)
        while SpecialFunctions.chiSquaredUpperTail(hi, degreesOfFreedom: nu) > p { hi *= 2 }
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if SpecialFunctions.chiSquaredUpperTail(mid, degreesOfFreedom: nu) > p { lo = mid } else { hi = mid }
            if hi - lo <= 1e-12 * hi { break }
        }
        return 0.5 * (lo + hi)
    }
}
