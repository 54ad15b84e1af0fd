/// A PyTorch-style stacked architecture: layers of one cell type plus a linear readout of the last layer's h.
/// The cell supplies the per-layer passes; the stacking, the readout and the parameter layout are shared here.
/// (Internal: the concrete models call these generic functions from their per-algebra requirements, which is
/// where the passes get specialised.)
protocol StackedGatedArchitecture: LayoutBackedModel where Layout == StackedGatedLayout {
    static func forwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerForward<A>)
    static func backwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerBackward<A>)
}

extension StackedGatedArchitecture {
    func stackedForward<A: RecurrentAlgebra>(_ pass: ForwardPass<A>, kernels requested: GateKernels = .vectorised) {
        let n = layout.hiddenSize, T = pass.steps, B = pass.batchSize
        let kernels = requested.resolved
        let stateRows = layout.layerStateLayout.size
        var input = pass.inputs
        for l in 0..<layout.layerCount {
            let states = pass.tape.matrix("layer\(l).states", rows: stateRows, columns: (T + 1) * B)
            let s0 = states.columns(0..<B)
            if let initial = pass.initialStates { s0.copy(from: initial[l]) } else { s0.setZero() }
            Self.forwardLayer(
                GatedLayerForward(
                    weights: GatedLayerWeights(pass.parameters, layout.layers[l]), input: input, states: states,
                    hiddenSize: n, steps: T, batchSize: B, tape: pass.tape, prefix: "layer\(l).", kernels: kernels))
            pass.tape.layerStates.append(states)
            input = states.rows(0..<n).columns(B..<((T + 1) * B))
        }
        // Readout y_t = C h_t + c on all steps at once.
        let c = AlgebraMatrix(layout.readoutWeights, of: pass.parameters)
        let bias = AlgebraMatrix(layout.readoutBias, of: pass.parameters)
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
        AlgebraMatrix(layout.readoutWeights, of: pass.parameterGradient)
            .gateProduct(dy, top, transposeB: true, start: .accumulate, kernels)
        dy.addGateRowSums(into: AlgebraMatrix(layout.readoutBias, of: pass.parameterGradient), kernels)
        var dh = pass.tape.matrix("readout.hiddenGradient", rows: n, columns: T * B)
        let cT = pass.tape.matrix("readout.weightsTransposed", rows: n, columns: layout.outputSize)
        cT.transpose(of: AlgebraMatrix(layout.readoutWeights, of: pass.parameters))
        dh.gateProduct(cT, dy, start: .zero, kernels)
        for l in stride(from: layout.layerCount - 1, through: 0, by: -1) {
            let states = pass.tape.layerStates[l]
            let input = l == 0 ? pass.inputs : pass.tape.layerStates[l - 1].rows(0..<n).columns(B..<((T + 1) * B))
            let dx: AlgebraMatrix<A>? =
                l == 0
                ? pass.inputGradient : pass.tape.matrix("layer\(l).inputGradient", rows: n, columns: T * B)
            Self.backwardLayer(
                GatedLayerBackward(
                    weights: GatedLayerWeights(pass.parameters, layout.layers[l]),
                    gradients: GatedLayerWeights(pass.parameterGradient, layout.layers[l]),
                    input: input, states: states, hiddenGradient: dh, inputGradient: dx,
                    initialStateGradient: pass.initialStateGradients?[l], hiddenSize: n, steps: T, batchSize: B,
                    tape: pass.tape, prefix: "layer\(l).", kernels: kernels))
            if let dx, l > 0 { dh = dx }
        }
    }
}
