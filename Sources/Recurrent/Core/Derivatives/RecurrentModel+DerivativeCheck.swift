import MemoryNumerics

extension RecurrentModel {
    /// Checks ``lossAndGradient(inputs:targets:loss:initialStates:workspace:)`` and
    /// ``hessianVectorProduct(inputs:targets:direction:loss:initialStates:workspace:)`` against finite differences
    /// of the loss and of the gradient (method and error measure: ``DerivativeCheck``). The model is not changed.
    ///
    /// Cost: 2P + 1 losses and gradients and one HVP; meant for small models.
    /// - Parameters:
    ///   - inputs: T × B × d_in.
    ///   - targets: T × B × d_out.
    ///   - v: the direction of the HVP (P values, finite).
    ///   - loss: the loss (default ½·mean squared error over every step).
    ///   - workspace: re-usable storage (optional).
    /// - Throws: ``RecurrentError`` for shapes that do not fit the model or non-finite values.
    public func derivativeCheck(
        inputs: SequenceBatch, targets: SequenceBatch, direction v: [Double], loss: any OutputLoss = MeanSquaredError(),
        workspace: RecurrentWorkspace? = nil
    ) throws -> DerivativeCheck {
        try validateParameterVector(v, argument: "direction")
        var model = self
        let theta = parameters
        let p = theta.count
        let (_, gradient) = try lossAndGradient(inputs: inputs, targets: targets, loss: loss, workspace: workspace)
        var differences = [Double](repeating: 0, count: p)
        var shifted = theta
        for i in 0..<p {
            let h = 1e-6 * max(1, abs(theta[i]))
            shifted[i] = theta[i] + h
            try model.setParameters(shifted)
            let lp = try model.loss(inputs: inputs, targets: targets, loss: loss, workspace: workspace)
            shifted[i] = theta[i] - h
            try model.setParameters(shifted)
            let lm = try model.loss(inputs: inputs, targets: targets, loss: loss, workspace: workspace)
            shifted[i] = theta[i]
            differences[i] = (lp - lm) / (2 * h)
        }
        let hvp = try hessianVectorProduct(
            inputs: inputs, targets: targets, direction: v, loss: loss,
            workspace: workspace
        ).product
        let epsilon = 1e-5
        try model.setParameters(zip(theta, v).map { $0 + epsilon * $1 })
        let (_, gPlus) = try model.lossAndGradient(inputs: inputs, targets: targets, loss: loss, workspace: workspace)
        try model.setParameters(zip(theta, v).map { $0 - epsilon * $1 })
        let (_, gMinus) = try model.lossAndGradient(inputs: inputs, targets: targets, loss: loss, workspace: workspace)
        let hvpDifferences = zip(gPlus, gMinus).map { ($0 - $1) / (2 * epsilon) }
        let groups = parameterGroups.map { g in
            DerivativeCheck.GroupError(
                name: g.name, gradientError: DerivativeCheck.groupRelativeError(gradient, differences, range: g.range),
                hessianVectorProductError: DerivativeCheck.groupRelativeError(hvp, hvpDifferences, range: g.range))
        }
        return DerivativeCheck(
            parameterCount: p, gradientError: DerivativeCheck.relativeError(gradient, differences),
            hessianVectorProductError: DerivativeCheck.relativeError(hvp, hvpDifferences),
            groupErrors: groups)
    }

    /// The check `rnnmem grad-check` runs: inputs and targets i.i.d. N(0, 1) of `steps` × `batchSize` sequences, then
    /// a direction v uniform on the unit sphere, all drawn from `SeededRandom(seed: seed, stream: 1)` in that order;
    /// loss ½·mean squared error (see ``derivativeCheck(inputs:targets:direction:loss:workspace:)``).
    public func derivativeCheck(steps: Int, batchSize: Int, seed: UInt64) throws -> DerivativeCheck {
        var rng = SeededRandom(seed: seed, stream: 1)
        let x = try SequenceBatch(
            steps: steps, batchSize: batchSize, features: inputSize,
            values: rng.gaussians(steps * batchSize * inputSize))
        let y = try SequenceBatch(
            steps: steps, batchSize: batchSize, features: outputSize,
            values: rng.gaussians(steps * batchSize * outputSize))
        var v = rng.gaussians(parameterCount)
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for i in v.indices { v[i] /= norm }
        return try derivativeCheck(inputs: x, targets: y, direction: v, workspace: RecurrentWorkspace())
    }
}
