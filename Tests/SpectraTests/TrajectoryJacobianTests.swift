import MemoryNumerics
import Recurrent
import Spectra
import Testing
import _TestSupport

@Suite("Jacobian spectra, products and gradient norms along trajectories")
struct TrajectoryJacobianTests {
    /// One-layer tanh RNN: D_t = diag(1 − h_t²)·W_hh, so each step's eigenvalues are those of that explicit matrix;
    /// ρ ≤ ‖D_t‖₂.
    @Test func stepSpectraOfTanhRNN() throws {
        let model = try TanhRNN(inputSize: 2, hiddenSize: 5, outputSize: 1, seed: 4)
        let x = try SpectraTestKit.batch(steps: 6, batchSize: 1, features: 2, seed: 1)
        let spectra = try StepJacobianSpectra(model: model, sequence: x)
        let h = try model.forward(x).hidden(layer: 0)
        let w = try SpectraTestKit.matrix(model, "layer0.W_hh")
        #expect(spectra.steps.count == 6)
        for step in spectra.steps {
            var d = w
            for i in 0..<5 {
                let ht = h[step.time, 0, i]
                for j in 0..<5 { d[i, j] *= 1 - ht * ht }
            }
            let expected = SpectraTestKit.sortedSpectrum(try LinearAlgebra.eigenvalues(d))
            let got = SpectraTestKit.sortedSpectrum(step.joint.eigenvalues)
            #expect(zip(expected, got).allSatisfy { ($0 - $1).length < 1e-12 })
            #expect(abs(step.joint.spectralNorm - (try LinearAlgebra.spectralNorm(d))) < 1e-12)
            #expect(step.joint.spectralRadius <= step.joint.spectralNorm * (1 + 1e-14))
            #expect(step.layers.count == 1 && step.layers[0] == step.joint)
        }
        let strided = try StepJacobianSpectra(model: model, sequence: x, stride: 3)
        #expect(strided.steps.map(\.time) == [3, 6])
    }

    /// Two-layer LSTM: D_t is block lower triangular over the layers, so its eigenvalues are the union of the
    /// layers' diagonal-block eigenvalues.
    @Test func stackedJacobianIsBlockTriangular() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 1, layers: 2, seed: 7)
        let x = try SpectraTestKit.batch(steps: 4, batchSize: 1, features: 2, seed: 2)
        let spectra = try StepJacobianSpectra(model: model, sequence: x)
        #expect(spectra.stateSizes == [6, 6] && spectra.stateOffsets == [0, 6])
        for step in spectra.steps {
            let union = SpectraTestKit.sortedSpectrum(step.layers.flatMap(\.eigenvalues))
            let joint = SpectraTestKit.sortedSpectrum(step.joint.eigenvalues)
            #expect(zip(union, joint).allSatisfy { ($0 - $1).length < 1e-10 }, "t = \(step.time)")
            #expect(abs(step.joint.spectralRadius - step.layers.map(\.spectralRadius).max()!) < 1e-10)
        }
    }

    /// QR-renormalised product singular values against the SVD of the raw product on a short horizon, for both
    /// anchors, to the raw SVD's own accuracy (|Δ log σ_i| ≤ 1e-12·(1 + σ_1/σ_i)).
    @Test func productsMatchRawProducts() throws {
        let model = try GRU(inputSize: 2, hiddenSize: 4, outputSize: 1, seed: 3)
        let x = try SpectraTestKit.batch(steps: 9, batchSize: 1, features: 2, seed: 5)
        let d = try model.stepJacobians(sequence: x).state  // d[t − 1] = D_t
        for anchor in [ProductAnchor.end(9), .start(2)] {
            let spectrum = try JacobianProductSpectrum(model: model, sequence: x, anchor: anchor)
            #expect(spectrum.lags == Array(1...(anchor == .end(9) ? 9 : 7)))
            for (row, lag) in spectrum.lags.enumerated() {
                let (t, k) = spectrum.times(lag: lag)
                var raw = Matrix.identity(4)
                for s in (k + 1)...t { raw = d[s - 1] * raw }
                let reference = try LinearAlgebra.singularValues(raw).map { Double.log($0) }
                for i in 0..<4 {
                    let tolerance = 1e-12 * (1 + Double.exp(reference[0] - reference[i]))
                    #expect(
                        abs(spectrum.logSingularValues[row][i] - reference[i]) <= tolerance,
                        "\(anchor) lag \(lag) σ_\(i)")
                }
            }
        }
        let subset = try JacobianProductSpectrum(model: model, sequence: x, anchor: .end(9), lags: [7, 2])
        #expect(subset.lags == [2, 7])
        #expect(throws: SpectraError.self) {
            try JacobianProductSpectrum(model: model, sequence: x, anchor: .end(9), lags: [10])
        }
        #expect(throws: SpectraError.self) { try JacobianProductSpectrum(model: model, sequence: x, anchor: .start(9)) }
    }

    /// P1 (Pascanu, Mikolov & Bengio 2013): ‖J_{t,k}‖₂ ≤ σ_max(W)^{t−k} on every trajectory of a tanh RNN, for
    /// contracting and expanding W; near the origin with a normal W the bound is attained (margin ≈ 0), and a
    /// bound built from a too-small W is reported violated at lag 1.
    @Test(arguments: [0.6, 1.8])
    func pascanuBoundHolds(scale: Double) throws {
        var rng = TestSupport.rng(40)
        let w = try Matrix(rows: 6, columns: 6, columnMajor: rng.gaussians(36).map { scale * $0 / 6.0.squareRoot() })
        let model = try SpectraTestKit.tanhRNN(recurrent: w, inputSize: 2, outputSize: 1, seed: 41)
        let x = try SpectraTestKit.batch(steps: 40, batchSize: 1, features: 2, seed: 42)
        let products = try JacobianProductSpectrum(model: model, sequence: x, anchor: .end(40))
        let check = try PascanuBoundCheck(products: products, model: model)
        #expect(check.holds, "violated at \(String(describing: check.firstViolation))")
        #expect(check.logMargins.allSatisfy { $0 >= -1e-12 * 100 })
        let loose = try PascanuBoundCheck(products: products, recurrentWeights: 0.1 * w, gamma: 1)
        #expect(loose.firstViolation?.lag == 1 && loose.firstViolation?.t == 40 && loose.firstViolation?.k == 39)
    }

    @Test func pascanuBoundIsTightNearTheOrigin() throws {
        // W = 0.9·(orthogonal): normal, ‖W^ℓ‖ = 0.9^ℓ; zero biases and tiny inputs keep tanh′ ≈ 1.
        var q = Matrix(rows: 5, columns: 5)
        var rng = TestSupport.rng(50)
        q.elements = rng.gaussians(25)
        try LinearAlgebra.orthonormalizeColumns(&q)
        let model = try SpectraTestKit.tanhRNN(
            recurrent: 0.9 * q, inputSize: 1, outputSize: 1, seed: 51, zeroBiases: true)
        let x = try SpectraTestKit.batch(steps: 30, batchSize: 1, features: 1, seed: 52, sd: 1e-9)
        let check = try PascanuBoundCheck(
            products: try JacobianProductSpectrum(model: model, sequence: x, anchor: .end(30)),
            model: model)
        #expect(check.holds)
        #expect(check.logMargins.allSatisfy { $0 < 1e-9 }, "\(check.logMargins)")
        #expect(abs(check.recurrentNorm - 0.9) < 1e-12)
    }

    /// P2 (Gelfand): for a linear RNN (D_t = A), ‖A^ℓ‖^{1/ℓ} → ρ(A); at ℓ = 500 within 1e-2.
    @Test func gelfandLimitForLinearRNN() throws {
        var rng = TestSupport.rng(60)
        var a = try Matrix(rows: 8, columns: 8, columnMajor: rng.gaussians(64))
        let rho = try LinearAlgebra.spectralRadius(a)
        a = (0.9 / rho) * a
        let model = try LinearRNN(
            recurrent: a, input: try Matrix(rows: 8, columns: 1, columnMajor: rng.gaussians(8)),
            readout: try Matrix(rows: 1, columns: 8, columnMajor: rng.gaussians(8)), skip: nil)
        let x = try SpectraTestKit.batch(steps: 500, batchSize: 1, features: 1, seed: 61)
        let spectrum = try JacobianProductSpectrum(
            model: model, sequence: x, anchor: .start(0), lags: [1, 10, 100, 500])
        let estimate = Double.exp(spectrum.logSpectralNorms[3] / 500)
        #expect(abs(estimate - 0.9) < 1e-2, "‖A^500‖^(1/500) = \(estimate)")
        // The growth rates of all singular values tend to log|μ_i(A)| as well.
        let moduli = try LinearAlgebra.eigenvalues(a).map { Double.log($0.length) }.sorted(by: >)
        #expect(TestSupport.maxAbsError(spectrum.growthRates[3], moduli) < 0.02)
    }

    /// The gradient norm profile ‖∂L_t/∂s_{t−ℓ}‖ against the engine's backpropagation: restarting the network at
    /// s_{t−ℓ} on x_{t−ℓ+1} … x_t with the output gradient at the last step gives ∂L_t/∂s_{t−ℓ} as the initial-state
    /// gradient (two-layer LSTM, rel 1e-10).
    @Test func gradientNormsMatchBackpropagation() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 2, layers: 2, seed: 9)
        let x = try SpectraTestKit.batch(steps: 12, batchSize: 1, features: 2, seed: 10)
        let y = try SpectraTestKit.batch(steps: 12, batchSize: 1, features: 2, seed: 11)
        let t = 10
        let profile = try GradientNormProfile(model: model, sequence: x, targets: y, at: t, maximumLag: 8)
        let trajectory = try model.forward(x)
        let outputs = try model.outputs(x)
        let e = (0..<2).map { k in 0.5 * (outputs[t - 1, 0, k] - y[t - 1, 0, k]) }  // ½·(2/d_out)·residual
        for lag in 1...8 {
            let k = t - lag
            let suffix = try SequenceBatch(sequence: Array(try x.sequence(0)[k..<t]))
            let initial = try (0..<2).map { l in
                try Matrix(
                    rows: 6, columns: 1, columnMajor: Array(trajectory.states[l].values[(k * 6)..<((k + 1) * 6)]))
            }
            var dy = try SequenceBatch(steps: lag, batchSize: 1, features: 2)
            for j in 0..<2 { dy[lag - 1, 0, j] = e[j] }
            let g = try model.gradient(inputs: suffix, outputGradient: dy, initialStates: initial)
            let joint = g.initialStates.flatMap(\.elements)
            let expected = Double.log(BLAS.norm(joint))
            #expect(abs(profile.logStateNorms[lag - 1] - expected) < 1e-10, "lag \(lag)")
            let hidden = Array(g.initialStates[1].elements[0..<3])
            #expect(abs(profile.logHiddenNorms[lag - 1] - Double.log(BLAS.norm(hidden))) < 1e-10)
        }
    }

    /// A contracting tanh RNN: the gradient norm decays at least like σ_max(W)^ℓ (vanishing gradients).
    @Test func vanishingGradientProfile() throws {
        var rng = TestSupport.rng(70)
        let w = try Matrix(rows: 6, columns: 6, columnMajor: rng.gaussians(36).map { 0.3 * $0 / 6.0.squareRoot() })
        let model = try SpectraTestKit.tanhRNN(recurrent: w, inputSize: 1, outputSize: 1, seed: 71)
        let x = try SpectraTestKit.batch(steps: 1000, batchSize: 1, features: 1, seed: 72)
        let profile = try GradientNormProfile(
            model: model, sequence: x, outputGradient: [1], at: 1000, maximumLag: 1000)
        let rate = Double.log(try LinearAlgebra.spectralNorm(w))
        #expect(rate < -0.4)
        for l in 2...1000 {
            #expect(profile.logStateNorms[l - 1] - profile.logStateNorms[0] <= Double(l - 1) * rate + 1e-9)
        }
        // Far below the double range (e^−745 is the smallest subnormal) after 1000 steps, yet finite in log form.
        #expect(
            profile.logStateNorms[999] < -745 && profile.logStateNorms[999].isFinite, "\(profile.logStateNorms[999])")
    }
}
