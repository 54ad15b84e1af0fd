extension LSTM {
    /// One layer over all steps. Gate pre-activations Z = W_ih X + b_ih + b_hh for every step at once (one
    /// `gemm`), then per step Z_t += W_hh h_{t−1}, the gate nonlinearities in place (i, f, o: σ; g: tanh), and
    /// the cell update. The activated gates overwrite Z, and tanh(c_t) is kept, because the backward pass needs
    /// exactly these. The elementwise work is split into simple loops over contiguous rows so that they vectorise.
    static func forwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerForward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let s = layer.states
        let gates = layer.tape.matrix(layer.prefix + "gates", rows: 4 * n, columns: T * B)
        let tanhC = layer.tape.matrix(layer.prefix + "tanhC", rows: n, columns: T * B)
        let bias = layer.tape.matrix(layer.prefix + "bias", rows: 4 * n, columns: 1)
        layer.weights.combinedBias(into: bias)
        gates.fillColumns(with: bias)
        gates.multiply(layer.weights.inputWeights, layer.input, beta: 1)
        for t in 1...T {
            let z = gates.step(t - 1, batchSize: B)
            let previous = s.step(t - 1, batchSize: B)
            let current = s.step(t, batchSize: B)
            let tc = tanhC.step(t - 1, batchSize: B)
            z.multiply(layer.weights.recurrentWeights, previous.rows(0..<n), beta: 1)
            z.rows(0..<(2 * n)).applyGateSigmoid(layer.kernels)
            z.rows((2 * n)..<(3 * n)).applyGateTanh(layer.kernels)
            z.rows((3 * n)..<(4 * n)).applyGateSigmoid(layer.kernels)
            for j in 0..<B {
                for k in 0..<n {
                    let c = z[n + k, j] * previous[n + k, j] + z[k, j] * z[2 * n + k, j]
                    current[n + k, j] = c
                    tc[k, j] = c
                }
            }
            tc.applyGateTanh(layer.kernels)
            for j in 0..<B { for k in 0..<n { current[k, j] = z[3 * n + k, j] * tc[k, j] } }
        }
    }
}
