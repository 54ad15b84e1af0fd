extension LSTM {
    /// BPTT for one layer. With δh_t = ∂L/∂h_t (direct + W_hhᵀ dZ_{t+1}) and the carried δc (from step t+1:
    /// δc_{t+1} ⊙ f_{t+1}):
    ///
    ///     δc = δc_carry + δh ⊙ o ⊙ (1 − tanh²c_t)
    ///     dZ_i = δc ⊙ g ⊙ i(1 − i),  dZ_f = δc ⊙ c_{t−1} ⊙ f(1 − f),  dZ_g = δc ⊙ i ⊙ (1 − g²),
    ///     dZ_o = δh ⊙ tanh c_t ⊙ o(1 − o),  δc_carry ← δc ⊙ f
    ///
    /// then ∂L/∂W_hh = Σ_t dZ_t h_{t−1}ᵀ, ∂L/∂W_ih = Σ_t dZ_t x_tᵀ, ∂L/∂b = Σ_t dZ_t (one product each over all
    /// steps), ∂L/∂x_t = W_ihᵀ dZ_t, ∂L/∂h_0 = W_hhᵀ dZ_1, ∂L/∂c_0 = δc_carry after step 1. The products with
    /// W_hhᵀ and W_ihᵀ use explicitly transposed copies (made once per pass), so that every product has the
    /// A·op(B) form of the ``GateKernels`` products.
    static func backwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerBackward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let s = layer.states
        let dh = layer.hiddenGradient
        let gates = layer.tape.matrix(layer.prefix + "gates", rows: 4 * n, columns: T * B)
        let tanhC = layer.tape.matrix(layer.prefix + "tanhC", rows: n, columns: T * B)
        let dz = layer.tape.matrix(layer.prefix + "gateGradient", rows: 4 * n, columns: T * B)
        let dcCarry = layer.tape.matrix(layer.prefix + "cellGradient", rows: n, columns: B, zeroed: true)
        let kernels = layer.kernels
        let wT = layer.tape.matrix(layer.prefix + "recurrentWeightsTransposed", rows: n, columns: 4 * n)
        wT.transpose(of: layer.weights.recurrentWeights)
        for t in stride(from: T, through: 1, by: -1) {
            let dht = dh.step(t - 1, batchSize: B)
            if t < T { dht.gateProduct(wT, dz.step(t, batchSize: B), start: .accumulate, kernels) }
            let z = gates.step(t - 1, batchSize: B)
            let dzt = dz.step(t - 1, batchSize: B)
            let tc = tanhC.step(t - 1, batchSize: B)
            let previous = s.step(t - 1, batchSize: B)
            if kernels == .vectorised
                && CellKernels.lstmBackward(
                    n: n, batch: B, gates: z, tanhCell: tc, cellPrevious: previous.rows(n..<(2 * n)),
                    hiddenGradient: dht, cellCarry: dcCarry, gateGradient: dzt)
            {
                continue
            }
            // Generic elementwise step (the source of truth of the fused kernel above).
            let zi = z.rows(0..<n), zf = z.rows(n..<(2 * n)), zg = z.rows((2 * n)..<(3 * n))
            let zo = z.rows((3 * n)..<(4 * n)), cPrevious = previous.rows(n..<(2 * n))
            let di = dzt.rows(0..<n), df = dzt.rows(n..<(2 * n)), dg = dzt.rows((2 * n)..<(3 * n))
            let dout = dzt.rows((3 * n)..<(4 * n))
            for j in 0..<B {
                for k in 0..<n {
                    let ig = zi[k, j], fg = zf[k, j], gg = zg[k, j], og = zo[k, j]
                    let th = tc[k, j]
                    let d = dht[k, j]
                    let dc = dcCarry[k, j] + d * og * (1 - th * th)
                    di[k, j] = dc * gg * ig * (1 - ig)
                    df[k, j] = dc * cPrevious[k, j] * fg * (1 - fg)
                    dg[k, j] = dc * ig * (1 - gg * gg)
                    dout[k, j] = d * th * og * (1 - og)
                    dcCarry[k, j] = dc * fg
                }
            }
        }
        let grads = layer.gradients
        grads.recurrentWeights.gateProduct(
            dz, s.rows(0..<n).columns(0..<(T * B)), transposeB: true,
            start: .accumulate, kernels)
        grads.inputWeights.gateProduct(dz, layer.input, transposeB: true, start: .accumulate, kernels)
        // ∂L/∂b_ih = ∂L/∂b_hh = Σ_t dZ_t: summed once (columns in order), then added to both.
        let biasGradient = layer.tape.matrix(layer.prefix + "biasGradient", rows: 4 * n, columns: 1, zeroed: true)
        dz.addGateRowSums(into: biasGradient, kernels)
        grads.inputBias.add(biasGradient)
        grads.recurrentBias.add(biasGradient)
        if let dx = layer.inputGradient {
            let inputWeights = layer.weights.inputWeights
            let wihT = layer.tape.matrix(
                layer.prefix + "inputWeightsTransposed", rows: inputWeights.columns,
                columns: 4 * n)
            wihT.transpose(of: inputWeights)
            dx.gateProduct(wihT, dz, start: .zero, kernels)
        }
        if let ds0 = layer.initialStateGradient {
            ds0.rows(0..<n).gateProduct(wT, dz.step(0, batchSize: B), start: .zero, kernels)
            ds0.rows(n..<(2 * n)).copy(from: dcCarry)
        }
    }
}
