import MemoryNumerics

extension RecurrentModel {
    /// L and ∂L/∂θ by backpropagation through time (exact up to rounding).
    ///
    /// BPTT (Werbos 1990, *Proc. IEEE* 78(10):1550–1560) for the tanh RNN: δ_t = Cᵀ∂L/∂y_t + Wᵀ[(1 − h_{t+1}²)⊙δ_{t+1}],
    /// ∂L/∂W = Σ_t g_t h_{t−1}ᵀ with g_t = (1 − h_t²)⊙δ_t; the gated cells follow the same pattern through their
    /// gates. Cost O(T·B·(gates·N² + N·d_in)), memory O(T·B·gates·N).
    public func lossAndGradient(
        inputs: SequenceBatch, targets: SequenceBatch?, loss: any OutputLoss = MeanSquaredError(),
        initialStates: [Matrix]? = nil, workspace: RecurrentWorkspace? = nil
    ) throws -> (loss: Double, gradient: [Double]) {
        var g = [Double]()
        let l = try lossAndGradient(
            inputs: inputs, targets: targets, loss: loss, initialStates: initialStates,
            workspace: workspace, gradient: &g)
        return (l, g)
    }

    /// As ``lossAndGradient(inputs:targets:loss:initialStates:workspace:)`` but writing ∂L/∂θ into `gradient`
    /// (resized to P if needed), so that a training loop with a ``RecurrentWorkspace`` does not allocate.
    public func lossAndGradient(
        inputs: SequenceBatch, targets: SequenceBatch?, loss: any OutputLoss = MeanSquaredError(),
        initialStates: [Matrix]? = nil, workspace: RecurrentWorkspace? = nil, gradient: inout [Double]
    ) throws -> Double {
        try validateInputs(inputs)
        try validateInitialStates(initialStates, batchSize: inputs.batchSize)
        try validateTargets(targets, loss: loss, inputs: inputs)
        let tape = workspace?.real ?? RecurrentTape<RealAlgebra>()
        let views = engineForward(tape: tape, inputs: inputs, initialStates: initialStates)
        let (value, dy) = engineLoss(views, targets: targets, loss: loss)
        let (g, _, _) = engineBackward(
            views, outputGradient: dy, wantInputGradient: false,
            wantInitialStateGradients: false)
        let p = parameterCount
        if gradient.count != p { gradient = [Double](repeating: 0, count: p) }
        gradient.withUnsafeMutableBufferPointer { dst in
            if let d = dst.baseAddress, p > 0 { d.update(from: g.base, count: p) }
        }
        return value
    }

    /// Vector–Jacobian product for a general loss: given ∂L/∂y_t supplied by the caller (T × B × d_out), return
    /// ∂L/∂θ, ∂L/∂x_t and ∂L/∂s_0 by BPTT.
    public func gradient(
        inputs: SequenceBatch, outputGradient: SequenceBatch, initialStates: [Matrix]? = nil,
        workspace: RecurrentWorkspace? = nil
    ) throws -> RecurrentGradient {
        try validateInputs(inputs)
        try validateInitialStates(initialStates, batchSize: inputs.batchSize)
        try validateSameShape(outputGradient, as: inputs, features: outputSize, argument: "outputGradient")
        try validateFinite(outputGradient.values, argument: "outputGradient")
        let tape = workspace?.real ?? RecurrentTape<RealAlgebra>()
        let views = engineForward(tape: tape, inputs: inputs, initialStates: initialStates)
        let dy = tape.matrix("_outputGradient", rows: outputSize, columns: inputs.steps * inputs.batchSize)
        RealAlgebra.write(outputGradient.values, tangents: nil, to: dy)
        let (g, gx, gs) = engineBackward(
            views, outputGradient: dy, wantInputGradient: true,
            wantInitialStateGradients: true)
        guard let gx, let gs else { preconditionFailure("requested gradients missing") }
        return RecurrentGradient(
            parameters: RealAlgebra.readValues(g),
            inputs: try SequenceBatch(
                steps: inputs.steps, batchSize: inputs.batchSize, features: inputSize,
                values: RealAlgebra.readValues(gx)),
            initialStates: try gs.map {
                try Matrix(rows: $0.rows, columns: $0.columns, columnMajor: RealAlgebra.readValues($0))
            })
    }
}
