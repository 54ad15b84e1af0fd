extension MLSTMLayout {
    /// Forward pass of MLSTM / MLSTMF (Zhao et al. 2020, ICML, §4), layer by layer, then the readout:
    ///
    ///     d_t = ½σ(W_xd x_t + W_hd h_{t−1} + W_dd d_{t−1} + b_d)      (MLSTMF: d = ½σ(θ_d))
    ///     [i; c̃; o] = W_ih x_t + W_hh h_{t−1} + b,   i, o = σ(·), c̃ = tanh(·)
    ///     c_t = −Σ_{j=1}^{K} w_j(d_t)⊙c_{t−j} + i_t⊙c̃_t,   h_t = o_t⊙tanh(c_t),   y_t = C h_t + c
    ///
    /// (x_t is the lower layer's h_t for ℓ ≥ 1.) Input-only terms for all steps at once (one `gemm` each); per step
    /// one `gemm` for the gates and one for d on the state rows (h, d). The fractional sum advances w_j(d_t)
    /// and ∂w_j/∂d tap by tap over N × B blocks (``FractionalFilterKernels``; MLSTMF: tabulated once per unit).
    /// The cell history shifts by one block per step (a copy of (K − 1)·N·B numbers). Kept for the backward pass:
    /// the activated gates, tanh(c_t) and the slope ∂c_t/∂d_t = −Σ_j w′_j(d_t) c_{t−j}.
    func forwardPass<A: RecurrentAlgebra>(_ pass: ForwardPass<A>) {
        let n = hiddenSize, T = pass.steps, B = pass.batchSize, S = layerStateSize
        var input = pass.inputs
        for l in 0..<layerCount {
            let states = pass.tape.matrix("layer\(l).states", rows: S, columns: (T + 1) * B)
            let s0 = states.columns(0..<B)
            if let initial = pass.initialStates { s0.copy(from: initial[l]) } else { s0.setZero() }
            forwardLayer(
                l, parameters: pass.parameters, input: input, states: states, steps: T, batchSize: B,
                tape: pass.tape)
            pass.tape.layerStates.append(states)
            input = states.rows(0..<n).columns(B..<((T + 1) * B))
        }
        let y = pass.tape.matrix("readout.outputs", rows: outputSize, columns: T * B)
        y.fillColumns(with: AlgebraMatrix(readoutBias, of: pass.parameters))
        y.multiply(AlgebraMatrix(readoutWeights, of: pass.parameters), input, beta: 1)
        pass.tape.outputs = y
    }

    private func forwardLayer<A: RecurrentAlgebra>(
        _ l: Int, parameters p: AlgebraMatrix<A>, input: AlgebraMatrix<A>, states: AlgebraMatrix<A>, steps T: Int,
        batchSize B: Int, tape: RecurrentTape<A>
    ) {
        let n = hiddenSize, K = window, c0 = cellRow
        let groups = layers[l]
        let prefix = "layer\(l)."
        let body = states.columns(B..<((T + 1) * B))
        let gates = tape.matrix(prefix + "gates", rows: 3 * n, columns: T * B)
        gates.fillColumns(with: AlgebraMatrix(groups.gateBias, of: p))
        gates.multiply(AlgebraMatrix(groups.gateInput, of: p), input, beta: 1)
        if let orderInput = groups.orderInput {
            let dBody = body.rows(n..<(2 * n))
            dBody.fillColumns(with: AlgebraMatrix(groups.order, of: p))
            dBody.multiply(AlgebraMatrix(orderInput, of: p), input, beta: 1)
        }
        let tanhC = tape.matrix(prefix + "tanhC", rows: n, columns: T * B)
        let slope = tape.matrix(prefix + "cellSlope", rows: n, columns: T * B)
        let table = tape.matrix(prefix + "filterWeights", rows: K, columns: dynamicOrder ? 0 : n)
        let tableSlope = tape.matrix(prefix + "filterWeightDerivatives", rows: K, columns: dynamicOrder ? 0 : n)
        if !dynamicOrder {
            let theta = AlgebraMatrix(groups.order, of: p)
            for k in 0..<n {
                var r = FractionalWeightRecursion(order: 0.5 * theta[k].sigmoid())
                for j in 0..<K {
                    r.advance()
                    table[j, k] = r.weight
                    tableSlope[j, k] = r.derivative
                }
            }
        }
        let weight = tape.matrix(prefix + "tapWeight", rows: n, columns: dynamicOrder ? B : 0)
        let weightSlope = tape.matrix(prefix + "tapWeightSlope", rows: n, columns: dynamicOrder ? B : 0)
        let whh = AlgebraMatrix(groups.gateRecurrent, of: p)
        let orderMatrix = groups.orderRecurrent.map { AlgebraMatrix($0, of: p, columns: 2 * n) }
        for t in 1...T {
            let previous = states.step(t - 1, batchSize: B), current = states.step(t, batchSize: B)
            let z = gates.step(t - 1, batchSize: B)
            z.multiply(whh, previous.rows(0..<n), beta: 1)
            z.rows(0..<n).applySigmoid()
            z.rows(n..<(2 * n)).applyTanh()
            z.rows((2 * n)..<(3 * n)).applySigmoid()
            if let orderMatrix {
                let dt = current.rows(n..<(2 * n))
                dt.multiply(orderMatrix, previous.rows(0..<(2 * n)), beta: 1)
                for j in 0..<B { for k in 0..<n { dt[k, j] = 0.5 * dt[k, j].sigmoid() } }
            }
            let tc = tanhC.step(t - 1, batchSize: B), st = slope.step(t - 1, batchSize: B)
            // Σ_j w_j c_{t−j} (into tc) and Σ_j w′_j c_{t−j} (into st): c_{t−j} is cell block j − 1 of s_{t−1}.
            let tap = { (j: Int) in previous.rows((c0 + (j - 1) * n)..<(c0 + j * n)) }
            if dynamicOrder {
                FractionalFilterKernels.sweep(
                    orders: current.rows(n..<(2 * n)), taps: K, tap: tap, sum: tc,
                    slope: st, weight: weight, weightSlope: weightSlope)
            } else {
                FractionalFilterKernels.sweep(
                    table: table, tableSlope: tableSlope, taps: K, tap: tap, sum: tc, slope: st)
            }
            for b in 0..<B {
                for k in 0..<n {
                    let c = z[k, b] * z[n + k, b] - tc[k, b]
                    current[c0 + k, b] = c
                    tc[k, b] = c
                    st[k, b] = -st[k, b]
                }
            }
            tc.applyTanh()
            for b in 0..<B { for k in 0..<n { current[k, b] = z[2 * n + k, b] * tc[k, b] } }
            // Cell history: (c_{t−1}, …, c_{t−K+1}) ← the K − 1 newest cells of s_{t−1}.
            if K >= 2 {
                current.rows((c0 + n)..<(c0 + K * n)).copy(from: previous.rows(c0..<(c0 + (K - 1) * n)))
            }
        }
    }
}
