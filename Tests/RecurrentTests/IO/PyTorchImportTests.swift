import Foundation
import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

/// A committed fixture made by scripts/make_torch_fixtures.py (numpy transcription of PyTorch's equations,
/// cross-checked against torch when it was installed: see each file's `torch_check` metadata).
func torchFixture(_ name: String) throws -> SafetensorsFile {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "safetensors", subdirectory: "Fixtures"))
    return try SafetensorsFile.read(contentsOf: url.path)
}

@Suite("PyTorch state-dict import and export")
struct PyTorchImportTests {
    struct Fixture: Sendable, CustomStringConvertible {
        let name: String
        let architecture: PyTorchArchitecture
        let recurrentPrefix: String
        let readoutPrefix: String
        var description: String { name }
    }

    static let fixtures: [Fixture] = [
        Fixture(name: "rnn_l1", architecture: .rnn, recurrentPrefix: "", readoutPrefix: "linear."),
        Fixture(name: "rnn_l2", architecture: .rnn, recurrentPrefix: "rnn.", readoutPrefix: "fc."),
        Fixture(name: "lstm_l1", architecture: .lstm, recurrentPrefix: "", readoutPrefix: "linear."),
        Fixture(name: "lstm_l2", architecture: .lstm, recurrentPrefix: "rnn.", readoutPrefix: "fc."),
        Fixture(name: "lstm_l1_f32", architecture: .lstm, recurrentPrefix: "", readoutPrefix: "linear."),
        Fixture(name: "gru_l1", architecture: .gru, recurrentPrefix: "", readoutPrefix: "linear."),
        Fixture(name: "gru_l2", architecture: .gru, recurrentPrefix: "rnn.", readoutPrefix: "fc."),
    ]

    static func options(_ f: Fixture) -> PyTorchImportOptions {
        PyTorchImportOptions(names: PyTorchNames(recurrentPrefix: f.recurrentPrefix, readoutPrefix: f.readoutPrefix))
    }

    static func batch(_ t: SafetensorsTensor) throws -> SequenceBatch {
        try SequenceBatch(steps: t.shape[0], batchSize: t.shape[1], features: t.shape[2], values: t.values)
    }

    @Test(
        "forward pass of the imported network matches the reference outputs and final states to 1e-12",
        arguments: fixtures)
    func matchesReference(_ f: Fixture) throws {
        let file = try torchFixture(f.name)
        let model = try PyTorchImport.model(from: file, architecture: f.architecture, options: Self.options(f))
        #expect(model.architecture.rawValue == f.architecture.rawValue)
        #expect(String(model.layerCount) == file.metadata["num_layers"])
        #expect(String(model.hiddenSize) == file.metadata["hidden_size"])
        let x = try Self.batch(try file.tensor(named: "input"))
        let reference = try file.tensor(named: "output")
        let trajectory = try model.forward(x)
        #expect(trajectory.outputs.values.count == reference.values.count)
        #expect(TestSupport.maxAbsError(trajectory.outputs.values, reference.values) <= 1e-12)
        // h_n [L, B, N] (and c_n) = the states at t = T of each layer.
        let hN = try file.tensor(named: "h_n")
        let T = x.steps, B = x.batchSize, n = model.hiddenSize
        for l in 0..<model.layerCount {
            let h = try trajectory.hidden(layer: l)
            for b in 0..<B {
                for k in 0..<n {
                    let ours = try h.value(step: T, sequence: b, feature: k)
                    #expect(abs(ours - hN.values[(l * B + b) * n + k]) <= 1e-12)
                }
            }
            if f.architecture == .lstm {
                let cN = try file.tensor(named: "c_n")
                let c = try trajectory.segment("c", layer: l)
                for b in 0..<B {
                    for k in 0..<n {
                        #expect(
                            abs(try c.value(step: T, sequence: b, feature: k) - cN.values[(l * B + b) * n + k]) <= 1e-12
                        )
                    }
                }
            }
        }
    }

    @Test("export → import is exact for every architecture, both name schemes", arguments: PyTorchArchitecture.allCases)
    func roundTrip(_ a: PyTorchArchitecture) throws {
        var rng = TestSupport.rng(41)
        let model: any RecurrentModel
        switch a {
        case .rnn: model = try TanhRNN(inputSize: 3, hiddenSize: 5, outputSize: 2, layers: 2, using: &rng)
        case .lstm: model = try LSTM(inputSize: 3, hiddenSize: 5, outputSize: 2, layers: 2, using: &rng)
        case .gru: model = try GRU(inputSize: 3, hiddenSize: 5, outputSize: 2, layers: 2, using: &rng)
        }
        for names in [PyTorchNames(), PyTorchNames(recurrentPrefix: "encoder.rnn.", readoutPrefix: "head.")] {
            let file = try PyTorchImport.stateDict(of: model, names: names)
            #expect(file.tensors[names.inputWeights(layer: 1)]?.shape == [a.gateCount * 5, 5])
            #expect(file.tensors[names.readoutWeight ?? ""]?.shape == [2, 5])
            let back = try PyTorchImport.model(
                from: try SafetensorsFile.decode(try file.encoded()), architecture: a,
                options: PyTorchImportOptions(names: names))
            #expect(back.parameters.map(\.bitPattern) == model.parameters.map(\.bitPattern))
        }
    }

    @Test("the mapping puts PyTorch's row-major W_ih into rnnmem's column-major group")
    func layoutOfOneWeight() throws {
        let file = try torchFixture("gru_l1")
        let model = try PyTorchImport.gru(from: file)
        let w = try file.tensor(named: "weight_ih_l0")  // [12, 3], C order
        let group = try model.parameterMatrix(named: "layer0.W_ih")
        for i in 0..<12 { for j in 0..<3 { #expect(group[i, j] == w.values[i * 3 + j]) } }
    }

    @Test("a file without a readout reads out h itself (C = I, c = 0)")
    func noReadout() throws {
        let file = try torchFixture("lstm_l1")
        let model = try PyTorchImport.lstm(
            from: file, options: PyTorchImportOptions(names: PyTorchNames(readoutPrefix: nil)))
        #expect(model.outputSize == 4)
        let x = try Self.batch(try file.tensor(named: "input"))
        let tr = try model.forward(x)
        let h = try tr.hidden(layer: 0)
        let hN = try file.tensor(named: "h_n")
        for b in 0..<x.batchSize {
            for k in 0..<4 {
                #expect(
                    try tr.outputs.value(step: x.steps - 1, sequence: b, feature: k)
                        == (try h.value(step: x.steps, sequence: b, feature: k)))
                #expect(
                    abs(try tr.outputs.value(step: x.steps - 1, sequence: b, feature: k) - hN.values[b * 4 + k])
                        <= 1e-12)
            }
        }
    }

    // MARK: Errors

    @Test("a GRU file imported as an LSTM (or RNN) is a wrong-shape error naming the tensor")
    func wrongArchitecture() throws {
        let file = try torchFixture("gru_l1")
        for a in [PyTorchArchitecture.lstm, .rnn] {
            do {
                _ = try PyTorchImport.model(from: file, architecture: a)
                Issue.record("no error for \(a)")
            } catch {
                #expect(error.kind == .wrongShape)
                #expect(error.message.contains("weight_ih_l0"))
                #expect(error.source.hasSuffix("gru_l1.safetensors"))
            }
        }
    }

    @Test("missing tensors: bias (unless zero biases are allowed), readout, wrong prefix with a hint")
    func missingTensors() throws {
        var file = try torchFixture("lstm_l2")
        let options = PyTorchImportOptions(names: PyTorchNames(recurrentPrefix: "rnn.", readoutPrefix: "fc."))
        #expect(safetensorsErrorKind { _ = try PyTorchImport.lstm(from: file) } == .missingTensor)
        do {
            _ = try PyTorchImport.lstm(from: file)
        } catch {
            #expect(error.message.contains("rnn."))  // the hint names the prefix to use
        }
        file.tensors["rnn.bias_hh_l1"] = nil
        #expect(safetensorsErrorKind { _ = try PyTorchImport.lstm(from: file, options: options) } == .missingTensor)
        var zeroOptions = options
        zeroOptions.missingBiasesAreZero = true
        let m = try PyTorchImport.lstm(from: file, options: zeroOptions)
        #expect(try m.slice(m.parameters, group: "layer1.b_hh").allSatisfy { $0 == 0 })
        file.tensors["fc.weight"] = nil
        #expect(safetensorsErrorKind { _ = try PyTorchImport.lstm(from: file, options: zeroOptions) } == .missingTensor)
    }

    @Test("wrong shapes, non-finite weights, bidirectional and projected modules, layer gaps")
    func otherErrors() throws {
        let base = try torchFixture("rnn_l1")
        var f = base
        f.tensors["linear.weight"] = try SafetensorsTensor(shape: [2, 5], values: [Double](repeating: 0, count: 10))
        #expect(safetensorsErrorKind { _ = try PyTorchImport.tanhRNN(from: f) } == .wrongShape)
        f = base
        f.tensors["bias_ih_l0"] = try SafetensorsTensor(shape: [3], values: [0, 0, 0])
        #expect(safetensorsErrorKind { _ = try PyTorchImport.tanhRNN(from: f) } == .wrongShape)
        f = base
        f.tensors["weight_hh_l0"] = try SafetensorsTensor(
            shape: [4, 4], values: [Double](repeating: .infinity, count: 16))
        #expect(safetensorsErrorKind { _ = try PyTorchImport.tanhRNN(from: f) } == .invalidValue)
        f = base
        f.tensors["weight_ih_l0_reverse"] = try base.tensor(named: "weight_ih_l0")
        #expect(safetensorsErrorKind { _ = try PyTorchImport.tanhRNN(from: f) } == .unexpectedTensor)
        f = base
        f.tensors["weight_hr_l0"] = try SafetensorsTensor(shape: [1, 4], values: [0, 0, 0, 0])
        #expect(safetensorsErrorKind { _ = try PyTorchImport.tanhRNN(from: f) } == .unexpectedTensor)
        f = base
        f.tensors["weight_hh_l2"] = try SafetensorsTensor(shape: [4, 4], values: [Double](repeating: 0, count: 16))
        #expect(safetensorsErrorKind { _ = try PyTorchImport.tanhRNN(from: f) } == .unexpectedTensor)
        // Models without a PyTorch counterpart cannot be exported in its layout.
        let linear = try LinearRNN(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 1)
        #expect(safetensorsErrorKind { _ = try PyTorchImport.stateDict(of: linear) } == .invalidMetadata)
    }

    @Test("a truncated fixture is an error, not a crash")
    func truncatedFixture() throws {
        let url = try #require(
            Bundle.module.url(forResource: "gru_l2", withExtension: "safetensors", subdirectory: "Fixtures"))
        let bytes = [UInt8](try Data(contentsOf: url))
        for cut in [0, 5, 8, 100, bytes.count / 2, bytes.count - 1] {
            #expect(safetensorsErrorKind { _ = try SafetensorsFile.decode(Array(bytes[0..<cut])) } != nil)
        }
    }
}

/// Export of imported PyTorch files: `PyTorchImport.stateDict(of:)` of a fixture's model reproduces the
/// fixture's parameter tensors bit for bit (names, shapes, dtype, values), and vectors in the parameter layout go to
/// per-group tensors and back.
@Suite("PyTorch export of imported fixtures")
struct PyTorchExportTests {
    @Test("import → export reproduces every fixture's state dict, bit for bit", arguments: PyTorchImportTests.fixtures)
    func exportOfImportIsIdentity(_ f: PyTorchImportTests.Fixture) throws {
        let file = try torchFixture(f.name)
        let options = PyTorchImportTests.options(f)
        let model = try PyTorchImport.model(from: file, architecture: f.architecture, options: options)
        let dtype: SafetensorsDType = f.name.hasSuffix("f32") ? .f32 : .f64
        let exported = try PyTorchImport.stateDict(of: model, names: options.names, dtype: dtype)
        let parameters = file.names.filter { !["input", "output", "h_n", "c_n"].contains($0) }
        #expect(exported.names == parameters.sorted())
        for name in parameters {
            let a = try #require(exported.tensors[name]), b = try #require(file.tensors[name])
            #expect(a.shape == b.shape && a.dtype == b.dtype, "\(name)")
            #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern), "\(name)")
            // And the bytes written: the same encoding of the same values.
            let one = try SafetensorsFile(tensors: [name: a]).encoded(),
                other = try SafetensorsFile(tensors: [name: b]).encoded()
            #expect(one == other, "\(name)")
        }
    }

    @Test(
        "ModelIO.tensors(of:) and vector(from:) are inverse; missing groups are zero on request; errors name the tensor"
    )
    func vectorTensors() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 1, layers: 2, seed: 4)
        var rng = SeededRandom(seed: 9)
        let v = rng.gaussians(model.parameterCount)
        let tensors = try ModelIO.tensors(of: v, groups: model.parameterGroups, prefix: "g.")
        #expect(tensors.count == model.parameterGroups.count)
        #expect(tensors["g.layer0.W_ih"]?.shape == [12, 2])
        let file = SafetensorsFile(tensors: tensors, source: "v.safetensors")
        #expect(try ModelIO.vector(from: file, groups: model.parameterGroups, prefix: "g.") == v)
        // A weights file is a vector of the same model (no prefix).
        #expect(
            try ModelIO.vector(from: try ModelIO.safetensors(of: model), groups: model.parameterGroups)
                == model.parameters)
        var partial = SafetensorsFile(
            tensors: ["layer1.W_hh": try #require(tensors["g.layer1.W_hh"])], source: "p.safetensors")
        let w = try ModelIO.vector(from: partial, groups: model.parameterGroups, missingGroupsAreZero: true)
        let group = try model.parameterGroup(named: "layer1.W_hh")
        #expect(Array(w[group.range]) == Array(v[group.range]))
        #expect(w.enumerated().allSatisfy { group.range.contains($0.offset) || $0.element == 0 })
        #expect(throws: SafetensorsError.self) { try ModelIO.vector(from: partial, groups: model.parameterGroups) }
        partial.tensors["layer9.W"] = try SafetensorsTensor(shape: [1], values: [1])
        do {
            _ = try ModelIO.vector(from: partial, groups: model.parameterGroups, missingGroupsAreZero: true)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .unexpectedTensor && error.description.contains("\"layer9.W\""))
        }
        #expect(throws: RecurrentError.self) { try ModelIO.tensors(of: [1, 2], groups: model.parameterGroups) }
    }
}
