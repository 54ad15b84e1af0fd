extension TanhRNN {
    /// One layer over all steps: A = W_ih X + (b_ih + b_hh) (one product for all steps, or per step on the
    /// vectorised path), then per step
    /// h_t = tanh(A_t + W_hh h_{t−1}). Pre-activations are formed in the state buffer and squashed in place (a
    /// whole N × B block at a time), so the only storage is the states themselves (the backward pass needs h_t
    /// only: tanh′ = 1 − h_t²). Products and tanh go through ``GateKernels``.
    static func forwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerForward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let h = layer.states
        let current = h.columns(B..<((T + 1) * B))
        let bias = layer.tape.matrix(layer.prefix + "bias", rows: n, columns: 1)
        layer.weights.combinedBias(into: bias)
        let kernels = layer.kernels
        // Input projections per step on the vectorised path (cache locality), one product over all steps on the
        // generic path.
        let inputPerStep = kernels == .vectorised
        if !inputPerStep { current.gateProduct(layer.weights.inputWeights, layer.input, start: .column(bias), kernels) }
        for t in 1...T {
            let ht = h.step(t, batchSize: B)
            if inputPerStep {
                ht.gateProduct(
                    layer.weights.inputWeights, layer.input.step(t - 1, batchSize: B), start: .column(bias),
                    kernels)
            }
            ht.gateProduct(layer.weights.recurrentWeights, h.step(t - 1, batchSize: B), start: .accumulate, kernels)
            ht.applyGateTanh(kernels)
        }
    }
}
