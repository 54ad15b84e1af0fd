import Recurrent
import Testing

@Suite("SequenceData")
struct SequenceDataTests {
    static func file(_ tensors: [String: SafetensorsTensor]) -> SafetensorsFile {
        SafetensorsFile(tensors: tensors, metadata: [:], source: "data.safetensors")
    }

    @Test("input [T, B, d] and target [T, B, d_out] in PyTorch's layout; [T, d] and [T] are one sequence; F32 is read")
    func layouts() throws {
        let x = try SafetensorsTensor(shape: [3, 2, 1], values: [1, 2, 3, 4, 5, 6])
        let y = try SafetensorsTensor(shape: [3, 2, 2], values: (0..<12).map(Double.init), dtype: .f32)
        let d = try SequenceData(file: Self.file(["input": x, "target": y, "weight_ih_l0": x]))
        #expect(d.steps == 3 && d.batchSize == 2 && d.inputSize == 1 && d.targetSize == 2)
        #expect(try d.inputs.value(step: 1, sequence: 0, feature: 0) == 3)
        #expect(try d.targets?.value(step: 2, sequence: 1, feature: 1) == 11)
        let two = try SequenceData(
            file: Self.file(["input": try SafetensorsTensor(shape: [4, 2], values: [1, 2, 3, 4, 5, 6, 7, 8])]))
        #expect(two.batchSize == 1 && two.inputSize == 2 && two.targets == nil)
        #expect(try two.inputs.value(step: 3, sequence: 0, feature: 1) == 8)
        let one = try SequenceData(
            file: Self.file(["x": try SafetensorsTensor(shape: [5], values: [1, 2, 3, 4, 5])]),
            inputTensor: "x")
        #expect(one.steps == 5 && one.inputSize == 1)
    }

    @Test(
        "errors name the file and the tensor: missing, wrong rank, empty, integer dtype, non-finite, disagreeing steps")
    func fileErrors() throws {
        func expectError(
            _ tensors: [String: SafetensorsTensor], requireTargets: Bool = false, _ kind: SafetensorsError.Kind,
            _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation
        ) {
            do {
                _ = try SequenceData(file: Self.file(tensors), requireTargets: requireTargets)
                Issue.record("no error", sourceLocation: sourceLocation)
            } catch {
                #expect(error.kind == kind, sourceLocation: sourceLocation)
                #expect(error.description.hasPrefix("data.safetensors: "), sourceLocation: sourceLocation)
                #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
            }
        }
        let x = try SafetensorsTensor(shape: [3, 1, 1], values: [1, 2, 3])
        expectError(["output": x], .missingTensor, "no tensor \"input\"")
        expectError(["input": x], requireTargets: true, .missingTensor, "no tensor \"target\"")
        expectError(
            ["input": try SafetensorsTensor(shape: [1, 1, 1, 3], values: [1, 2, 3])], .wrongShape, "[T, B, d]")
        expectError(["input": try SafetensorsTensor(shape: [3, 0, 1], values: [])], .wrongShape, "empty dimension")
        expectError(
            ["input": try SafetensorsTensor(shape: [3], values: [1, 2, 3], dtype: .i64)], .unsupportedDType, "I64")
        expectError(
            ["input": try SafetensorsTensor(shape: [3, 1, 1], values: [1, .nan, 3])], .invalidValue,
            "non-finite value nan at step 1, sequence 0, feature 0")
        expectError(
            ["input": x, "target": try SafetensorsTensor(shape: [2, 1, 1], values: [1, 2])], .wrongShape,
            "tensor \"target\" has 2 steps × 1 sequences but \"input\" has 3 × 1")
    }

    @Test("validate(for:) names the tensor and both widths; taskBatch needs targets and carries the loss")
    func againstModel() throws {
        let model = try TanhRNN(inputSize: 2, hiddenSize: 3, outputSize: 1, seed: 1)
        let good = try SequenceData(
            file: Self.file([
                "input": try SafetensorsTensor(shape: [4, 1, 2], values: (0..<8).map { Double($0) / 8 }),
                "target": try SafetensorsTensor(shape: [4, 1, 1], values: [0, 1, 0, 1]),
            ]))
        try good.validate(for: model)
        let batch = try good.taskBatch(loss: MeanSquaredError(mask: .fromStep(1), halved: false))
        #expect(
            try model.loss(on: batch)
                == model.loss(
                    inputs: good.inputs, targets: good.targets,
                    loss: MeanSquaredError(mask: .fromStep(1), halved: false)))
        let wide = try SequenceData(
            file: Self.file([
                "input": try SafetensorsTensor(shape: [4, 1, 3], values: [Double](repeating: 0, count: 12))
            ]))
        #expect(throws: RecurrentError.self) { try wide.validate(for: model) }
        do {
            try wide.validate(for: model)
        } catch {
            #expect(
                "\(error)".contains(
                    "data.safetensors: tensor \"input\": expected 2 features per step (the network's input width), got 3"
                ), "\(error)")
        }
        let badTarget = try SequenceData(
            file: Self.file([
                "input": try SafetensorsTensor(shape: [4, 1, 2], values: [Double](repeating: 0, count: 8)),
                "target": try SafetensorsTensor(shape: [4, 1, 2], values: [Double](repeating: 0, count: 8)),
            ]))
        do {
            try badTarget.validate(for: model)
            Issue.record("no error")
        } catch {
            #expect(
                "\(error)".contains(
                    "tensor \"target\": expected 1 feature per step (the network's output width), got 2"), "\(error)")
        }
        let noTargets = try SequenceData(inputs: good.inputs)
        #expect(throws: RecurrentError.self) { try noTargets.taskBatch() }
    }

    @Test("columns make one sequence; lengths and finiteness are checked")
    func columns() throws {
        let d = try SequenceData(inputColumns: [[1, 2, 3], [4, 5, 6]], targetColumns: [[7, 8, 9]], source: "s.csv")
        #expect(d.steps == 3 && d.batchSize == 1 && d.inputSize == 2 && d.targetSize == 1)
        #expect(try d.inputs.value(step: 2, sequence: 0, feature: 1) == 6)
        #expect(throws: RecurrentError.self) { try SequenceData(inputColumns: [[1, 2], [3]]) }
        #expect(throws: RecurrentError.self) { try SequenceData(inputColumns: [[1, .infinity]]) }
        #expect(throws: RecurrentError.self) { try SequenceData(inputColumns: []) }
    }
}
