extension TanhRNN {
    /// BPTT for one layer (RNN_THEORY.md §3): δ_t = ∂L/∂h_t (direct) + W_hhᵀ g_{t+1}, g_t = (1 − h_t²)⊙δ_t, then
    /// ∂L/∂W_hh = Σ_t g_t h_{t−1}ᵀ, ∂L/∂W_ih = Σ_t g_t x_tᵀ, ∂L/∂b_ih = ∂L/∂b_hh = Σ_t g_t, ∂L/∂x_t = W_ihᵀ g_t,
    /// ∂L/∂h_0 = W_hhᵀ g_1. The g_t overwrite the direct gradients in place; the weight gradients are three
    /// `gemm`s over all steps at once.
    static func backwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerBackward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let h = layer.states
        let g = layer.hiddenGradient
        let w = layer.weights.recurrentWeights
        for t in stride(from: T, through: 1, by: -1) {
            let gt = g.step(t - 1, batchSize: B)
            if t < T { gt.multiply(w, transposeA: true, g.step(t, batchSize: B), beta: 1) }
            let ht = h.step(t, batchSize: B)
            for j in 0..<B {
                for i in 0..<n {
                    let v = ht[i, j]
                    gt[i, j] = (1 - v * v) * gt[i, j]
                }
            }
        }
        let grads = layer.gradients
        grads.recurrentWeights.multiply(g, h.columns(0..<(T * B)), transposeB: true, beta: 1)
        grads.inputWeights.multiply(g, layer.input, transposeB: true, beta: 1)
        g.addRowSums(into: grads.inputBias)
        g.addRowSums(into: grads.recurrentBias)
        if let dx = layer.inputGradient { dx.multiply(layer.weights.inputWeights, transposeA: true, g) }
        if let ds0 = layer.initialStateGradient { ds0.multiply(w, transposeA: true, g.step(0, batchSize: B)) }
    }
}
