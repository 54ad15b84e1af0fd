import MemoryNumerics
import Recurrent

/// Delayed-recall training and scoring on Recurrent's training engine (`Trainer`, `DelayedRecallTask`): Adam
/// with a constant learning rate on fresh batches, the loss masked to the steps t > k_max where every target is
/// defined, and R² on a fixed test batch. Same configuration ⇒ same bytes (every draw is seeded).
public enum RecallExperiment {
    /// Train one network on `delays` (one output per delay) and score it; returns the trained model and the scores.
    public static func trainCell(
        _ configuration: RecallExperimentConfiguration, delays: [Int],
        progress: ((TrainingProgress) -> Void)? = nil
    ) throws
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
        let model = try RecurrentBridge.makeModel(
            c.model, inputSize: task.inputSize, outputSize: task.outputSize,
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
            scores.append(
                RecallScore(
                    delay: k, rSquared: Scores.rSquared(predicted: predicted[...], target: target[...]),
                    memorylessRSquared: k == 0 ? 1 : Double.pow(rho * rho, Double(k)), updates: run.summary.steps,
                    finalTrainingLoss: run.summary.finalTrainingLoss))
        }
        return (run.model, scores)
    }

    /// Score every delay of the configuration: one network per delay (``RecallExperimentConfiguration/joint``
    /// false) or one network for all.
    public static func run(
        _ configuration: RecallExperimentConfiguration,
        progress: ((TrainingProgress) -> Void)? = nil
    ) throws -> RecallExperimentResult {
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
