import MemoryNumerics

extension Simulation {
    /// A truncated-MA(∞) sample together with the share of the FI(d) variance it lacks.
    public struct TruncatedMASample: Equatable, Sendable {
        /// X_0 … X_{n−1}.
        public let values: [Double]
        /// Number of MA weights M kept (ψ_0 … ψ_{M−1}).
        public let terms: Int
        /// Σ_{j≥M} ψ_j² / Σ_{j≥0} ψ_j²: the fraction of γ(0) of FI(d) that this sample does not have.
        public let varianceDeficit: Double
    }

    /// The variance deficit of a truncated MA(∞) approximation of FI(d), −½ < d < ½:
    /// Σ_{j≥M} ψ_j² / Σ_{j≥0} ψ_j², with ψ_j the weights of (1−B)^{−d} and Σ_{j≥0} ψ_j² = Γ(1 − 2d)/Γ(1 − d)²
    /// (Hosking 1981). The tail is ~ M^{2d−1}/((1 − 2d)Γ(d)²) of σ², e.g. 16.3% for d = 0.4, M = 250 and still 3.1% at
    /// M = 10⁶ (validation target LM16, <doc:ValidationTargets>). O(M).
    public static func truncatedMAVarianceDeficit(d: Double, terms m: Int) throws -> Double {
        try Autocovariance.validateStationaryD(d)
        guard m >= 1 else {
            throw LongMemoryError.invalidArgument(name: "terms", value: "\(m)", requirement: "must be ≥ 1")
        }
        let total = Autocovariance.fractionalNoiseVariance(d: d)
        // Σ_{j<M} ψ_j², summed from the small end up (pairwise-accurate enough: all terms positive).
        var psi = 1.0, kept = 1.0
        if m > 1 {
            for j in 1..<m {
                psi *= (Double(j) - 1 + d) / Double(j)
                kept += psi * psi
            }
        }
        return max(0, (total - kept) / total)
    }

    /// Approximate FI(d) sample by the truncated moving average X_t = Σ_{j=0}^{M−1} ψ_j ε_{t−j} (ε i.i.d. N(0, σ²),
    /// the n + M − 1 innovations drawn from `seed`; one FFT convolution, O((n + M) log(n + M))).
    ///
    /// This is **not** FI(d): it is an MA(M − 1) process that misses ``TruncatedMASample/varianceDeficit`` of the
    /// variance and whose autocovariances are biased at every lag (LM16 in <doc:ValidationTargets>; <doc:OtherTools>).
    /// It exists only to reproduce other tools' simulators; use ``arfima(_:count:seed:method:)`` (exact) for anything
    /// else.
    public static func truncatedMA(
        d: Double, sigma2: Double = 1, count n: Int, terms m: Int, seed: UInt64
    ) throws -> TruncatedMASample {
        guard n >= 1 else {
            throw LongMemoryError.invalidArgument(name: "n", value: "\(n)", requirement: "must be ≥ 1")
        }
        try Validate.positive(sigma2, "sigma2")
        let deficit = try truncatedMAVarianceDeficit(d: d, terms: m)
        var rng = SeededRandom(seed: seed)
        let sd = sigma2.squareRoot()
        var innovations = rng.gaussians(n + m - 1)
        for i in innovations.indices { innovations[i] *= sd }
        let weights = FractionalWeights.integration(d: d, count: m)
        let full = FFT.linearConvolution(innovations, weights, count: n + m - 1)
        return TruncatedMASample(values: Array(full[(m - 1)...]), terms: m, varianceDeficit: deficit)
    }
}
