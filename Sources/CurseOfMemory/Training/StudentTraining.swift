import MemoryNumerics
import Recurrent
import Spectra

/// Trains a student network on a teacher–student task exactly as the engine's `Trainer` does — the same training
/// batches (drawn from `SeededRandom(seed:)` in the same order), the same learning-rate schedule and the same Adam
/// arithmetic (`Adam` with PyTorch's defaults, no weight decay) — and keeps Adam's state at the end, which the
/// engine's trainer does not expose. From it come Adam's **effective learning rates** η/(√V̂_i + ε) per parameter
/// (Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064, §4.2 and Fig. 4: Adam's per-coordinate step sizes on the
/// recurrent parameters are orders of magnitude smaller for a dense linear RNN than for a complex-diagonal network,
/// which is how a diagonal parametrisation lets Adam compensate the curse of memory).
///
/// With the same model, task, schedule, step count and trainer seed, the parameters after every update are
/// identical, bit for bit, to those of `Trainer` (without early stopping or best-parameter selection; tested).
///
/// **Effective learning rate.** After the last update t = T, with V the second-moment estimate and
/// V̂ = V/(1 − β₂ᵀ), coordinate i moves by η_k·M̂_i/(√V̂_i + ε) at step k; η/(√V̂_i + ε), with η the *peak* learning
/// rate of the schedule, is its step per unit of normalised first moment. (The official repository logs the update
/// of a gradient of ones, −optax-update(1), which adds the probe itself to the moments; at convergence it is the
/// same order of magnitude. The peak rate is used because the warm-up–cosine schedule ends near 1e-7 whatever the
/// model.) They are Spectra's `AdamEffectiveLearningRates` of the final Adam state, summarised per parameter group
/// (the geometric mean is the repository's "Mean LR" metric).
public enum StudentTraining {
    /// What the run does besides the model and the task.
    public struct Configuration: Sendable, Equatable {
        /// Number of updates n ≥ 1.
        public var steps: Int
        /// The learning-rate schedule (its peak is the η of the effective learning rates).
        public var schedule: LearningRateSchedule
        /// Seed of the training batches (`RunSeeds(s).trainer` = s + 2 for `rnnmem train --seed s`).
        public var seed: UInt64
        /// The final training loss is the mean of the last `finalWindow` training losses (nil: max(1, n/10)).
        public var finalWindow: Int?

        /// A configuration; `schedule` defaults to Zucchet & Orvieto's warm-up–cosine schedule peaking at
        /// `learningRate` (1e-7 → η → 1e-7, no warm-up).
        public init(
            steps: Int, learningRate: Double, seed: UInt64, schedule: LearningRateSchedule? = nil,
            finalWindow: Int? = nil
        ) {
            self.steps = steps
            self.schedule = schedule ?? .zucchetOrvieto(peak: learningRate)
            self.seed = seed
            self.finalWindow = finalWindow
        }
    }

    /// Train `model` on `task`; `progress` receives (updates done, last training loss) after every update.
    /// Throws for an incompatible model and task or an invalid configuration; a non-finite loss, gradient or update,
    /// or an update outside the domain of the model's parametrisation, ends the run as diverged (not an error).
    public static func run(
        model: any RecurrentModel, task: any TrainingTask, configuration c: Configuration,
        progress: ((Int, Double) -> Void)? = nil
    ) throws -> StudentTrainingResult {
        try CurseOfMemoryError.require(c.steps >= 1, "steps", "must be ≥ 1, got \(c.steps)")
        if let w = c.finalWindow { try CurseOfMemoryError.require(w >= 1, "final-window", "must be ≥ 1, got \(w)") }
        try c.schedule.validate(totalSteps: c.steps)
        try task.validateCompatible(model)
        var model = model
        var theta = model.parameters
        var adam = try Adam()
        var rng = SeededRandom(seed: c.seed)
        let workspace = RecurrentWorkspace()
        var gradient = [Double](repeating: 0, count: theta.count)
        var losses: [Double] = [], rates: [Double] = []
        losses.reserveCapacity(c.steps)
        rates.reserveCapacity(c.steps)
        var diverged = false
        for k in 0..<c.steps {
            let batch = try task.trainingBatch(step: k, using: &rng)
            let loss = try model.lossAndGradient(on: batch, workspace: workspace, gradient: &gradient)
            guard loss.isFinite, gradient.allSatisfy({ $0.isFinite }) else {
                diverged = true
                break
            }
            let lr = c.schedule.learningRate(atStep: k, totalSteps: c.steps)
            var next = theta
            try adam.update(&next, gradient: gradient, learningRate: lr)
            guard next.allSatisfy({ $0.isFinite }) else {
                diverged = true
                break
            }
            // An update that leaves the parametrisation's domain (e.g. ω_ν so large that λ = exp(−e^{ω_ν}) is not
            // finite) is a divergence of the run, not an error of the caller.
            do {
                try model.setParameters(next)
            } catch RecurrentError.invalidArgument(argument: "parameters", message: _) {
                diverged = true
                break
            }
            theta = next
            losses.append(loss)
            rates.append(lr)
            progress?(k + 1, loss)
        }
        let window = min(losses.count, c.finalWindow ?? max(1, c.steps / 10))
        let finalTraining: Double? =
            diverged || window == 0 ? nil : losses.suffix(window).reduce(0, +) / Double(window)
        var testLoss: Double? = nil
        if !diverged, let test = try task.testBatch() {
            let l = try model.loss(on: test, workspace: workspace)
            testLoss = l.isFinite ? l : nil
            if !l.isFinite { diverged = true }
        }
        // No update applied (a first gradient that is not finite): there is no second moment, hence no rates.
        // A diverging last update may also have overflowed V: then no rates either.
        let effective =
            adam.stepCount > 0
            ? try? AdamEffectiveLearningRates(
                adam: adam, learningRate: c.schedule.peakLearningRate,
                groups: model.parameterGroups) : nil
        return StudentTrainingResult(
            model: model, trainingLosses: losses, learningRates: rates, diverged: diverged,
            finalTrainingLoss: finalTraining, testLoss: testLoss, effectiveLearningRates: effective)
    }
}
