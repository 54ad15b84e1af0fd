import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

@Suite("Gated models: conventions, layout, initialisation, errors")
struct GatedModelTests {
    @Test(
        "Forward pass = naive implementation of PyTorch's equations (gate order, GRU reset-after, readout)",
        arguments: GatedArchitecture.allCases)
    func forwardMatchesReference(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        let y = try p.model.outputs(p.inputs)
        for b in 0..<2 {
            let ref = NaiveReference.outputs(arch, p.model, p.inputs, sequence: b)
            for t in 0..<5 {
                for k in 0..<3 {
                    #expect(abs(y[t, b, k] - ref[t][k]) < 1e-13, "\(arch) t \(t) b \(b) k \(k)")
                }
            }
        }
        // The published top-layer hidden states reproduce the outputs through the readout.
        let traj = try p.model.forward(p.inputs)
        let h = try traj.hidden(layer: 1)
        #expect(h.steps == 6 && h.features == 4)
        #expect((0..<4).allSatisfy { h[0, 0, $0] == 0 }, "h_0 = 0 by default")
        if arch == .lstm {
            let c = try traj.segment("c", layer: 0)
            #expect(c.features == 4 && c.steps == 6)
        }
    }

    @Test("Parameter groups: PyTorch order, shapes, contiguous cover", arguments: GatedArchitecture.allCases)
    func parameterGroups(_ arch: GatedArchitecture) throws {
        let m = try arch.make(inputSize: 3, hiddenSize: 5, outputSize: 2, layers: 2, seed: 1)
        let g = arch.gateCount * 5
        let expected: [(String, [Int], ParameterKind)] = [
            ("layer0.W_ih", [g, 3], .input), ("layer0.W_hh", [g, 5], .recurrent), ("layer0.b_ih", [g], .bias),
            ("layer0.b_hh", [g], .bias), ("layer1.W_ih", [g, 5], .input), ("layer1.W_hh", [g, 5], .recurrent),
            ("layer1.b_ih", [g], .bias), ("layer1.b_hh", [g], .bias), ("readout.C", [2, 5], .readout),
            ("readout.c", [2], .readoutBias),
        ]
        #expect(m.parameterGroups.map(\.name) == expected.map(\.0))
        #expect(m.parameterGroups.map(\.shape) == expected.map(\.1))
        #expect(m.parameterGroups.map(\.kind) == expected.map(\.2))
        var next = 0
        for group in m.parameterGroups {
            #expect(group.range.lowerBound == next)
            next = group.range.upperBound
        }
        #expect(next == m.parameterCount)
        // PyTorch: layer 0 g·3 + g·5 + 2g, layer 1 g·5 + g·5 + 2g, nn.Linear(5, 2) 12 (rnn: 122 as torch counts).
        #expect(m.parameterCount == 22 * g + 12)
        #expect(m.architecture.rawValue == arch.rawValue)
        #expect(m.stateSize == (arch == .lstm ? 20 : 10))
    }

    @Test("Parameter access helpers: group matrices, slices, group directions")
    func parameterAccess() throws {
        let m = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 1, seed: 8)
        let w = try m.parameterMatrix(named: "layer0.W_hh")
        #expect(w.rows == 12 && w.columns == 3)
        let g = try m.parameterGroup(named: "layer0.W_hh")
        #expect(w[4, 2] == m.parameters[g.range.lowerBound + 4 + 2 * 12], "column-major storage")
        let v = try m.direction(group: "readout.c", values: [2])
        #expect(v.count == m.parameterCount && v.reduce(0, +) == 2 && v[m.parameterCount - 1] == 2)
        #expect(try m.slice(v, group: "readout.c") == [2])
        #expect(throws: RecurrentError.self) { _ = try m.direction(group: "readout.c", values: [1, 2]) }
    }

    @Test("PyTorch initialisation: U(−1/√N, 1/√N), same seed ⇒ same bytes", arguments: GatedArchitecture.allCases)
    func initialisation(_ arch: GatedArchitecture) throws {
        let a = try arch.make(inputSize: 2, hiddenSize: 16, outputSize: 1, layers: 2, seed: 42)
        let b = try arch.make(inputSize: 2, hiddenSize: 16, outputSize: 1, layers: 2, seed: 42)
        let c = try arch.make(inputSize: 2, hiddenSize: 16, outputSize: 1, layers: 2, seed: 43)
        #expect(a.parameters.map(\.bitPattern) == b.parameters.map(\.bitPattern))
        #expect(a.parameters != c.parameters)
        let bound = 0.25
        #expect(a.parameters.allSatisfy { abs($0) <= bound })
        // U(−k, k): E|θ|/k = 1/2, sd of the mean of P draws = k/(√12·√P)·… ; 5-sigma band on |θ|/k.
        let meanAbs = a.parameters.reduce(0) { $0 + abs($1) } / Double(a.parameterCount) / bound
        let sigma = (1.0 / 12).squareRoot() / Double(a.parameterCount).squareRoot()
        #expect(abs(meanAbs - 0.5) < 5 * sigma, "mean |θ|/k = \(meanAbs)")
        // Same trajectory bytes on repeated runs.
        let x = try ModelDerivativeChecks.randomBatch(steps: 6, batchSize: 3, features: 2, seed: 5)
        let y1 = try a.outputs(x), y2 = try b.outputs(x)
        #expect(y1.values.map(\.bitPattern) == y2.values.map(\.bitPattern))
    }

    @Test("Descriptive errors for wrong shapes and values", arguments: GatedArchitecture.allCases)
    func errors(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        let m = p.model
        func expectShapeError(_ argument: String, _ body: () throws -> Void) {
            do {
                try body()
                Issue.record("\(arch): expected an error for \(argument)")
            } catch let e as RecurrentError {
                #expect(e.description.contains(argument), "\(e.description)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        let wrongX = try ModelDerivativeChecks.randomBatch(steps: 5, batchSize: 2, features: 3, seed: 1)
        expectShapeError("inputs") { _ = try m.forward(wrongX) }
        let wrongY = try ModelDerivativeChecks.randomBatch(steps: 4, batchSize: 2, features: 3, seed: 1)
        expectShapeError("targets") { _ = try m.lossAndGradient(inputs: p.inputs, targets: wrongY) }
        expectShapeError("direction") {
            _ = try m.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: [1, 2, 3])
        }
        expectShapeError("parameters") {
            _ = try arch.make(inputSize: 2, hiddenSize: 4, outputSize: 3, layers: 2, parameters: [0.1])
        }
        var mm = m
        expectShapeError("parameters") { try mm.setParameters(m.parameters + [0]) }
        expectShapeError("parameters") { try mm.setParameters(m.parameters.map { _ in .nan }) }
        expectShapeError("hiddenSize") {
            _ = try arch.make(inputSize: 2, hiddenSize: 0, outputSize: 3, layers: 1, seed: 1)
        }
        expectShapeError("initialStates") {
            _ = try m.forward(p.inputs, initialStates: [Matrix(rows: 1, columns: 2)])
        }
        expectShapeError("initialStates[0]") {
            _ = try m.forward(p.inputs, initialStates: m.stateLayouts.map { Matrix(rows: $0.size, columns: 3) })
        }
        expectShapeError("outputGradient") { _ = try m.gradient(inputs: p.inputs, outputGradient: p.inputs) }
        expectShapeError("sequence") { _ = try m.stepJacobians(sequence: p.inputs) }
        let one = try ModelDerivativeChecks.randomBatch(steps: 5, batchSize: 1, features: 2, seed: 3)
        expectShapeError("maxLag") { _ = try m.inputJacobians(sequence: one, at: 3, maxLag: 3) }
        expectShapeError("t") { _ = try m.inputJacobians(sequence: one, at: 6, maxLag: 0) }
        expectShapeError("mask") {
            _ = try m.loss(inputs: p.inputs, targets: p.targets, loss: MeanSquaredError(mask: .fromStep(5)))
        }
        expectShapeError("mask weights") {
            _ = try m.loss(inputs: p.inputs, targets: p.targets, loss: MeanSquaredError(mask: .weights([1, -1])))
        }
        var bad = p.inputs.values
        bad[3] = .infinity
        expectShapeError("inputs") {
            _ = try m.forward(try SequenceBatch(steps: 5, batchSize: 2, features: 2, values: bad))
        }
        expectShapeError("values") { _ = try SequenceBatch(steps: 2, batchSize: 2, features: 2, values: [1, 2, 3]) }
        expectShapeError("name") { _ = try m.parameterGroup(named: "layer9.W_hh") }
    }

    @Test("Loss values: ½·mean of squared errors, masks, plain MSE")
    func lossValues() throws {
        let p = try SmallProblem(.gru)
        let y = try p.model.outputs(p.inputs)
        let r = zip(y.values, p.targets.values).map { ($0 - $1) * ($0 - $1) }
        let full = try p.model.loss(inputs: p.inputs, targets: p.targets)
        #expect(TestSupport.relativeError(full, 0.5 * r.reduce(0, +) / 30) < 1e-14)
        let last = try p.model.loss(
            inputs: p.inputs, targets: p.targets, loss: MeanSquaredError(mask: .lastStep, halved: false))
        #expect(TestSupport.relativeError(last, r[24..<30].reduce(0, +) / 6) < 1e-14)
    }

    @Test("Re-used workspace gives bit-identical gradients and HVPs", arguments: GatedArchitecture.allCases)
    func workspaceReuse(_ arch: GatedArchitecture) throws {
        let p = try SmallProblem(arch)
        let ws = RecurrentWorkspace()
        let fresh = try p.model.lossAndGradient(inputs: p.inputs, targets: p.targets)
        // A differently shaped call in between must not corrupt later results.
        let other = try ModelDerivativeChecks.randomBatch(steps: 9, batchSize: 3, features: 2, seed: 77)
        _ = try p.model.lossAndGradient(
            inputs: other,
            targets: try ModelDerivativeChecks.randomBatch(steps: 9, batchSize: 3, features: 3, seed: 78), workspace: ws
        )
        var g = [Double]()
        let l = try p.model.lossAndGradient(inputs: p.inputs, targets: p.targets, workspace: ws, gradient: &g)
        #expect(l.bitPattern == fresh.loss.bitPattern)
        #expect(g.map(\.bitPattern) == fresh.gradient.map(\.bitPattern))
        let v = ModelDerivativeChecks.randomDirection(count: p.model.parameterCount, seed: 1)
        let h1 = try p.model.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: v)
        _ = try p.model.hessianVectorProduct(
            inputs: other,
            targets: try ModelDerivativeChecks.randomBatch(steps: 9, batchSize: 3, features: 3, seed: 78), direction: v,
            workspace: ws)
        let h2 = try p.model.hessianVectorProduct(inputs: p.inputs, targets: p.targets, direction: v, workspace: ws)
        #expect(h1 == h2)
    }
}
