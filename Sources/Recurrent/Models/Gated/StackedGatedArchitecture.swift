/// Views of one layer's four parameter groups (or of their gradients).
struct GatedLayerWeights<A: RecurrentAlgebra> {
    /// W_ih, G·N × d.
    let inputWeights: AlgebraMatrix<A>
    /// W_hh, G·N × N.
    let recurrentWeights: AlgebraMatrix<A>
    /// b_ih, G·N × 1.
    let inputBias: AlgebraMatrix<A>
    /// b_hh, G·N × 1.
    let recurrentBias: AlgebraMatrix<A>

    init(_ vector: AlgebraMatrix<A>, _ o: StackedGatedLayout.LayerOffsets) {
        func view(_ g: ParameterGroup) -> AlgebraMatrix<A> {
            AlgebraMatrix(base: A.advance(vector.base, by: g.range.lowerBound), rows: g.rows, columns: g.columns)
        }
        inputWeights = view(o.inputWeights)
        recurrentWeights = view(o.recurrentWeights)
        inputBias = view(o.inputBias)
        recurrentBias = view(o.recurrentBias)
    }
}

/// Everything one layer's forward pass needs.
struct GatedLayerForward<A: RecurrentAlgebra> {
    let weights: GatedLayerWeights<A>
    /// d × (T·B) layer input (x for layer 0, the lower layer's h_1 … h_T otherwise; may have ld > d).
    let input: AlgebraMatrix<A>
    /// S × ((T+1)·B) states; block 0 already holds s_0; the layer writes blocks 1 … T.
    let states: AlgebraMatrix<A>
    let hiddenSize: Int
    let steps: Int
    let batchSize: Int
    let tape: RecurrentTape<A>
    /// Prefix for tape buffer names ("layer0.").
    let prefix: String
    /// How the gate nonlinearities are evaluated (``GateKernels``).
    let kernels: GateKernels
}

/// Everything one layer's backward pass needs.
struct GatedLayerBackward<A: RecurrentAlgebra> {
    let weights: GatedLayerWeights<A>
    let gradients: GatedLayerWeights<A>
    let input: AlgebraMatrix<A>
    let states: AlgebraMatrix<A>
    /// N × (T·B): ∂L/∂h_t through paths that do not run through this layer's own recurrence (readout or layer
    /// above). The layer may overwrite it (it is engine scratch).
    let hiddenGradient: AlgebraMatrix<A>
    /// d × (T·B) or nil: overwrite with ∂L/∂(layer input).
    let inputGradient: AlgebraMatrix<A>?
    /// S × B or nil: overwrite with ∂L/∂s_0.
    let initialStateGradient: AlgebraMatrix<A>?
    let hiddenSize: Int
    let steps: Int
    let batchSize: Int
    let tape: RecurrentTape<A>
    let prefix: String
    /// How the products and nonlinearities are evaluated (``GateKernels``).
    let kernels: GateKernels
}

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

/// Shared helpers for the layer passes.
extension GatedLayerWeights {
    /// b_ih + b_hh into an G·N × 1 scratch matrix.
    func combinedBias(into scratch: AlgebraMatrix<A>) {
        for i in 0..<scratch.rows { scratch[i] = inputBias[i] + recurrentBias[i] }
    }
}
