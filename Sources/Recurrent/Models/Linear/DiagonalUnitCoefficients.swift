import MemoryNumerics

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
    init(
        omega1 w1: S, omega2 w2: S, gammaLog: S, parametrization: EigenvalueParametrization,
        normalization: InputNormalization, scaledExpTangents: ScaledExpTangents
    ) {
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
