import MemoryNumerics

/// The factor γ_j multiplying the input of unit j, h_t = λ ⊙ h_{t−1} + γ ⊙ (B x_t) (Zucchet & Orvieto 2024, NeurIPS, arXiv
/// 2405.21064; Orvieto et al. 2023, ICML, arXiv 2303.06349, §3.3).
public enum InputNormalization: Sendable, Codable, Equatable, Hashable {
    /// γ = 1.
    case none
    /// γ = √(1 − |λ|² + ε). ε = 0 is the exact normalisation analysed by Zucchet & Orvieto (2024) (E|γh|² = 1 for white unit
    /// input); Zucchet & Orvieto's code uses ε = 1e-6 (`which_gamma = "L2"`). Needs |λ|² < 1 + ε (checked).
    case l2(epsilon: Double)
    /// γ = 1 − |λ| (needs λ ≠ 0 for its derivative; checked).
    case l1
    /// γ = exp(γ_log) with γ_log a parameter (`layerℓ.gamma_log`), initialised at log √(1 − |λ|²) (the LRU).
    case learned

    /// The exact L2 normalisation γ = √(1 − |λ|²).
    public static let l2 = InputNormalization.l2(epsilon: 0)

    /// Short name: "none", "l2", "l1", "learned".
    public var name: String {
        switch self {
        case .none: return "none"
        case .l2: return "l2"
        case .l1: return "l1"
        case .learned: return "learned"
        }
    }
}
