import Foundation
import MemoryNumerics
import Recurrent
import Testing
import _TestSupport

@Suite("rnnmem weights files (ModelIO)")
struct ModelIOTests {
    static func specifications() throws -> [ModelSpecification] {
        var specs = try Architecture.allCases.map {
            try ModelSpecification(architecture: $0, inputSize: 2, hiddenSize: 3, outputSize: 2, layers: 1, window: 4)
        }
        for a in [Architecture.tanhRNN, .lstm, .gru, .linearRNN, .complexDiagonalRNN, .lru, .mlstm] {
            specs.append(
                try ModelSpecification(
                    architecture: a, inputSize: 2, hiddenSize: 4, outputSize: 2, layers: 2, window: 3))
        }
        specs.append(
            try ModelSpecification(
                architecture: .linearRNN, inputSize: 2, hiddenSize: 4, outputSize: 1, heads: 2,
                skip: SkipConnection.none))
        specs.append(
            try ModelSpecification(
                architecture: .complexDiagonalRNN, inputSize: 1, hiddenSize: 3, outputSize: 1,
                complexDiagonal: ComplexDiagonalConfiguration(
                    parametrization: .exp, normalization: .l2(epsilon: 1e-6), skip: .diagonal)))
        specs.append(
            try ModelSpecification(
                architecture: .mrnnf, inputSize: 1, hiddenSize: 2, outputSize: 1, window: 5, outputTanh: true))
        return specs
    }

    @Test("write → read reproduces every architecture bit for bit (same outputs, same checksum)")
    func roundTripAll() throws {
        for spec in try Self.specifications() {
            let model = try spec.makeModel(seed: 17)
            let file = try ModelIO.safetensors(of: model, metadata: ["task": "recall"])
            let back = try ModelIO.model(from: try SafetensorsFile.decode(try file.encoded()))
            #expect(back.architecture == model.architecture)
            #expect(back.parameters.map(\.bitPattern) == model.parameters.map(\.bitPattern), "\(spec.architecture)")
            #expect(back.parameterGroups == model.parameterGroups, "\(spec.architecture)")
            #expect(try ModelSpecification(describing: back) == (try ModelSpecification(describing: model)))
            #expect(file.metadata["task"] == "recall")
            #expect(file.metadata["parameter_checksum"] == ModelIO.checksum(model.parameters))
            let x = try SequenceBatch(
                steps: 4, batchSize: 2, features: spec.inputSize,
                values: (0..<(8 * spec.inputSize)).map { Double($0 % 5) / 5 - 0.4 })
            #expect(try back.outputs(x) == (try model.outputs(x)))
        }
    }

    @Test("tensors are the groups in C order: readout.C [d_out, N] row by row")
    func tensorLayout() throws {
        let model = try LSTM(inputSize: 2, hiddenSize: 3, outputSize: 2, seed: 5)
        let file = try ModelIO.safetensors(of: model)
        #expect(file.names == model.parameterGroups.map(\.name).sorted())
        let c = try model.parameterMatrix(named: "readout.C")
        let t = try file.tensor(named: "readout.C")
        #expect(t.shape == [2, 3])
        for i in 0..<2 { for j in 0..<3 { #expect(t.values[i * 3 + j] == c[i, j]) } }
        #expect(file.metadata["architecture"] == "lstm")
        #expect(file.metadata["hidden_size"] == "3")
    }

    @Test("checksum: FNV-1a of the bit patterns (reference value), sensitive to one ulp and to −0")
    func checksum() {
        // FNV-1a 64 of the empty input is the offset basis; of the 8 zero bytes of +0.0 it is
        // 0xa8c7f832281a39c5 (computed with the published FNV-1a definition: h ← (h ⊕ byte)·0x100000001b3).
        #expect(ModelIO.checksum([]) == "fnv1a64:cbf29ce484222325")
        #expect(ModelIO.checksum([0.0]) == "fnv1a64:a8c7f832281a39c5")
        #expect(ModelIO.checksum([1.0]) != ModelIO.checksum([(1.0).nextUp]))
        #expect(ModelIO.checksum([0.0]) != ModelIO.checksum([-0.0]))
    }

    @Test("F32 export rounds every value once and carries no checksum")
    func float32Export() throws {
        let model = try GRU(inputSize: 1, hiddenSize: 2, outputSize: 1, seed: 3)
        let file = try ModelIO.safetensors(of: model, dtype: .f32)
        #expect(file.metadata["parameter_checksum"] == nil)
        let back = try ModelIO.model(from: try SafetensorsFile.decode(try file.encoded()))
        #expect(back.parameters == model.parameters.map { Double(Float($0)) })
    }

    @Test("errors: missing group, wrong shape, extra tensor, checksum mismatch, bad or missing metadata, PyTorch file")
    func errors() throws {
        let model = try TanhRNN(inputSize: 2, hiddenSize: 3, outputSize: 1, seed: 9)
        let good = try ModelIO.safetensors(of: model)
        var f = good
        f.tensors["layer0.b_hh"] = nil
        #expect(safetensorsErrorKind { _ = try ModelIO.model(from: f) } == .missingTensor)
        f = good
        f.tensors["layer0.W_hh"] = try SafetensorsTensor(shape: [3, 2], values: [0, 0, 0, 0, 0, 0])
        #expect(safetensorsErrorKind { _ = try ModelIO.model(from: f) } == .wrongShape)
        f = good
        f.tensors["layer1.W_hh"] = try SafetensorsTensor(shape: [3, 3], values: [Double](repeating: 0, count: 9))
        #expect(safetensorsErrorKind { _ = try ModelIO.model(from: f) } == .unexpectedTensor)
        f = good
        var v = try f.tensor(named: "readout.c").values
        v[0] = v[0].nextUp
        f.tensors["readout.c"] = try SafetensorsTensor(shape: [1], values: v)
        #expect(safetensorsErrorKind { _ = try ModelIO.model(from: f) } == .invalidValue)
        for (key, value) in [
            ("architecture", "transformer"), ("hidden_size", "0"), ("layers", "two"),
            ("format_version", "9"), ("format", "other"), ("parameter_count", "7"),
        ] {
            f = good
            f.metadata[key] = value
            #expect(safetensorsErrorKind { _ = try ModelIO.model(from: f) } == .invalidMetadata, "\(key)")
        }
        f = good
        f.metadata["hidden_size"] = "4"  // tensors no longer fit the sizes
        #expect(safetensorsErrorKind { _ = try ModelIO.model(from: f) } == .wrongShape)
        f = good
        f.metadata["input_size"] = nil
        #expect(safetensorsErrorKind { _ = try ModelIO.model(from: f) } == .invalidMetadata)
        let torch = try torchFixture("rnn_l1")
        do {
            _ = try ModelIO.model(from: torch)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .invalidMetadata)
            #expect(error.message.contains("PyTorch"))
        }
    }

    @Test("write/read through a file; unknown architectures are rejected when reading")
    func files() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("m.safetensors").path
        let model = try MLSTMF(inputSize: 1, hiddenSize: 2, outputSize: 1, window: 3, seed: 2)
        try ModelIO.write(model, to: path)
        let back = try ModelIO.model(contentsOf: path)
        #expect(back.parameters == model.parameters)
        #expect(back.architecture == .mlstmf)
        #expect(Architecture(rawValue: "transformer") == nil)
        let file = try ModelIO.safetensors(of: model)
        var metadata = file.metadata
        metadata["architecture"] = "transformer"
        let renamed = SafetensorsFile(tensors: file.tensors, metadata: metadata, source: "m.safetensors")
        do {
            _ = try ModelIO.model(from: renamed)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .invalidMetadata)
            #expect(error.message.contains("unknown architecture \"transformer\""))
        }
    }
}
