/// Whether the hidden state of a diagonal recurrence is rescaled by γ(λ) = √(1 − |λ|²) (Zucchet & Orvieto 2024,
/// NeurIPS, §3.1; the input normalisation of the LRU, Orvieto et al. 2023, ICML, §3.3), which makes E|γh|² = 1 for
/// white unit-variance input.
public enum Normalization: String, Sendable, Hashable, CaseIterable, Codable {
    /// h as is.
    case none
    /// h̃ = γ(λ)h, γ = √(1 − |λ|²), γ treated as a function of λ (differentiated with it).
    case l2

    /// (γ′², γγ′, γ²) with γ′ = dγ/dν, in a form free of square roots: for ``l2`` (ν²/(1 − ν²), −ν, 1 − ν²),
    /// for ``none`` (0, 0, 1).
    func factors<C: ComplexField>(nu: C) -> (derivativeSquared: C, product: C, valueSquared: C) {
        switch self {
        case .none: return (C(0), C(0), C.one)
        case .l2:
            let one = C.one, nu2 = nu * nu
            return (nu2 / (one - nu2), -nu, one - nu2)
        }
    }
}
