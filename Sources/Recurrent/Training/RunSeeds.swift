/// The seeds of one training run, all derived from a single seed s so that a run is named by one number:
/// the model's initialisation draws from s, the task's fixed data (teacher, validation and test batches) from
/// s + 1, and the trainer's fresh training batches from s + 2 (wrapping on overflow). `rnnmem train --seed s`
/// and `rnnmem eval --seed s` use them, so an evaluation with the same s scores exactly the held-out data of the
/// training run.
public struct RunSeeds: Sendable, Hashable, Codable {
    /// The run's seed s.
    public let seed: UInt64

    /// The seeds derived from `seed`.
    public init(_ seed: UInt64) { self.seed = seed }

    /// Seed of the model's initialisation: s.
    public var model: UInt64 { seed }
    /// Seed of the task's fixed data: s + 1.
    public var task: UInt64 { seed &+ 1 }
    /// Seed of the trainer's generator (``TrainingConfiguration/seed``): s + 2.
    public var trainer: UInt64 { seed &+ 2 }
}
