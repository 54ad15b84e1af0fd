import MemoryNumerics

/// Settings of ``DelayedRecallTask``.
public struct DelayedRecallConfiguration: Sendable, Codable, Equatable {
    /// Delays k₁, k₂, … ≥ 0 to recall (output j·d_in + f is feature f of x_{t−k_j}); one delay is the usual task.
    public var delays: [Int]
    /// Input features d_in.
    public var features: Int
    /// Lag-one correlation ρ ∈ (−1, 1) of each input feature (0: i.i.d.).
    public var correlation: Double
    /// Sequence length T (> max delay).
    public var sequenceLength: Int
    /// Training batch size (fresh batch every update).
    public var batchSize: Int
    /// Size of the fixed validation and test batches (0: none).
    public var evaluationBatchSize: Int
    /// ½·MSE (true, the teacher–student convention of Zucchet & Orvieto 2024) or plain MSE.
    public var halvedLoss: Bool

    /// Settings with one delay k.
    public init(
        delay: Int, features: Int = 1, correlation: Double = 0, sequenceLength: Int = 100,
        batchSize: Int = 32, evaluationBatchSize: Int = 256, halvedLoss: Bool = true
    ) {
        self.init(
            delays: [delay], features: features, correlation: correlation, sequenceLength: sequenceLength,
            batchSize: batchSize, evaluationBatchSize: evaluationBatchSize, halvedLoss: halvedLoss)
    }

    /// Settings with several delays (output j·d_in + f recalls feature f at delay k_j).
    public init(
        delays: [Int], features: Int = 1, correlation: Double = 0, sequenceLength: Int = 100,
        batchSize: Int = 32, evaluationBatchSize: Int = 256, halvedLoss: Bool = true
    ) {
        self.delays = delays
        self.features = features
        self.correlation = correlation
        self.sequenceLength = sequenceLength
        self.batchSize = batchSize
        self.evaluationBatchSize = evaluationBatchSize
        self.halvedLoss = halvedLoss
    }

    /// The largest delay.
    public var maximumDelay: Int { delays.max() ?? 0 }

    /// Throws a descriptive ``RecurrentError`` for an inconsistent setting.
    public func validate() throws {
        guard !delays.isEmpty, delays.allSatisfy({ $0 >= 0 }) else {
            throw RecurrentError.invalidArgument(
                argument: "delays", message: "need at least one delay, all ≥ 0, got \(delays)")
        }
        try TaskChecks.positive(features, "features")
        try TaskChecks.positive(batchSize, "batchSize")
        guard sequenceLength > maximumDelay else {
            throw RecurrentError.invalidArgument(
                argument: "sequenceLength",
                message: "must exceed the largest delay \(maximumDelay), got \(sequenceLength)")
        }
        guard correlation.isFinite, abs(correlation) < 1 else {
            throw RecurrentError.invalidArgument(
                argument: "correlation", message: "must lie in (−1, 1), got \(correlation)")
        }
        guard evaluationBatchSize >= 0 else {
            throw RecurrentError.invalidArgument(
                argument: "evaluationBatchSize", message: "must be ≥ 0, got \(evaluationBatchSize)")
        }
    }
}
