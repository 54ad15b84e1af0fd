import MemoryNumerics
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
    public var evaluationBatchSize: Int
    /// Adam updates, learning rate and global gradient-norm clip (nil: none).
    public var steps: Int
    public var learningRate: Double
    public var gradientClipNorm: Double?
    /// Seeds of the initialisation, the task's fixed test data and the training batches.
    public var modelSeed: UInt64
    public var taskSeed: UInt64
    public var trainingSeed: UInt64

    public init(model: ModelSpecification, delays: [Int], joint: Bool = false, correlation: Double = 0,
                sequenceLength: Int? = nil, batchSize: Int = 32, evaluationBatchSize: Int = 256, steps: Int = 500,
                learningRate: Double = 5e-3, gradientClipNorm: Double? = 1, modelSeed: UInt64 = 0,
                taskSeed: UInt64 = 0, trainingSeed: UInt64 = 0) {
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
            throw MemoryProbeError.invalidArgument(argument: "delays", message: "need at least one delay, all ≥ 0, got \(delays)")
        }
        guard Set(delays).count == delays.count else {
            throw MemoryProbeError.invalidArgument(argument: "delays", message: "must be distinct, got \(delays)")
        }
        guard correlation.isFinite, abs(correlation) < 1 else {
            throw MemoryProbeError.invalidArgument(argument: "correlation", message: "must lie in (−1, 1), got \(correlation)")
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

/// The score of one delay.
public struct RecallScore: Sendable, Equatable, Codable {
    public let delay: Int
    /// Held-out R² = 1 − Σ(ŷ − x_{t−k})²/Σ(x_{t−k} − x̄)² over the test batch's scored steps t > k_max.
    public let rSquared: Double
    /// R² of the best memoryless linear predictor ρ^k x_t (0 for i.i.d. inputs): the level memory must beat.
    public let memorylessRSquared: Double
    /// Updates applied and the training's final loss.
    public let updates: Int
    public let finalTrainingLoss: Double?
}

/// The scores of an experiment and its horizons.
public struct RecallExperimentResult: Sendable, Equatable {
    public let configuration: RecallExperimentConfiguration
    /// One score per delay, in the order of ``RecallExperimentConfiguration/delays`` sorted increasingly.
    public let scores: [RecallScore]

    /// k*(θ) over the R² scores.
    public func horizon(threshold: Double, rule: MemoryHorizon.Rule = .maximum) throws -> MemoryHorizon {
        try MemoryHorizon(scores: scores.map(\.rSquared), delays: scores.map(\.delay), threshold: threshold, rule: rule)
    }
}

/// Delayed-recall training and scoring on Recurrent's training engine (`Trainer`, `DelayedRecallTask`): Adam
/// with a constant learning rate on fresh batches, the loss masked to the steps t > k_max where every target is
/// defined, and R² on a fixed test batch. Same configuration ⇒ same bytes (every draw is seeded).
public enum RecallExperiment {
    /// Train one network on `delays` (one output per delay) and score it; returns the trained model and the scores.
    public static func trainCell(_ configuration: RecallExperimentConfiguration, delays: [Int],
                                 progress: ProgressOptions = .silent) throws
        -> (model: any RecurrentModel, scores: [RecallScore])
    {
        var c = configuration
        c.delays = delays
        try c.validate()
        let kMax = delays.max() ?? 0
        let task = try DelayedRecallTask(
            configuration: DelayedRecallConfiguration(
                delays: delays, features: 1, correlation: c.correlation, sequenceLength: c.sequenceLength ?? kMax + 50,
                batchSize: c.batchSize, evaluationBatchSize: c.evaluationBatchSize, halvedLoss: true),
            seed: c.taskSeed)
        let model = try RecurrentBridge.makeModel(c.model, inputSize: task.inputSize, outputSize: task.outputSize,
                                                  seed: c.modelSeed)
        let training = TrainingConfiguration(
            length: .steps(c.steps), seed: c.trainingSeed, optimizer: .adam(),
            schedule: .constant(learningRate: c.learningRate), gradientClipNorm: c.gradientClipNorm,
            validationInterval: max(1, c.steps), keepBestValidationParameters: false)
        let run = try Training.run(model: model, task: task, configuration: training, progress: progress)
        guard let test = try task.testBatch() else { preconditionFailure("evaluationBatchSize ≥ 1 gives a test batch") }
        let outputs = try run.model.outputs(test.inputs)
        let T = test.inputs.steps, B = test.inputs.batchSize, q = task.outputSize
        var scores: [RecallScore] = []
        for (j, k) in delays.enumerated() {
            var predicted: [Double] = [], target: [Double] = []
            for t in kMax..<T {
                for b in 0..<B {
                    predicted.append(outputs.values[j + q * (b + B * t)])
                    target.append(test.targets.values[j + q * (b + B * t)])
                }
            }
            let rho = c.correlation
            scores.append(RecallScore(
                delay: k, rSquared: Scores.rSquared(predicted: predicted[...], target: target[...]),
                memorylessRSquared: Double.pow(rho * rho, Double(k)), updates: run.summary.steps,
                finalTrainingLoss: run.summary.finalTrainingLoss))
        }
        return (run.model, scores)
    }

    /// Score every delay of the configuration: one network per delay (``RecallExperimentConfiguration/joint``
    /// false) or one network for all.
    public static func run(_ configuration: RecallExperimentConfiguration,
                           progress: ProgressOptions = .silent) throws -> RecallExperimentResult {
        try configuration.validate()
        let delays = configuration.delays.sorted()
        var scores: [RecallScore] = []
        if configuration.joint {
            scores = try trainCell(configuration, delays: delays, progress: progress).scores
        } else {
            for k in delays { scores += try trainCell(configuration, delays: [k], progress: progress).scores }
        }
        return RecallExperimentResult(configuration: configuration, scores: scores)
    }
}
