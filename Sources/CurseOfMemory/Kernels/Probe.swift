import MemoryNumerics

/// A linear functional α·h + β·s + χ·x of a unit-gain diagonal recurrence's state h, its eigenvalue derivative
/// s = ∂_λ h and the input x (χ = nil: no input term).
struct Probe<C: ComplexField> {
    var state: C
    var derivative: C
    var input: C?

    init(state: C, derivative: C, input: C? = nil) {
        self.state = state
        self.derivative = derivative
        self.input = input
    }

    /// The probe whose value is the complex conjugate of this one's (to pair with the conjugate eigenvalue).
    var conjugate: Probe { Probe(state: state.conjugate, derivative: derivative.conjugate, input: input?.conjugate) }
}
