import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// The memory-augmented RNNs MRNN and MRNNF of Zhao et al. (2020, ICML, arXiv 2006.03860, §4) and the dual-track
/// ablation with free filter weights, MRNNW:
/// forward pass against a direct transcription of the equations, determinism (their exact derivatives: ModelDerivativeTests), the filter
/// identities of §2.7 and §10 L10, state layout, determinism.
@Suite("MRNN, MRNNF and MRNNW")
struct MRNNTests {
    enum Variant: String, CaseIterable, CustomStringConvertible, Sendable {
        case mrnn, mrnnf, mrnnfTanh, mrnnw
        var description: String { rawValue }

        func make(
            inputSize: Int = 2, hiddenSize: Int = 3, outputSize: Int = 2, window: Int = 5,
            seed: UInt64 = 41
        ) throws -> any RecurrentModel {
            switch self {
            case .mrnn:
                return try MRNN(
                    inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window, seed: seed)
            case .mrnnf, .mrnnfTanh:
                return try MRNNF(
                    inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                    outputTanh: self == .mrnnfTanh, seed: seed)
            case .mrnnw:
                return try MRNNW(
                    inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window, seed: seed)
            }
        }

        func make(_ base: any RecurrentModel, parameters: [Double]) throws -> any RecurrentModel {
            switch self {
            case .mrnn:
                return try MRNN(
                    inputSize: base.inputSize, hiddenSize: base.hiddenSize, outputSize: base.outputSize,
                    window: (base as? MRNN)?.window ?? 0, parameters: parameters)
            case .mrnnf, .mrnnfTanh:
                return try MRNNF(
                    inputSize: base.inputSize, hiddenSize: base.hiddenSize, outputSize: base.outputSize,
                    window: (base as? MRNNF)?.window ?? 0, outputTanh: self == .mrnnfTanh,
                    parameters: parameters)
            case .mrnnw:
                return try MRNNW(
                    inputSize: base.inputSize, hiddenSize: base.hiddenSize, outputSize: base.outputSize,
                    window: (base as? MRNNW)?.window ?? 0, parameters: parameters)
            }
        }
    }

    /// d_in = 2, N = 3, d_out = 2, K = 5, T = 8 (> K, so the window slides), B = 2; parameters ×2 the default
    /// initialisation so the nonlinearities leave their linear regime, and b_d shifted so d is not near ¼.
    struct Problem {
        let model: any RecurrentModel
        let inputs: SequenceBatch
        let targets: SequenceBatch

        init(_ v: Variant, seed: UInt64 = 41) throws {
            let base = try v.make(seed: seed)
            var p = base.parameters.map { 2 * $0 }
            if let g = base.parameterGroups.named("layer0.b_d") {
                for (k, i) in g.range.enumerated() { p[i] += k == 0 ? 0.7 : -0.9 }
            }
            model = try v.make(base, parameters: p)
            inputs = try ModelDerivativeChecks.randomBatch(steps: 8, batchSize: 2, features: 2, seed: seed + 1)
            targets = try ModelDerivativeChecks.randomBatch(steps: 8, batchSize: 2, features: 2, seed: seed + 2)
        }
    }

    // MARK: forward pass

    /// The equations of Zhao et al. (2020, §4), transcribed step by step for one sequence with libm functions
    /// (independent of the engine's buffers, gemms and state layout).
    static func reference(
        _ model: any RecurrentModel, dynamic: Bool, outputTanh: Bool, window K: Int,
        sequence x: [[Double]]
    ) throws -> (y: [[Double]], h: [[Double]], m: [[Double]], d: [[Double]]) {
        let dIn = model.inputSize, n = model.hiddenSize
        func g(_ name: String) throws -> Matrix { try model.parameterMatrix(named: name) }
        func mv(_ a: Matrix, _ v: [Double]) -> [Double] {
            (0..<a.rows).map { i in (0..<a.columns).reduce(0) { $0 + a[i, $1] * v[$1] } }
        }
        func add(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $0 + $1 } }
        func sigmoid(_ v: Double) -> Double { 1 / (1 + (-v).exp()) }
        let whh = try g("layer0.W_hh"), wxh = try g("layer0.W_xh"), bh = try g("layer0.b_h").elements
        let wmm = try g("layer0.W_mm"), wfm = try g("layer0.W_fm"), bm = try g("layer0.b_m").elements
        let whz = try g("readout.W_hz"), wmz = try g("readout.W_mz"), bz = try g("readout.b_z").elements
        let free = model is MRNNW
        let bd = free ? [] : try g("layer0.b_d").elements
        let wf = free ? try g("layer0.w_f") : Matrix(rows: 0, columns: 0)
        var h = [Double](repeating: 0, count: n), m = h, d = [Double](repeating: 0, count: dIn)
        var ys: [[Double]] = [], hs: [[Double]] = [], ms: [[Double]] = [], ds: [[Double]] = []
        for t in 0..<x.count {
            if dynamic {
                let a = add(
                    add(
                        add(
                            add(mv(try g("layer0.W_dd"), d), mv(try g("layer0.W_hd"), h)),
                            mv(try g("layer0.W_md"), m)), mv(try g("layer0.W_xd"), x[t])), bd)
                d = a.map { 0.5 * sigmoid($0) }
            } else if !free {
                d = bd.map { 0.5 * sigmoid($0) }
            }
            var f = [Double](repeating: 0, count: dIn)
            for i in 0..<dIn {
                let w = free ? (0..<K).map { wf[$0, i] } : try FractionalMemoryWeights.weights(order: d[i], count: K)
                for j in 1...K where t + 1 - j >= 0 { f[i] += w[j - 1] * x[t + 1 - j][i] }
            }
            m = add(add(mv(wmm, m), mv(wfm, f)), bm).map { Double.tanh($0) }
            h = add(add(mv(whh, h), mv(wxh, x[t])), bh).map { Double.tanh($0) }
            var y = add(add(mv(whz, h), mv(wmz, m)), bz)
            if outputTanh { y = y.map { Double.tanh($0) } }
            ys.append(y)
            hs.append(h)
            ms.append(m)
            ds.append(d)
        }
        return (ys, hs, ms, ds)
    }

    @Test(
        "Forward pass = direct transcription of the equations (outputs, h, m, d, input history)",
        arguments: Variant.allCases)
    func forwardMatchesEquations(_ v: Variant) throws {
        let p = try Problem(v)
        let K = 5, T = 8, B = 2, dIn = 2, n = 3
        let r = try p.model.forward(p.inputs)
        let layout = p.model.stateLayouts[0]
        let S = layout.size
        #expect(S == 2 * n + (v == .mrnn ? dIn : 0) + (K - 1) * dIn)
        for b in 0..<B {
            let seq = (0..<T).map { t in (0..<dIn).map { p.inputs.values[$0 + dIn * (b + B * t)] } }
            let ref = try Self.reference(
                p.model, dynamic: v == .mrnn, outputTanh: v == .mrnnfTanh, window: K, sequence: seq)
            for t in 0..<T {
                let y = (0..<2).map { r.outputs.values[$0 + 2 * (b + B * t)] }
                #expect(TestSupport.maxAbsError(y, ref.y[t]) < 1e-12, "\(v) y at t = \(t + 1)")
                let s = (0..<S).map { r.states[0].values[$0 + S * (b + B * (t + 1))] }
                #expect(TestSupport.maxAbsError(Array(s[0..<n]), ref.h[t]) < 1e-12)
                #expect(TestSupport.maxAbsError(Array(s[n..<(2 * n)]), ref.m[t]) < 1e-12)
                if let rows = layout.rows(of: "d") {
                    #expect(TestSupport.maxAbsError(Array(s[rows]), ref.d[t]) < 1e-12)
                    #expect(s[rows].allSatisfy { $0 > 0 && $0 < 0.5 })
                }
                // History block k = x_{t−k} (1-based t + 1 here), zero before the start.
                let hist = try #require(layout.rows(of: "inputHistory"))
                for k in 0..<(K - 1) {
                    let expected = t - k >= 0 ? seq[t - k] : [0, 0]
                    #expect(Array(s[(hist.lowerBound + k * dIn)..<(hist.lowerBound + (k + 1) * dIn)]) == expected)
                }
            }
        }
    }

    @Test("Parameter groups, state segments, argument validation")
    func layoutAndValidation() throws {
        let m = try MRNN(inputSize: 2, hiddenSize: 3, outputSize: 1, window: 4, seed: 1)
        #expect(m.architecture == .mrnn && m.window == 4 && m.layerCount == 1)
        #expect(
            m.parameterGroups.map(\.name) == [
                "layer0.W_hd", "layer0.W_md", "layer0.W_dd", "layer0.W_xd", "layer0.b_d", "layer0.W_hh", "layer0.W_xh",
                "layer0.b_h", "layer0.W_mm", "layer0.W_fm", "layer0.b_m", "readout.W_hz", "readout.W_mz", "readout.b_z",
            ])
        #expect(m.parameterCount == 6 + 6 + 4 + 4 + 2 + 9 + 6 + 3 + 9 + 6 + 3 + 3 + 3 + 1)
        #expect(m.stateLayouts[0].segments.map(\.name) == ["h", "m", "d", "inputHistory"])
        #expect(m.stateLayouts[0].rows(of: "inputHistory") == 8..<14)
        let f = try MRNNF(inputSize: 2, hiddenSize: 3, outputSize: 1, window: 1, seed: 1)
        #expect(f.architecture == .mrnnf)
        #expect(f.parameterGroups.first?.name == "layer0.b_d" && f.parameterGroups.first?.kind == .other)
        #expect(f.stateLayouts[0].segments.map(\.name) == ["h", "m"] && f.stateSize == 6)
        // Official initial value: b_d = 0 ⇒ d = ¼.
        #expect(f.fractionalOrders == [0.25, 0.25])
        #expect(throws: RecurrentError.self) {
            try MRNN(inputSize: 1, hiddenSize: 2, outputSize: 1, layers: 2, seed: 1)
        }
        #expect(throws: RecurrentError.self) {
            try MRNNF(inputSize: 1, hiddenSize: 2, outputSize: 1, window: 0, seed: 1)
        }
        #expect(throws: RecurrentError.self) {
            try MRNN(inputSize: 1, hiddenSize: 2, outputSize: 1, parameters: [1, 2, 3])
        }
        var g = m
        #expect(throws: RecurrentError.self) {
            try g.setParameters([Double](repeating: .nan, count: m.parameterCount))
        }
        #expect(try MRNN(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 1).window == 100)
    }

    @Test("MRNNW: layout [K, d] free weights; starts as MRNNF of the same seed (w_j(¼)); filterWeights reads them")
    func freeFilterLayoutAndInitialisation() throws {
        let w = try MRNNW(inputSize: 2, hiddenSize: 3, outputSize: 1, window: 4, seed: 7)
        let f = try MRNNF(inputSize: 2, hiddenSize: 3, outputSize: 1, window: 4, seed: 7)
        #expect(w.architecture == .mrnnw && w.window == 4)
        #expect(w.parameterGroups.first?.name == "layer0.w_f" && w.parameterGroups.first?.kind == .other)
        #expect(w.parameterCount == f.parameterCount - 2 + 8)
        #expect(Array(w.parameters[8...]) == Array(f.parameters[2...]))
        let expected = try FractionalMemoryWeights.weights(order: 0.25, count: 4)
        #expect(try w.filterWeights(dimension: 1) == expected)
        #expect(throws: RecurrentError.self) { try w.filterWeights(dimension: 2) }
        let x = try ModelDerivativeChecks.randomBatch(steps: 9, batchSize: 2, features: 2, seed: 3)
        #expect(TestSupport.maxAbsError(try w.forward(x).outputs.values, try f.forward(x).outputs.values) < 1e-14)
        #expect(w.stateLayouts[0].segments.map(\.name) == ["h", "m", "inputHistory"])
        #expect(throws: RecurrentError.self) {
            try MRNNW(inputSize: 1, hiddenSize: 2, outputSize: 1, layers: 2, seed: 1)
        }
        let spec = try ModelSpecification(describing: w)
        #expect(spec.architecture == .mrnnw && spec.window == 4)
        #expect(try spec.makeModel(seed: 7) as? MRNNW == w)
    }

    @Test("Initialisation: PyTorch nn.Linear bounds per sub-layer; same seed ⇒ same bytes")
    func initialisation() throws {
        let m = try MRNN(inputSize: 4, hiddenSize: 9, outputSize: 2, window: 3, seed: 5)
        for g in m.parameterGroups {
            let fanIn =
                ["layer0.W_dd", "layer0.W_xd", "layer0.b_d", "layer0.W_fm", "layer0.W_xh"].contains(g.name) ? 4.0 : 9.0
            let values = m.parameterValues(of: g)
            let bound = 1 / fanIn.squareRoot()
            #expect(values.allSatisfy { abs($0) <= bound }, "\(g.name)")
            #expect(values.contains { abs($0) > 0.5 * bound }, "\(g.name) uses its range")
        }
        #expect(m == (try MRNN(inputSize: 4, hiddenSize: 9, outputSize: 2, window: 3, seed: 5)))
        #expect(m != (try MRNN(inputSize: 4, hiddenSize: 9, outputSize: 2, window: 3, seed: 6)))
        let f = try MRNNF(inputSize: 4, hiddenSize: 9, outputSize: 2, window: 3, seed: 5)
        #expect(f.parameterValues(of: try f.parameterGroup(named: "layer0.b_d")) == [0, 0, 0, 0])
    }

    @Test("Determinism: forward, gradient and HVP reproduce bit for bit", arguments: Variant.allCases)
    func determinism(_ v: Variant) throws {
        let p = try Problem(v)
        let dir = ModelDerivativeChecks.randomDirection(count: p.model.parameterCount, seed: 3)
        let a = try p.model.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: dir)
        let workspace = RecurrentWorkspace()
        _ = try p.model.lossAndGradient(inputs: p.inputs, targets: p.targets, workspace: workspace)
        let b = try p.model.hessianVectorProduct(
            inputs: p.inputs, targets: p.targets, direction: dir, workspace: workspace)
        #expect(a == b)
        #expect(try p.model.forward(p.inputs) == (try p.model.forward(p.inputs, workspace: workspace)))
    }

    // MARK: derivatives

    @Test("Full Hessian of a tiny MRNNF is symmetric; its b_d column = differences of the gradient")
    func fullHessian() throws {
        let base = try MRNNF(inputSize: 1, hiddenSize: 2, outputSize: 1, window: 3, seed: 8)
        let model = try MRNNF(
            inputSize: 1, hiddenSize: 2, outputSize: 1, window: 3,
            parameters: base.parameters.map { 2 * $0 + 0.3 })
        let x = try ModelDerivativeChecks.randomBatch(steps: 6, batchSize: 2, features: 1, seed: 9)
        let y = try ModelDerivativeChecks.randomBatch(steps: 6, batchSize: 2, features: 1, seed: 10)
        let h = try model.hessian(inputs: x, targets: y)
        #expect(h.relativeAsymmetry < 1e-12)
        // Column 0 (b_d, which acts only through d and the filter weights) against central differences of ∇L.
        let step = 1e-5
        var plus = model, minus = model
        var th = model.parameters
        th[0] += step
        try plus.setParameters(th)
        th[0] -= 2 * step
        try minus.setParameters(th)
        let gp = try plus.lossAndGradient(inputs: x, targets: y).gradient
        let gm = try minus.lossAndGradient(inputs: x, targets: y).gradient
        let fd = zip(gp, gm).map { ($0 - $1) / (2 * step) }
        #expect(TestSupport.maxRelativeError(h.columns.column(0), fd) < 1e-6)
    }

    // MARK: filter identities

    /// MRNNF with N = d_in = d_out = 1, W_mm = b_m = 0, W_fm = 1: m_t = tanh(f_t), so f_t = atanh(m_t).
    static func probe(order d: Double, window K: Int, readoutFromMemory: Bool = false) throws -> MRNNF {
        let base = try MRNNF(inputSize: 1, hiddenSize: 1, outputSize: 1, window: K, seed: 1)
        var p = [Double](repeating: 0, count: base.parameterCount)
        func set(_ name: String, _ value: Double) throws {
            p[try base.parameterGroup(named: name).range.lowerBound] = value
        }
        try set("layer0.b_d", (2 * d / (1 - 2 * d)).log())  // ½σ(b) = d
        try set("layer0.W_fm", 1)
        if readoutFromMemory { try set("readout.W_mz", 1) }
        return try MRNNF(inputSize: 1, hiddenSize: 1, outputSize: 1, window: K, parameters: p)
    }

    @Test("MRNNF maps a constant input c to f = (Σ_{j=1}^{K} w_j)c: −0.80669c at d = 0.3, K = 100")
    func constantInput() throws {
        let model = try Self.probe(order: 0.3, window: 100)
        #expect(abs(model.fractionalOrders[0] - 0.3) < 1e-15)
        let c = 0.1, T = 130
        let r = try model.forward(try SequenceBatch(sequence: Array(repeating: [c], count: T)))
        let m = try r.segment("m", layer: 0)
        // Steady state after K steps (Σ_{j=0}^{100} π_j(0.3) = Γ(100.7)/(Γ(0.7)Γ(101)) = 0.19331).
        for t in [100, 101, 130] {
            let f = Double.atanh(m.values[t])
            #expect(abs(f / c - (0.19331 - 1)) < 1e-5, "t = \(t): f/c = \(f / c)")
            #expect(TestSupport.relativeError(f / c, try FractionalMemoryWeights.sum(order: 0.3, count: 100)) < 1e-12)
        }
        // Zero padding: before the window is full only t taps contribute.
        for t in [1, 2, 10, 99] {
            #expect(
                TestSupport.relativeError(
                    Double.atanh(m.values[t]) / c, try FractionalMemoryWeights.sum(order: 0.3, count: t)) < 1e-12)
        }
    }

    @Test("MRNNF response ∂y_t/∂x_{t−k} = w_{k+1}(d): log–log slope −1−d on k ∈ [5, 60] (L10)")
    func filterDecay() throws {
        // y_t = m_t = tanh(f_t) at zero input (m = 0, tanh′ = 1): ∂y_t/∂x_{t−k} = w_{k+1}(d) exactly, through the
        // model's input Jacobians (products of the state Jacobians over the input history).
        for d in [0.1, 0.3, 0.45] {
            let model = try Self.probe(order: d, window: 100, readoutFromMemory: true)
            let t = 61
            let zeros = try SequenceBatch(steps: t, batchSize: 1, features: 1)
            let jac = try model.inputJacobians(sequence: zeros, at: t, maxLag: 60)
            let w = try FractionalMemoryWeights.weights(order: d, count: 61)
            var xs: [Double] = [], ys: [Double] = []
            for k in 0...60 {
                let coefficient = jac.output[k][0, 0]
                #expect(TestSupport.relativeError(coefficient, w[k]) < 1e-12, "d = \(d), k = \(k)")
                if k >= 5 {
                    // Filter index j = k + 1 (w_j ~ j^{−1−d}/Γ(−d)); regressing on log k instead biases the slope by ≈ +0.06.
                    xs.append(Double(k + 1).log())
                    ys.append((-coefficient).log())
                }
            }
            let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
            let slope =
                zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
            #expect(abs(slope - (-1 - d)) < 0.03, "d = \(d): slope \(slope)")
        }
    }

    @Test("Dynamic order stays in (0, ½) for large inputs; outputTanh = tanh of the canonical readout")
    func orderRangeAndCompatibility() throws {
        var rng = TestSupport.rng(3)
        let noise = rng.gaussians(240)
        let model = try MRNN(inputSize: 2, hiddenSize: 4, outputSize: 1, window: 6, seed: 12)
        // Open interval in exact arithmetic; σ rounds to exactly 0 or 1 only for |pre-activation| ≳ 37.
        let x = try SequenceBatch(steps: 40, batchSize: 3, features: 2, values: noise.map { 3 * $0 })
        let d = try model.forward(x).segment("d", layer: 0)
        #expect(d.values[6...].allSatisfy { $0 > 0 && $0 < 0.5 })
        let big = try SequenceBatch(steps: 40, batchSize: 3, features: 2, values: noise.map { 1000 * $0 })
        let dBig = try model.forward(big).segment("d", layer: 0)
        #expect(dBig.values[6...].allSatisfy { $0 >= 0 && $0 <= 0.5 })
        #expect(dBig.values[6...].contains { $0 == 0.5 || $0 < 1e-100 }, "saturated orders reached")
        let canonical = try MRNNF(inputSize: 2, hiddenSize: 4, outputSize: 3, window: 6, seed: 13)
        let official = try MRNNF(
            inputSize: 2, hiddenSize: 4, outputSize: 3, window: 6, outputTanh: true,
            parameters: canonical.parameters)
        let a = try canonical.outputs(x), b = try official.outputs(x)
        #expect(TestSupport.maxAbsError(a.values.map { Double.tanh($0) }, b.values) < 1e-15)
    }
}
