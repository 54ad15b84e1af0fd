extension LinearRNN {
    /// BPTT for the stacked linear RNN. Readout: ∂L/∂C = Σ_t dy_t h_tᵀ, direct δ_t = Cᵀ dy_t. Per layer (top
    /// down): δ_t ← δ_t + A_ℓᵀ δ_{t+1} for t = T−1 … 1 (per head), then ∂L/∂A_ℓ,k = Σ_t δ_t h_{t−1}ᵀ restricted to
    /// head k's rows and columns, ∂L/∂B_ℓ = Σ_t δ_t u_tᵀ, ∂L/∂u_t = B_ℓᵀ δ_t (the direct δ of the layer below, or
    /// ∂L/∂x_t), ∂L/∂h_0 = A_ℓᵀ δ_1. Finally the skip term adds ∂L/∂D and Dᵀ dy_t to ∂L/∂x_t. Every sum over time is
    /// one `gemm` over all T·B columns.
    func backwardPass<A: RecurrentAlgebra>(_ pass: BackwardPass<A>) {
        let N = layout.hiddenSize, n = layout.headSize, T = pass.steps, B = pass.batchSize, L = layout.layerCount
        let p = pass.parameters, g = pass.parameterGradient, tape = pass.tape
        let dy = pass.outputGradient
        let top = tape.layerStates[L - 1].columns(B..<((T + 1) * B))
        AlgebraMatrix(layout.readout, of: g).multiply(dy, top, transposeB: true, beta: 1)
        var delta = tape.matrix("layer\(L - 1).stateGradient", rows: N, columns: T * B)
        delta.multiply(AlgebraMatrix(layout.readout, of: p), transposeA: true, dy)
        for l in stride(from: L - 1, through: 0, by: -1) {
            let states = tape.layerStates[l]
            for t in stride(from: T - 1, through: 1, by: -1) {
                let dt = delta.step(t - 1, batchSize: B), next = delta.step(t, batchSize: B)
                for k in 0..<layout.headCount {
                    let rows = (k * n)..<((k + 1) * n)
                    dt.rows(rows).multiply(layout.head(p, layer: l, k), transposeA: true, next.rows(rows), beta: 1)
                }
            }
            let previous = states.columns(0..<(T * B))
            for k in 0..<layout.headCount {
                let rows = (k * n)..<((k + 1) * n)
                layout.head(g, layer: l, k).multiply(delta.rows(rows), previous.rows(rows), transposeB: true, beta: 1)
            }
            if let ds0 = pass.initialStateGradients?[l] {
                let first = delta.step(0, batchSize: B)
                for k in 0..<layout.headCount {
                    let rows = (k * n)..<((k + 1) * n)
                    ds0.rows(rows).multiply(layout.head(p, layer: l, k), transposeA: true, first.rows(rows))
                }
            }
            let input = l == 0 ? pass.inputs : tape.layerStates[l - 1].columns(B..<((T + 1) * B))
            let bView = AlgebraMatrix(layout.layers[l].input, of: p)
            AlgebraMatrix(layout.layers[l].input, of: g).multiply(delta, input, transposeB: true, beta: 1)
            if l > 0 {
                let below = tape.matrix("layer\(l - 1).stateGradient", rows: N, columns: T * B)
                below.multiply(bView, transposeA: true, delta)
                delta = below
            } else if let dx = pass.inputGradient {
                dx.multiply(bView, transposeA: true, delta)
            }
        }
        layout.skip.addBackward(
            d: layout.skipGroup.map { AlgebraMatrix($0, of: p) },
            gradientD: layout.skipGroup.map { AlgebraMatrix($0, of: g) },
            x: pass.inputs, dy: dy, dx: pass.inputGradient)
    }
}
