import MemoryNumerics

/// How the eigenvalues λ_j = a_j + i·b_j of a complex-diagonal recurrence are parametrised by two real numbers
/// (ω₁, ω₂) per unit (Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064, `get_diag` in their
/// `source/model.py`; Orvieto et al. 2023, ICML, arXiv 2303.06349, §3.3):
///
/// | case | groups (ω₁, ω₂) | λ |
/// |---|---|---|
/// | ``default`` | `lambda_re`, `lambda_im` | ω₁ + iω₂ |
/// | ``polar`` | `nu`, `theta` | ω₁·e^{iω₂} |
/// | ``exp`` | `nu_log`, `theta_log` | exp(−e^{ω₁} + i·e^{ω₂}) (the LRU) |
/// | ``scaledExp`` | `nu_log`, `theta_scaled` | ν·exp(i·sg(1 − ν)·ω₂), ν = exp(−e^{ω₁}) |
/// | ``optimal`` | `omega_nu`, `omega_theta` | ν = tanh ω₁, θ = ω₂(1 − ν²)/(ν√(1 + ν²)), λ = νe^{iθ} |
///
/// Gradients are reported for (ω₁, ω₂); in the ``default`` parametrization that is ∂L/∂a, ∂L/∂b, the real-pair
/// convention of Recurrent.docc/Conventions.md (∂L/∂λ := ∂L/∂a + i·∂L/∂b). For any other parametrization,
/// ``ComplexDiagonalRNN/reparametrized(as:)`` with ``default`` gives the same network with λ as parameters.
///
/// **Stop-gradient (``scaledExp``).** sg(1 − ν) has the value 1 − ν but is treated as a constant by the reverse
/// pass, so the reported "gradient" G(ω) is the update direction of Zucchet & Orvieto's code, not the gradient of
/// L(ω): its ω₁ component lacks the term (∂L/∂θ)·ω₂·∂(1 − ν)/∂ω₁ (all other components are exact gradients).
/// What a Hessian-vector product then means is a choice, set by ``ScaledExpTangents``.
public enum EigenvalueParametrization: String, Sendable, Codable, CaseIterable, Equatable {
    /// λ = ω₁ + iω₂.
    case `default` = "default"
    /// λ = ω₁·e^{iω₂}.
    case polar
    /// λ = exp(−e^{ω₁} + i·e^{ω₂}) (the LRU).
    case exp
    /// λ = ν·exp(i·sg(1 − ν)·ω₂), ν = exp(−e^{ω₁}) (raw value "scaled_exp").
    case scaledExp = "scaled_exp"
    /// ν = tanh ω₁, θ = ω₂(1 − ν²)/(ν√(1 + ν²)), λ = νe^{iθ}.
    case optimal

    /// Names of the two per-unit parameter groups (without the `layerℓ.` prefix).
    public var groupNames: (first: String, second: String) {
        switch self {
        case .default: return ("lambda_re", "lambda_im")
        case .polar: return ("nu", "theta")
        case .exp: return ("nu_log", "theta_log")
        case .scaledExp: return ("nu_log", "theta_scaled")
        case .optimal: return ("omega_nu", "omega_theta")
        }
    }

    /// (ω₁, ω₂) representing the eigenvalue with modulus ν ≥ 0 and phase θ (any real; reduced to (0, 2π] for
    /// ``exp``, which needs θ > 0). Throws when λ is not representable: ν must be in (0, 1) for ``exp``,
    /// ``scaledExp`` and ``optimal`` (they are contractive by construction), and θ ≢ 0 (mod 2π) for ``exp``.
    public func parameters(modulus nu: Double, phase theta: Double) throws -> (Double, Double) {
        guard nu.isFinite, nu >= 0, theta.isFinite else {
            throw RecurrentError.invalidArgument(
                argument: "eigenvalue",
                message: "modulus \(nu) and phase \(theta) must be finite, modulus ≥ 0")
        }
        func requireContractive() throws {
            guard nu > 0 && nu < 1 else {
                throw RecurrentError.invalidArgument(
                    argument: "eigenvalue",
                    message: "the \(rawValue) parametrization needs 0 < |λ| < 1, got |λ| = \(nu)")
            }
        }
        switch self {
        case .default: return (nu * Double.cos(theta), nu * Double.sin(theta))
        case .polar: return (nu, theta)
        case .exp:
            try requireContractive()
            var t = theta.truncatingRemainder(dividingBy: 2 * Double.pi)
            if t <= 0 { t += 2 * Double.pi }
            guard t > 0 && t.isFinite else {
                throw RecurrentError.invalidArgument(
                    argument: "eigenvalue",
                    message: "the exp parametrization needs a phase θ > 0, got \(theta)")
            }
            return (PortableMath.log(-PortableMath.log(nu)), PortableMath.log(t))
        case .scaledExp:
            try requireContractive()
            return (PortableMath.log(-PortableMath.log(nu)), theta / (1 - nu))
        case .optimal:
            try requireContractive()
            let w = 0.5 * PortableMath.log((1 + nu) / (1 - nu))  // atanh ν
            return (w, theta * nu * (1 + nu * nu).squareRoot() / (1 - nu * nu))
        }
    }
}
