import Recurrent

/// Settings of a delayed-recall experiment (Illium et al. 2022's random memorisation task): train networks of one
/// architecture and hidden size to output x_{t−k} and score them per delay.
public struct RecallExperimentConfiguration: Sendable, Equatable {
    /// Architecture, hidden size N and depth of the networks (their input and output widths are set from the task).
    public var model: ModelSpecification
    /// Delays k ≥ 0 to score.
    public var delays: [Int]
    /// false (default): one network per delay, as in the random memorisation task — each delay is one cheap,
    /// deterministic cell of a (size × delay × architecture × seed) grid; true: one network with one output per delay.
    public var joint: Bool
    /// Lag-one correlation ρ ∈ (−1, 1) of the AR(1) inputs (0: i.i.d. N(0, 1); the paper's contrast uses
    /// correlated inputs, where the memoryless predictor ρ^k x_t already reaches R² = ρ^{2k}).
    public var correlation: Double
    /// Sequence length T (nil: k_max + 50, so that 50 steps per sequence are scored).
    public var sequenceLength: Int?
    /// Training batch size (fresh batch every update) and size of the fixed test batch.
    public var batchSize: Int
    /// Size of the fixed test batch the scores are computed on.
    public var evaluationBatchSize: Int
    /// Adam updates, learning rate and global gradient-norm clip (nil: none).
    public var steps: Int
    /// Constant Adam learning rate.
    public var learningRate: Double
    /// Global gradient-norm clip, or nil.
    public var gradientClipNorm: Double?
    /// Seeds of the initialisation, the task's fixed test data and the training batches.
    public var modelSeed: UInt64
    /// Seed of the task's fixed test batch.
    public var taskSeed: UInt64
    /// Seed of the training batches.
    public var trainingSeed: UInt64

    /// A configuration; defaults: one network per delay, i.i.d. inputs, T = k_max + 50, batch 32, test batch 256,
    /// 500 Adam updates at 5·10⁻³, clip 1, all seeds 0.
    public init(
        model: ModelSpecification, delays: [Int], joint: Bool = false, correlation: Double = 0,
        sequenceLength: Int? = nil, batchSize: Int = 32, evaluationBatchSize: Int = 256, steps: Int = 500,
        learningRate: Double = 5e-3, gradientClipNorm: Double? = 1, modelSeed: UInt64 = 0,
        taskSeed: UInt64 = 0, trainingSeed: UInt64 = 0
    ) {
        self.model = model
        self.delays = delays
        self.joint = joint
        self.correlation = correlation
        self.sequenceLength = sequenceLength
        self.batchSize = batchSize
        self.evaluationBatchSize = evaluationBatchSize
        self.steps = steps
        self.learningRate = learningRate
        self.gradientClipNorm = gradientClipNorm
        self.modelSeed = modelSeed
        self.taskSeed = taskSeed
        self.trainingSeed = trainingSeed
    }

    func validate() throws {
        guard !delays.isEmpty, delays.allSatisfy({ $0 >= 0 }) else {
            throw MemoryProbeError.invalidArgument(
                argument: "delays", message: "need at least one delay, all ≥ 0, got \(delays)")
        }
        guard Set(delays).count == delays.count else {
            throw MemoryProbeError.invalidArgument(argument: "delays", message: "must be distinct, got \(delays)")
        }
        guard correlation.isFinite, abs(correlation) < 1 else {
            throw MemoryProbeError.invalidArgument(
                argument: "correlation", message: "must lie in (−1, 1), got \(correlation)")
        }
        if let t = sequenceLength, t <= (delays.max() ?? 0) {
            throw MemoryProbeError.invalidArgument(
                argument: "sequenceLength", message: "must exceed the largest delay \(delays.max() ?? 0), got \(t)")
        }
        try Check.positive(batchSize, "batchSize")
        try Check.positive(evaluationBatchSize, "evaluationBatchSize")
        try Check.positive(steps, "steps")
        try Check.positive(learningRate, "learningRate")
        if let c = gradientClipNorm { try Check.positive(c, "gradientClipNorm") }
    }
}
