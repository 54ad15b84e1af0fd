import MemoryNumerics

/// Engine plumbing shared by the derivative extensions: moving `[Double]` data in and out of algebra storage and
/// dispatching a pass to the model requirement of the right algebra. Internal; orchestration only (the hot loops
/// are in the models' specialised passes).
protocol EngineAlgebra: RecurrentAlgebra {
    /// Write `values` (and `tangents`, when the algebra has them; nil = zero) into a contiguous view.
    static func write(_ values: [Double], tangents: [Double]?, to m: AlgebraMatrix<Self>)
    /// Values of a view, column-major.
    static func readValues(_ m: AlgebraMatrix<Self>) -> [Double]
    /// Tangents of a view, column-major (nil for real storage).
    static func readTangents(_ m: AlgebraMatrix<Self>) -> [Double]?
    static func runForward<M: RecurrentModel>(_ model: M, _ pass: ForwardPass<Self>)
    static func runBackward<M: RecurrentModel>(_ model: M, _ pass: BackwardPass<Self>)
    static func workspaceTape(_ w: RecurrentWorkspace) -> RecurrentTape<Self>
    static func evaluate(_ loss: any OutputLoss, outputs: AlgebraMatrix<Self>, targets: AlgebraMatrix<Self>?,
                         gradient: AlgebraMatrix<Self>, steps: Int, batchSize: Int) -> Scalar
}

private func copyArray(_ values: [Double], to p: UnsafeMutablePointer<Double>, count: Int) {
    precondition(values.count == count, "engine: \(values.count) values for \(count) slots")
    values.withUnsafeBufferPointer { b in
        if let src = b.baseAddress, count > 0 { p.update(from: src, count: count) }
    }
}

private func readStrided(_ p: UnsafeMutablePointer<Double>, rows: Int, columns: Int, ld: Int) -> [Double] {
    var out = [Double](repeating: 0, count: rows * columns)
    for j in 0..<columns { for i in 0..<rows { out[i + j * rows] = p[i + j * ld] } }
    return out
}

extension RealAlgebra: EngineAlgebra {
    static func write(_ values: [Double], tangents: [Double]?, to m: AlgebraMatrix<RealAlgebra>) {
        precondition(m.isContiguous)
        copyArray(values, to: m.base, count: m.rows * m.columns)
    }
    static func readValues(_ m: AlgebraMatrix<RealAlgebra>) -> [Double] {
        readStrided(m.base, rows: m.rows, columns: m.columns, ld: m.leadingDimension)
    }
    static func readTangents(_ m: AlgebraMatrix<RealAlgebra>) -> [Double]? { nil }
    static func runForward<M: RecurrentModel>(_ model: M, _ pass: ForwardPass<RealAlgebra>) { model.forward(pass) }
    static func runBackward<M: RecurrentModel>(_ model: M, _ pass: BackwardPass<RealAlgebra>) { model.backward(pass) }
    static func workspaceTape(_ w: RecurrentWorkspace) -> RecurrentTape<RealAlgebra> { w.real }
    static func evaluate(_ loss: any OutputLoss, outputs: AlgebraMatrix<RealAlgebra>, targets: AlgebraMatrix<RealAlgebra>?,
                         gradient: AlgebraMatrix<RealAlgebra>, steps: Int, batchSize: Int) -> Double {
        loss.evaluate(outputs: outputs, targets: targets, gradient: gradient, steps: steps, batchSize: batchSize)
    }
}

extension DualAlgebra: EngineAlgebra {
    static func write(_ values: [Double], tangents: [Double]?, to m: AlgebraMatrix<DualAlgebra>) {
        precondition(m.isContiguous)
        let n = m.rows * m.columns
        copyArray(values, to: m.base.value, count: n)
        if let tangents {
            copyArray(tangents, to: m.base.tangent, count: n)
        } else if n > 0 {
            m.base.tangent.update(repeating: 0, count: n)
        }
    }
    static func readValues(_ m: AlgebraMatrix<DualAlgebra>) -> [Double] {
        readStrided(m.base.value, rows: m.rows, columns: m.columns, ld: m.leadingDimension)
    }
    static func readTangents(_ m: AlgebraMatrix<DualAlgebra>) -> [Double]? {
        readStrided(m.base.tangent, rows: m.rows, columns: m.columns, ld: m.leadingDimension)
    }
    static func runForward<M: RecurrentModel>(_ model: M, _ pass: ForwardPass<DualAlgebra>) { model.forward(pass) }
    static func runBackward<M: RecurrentModel>(_ model: M, _ pass: BackwardPass<DualAlgebra>) { model.backward(pass) }
    static func workspaceTape(_ w: RecurrentWorkspace) -> RecurrentTape<DualAlgebra> { w.dual }
    static func evaluate(_ loss: any OutputLoss, outputs: AlgebraMatrix<DualAlgebra>, targets: AlgebraMatrix<DualAlgebra>?,
                         gradient: AlgebraMatrix<DualAlgebra>, steps: Int, batchSize: Int) -> DualNumber {
        loss.evaluate(outputs: outputs, targets: targets, gradient: gradient, steps: steps, batchSize: batchSize)
    }
}

/// Views of the engine-owned buffers of one forward computation.
struct EngineForwardViews<A: RecurrentAlgebra> {
    let parameters: AlgebraMatrix<A>
    let inputs: AlgebraMatrix<A>
    let initialStates: [AlgebraMatrix<A>]?
    let tape: RecurrentTape<A>
}

extension RecurrentModel {
    // MARK: validation

    func validateInputs(_ inputs: SequenceBatch, argument: String = "inputs") throws {
        guard inputs.features == inputSize else {
            throw RecurrentError.shapeMismatch(
                argument: argument, expected: "\(inputSize) input features (the model's inputSize)",
                got: "\(inputs.features) features (steps \(inputs.steps), batch \(inputs.batchSize))")
        }
        try validateFinite(inputs.values, argument: argument)
    }

    func validateSameShape(_ other: SequenceBatch, as inputs: SequenceBatch, features: Int, argument: String) throws {
        guard other.steps == inputs.steps, other.batchSize == inputs.batchSize, other.features == features else {
            throw RecurrentError.shapeMismatch(
                argument: argument,
                expected: "steps \(inputs.steps) × batch \(inputs.batchSize) × \(features) features",
                got: "steps \(other.steps) × batch \(other.batchSize) × \(other.features) features")
        }
    }

    func validateParameterVector(_ v: [Double], argument: String) throws {
        guard v.count == parameterCount else {
            throw RecurrentError.shapeMismatch(argument: argument, expected: "\(parameterCount) values (one per parameter)",
                                               got: "\(v.count) values")
        }
        try validateFinite(v, argument: argument)
    }

    func validateFinite(_ v: [Double], argument: String) throws {
        if let i = v.firstIndex(where: { !$0.isFinite }) {
            throw RecurrentError.invalidArgument(argument: argument, message: "value \(v[i]) at index \(i) is not finite")
        }
    }

    func validateInitialStates(_ states: [Matrix]?, batchSize: Int, argument: String = "initialStates") throws {
        guard let states else { return }
        let layouts = stateLayouts
        guard states.count == layouts.count else {
            throw RecurrentError.shapeMismatch(argument: argument, expected: "\(layouts.count) matrices (one per layer)",
                                               got: "\(states.count)")
        }
        for (l, (s, layout)) in zip(states, layouts).enumerated() {
            guard s.rows == layout.size, s.columns == batchSize else {
                throw RecurrentError.shapeMismatch(
                    argument: "\(argument)[\(l)]", expected: "\(layout.size)×\(batchSize) (state size × batch)",
                    got: "\(s.rows)×\(s.columns)")
            }
            try validateFinite(s.elements, argument: "\(argument)[\(l)]")
        }
    }

    // MARK: running passes

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
        precondition(tape.outputs != nil && tape.layerStates.count == layerCount,
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
        let gx = wantInputGradient
            ? tape.matrix("_inputGradient", rows: inputSize, columns: tape.steps * tape.batchSize, zeroed: true) : nil
        var gs: [AlgebraMatrix<A>]? = nil
        if wantInitialStateGradients {
            gs = stateLayouts.enumerated().map { l, layout in
                tape.matrix("_initialStateGradient\(l)", rows: layout.size, columns: tape.batchSize, zeroed: true)
            }
        }
        A.runBackward(self, BackwardPass(
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
            precondition(s.rows == layout.size && s.columns == (t + 1) * b, "layer \(l): published state has wrong shape")
            states.append(try SequenceBatch(steps: t + 1, batchSize: b, features: layout.size, values: read(s)))
        }
        return RecurrentTrajectory(outputs: outputs, states: states, stateLayouts: stateLayouts)
    }
}
