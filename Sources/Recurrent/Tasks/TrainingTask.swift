import MemoryNumerics

/// One batch of a task: inputs, targets and the loss that scores the model's outputs on them.
///
/// Evaluation batches that must *continue from the state reached on earlier data* (Zhao et al.'s validation and
/// test splits) are expressed as one longer sequence — earlier data followed by the scored part — with a loss
/// masked to the scored steps (``LossMask/fromStep(_:)``): running the network over the concatenation is the same
/// computation, step for step, as carrying the final state across.
public struct TaskBatch: Sendable {
    public var inputs: SequenceBatch
    public var targets: SequenceBatch
    public var loss: any OutputLoss

    public init(inputs: SequenceBatch, targets: SequenceBatch, loss: any OutputLoss) throws {
        guard inputs.steps == targets.steps, inputs.batchSize == targets.batchSize else {
            throw RecurrentError.shapeMismatch(
                argument: "targets", expected: "\(inputs.steps) steps × \(inputs.batchSize) sequences (as the inputs)",
                got: "\(targets.steps) × \(targets.batchSize)")
        }
        self.inputs = inputs
        self.targets = targets
        self.loss = loss
    }
}

/// A supervised sequence task that ``Trainer`` can train any ``RecurrentModel`` on.
///
/// Randomness: training batches draw from the generator the trainer passes (seeded from
/// ``TrainingConfiguration/seed``); anything fixed (a teacher, held-out batches) is drawn by the task itself from
/// its own seed at construction, so that a task value fully determines its validation and test data.
public protocol TrainingTask: Sendable {
    /// Short identifier ("lsi", "series", "recall").
    var name: String { get }
    /// Input width d_in a model must have.
    var inputSize: Int { get }
    /// Output width d_out a model must have.
    var outputSize: Int { get }
    /// Updates in one epoch (a full pass over the training data); 1 for fresh-batch tasks and for the Zhao protocol.
    var stepsPerEpoch: Int { get }
    /// The batch of update `step` (0-based), drawing fresh data from `rng` if the task generates data.
    func trainingBatch(step: Int, using rng: inout SeededRandom) throws -> TaskBatch
    /// Held-out data for validation (model selection, early stopping), or nil.
    func validationBatch() throws -> TaskBatch?
    /// Held-out data for the final test, or nil.
    func testBatch() throws -> TaskBatch?
    /// Task-specific metrics of a trained model on the test data (e.g. RMSE and MAE in original units), keyed by
    /// name; empty when the task has none.
    func testMetrics(of model: any RecurrentModel) throws -> [String: Double]
    /// The task's settings as text, for reports (e.g. ["delay": "5", "steps": "100"]).
    var settings: [String: String] { get }
}

extension TrainingTask {
    public var stepsPerEpoch: Int { 1 }
    public func testMetrics(of model: any RecurrentModel) throws -> [String: Double] { [:] }
    public var settings: [String: String] { [:] }

    /// Throws when `model`'s input or output width does not fit the task.
    public func validateCompatible(_ model: any RecurrentModel) throws {
        guard model.inputSize == inputSize else {
            throw RecurrentError.shapeMismatch(argument: "model.inputSize", expected: "\(inputSize) for task \(name)",
                                               got: "\(model.inputSize)")
        }
        guard model.outputSize == outputSize else {
            throw RecurrentError.shapeMismatch(argument: "model.outputSize", expected: "\(outputSize) for task \(name)",
                                               got: "\(model.outputSize)")
        }
    }
}

/// Shared argument checks of the task constructors.
enum TaskChecks {
    static func positive(_ value: Int, _ argument: String) throws {
        guard value >= 1 else { throw RecurrentError.invalidArgument(argument: argument, message: "must be ≥ 1, got \(value)") }
    }

    static func finite(_ value: Double, _ argument: String, nonNegative: Bool = false) throws {
        guard value.isFinite, !nonNegative || value >= 0 else {
            throw RecurrentError.invalidArgument(
                argument: argument, message: "must be finite\(nonNegative ? " and ≥ 0" : ""), got \(value)")
        }
    }

    /// `count` standard normals scaled by `sd` and shifted by `mean`.
    static func gaussians(_ count: Int, mean: Double = 0, sd: Double = 1, using rng: inout SeededRandom) -> [Double] {
        var v = rng.gaussians(count)
        if mean != 0 || sd != 1 { for i in v.indices { v[i] = mean + sd * v[i] } }
        return v
    }
}
