/// What a parameter group does, so that spectra, weight decay and reports can treat groups by role.
public enum ParameterKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Recurrent (state-to-state) weights or eigenvalue parameters: W_hh, A, λ, ν_log, θ_log …
    case recurrent
    /// Input-to-state weights: W_ih, B …
    case input
    /// Biases inside the recurrence.
    case bias
    /// Readout weights C (and skip D).
    case readout
    /// Readout bias c.
    case readoutBias
    /// Anything else (normalisations γ, fractional-order parameters …).
    case other
}
