extension LinearRNN {
    /// Forward pass of every layer, then the readout. Per layer: the input drive B_ℓ u_t for all steps at once
    /// (one `gemm` into the state blocks 1 … T), then per step h_t ← h_t + A_ℓ h_{t−1} (one `gemm` per head on the
    /// head's rows). Readout y = C h^{L−1} + D x over all steps at once. The states are all the backward pass needs.
    func forwardPass<A: RecurrentAlgebra>(_ pass: ForwardPass<A>) {
        let N = layout.hiddenSize, n = layout.headSize, T = pass.steps, B = pass.batchSize
        let p = pass.parameters
        var input = pass.inputs
        for l in 0..<layout.layerCount {
            let states = pass.tape.matrix("layer\(l).states", rows: N, columns: (T + 1) * B)
            let s0 = states.columns(0..<B)
            if let initial = pass.initialStates { s0.copy(from: initial[l]) } else { s0.setZero() }
            let body = states.columns(B..<((T + 1) * B))
            body.multiply(AlgebraMatrix(layout.layers[l].input, of: p), input)
            for t in 1...T {
                let previous = states.step(t - 1, batchSize: B), current = states.step(t, batchSize: B)
                for k in 0..<layout.headCount {
                    let rows = (k * n)..<((k + 1) * n)
                    current.rows(rows).multiply(layout.head(p, layer: l, k), previous.rows(rows), beta: 1)
                }
            }
            pass.tape.layerStates.append(states)
            input = body
        }
        let y = pass.tape.matrix("readout.outputs", rows: layout.outputSize, columns: T * B)
        y.multiply(AlgebraMatrix(layout.readout, of: p), input)
        layout.skip.addForward(d: layout.skipGroup.map { AlgebraMatrix($0, of: p) }, x: pass.inputs, y: y)
        pass.tape.outputs = y
    }
}
