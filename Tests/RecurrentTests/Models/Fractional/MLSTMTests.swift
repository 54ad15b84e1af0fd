import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// The memory-augmented LSTMs MLSTM and MLSTMF of Zhao et al. (2020, ICML, arXiv 2006.03860, §4):
/// forward pass against a direct transcription of the equations, determinism (their exact derivatives: ModelDerivativeTests), stability of
/// the fractional cell recursion, state layout, determinism.
@Suite("MLSTM and MLSTMF")
struct MLSTMTests {
    enum Variant: String, CaseIterable, CustomStringConvertible, Sendable {
        case mlstm, mlstmf
        var description: String { rawValue }

        func make(
            inputSize: Int = 2, hiddenSize: Int = 3, outputSize: Int = 2, window: Int = 5, layers: Int = 2,
            seed: UInt64 = 51
        ) throws -> any RecurrentModel {
            switch self {
            case .mlstm:
                return try MLSTM(
                    inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                    layers: layers, seed: seed)
            case .mlstmf:
                return try MLSTMF(
                    inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                    layers: layers, seed: seed)
            }
        }

        func make(_ base: any RecurrentModel, window: Int, parameters: [Double]) throws -> any RecurrentModel {
            switch self {
            case .mlstm:
                return try MLSTM(
                    inputSize: base.inputSize, hiddenSize: base.hiddenSize, outputSize: base.outputSize,
                    window: window, layers: base.layerCount, parameters: parameters)
            case .mlstmf:
                return try MLSTMF(
                    inputSize: base.inputSize, hiddenSize: base.hiddenSize, outputSize: base.outputSize,
                    window: window, layers: base.layerCount, parameters: parameters)
            }
        }
    }

    /// d_in = 2, N = 3, d_out = 2, K = 5, two layers, T = 8 (> K), B = 2; parameters ×2.5 the default
    /// initialisation, and θ_d spread over (−1.5, 1.5) so the fixed orders differ per unit.
    struct Problem {
        let model: any RecurrentModel
        let inputs: SequenceBatch
        let targets: SequenceBatch

        init(_ v: Variant, layers: Int = 2, seed: UInt64 = 51) throws {
            let base = try v.make(layers: layers, seed: seed)
            var p = base.parameters.map { 2.5 * $0 }
            for l in 0..<layers {
                if let g = base.parameterGroups.named("layer\(l).theta_d") {
                    for (k, i) in g.range.enumerated() { p[i] = -1.5 + 1.5 * Double(k) + 0.2 * Double(l) }
                }
            }
            model = try v.make(base, window: 5, parameters: p)
            inputs = try ModelDerivativeChecks.randomBatch(steps: 8, batchSize: 2, features: 2, seed: seed + 1)
            targets = try ModelDerivativeChecks.randomBatch(steps: 8, batchSize: 2, features: 2, seed: seed + 2)
        }
    }

    // MARK: forward pass

    /// The equations of Zhao et al. (2020, §4) for one sequence, with libm functions and plain arrays.
    static func reference(_ model: any RecurrentModel, dynamic: Bool, window K: Int, sequence x: [[Double]]) throws
        -> (y: [[Double]], h: [[[Double]]], c: [[[Double]]], d: [[[Double]]])
    {
        let n = model.hiddenSize
        func g(_ name: String) throws -> Matrix { try model.parameterMatrix(named: name) }
        func mv(_ a: Matrix, _ v: [Double]) -> [Double] {
            (0..<a.rows).map { i in (0..<a.columns).reduce(0) { $0 + a[i, $1] * v[$1] } }
        }
        func add(_ a: [Double], _ b: [Double]) -> [Double] { zip(a, b).map { $0 + $1 } }
        func sigmoid(_ v: Double) -> Double { 1 / (1 + (-v).exp()) }
        var layerInput = x
        var hs: [[[Double]]] = [], cs: [[[Double]]] = [], dsAll: [[[Double]]] = []
        for l in 0..<model.layerCount {
            var h = [Double](repeating: 0, count: n), d = h
            var cells = [[Double]](repeating: h, count: K)  // cells[j − 1] = c_{t−j}
            var hl: [[Double]] = [], cl: [[Double]] = [], dl: [[Double]] = []
            for t in 0..<layerInput.count {
                let u = layerInput[t]
                if dynamic {
                    let a = add(
                        add(
                            add(mv(try g("layer\(l).W_xd"), u), mv(try g("layer\(l).W_hd"), h)),
                            mv(try g("layer\(l).W_dd"), d)), try g("layer\(l).b_d").elements)
                    d = a.map { 0.5 * sigmoid($0) }
                } else {
                    d = try g("layer\(l).theta_d").elements.map { 0.5 * sigmoid($0) }
                }
                let z = add(
                    add(mv(try g("layer\(l).W_ih"), u), mv(try g("layer\(l).W_hh"), h)), try g("layer\(l).b").elements)
                var c = [Double](repeating: 0, count: n)
                for k in 0..<n {
                    let w = try FractionalMemoryWeights.weights(order: d[k], count: K)
                    var s = 0.0
                    for j in 1...K { s += w[j - 1] * cells[j - 1][k] }
                    c[k] = -s + sigmoid(z[k]) * Double.tanh(z[n + k])
                }
                h = (0..<n).map { sigmoid(z[2 * n + $0]) * Double.tanh(c[$0]) }
                cells.insert(c, at: 0)
                cells.removeLast()
                hl.append(h)
                cl.append(c)
                dl.append(d)
            }
            hs.append(hl)
            cs.append(cl)
            dsAll.append(dl)
            layerInput = hl
        }
        let cMat = try g("readout.C"), bias = try g("readout.c").elements
        return (layerInput.map { add(mv(cMat, $0), bias) }, hs, cs, dsAll)
    }

    @Test(
        "Forward pass = direct transcription of the equations (outputs, h, d, c and the cell history)",
        arguments: Variant.allCases)
    func forwardMatchesEquations(_ v: Variant) throws {
        let p = try Problem(v)
        let K = 5, T = 8, B = 2, n = 3
        let r = try p.model.forward(p.inputs)
        let layout = p.model.stateLayouts[0]
        let S = layout.size
        #expect(S == (v == .mlstm ? K + 2 : K + 1) * n)
        for b in 0..<B {
            let seq = (0..<T).map { t in (0..<2).map { p.inputs.values[$0 + 2 * (b + B * t)] } }
            let ref = try Self.reference(p.model, dynamic: v == .mlstm, window: K, sequence: seq)
            for t in 0..<T {
                let y = (0..<2).map { r.outputs.values[$0 + 2 * (b + B * t)] }
                #expect(TestSupport.maxAbsError(y, ref.y[t]) < 1e-12, "\(v) y at t = \(t + 1)")
                for l in 0..<2 {
                    let s = (0..<S).map { r.states[l].values[$0 + S * (b + B * (t + 1))] }
                    #expect(TestSupport.maxAbsError(Array(s[0..<n]), ref.h[l][t]) < 1e-12)
                    let c = try #require(layout.rows(of: "c"))
                    #expect(TestSupport.maxAbsError(Array(s[c]), ref.c[l][t]) < 1e-12)
                    if let rows = layout.rows(of: "d") {
                        #expect(TestSupport.maxAbsError(Array(s[rows]), ref.d[l][t]) < 1e-12)
                    }
                    let hist = try #require(layout.rows(of: "cellHistory"))
                    for k in 1..<K {
                        let expected = t - k >= 0 ? ref.c[l][t - k] : [0, 0, 0]
                        let block = Array(s[(hist.lowerBound + (k - 1) * n)..<(hist.lowerBound + k * n)])
                        #expect(TestSupport.maxAbsError(block, expected) < 1e-12)
                    }
                }
            }
        }
    }

    @Test("Parameter groups, state segments, initialisation bounds, argument validation")
    func layoutAndValidation() throws {
        let m = try MLSTM(inputSize: 2, hiddenSize: 3, outputSize: 1, window: 4, layers: 2, seed: 1)
        #expect(m.architecture == .mlstm && m.window == 4 && m.layerCount == 2)
        #expect(
            m.parameterGroups.map(\.name) == [
                "layer0.W_xd", "layer0.W_hd", "layer0.W_dd", "layer0.b_d", "layer0.W_ih", "layer0.W_hh", "layer0.b",
                "layer1.W_xd", "layer1.W_hd", "layer1.W_dd", "layer1.b_d", "layer1.W_ih", "layer1.W_hh", "layer1.b",
                "readout.C", "readout.c",
            ])
        #expect(try m.parameterGroup(named: "layer1.W_ih").shape == [9, 3])
        #expect(m.stateLayouts.count == 2 && m.stateSize == 2 * 18)
        #expect(m.stateLayouts[0].segments.map(\.name) == ["h", "d", "c", "cellHistory"])
        #expect(m.stateLayouts[0].rows(of: "c") == 6..<9)
        for g in m.parameterGroups {
            let fanIn: Double
            switch g.name {
            case "layer0.W_xd", "layer0.W_hd", "layer0.W_dd", "layer0.b_d": fanIn = 2 + 6
            case "layer1.W_xd", "layer1.W_hd", "layer1.W_dd", "layer1.b_d": fanIn = 3 + 6
            case "readout.C", "readout.c": fanIn = 3
            case let name where name.hasPrefix("layer0."): fanIn = 2 + 3
            default: fanIn = 3 + 3
            }
            let bound = 1 / fanIn.squareRoot()
            #expect(m.parameterValues(of: g).allSatisfy { abs($0) <= bound }, "\(g.name)")
            #expect(m.parameterValues(of: g).contains { abs($0) > 0.3 * bound }, "\(g.name) uses its range")
        }
        let f = try MLSTMF(inputSize: 2, hiddenSize: 3, outputSize: 1, window: 1, seed: 1)
        #expect(f.architecture == .mlstmf && f.stateSize == 6)
        #expect(f.stateLayouts[0].segments.map(\.name) == ["h", "c"])
        #expect(try f.parameterGroup(named: "layer0.theta_d").kind == .other)
        #expect(try f.fractionalOrders() == [0.25, 0.25, 0.25])
        #expect(throws: RecurrentError.self) { try f.fractionalOrders(layer: 1) }
        #expect(throws: RecurrentError.self) {
            try MLSTM(inputSize: 1, hiddenSize: 2, outputSize: 1, window: 0, seed: 1)
        }
        #expect(throws: RecurrentError.self) {
            try MLSTMF(inputSize: 1, hiddenSize: 2, outputSize: 1, layers: 0, seed: 1)
        }
        #expect(throws: RecurrentError.self) { try MLSTM(inputSize: 1, hiddenSize: 2, outputSize: 1, parameters: [0]) }
        #expect(try MLSTM(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 1).window == 25)
        #expect(try MLSTMF(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 1).window == 25)
    }

    @Test(
        "Determinism: same seed ⇒ same parameters; forward, gradient and HVP reproduce bit for bit",
        arguments: Variant.allCases)
    func determinism(_ v: Variant) throws {
        #expect(try v.make(seed: 9).parameters == (try v.make(seed: 9)).parameters)
        #expect(try v.make(seed: 9).parameters != (try v.make(seed: 10)).parameters)
        let p = try Problem(v)
        let dir = ModelDerivativeChecks.randomDirection(count: p.model.parameterCount, seed: 3)
        let a = try p.model.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: dir)
        let workspace = RecurrentWorkspace()
        _ = try p.model.lossAndGradient(inputs: p.inputs, targets: p.targets, workspace: workspace)
        let b = try p.model.hessianVectorProduct(
            inputs: p.inputs, targets: p.targets, direction: dir, workspace: workspace)
        #expect(a == b)
        let g1 = try p.model.lossAndGradient(inputs: p.inputs, targets: p.targets)
        let g2 = try p.model.lossAndGradient(inputs: p.inputs, targets: p.targets, workspace: workspace)
        #expect(g1.loss == g2.loss && g1.gradient == g2.gradient)
    }

    // MARK: stability of the fractional cell recursion

    @Test("Constant drive κ: c_t → κ/Π_{j=1}^{K}(1 − d/j) for d ∈ {0.05, 0.25, 0.45}, K = 25")
    func constantDriveFixedPoint() throws {
        // N = d_in = d_out = 1, all weights 0, gate biases (b_i, b_c̃, b_o) = (0, 1, 0): i⊙c̃ = ½·tanh 1 at every step.
        for d in [0.05, 0.25, 0.45] {
            let base = try MLSTMF(inputSize: 1, hiddenSize: 1, outputSize: 1, seed: 1)
            var p = [Double](repeating: 0, count: base.parameterCount)
            p[try base.parameterGroup(named: "layer0.theta_d").range.lowerBound] = (2 * d / (1 - 2 * d)).log()
            p[try base.parameterGroup(named: "layer0.b").range.lowerBound + 1] = 1
            let model = try MLSTMF(inputSize: 1, hiddenSize: 1, outputSize: 1, parameters: p)
            #expect(abs(try model.fractionalOrders()[0] - d) < 1e-15)
            let r = try model.forward(try SequenceBatch(steps: 1000, batchSize: 1, features: 1))
            let c = try r.segment("c", layer: 0).values
            let kappa = 0.5 * Double.tanh(1)
            let gain = 1 + (try FractionalMemoryWeights.sum(order: d, count: 25))  // Π(1 − d/j) = Σ_{j=0}^{K} π_j
            // Worked values (Python recursion, same equations): κ/gain = 0.461796, 1.047335, 2.632628.
            #expect(TestSupport.relativeError(c[1000], kappa / gain) < 1e-12, "d = \(d): c_T = \(c[1000])")
            #expect(c.allSatisfy { $0 >= 0 && $0 <= kappa / gain * (1 + 1e-12) }, "monotone approach from below")
        }
    }

    @Test("MLSTM with dynamic d_t ∈ (0, ½): |c_t| ≤ 1/Π_{j=1}^{K}(1 − 1/(2j)) for large random inputs")
    func boundedCells() throws {
        let K = 25
        let model = try MLSTM(inputSize: 2, hiddenSize: 4, outputSize: 1, window: K, seed: 17)
        let scaled = try MLSTM(
            inputSize: 2, hiddenSize: 4, outputSize: 1, window: K,
            parameters: model.parameters.map { 4 * $0 })
        var rng = TestSupport.rng(18)
        let x = try SequenceBatch(steps: 300, batchSize: 3, features: 2, values: rng.gaussians(1800).map { 5 * $0 })
        let r = try scaled.forward(x)
        let bound = 1 / (1 + (try FractionalMemoryWeights.sum(order: 0.5, count: K)))
        let c = try r.segment("c", layer: 0).values
        #expect(c.allSatisfy { abs($0) < bound }, "max |c| = \(c.map(abs).max() ?? 0), bound \(bound)")
        #expect(c.map(abs).max() ?? 0 > 1, "the fractional sum amplifies beyond the LSTM-like |c| < 1")
        let d = try r.segment("d", layer: 0).values
        #expect(d[4...].allSatisfy { $0 >= 0 && $0 <= 0.5 }, "closed in floating point: σ saturates")
    }
}
