import MemoryNumerics

/// One batch of a task: inputs, targets and the loss that scores the model's outputs on them.
///
/// Evaluation batches that must *continue from the state reached on earlier data* (Zhao et al.'s validation and
/// test splits) are expressed as one longer sequence — earlier data followed by the scored part — with a loss
/// masked to the scored steps (``LossMask/fromStep(_:)``): running the network over the concatenation is the same
/// computation, step for step, as carrying the final state across.
public struct TaskBatch: Sendable {
    /// Inputs x_1 … x_T, T × B × d_in.
    public let inputs: SequenceBatch
    /// Targets y_1 … y_T, T × B × d_out (values at steps the loss masks out are ignored).
    public let targets: SequenceBatch
    /// The task's objective on this batch (e.g. ``MeanSquaredError`` masked to the scored steps): use it through
    /// ``RecurrentModel/lossAndGradient(on:initialStates:workspace:)`` and the other `on:` entry points, so that
    /// the batch is always scored as the task defines.
    public let loss: any OutputLoss

    /// A batch; throws when the targets' steps or batch size differ from the inputs'.
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
