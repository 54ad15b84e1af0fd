extension ComplexDiagonalLayout {
    /// Forward pass shared by ``ComplexDiagonalRNN`` and ``LRU``. Per layer: λ_j = a_j + ib_j and γ_j from the
    /// parametrization (N values, kept on the tape); the drive z_t = B u_t for all steps at once (two `gemm`s,
    /// Re into rows 0..<N and Im into rows N..<2N of the state blocks 1 … T); then in place, per step, in real pairs
    ///
    ///     Re h_t = a·Re h_{t−1} − b·Im h_{t−1} + γ·Re z_t,   Im h_t = a·Im h_{t−1} + b·Re h_{t−1} + γ·Im z_t.
    ///
    /// Readout y = C_re·Re h − C_im·Im h (= Re(C h)) plus the skip term, over all steps at once.
    func forwardPass<A: RecurrentAlgebra>(_ pass: ForwardPass<A>) {
        let N = hiddenSize, T = pass.steps, B = pass.batchSize
        let p = pass.parameters, tape = pass.tape
        var input = pass.inputs
        for l in 0..<layerCount {
            let states = tape.matrix("layer\(l).states", rows: 2 * N, columns: (T + 1) * B)
            let s0 = states.columns(0..<B)
            if let initial = pass.initialStates { s0.copy(from: initial[l]) } else { s0.setZero() }
            let coefficients = tape.matrix("layer\(l).coefficients", rows: N, columns: 3)
            for j in 0..<N {
                let c = self.coefficients(p, layer: l, unit: j)
                coefficients[j, 0] = c.a
                coefficients[j, 1] = c.b
                coefficients[j, 2] = c.gamma
            }
            let body = states.columns(B..<((T + 1) * B))
            body.rows(0..<N).multiply(linearGroupView(p, layers[l].inputReal), input)
            body.rows(N..<(2 * N)).multiply(linearGroupView(p, layers[l].inputImaginary), input)
            for t in 1...T {
                for s in 0..<B {
                    let cp = (t - 1) * B + s, cc = t * B + s
                    for j in 0..<N {
                        let a = coefficients[j, 0], b = coefficients[j, 1], g = coefficients[j, 2]
                        let pr = states[j, cp], pi = states[N + j, cp]
                        let zr = states[j, cc], zi = states[N + j, cc]
                        states[j, cc] = a * pr - b * pi + g * zr
                        states[N + j, cc] = a * pi + b * pr + g * zi
                    }
                }
            }
            tape.layerStates.append(states)
            input = body
        }
        let y = tape.matrix("readout.outputs", rows: outputSize, columns: T * B)
        y.multiply(linearGroupView(p, readoutReal), input.rows(0..<N))
        y.multiply(linearGroupView(p, readoutImaginary), input.rows(N..<(2 * N)), alpha: -1, beta: 1)
        configuration.skip.addForward(d: skipGroup.map { linearGroupView(p, $0) }, x: pass.inputs, y: y)
        tape.outputs = y
    }
}
