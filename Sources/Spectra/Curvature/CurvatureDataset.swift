import MemoryNumerics
import Recurrent

/// The loss whose curvature is analysed: the mean squared error of the engine over every scored step, sequence and
/// output, L = s·Σ (ŷ − y)² / (T′·B·d_out), with s = ½ (`halved`, the engine's default, the teacher–student
/// convention) or s = 1 (plain MSE), and the first `burnIn` steps of every sequence left out (T′ = T − burnIn).
public struct CurvatureLoss: Sendable, Equatable, Hashable {
    /// s = ½ when true, 1 when false.
    public var halved: Bool
    /// Number k of leading steps excluded from the loss (0: every step).
    public var burnIn: Int

    /// ½·MSE over every step by default.
    public init(halved: Bool = true, burnIn: Int = 0) {
        self.halved = halved
        self.burnIn = burnIn
    }

    /// The engine loss for this setting.
    public var outputLoss: MeanSquaredError {
        MeanSquaredError(mask: burnIn > 0 ? .fromStep(burnIn) : .allSteps, halved: halved)
    }

    /// s.
    var scale: Double { halved ? 0.5 : 1 }
}

/// One batch of a ``CurvatureDataset``: inputs T × B × d_in and targets T × B × d_out.
public struct CurvatureBatch: Sendable, Equatable {
    /// T × B × d_in.
    public let inputs: SequenceBatch
    /// T × B × d_out.
    public let targets: SequenceBatch

    /// A batch; throws if the shapes disagree or a value is not finite (naming the tensor `input` or `target`).
    public init(inputs: SequenceBatch, targets: SequenceBatch) throws {
        guard inputs.steps == targets.steps, inputs.batchSize == targets.batchSize else {
            throw SpectraError.invalidArgument(
                argument: "targets",
                message:
                    "\(targets.steps) steps × \(targets.batchSize) sequences, the inputs have \(inputs.steps) × \(inputs.batchSize)"
            )
        }
        if let i = inputs.values.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(
                argument: "input", message: "value \(inputs.values[i]) at index \(i) is not finite")
        }
        if let i = targets.values.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(
                argument: "target", message: "value \(targets.values[i]) at index \(i) is not finite")
        }
        self.inputs = inputs
        self.targets = targets
    }
}

/// A data set over which curvature operators average: batches of sequences and the loss.
///
/// The loss of the whole data set is the mean over *all* scored values, L = s·Σ_{batches} Σ (ŷ − y)² / N with
/// N = Σ_b T′_b·B_b·d_out — i.e. the weighted mean Σ_b w_b L_b of the batch losses with w_b = T′_b·B_b/Σ T′·B (equal
/// weights for batches of equal shape). Every curvature operator uses the same weights, so the Hessian of this L,
/// its Gauss–Newton matrix and the empirical Fisher refer to one objective.
public struct CurvatureDataset: Sendable, Equatable {
    /// The batches, in order.
    public let batches: [CurvatureBatch]
    /// The loss whose curvature is analysed.
    public let loss: CurvatureLoss
    /// w_b, summing to 1.
    public let weights: [Double]

    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for no batches, batches of different widths,
    ///   or a burn-in that leaves no step of some batch.
    public init(batches: [CurvatureBatch], loss: CurvatureLoss = CurvatureLoss()) throws {
        guard let first = batches.first else {
            throw SpectraError.invalidArgument(argument: "batches", message: "needs at least one batch")
        }
        guard loss.burnIn >= 0 else {
            throw SpectraError.invalidArgument(argument: "burnIn", message: "must be ≥ 0, got \(loss.burnIn)")
        }
        for (i, b) in batches.enumerated() {
            guard b.inputs.features == first.inputs.features, b.targets.features == first.targets.features else {
                throw SpectraError.invalidArgument(
                    argument: "batches", message: "batch \(i) has different feature widths from batch 0")
            }
            guard loss.burnIn < b.inputs.steps else {
                throw SpectraError.invalidArgument(
                    argument: "burnIn",
                    message: "\(loss.burnIn) leaves no scored step in batch \(i) of \(b.inputs.steps) steps")
            }
        }
        let counts = batches.map { Double(($0.inputs.steps - loss.burnIn) * $0.inputs.batchSize) }
        let total = counts.reduce(0, +)
        self.batches = batches
        self.loss = loss
        weights = counts.map { $0 / total }
    }

    /// A data set of one batch.
    public init(inputs: SequenceBatch, targets: SequenceBatch, loss: CurvatureLoss = CurvatureLoss()) throws {
        try self.init(batches: [CurvatureBatch(inputs: inputs, targets: targets)], loss: loss)
    }

    /// Total number of sequences.
    public var sequenceCount: Int { batches.reduce(0) { $0 + $1.inputs.batchSize } }

    /// Throws unless the model's input and output widths fit the data and its parameters are finite.
    public func validate(for model: any RecurrentModel) throws {
        let first = batches[0]
        guard first.inputs.features == model.inputSize else {
            throw SpectraError.invalidArgument(
                argument: "input",
                message: "\(first.inputs.features) features, the model has input size \(model.inputSize)")
        }
        guard first.targets.features == model.outputSize else {
            throw SpectraError.invalidArgument(
                argument: "target",
                message: "\(first.targets.features) features, the model has output size \(model.outputSize)")
        }
        if let i = model.parameters.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(
                argument: "parameters", message: "value \(model.parameters[i]) at index \(i) is not finite")
        }
    }

    /// L = Σ_b w_b L_b at the model's parameters.
    public func lossValue(of model: any RecurrentModel) throws -> Double {
        try validate(for: model)
        var total = 0.0
        for (b, w) in zip(batches, weights) {
            total += w * (try model.loss(inputs: b.inputs, targets: b.targets, loss: loss.outputLoss))
        }
        return total
    }

    /// ∇L = Σ_b w_b ∇L_b.
    public func gradient(of model: any RecurrentModel) throws -> [Double] {
        try validate(for: model)
        var total = [Double](repeating: 0, count: model.parameterCount)
        for (b, w) in zip(batches, weights) {
            let g = try model.lossAndGradient(inputs: b.inputs, targets: b.targets, loss: loss.outputLoss).gradient
            for i in total.indices { total[i] += w * g[i] }
        }
        return total
    }
}
