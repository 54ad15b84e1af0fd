extension GRU {
    /// BPTT for one layer. With δh_t = ∂L/∂h_t (direct + W_hhᵀ dHh_{t+1} + δh_{t+1} ⊙ z_{t+1}) and
    /// a_n = W_hn h_{t−1} + b_hn:
    ///
    ///     dA_n = δh ⊙ (1 − z) ⊙ (1 − n²),   dA_z = δh ⊙ (h_{t−1} − n) ⊙ z(1 − z),
    ///     dA_r = dA_n ⊙ a_n ⊙ r(1 − r)
    ///     ∂L/∂(input projections) = [dA_r; dA_z; dA_n],  ∂L/∂(recurrent projections) = [dA_r; dA_z; r ⊙ dA_n]
    ///
    /// and the weight, bias, input and initial-state gradients follow from the two projections (one product each
    /// over all steps). The direct path δh ⊙ z to h_{t−1} is added into the next-processed column block in place.
    /// Products with W_hhᵀ and W_ihᵀ use transposed copies made once per pass (``GateKernels`` products have the
    /// form A·op(B)).
    static func backwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerBackward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let h = layer.states
        let dh = layer.hiddenGradient
        let gates = layer.tape.matrix(layer.prefix + "gates", rows: 3 * n, columns: T * B)
        let hidden = layer.tape.matrix(layer.prefix + "recurrentProjection", rows: 3 * n, columns: T * B)
        let dxi = layer.tape.matrix(layer.prefix + "inputProjectionGradient", rows: 3 * n, columns: T * B)
        let dhh = layer.tape.matrix(layer.prefix + "recurrentProjectionGradient", rows: 3 * n, columns: T * B)
        let directToInitial = layer.tape.matrix(layer.prefix + "initialDirect", rows: n, columns: B)
        let kernels = layer.kernels
        let wT = layer.tape.matrix(layer.prefix + "recurrentWeightsTransposed", rows: n, columns: 3 * n)
        wT.transpose(of: layer.weights.recurrentWeights)
        for t in stride(from: T, through: 1, by: -1) {
            let dht = dh.step(t - 1, batchSize: B)
            if t < T { dht.gateProduct(wT, dhh.step(t, batchSize: B), start: .accumulate, kernels) }
            let g = gates.step(t - 1, batchSize: B)
            let hh = hidden.step(t - 1, batchSize: B)
            let dxit = dxi.step(t - 1, batchSize: B)
            let dhht = dhh.step(t - 1, batchSize: B)
            let previous = h.step(t - 1, batchSize: B)
            let direct = t > 1 ? dh.step(t - 2, batchSize: B) : directToInitial
            if kernels == .vectorised
                && CellKernels.gruBackward(
                    n: n, batch: B, gates: g, recurrentProjection: hh, hiddenPrevious: previous, hiddenGradient: dht,
                    direct: direct, accumulateDirect: t > 1, inputProjectionGradient: dxit,
                    recurrentProjectionGradient: dhht)
            {
                continue
            }
            // Generic elementwise step (the source of truth of the fused kernel above).
            let gr = g.rows(0..<n), gz = g.rows(n..<(2 * n)), gn = g.rows((2 * n)..<(3 * n))
            let hn = hh.rows((2 * n)..<(3 * n))
            let dxr = dxit.rows(0..<n), dxz = dxit.rows(n..<(2 * n)), dxn = dxit.rows((2 * n)..<(3 * n))
            let dhr = dhht.rows(0..<n), dhz = dhht.rows(n..<(2 * n)), dhn = dhht.rows((2 * n)..<(3 * n))
            for j in 0..<B {
                for k in 0..<n {
                    let r = gr[k, j], z = gz[k, j], c = gn[k, j]
                    let d = dht[k, j]
                    let dan = d * (1 - z) * (1 - c * c)
                    let daz = d * (previous[k, j] - c) * z * (1 - z)
                    let dar = dan * hn[k, j] * r * (1 - r)
                    dxr[k, j] = dar
                    dxz[k, j] = daz
                    dxn[k, j] = dan
                    dhr[k, j] = dar
                    dhz[k, j] = daz
                    dhn[k, j] = r * dan
                    if t > 1 { direct[k, j] += d * z } else { direct[k, j] = d * z }
                }
            }
        }
        let grads = layer.gradients
        grads.recurrentWeights.gateProduct(
            dhh, h.columns(0..<(T * B)), transposeB: true, start: .accumulate,
            kernels)
        grads.inputWeights.gateProduct(dxi, layer.input, transposeB: true, start: .accumulate, kernels)
        // ∂L/∂b_ih = Σ_t dXi_t and ∂L/∂b_hh = Σ_t dHh_t; their r and z rows coincide, so those are summed once.
        let biasGradient = layer.tape.matrix(layer.prefix + "biasGradient", rows: 4 * n, columns: 1, zeroed: true)
        dxi.addGateRowSums(into: biasGradient.rows(0..<(3 * n)), kernels)
        dhh.rows((2 * n)..<(3 * n)).addGateRowSums(into: biasGradient.rows((3 * n)..<(4 * n)), kernels)
        grads.inputBias.add(biasGradient.rows(0..<(3 * n)))
        grads.recurrentBias.rows(0..<(2 * n)).add(biasGradient.rows(0..<(2 * n)))
        grads.recurrentBias.rows((2 * n)..<(3 * n)).add(biasGradient.rows((3 * n)..<(4 * n)))
        if let dx = layer.inputGradient {
            let inputWeights = layer.weights.inputWeights
            let wihT = layer.tape.matrix(
                layer.prefix + "inputWeightsTransposed", rows: inputWeights.columns,
                columns: 3 * n)
            wihT.transpose(of: inputWeights)
            dx.gateProduct(wihT, dxi, start: .zero, kernels)
        }
        if let ds0 = layer.initialStateGradient {
            ds0.copy(from: directToInitial)
            ds0.gateProduct(wT, dhh.step(0, batchSize: B), start: .accumulate, kernels)
        }
    }
}
