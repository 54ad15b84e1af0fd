/// Adam (Kingma & Ba 2015, "Adam: a method for stochastic optimization", ICLR, arXiv 1412.6980, Algorithm 1)
/// with coupled L2 weight decay, exactly as `torch.optim.Adam` (amsgrad off, maximize off):
///
///     g ← ∇L(θ) + λ·m⊙θ                          (λ = weightDecay, m = decay mask; omitted when λ = 0)
///     M ← β₁·M + (1 − β₁)·g,   V ← β₂·V + (1 − β₂)·g²            (M₀ = V₀ = 0, t = 1, 2, …)
///     M̂ = M/(1 − β₁ᵗ),   V̂ = V/(1 − β₂ᵗ)
///     θ ← θ − η·M̂/(√V̂ + ε)
///
/// **ε placement.** ε is added to √V̂, *after* bias correction: PyTorch computes
/// `denom = sqrt(V)/sqrt(1 − β₂ᵗ) + ε` and `θ −= (η/(1 − β₁ᵗ))·M/denom`, which is the formula above (and Kingma &
/// Ba's Algorithm 1, and optax `adam` with `eps_root = 0`). It is *not* the "ε̂" form of Kingma & Ba §2
/// (θ ← θ − η_t·M/(√V + ε̂), η_t = η√(1 − β₂ᵗ)/(1 − β₁ᵗ)) used by TensorFlow/Keras, which equals this one with
/// ε = ε̂/√(1 − β₂ᵗ). This implementation follows PyTorch's arithmetic order (M updated by `lerp`, i.e.
/// M + (1 − β₁)(g − M)). The powers β₁ᵗ, β₂ᵗ are running
/// products (exact IEEE multiplications, so the same on every machine).
public struct Adam: Optimizer, Equatable {
    /// β₁.
    public let beta1: Double
    /// β₂.
    public let beta2: Double
    /// ε, added to √V̂.
    public let epsilon: Double
    /// λ of the coupled L2 weight decay.
    public let weightDecay: Double
    /// Per-coordinate weight-decay multipliers, or nil (1 everywhere).
    public let decayMask: [Double]?
    /// Updates applied since creation or the last reset.
    public private(set) var stepCount = 0
    /// First-moment estimate M (empty before the first update).
    public private(set) var firstMoment: [Double] = []
    /// Second-moment estimate V (empty before the first update).
    public private(set) var secondMoment: [Double] = []
    var beta1Power = 1.0
    var beta2Power = 1.0

    /// "adam".
    public var name: String { "adam" }

    /// Adam with PyTorch's defaults; throws for out-of-range hyper-parameters.
    public init(
        beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0,
        decayMask: [Double]? = nil
    ) throws {
        try OptimizerConfiguration.adam(beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay)
            .validate()
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decayMask = try OptimizerChecks.mask(decayMask)
    }

    /// Clears the moments and the step count.
    public mutating func reset() {
        stepCount = 0
        firstMoment = []
        secondMoment = []
        beta1Power = 1
        beta2Power = 1
    }

    /// One Adam step (see the type's documentation).
    public mutating func update(_ parameters: inout [Double], gradient: [Double], learningRate eta: Double) throws {
        try OptimizerChecks.update(parameters: parameters, gradient: gradient, learningRate: eta, decayMask: decayMask)
        applyAdam(&parameters, gradient: gradient, learningRate: eta, coupledDecay: weightDecay, decoupledDecay: 0)
    }

    /// One Adam step; `coupledDecay` is added to the gradient (Adam), `decoupledDecay` multiplies θ by
    /// (1 − η·λ) first (AdamW). Arguments were validated by the caller.
    mutating func applyAdam(
        _ parameters: inout [Double], gradient: [Double], learningRate eta: Double,
        coupledDecay: Double, decoupledDecay: Double
    ) {
        let n = parameters.count
        OptimizerChecks.state(&firstMoment, count: n)
        OptimizerChecks.state(&secondMoment, count: n)
        stepCount += 1
        beta1Power *= beta1
        beta2Power *= beta2
        let w1 = 1 - beta1, b2 = beta2, w2 = 1 - beta2, eps = epsilon
        let stepSize = eta / (1 - beta1Power)
        let correction2Root = (1 - beta2Power).squareRoot()
        let shrink = eta * decoupledDecay
        parameters.withUnsafeMutableBufferPointer { theta in
            gradient.withUnsafeBufferPointer { grad in
                firstMoment.withUnsafeMutableBufferPointer { m in
                    secondMoment.withUnsafeMutableBufferPointer { v in
                        decayMask.withOptionalBuffer { mask in
                            for i in 0..<n {
                                if shrink != 0 { theta[i] *= 1 - shrink * (mask?[i] ?? 1) }
                                var g = grad[i]
                                if coupledDecay != 0 { g += coupledDecay * (mask?[i] ?? 1) * theta[i] }
                                // PyTorch: exp_avg.lerp_(g, 1 − β₁); exp_avg_sq.mul_(β₂).addcmul_(g, g, 1 − β₂).
                                m[i] = w1 < 0.5 ? m[i] + w1 * (g - m[i]) : g - (g - m[i]) * (1 - w1)
                                v[i] = b2 * v[i] + w2 * (g * g)
                                // denom = √V/√(1 − β₂ᵗ) + ε;  θ ← θ − (η/(1 − β₁ᵗ))·(M/denom).
                                let denominator = v[i].squareRoot() / correction2Root + eps
                                theta[i] -= stepSize * (m[i] / denominator)
                            }
                        }
                    }
                }
            }
        }
    }
}
