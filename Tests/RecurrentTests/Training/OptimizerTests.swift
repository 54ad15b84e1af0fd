import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

@Suite("Optimizers")
struct OptimizerTests {
    /// Adam's first three updates against the documented update of `torch.optim.Adam` (and Kingma & Ba 2015,
    /// Algorithm 1): M ← β₁M + (1−β₁)g, V ← β₂V + (1−β₂)g², M̂ = M/(1−β₁ᵗ), V̂ = V/(1−β₂ᵗ), θ ← θ − η·M̂/(√V̂ + ε),
    /// η = 0.1, β = (0.9, 0.999), ε = 1e-8. Reference values from that formula in numpy (float64); by hand for
    /// coordinate 0: t = 1 moves by η·g/(|g| + ε) ⇒ 0.9000000019999999; t = 2: M = 0.055, M̂ = 0.055/0.19,
    /// V = 2.5975e-4, V̂ = V/0.001999 ⇒ θ = 0.9 − 0.1·0.2894737/0.3604719 = 0.8196959063846516.
    @Test func adamFirstStepsMatchDocumentedUpdate() throws {
        var adam = try Adam()
        var theta = [1.0, -2.0, 0.5]
        let gradients = [[0.5, -1.0, 2e-3], [0.1, 0.3, -4e-3], [-0.2, 0.05, 1e-3]]
        let expected = [
            [0.9000000019999999, -1.900000001, 0.4000004999974999],
            [0.8196959063846516, -1.8572151424292263, 0.43661073694672037],
            [0.7852605318354887, -1.8272390434646613, 0.4502797515840856],
        ]
        for (g, e) in zip(gradients, expected) {
            try adam.update(&theta, gradient: g, learningRate: 0.1)
            #expect(TestSupport.maxRelativeError(theta, e) < 1e-14, "θ = \(theta), expected \(e)")
        }
        #expect(adam.stepCount == 3)
        // Bias correction: the first step has size η·g/(|g| + ε) ≈ η whatever the gradient's scale.
        var fresh = try Adam()
        var small = [0.0]
        try fresh.update(&small, gradient: [1e-3], learningRate: 0.01)
        #expect(abs(small[0] + 0.01 * 1e-3 / (1e-3 + 1e-8)) < 1e-17)
    }

    /// ε is added to √V̂ after bias correction (PyTorch), not the ε̂ of Kingma & Ba §2 / TensorFlow: with ε = 0.1,
    /// g = 0.5, t = 1: θ = 1 − η·0.5/(0.5 + 0.1) = 0.9166666666666666 (η = 0.1); the ε̂ form would give
    /// 1 − 0.1·(√0.001/0.1)·0.05/(√(0.00025) + 0.1) = 0.99863….
    @Test func adamEpsilonPlacementIsPyTorchs() throws {
        var adam = try Adam(epsilon: 0.1)
        var theta = [1.0]
        try adam.update(&theta, gradient: [0.5], learningRate: 0.1)
        #expect(abs(theta[0] - 0.9166666666666666) < 1e-15)
    }

    /// AdamW (Loshchilov & Hutter 2019; torch.optim.AdamW): θ ← θ(1 − ηλ) then Adam with the raw gradient. With
    /// g = 0 the Adam part is 0/(0 + ε) = 0, so θ₁ = θ₀(1 − ηλ) exactly; with g ≠ 0 at t = 1,
    /// θ₁ = θ₀(1 − ηλ) − η·g/(|g| + ε). Coupled Adam with the same λ instead adds λθ to the gradient.
    @Test func adamWDecouplesWeightDecay() throws {
        var w = try AdamW(weightDecay: 0.5)
        var theta = [2.0, -3.0]
        try w.update(&theta, gradient: [0, 0], learningRate: 0.1)
        #expect(theta == [2.0 * 0.95, -3.0 * 0.95])

        var w2 = try AdamW(weightDecay: 0.5)
        var theta2 = [2.0, -3.0]
        try w2.update(&theta2, gradient: [0.25, 4], learningRate: 0.1)
        let e2 = [2.0 * 0.95 - 0.1 * 0.25 / (0.25 + 1e-8), -3.0 * 0.95 - 0.1 * 4 / (4 + 1e-8)]
        #expect(TestSupport.maxRelativeError(theta2, e2) < 1e-15)

        // Coupled (torch.optim.Adam weight_decay): g' = g + λθ = λθ at g = 0 ⇒ first step −η·sign(θ).
        var coupled = try Adam(weightDecay: 0.5)
        var theta3 = [2.0, -3.0]
        try coupled.update(&theta3, gradient: [0, 0], learningRate: 0.1)
        #expect(TestSupport.maxAbsError(theta3, [1.9, -2.9]) < 1e-8)

        // Per-group exclusion: a mask of 0 leaves the coordinate undecayed.
        var masked = try AdamW(weightDecay: 0.5, decayMask: [0, 1])
        var theta4 = [2.0, -3.0]
        try masked.update(&theta4, gradient: [0, 0], learningRate: 0.1)
        #expect(theta4 == [2.0, -3.0 * 0.95])
    }

    /// The configuration builds the mask from parameter kinds (no decay on recurrent weights, minimal-LRU #5).
    @Test func decayMaskFromParameterKinds() throws {
        let model = try TanhRNN(inputSize: 1, hiddenSize: 3, outputSize: 1, seed: 1)
        let config = OptimizerConfiguration.adamW(weightDecay: 0.1, excluding: [.recurrent])
        let mask = try #require(config.decayMask(parameterGroups: model.parameterGroups))
        #expect(mask.count == model.parameterCount)
        for g in model.parameterGroups {
            #expect(mask[g.range].allSatisfy { $0 == (g.kind == .recurrent ? 0 : 1) }, "group \(g.name)")
        }
        #expect(model.parameterGroups.contains { $0.kind == .recurrent })
        let opt = try config.makeOptimizer(parameterGroups: model.parameterGroups)
        #expect(opt.name == "adamw")
    }

    /// Plain SGD on L = ½Σ a_i θ_i²: θ_k = (1 − ηa)^k θ₀ (closed form).
    @Test func sgdOnQuadraticFollowsClosedForm() throws {
        let a = [1.0, 0.5, 3.0]
        var sgd = try SGD()
        var theta = [1.0, -2.0, 0.25]
        let theta0 = theta
        let eta = 0.1
        for _ in 0..<50 {
            let g = zip(a, theta).map { $0 * $1 }
            try sgd.update(&theta, gradient: g, learningRate: eta)
        }
        let expected = zip(a, theta0).map { Double.pow(1 - eta * $0, 50) * $1 }
        #expect(TestSupport.maxRelativeError(theta, expected) < 1e-12)
    }

    /// Heavy-ball momentum in PyTorch's buffer form equals Polyak's two-term recurrence
    /// θ_{k+1} = θ_k − η∇L(θ_k) + μ(θ_k − θ_{k−1}) (k ≥ 1; θ₁ = θ₀ − η∇L(θ₀)); Nesterov's first step is
    /// −η(1 + μ)g (d = g + μ·b with b = g).
    @Test func sgdMomentumMatchesPolyakRecurrence() throws {
        let a = 2.0, eta = 0.05, mu = 0.9
        var sgd = try SGD(momentum: mu)
        var theta = [1.0]
        var path = [theta[0]]
        for _ in 0..<40 {
            try sgd.update(&theta, gradient: [a * theta[0]], learningRate: eta)
            path.append(theta[0])
        }
        var polyak = [1.0, 1.0 - eta * a]
        for k in 1..<40 { polyak.append(polyak[k] - eta * a * polyak[k] + mu * (polyak[k] - polyak[k - 1])) }
        #expect(TestSupport.maxAbsError(path, polyak) < 1e-13)

        var nesterov = try SGD(momentum: 0.5, nesterov: true)
        var t = [1.0]
        try nesterov.update(&t, gradient: [2.0], learningRate: 0.1)
        #expect(t[0] == 1.0 - 0.1 * (2.0 + 0.5 * 2.0))
    }

    @Test func invalidArgumentsThrow() throws {
        #expect(throws: RecurrentError.self) { try Adam(beta1: 1) }
        #expect(throws: RecurrentError.self) { try Adam(epsilon: 0) }
        #expect(throws: RecurrentError.self) { try SGD(momentum: -0.1) }
        #expect(throws: RecurrentError.self) { try SGD(nesterov: true) }
        #expect(throws: RecurrentError.self) { try AdamW(weightDecay: .nan) }
        var adam = try Adam()
        var theta = [1.0, 2.0]
        #expect(throws: RecurrentError.self) { try adam.update(&theta, gradient: [1], learningRate: 0.1) }
        #expect(throws: RecurrentError.self) { try adam.update(&theta, gradient: [1, 1], learningRate: -1) }
        #expect(theta == [1.0, 2.0])
        #expect(adam.stepCount == 0)
    }

    /// Pascanu et al. (2013) clipping: ‖g‖ > τ ⇒ g·τ/‖g‖, norm exactly τ (up to rounding); below τ unchanged.
    @Test func clippingScalesToThreshold() throws {
        var g = [3.0, 4.0]
        let norm = try GradientClipping.clip(&g, maxNorm: 1)
        #expect(norm == 5)
        #expect(TestSupport.maxAbsError(g, [0.6, 0.8]) <= 2e-16)
        #expect(abs(GradientClipping.globalNorm(g) - 1) < 1e-15)

        var rng = TestSupport.rng(3)
        var big = rng.gaussians(1000).map { $0 * 10 }
        let before = big
        let n0 = try GradientClipping.clip(&big, maxNorm: 2.5)
        #expect(abs(GradientClipping.globalNorm(big) - 2.5) < 1e-14 * 2.5)
        // Direction preserved: big = before·(2.5/n0).
        #expect(TestSupport.maxRelativeError(big, before.map { $0 * 2.5 / n0 }) < 1e-15)

        var small = [0.1, -0.2]
        try GradientClipping.clip(&small, maxNorm: 1)
        #expect(small == [0.1, -0.2])

        // Scaled norm: no overflow for huge entries, no underflow for tiny ones.
        #expect(TestSupport.relativeError(GradientClipping.globalNorm([3e200, 4e200]), 5e200) < 1e-15)
        #expect(TestSupport.relativeError(GradientClipping.globalNorm([3e-200, 4e-200]), 5e-200) < 1e-15)
        #expect(GradientClipping.globalNorm([1, .nan]).isNaN)
        #expect(throws: RecurrentError.self) { try GradientClipping.clip(&small, maxNorm: 0) }
    }
}
