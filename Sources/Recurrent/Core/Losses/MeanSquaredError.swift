/// Mean squared error over the masked (step, sequence) pairs and all outputs:
/// L = s · Σ_{t,b} w_{t,b} Σ_k (ŷ_{t,b,k} − y_{t,b,k})² / (d_out · Σ_{t,b} w_{t,b}),
/// with s = ½ (`halved`, the teacher–student convention of Zucchet & Orvieto 2024) or s = 1
/// (plain MSE, the Zhao et al. 2020 protocol); w = 1 on the mask and 0 elsewhere unless explicit weights are given.
public struct MeanSquaredError: OutputLoss, Equatable {
    /// Which (step, sequence) pairs enter the mean.
    public var mask: LossMask
    /// s = ½ (true) or 1 (false).
    public var halved: Bool

    /// The loss with a mask and a scale (default: ½·MSE over every step).
    public init(mask: LossMask = .allSteps, halved: Bool = true) {
        self.mask = mask
        self.halved = halved
    }

    /// Targets must be present, of shape T × B × d_out; the mask must fit T × B.
    public func validate(targets: SequenceBatch?, steps: Int, batchSize: Int, outputSize: Int) throws {
        guard let targets else {
            throw RecurrentError.invalidArgument(argument: "targets", message: "mean squared error needs targets")
        }
        guard targets.steps == steps, targets.batchSize == batchSize, targets.features == outputSize else {
            throw RecurrentError.shapeMismatch(
                argument: "targets", expected: "steps \(steps) × batch \(batchSize) × \(outputSize) outputs",
                got: "steps \(targets.steps) × batch \(targets.batchSize) × \(targets.features)")
        }
        switch mask {
        case .allSteps, .lastStep: break
        case .fromStep(let k):
            guard k >= 0 && k < steps else {
                throw RecurrentError.invalidArgument(argument: "mask", message: "fromStep(\(k)) needs 0 ≤ k < \(steps)")
            }
        case .weights(let w):
            guard w.count == steps * batchSize else {
                throw RecurrentError.shapeMismatch(
                    argument: "mask weights", expected: "\(steps * batchSize) (steps × batch)",
                    got: "\(w.count)")
            }
            guard w.allSatisfy({ $0.isFinite && $0 >= 0 }), w.contains(where: { $0 > 0 }) else {
                throw RecurrentError.invalidArgument(
                    argument: "mask weights",
                    message: "must be finite, non-negative and not all zero")
            }
        }
    }

    /// Weight of (step t, sequence b).
    @inline(__always)
    func weight(_ t: Int, _ b: Int, steps: Int, batchSize: Int) -> Double {
        switch mask {
        case .allSteps: return 1
        case .lastStep: return t == steps - 1 ? 1 : 0
        case .fromStep(let k): return t >= k ? 1 : 0
        case .weights(let w): return w[b + batchSize * t]
        }
    }

    func totalWeight(steps: Int, batchSize: Int) -> Double {
        switch mask {
        case .allSteps: return Double(steps * batchSize)
        case .lastStep: return Double(batchSize)
        case .fromStep(let k): return Double((steps - k) * batchSize)
        case .weights(let w): return w.reduce(0, +)
        }
    }

    func evaluateGeneric<A: RecurrentAlgebra>(
        outputs: AlgebraMatrix<A>, targets: AlgebraMatrix<A>?, gradient: AlgebraMatrix<A>, steps: Int, batchSize: Int
    ) -> A.Scalar {
        guard let targets else { preconditionFailure("MeanSquaredError: targets were validated to be present") }
        let d = outputs.rows
        let scale = (halved ? 0.5 : 1.0) / (Double(d) * totalWeight(steps: steps, batchSize: batchSize))
        var loss: A.Scalar = 0
        for t in 0..<steps {
            for b in 0..<batchSize {
                let j = b + batchSize * t
                let w = weight(t, b, steps: steps, batchSize: batchSize)
                if w == 0 {
                    for k in 0..<d { gradient[k, j] = 0 }
                    continue
                }
                let ws = A.Scalar(w * scale)
                let w2 = A.Scalar(2 * w * scale)
                for k in 0..<d {
                    let r = outputs[k, j] - targets[k, j]
                    loss += ws * r * r
                    gradient[k, j] = w2 * r
                }
            }
        }
        return loss
    }

    /// L and ∂L/∂ŷ in real arithmetic.
    public func evaluate(
        outputs: AlgebraMatrix<RealAlgebra>, targets: AlgebraMatrix<RealAlgebra>?,
        gradient: AlgebraMatrix<RealAlgebra>, steps: Int, batchSize: Int
    ) -> Double {
        evaluateGeneric(outputs: outputs, targets: targets, gradient: gradient, steps: steps, batchSize: batchSize)
    }

    /// L and ∂L/∂ŷ with their tangents (for HVPs).
    public func evaluate(
        outputs: AlgebraMatrix<DualAlgebra>, targets: AlgebraMatrix<DualAlgebra>?,
        gradient: AlgebraMatrix<DualAlgebra>, steps: Int, batchSize: Int
    ) -> DualNumber {
        evaluateGeneric(outputs: outputs, targets: targets, gradient: gradient, steps: steps, batchSize: batchSize)
    }
}
