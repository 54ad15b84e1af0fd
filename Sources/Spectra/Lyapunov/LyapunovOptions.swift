import MemoryNumerics
/// Settings of the QR (Benettin) computation of Lyapunov exponents, ``LyapunovSpectrum``.
///
/// The run has three phases, all stated in the result:
/// 1. ``transientSteps``: the state alone is iterated (no tangent vectors), to reach the attractor;
/// 2. ``warmUpSteps``: tangent vectors are evolved and re-orthonormalised but nothing is accumulated, so that the
///    frame aligns with the Lyapunov vectors (and the two-trajectory perturbation with the leading one);
/// 3. ``steps``: log R_ii is accumulated; λ_i = Σ log R_ii / (steps · timeStep).
public struct LyapunovOptions: Sendable, Equatable {
    /// Steps over which the exponents are averaged (phase 3).
    public var steps: Int
    /// Number k of exponents (the k largest); nil for all n.
    public var exponents: Int?
    /// Steps of the state alone before tangent vectors are introduced (phase 1).
    public var transientSteps: Int
    /// Steps with tangent vectors but without accumulation (phase 2); nil for ⌊steps/10⌋.
    public var warmUpSteps: Int?
    /// Re-orthonormalise every this many steps (t_ONS; 1 = every step). Must divide the warm-up, the steps and the
    /// window length.
    public var renormalizationInterval: Int
    /// Length (in steps) of the consecutive windows over which finite-time exponents are reported; nil for none.
    public var windowSteps: Int?
    /// Seed of the random initial orthonormal frame (and of the two-trajectory perturbation's direction).
    public var seed: UInt64
    /// Also accumulate log|det D_t| along phase 3 (one full Jacobian per step) for the identity
    /// Σ_i λ_i = ⟨log|det D_t|⟩ (meaningful with all n exponents).
    public var computesDeterminant: Bool
    /// Norm of the perturbation of the two-trajectory estimate of λ₁ (renormalised to this norm every step);
    /// nil to skip that estimate.
    public var perturbation: Double?
    /// A starting frame (n × k, orthonormalised by QR with R_ii ≥ 0) instead of the random one from ``seed`` — to
    /// reproduce a computation of another program exactly; nil for the random frame.
    public var initialFrame: Matrix? = nil

    /// Options; every argument is described at its property.
    public init(
        steps: Int, exponents: Int? = nil, transientSteps: Int = 0, warmUpSteps: Int? = nil,
        renormalizationInterval: Int = 1, windowSteps: Int? = nil, seed: UInt64 = 0,
        computesDeterminant: Bool = false, perturbation: Double? = 1e-6
    ) {
        self.steps = steps
        self.exponents = exponents
        self.transientSteps = transientSteps
        self.warmUpSteps = warmUpSteps
        self.renormalizationInterval = renormalizationInterval
        self.windowSteps = windowSteps
        self.seed = seed
        self.computesDeterminant = computesDeterminant
        self.perturbation = perturbation
    }

    /// The warm-up actually used.
    public var resolvedWarmUpSteps: Int { warmUpSteps ?? steps / 10 }

    /// Throws for inconsistent settings given the system's dimension and available steps.
    func validate(dimension n: Int, remainingSteps: Int?) throws {
        try SpectraChecks.positive(steps, "steps")
        try SpectraChecks.nonNegative(transientSteps, "transientSteps")
        try SpectraChecks.nonNegative(resolvedWarmUpSteps, "warmUpSteps")
        try SpectraChecks.positive(renormalizationInterval, "renormalizationInterval")
        if let k = exponents {
            guard k >= 1 && k <= n else {
                throw SpectraError.invalidArgument(
                    argument: "exponents", message: "must be in 1…\(n) (the state dimension), got \(k)")
            }
        }
        let t = renormalizationInterval
        guard steps % t == 0, resolvedWarmUpSteps % t == 0 else {
            throw SpectraError.invalidArgument(
                argument: "renormalizationInterval",
                message: "\(t) must divide steps (\(steps)) and warmUpSteps (\(resolvedWarmUpSteps))")
        }
        if let w = windowSteps {
            guard w >= 1, w <= steps, w % t == 0 else {
                throw SpectraError.invalidArgument(
                    argument: "windowSteps", message: "must be in 1…\(steps) and a multiple of \(t), got \(w)")
            }
        }
        if let p = perturbation { try SpectraChecks.finite(p, "perturbation", positive: true) }
        if let q = initialFrame {
            guard q.rows == n, q.columns == (exponents ?? n), q.elements.allSatisfy(\.isFinite) else {
                throw SpectraError.invalidArgument(
                    argument: "initialFrame",
                    message: "must be a finite \(n) × \(exponents ?? n) matrix, got \(q.rows) × \(q.columns)")
            }
        }
        if let r = remainingSteps {
            let needed = transientSteps + resolvedWarmUpSteps + steps
            guard needed <= r else {
                throw SpectraError.invalidArgument(
                    argument: "steps",
                    message:
                        "transient \(transientSteps) + warm-up \(resolvedWarmUpSteps) + steps \(steps) = \(needed) exceeds the \(r) steps available"
                )
            }
        }
    }
}
