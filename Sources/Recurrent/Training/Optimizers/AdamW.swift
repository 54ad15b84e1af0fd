/// AdamW: Adam with decoupled weight decay (Loshchilov & Hutter 2019, "Decoupled weight decay regularization",
/// ICLR, arXiv 1711.05101, Algorithm 2), exactly as `torch.optim.AdamW` (and optax `adamw`):
///
///     θ ← θ ⊙ (1 − η·λ·m)                  (decay first, scaled by the current learning rate η; m = decay mask)
///     then the Adam update of ``Adam`` with the raw gradient (no L2 term):
///     M ← β₁M + (1 − β₁)g,  V ← β₂V + (1 − β₂)g²,  θ ← θ − η·M̂/(√V̂ + ε)
///
/// Convention: Loshchilov & Hutter write θ ← θ − η_t(α·M̂/(√V̂ + ε) + λ_LH·θ) with a schedule multiplier η_t and base
/// rate α; PyTorch's (and this) λ multiplies the full learning rate, so λ_LH = α·λ. Default λ = 0.01 (PyTorch).
public struct AdamW: Optimizer, Equatable {
    var adam: Adam
    /// λ of the decoupled weight decay.
    public let weightDecay: Double

    /// "adamw".
    public var name: String { "adamw" }
    /// β₁.
    public var beta1: Double { adam.beta1 }
    /// β₂.
    public var beta2: Double { adam.beta2 }
    /// ε, added to √V̂.
    public var epsilon: Double { adam.epsilon }
    /// Per-coordinate weight-decay multipliers, or nil (1 everywhere).
    public var decayMask: [Double]? { adam.decayMask }
    /// Updates applied since creation or the last reset.
    public var stepCount: Int { adam.stepCount }
    /// First-moment estimate M (empty before the first update).
    public var firstMoment: [Double] { adam.firstMoment }
    /// Second-moment estimate V (empty before the first update).
    public var secondMoment: [Double] { adam.secondMoment }

    /// AdamW with PyTorch's defaults (λ = 0.01); throws for out-of-range hyper-parameters.
    public init(
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0.01,
        decayMask: [Double]? = nil
    ) throws {
        adam = try Adam(beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: 0, decayMask: decayMask)
        guard weightDecay.isFinite, weightDecay >= 0 else {
            throw RecurrentError.invalidArgument(
                argument: "weightDecay", message: "must be finite and ≥ 0, got \(weightDecay)")
        }
        self.weightDecay = weightDecay
    }

    /// Clears the moments and the step count.
    public mutating func reset() { adam.reset() }

    /// One AdamW step (see the type's documentation).
    public mutating func update(_ parameters: inout [Double], gradient: [Double], learningRate eta: Double) throws {
        try OptimizerChecks.update(parameters: parameters, gradient: gradient, learningRate: eta, decayMask: decayMask)
        adam.applyAdam(&parameters, gradient: gradient, learningRate: eta, coupledDecay: 0, decoupledDecay: weightDecay)
    }
}
