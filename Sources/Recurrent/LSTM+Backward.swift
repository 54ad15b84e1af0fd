extension LSTM {
    /// BPTT for one layer. With δh_t = ∂L/∂h_t (direct + W_hhᵀ dZ_{t+1}) and the carried δc (from step t+1:
    /// δc_{t+1} ⊙ f_{t+1}):
    ///
    ///     δc = δc_carry + δh ⊙ o ⊙ (1 − tanh²c_t)
    ///     dZ_i = δc ⊙ g ⊙ i(1 − i),  dZ_f = δc ⊙ c_{t−1} ⊙ f(1 − f),  dZ_g = δc ⊙ i ⊙ (1 − g²),
    ///     dZ_o = δh ⊙ tanh c_t ⊙ o(1 − o),  δc_carry ← δc ⊙ f
    ///
    /// then ∂L/∂W_hh = Σ_t dZ_t h_{t−1}ᵀ, ∂L/∂W_ih = Σ_t dZ_t x_tᵀ, ∂L/∂b = Σ_t dZ_t (one `gemm` each over all
    /// steps), ∂L/∂x_t = W_ihᵀ dZ_t, ∂L/∂h_0 = W_hhᵀ dZ_1, ∂L/∂c_0 = δc_carry after step 1.
    static func backwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerBackward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let s = layer.states
        let dh = layer.hiddenGradient
        let gates = layer.tape.matrix(layer.prefix + "gates", rows: 4 * n, columns: T * B)
        let tanhC = layer.tape.matrix(layer.prefix + "tanhC", rows: n, columns: T * B)
        let dz = layer.tape.matrix(layer.prefix + "gateGradient", rows: 4 * n, columns: T * B)
        let dcCarry = layer.tape.matrix(layer.prefix + "cellGradient", rows: n, columns: B, zeroed: true)
        let w = layer.weights.recurrentWeights
        for t in stride(from: T, through: 1, by: -1) {
            let dht = dh.step(t - 1, batchSize: B)
            if t < T { dht.multiply(w, transposeA: true, dz.step(t, batchSize: B), beta: 1) }
            let z = gates.step(t - 1, batchSize: B)
            let dzt = dz.step(t - 1, batchSize: B)
            let tc = tanhC.step(t - 1, batchSize: B)
            let previous = s.step(t - 1, batchSize: B)
            for j in 0..<B {
                for k in 0..<n {
                    let ig = z[k, j], fg = z[n + k, j], gg = z[2 * n + k, j], og = z[3 * n + k, j]
                    let th = tc[k, j]
                    let d = dht[k, j]
                    let dc = dcCarry[k, j] + d * og * (1 - th * th)
                    dzt[k, j] = dc * gg * ig * (1 - ig)
                    dzt[n + k, j] = dc * previous[n + k, j] * fg * (1 - fg)
                    dzt[2 * n + k, j] = dc * ig * (1 - gg * gg)
                    dzt[3 * n + k, j] = d * th * og * (1 - og)
                    dcCarry[k, j] = dc * fg
                }
            }
        }
        let grads = layer.gradients
        grads.recurrentWeights.multiply(dz, s.rows(0..<n).columns(0..<(T * B)), transposeB: true, beta: 1)
        grads.inputWeights.multiply(dz, layer.input, transposeB: true, beta: 1)
        dz.addRowSums(into: grads.inputBias)
        dz.addRowSums(into: grads.recurrentBias)
        if let dx = layer.inputGradient { dx.multiply(layer.weights.inputWeights, transposeA: true, dz) }
        if let ds0 = layer.initialStateGradient {
            ds0.rows(0..<n).multiply(w, transposeA: true, dz.step(0, batchSize: B))
            ds0.rows(n..<(2 * n)).copy(from: dcCarry)
        }
    }
}
