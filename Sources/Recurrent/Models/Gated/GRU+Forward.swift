extension GRU {
    /// One layer over all steps. Input projections Xi = W_ih X + b_ih (one product for all steps, or per step on
    /// the vectorised path); per
    /// step the recurrent projections Hh_t = W_hh h_{t−1} + b_hh (kept: the backward pass needs W_hn h + b_hn),
    /// then the gates, with σ and tanh applied over whole gate blocks. The activated gates (r, z, n) overwrite
    /// Xi. Products go through ``GateKernels``; with vectorised kernels the elementwise step is one fused call
    /// (``CellKernels``), otherwise the generic loops below run (the source of truth the kernel follows operation
    /// by operation).
    static func forwardLayer<A: RecurrentAlgebra>(_ layer: GatedLayerForward<A>) {
        let n = layer.hiddenSize, T = layer.steps, B = layer.batchSize
        let h = layer.states
        let gates = layer.tape.matrix(layer.prefix + "gates", rows: 3 * n, columns: T * B)
        let hidden = layer.tape.matrix(layer.prefix + "recurrentProjection", rows: 3 * n, columns: T * B)
        let kernels = layer.kernels
        // Input projections per step on the vectorised path (cache locality, as in the LSTM), one product over all
        // steps on the generic path.
        let inputPerStep = kernels == .vectorised
        if !inputPerStep {
            gates.gateProduct(layer.weights.inputWeights, layer.input, start: .column(layer.weights.inputBias), kernels)
        }
        for t in 1...T {
            let xi = gates.step(t - 1, batchSize: B)
            if inputPerStep {
                xi.gateProduct(
                    layer.weights.inputWeights, layer.input.step(t - 1, batchSize: B),
                    start: .column(layer.weights.inputBias), kernels)
            }
            let hh = hidden.step(t - 1, batchSize: B)
            let previous = h.step(t - 1, batchSize: B)
            let current = h.step(t, batchSize: B)
            hh.gateProduct(
                layer.weights.recurrentWeights, previous, start: .column(layer.weights.recurrentBias),
                kernels)
            if kernels == .vectorised
                && CellKernels.gruForward(
                    n: n, batch: B, inputProjection: xi, recurrentProjection: hh, hiddenPrevious: previous,
                    hidden: current)
            {
                continue
            }
            // Generic elementwise step (the source of truth of the fused kernel above).
            let xr = xi.rows(0..<n), xz = xi.rows(n..<(2 * n)), xn = xi.rows((2 * n)..<(3 * n))
            let hr = hh.rows(0..<n), hz = hh.rows(n..<(2 * n)), hn = hh.rows((2 * n)..<(3 * n))
            for j in 0..<B {
                for k in 0..<n {
                    xr[k, j] = xr[k, j] + hr[k, j]
                    xz[k, j] = xz[k, j] + hz[k, j]
                }
            }
            xi.rows(0..<(2 * n)).applySigmoid()
            for j in 0..<B { for k in 0..<n { xn[k, j] = xn[k, j] + xr[k, j] * hn[k, j] } }
            xn.applyTanh()
            for j in 0..<B {
                for k in 0..<n {
                    let z = xz[k, j]
                    current[k, j] = (1 - z) * xn[k, j] + z * previous[k, j]
                }
            }
        }
    }
}
