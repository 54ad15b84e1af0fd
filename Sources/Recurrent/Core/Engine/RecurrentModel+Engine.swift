import MemoryNumerics

extension RecurrentModel {

    /// Load θ (+ direction), inputs (+ direction) and initial states (+ directions) into engine buffers of `tape`
    /// and run the model's forward pass. Arguments must have been validated.
    func engineForward<A: EngineAlgebra>(
        tape: RecurrentTape<A>, inputs: SequenceBatch, initialStates: [Matrix]?,
        parameterDirection: [Double]? = nil, inputDirection: SequenceBatch? = nil,
        initialStateDirections: [Matrix]? = nil
    ) -> EngineForwardViews<A> {
        let t = inputs.steps, b = inputs.batchSize
        tape.begin(steps: t, batchSize: b)
        let p = tape.matrix("_parameters", rows: parameterCount, columns: 1)
        A.write(parameters, tangents: parameterDirection, to: p)
        let x = tape.matrix("_inputs", rows: inputSize, columns: t * b)
        A.write(inputs.values, tangents: inputDirection?.values, to: x)
        var s0: [AlgebraMatrix<A>]? = nil
        if initialStates != nil || initialStateDirections != nil {
            var views: [AlgebraMatrix<A>] = []
            for (l, layout) in stateLayouts.enumerated() {
                let v = tape.matrix("_initialState\(l)", rows: layout.size, columns: b)
                let values = initialStates?[l].elements ?? [Double](repeating: 0, count: layout.size * b)
                A.write(values, tangents: initialStateDirections?[l].elements, to: v)
                views.append(v)
            }
            s0 = views
        }
        A.runForward(self, ForwardPass(parameters: p, inputs: x, initialStates: s0, steps: t, batchSize: b, tape: tape))
        precondition(
            tape.outputs != nil && tape.layerStates.count == layerCount,
            "\(architecture): forward pass did not publish outputs and one state matrix per layer")
        return EngineForwardViews(parameters: p, inputs: x, initialStates: s0, tape: tape)
    }

    /// Run the backward pass on a tape filled by ``engineForward``; returns the zeroed-then-accumulated parameter
    /// gradient view and, on request, the input and initial-state gradient views.
    func engineBackward<A: EngineAlgebra>(
        _ views: EngineForwardViews<A>, outputGradient: AlgebraMatrix<A>, wantInputGradient: Bool,
        wantInitialStateGradients: Bool
    ) -> (parameters: AlgebraMatrix<A>, inputs: AlgebraMatrix<A>?, initialStates: [AlgebraMatrix<A>]?) {
        let tape = views.tape
        let g = tape.matrix("_parameterGradient", rows: parameterCount, columns: 1, zeroed: true)
        let gx =
            wantInputGradient
            ? tape.matrix("_inputGradient", rows: inputSize, columns: tape.steps * tape.batchSize, zeroed: true) : nil
        var gs: [AlgebraMatrix<A>]? = nil
        if wantInitialStateGradients {
            gs = stateLayouts.enumerated().map { l, layout in
                tape.matrix("_initialStateGradient\(l)", rows: layout.size, columns: tape.batchSize, zeroed: true)
            }
        }
        A.runBackward(
            self,
            BackwardPass(
                parameters: views.parameters, inputs: views.inputs, steps: tape.steps, batchSize: tape.batchSize,
                tape: tape, outputGradient: outputGradient, parameterGradient: g, inputGradient: gx,
                initialStateGradients: gs))
        return (g, gx, gs)
    }

    /// The published outputs and states of a tape as `[Double]`-backed values (and tangents for dual tapes).
    func engineTrajectory<A: EngineAlgebra>(_ tape: RecurrentTape<A>, tangents: Bool) throws -> RecurrentTrajectory {
        guard let out = tape.outputs else { preconditionFailure("forward pass did not publish outputs") }
        let t = tape.steps, b = tape.batchSize
        let read: (AlgebraMatrix<A>) -> [Double] = { m in
            tangents ? (A.readTangents(m) ?? [Double](repeating: 0, count: m.rows * m.columns)) : A.readValues(m)
        }
        let outputs = try SequenceBatch(steps: t, batchSize: b, features: outputSize, values: read(out))
        var states: [SequenceBatch] = []
        for (l, layout) in stateLayouts.enumerated() {
            let s = tape.layerStates[l]
            precondition(
                s.rows == layout.size && s.columns == (t + 1) * b, "layer \(l): published state has wrong shape")
            states.append(try SequenceBatch(steps: t + 1, batchSize: b, features: layout.size, values: read(s)))
        }
        return RecurrentTrajectory(outputs: outputs, states: states, stateLayouts: stateLayouts)
    }
}
