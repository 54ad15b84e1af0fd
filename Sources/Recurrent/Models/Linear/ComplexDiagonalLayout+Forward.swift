extension ComplexDiagonalLayout {
    /// Widths up to which the input drive B u_t and the readout C h_t are computed inside the recurrence loops
    /// instead of by separate `gemm`s: a `gemm` with an inner or outer dimension of 1–4 spends its time packing
    /// and zeroing (measured: half of the LRU's gradient time at d_in = d_out = 1, N = 64, T = 300, B = 128).
    /// At most 4: the fused forward readout keeps one register accumulator per output (y0 … y3).
    static let fusedWidth = 4

    /// Forward pass shared by ``ComplexDiagonalRNN`` and ``LRU``. Per layer: λ_j = a_j + ib_j and γ_j from the
    /// parametrization (N values, kept on the tape); the drive z_t = B u_t (for wide inputs all steps at once by
    /// two `gemm`s, Re into rows 0..<N and Im into rows N..<2N of the state blocks 1 … T; for narrow inputs inside
    /// the loop); then in place, per step, in real pairs
    ///
    ///     Re h_t = a·Re h_{t−1} − b·Im h_{t−1} + γ·Re z_t,   Im h_t = a·Im h_{t−1} + b·Re h_{t−1} + γ·Im z_t.
    ///
    /// Readout y = C_re·Re h − C_im·Im h (= Re(C h)) plus the skip term.
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
            let bRe = AlgebraMatrix(layers[l].inputReal, of: p), bIm = AlgebraMatrix(layers[l].inputImaginary, of: p)
            let d = input.rows
            let fused = d <= Self.fusedWidth
            let body = states.columns(B..<((T + 1) * B))
            if !fused {
                body.rows(0..<N).multiply(bRe, input)
                body.rows(N..<(2 * N)).multiply(bIm, input)
            }
            // Readout of few outputs fused into the top layer's loop (register accumulators, one per output).
            let fusedReadout = l == layerCount - 1 && outputSize <= Self.fusedWidth
            let q = outputSize
            let y = tape.matrix("readout.outputs", rows: q, columns: T * B)
            let cRe = AlgebraMatrix(readoutReal, of: p), cIm = AlgebraMatrix(readoutImaginary, of: p)
            for t in 1...T {
                for s in 0..<B {
                    let cp = (t - 1) * B + s, cc = cp + B
                    var y0: A.Scalar = 0, y1: A.Scalar = 0, y2: A.Scalar = 0, y3: A.Scalar = 0
                    for j in 0..<N {
                        let a = coefficients[j, 0], b = coefficients[j, 1], g = coefficients[j, 2]
                        var zr: A.Scalar, zi: A.Scalar
                        if fused {
                            let u0 = input[0, cp]
                            zr = bRe[j, 0] * u0
                            zi = bIm[j, 0] * u0
                            for k in 1..<d {
                                let u = input[k, cp]
                                zr += bRe[j, k] * u
                                zi += bIm[j, k] * u
                            }
                        } else {
                            zr = states[j, cc]
                            zi = states[N + j, cc]
                        }
                        let pr = states[j, cp], pi = states[N + j, cp]
                        let nr = a * pr - b * pi + g * zr, ni = a * pi + b * pr + g * zi
                        states[j, cc] = nr
                        states[N + j, cc] = ni
                        if fusedReadout {
                            y0 += cRe[0, j] * nr - cIm[0, j] * ni
                            if q > 1 { y1 += cRe[1, j] * nr - cIm[1, j] * ni }
                            if q > 2 { y2 += cRe[2, j] * nr - cIm[2, j] * ni }
                            if q > 3 { y3 += cRe[3, j] * nr - cIm[3, j] * ni }
                        }
                    }
                    if fusedReadout {
                        y[0, cp] = y0
                        if q > 1 { y[1, cp] = y1 }
                        if q > 2 { y[2, cp] = y2 }
                        if q > 3 { y[3, cp] = y3 }
                    }
                }
            }
            tape.layerStates.append(states)
            input = body
        }
        let y = tape.matrix("readout.outputs", rows: outputSize, columns: T * B)
        if outputSize > Self.fusedWidth {
            y.multiply(AlgebraMatrix(readoutReal, of: p), input.rows(0..<N))
            y.multiply(AlgebraMatrix(readoutImaginary, of: p), input.rows(N..<(2 * N)), alpha: -1, beta: 1)
        }
        configuration.skip.addForward(d: skipGroup.map { AlgebraMatrix($0, of: p) }, x: pass.inputs, y: y)
        tape.outputs = y
    }
}
