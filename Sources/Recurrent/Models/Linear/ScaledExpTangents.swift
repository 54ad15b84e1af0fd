import MemoryNumerics

/// What forward-mode tangents (hence JVPs, HVPs and Hessians) do at the stop-gradient of the ``EigenvalueParametrization/scaledExp``
/// parametrization λ = ν·exp(i·sg(1 − ν)·ω₂). Irrelevant for the other parametrizations.
public enum ScaledExpTangents: String, Sendable, Codable, CaseIterable, Equatable {
    /// Tangents flow through 1 − ν like through any value: forward JVPs are the true derivatives of the trajectory,
    /// and an HVP is the exact directional derivative J_G·v of the reported update field G (so it equals central
    /// differences of the reported gradient). J_G is not symmetric in general (G is not a gradient field).
    case exact
    /// JAX semantics (`jax.lax.stop_gradient` zeroes tangents too): 1 − ν is frozen at its current value for every
    /// derivative, so JVPs, HVPs and Hessians are those of L with c = 1 − ν held constant — what `jax.jvp`,
    /// `jax.hessian` give on Zucchet & Orvieto's model. That Hessian is symmetric, but it is not the derivative of
    /// G: central differences of the gradient differ from it in the ω₁ column.
    case stopped
}
