import MemoryNumerics

/// Jaeger's memory capacity of a network: for every delay k = 0 … K, how much of the input u_{t−k} a linear
/// readout of the state at time t can reconstruct,
///
///     MC_k = cov²(u_{t−k}, y_k(t)) / (Var u · Var y_k),      MC = Σ_k MC_k,
///
/// where y_k(t) = w_kᵀ[s_t; 1] is the best linear readout for delay k (Jaeger 2002, "Short term memory in echo
/// state networks", GMD Report 152, Def. 1). Delay convention: u_t enters s_t, so k = 0 (reproducing the current
/// input) counts. For a linear state space s_t = As_{t−1} + Bu_t with i.i.d. unit-variance input,
/// MC_k = (A^k b)ᵀΣ⁻¹(A^k b) with Σ = AΣAᵀ + BBᵀ and Σ_{k≥0} MC_k = rank[b, Ab, …, A^{N−1}b] (Jaeger 2002, Prop. 2;
/// proof in Gonon, Grigoryeva & Ortega 2020, "Memory and forecasting capacities of nonlinear recurrent networks",
/// Physica D 414:132721, arXiv 2004.11234). For any network driven by i.i.d. input, MC ≤ N (the number of state
/// variables).
///
/// Produced by ``LinearStateSpace/memoryCapacity(maxDelay:feature:rankTolerance:)`` (analytic) and
/// ``MemoryCapacity/empirical(model:maxDelay:options:)`` (any `RecurrentModel`).
public struct MemoryCapacity: Sendable, Equatable {
    /// How the capacities were obtained.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// From the stationary covariance of a linear state space (exact up to rounding).
        case analytic
        /// From simulated states and held-out linear readouts.
        case empirical
    }

    /// Analytic or empirical.
    public let method: Method
    /// MC_k for k = 0 … K (array index = delay k).
    public let capacities: [Double]
    /// Number of state variables the readout sees (the bound MC ≤ N).
    public let stateVariables: Int
    /// Analytic: the numerical rank of Σ (= rank of the controllability matrix, the exact value of Σ_{k≥0} MC_k
    /// for a single input); empirical: the rank of the readout's state matrix.
    public let rank: Int
    /// Analytic: condition number λ_max/λ_min of Σ over its retained eigenvalues (large values mean that capacity
    /// sits in directions of tiny variance); empirical: nil.
    public let covarianceCondition: Double?
    /// Empirical only: the held-out coefficient of determination R²_k = 1 − MSE_k/Var(u_{t−k}) of each delay's
    /// readout (≤ MC_k; may be negative).
    public let rSquared: [Double]?
    /// Empirical only: the readout fit (sizes, rank, ridge λ).
    public let readout: ReadoutFitInfo?
    /// Empirical only: the number of held-out samples the capacities were scored on.
    public let testSamples: Int?
    /// Notes for reports (e.g. a ridge used because the state matrix was rank-deficient).
    public let notes: [String]

    /// The largest delay K.
    public var maxDelay: Int { capacities.count - 1 }

    /// MC = Σ_{k=0}^{K} MC_k.
    public var total: Double { capacities.reduce(0, +) }

    /// The memory horizon k*(θ) = max{k : MC_k ≥ θ} (nil when no delay reaches θ), see ``MemoryHorizon``.
    public func horizon(threshold: Double, rule: MemoryHorizon.Rule = .maximum) throws -> MemoryHorizon {
        try MemoryHorizon(scores: capacities, threshold: threshold, rule: rule)
    }
}
