import MemoryNumerics

/// Trains any ``RecurrentModel`` on any ``TrainingTask``: seeded, bit-reproducible (the same model, task and
/// configuration give the same parameters byte for byte: all randomness comes from `SeededRandom`, every
/// summation has a fixed order, and wall-clock time only enters the records and the progress output).
///
/// Update k = 0 … n − 1:
/// 1. batch_k = `task.trainingBatch(step: k, using: &rng)`, rng = `SeededRandom(seed: configuration.seed)`;
/// 2. L_k and g_k = ∇L_k(θ_k) by backpropagation through time; ‖g_k‖₂ recorded before clipping;
/// 3. the validation loss at θ_k when k is a multiple of ``TrainingConfiguration/validationInterval`` or k = n − 1;
/// 4. stop (``TrainingStopReason/nonFiniteLoss``) if L_k or g_k is not finite, without updating;
/// 5. g_k clipped to ``TrainingConfiguration/gradientClipNorm``; η_k = schedule(k);
/// 6. θ_{k+1} = optimiser update (discarded and the run stopped if not finite);
/// 7. the best validation loss so far (strict improvement) keeps θ_k or θ_{k+1}
///    (``TrainingConfiguration/bestParameterSelection``; with ``BestParameterSelection/afterUpdate`` the kept loss is
///    θ_k's, not the kept parameters');
/// 8. early stopping observes L_k (training monitor) or the validation loss (when evaluated) and may stop the run.
///
/// After the loop: the validation loss of the final parameters, which with ``BestParameterSelection/evaluated``
/// competes with every loss evaluated in the loop (step ``TrainingSummary/steps`` + 1 when it wins, so a returned
/// "best" model is never worse on the validation data than the final one); the returned parameters (the best when
/// ``TrainingConfiguration/keepBestValidationParameters`` and validation data exist, otherwise final), their
/// validation loss, test loss and ``TrainingTask/testMetrics(of:)``.
///
/// Progress: ``progress``, when set, receives a ``TrainingProgress`` after every applied update and at the end.
public struct Trainer<Model: RecurrentModel> {
    /// The model to train (its parameters are the starting point).
    public var model: Model
    /// The task providing batches, held-out data and metrics.
    public var task: any TrainingTask
    /// Everything else that determines the run.
    public var configuration: TrainingConfiguration
    /// Receives a report after every applied update and one when the run ends (nil: no reports).
    public var progress: ((TrainingProgress) -> Void)?

    /// A trainer (default configuration: 1000 Adam updates at 1e-3, seed 0).
    public init(
        model: Model, task: any TrainingTask, configuration: TrainingConfiguration = TrainingConfiguration(),
        progress: ((TrainingProgress) -> Void)? = nil
    ) {
        self.model = model
        self.task = task
        self.configuration = configuration
        self.progress = progress
    }

    /// A trainer from the main settings; the rest (clipping, validation interval, early stopping, best-parameter
    /// keeping) can be set on ``configuration`` afterwards.
    public init(
        model: Model, task: any TrainingTask, optimizer: OptimizerConfiguration, schedule: LearningRateSchedule,
        length: TrainingLength, seed: UInt64, progress: ((TrainingProgress) -> Void)? = nil
    ) {
        self.init(
            model: model, task: task,
            configuration: TrainingConfiguration(length: length, seed: seed, optimizer: optimizer, schedule: schedule),
            progress: progress)
    }

    /// Train; see the type's documentation. Throws ``RecurrentError`` for an incompatible model/task or an invalid
    /// configuration (before any work), and rethrows task errors.
    public func run() throws -> TrainingRun<Model> {
        let task = self.task
        let config = configuration
        try task.validateCompatible(model)
        let stepsPerEpoch = task.stepsPerEpoch
        guard stepsPerEpoch >= 1 else {
            throw RecurrentError.invalidArgument(
                argument: "task.stepsPerEpoch", message: "must be ≥ 1, got \(stepsPerEpoch)")
        }
        try config.validate(stepsPerEpoch: stepsPerEpoch)
        let total = config.length.steps(stepsPerEpoch: stepsPerEpoch)
        let validation = try task.validationBatch()
        if let early = config.earlyStopping, early.monitor == .validationLoss, validation == nil {
            throw RecurrentError.invalidArgument(
                argument: "earlyStopping",
                message: "monitors the validation loss, but task \(task.name) has no validation data")
        }

        var model = self.model
        var theta = model.parameters
        var optimizer = try config.optimizer.makeOptimizer(parameterGroups: model.parameterGroups)
        var early = try config.earlyStopping.map { try EarlyStopping($0) }
        var rng = SeededRandom(seed: config.seed)
        let workspace = RecurrentWorkspace()
        let evaluationWorkspace = RecurrentWorkspace()  // other shapes than training batches: keep both tapes sized
        var gradient = [Double](repeating: 0, count: theta.count)
        var records: [TrainingRecord] = []
        records.reserveCapacity(total)
        var best: (loss: Double, step: Int, parameters: [Double])? = nil
        var stopReason = TrainingStopReason.completed
        var applied = 0
        let clock = ContinuousClock()
        let start = clock.now

        for k in 0..<total {
            let batch = try task.trainingBatch(step: k, using: &rng)
            let loss = try model.lossAndGradient(on: batch, workspace: workspace, gradient: &gradient)
            let norm = GradientClipping.globalNorm(gradient)
            var validationLoss: Double? = nil
            if let validation, k % config.validationInterval == 0 || k == total - 1 {
                validationLoss = try model.loss(on: validation, workspace: evaluationWorkspace)
            }
            let lr = config.schedule.learningRate(atStep: k, totalSteps: total)
            func record() {
                records.append(
                    TrainingRecord(
                        step: k + 1, trainingLoss: loss, validationLoss: validationLoss,
                        learningRate: lr, gradientNorm: norm,
                        elapsedSeconds: Self.seconds(clock.now - start)))
            }
            guard loss.isFinite, norm.isFinite else {
                record()
                stopReason = .nonFiniteLoss
                break
            }
            if let c = config.gradientClipNorm, norm > c {
                let factor = c / norm
                for i in gradient.indices { gradient[i] *= factor }
            }
            let improved = validationLoss.map { v in v < (best?.loss ?? .infinity) } ?? false
            if improved, let v = validationLoss, config.bestParameterSelection == .evaluated {
                best = (v, k + 1, theta)
            }
            var next = theta
            try optimizer.update(&next, gradient: gradient, learningRate: lr)
            guard next.allSatisfy({ $0.isFinite }) else {
                record()
                stopReason = .nonFiniteParameters
                break
            }
            theta = next
            try model.setParameters(theta)
            applied += 1
            if improved, let v = validationLoss, config.bestParameterSelection == .afterUpdate {
                best = (v, k + 1, theta)
            }
            record()
            progress?(
                TrainingProgress(
                    completedSteps: k + 1, totalSteps: total, trainingLoss: loss,
                    bestValidationLoss: best?.loss, learningRate: lr, stopReason: nil))
            if early != nil {
                switch early?.configuration.monitor {
                case .trainingLoss: early?.observe(loss)
                case .validationLoss: if let v = validationLoss { early?.observe(v) }
                case nil: break
                }
                if early?.shouldStop == true {
                    stopReason = .earlyStopping
                    break
                }
            }
        }

        let finalValidationLoss = try validation.map { try model.loss(on: $0, workspace: evaluationWorkspace) }
        // Every evaluated parameter set competes, the final one included: it is evaluated after the loop, as if at
        // update applied + 1 (the step convention of the records: step s evaluates the parameters before update s).
        // Zhao et al.'s after-update selection keeps its protocol (its losses belong to other parameters).
        if config.bestParameterSelection == .evaluated, let f = finalValidationLoss, f < (best?.loss ?? .infinity) {
            best = (f, applied + 1, theta)
        }
        var returned = ReturnedParameters.final
        var returnedValidationLoss = finalValidationLoss
        if config.keepBestValidationParameters, let best, best.step != applied + 1 {
            try model.setParameters(best.parameters)
            returned = .bestValidation
            switch config.bestParameterSelection {
            case .evaluated: returnedValidationLoss = best.loss
            case .afterUpdate:
                returnedValidationLoss = try validation.map { try model.loss(on: $0, workspace: evaluationWorkspace) }
            }
        }
        let testLoss = try task.testBatch().map { try model.loss(on: $0, workspace: workspace) }
        let metrics = try task.testMetrics(of: model)
        let lastLoss = records.last?.trainingLoss
        progress?(
            TrainingProgress(
                completedSteps: applied, totalSteps: total, trainingLoss: lastLoss ?? .nan,
                bestValidationLoss: best?.loss, learningRate: records.last?.learningRate ?? .nan,
                stopReason: stopReason))
        let summary = TrainingSummary(
            architecture: model.architecture, hiddenSize: model.hiddenSize, layerCount: model.layerCount,
            parameterCount: model.parameterCount, task: task.name, taskSettings: task.settings, configuration: config,
            trainerSeed: config.seed, requestedSteps: total, steps: applied, epochs: applied / stepsPerEpoch,
            stopReason: stopReason, finalTrainingLoss: lastLoss, finalValidationLoss: finalValidationLoss,
            bestValidationLoss: best?.loss, bestValidationStep: best?.step,
            bestParameterSelection: config.bestParameterSelection,
            returnedParameters: returned, returnedValidationLoss: returnedValidationLoss,
            testLoss: testLoss, testMetrics: metrics, elapsedSeconds: Self.seconds(clock.now - start))
        return TrainingRun(
            model: model, history: TrainingHistory(records: records), summary: summary, optimizer: optimizer)
    }

    static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
