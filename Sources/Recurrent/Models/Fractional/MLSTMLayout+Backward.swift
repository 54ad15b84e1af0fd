extension MLSTMLayout {
    /// BPTT for MLSTM / MLSTMF. Readout: ∂L/∂C = Σ_t dy_t h_tᵀ, direct δh_t = Cᵀ dy_t. Per layer, top down, for
    /// t = T … 1, with δh_t += W_hhᵀ dZ_{t+1} + W_hdᵀ g^d_{t+1} and δd_t = W_ddᵀ g^d_{t+1} from step t + 1, and δc_t
    /// holding the history terms −w_j(d_{t+j}) δc_{t+j} already scattered back by the later steps:
    ///
    ///     δc_t += δh_t⊙o_t⊙(1 − tanh²c_t)
    ///     dZ_i = δc_t⊙c̃_t⊙i(1 − i),  dZ_c̃ = δc_t⊙i_t⊙(1 − c̃²),  dZ_o = δh_t⊙tanh c_t⊙o(1 − o)
    ///     g^d_t = (δd_t + δc_t⊙∂c_t/∂d_t)⊙d_t(1 − 2d_t)
    ///     δc_{t−j} −= w_j(d_t)⊙δc_t, j = 1 … K      (into ∂L/∂s_0's cell rows for t − j ≤ 0)
    ///
    /// then ∂L/∂W_ih = Σ dZ x_tᵀ, ∂L/∂W_hh = Σ dZ h_{t−1}ᵀ, ∂L/∂b = Σ dZ, ∂L/∂W_xd = Σ g^d x_tᵀ,
    /// ∂L/∂[W_hd|W_dd] = Σ g^d (h_{t−1}, d_{t−1})ᵀ, ∂L/∂b_d = Σ g^d (one `gemm` each), MLSTMF's
    /// ∂L/∂θ_d = d(1 − 2d)⊙Σ_t δc_t⊙∂c_t/∂d; ∂L/∂x_t = W_ihᵀ dZ_t + W_xdᵀ g^d_t (the δh of the layer below).
    func backwardPass<A: RecurrentAlgebra>(_ pass: BackwardPass<A>) {
        let n = hiddenSize, T = pass.steps, B = pass.batchSize, L = layerCount
        let p = pass.parameters, g = pass.parameterGradient, tape = pass.tape
        let dy = pass.outputGradient
        let top = tape.layerStates[L - 1].rows(0..<n).columns(B..<((T + 1) * B))
        AlgebraMatrix(readoutWeights, of: g).multiply(dy, top, transposeB: true, beta: 1)
        dy.addRowSums(into: AlgebraMatrix(readoutBias, of: g))
        var dh = tape.matrix("readout.hiddenGradient", rows: n, columns: T * B)
        dh.multiply(AlgebraMatrix(readoutWeights, of: p), transposeA: true, dy)
        for l in stride(from: L - 1, through: 0, by: -1) {
            let input = l == 0 ? pass.inputs : tape.layerStates[l - 1].rows(0..<n).columns(B..<((T + 1) * B))
            let dx: AlgebraMatrix<A>? =
                l == 0
                ? pass.inputGradient : tape.matrix("layer\(l).inputGradient", rows: n, columns: T * B)
            backwardLayer(
                l, parameters: p, gradient: g, input: input, hiddenGradient: dh, inputGradient: dx,
                initialStateGradient: pass.initialStateGradients?[l], steps: T, batchSize: B, tape: tape)
            if let dx, l > 0 { dh = dx }
        }
    }

    private func backwardLayer<A: RecurrentAlgebra>(
        _ l: Int, parameters p: AlgebraMatrix<A>, gradient g: AlgebraMatrix<A>, input: AlgebraMatrix<A>,
        hiddenGradient dh: AlgebraMatrix<A>, inputGradient dx: AlgebraMatrix<A>?,
        initialStateGradient ds0: AlgebraMatrix<A>?, steps T: Int, batchSize B: Int, tape: RecurrentTape<A>
    ) {
        let n = hiddenSize, K = window, c0 = cellRow
        let groups = layers[l]
        let prefix = "layer\(l)."
        let states = tape.layerStates[l]
        let gates = tape.matrix(prefix + "gates", rows: 3 * n, columns: T * B)
        let tanhC = tape.matrix(prefix + "tanhC", rows: n, columns: T * B)
        let slope = tape.matrix(prefix + "cellSlope", rows: n, columns: T * B)
        let table = tape.matrix(prefix + "filterWeights", rows: K, columns: dynamicOrder ? 0 : n)
        let dz = tape.matrix(prefix + "gateGradient", rows: 3 * n, columns: T * B)
        let dc = tape.matrix(prefix + "cellGradient", rows: n, columns: T * B, zeroed: true)
        let gd = tape.matrix(prefix + "orderGradient", rows: dynamicOrder ? n : 0, columns: T * B)
        let orderSum = tape.matrix(prefix + "orderSum", rows: n, columns: 1, zeroed: true)
        let weight = tape.matrix(prefix + "tapWeight", rows: n, columns: dynamicOrder ? B : 0)
        let whh = AlgebraMatrix(groups.gateRecurrent, of: p)
        let whd = groups.orderRecurrent.map { AlgebraMatrix($0, of: p) }
        let wdd = groups.orderRecurrent.map {
            AlgebraMatrix<A>(base: A.advance(p.base, by: $0.range.lowerBound + n * n), rows: n, columns: n)
        }
        if let ds0 { ds0.setZero() }
        for t in stride(from: T, through: 1, by: -1) {
            let dht = dh.step(t - 1, batchSize: B)
            if t < T { dht.multiply(whh, transposeA: true, dz.step(t, batchSize: B), beta: 1) }
            let gdt = gd.step(t - 1, batchSize: B)
            if let whd, let wdd {
                if t < T {
                    let next = gd.step(t, batchSize: B)
                    dht.multiply(whd, transposeA: true, next, beta: 1)
                    gdt.multiply(wdd, transposeA: true, next)
                } else {
                    gdt.setZero()
                }
            }
            let z = gates.step(t - 1, batchSize: B)
            let dzt = dz.step(t - 1, batchSize: B)
            let tc = tanhC.step(t - 1, batchSize: B), st = slope.step(t - 1, batchSize: B)
            let current = states.step(t, batchSize: B)
            let dct = dc.step(t - 1, batchSize: B)
            for b in 0..<B {
                for k in 0..<n {
                    let ig = z[k, b], cg = z[n + k, b], og = z[2 * n + k, b]
                    let th = tc[k, b]
                    let d = dht[k, b]
                    let dcell = dct[k, b] + d * og * (1 - th * th)
                    dzt[k, b] = dcell * cg * ig * (1 - ig)
                    dzt[n + k, b] = dcell * ig * (1 - cg * cg)
                    dzt[2 * n + k, b] = d * th * og * (1 - og)
                    dct[k, b] = dcell
                    if dynamicOrder {
                        let dv = current[n + k, b]
                        gdt[k, b] = (gdt[k, b] + dcell * st[k, b]) * (dv * (1 - 2 * dv))
                    } else {
                        orderSum[k] += dcell * st[k, b]
                    }
                }
            }
            // δc_{t−j} −= w_j(d_t)⊙δc_t, j = 1 … K: into step t − j, or (t − j ≤ 0) the initial state's cell block
            // j − t (block 0 = c_0, block m = c_{−m}).
            let last = ds0 != nil ? K : min(K, t - 1)
            let target = { (j: Int) -> AlgebraMatrix<A>? in
                if t - j >= 1 { return dc.step(t - j - 1, batchSize: B) }
                return ds0?.rows((c0 + (j - t) * n)..<(c0 + (j - t + 1) * n))
            }
            if dynamicOrder {
                FractionalFilterKernels.scatter(
                    orders: current.rows(n..<(2 * n)), last: last, gradient: dct, sign: -1,
                    weight: weight, target: target)
            } else {
                FractionalFilterKernels.scatter(table: table, last: last, gradient: dct, sign: -1, target: target)
            }
        }
        // Weight gradients over all steps.
        let previous = states.columns(0..<(T * B))
        AlgebraMatrix(groups.gateInput, of: g).multiply(dz, input, transposeB: true, beta: 1)
        AlgebraMatrix(groups.gateRecurrent, of: g).multiply(dz, previous.rows(0..<n), transposeB: true, beta: 1)
        dz.addRowSums(into: AlgebraMatrix(groups.gateBias, of: g))
        if let orderInput = groups.orderInput, let orderRecurrent = groups.orderRecurrent {
            AlgebraMatrix(orderInput, of: g).multiply(gd, input, transposeB: true, beta: 1)
            AlgebraMatrix(orderRecurrent, of: g, columns: 2 * n).multiply(
                gd, previous.rows(0..<(2 * n)), transposeB: true, beta: 1)
            gd.addRowSums(into: AlgebraMatrix(groups.order, of: g))
        } else {
            let theta = AlgebraMatrix(groups.order, of: p), gt = AlgebraMatrix(groups.order, of: g)
            for k in 0..<n {
                let dv = 0.5 * theta[k].sigmoid()
                gt[k] += orderSum[k] * (dv * (1 - 2 * dv))
            }
        }
        if let dx {
            dx.multiply(AlgebraMatrix(groups.gateInput, of: p), transposeA: true, dz)
            if let orderInput = groups.orderInput {
                dx.multiply(AlgebraMatrix(orderInput, of: p), transposeA: true, gd, beta: 1)
            }
        }
        if let ds0 {
            let first = dz.step(0, batchSize: B)
            ds0.rows(0..<n).multiply(whh, transposeA: true, first)
            if let whd, let wdd {
                let firstOrder = gd.step(0, batchSize: B)
                ds0.rows(0..<n).multiply(whd, transposeA: true, firstOrder, beta: 1)
                ds0.rows(n..<(2 * n)).multiply(wdd, transposeA: true, firstOrder)
            }
        }
    }
}
