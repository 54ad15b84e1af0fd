import MemoryNumerics

/// How the eigenvalues λ_j = a_j + i·b_j of a complex-diagonal recurrence are parametrised by two real numbers
/// (ω₁, ω₂) per unit (RNN_THEORY.md §2.5; Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064, `get_diag` in their
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
/// convention of RNN_THEORY.md §1 (∂L/∂λ := ∂L/∂a + i·∂L/∂b). For any other parametrization,
/// ``ComplexDiagonalRNN/reparametrized(as:)`` with ``default`` gives the same network with λ as parameters.
///
/// **Stop-gradient (``scaledExp``).** sg(1 − ν) has the value 1 − ν but is treated as a constant by the reverse
/// pass, so the reported "gradient" G(ω) is the update direction of Zucchet & Orvieto's code, not the gradient of
/// L(ω): its ω₁ component lacks the term (∂L/∂θ)·ω₂·∂(1 − ν)/∂ω₁ (all other components are exact gradients).
/// What a Hessian-vector product then means is a choice, set by ``ScaledExpTangents``.
public enum EigenvalueParametrization: String, Sendable, Codable, CaseIterable, Equatable {
    case `default` = "default"
    case polar
    case exp
    case scaledExp = "scaled_exp"
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
            throw RecurrentError.invalidArgument(argument: "eigenvalue",
                                                 message: "modulus \(nu) and phase \(theta) must be finite, modulus ≥ 0")
        }
        func requireContractive() throws {
            guard nu > 0 && nu < 1 else {
                throw RecurrentError.invalidArgument(
                    argument: "eigenvalue", message: "the \(rawValue) parametrization needs 0 < |λ| < 1, got |λ| = \(nu)")
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
                throw RecurrentError.invalidArgument(argument: "eigenvalue",
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

/// What forward-mode tangents (hence JVPs, HVPs and Hessians) do at the stop-gradient of the ``scaledExp``
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

/// The factor γ_j multiplying the input of unit j, h_t = λ ⊙ h_{t−1} + γ ⊙ (B x_t) (RNN_THEORY.md §2.5, §4).
public enum InputNormalization: Sendable, Codable, Equatable, Hashable {
    /// γ = 1.
    case none
    /// γ = √(1 − |λ|² + ε). ε = 0 is the exact normalisation analysed in RNN_THEORY.md §4 (E|γh|² = 1 for white unit
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

/// λ_j = a + ib, γ_j and the derivatives the backward pass needs, for one unit, in the engine's scalar type (so that
/// in ``DualAlgebra`` every quantity carries its tangent and the backward pass differentiates exactly).
struct DiagonalUnitCoefficients<S: RecurrentScalar> {
    var a: S
    var b: S
    var gamma: S
    /// ∂a/∂ω₁, ∂a/∂ω₂, ∂b/∂ω₁, ∂b/∂ω₂ (with the stop-gradient of ``EigenvalueParametrization/scaledExp`` applied).
    var da1: S
    var da2: S
    var db1: S
    var db2: S
    /// ∂γ/∂a and ∂γ/∂b for the λ-dependent normalisations (L1, L2); zero otherwise.
    var dGammaDa: S
    var dGammaDb: S

    /// Evaluate for (ω₁, ω₂) and γ_log (used only for ``InputNormalization/learned``).
    @inline(__always)
    init(omega1 w1: S, omega2 w2: S, gammaLog: S, parametrization: EigenvalueParametrization,
         normalization: InputNormalization, scaledExpTangents: ScaledExpTangents) {
        let one: S = 1
        if parametrization == .default {
            a = w1
            b = w2
            da1 = 1
            da2 = 0
            db1 = 0
            db2 = 1
        } else {
            // λ = ν e^{iθ}: ∂a = cos θ ∂ν − b ∂θ, ∂b = sin θ ∂ν + a ∂θ.
            let nu: S, theta: S, nu1: S, theta1: S, theta2: S
            switch parametrization {
            case .polar:
                nu = w1
                theta = w2
                nu1 = 1
                theta1 = 0
                theta2 = 1
            case .exp:
                let e1 = S.exp(w1)
                nu = S.exp(-e1)
                nu1 = -e1 * nu
                theta = S.exp(w2)
                theta1 = 0
                theta2 = theta
            case .scaledExp:
                let e1 = S.exp(w1)
                nu = S.exp(-e1)
                nu1 = -e1 * nu
                // sg(1 − ν): value 1 − ν; no reverse-mode derivative (theta1 = 0); forward tangent per option.
                let c: S = scaledExpTangents == .exact ? one - nu : S(1 - nu.primal)
                theta = c * w2
                theta1 = 0
                theta2 = c
            case .optimal:
                nu = S.tanh(w1)
                let nu2 = nu * nu
                nu1 = one - nu2
                let root = S.sqrt(one + nu2)
                let q = (one - nu2) / (nu * root)
                theta = w2 * q
                theta2 = q
                // dθ/dω₁ = ω₂·q·(d ln q/dν)·(1 − ν²), d ln q/dν = −2ν/(1 − ν²) − 1/ν − ν/(1 + ν²).
                theta1 = w2 * q * (-2 * nu - (one - nu2) / nu - nu * (one - nu2) / (one + nu2))
            case .default:
                preconditionFailure("handled above")
            }
            let cs = S.cos(theta), sn = S.sin(theta)
            a = nu * cs
            b = nu * sn
            da1 = cs * nu1 - b * theta1
            da2 = -b * theta2
            db1 = sn * nu1 + a * theta1
            db2 = a * theta2
        }
        switch normalization {
        case .none:
            gamma = 1
            dGammaDa = 0
            dGammaDb = 0
        case .l2(let epsilon):
            gamma = S.sqrt(one - a * a - b * b + S(epsilon))
            dGammaDa = -a / gamma
            dGammaDb = -b / gamma
        case .l1:
            let m = S.sqrt(a * a + b * b)
            gamma = one - m
            dGammaDa = -a / m
            dGammaDb = -b / m
        case .learned:
            gamma = S.exp(gammaLog)
            dGammaDa = 0
            dGammaDb = 0
        }
    }

    /// Every value and derivative is finite (checked on the primal values when parameters are set).
    var isFinite: Bool {
        a.primal.isFinite && b.primal.isFinite && gamma.primal.isFinite && da1.primal.isFinite && da2.primal.isFinite
            && db1.primal.isFinite && db2.primal.isFinite && dGammaDa.primal.isFinite && dGammaDb.primal.isFinite
    }
}
