import MemoryNumerics

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
    /// One update per epoch.
    public var stepsPerEpoch: Int { 1 }
    /// No metrics.
    public func testMetrics(of model: any RecurrentModel) throws -> [String: Double] { [:] }
    /// No settings.
    public var settings: [String: String] { [:] }

    /// Throws when `model`'s input or output width does not fit the task.
    public func validateCompatible(_ model: any RecurrentModel) throws {
        guard model.inputSize == inputSize else {
            throw RecurrentError.shapeMismatch(
                argument: "model.inputSize", expected: "\(inputSize) for task \(name)",
                got: "\(model.inputSize)")
        }
        guard model.outputSize == outputSize else {
            throw RecurrentError.shapeMismatch(
                argument: "model.outputSize", expected: "\(outputSize) for task \(name)",
                got: "\(model.outputSize)")
        }
    }
}
