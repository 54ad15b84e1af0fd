extension MRNNLayout {
    /// Forward pass of MRNN / MRNNF (Zhao et al. 2020, ICML, §4), one layer:
    ///
    ///     d_t = ½σ(W_hd h_{t−1} + W_md m_{t−1} + W_dd d_{t−1} + W_xd x_t + b_d)     (MRNNF: d = ½σ(b_d))
    ///     f_t = Σ_{j=1}^{K} w_j(d_t) ⊙ x_{t+1−j}                                     (per input dimension;
    ///                                                                               MRNNW: free w_j)
    ///     m_t = tanh(W_mm m_{t−1} + W_fm f_t + b_m),   h_t = tanh(W_hh h_{t−1} + W_xh x_t + b_h)
    ///     y_t = W_hz h_t + W_mz m_t + b_z                                           (optionally tanh(·))
    ///
    /// The input-only terms (W_xh x_t + b_h, W_xd x_t + b_d) are formed for all steps at once in the state
    /// buffer (one `gemm` each); per step: one `gemm` for h, one for d on the stacked rows (h, m, d), two for m.
    /// The filter advances w_j(d_t) and ∂w_j/∂d tap by tap over whole d × B blocks (``FractionalFilterKernels``,
    /// O(K·d·B) per step; MRNNF tabulates the weights once per pass). Kept for the backward pass: f_t and the slope ∂f_t/∂d_t =
    /// Σ_j w′_j(d_t) x_{t+1−j} (d × T·B each); everything else is in the published states.
    func forwardPass<A: RecurrentAlgebra>(_ pass: ForwardPass<A>) {
        let n = hiddenSize, dIn = inputSize, K = window, T = pass.steps, B = pass.batchSize
        let S = stateSize, dRow = orderRow, xRow = historyRow
        let p = pass.parameters, x = pass.inputs, tape = pass.tape
        let states = tape.matrix("layer0.states", rows: S, columns: (T + 1) * B)
        let s0 = states.columns(0..<B)
        if let initial = pass.initialStates { s0.copy(from: initial[0]) } else { s0.setZero() }
        let body = states.columns(B..<((T + 1) * B))
        let hBody = body.rows(0..<n)
        hBody.fillColumns(with: AlgebraMatrix(hiddenBias, of: p))
        hBody.multiply(AlgebraMatrix(hiddenInput, of: p), x, beta: 1)
        if let orderInput {
            let dBody = body.rows(dRow..<(dRow + dIn))
            dBody.fillColumns(with: AlgebraMatrix(orderBias, of: p))
            dBody.multiply(AlgebraMatrix(orderInput, of: p), x, beta: 1)
        }
        let filtered = tape.matrix("layer0.filtered", rows: dIn, columns: T * B)
        let slope = tape.matrix("layer0.filterSlope", rows: dIn, columns: freeFilter ? 0 : T * B)
        // MRNNF: the K weights and derivatives of each input dimension, once (K × d each). MRNNW: the weights are
        // the parameters w_f themselves (no slope).
        let tabulated = !dynamicOrder && !freeFilter
        let table =
            freeFilter
            ? AlgebraMatrix(orderBias, of: p)
            : tape.matrix("layer0.filterWeights", rows: K, columns: tabulated ? dIn : 0)
        let tableSlope = tape.matrix("layer0.filterWeightDerivatives", rows: K, columns: tabulated ? dIn : 0)
        if tabulated {
            let b = AlgebraMatrix(orderBias, of: p)
            for i in 0..<dIn {
                var r = FractionalWeightRecursion(order: 0.5 * b[i].sigmoid())
                for j in 0..<K {
                    r.advance()
                    table[j, i] = r.weight
                    tableSlope[j, i] = r.derivative
                }
            }
        }
        let weight = tape.matrix("layer0.tapWeight", rows: dIn, columns: dynamicOrder ? B : 0)
        let weightSlope = tape.matrix("layer0.tapWeightSlope", rows: dIn, columns: dynamicOrder ? B : 0)
        let whh = AlgebraMatrix(hiddenRecurrent, of: p), wmm = AlgebraMatrix(memoryRecurrent, of: p),
            wfm = AlgebraMatrix(memoryInput, of: p)
        let bm = AlgebraMatrix(memoryBias, of: p)
        let orderMatrix = orderRecurrent.map { AlgebraMatrix($0, of: p, columns: 2 * n + dIn) }
        for t in 1...T {
            let previous = states.step(t - 1, batchSize: B), current = states.step(t, batchSize: B)
            let xt = x.step(t - 1, batchSize: B)
            let ht = current.rows(0..<n)
            ht.multiply(whh, previous.rows(0..<n), beta: 1)
            ht.applyTanh()
            if let orderMatrix {
                let dt = current.rows(dRow..<(dRow + dIn))
                dt.multiply(orderMatrix, previous.rows(0..<(2 * n + dIn)), beta: 1)
                for j in 0..<B { for i in 0..<dIn { dt[i, j] = 0.5 * dt[i, j].sigmoid() } }
            }
            let ft = filtered.step(t - 1, batchSize: B)
            // Tap j = 1 is x_t, tap j ≥ 2 is x_{t+1−j} = history block j − 2 of s_{t−1}.
            let tap = { (j: Int) in j == 1 ? xt : previous.rows((xRow + (j - 2) * dIn)..<(xRow + (j - 1) * dIn)) }
            if dynamicOrder {
                FractionalFilterKernels.sweep(
                    orders: current.rows(dRow..<(dRow + dIn)), taps: K, tap: tap, sum: ft,
                    slope: slope.step(t - 1, batchSize: B), weight: weight,
                    weightSlope: weightSlope)
            } else if freeFilter {
                FractionalFilterKernels.sweep(table: table, taps: K, tap: tap, sum: ft)
            } else {
                FractionalFilterKernels.sweep(
                    table: table, tableSlope: tableSlope, taps: K, tap: tap, sum: ft,
                    slope: slope.step(t - 1, batchSize: B))
            }
            let mt = current.rows(n..<(2 * n))
            mt.fillColumns(with: bm)
            mt.multiply(wfm, ft, beta: 1)
            mt.multiply(wmm, previous.rows(n..<(2 * n)), beta: 1)
            mt.applyTanh()
            // Input history: (x_t, x_{t−1}, …) ← (x_t, previous history without its oldest block).
            if K >= 2 {
                current.rows(xRow..<(xRow + dIn)).copy(from: xt)
                if K >= 3 {
                    current.rows((xRow + dIn)..<(xRow + (K - 1) * dIn))
                        .copy(from: previous.rows(xRow..<(xRow + (K - 2) * dIn)))
                }
            }
        }
        pass.tape.layerStates.append(states)
        let y = tape.matrix("readout.outputs", rows: outputSize, columns: T * B)
        y.fillColumns(with: AlgebraMatrix(readoutBias, of: p))
        y.multiply(AlgebraMatrix(readoutWeights, of: p, columns: 2 * n), body.rows(0..<(2 * n)), beta: 1)
        if outputTanh { y.applyTanh() }
        pass.tape.outputs = y
    }
}
