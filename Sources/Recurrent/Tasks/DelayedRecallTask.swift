import MemoryNumerics

/// Delayed recall for memory-horizon experiments (Illium et al. 2022's random memorisation task; Jaeger 2002's
/// delay convention of memory capacity, *GMD Report* 152): the target at step t is the input k steps earlier,
///
///     y_t = x_{t−k}   (k = 0 reproduces the current input, t = 1 … T),
///
/// with the loss on steps t > k_max only (``LossMask/fromStep(_:)`` with k_max, the first k_max targets not being
/// defined; their target values are set to 0 and masked out).
///
/// Inputs, independently per feature and per sequence: x_1 ~ N(0, 1) and x_{t+1} = ρx_t + √(1 − ρ²)ξ_{t+1},
/// ξ i.i.d. N(0, 1) — stationary with zero mean, unit variance and E[x_t x_{t+Δ}] = ρ^{|Δ|} (the input model of
/// Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064); ρ = 0 gives i.i.d. N(0, 1).
///
/// The trivial predictor ŷ = 0 has expected loss ``trivialLoss`` = ½ (halved) or 1 (plain MSE) since Var x = 1.
/// With ρ ≠ 0 a memoryless predictor does better: ŷ_t = ρ^k x_t reaches ``memorylessLoss`` = ½(1 − ρ^{2k})
/// (halved; one delay, E[(x_{t−k} − ρ^k x_t)²] = 1 − ρ^{2k}), the level a network must beat to show memory.
///
/// Randomness: validation batch from `SeededRandom(seed: seed, stream: 1)`, test batch from stream 2; training
/// batches from the trainer's generator. Draw order: for every sequence b, feature f, the T values in time order.
public struct DelayedRecallTask: TrainingTask {
    /// The task's settings.
    public let configuration: DelayedRecallConfiguration
    /// Seed of the fixed validation and test batches.
    public let seed: UInt64
    let validation: TaskBatch?
    let test: TaskBatch?

    /// "recall".
    public var name: String { "recall" }
    /// d_in = the number of features.
    public var inputSize: Int { configuration.features }
    /// d_out = features × delays.
    public var outputSize: Int { configuration.features * configuration.delays.count }

    /// The masked loss used everywhere.
    public var loss: MeanSquaredError {
        MeanSquaredError(mask: .fromStep(configuration.maximumDelay), halved: configuration.halvedLoss)
    }

    /// Expected loss of the zero predictor: ½ (halved) or 1.
    public var trivialLoss: Double { configuration.halvedLoss ? 0.5 : 1 }

    /// Expected loss of the best memoryless linear predictor ŷ_t = ρ^{k_j} x_t, averaged over the delays:
    /// s·mean_j(1 − ρ^{2k_j}) with s = ½ (halved) or 1.
    public var memorylessLoss: Double {
        let c = configuration
        let mean =
            c.delays.map { 1 - Double.pow(c.correlation * c.correlation, Double($0)) }.reduce(0, +)
            / Double(c.delays.count)
        return (c.halvedLoss ? 0.5 : 1) * mean
    }

    /// The task, its validation and test batches drawn from `seed`.
    public init(configuration: DelayedRecallConfiguration, seed: UInt64) throws {
        try configuration.validate()
        self.configuration = configuration
        self.seed = seed
        var validationRNG = SeededRandom(seed: seed, stream: 1)
        var testRNG = SeededRandom(seed: seed, stream: 2)
        let n = configuration.evaluationBatchSize
        let loss = MeanSquaredError(mask: .fromStep(configuration.maximumDelay), halved: configuration.halvedLoss)
        validation = n > 0 ? try Self.batch(configuration, batchSize: n, loss: loss, using: &validationRNG) : nil
        test = n > 0 ? try Self.batch(configuration, batchSize: n, loss: loss, using: &testRNG) : nil
    }

    /// Inputs (AR(1) per feature) and delayed targets for `batchSize` sequences.
    static func batch(
        _ c: DelayedRecallConfiguration, batchSize nb: Int, loss: MeanSquaredError,
        using rng: inout SeededRandom
    ) throws -> TaskBatch {
        let T = c.sequenceLength, d = c.features
        let rho = c.correlation, innovation = (1 - rho * rho).squareRoot()
        var x = [Double](repeating: 0, count: T * nb * d)
        for b in 0..<nb {
            for f in 0..<d {
                var previous = 0.0
                for t in 0..<T {
                    let z = rng.gaussian()
                    let value = t == 0 || rho == 0 ? z : rho * previous + innovation * z
                    x[f + d * (b + nb * t)] = value
                    previous = value
                }
            }
        }
        let dOut = d * c.delays.count
        var y = [Double](repeating: 0, count: T * nb * dOut)
        for t in 0..<T {
            for b in 0..<nb {
                for (j, k) in c.delays.enumerated() where t >= k {
                    for f in 0..<d { y[j * d + f + dOut * (b + nb * t)] = x[f + d * (b + nb * (t - k))] }
                }
            }
        }
        return try TaskBatch(
            inputs: SequenceBatch(steps: T, batchSize: nb, features: d, values: x),
            targets: SequenceBatch(steps: T, batchSize: nb, features: dOut, values: y), loss: loss)
    }

    /// A fresh batch drawn from `rng`.
    public func trainingBatch(step: Int, using rng: inout SeededRandom) throws -> TaskBatch {
        try Self.batch(configuration, batchSize: configuration.batchSize, loss: loss, using: &rng)
    }

    /// The fixed validation batch (nil when the evaluation batch size is 0).
    public func validationBatch() throws -> TaskBatch? { validation }
    /// The fixed test batch (nil when the evaluation batch size is 0).
    public func testBatch() throws -> TaskBatch? { test }

    /// The settings and the seed, for reports.
    public var settings: [String: String] {
        let c = configuration
        return [
            "delays": c.delays.map(String.init).joined(separator: " "), "features": "\(c.features)",
            "correlation": "\(c.correlation)", "sequenceLength": "\(c.sequenceLength)", "batchSize": "\(c.batchSize)",
            "evaluationBatchSize": "\(c.evaluationBatchSize)",
            "loss": c.halvedLoss ? "half mean squared error" : "mean squared error",
            "maskedSteps": "\(c.maximumDelay)", "seed": "\(seed)",
        ]
    }
}
