/// The stationary second moments of a (possibly normalised) diagonal recurrence and of its parameter derivatives,
/// from ``RecurrentSensitivity``.
///
/// `hessian[i][j]` = E[Re(∂_{ω_i} h̃ · conj ∂_{ω_j} h̃)], which is the Hessian at the optimum of the one-unit
/// teacher–student loss ½E|h̃ − h̃*|² in the coordinates (ω₁, ω₂) of the parametrisation (Zucchet & Orvieto 2024,
/// NeurIPS, §3.1); for real λ and the cartesian parametrisation `hessian[0][0]` is E[(d_λh)²].
public struct SensitivityValues: Sendable, Equatable, Hashable {
    /// E|h̃|² (the activity).
    public let activity: StationaryValue
    /// 2 × 2, symmetric.
    public let hessian: [[StationaryValue]]

    /// The ω₁ entry (modulus direction for the polar-type parametrisations; Re λ for the cartesian one).
    public var first: StationaryValue { hessian[0][0] }
    /// The ω₂ entry (angle direction; Im λ for the cartesian one).
    public var second: StationaryValue { hessian[1][1] }
    /// The cross entry.
    public var cross: StationaryValue { hessian[0][1] }
}
