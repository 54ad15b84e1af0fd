/// Stochastic gradient descent with optional heavy-ball or Nesterov momentum and coupled L2 weight decay, exactly
/// as `torch.optim.SGD` with dampening 0 (PyTorch documentation, "SGD" algorithm box; Sutskever, Martens, Dahl &
/// Hinton 2013, ICML, for the momentum form; optax `sgd` is the same):
///
///     g ← ∇L(θ) + λ·m⊙θ                       (λ = weightDecay, m = decay mask, 1 if none)
///     b ← g                     at the first update,   b ← μ·b + g   afterwards   (μ = momentum > 0)
///     d ← g + μ·b  (Nesterov)   or   d ← b   (heavy ball)   or   d ← g   (μ = 0)
///     θ ← θ − η·d
public struct SGD: Optimizer, Equatable {
    /// Momentum μ ∈ [0, 1).
    public let momentum: Double
    /// Nesterov momentum.
    public let nesterov: Bool
    /// λ of the coupled L2 weight decay.
    public let weightDecay: Double
    /// Per-coordinate weight-decay multipliers, or nil (1 everywhere).
    public let decayMask: [Double]?
    /// Updates applied since creation or the last reset.
    public private(set) var stepCount = 0
    /// Momentum buffer b (empty before the first update or when μ = 0).
    public private(set) var momentumBuffer: [Double] = []

    /// "sgd".
    public var name: String { "sgd" }

    /// SGD with PyTorch's defaults; throws for out-of-range hyper-parameters.
    public init(momentum: Double = 0, nesterov: Bool = false, weightDecay: Double = 0, decayMask: [Double]? = nil)
        throws
    {
        try OptimizerConfiguration.sgd(momentum: momentum, nesterov: nesterov, weightDecay: weightDecay).validate()
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        self.decayMask = try OptimizerChecks.mask(decayMask)
    }

    /// Clears the momentum buffer and the step count.
    public mutating func reset() {
        stepCount = 0
        momentumBuffer = []
    }

    /// One SGD step (see the type's documentation).
    public mutating func update(_ parameters: inout [Double], gradient: [Double], learningRate eta: Double) throws {
        try OptimizerChecks.update(parameters: parameters, gradient: gradient, learningRate: eta, decayMask: decayMask)
        let n = parameters.count
        let mu = momentum, lambda = weightDecay, first = stepCount == 0
        if mu > 0 { OptimizerChecks.state(&momentumBuffer, count: n) }
        let nesterov = self.nesterov
        parameters.withUnsafeMutableBufferPointer { theta in
            gradient.withUnsafeBufferPointer { grad in
                momentumBuffer.withUnsafeMutableBufferPointer { buffer in
                    decayMask.withOptionalBuffer { mask in
                        for i in 0..<n {
                            var g = grad[i]
                            if lambda != 0 { g += lambda * (mask?[i] ?? 1) * theta[i] }
                            var d = g
                            if mu > 0 {
                                let b = first ? g : mu * buffer[i] + g
                                buffer[i] = b
                                d = nesterov ? g + mu * b : b
                            }
                            theta[i] -= eta * d
                        }
                    }
                }
            }
        }
        stepCount += 1
    }
}
