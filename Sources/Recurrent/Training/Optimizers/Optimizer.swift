/// A first-order optimiser acting in place on a model's flat parameter vector θ (layout:
/// ``RecurrentModel/parameterGroups``), one update per call.
///
/// Conventions shared by every optimiser:
/// * `learningRate` is the value of the schedule for this update (``LearningRateSchedule``); the optimiser keeps
///   no learning rate of its own, so a schedule is applied exactly as optax/PyTorch schedulers do (the k-th update,
///   k = 0, 1, …, uses schedule(k)).
/// * The gradient is used as given (clip it before, see ``GradientClipping``); it is not modified.
/// * State (momentum, moment estimates, step count) lives in the optimiser value; ``reset()`` clears it.
/// * Weight decay, when present, is applied per coordinate with a multiplier from ``OptimizerConfiguration/decayMask(parameterGroups:)`` (nil: every
///   coordinate), so that groups such as recurrent weights can be excluded (``OptimizerConfiguration``).
public protocol Optimizer: Sendable {
    /// Short name used in reports ("sgd", "adam", "adamw").
    var name: String { get }
    /// Number of updates applied since creation or the last ``reset()``.
    var stepCount: Int { get }
    /// Apply one update to `parameters` using `gradient` (same length) and `learningRate` (finite, ≥ 0).
    /// Throws ``RecurrentError`` on a length mismatch or a bad learning rate; parameters are untouched then.
    mutating func update(_ parameters: inout [Double], gradient: [Double], learningRate: Double) throws
    /// Forget all state (the next update is the first).
    mutating func reset()
}
