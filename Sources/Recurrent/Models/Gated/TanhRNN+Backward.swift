extension TanhRNN {
    /// BPTT for one layer (Werbos 1990, *Proc. IEEE* 78(10):1550–1560): δ_t = ∂L/∂h_t (direct) + W_hhᵀ g_{t+1}, g_t = (1 − h_t²)⊙δ_t, then
    /// ∂L/∂W_hh = Σ_t g_t h_{t−1}ᵀ, ∂L/∂W_ih = Σ_t g_t x_tᵀ, ∂L/∂b_ih = ∂L/∂b_hh = Σ_t g_t, ∂L/∂x_t = W_ihᵀ g_t,
    /// ∂L/∂h_0 = W_hhᵀ g_1. The g_t overwrite the direct gradients in place; the weight gradients are two
    /// products over all steps at once. W_hhᵀ and W_ihᵀ are transposed copies made once per pass (``GateKernels``
    /// products have the form A·op(B)).
    static func backwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerBackward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let h = layer.states
        let g = layer.hiddenGradient
        let kernels = layer.kernels
        let wT = layer.tape.matrix(layer.prefix + "recurrentWeightsTransposed", rows: n, columns: n)
        wT.transpose(of: layer.weights.recurrentWeights)
        for t in stride(from: T, through: 1, by: -1) {
            let gt = g.step(t - 1, batchSize: B)
            if t < T { gt.gateProduct(wT, g.step(t, batchSize: B), start: .accumulate, kernels) }
            let ht = h.step(t, batchSize: B)
            if kernels == .vectorised && CellKernels.tanhRNNBackward(n: n, batch: B, hidden: ht, gradient: gt) {
                continue
            }
            for j in 0..<B {
                for i in 0..<n {
                    let v = ht[i, j]
                    gt[i, j] = (1 - v * v) * gt[i, j]
                }
            }
        }
        let grads = layer.gradients
        grads.recurrentWeights.gateProduct(g, h.columns(0..<(T * B)), transposeB: true, start: .accumulate, kernels)
        grads.inputWeights.gateProduct(g, layer.input, transposeB: true, start: .accumulate, kernels)
        // ∂L/∂b_ih = ∂L/∂b_hh = Σ_t g_t: summed once (columns in order), then added to both.
        let biasGradient = layer.tape.matrix(layer.prefix + "biasGradient", rows: n, columns: 1, zeroed: true)
        g.addGateRowSums(into: biasGradient, kernels)
        grads.inputBias.add(biasGradient)
        grads.recurrentBias.add(biasGradient)
        if let dx = layer.inputGradient {
            let inputWeights = layer.weights.inputWeights
            let wihT = layer.tape.matrix(
                layer.prefix + "inputWeightsTransposed", rows: inputWeights.columns,
                columns: n)
            wihT.transpose(of: inputWeights)
            dx.gateProduct(wihT, g, start: .zero, kernels)
        }
        if let ds0 = layer.initialStateGradient { ds0.gateProduct(wT, g.step(0, batchSize: B), start: .zero, kernels) }
    }
}
