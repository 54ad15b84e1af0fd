/// A PyTorch-style stacked architecture: layers of one cell type plus a linear readout of the last layer's h.
/// The cell supplies the per-layer passes; the stacking, the readout and the parameter layout are shared here.
/// (Internal: the concrete models call these generic functions from their per-algebra requirements, which is
/// where the passes get specialised.)
protocol StackedGatedArchitecture: RecurrentModel {
    var layout: StackedGatedLayout { get }
    /// State of one layer (h first, so rows 0..<N are always h).
    static func layerStateLayout(hiddenSize: Int) -> StateLayout
    static func forwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerForward<A>)
    static func backwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerBackward<A>)
}

extension StackedGatedArchitecture {
    public var inputSize: Int { layout.inputSize }
    public var hiddenSize: Int { layout.hiddenSize }
    public var outputSize: Int { layout.outputSize }
    public var layerCount: Int { layout.layerCount }
    public var parameterGroups: [ParameterGroup] { layout.groups }
    public var stateLayouts: [StateLayout] {
        Array(repeating: Self.layerStateLayout(hiddenSize: layout.hiddenSize), count: layout.layerCount)
    }

    func stackedForward<A: RecurrentAlgebra>(_ pass: ForwardPass<A>, kernels requested: GateKernels = .vectorised) {
        let n = layout.hiddenSize, T = pass.steps, B = pass.batchSize
        let kernels = requested.resolved
        let stateRows = Self.layerStateLayout(hiddenSize: n).size
        var input = pass.inputs
        for l in 0..<layout.layerCount {
            let states = pass.tape.matrix("layer\(l).states", rows: stateRows, columns: (T + 1) * B)
            let s0 = states.columns(0..<B)
            if let initial = pass.initialStates { s0.copy(from: initial[l]) } else { s0.setZero() }
            Self.forwardLayer(GatedLayerForward(
                weights: GatedLayerWeights(pass.parameters, layout.layers[l]), input: input, states: states,
                hiddenSize: n, steps: T, batchSize: B, tape: pass.tape, prefix: "layer\(l).", kernels: kernels))
            pass.tape.layerStates.append(states)
            input = states.rows(0..<n).columns(B..<((T + 1) * B))
        }
        // Readout y_t = C h_t + c on all steps at once.
        let c = readoutWeights(pass.parameters), bias = readoutBias(pass.parameters)
        let y = pass.tape.matrix("readout.outputs", rows: layout.outputSize, columns: T * B)
        y.gateProduct(c, input, start: .column(bias), kernels)
        pass.tape.outputs = y
    }

    func stackedBackward<A: RecurrentAlgebra>(_ pass: BackwardPass<A>, kernels requested: GateKernels = .vectorised) {
        let n = layout.hiddenSize, T = pass.steps, B = pass.batchSize
        let kernels = requested.resolved
        let dy = pass.outputGradient
        let top = pass.tape.layerStates[layout.layerCount - 1].rows(0..<n).columns(B..<((T + 1) * B))
        // Readout: ∂L/∂C = Σ_t dy_t h_tᵀ, ∂L/∂c = Σ_t dy_t, ∂L/∂h_t = Cᵀ dy_t.
        readoutWeights(pass.parameterGradient).gateProduct(dy, top, transposeB: true, start: .accumulate, kernels)
        dy.addGateRowSums(into: readoutBias(pass.parameterGradient), kernels)
        var dh = pass.tape.matrix("readout.hiddenGradient", rows: n, columns: T * B)
        let cT = pass.tape.matrix("readout.weightsTransposed", rows: n, columns: layout.outputSize)
        cT.transpose(of: readoutWeights(pass.parameters))
        dh.gateProduct(cT, dy, start: .zero, kernels)
        for l in stride(from: layout.layerCount - 1, through: 0, by: -1) {
            let states = pass.tape.layerStates[l]
            let input = l == 0 ? pass.inputs : pass.tape.layerStates[l - 1].rows(0..<n).columns(B..<((T + 1) * B))
            let dx: AlgebraMatrix<A>? = l == 0
                ? pass.inputGradient : pass.tape.matrix("layer\(l).inputGradient", rows: n, columns: T * B)
            Self.backwardLayer(GatedLayerBackward(
                weights: GatedLayerWeights(pass.parameters, layout.layers[l]),
                gradients: GatedLayerWeights(pass.parameterGradient, layout.layers[l]),
                input: input, states: states, hiddenGradient: dh, inputGradient: dx,
                initialStateGradient: pass.initialStateGradients?[l], hiddenSize: n, steps: T, batchSize: B,
                tape: pass.tape, prefix: "layer\(l).", kernels: kernels))
            if let dx, l > 0 { dh = dx }
        }
    }

    private func readoutWeights<A>(_ v: AlgebraMatrix<A>) -> AlgebraMatrix<A> {
        let g = layout.readoutWeights
        return AlgebraMatrix(base: A.advance(v.base, by: g.range.lowerBound), rows: g.rows, columns: g.columns)
    }

    private func readoutBias<A>(_ v: AlgebraMatrix<A>) -> AlgebraMatrix<A> {
        let g = layout.readoutBias
        return AlgebraMatrix(base: A.advance(v.base, by: g.range.lowerBound), rows: g.rows, columns: 1)
    }
}
