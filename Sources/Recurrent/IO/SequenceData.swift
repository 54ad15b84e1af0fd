/// A user's sequence data: inputs x_1 … x_T of B sequences and, optionally, targets y_1 … y_T, read from a
/// safetensors file or built from columns, checked once and handed to a model as a ``SequenceBatch`` (or, with a
/// loss, as a ``TaskBatch``).
///
/// # Safetensors layout
/// Tensor `input` [T, B, d_in] and optionally `target` [T, B, d_out] (other names can be chosen), in PyTorch's
/// sequence-first layout (element (t, b, k) = step t + 1, sequence b, feature k, C order — exactly the bytes of a
/// contiguous `torch.Tensor` of shape (T, B, d)), dtype F64 or F32 (F16 and BF16 are read exactly too). A rank-2
/// tensor [T, d] is one sequence (B = 1) and a rank-1 tensor [T] one sequence of one feature. Other tensors in
/// the file are ignored, so a file may also hold weights or reference outputs.
///
/// Every check names the file and the tensor: a missing `input`, a rank other than 1–3, an empty dimension, an
/// integer dtype, steps or sequences of `target` that differ from `input`'s, a non-finite value (with its step,
/// sequence and feature), and — in ``validate(for:)`` — widths that disagree with a model.
public struct SequenceData: Sendable, Equatable {
    /// Inputs, T × B × d_in.
    public let inputs: SequenceBatch
    /// Targets, T × B × d_out (nil when the data have none).
    public let targets: SequenceBatch?
    /// Where the data came from (a path), for messages.
    public let source: String
    /// The name of the inputs in messages (the tensor's name, or a description of the columns).
    public let inputName: String
    /// The name of the targets in messages.
    public let targetName: String

    /// Data from batches; throws when the targets' steps or sequences differ from the inputs' or a value is not
    /// finite.
    public init(
        inputs: SequenceBatch, targets: SequenceBatch? = nil, source: String = "<data>",
        inputName: String = "input", targetName: String = "target"
    ) throws {
        self.inputs = inputs
        self.targets = targets
        self.source = source
        self.inputName = inputName
        self.targetName = targetName
        try Self.checkFinite(inputs, source: source, name: inputName)
        if let targets {
            guard targets.steps == inputs.steps, targets.batchSize == inputs.batchSize else {
                throw RecurrentError.shapeMismatch(
                    argument: "\(source): \(targetName)",
                    expected: "\(inputs.steps) steps × \(inputs.batchSize) sequences (as \(inputName))",
                    got: "\(targets.steps) × \(targets.batchSize)")
            }
            try Self.checkFinite(targets, source: source, name: targetName)
        }
    }

    /// One sequence (B = 1) from columns of equal length: `inputColumns[k][t]` is feature k at step t + 1 (and the
    /// same for the targets; no target columns: no targets). `inputName` and `targetName` describe the columns in
    /// messages (e.g. `column "flow"`).
    public init(
        inputColumns: [[Double]], targetColumns: [[Double]] = [], source: String = "<data>",
        inputName: String = "input", targetName: String = "target"
    ) throws {
        guard let steps = inputColumns.first?.count, steps >= 1 else {
            throw RecurrentError.invalidArgument(
                argument: "\(source): \(inputName)", message: "needs at least one column of at least one value")
        }
        for columns in [inputColumns, targetColumns] where !columns.allSatisfy({ $0.count == steps }) {
            throw RecurrentError.shapeMismatch(
                argument: "\(source): columns", expected: "\(steps) values in every column",
                got: "columns of lengths \(columns.map(\.count))")
        }
        func batch(_ columns: [[Double]]) throws -> SequenceBatch {
            let d = columns.count
            var values = [Double](repeating: 0, count: steps * d)
            for (k, column) in columns.enumerated() {
                for (t, v) in column.enumerated() { values[k + d * t] = v }
            }
            return try SequenceBatch(steps: steps, batchSize: 1, features: d, values: values)
        }
        try self.init(
            inputs: try batch(inputColumns), targets: targetColumns.isEmpty ? nil : try batch(targetColumns),
            source: source, inputName: inputName, targetName: targetName)
    }

    /// The data in a safetensors file: tensor `inputTensor` and, when present, `targetTensor` (layout: see the
    /// type's documentation). With `requireTargets`, a missing target tensor is an error.
    /// - Throws: ``SafetensorsError`` naming the file and the tensor (kinds `.missingTensor`, `.wrongShape`,
    ///   `.unsupportedDType`, `.invalidValue`).
    public init(
        file: SafetensorsFile, inputTensor: String = "input", targetTensor: String = "target",
        requireTargets: Bool = false
    ) throws(SafetensorsError) {
        let source = file.source
        func fail(_ kind: SafetensorsError.Kind, _ message: String) -> SafetensorsError {
            SafetensorsError(kind, source: source, message)
        }
        func batch(_ name: String) throws(SafetensorsError) -> SequenceBatch {
            let t = try file.tensor(named: name)
            guard [.f64, .f32, .f16, .bf16].contains(t.dtype) else {
                throw fail(
                    .unsupportedDType, "tensor \"\(name)\" has dtype \(t.dtype.rawValue); sequence data are F64 or F32")
            }
            let shape: [Int]
            switch t.shape.count {
            case 3: shape = t.shape
            case 2: shape = [t.shape[0], 1, t.shape[1]]
            case 1: shape = [t.shape[0], 1, 1]
            default:
                throw fail(
                    .wrongShape,
                    "tensor \"\(name)\" has shape \(SafetensorsTensor.shapeText(t.shape)); sequence data are [T, B, d] (or [T, d], [T] for one sequence)"
                )
            }
            guard shape.allSatisfy({ $0 >= 1 }) else {
                throw fail(
                    .wrongShape,
                    "tensor \"\(name)\" has shape \(SafetensorsTensor.shapeText(t.shape)), with an empty dimension")
            }
            if let i = t.values.firstIndex(where: { !$0.isFinite }) {
                let (step, sequence, feature) = (i / (shape[1] * shape[2]), (i / shape[2]) % shape[1], i % shape[2])
                throw fail(
                    .invalidValue,
                    "tensor \"\(name)\" has a non-finite value \(t.values[i]) at step \(step), sequence \(sequence), feature \(feature) (0-based)"
                )
            }
            do {
                return try SequenceBatch(steps: shape[0], batchSize: shape[1], features: shape[2], values: t.values)
            } catch {
                throw fail(.wrongShape, "tensor \"\(name)\": \(error)")
            }
        }
        let inputs = try batch(inputTensor)
        var targets: SequenceBatch? = nil
        if file.tensors[targetTensor] != nil {
            targets = try batch(targetTensor)
        } else if requireTargets {
            throw fail(
                .missingTensor,
                "no tensor \"\(targetTensor)\" (targets [T, B, d_out] are needed; the file has \(file.names.prefix(12).joined(separator: ", ")))"
            )
        }
        if let targets, targets.steps != inputs.steps || targets.batchSize != inputs.batchSize {
            throw fail(
                .wrongShape,
                "tensor \"\(targetTensor)\" has \(targets.steps) steps × \(targets.batchSize) sequences but \"\(inputTensor)\" has \(inputs.steps) × \(inputs.batchSize)"
            )
        }
        self.inputs = inputs
        self.targets = targets
        self.source = source
        self.inputName = "tensor \"\(inputTensor)\""
        self.targetName = "tensor \"\(targetTensor)\""
    }

    /// Reads the safetensors file at `path` (see ``init(file:inputTensor:targetTensor:requireTargets:)``).
    public static func read(
        contentsOf path: String, inputTensor: String = "input", targetTensor: String = "target",
        requireTargets: Bool = false
    ) throws(SafetensorsError) -> SequenceData {
        try SequenceData(
            file: try SafetensorsFile.read(contentsOf: path), inputTensor: inputTensor,
            targetTensor: targetTensor, requireTargets: requireTargets)
    }

    /// Number of steps T.
    public var steps: Int { inputs.steps }
    /// Number of sequences B.
    public var batchSize: Int { inputs.batchSize }
    /// Input width d_in.
    public var inputSize: Int { inputs.features }
    /// Output width d_out of the targets (nil without targets).
    public var targetSize: Int? { targets?.features }

    /// Checks that the widths fit `model`: d_in = the model's input width and, with targets, d_out = its output
    /// width; the error names the source, the tensor (or columns) and both widths.
    public func validate(for model: any RecurrentModel) throws {
        guard inputs.features == model.inputSize else {
            throw RecurrentError.shapeMismatch(
                argument: "\(source): \(inputName)",
                expected:
                    "\(model.inputSize) feature\(model.inputSize == 1 ? "" : "s") per step (the network's input width)",
                got: "\(inputs.features)")
        }
        if let targets, targets.features != model.outputSize {
            throw RecurrentError.shapeMismatch(
                argument: "\(source): \(targetName)",
                expected:
                    "\(model.outputSize) feature\(model.outputSize == 1 ? "" : "s") per step (the network's output width)",
                got: "\(targets.features)")
        }
    }

    /// The data as a batch scored by `loss` (e.g. ``MeanSquaredError`` with a burn-in mask), for the `on:`
    /// derivative entry points; throws when the data have no targets.
    public func taskBatch(loss: any OutputLoss = MeanSquaredError()) throws -> TaskBatch {
        guard let targets else {
            throw RecurrentError.invalidArgument(
                argument: "\(source)", message: "has no targets (\(targetName)); a loss needs them")
        }
        return try TaskBatch(inputs: inputs, targets: targets, loss: loss)
    }

    private static func checkFinite(_ batch: SequenceBatch, source: String, name: String) throws {
        guard let i = batch.values.firstIndex(where: { !$0.isFinite }) else { return }
        let d = batch.features, b = batch.batchSize
        throw RecurrentError.invalidArgument(
            argument: "\(source): \(name)",
            message:
                "non-finite value \(batch.values[i]) at step \(i / (b * d)), sequence \((i / d) % b), feature \(i % d) (0-based)"
        )
    }
}
