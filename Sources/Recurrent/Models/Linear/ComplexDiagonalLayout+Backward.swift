extension ComplexDiagonalLayout {
    /// BPTT shared by ``ComplexDiagonalRNN`` and ``LRU``, in real pairs (r, i) = (Re h, Im h).
    ///
    /// Readout: ∂L/∂C_re = Σ_t dy_t r_tᵀ, ∂L/∂C_im = −Σ_t dy_t i_tᵀ; direct δr_t = C_reᵀ dy_t, δi_t = −C_imᵀ dy_t.
    /// Per layer (top down), for t = T … 1: δ_t += Λᵀ δ_{t+1} with Λᵀ = [[a, b], [−b, a]] per unit, i.e.
    /// δr_t += a·δr_{t+1} + b·δi_{t+1}, δi_t += a·δi_{t+1} − b·δr_{t+1}; and
    ///
    ///     ∂L/∂a = Σ_t (δr_t r_{t−1} + δi_t i_{t−1}),   ∂L/∂b = Σ_t (δi_t r_{t−1} − δr_t i_{t−1}).
    ///
    /// With G_re = Σ_t δr_t u_tᵀ and G_im = Σ_t δi_t u_tᵀ: ∂L/∂B_re = diag(γ) G_re, ∂L/∂B_im = diag(γ) G_im,
    /// ∂L/∂γ_j = Σ_k (G_re ⊙ B_re + G_im ⊙ B_im)_{jk}; ∂L/∂u_t = B_reᵀ(γ⊙δr_t) + B_imᵀ(γ⊙δi_t) (the direct δ of the
    /// layer below, or ∂L/∂x_t); ∂L/∂h_0 = Λᵀ δ_1. Finally ∂L/∂γ is chained into ∂L/∂(a, b) (L1, L2:
    /// ∂γ/∂a = −a/γ or −a/|λ| …) or into ∂L/∂γ_log = γ·∂L/∂γ (learned), and ∂L/∂(a, b) into ∂L/∂(ω₁, ω₂) by the
    /// parametrization's Jacobian (``DiagonalUnitCoefficients``). All in the algebra's scalars, so the dual run
    /// gives exact Hessian-vector products. Products with a dimension ≤ ``fusedWidth`` (readout of few outputs,
    /// narrow inputs) are accumulated inside the time loop; wider ones are `gemm`s over all steps.
    func backwardPass<A: RecurrentAlgebra>(_ pass: BackwardPass<A>) {
        let N = hiddenSize, T = pass.steps, B = pass.batchSize, L = layerCount, q = outputSize
        let p = pass.parameters, g = pass.parameterGradient, tape = pass.tape
        let dy = pass.outputGradient
        let normalization = configuration.normalization
        let cRe = AlgebraMatrix(readoutReal, of: p), cIm = AlgebraMatrix(readoutImaginary, of: p)
        let gcRe = AlgebraMatrix(readoutReal, of: g), gcIm = AlgebraMatrix(readoutImaginary, of: g)
        let fusedReadout = q <= Self.fusedWidth
        var delta = tape.matrix("layer\(L - 1).stateGradient", rows: 2 * N, columns: T * B)
        if !fusedReadout {
            let top = tape.layerStates[L - 1].columns(B..<((T + 1) * B))
            gcRe.multiply(dy, top.rows(0..<N), transposeB: true, beta: 1)
            gcIm.multiply(dy, top.rows(N..<(2 * N)), transposeB: true, alpha: -1, beta: 1)
            delta.rows(0..<N).multiply(cRe, transposeA: true, dy)
            delta.rows(N..<(2 * N)).multiply(cIm, transposeA: true, dy, alpha: -1)
        }
        for l in stride(from: L - 1, through: 0, by: -1) {
            let states = tape.layerStates[l]
            // λ and γ as the forward pass left them on the tape.
            let coefficients = tape.matrix("layer\(l).coefficients", rows: N, columns: 3)
            // Columns: ∂L/∂a, ∂L/∂b, ∂L/∂γ (direct parts).
            let sums = tape.matrix("layer\(l).coefficientGradient", rows: N, columns: 3, zeroed: true)
            let input = l == 0 ? pass.inputs : tape.layerStates[l - 1].columns(B..<((T + 1) * B))
            let d = input.rows
            let fusedInput = d <= Self.fusedWidth
            let readoutHere = fusedReadout && l == L - 1
            let bRe = AlgebraMatrix(layers[l].inputReal, of: p), bIm = AlgebraMatrix(layers[l].inputImaginary, of: p)
            // G_re, G_im (N × d): accumulated in the loop for narrow inputs.
            let productRe = tape.matrix("layer\(l).inputProductRe", rows: N, columns: d, zeroed: fusedInput)
            let productIm = tape.matrix("layer\(l).inputProductIm", rows: N, columns: d, zeroed: fusedInput)
            // ∂L/∂u_t: the layer below's direct δ (2N rows: wide) or ∂L/∂x_t (fused when narrow).
            let inputGradient: AlgebraMatrix<A>? =
                l > 0
                ? tape.matrix("layer\(l - 1).stateGradient", rows: 2 * N, columns: T * B) : pass.inputGradient
            let fusedInputGradient = fusedInput ? inputGradient : nil
            for t in stride(from: T, through: 1, by: -1) {
                for s in 0..<B {
                    let c = (t - 1) * B + s  // δ_t and u_t in column c; s_{t−1} in `states` column c, s_t in c + B
                    if let dx = fusedInputGradient { for k in 0..<d { dx[k, c] = 0 } }
                    for j in 0..<N {
                        let a = coefficients[j, 0], b = coefficients[j, 1]
                        var dr: A.Scalar, di: A.Scalar
                        if readoutHere {
                            let rt = states[j, c + B], it = states[N + j, c + B]
                            let y0 = dy[0, c]
                            dr = cRe[0, j] * y0
                            di = -(cIm[0, j] * y0)
                            gcRe[0, j] += y0 * rt
                            gcIm[0, j] -= y0 * it
                            for i in 1..<q {
                                let yi = dy[i, c]
                                dr += cRe[i, j] * yi
                                di -= cIm[i, j] * yi
                                gcRe[i, j] += yi * rt
                                gcIm[i, j] -= yi * it
                            }
                        } else {
                            dr = delta[j, c]
                            di = delta[N + j, c]
                        }
                        if t < T {
                            let nr = delta[j, c + B], ni = delta[N + j, c + B]
                            dr += a * nr + b * ni
                            di += a * ni - b * nr
                        }
                        delta[j, c] = dr
                        delta[N + j, c] = di
                        let pr = states[j, c], pi = states[N + j, c]
                        sums[j, 0] += dr * pr + di * pi
                        sums[j, 1] += di * pr - dr * pi
                        if fusedInput {
                            for k in 0..<d {
                                let u = input[k, c]
                                productRe[j, k] += dr * u
                                productIm[j, k] += di * u
                            }
                            if let dx = fusedInputGradient {
                                let gamma = coefficients[j, 2]
                                let gr = gamma * dr, gi = gamma * di
                                for k in 0..<d { dx[k, c] += bRe[j, k] * gr + bIm[j, k] * gi }
                            }
                        }
                    }
                }
            }
            if let ds0 = pass.initialStateGradients?[l] {
                for s in 0..<B {
                    for j in 0..<N {
                        let a = coefficients[j, 0], b = coefficients[j, 1]
                        let dr = delta[j, s], di = delta[N + j, s]
                        ds0[j, s] = a * dr + b * di
                        ds0[N + j, s] = a * di - b * dr
                    }
                }
            }
            if !fusedInput {
                productRe.multiply(delta.rows(0..<N), input, transposeB: true)
                productIm.multiply(delta.rows(N..<(2 * N)), input, transposeB: true)
            }
            let gRe = AlgebraMatrix(layers[l].inputReal, of: g), gIm = AlgebraMatrix(layers[l].inputImaginary, of: g)
            let normalized = normalization != .none
            for k in 0..<d {
                for j in 0..<N {
                    let gamma = coefficients[j, 2]
                    let pr = productRe[j, k], pi = productIm[j, k]
                    gRe[j, k] += gamma * pr
                    gIm[j, k] += gamma * pi
                    if normalized { sums[j, 2] += pr * bRe[j, k] + pi * bIm[j, k] }
                }
            }
            if let inputGradient, !fusedInput {
                if normalized {
                    for c in 0..<(T * B) {
                        for j in 0..<N {
                            let gamma = coefficients[j, 2]
                            delta[j, c] = gamma * delta[j, c]
                            delta[N + j, c] = gamma * delta[N + j, c]
                        }
                    }
                }
                inputGradient.multiply(bRe, transposeA: true, delta.rows(0..<N))
                inputGradient.multiply(bIm, transposeA: true, delta.rows(N..<(2 * N)), beta: 1)
            }
            let groups = layers[l]
            for j in 0..<N {
                let c = self.coefficients(p, layer: l, unit: j)
                var ga = sums[j, 0], gb = sums[j, 1]
                switch normalization {
                case .l1, .l2:
                    let gg = sums[j, 2]
                    ga += gg * c.dGammaDa
                    gb += gg * c.dGammaDb
                case .learned:
                    if let gl = groups.gammaLog { g[gl.range.lowerBound + j] += sums[j, 2] * c.gamma }
                case .none:
                    break
                }
                g[groups.omega1.range.lowerBound + j] += ga * c.da1 + gb * c.db1
                g[groups.omega2.range.lowerBound + j] += ga * c.da2 + gb * c.db2
            }
            if l > 0, let inputGradient { delta = inputGradient }
        }
        configuration.skip.addBackward(
            d: skipGroup.map { AlgebraMatrix($0, of: p) },
            gradientD: skipGroup.map { AlgebraMatrix($0, of: g) },
            x: pass.inputs, dy: dy, dx: pass.inputGradient)
    }
}
