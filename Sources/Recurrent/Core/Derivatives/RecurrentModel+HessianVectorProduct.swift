import MemoryNumerics

extension RecurrentModel {
    /// Exact Hessian-vector product H·v, H = ∂²L/∂θ², by forward-over-reverse differentiation (Pearlmutter 1994,
    /// *Neural Computation* 6(1):147–160): the forward pass, the loss gradient and the BPTT backward pass are run
    /// on dual numbers θ + ε·v, so the backward pass returns ∇L(θ) + ε·H(θ)v with no truncation error. Every
    /// matrix product costs 3 real `dgemm`s instead of 1, so an HVP costs about 3 gradients.
    public func hessianVectorProduct(
        inputs: SequenceBatch, targets: SequenceBatch?, direction: [Double], loss: any OutputLoss = MeanSquaredError(),
        initialStates: [Matrix]? = nil, workspace: RecurrentWorkspace? = nil
    ) throws -> HessianVectorProduct {
        try validateInputs(inputs)
        try validateInitialStates(initialStates, batchSize: inputs.batchSize)
        try validateTargets(targets, loss: loss, inputs: inputs)
        try validateParameterVector(direction, argument: "direction")
        let tape = workspace?.dual ?? RecurrentTape<DualAlgebra>()
        return engineHVP(
            tape: tape, inputs: inputs, targets: targets, direction: direction, loss: loss,
            initialStates: initialStates)
    }

    func engineHVP(
        tape: RecurrentTape<DualAlgebra>, inputs: SequenceBatch, targets: SequenceBatch?,
        direction: [Double], loss: any OutputLoss, initialStates: [Matrix]?
    ) -> HessianVectorProduct {
        let views = engineForward(
            tape: tape, inputs: inputs, initialStates: initialStates, parameterDirection: direction)
        let (value, dy) = engineLoss(views, targets: targets, loss: loss)
        let (g, _, _) = engineBackward(
            views, outputGradient: dy, wantInputGradient: false,
            wantInitialStateGradients: false)
        return HessianVectorProduct(
            loss: value.value, gradient: DualAlgebra.readValues(g),
            product: DualAlgebra.readTangents(g) ?? [], directionalDerivative: value.tangent)
    }
}
