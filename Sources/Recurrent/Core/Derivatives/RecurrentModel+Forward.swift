import MemoryNumerics

extension RecurrentModel {
    /// Run the network on a batch of sequences and return every layer's states s_0 … s_T and the outputs
    /// y_1 … y_T (see ``RecurrentTrajectory``).
    ///
    /// - Parameters:
    ///   - inputs: T × B × d_in.
    ///   - initialStates: per layer an S_ℓ × B matrix (column b = sequence b), or nil for zero initial states.
    ///   - workspace: re-usable storage for repeated calls (optional).
    /// - Throws: ``RecurrentError`` when a shape does not match the model or a value is not finite.
    public func forward(
        _ inputs: SequenceBatch, initialStates: [Matrix]? = nil,
        workspace: RecurrentWorkspace? = nil
    ) throws -> RecurrentTrajectory {
        try validateInputs(inputs)
        try validateInitialStates(initialStates, batchSize: inputs.batchSize)
        let tape = workspace?.real ?? RecurrentTape<RealAlgebra>()
        _ = engineForward(tape: tape, inputs: inputs, initialStates: initialStates)
        return try engineTrajectory(tape, tangents: false)
    }

    /// The outputs y_1 … y_T only (T × B × d_out).
    public func outputs(
        _ inputs: SequenceBatch, initialStates: [Matrix]? = nil,
        workspace: RecurrentWorkspace? = nil
    ) throws -> SequenceBatch {
        try validateInputs(inputs)
        try validateInitialStates(initialStates, batchSize: inputs.batchSize)
        let tape = workspace?.real ?? RecurrentTape<RealAlgebra>()
        _ = engineForward(tape: tape, inputs: inputs, initialStates: initialStates)
        guard let out = tape.outputs else { preconditionFailure("forward pass did not publish outputs") }
        return try SequenceBatch(
            steps: inputs.steps, batchSize: inputs.batchSize, features: outputSize,
            values: RealAlgebra.readValues(out))
    }

    /// The loss L(ŷ(θ); y) at the current parameters (default: ½·mean squared error over every step).
    public func loss(
        inputs: SequenceBatch, targets: SequenceBatch?, loss: any OutputLoss = MeanSquaredError(),
        initialStates: [Matrix]? = nil, workspace: RecurrentWorkspace? = nil
    ) throws -> Double {
        try validateInputs(inputs)
        try validateInitialStates(initialStates, batchSize: inputs.batchSize)
        try validateTargets(targets, loss: loss, inputs: inputs)
        let tape = workspace?.real ?? RecurrentTape<RealAlgebra>()
        let views = engineForward(tape: tape, inputs: inputs, initialStates: initialStates)
        return engineLoss(views, targets: targets, loss: loss).value
    }

    func validateTargets(_ targets: SequenceBatch?, loss: any OutputLoss, inputs: SequenceBatch) throws {
        try loss.validate(targets: targets, steps: inputs.steps, batchSize: inputs.batchSize, outputSize: outputSize)
        if let targets { try validateFinite(targets.values, argument: "targets") }
    }

    /// Evaluate `loss` on the published outputs of `views.tape`; returns L and the d_out × (T·B) view ∂L/∂ŷ.
    func engineLoss<A: EngineAlgebra>(_ views: EngineForwardViews<A>, targets: SequenceBatch?, loss: any OutputLoss)
        -> (value: A.Scalar, outputGradient: AlgebraMatrix<A>)
    {
        let tape = views.tape
        let n = tape.steps * tape.batchSize
        guard let out = tape.outputs else { preconditionFailure("forward pass did not publish outputs") }
        var y: AlgebraMatrix<A>? = nil
        if let targets {
            let v = tape.matrix("_targets", rows: outputSize, columns: n)
            A.write(targets.values, tangents: nil, to: v)
            y = v
        }
        let g = tape.matrix("_outputGradient", rows: outputSize, columns: n)
        let value = A.evaluate(
            loss, outputs: out, targets: y, gradient: g, steps: tape.steps, batchSize: tape.batchSize)
        return (value, g)
    }
}
