import MemoryNumerics

/// Initialisation of a ``LinearRNN`` after Zucchet & Orvieto (2024, NeurIPS, arXiv 2405.21064; repository
/// NicolasZucchet/Vanishing-and-exploding-gradients-are-not-the-end-of-the-story, `source/model.py`,
/// `recurrent_matrix_init` and `MultiHeadRNN`):
///
/// * every head's n × n recurrent block: ``LinearRNN/zucchetOrvietoMatrix(size:minimumModulus:maximumModulus:maximumPhase:using:)``
///   with these options (the dense student of Fig. 3 uses ν₀ = 0: "min_nu … better results without"; so moduli
///   tanh(|l|));
/// * B_ℓ, C, D: LeCun normal as flax's default `nn.Dense` kernel initialiser (`lecun_normal` = variance scaling
///   1/fan_in with a normal truncated to ±2 standard deviations, rescaled by 1/0.87962566103423978 so the variance
///   is exactly 1/fan_in); fan_in = the number of columns (d_in for B_0 and D, N for B_ℓ, ℓ ≥ 1, and C). For a
///   diagonal skip D ⊙ x, fan_in = 1.
public struct LinearRNNInitialization: Sendable, Equatable, Codable {
    /// ν₀ ∈ [0, 1]: eigenvalue moduli become ν₀ + (ν_max − ν₀)·tanh(|l|).
    public var minimumModulus: Double
    /// ν_max (1 in the paper).
    public var maximumModulus: Double
    /// Phases are scaled by maximumPhase/π (3.14 in the paper's scans; π keeps them).
    public var maximumPhase: Double

    /// Options (defaults: the dense student of Zucchet & Orvieto, ν₀ = 0, ν_max = 1, φ_max = π).
    public init(minimumModulus: Double = 0, maximumModulus: Double = 1, maximumPhase: Double = .pi) {
        self.minimumModulus = minimumModulus
        self.maximumModulus = maximumModulus
        self.maximumPhase = maximumPhase
    }
}
