extension GRU {
    /// BPTT for one layer. With δh_t = ∂L/∂h_t (direct + W_hhᵀ dHh_{t+1} + δh_{t+1} ⊙ z_{t+1}) and
    /// a_n = W_hn h_{t−1} + b_hn:
    ///
    ///     dA_n = δh ⊙ (1 − z) ⊙ (1 − n²),   dA_z = δh ⊙ (h_{t−1} − n) ⊙ z(1 − z),
    ///     dA_r = dA_n ⊙ a_n ⊙ r(1 − r)
    ///     ∂L/∂(input projections) = [dA_r; dA_z; dA_n],  ∂L/∂(recurrent projections) = [dA_r; dA_z; r ⊙ dA_n]
    ///
    /// and the weight, bias, input and initial-state gradients follow from the two projections (one `gemm` each
    /// over all steps). The direct path δh ⊙ z to h_{t−1} is added into the next-processed column block in place.
    static func backwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerBackward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let h = layer.states
        let dh = layer.hiddenGradient
        let gates = layer.tape.matrix(layer.prefix + "gates", rows: 3 * n, columns: T * B)
        let hidden = layer.tape.matrix(layer.prefix + "recurrentProjection", rows: 3 * n, columns: T * B)
        let dxi = layer.tape.matrix(layer.prefix + "inputProjectionGradient", rows: 3 * n, columns: T * B)
        let dhh = layer.tape.matrix(layer.prefix + "recurrentProjectionGradient", rows: 3 * n, columns: T * B)
        let directToInitial = layer.tape.matrix(layer.prefix + "initialDirect", rows: n, columns: B)
        let w = layer.weights.recurrentWeights
        for t in stride(from: T, through: 1, by: -1) {
            let dht = dh.step(t - 1, batchSize: B)
            if t < T { dht.multiply(w, transposeA: true, dhh.step(t, batchSize: B), beta: 1) }
            let g = gates.step(t - 1, batchSize: B)
            let hh = hidden.step(t - 1, batchSize: B)
            let dxit = dxi.step(t - 1, batchSize: B)
            let dhht = dhh.step(t - 1, batchSize: B)
            let previous = h.step(t - 1, batchSize: B)
            let direct = t > 1 ? dh.step(t - 2, batchSize: B) : directToInitial
            for j in 0..<B {
                for k in 0..<n {
                    let r = g[k, j], z = g[n + k, j], c = g[2 * n + k, j]
                    let d = dht[k, j]
                    let dan = d * (1 - z) * (1 - c * c)
                    let daz = d * (previous[k, j] - c) * z * (1 - z)
                    let dar = dan * hh[2 * n + k, j] * r * (1 - r)
                    dxit[k, j] = dar
                    dxit[n + k, j] = daz
                    dxit[2 * n + k, j] = dan
                    dhht[k, j] = dar
                    dhht[n + k, j] = daz
                    dhht[2 * n + k, j] = r * dan
                    if t > 1 { direct[k, j] += d * z } else { direct[k, j] = d * z }
                }
            }
        }
        let grads = layer.gradients
        grads.recurrentWeights.multiply(dhh, h.columns(0..<(T * B)), transposeB: true, beta: 1)
        grads.inputWeights.multiply(dxi, layer.input, transposeB: true, beta: 1)
        dxi.addRowSums(into: grads.inputBias)
        dhh.addRowSums(into: grads.recurrentBias)
        if let dx = layer.inputGradient { dx.multiply(layer.weights.inputWeights, transposeA: true, dxi) }
        if let ds0 = layer.initialStateGradient {
            ds0.copy(from: directToInitial)
            ds0.multiply(w, transposeA: true, dhh.step(0, batchSize: B), beta: 1)
        }
    }
}
