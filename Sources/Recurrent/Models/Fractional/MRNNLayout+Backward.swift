extension MRNNLayout {
    /// BPTT for MRNN / MRNNF. Readout: g_z = ∂L/∂y_t (⊙ (1 − y_t²) with the output tanh), ∂L/∂[W_hz|W_mz] =
    /// Σ_t g_z (h_t, m_t)ᵀ, direct (δh_t, δm_t) = [W_hz|W_mz]ᵀ g_z. Then for t = T … 1, with the carries from t + 1
    /// added (δh_t += W_hhᵀ g^h_{t+1} + W_hdᵀ g^d_{t+1}, δm_t += W_mmᵀ g^m_{t+1} + W_mdᵀ g^d_{t+1},
    /// δd_t = W_ddᵀ g^d_{t+1}):
    ///
    ///     g^h_t = (1 − h_t²)⊙δh_t,   g^m_t = (1 − m_t²)⊙δm_t,   δf_t = W_fmᵀ g^m_t,
    ///     g^d_t = (δd_t + δf_t ⊙ ∂f_t/∂d_t) ⊙ d_t(1 − 2d_t)        (½σ′ = d(1 − 2d))
    ///
    /// and the pre-activation gradients overwrite δ in place. Weight gradients are one `gemm` each over all steps;
    /// MRNNF's ∂L/∂b_d = d(1 − 2d)⊙Σ_t δf_t⊙∂f_t/∂d; MRNNW's ∂L/∂w_j = Σ_t δf_t⊙x_{t+1−j}. Only when requested: ∂L/∂x_t = W_xhᵀ g^h_t + W_xdᵀ g^d_t +
    /// Σ_{j} w_j(d_{t+j−1}) δf_{t+j−1} (filter taps scattered back, O(K) each) and ∂L/∂s_0 (h, m, d rows as above,
    /// the input history from the taps that reach before t = 1).
    func backwardPass<A: RecurrentAlgebra>(_ pass: BackwardPass<A>) {
        let n = hiddenSize, dIn = inputSize, K = window, T = pass.steps, B = pass.batchSize
        let dRow = orderRow, xRow = historyRow
        let p = pass.parameters, g = pass.parameterGradient, tape = pass.tape
        let states = tape.layerStates[0]
        let body = states.columns(B..<((T + 1) * B))
        let previousStates = states.columns(0..<(T * B))
        let filtered = tape.matrix("layer0.filtered", rows: dIn, columns: T * B)
        let slope = tape.matrix("layer0.filterSlope", rows: dIn, columns: freeFilter ? 0 : T * B)
        let table =
            freeFilter
            ? AlgebraMatrix(orderBias, of: p)
            : tape.matrix("layer0.filterWeights", rows: K, columns: dynamicOrder ? 0 : dIn)

        // Readout.
        var gz = pass.outputGradient
        if outputTanh {
            guard let y = tape.outputs else { preconditionFailure("MRNN backward: forward outputs missing") }
            let buffer = tape.matrix("readout.preactivationGradient", rows: outputSize, columns: T * B)
            for j in 0..<(T * B) {
                for i in 0..<outputSize {
                    let v = y[i, j]
                    buffer[i, j] = (1 - v * v) * gz[i, j]
                }
            }
            gz = buffer
        }
        let readout = AlgebraMatrix(readoutWeights, of: p, columns: 2 * n)
        AlgebraMatrix(readoutWeights, of: g, columns: 2 * n).multiply(
            gz, body.rows(0..<(2 * n)), transposeB: true, beta: 1)
        gz.addRowSums(into: AlgebraMatrix(readoutBias, of: g))

        // δ for the rows (h, m[, d]); overwritten in place by the pre-activation gradients (g^h, g^m[, g^d]).
        let R = dynamicOrder ? 2 * n + dIn : 2 * n
        let delta = tape.matrix("layer0.stateGradient", rows: R, columns: T * B)
        delta.rows(0..<(2 * n)).multiply(readout, transposeA: true, gz)
        if dynamicOrder { delta.rows(dRow..<R).setZero() }
        let filterGradient = tape.matrix("layer0.filterGradient", rows: dIn, columns: T * B)
        let orderSum = tape.matrix("layer0.orderGradient", rows: dIn, columns: 1, zeroed: true)
        let whh = AlgebraMatrix(hiddenRecurrent, of: p), wmm = AlgebraMatrix(memoryRecurrent, of: p),
            wfm = AlgebraMatrix(memoryInput, of: p)
        let orderMatrix = orderRecurrent.map { AlgebraMatrix($0, of: p, columns: 2 * n + dIn) }
        for t in stride(from: T, through: 1, by: -1) {
            let dt = delta.step(t - 1, batchSize: B)
            if t < T {
                let next = delta.step(t, batchSize: B)
                dt.rows(0..<n).multiply(whh, transposeA: true, next.rows(0..<n), beta: 1)
                dt.rows(n..<(2 * n)).multiply(wmm, transposeA: true, next.rows(n..<(2 * n)), beta: 1)
                if let orderMatrix { dt.multiply(orderMatrix, transposeA: true, next.rows(dRow..<R), beta: 1) }
            }
            let current = body.step(t - 1, batchSize: B)
            for j in 0..<B {
                for i in 0..<(2 * n) {
                    let v = current[i, j]
                    dt[i, j] = (1 - v * v) * dt[i, j]
                }
            }
            let df = filterGradient.step(t - 1, batchSize: B)
            df.multiply(wfm, transposeA: true, dt.rows(n..<(2 * n)))
            if freeFilter {
                // ∂L/∂w_j += Σ_b δf_t ⊙ x_{t+1−j}: tap 1 is x_t, tap j ≥ 2 the history block j − 2 of s_{t−1}.
                let previous = previousStates.step(t - 1, batchSize: B), xt = pass.inputs.step(t - 1, batchSize: B)
                FractionalFilterKernels.accumulateWeightGradient(
                    taps: K,
                    tap: { j in j == 1 ? xt : previous.rows((xRow + (j - 2) * dIn)..<(xRow + (j - 1) * dIn)) },
                    filterGradient: df, into: AlgebraMatrix(orderBias, of: g))
                continue
            }
            let st = slope.step(t - 1, batchSize: B)
            if dynamicOrder {
                for j in 0..<B {
                    for i in 0..<dIn {
                        let dv = current[dRow + i, j]
                        dt[dRow + i, j] = (dt[dRow + i, j] + df[i, j] * st[i, j]) * (dv * (1 - 2 * dv))
                    }
                }
            } else {
                for j in 0..<B { for i in 0..<dIn { orderSum[i] += df[i, j] * st[i, j] } }
            }
        }

        // Weight gradients over all steps.
        let gh = delta.rows(0..<n), gm = delta.rows(n..<(2 * n))
        AlgebraMatrix(hiddenRecurrent, of: g).multiply(gh, previousStates.rows(0..<n), transposeB: true, beta: 1)
        AlgebraMatrix(hiddenInput, of: g).multiply(gh, pass.inputs, transposeB: true, beta: 1)
        gh.addRowSums(into: AlgebraMatrix(hiddenBias, of: g))
        AlgebraMatrix(memoryRecurrent, of: g).multiply(gm, previousStates.rows(n..<(2 * n)), transposeB: true, beta: 1)
        AlgebraMatrix(memoryInput, of: g).multiply(gm, filtered, transposeB: true, beta: 1)
        gm.addRowSums(into: AlgebraMatrix(memoryBias, of: g))
        if let orderRecurrent, let orderInput {
            let gd = delta.rows(dRow..<R)
            AlgebraMatrix(orderRecurrent, of: g, columns: 2 * n + dIn)
                .multiply(gd, previousStates.rows(0..<(2 * n + dIn)), transposeB: true, beta: 1)
            AlgebraMatrix(orderInput, of: g).multiply(gd, pass.inputs, transposeB: true, beta: 1)
            gd.addRowSums(into: AlgebraMatrix(orderBias, of: g))
        } else if !freeFilter {
            let b = AlgebraMatrix(orderBias, of: p), gb = AlgebraMatrix(orderBias, of: g)
            for i in 0..<dIn {
                let dv = 0.5 * b[i].sigmoid()
                gb[i] += orderSum[i] * (dv * (1 - 2 * dv))
            }
        }

        // Input and initial-state gradients (only on request).
        let dx = pass.inputGradient
        let ds0 = pass.initialStateGradients?[0]
        if let dx {
            dx.multiply(AlgebraMatrix(hiddenInput, of: p), transposeA: true, gh)
            if let orderInput {
                dx.multiply(AlgebraMatrix(orderInput, of: p), transposeA: true, delta.rows(dRow..<R), beta: 1)
            }
        }
        if let ds0 {
            let first = delta.step(0, batchSize: B)
            ds0.rows(0..<n).multiply(whh, transposeA: true, first.rows(0..<n))
            ds0.rows(n..<(2 * n)).multiply(wmm, transposeA: true, first.rows(n..<(2 * n)))
            if let orderMatrix {
                ds0.rows(dRow..<(dRow + dIn)).setZero()
                ds0.rows(0..<(2 * n + dIn)).multiply(orderMatrix, transposeA: true, first.rows(dRow..<R), beta: 1)
            }
            if K >= 2 { ds0.rows(xRow..<(xRow + (K - 1) * dIn)).setZero() }
        }
        guard dx != nil || (ds0 != nil && K >= 2) else { return }
        // Filter taps: f_t depends on x_{t+1−j} with weight w_j(d_t); τ = t + 1 − j ≤ 0 is the initial history
        // block j − t − 1.
        let lastStep = dx != nil ? T : min(T, K - 1)
        let weight = tape.matrix("layer0.tapWeight", rows: dIn, columns: dynamicOrder ? B : 0)
        for t in 1...lastStep {
            let df = filterGradient.step(t - 1, batchSize: B)
            let last = ds0 != nil ? K : min(K, t)
            let target = { (j: Int) -> AlgebraMatrix<A>? in
                let tau = t + 1 - j
                if tau >= 1 { return dx?.step(tau - 1, batchSize: B) }
                return ds0?.rows((xRow + (j - t - 1) * dIn)..<(xRow + (j - t) * dIn))
            }
            if dynamicOrder {
                FractionalFilterKernels.scatter(
                    orders: body.step(t - 1, batchSize: B).rows(dRow..<(dRow + dIn)),
                    last: last, gradient: df, sign: 1, weight: weight, target: target)
            } else {
                FractionalFilterKernels.scatter(table: table, last: last, gradient: df, sign: 1, target: target)
            }
        }
    }
}
