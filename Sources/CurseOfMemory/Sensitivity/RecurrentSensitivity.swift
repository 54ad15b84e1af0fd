import MemoryNumerics

/// The curse-of-memory sensitivity of one diagonal linear recurrence h_t = λh_{t−1} + x_t, λ = νe^{iθ}, driven by a
/// zero-mean stationary input with autocorrelation Σ_k c_k ρ_k^{|Δ|} (Zucchet & Orvieto 2024, NeurIPS,
/// arXiv 2405.21064, §2.2–2.3 "the curse of memory", and §3.1, normalisation and reparametrisation): the activity E|h̃|² and the 2 × 2 matrix
/// E[Re(∂_{ω_i} h̃ conj ∂_{ω_j} h̃)] of h̃ = γ(λ)h in the coordinates ω of a ``Parametrization``.
///
/// **Closed form (general ρ, complex λ, any parametrisation; derived here).** With P_i = ∂_{ω_i}h̃ =
/// γ′·(∂ν/∂ω_i)·h + γ·(∂λ/∂ω_i)·s, s = ∂_λh, and real input (conj h^{(λ)} = h^{(λ̄)}),
///
///     E[P_i conj P_j] = γ′² ν_i ν_j F(λ, λ̄) + γγ′ [ν_i conj(λ_j) F_a(λ̄, λ) + λ_i ν_j F_a(λ, λ̄)] + γ² λ_i conj(λ_j) S(λ, λ̄),
///
/// with ν_i = ∂ν/∂ω_i, λ_i = ∂λ/∂ω_i = e^{iθ}ν_i + iλ ∂θ/∂ω_i, F, F_a, S the kernels of ``MemoryKernels`` summed
/// over the components, and (γ′², γγ′, γ²) = (ν²/(1 − ν²), −ν, 1 − ν²) for γ = √(1 − ν²) or (0, 0, 1) without
/// normalisation. In polar coordinates this gives E|∂_νh̃|² = ν²F/(1 − ν²) − 2ν Re(e^{iθ}F_a) + (1 − ν²)S,
/// E|∂_θh̃|² = ν²(1 − ν²)S and the cross term ν Im(λF_a), which vanishes at ρ = 0; for real λ the first reduces
/// to (1 + λρ)/((1 − λ²)²(1 − λρ)). Checked against automatic differentiation of γ(ω)γ(ω′)F(λ(ω), λ̄(ω′))
/// (the mixed derivative ∂_{ω_i}∂_{ω′_j}), against the defining series, and against ``MonteCarloVerifier``.
///
/// **|λ| = 1.** ``evaluate()`` at ν = 1 and ``asymptotics()`` at any ν expand every entry in ε = 1 − ν at fixed θ
/// and report a divergence with its order and coefficient (``StationaryValue``), never NaN: e.g. E[(d_λh)²] ~
/// (1 + ρ)/(4(1 − ρ))·(1 − λ)^{−3} for ρ < 1 and (1 − λ)^{−4} at ρ = 1; the exp parametrisation's ω_ν entry → ¼
/// at ρ = 0 while its ω_θ entry still diverges like θ²/(2(1 − ν)²); the optimal parametrisation's entries → 1 at
/// ρ = 0 for real λ. For complex λ the optimal parametrisation's ω_ν entry is not tamed: θ = ω_θ q(ν) moves with ω_ν
/// (∂θ/∂ω_ν → −2θ as ν → 1), which adds 4θ²E|∂_θh̃|² ~ 2θ²(1 − ρ²)/|1 − ρe^{iθ}|²·(1 − ν)^{−2}.
public struct RecurrentSensitivity: Sendable, Hashable {
    /// ν = |λ| ∈ [0, 1].
    public let modulus: Double
    /// θ = arg λ (radians; reduced into [0, 2π) for the exponential angle map).
    public let phase: Double
    /// The input autocorrelation.
    public let input: InputAutocorrelation
    /// Whether the state is multiplied by γ(λ) = √(1 − |λ|²).
    public let normalization: Normalization
    /// The coordinates ω of the sensitivity matrix.
    public let parametrization: Parametrization

    /// Throws unless 0 ≤ ν ≤ 1 and θ is finite; the exponential modulus map and the scaled angle need ν > 0.
    public init(
        modulus: Double, phase: Double = 0, input: InputAutocorrelation = .white,
        normalization: Normalization = .none, parametrization: Parametrization = .cartesian
    ) throws {
        try CurseOfMemoryError.require(
            modulus.isFinite && modulus >= 0 && modulus <= 1, "lambda",
            "|λ| must be in [0, 1], got \(modulus)")
        try CurseOfMemoryError.require(phase.isFinite, "theta", "must be finite, got \(phase)")
        if case .polar(let m, let a) = parametrization.kind {
            try CurseOfMemoryError.require(
                modulus > 0 || (m != .exponential && a != .scaled), "lambda",
                "the \(parametrization.name) parametrization needs |λ| > 0")
        }
        self.modulus = modulus
        if case .polar(_, .exponential) = parametrization.kind {
            self.phase = Parametrization.reducedPhase(phase)
        } else {
            self.phase = phase
        }
        self.input = input
        self.normalization = normalization
        self.parametrization = parametrization
    }

    /// A real eigenvalue λ ∈ [−1, 1] (phase 0, or π for λ < 0).
    public init(
        lambda: Double, input: InputAutocorrelation = .white, normalization: Normalization = .none,
        parametrization: Parametrization = .cartesian
    ) throws {
        try CurseOfMemoryError.require(
            lambda.isFinite && abs(lambda) <= 1, "lambda",
            "must be in [−1, 1], got \(lambda)")
        try self.init(
            modulus: abs(lambda), phase: lambda < 0 ? Double.pi : 0, input: input,
            normalization: normalization, parametrization: parametrization)
    }

    /// The values at λ = νe^{iθ}: finite for ν < 1; at ν = 1 the leading behaviour as ν → 1 (``asymptotics()``).
    public func evaluate() -> SensitivityValues {
        if modulus == 1 { return asymptotics() }
        let (activity, h) = moments(nu: Complex<Double>(modulus, 0))
        return SensitivityValues(
            activity: .finite(activity.real),
            hessian: h.map { row in row.map { StationaryValue.finite($0.real) } })
    }

    /// The leading behaviour of every entry as ν → 1 at this phase: a divergence C·(1 − ν)^{−p} or a finite limit.
    public func asymptotics() -> SensitivityValues {
        let nu = EndpointExpansion.one - EndpointExpansion.epsilon
        let (activity, h) = moments(nu: nu, separatedKernels: true)
        func value(_ e: EndpointExpansion) -> StationaryValue { StationaryValue(expansion: e) ?? .finite(0) }
        return SensitivityValues(activity: value(activity), hessian: h.map { $0.map(value) })
    }

    /// (E|h̃|², E[Re(P_i conj P_j)]) in any ``ComplexElementary`` at modulus `nu` (the closed form above).
    /// `separatedKernels` takes F, F_a and S in the form of ``Kernel/separatedSensitivity(_:_:rho:)``, whose endpoint
    /// expansion keeps the powers of 1 − ρ exact (the direct numerators cancel to O((1 − ρ)³) at λ = 1).
    func moments<C: ComplexElementary>(nu: C, separatedKernels: Bool = false) -> (activity: C, hessian: [[C]]) {
        let e = C(constant: Complex(Double.cos(phase), Double.sin(phase)))
        let lambda = nu * e, lambdaBar = nu * e.conjugate
        let m = PairMoments<C>.stationary(lambda, lambdaBar, input, separated: separatedKernels)
        let (nuDerivatives, lambdaDerivatives) = coordinateDerivatives(nu: nu, unitPhase: e)
        let g = normalization.factors(nu: nu)
        var h = [[C]](repeating: [C](repeating: C(0), count: 2), count: 2)
        for i in 0..<2 {
            for j in i..<2 {
                let gij =
                    g.derivativeSquared * nuDerivatives[i] * nuDerivatives[j] * m.states
                    + g.product
                    * (nuDerivatives[i] * lambdaDerivatives[j].conjugate * m.stateDerivative
                        + lambdaDerivatives[i] * nuDerivatives[j] * m.derivativeState)
                    + g.valueSquared * lambdaDerivatives[i] * lambdaDerivatives[j].conjugate * m.derivatives
                h[i][j] = gij.realPart
                h[j][i] = h[i][j]
            }
        }
        return ((g.valueSquared * m.states).realPart, h)
    }

    /// (∂ν/∂ω_i, ∂λ/∂ω_i) for i = 1, 2.
    func coordinateDerivatives<C: ComplexElementary>(nu: C, unitPhase e: C) -> ([C], [C]) {
        switch parametrization.kind {
        case .cartesian:
            return ([C(Double.cos(phase)), C(Double.sin(phase))], [C.one, C.one.timesI])
        case .polar(let m, let a):
            let j = Parametrization.polarJacobian(m, a, nu: nu, theta: phase)
            let lambda = nu * e
            return ([j.nu1, C(0)], [e * j.nu1 + lambda.timesI * j.theta1, lambda.timesI * j.theta2])
        }
    }
}
