import MemoryNumerics

/// How a complex eigenvalue λ = ν e^{iθ} of a diagonal recurrence is written in two real parameters (ω₁, ω₂)
/// (Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064, §3.1 "A solution: normalization and reparametrization"; the LRU of Orvieto et al.
/// 2023, ICML, arXiv 2303.06349, §3.3):
///
/// | name | (ω₁, ω₂) | λ |
/// |---|---|---|
/// | ``cartesian`` | (Re λ, Im λ) | ω₁ + iω₂ |
/// | ``polar`` | (ν, θ) | ω₁ e^{iω₂} |
/// | ``exp`` (LRU) | (ω_ν, ω_θ) | exp(−e^{ω₁} + i e^{ω₂}) |
/// | ``optimal`` | (ω_ν, ω_θ) | ν = tanh ω₁, θ = ω₂(1 − ν²)/(ν√(1 + ν²)) |
///
/// The polar-type parametrisations are combinations of a modulus map and an angle map
/// (``modulus(_:angle:)``); the three used by the official notebook of Fig. 7 (`learn_theta.ipynb`) all take
/// ν = tanh ω₁ with θ = ω₂, θ = e^{ω₂} and the scaled angle (``figure7Polar``, ``figure7Exp``, ``figure7Optimal``).
///
/// The exponential angle map represents phases in (0, 2π); a phase is reduced into [0, 2π) and θ = 0 is the limit
/// ω₂ → −∞ (the angle direction then has zero sensitivity).
public struct Parametrization: Sendable, Hashable, CustomStringConvertible {
    /// ν as a function of ω₁.
    public enum Modulus: String, Sendable, Hashable, CaseIterable {
        /// ν = ω₁.
        case identity
        /// ν = exp(−e^{ω₁}) (the LRU's ν_log).
        case exponential
        /// ν = tanh ω₁.
        case tanh
    }

    /// θ as a function of ω₂ (and of ν for ``scaled``).
    public enum Angle: String, Sendable, Hashable, CaseIterable {
        /// θ = ω₂.
        case identity
        /// θ = e^{ω₂} (the LRU's θ_log).
        case exponential
        /// θ = ω₂·(1 − ν²)/(ν√(1 + ν²)) (the "optimal" scaling of Zucchet & Orvieto 2024, §3.1).
        case scaled
    }

    enum Kind: Hashable {
        case cartesian
        case polar(Modulus, Angle)
    }

    let kind: Kind

    private init(kind: Kind) { self.kind = kind }

    /// (Re λ, Im λ): the derivative with respect to λ itself (the "none"/default parametrisation).
    public static let cartesian = Parametrization(kind: .cartesian)
    /// (ν, θ).
    public static let polar = Parametrization(kind: .polar(.identity, .identity))
    /// The LRU's exponential parametrisation, ν = exp(−e^{ω₁}), θ = e^{ω₂}.
    public static let exp = Parametrization(kind: .polar(.exponential, .exponential))
    /// ν = tanh ω₁, θ = ω₂(1 − ν²)/(ν√(1 + ν²)).
    public static let optimal = Parametrization(kind: .polar(.tanh, .scaled))
    /// Fig. 7's "polar" panel as coded in the official notebook: ν = tanh ω₁, θ = ω₂.
    public static let figure7Polar = Parametrization(kind: .polar(.tanh, .identity))
    /// Fig. 7's "exp" panel as coded: ν = tanh ω₁, θ = e^{ω₂}.
    public static let figure7Exp = Parametrization(kind: .polar(.tanh, .exponential))
    /// Fig. 7's "optimal" panel as coded: ν = tanh ω₁, θ = ω₂(1 − ν²)/(ν√(1 + ν²)).
    public static let figure7Optimal = Parametrization(kind: .polar(.tanh, .scaled))

    /// A polar-type parametrisation from a modulus map and an angle map.
    public static func modulus(_ modulus: Modulus, angle: Angle) -> Parametrization {
        Parametrization(kind: .polar(modulus, angle))
    }

    /// By name: "none" (also "cartesian", "default"), "polar", "exp", "optimal"; throws for anything else.
    public init(name: String) throws {
        switch name {
        case "none", "cartesian", "default": self = .cartesian
        case "polar": self = .polar
        case "exp": self = .exp
        case "optimal": self = .optimal
        default:
            throw CurseOfMemoryError.invalidArgument(
                argument: "parametrization", message: "'\(name)' is not one of none, polar, exp, optimal")
        }
    }

    /// "none", "polar", "exp", "optimal", or "modulus=<m>,angle=<a>".
    public var name: String {
        switch kind {
        case .cartesian: return "none"
        case .polar(.identity, .identity): return "polar"
        case .polar(.exponential, .exponential): return "exp"
        case .polar(.tanh, .scaled): return "optimal"
        case .polar(let m, let a): return "modulus=\(m.rawValue),angle=\(a.rawValue)"
        }
    }

    public var description: String { name }

    /// Names of (ω₁, ω₂).
    public var coordinateNames: (first: String, second: String) {
        switch kind {
        case .cartesian: return ("re_lambda", "im_lambda")
        case .polar(.identity, .identity): return ("nu", "theta")
        default: return ("omega_nu", "omega_theta")
        }
    }

    /// True for the polar-type parametrisations (the first coordinate moves the modulus only).
    public var isPolar: Bool {
        if case .polar = kind { return true }
        return false
    }

    // MARK: Maps

    /// λ(ω₁, ω₂) in any ``RealScalar`` (for exact derivatives of losses written in λ).
    func eigenvalue<T: RealScalar>(_ w1: T, _ w2: T) -> ComplexNumber<T> {
        switch kind {
        case .cartesian: return ComplexNumber(w1, w2)
        case .polar(let m, let a):
            let nu = Self.modulus(m, w1)
            return ComplexNumber.polar(modulus: nu, phase: Self.angle(a, w2, nu: nu))
        }
    }

    static func modulus<T: RealScalar>(_ m: Modulus, _ w: T) -> T {
        switch m {
        case .identity: return w
        case .exponential: return T.exponential(-T.exponential(w))
        case .tanh: return T.hyperbolicTangent(w)
        }
    }

    static func angle<T: RealScalar>(_ a: Angle, _ w: T, nu: T) -> T {
        switch a {
        case .identity: return w
        case .exponential: return T.exponential(w)
        case .scaled:
            let one = T(1)
            return w * (one - nu * nu) / (nu * T.squareRoot(one + nu * nu))
        }
    }

    /// λ(ω₁, ω₂).
    public func eigenvalue(_ w1: Double, _ w2: Double) -> Complex<Double> {
        let l: ComplexNumber<Double> = eigenvalue(w1, w2)
        return Complex(l.real, l.imaginary)
    }

    /// (ω₁, ω₂) representing λ. Throws where λ is not representable: |λ| must be in (0, 1) for the exponential and
    /// tanh modulus maps and > 0 for the scaled angle; with the exponential angle map a phase ≡ 0 (mod 2π) is only
    /// a limit (ω₂ → −∞) and is rejected here.
    public func coordinates(of lambda: Complex<Double>) throws -> (Double, Double) {
        try CurseOfMemoryError.require(lambda.isFinite, "eigenvalue", "must be finite, got \(lambda)")
        switch kind {
        case .cartesian: return (lambda.real, lambda.imaginary)
        case .polar(let m, let a):
            let nu = lambda.length
            let theta = Double.atan2(y: lambda.imaginary, x: lambda.real)
            let w1: Double
            switch m {
            case .identity: w1 = nu
            case .exponential:
                try CurseOfMemoryError.require(
                    nu > 0 && nu < 1, "eigenvalue",
                    "the exponential modulus map needs 0 < |λ| < 1, got \(nu)")
                w1 = Double.log(-Double.log(nu))
            case .tanh:
                try CurseOfMemoryError.require(nu < 1, "eigenvalue", "the tanh modulus map needs |λ| < 1, got \(nu)")
                w1 = 0.5 * Double.log((1 + nu) / (1 - nu))
            }
            switch a {
            case .identity: return (w1, theta)
            case .exponential:
                let reduced = Self.reducedPhase(theta)
                try CurseOfMemoryError.require(
                    reduced > 0, "eigenvalue",
                    "the exponential angle map needs a phase θ ≢ 0 (mod 2π)")
                return (w1, Double.log(reduced))
            case .scaled:
                try CurseOfMemoryError.require(nu > 0, "eigenvalue", "the scaled angle map needs |λ| > 0")
                return (w1, theta * nu * (1 + nu * nu).squareRoot() / (1 - nu * nu))
            }
        }
    }

    /// θ reduced into [0, 2π).
    static func reducedPhase(_ theta: Double) -> Double {
        var t = theta.truncatingRemainder(dividingBy: 2 * Double.pi)
        if t < 0 { t += 2 * Double.pi }
        return t >= 2 * Double.pi ? 0 : t
    }

    // MARK: Jacobians

    /// ∂ν/∂ω₁, ∂θ/∂ω₁ and ∂θ/∂ω₂ at (ν, θ) of a polar-type parametrisation (∂ν/∂ω₂ = 0), in any
    /// ``ComplexElementary`` (values with zero imaginary part). `theta` is the phase as represented (reduced for
    /// the exponential angle map).
    static func polarJacobian<C: ComplexElementary>(_ m: Modulus, _ a: Angle, nu: C, theta: Double)
        -> (nu1: C, theta1: C, theta2: C)
    {
        let one = C.one
        let nu1: C
        switch m {
        case .identity: nu1 = one
        case .exponential: nu1 = nu * nu.logarithm  // dν/dω = −e^{ω}ν = ν ln ν
        case .tanh: nu1 = one - nu * nu
        }
        switch a {
        case .identity: return (nu1, C(0), one)
        case .exponential: return (nu1, C(0), C(theta))
        case .scaled:
            let nu2 = nu * nu
            let q = (one - nu2) / (nu * (one + nu2).squareRoot)
            // d ln q/dν = −2ν/(1 − ν²) − 1/ν − ν/(1 + ν²).
            let dlogq = -(2 * nu) / (one - nu2) - one / nu - nu / (one + nu2)
            return (nu1, C(theta) * dlogq * nu1, q)
        }
    }
}
