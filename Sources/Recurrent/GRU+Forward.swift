extension GRU {
    /// One layer over all steps. Input projections Xi = W_ih X + b_ih for every step at once (one `gemm`); per
    /// step the recurrent projections Hh_t = W_hh h_{t−1} + b_hh (kept: the backward pass needs W_hn h + b_hn),
    /// then the gates. The activated gates (r, z, n) overwrite Xi. Elementwise work is split into simple loops
    /// over contiguous rows so that they vectorise.
    static func forwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerForward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let h = layer.states
        let gates = layer.tape.matrix(layer.prefix + "gates", rows: 3 * n, columns: T * B)
        let hidden = layer.tape.matrix(layer.prefix + "recurrentProjection", rows: 3 * n, columns: T * B)
        gates.fillColumns(with: layer.weights.inputBias)
        gates.multiply(layer.weights.inputWeights, layer.input, beta: 1)
        hidden.fillColumns(with: layer.weights.recurrentBias)
        for t in 1...T {
            let xi = gates.step(t - 1, batchSize: B)
            let hh = hidden.step(t - 1, batchSize: B)
            let previous = h.step(t - 1, batchSize: B)
            let current = h.step(t, batchSize: B)
            hh.multiply(layer.weights.recurrentWeights, previous, beta: 1)
            for j in 0..<B {
                for k in 0..<(2 * n) { xi[k, j] = xi[k, j] + hh[k, j] }
            }
            xi.rows(0..<(2 * n)).applyGateSigmoid(layer.kernels)
            for j in 0..<B {
                for k in 0..<n { xi[2 * n + k, j] = xi[2 * n + k, j] + xi[k, j] * hh[2 * n + k, j] }
            }
            xi.rows((2 * n)..<(3 * n)).applyGateTanh(layer.kernels)
            for j in 0..<B {
                for k in 0..<n {
                    let z = xi[n + k, j]
                    current[k, j] = (1 - z) * xi[2 * n + k, j] + z * previous[k, j]
                }
            }
        }
    }
}
