import ArgumentParser
import Foundation
import RNNMemory

/// `--optimizer adam|adamw|sgd`.
enum OptimizerArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case adam, adamw, sgd
}

/// `--progress auto|bar|lines|none`.
enum ProgressArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, bar, lines, none

    /// The progress options, writing to the console's standard error (a captured console gets lines for
    /// `auto`, as a pipe does).
    func options(console: Console) -> ProgressOptions {
        var options: ProgressOptions
        switch self {
        case .auto: options = .automatic
        case .bar: options = ProgressOptions(style: .bar)
        case .lines: options = ProgressOptions(style: .lines)
        case .none: options = .silent
        }
        if !console.isStandardStreams { options.sink = { console.writeStandardError($0) } }
        return options
    }
}

/// `rnnmem train --model … --task … --output-dir DIR`: train a model and write its weights, loss curve and summary.
struct TrainCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a recurrent model on a task; write weights.safetensors, loss.csv and summary.json.",
        discussion: """
            Defaults per task: recall — 500 steps, Adam, constant lr 0.01, T = 50, batch 32, delay 5; lsi — 1000 \
            steps, Adam with the warm-up–cosine schedule of Zucchet & Orvieto (2024) peaking at lr 0.001, T = 300, \
            batch 128; series — the protocol of Zhao et al. (2020): full-sequence Adam updates at lr 0.01 for at \
            most 1000 epochs, early stopping after 100 epochs without improvement of the training loss, best \
            validation model kept. Seeds: the model is initialised from --seed s, the task's fixed data from s + 1 \
            and the training batches from s + 2; the same command gives the same weights, byte for byte (compare \
            the printed checksums). Progress goes to standard error (a bar on a terminal, lines otherwise).

            Files in --output-dir: weights.safetensors (the returned parameters, with the task settings and seed in \
            its metadata), loss.csv (the loss curve), summary.json (the training summary, snake_case keys) and, \
            for --optimizer adam or adamw, optimizer.safetensors: Adam's state after the last update, read by \
            `spectrum hessian --adam-state` (tensors second_moment and first_moment [P]; metadata optimizer, \
            step_count, beta1, beta2, epsilon, weight_decay, learning_rate of the last update, parameter_checksum \
            of weights.safetensors, returned_parameters: with bestValidation the state belongs to the later, final \
            parameters). SGD keeps no second moment: no optimizer.safetensors then. \
            Best parameters: every evaluated parameter set competes, the final one included (best_validation_step \
            = steps + 1 then: step s evaluates the parameters before update s), so the returned model is never \
            worse on the validation data than the final one; for series, Zhao et al.'s selection keeps the \
            parameters after the best-scoring update, so its best_validation_loss belongs to the parameters before \
            that update (best_parameter_selection after_update) and returned_validation_loss is the kept \
            parameters' own.

            Standard output: a report of the run; with --json one object with the keys architecture, hidden_size, \
            layer_count, parameter_count, task, task_settings, seed (--seed), seeds {model, task, trainer} (the \
            seeds derived from it), steps, requested_steps, epochs, stop_reason, final_training_loss, \
            final_validation_loss, best_validation_loss, best_validation_step, best_parameter_selection \
            (evaluated or after_update), returned_parameters (final or best_validation), returned_validation_loss, test_loss, test_metrics, \
            parameter_checksum, files {weights, loss, summary, optimizer (null without Adam's state)} (absent \
            losses are null). summary.json holds the \
            library's training summary (snake_case keys and values; its configuration's seed is named trainer_seed), \
            seed and seeds as here, the checksum and the weights' metadata.
            """)

    @OptionGroup(title: "Model") var modelOptions: NewModelOptions

    @OptionGroup(title: "Task") var taskOptions: TaskOptions

    @OptionGroup(title: "Task data") var dataFile: DataFileOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Number of updates (default per task, see above).", valueName: "n"))
    var steps: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of epochs instead of --steps.", valueName: "n"))
    var epochs: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Learning rate (peak rate for lsi's schedule).", valueName: "lr"))
    var lr: Double?

    @Option(help: ArgumentHelp("Optimiser: adam, adamw, sgd.", valueName: "name"))
    var optimizer: OptimizerArgument = .adam

    @Option(parsing: .unconditional, help: ArgumentHelp("Clip the gradient to this global ℓ2 norm.", valueName: "norm"))
    var clip: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Early stopping: stop after this many validation checks without improvement.", valueName: "n"))
    var patience: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Evaluate the validation loss every n updates.", valueName: "n"))
    var validationInterval: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed (same seed ⇒ same weights, byte for byte).", valueName: "seed"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Progress on standard error: auto, bar, lines, none.", valueName: "style"))
    var progress: ProgressArgument = .auto

    @Option(help: ArgumentHelp("Directory for the results (created if needed).", valueName: "dir"))
    var outputDir: String

    @OptionGroup var output: OutputOptions

    func validateValues() throws(CLIError) {
        try modelOptions.validateValues()
        guard taskOptions.task != nil else { throw CLIError("missing --task (one of lsi, series, recall)") }
        try taskOptions.validateValues(dataFile: dataFile.data, column: dataFile.column)
        if steps != nil && epochs != nil { throw CLIError("give --steps or --epochs, not both") }
        if let steps { try Arguments.count(steps, "--steps") }
        if let epochs { try Arguments.count(epochs, "--epochs") }
        if let lr {
            guard lr.isFinite, lr > 0 else {
                throw CLIError.invalidArgument("--lr", NumberText.format(lr), "must be a finite number > 0")
            }
        }
        if let clip {
            guard clip.isFinite, clip > 0 else {
                throw CLIError.invalidArgument("--clip", NumberText.format(clip), "must be a finite number > 0")
            }
        }
        if let patience { try Arguments.count(patience, "--patience") }
        if let validationInterval { try Arguments.count(validationInterval, "--validation-interval") }
        if outputDir.isEmpty { throw CLIError("--output-dir is empty: give a directory") }
    }

    /// The training configuration: the task's recipe, overridden by the options given.
    func trainingConfiguration(task: TaskArgument) -> TrainingConfiguration {
        let optimizer: OptimizerConfiguration
        switch self.optimizer {
        case .adam: optimizer = .adam()
        case .adamw: optimizer = .adamW()
        case .sgd: optimizer = .sgd()
        }
        return task.recipe.configuration(
            seeds: RunSeeds(seed), steps: steps, epochs: epochs, learningRate: lr,
            optimizer: optimizer, gradientClipNorm: clip, patience: patience,
            validationInterval: validationInterval)
    }

    func run(console: Console) throws {
        try validateValues()
        guard let taskName = taskOptions.task else { throw CLIError("missing --task (one of lsi, series, recall)") }
        let task: any TrainingTask
        let taskSpecification: TaskSpecification
        do {
            taskSpecification = try taskOptions.specification(
                dataFile: dataFile.data, column: dataFile.column,
                console: console)
            task = try taskSpecification.makeTask(seed: RunSeeds(seed).task)
        } catch {
            throw cliError(error, context: "--task \(taskName.rawValue)")
        }
        let model: any RecurrentModel
        let modelSpecification: ModelSpecification
        do {
            modelSpecification = try modelOptions.specification(
                inputSize: task.inputSize, outputSize: task.outputSize,
                task: taskSpecification)
            model = try modelSpecification.makeModel(seed: RunSeeds(seed).model)
        } catch {
            throw cliError(error, context: "--model \(modelOptions.model.rawValue)")
        }
        // A training step keeps the tape of the forward pass over the longest batch for the gradient: for a series,
        // the whole series (one sequence); for a generated task, --length × the larger batch.
        if case .seriesPrediction(let series, _, _, _) = taskSpecification {
            try MemoryBudget.check(
                bytes: MemoryBudget.networkBytes(
                    steps: series.count, batchSize: 1, inputSize: model.inputSize, outputSize: model.outputSize,
                    stateSize: model.stateSize, parameterCount: model.parameterCount, derivative: .gradient),
                for: "training --model \(modelOptions.model.rawValue) on a series of \(series.count) values")
        } else if taskName != .series {
            let (steps, sequences) = taskOptions.generatedShape(taskName)
            try MemoryBudget.check(
                bytes: MemoryBudget.networkBytes(
                    steps: steps, batchSize: sequences, inputSize: model.inputSize, outputSize: model.outputSize,
                    stateSize: model.stateSize, parameterCount: model.parameterCount, derivative: .gradient),
                for: "training --model \(modelOptions.model.rawValue) with --length \(steps) and batches of "
                    + "\(sequences) sequences (--batch, --eval-batch)")
        }
        let directory = try OutputDirectory(path: outputDir, option: "--output-dir")
        let config = trainingConfiguration(task: taskName)
        let result: TrainingRun<any RecurrentModel>
        do {
            let total = config.length.steps(stepsPerEpoch: task.stepsPerEpoch)
            let reporter = ProgressReporter.training(
                total: total, label: "train \(model.architecture)/\(task.name)",
                options: progress.options(console: console))
            result = try Training.run(model: model, task: task, configuration: config, progress: reporter)
        } catch {
            throw cliError(error, context: "training")
        }
        let trained = result.model
        let checksum = ModelIO.checksum(trained.parameters)
        var metadata = taskOptions.metadata(dataFile: dataFile.data, column: dataFile.column)
        metadata["seed"] = String(seed)
        let initialization = ArchitectureOptions.initializationDescription(modelSpecification)
        if !initialization.isEmpty { metadata["initialization"] = initialization }
        metadata["steps"] = String(result.summary.steps)
        metadata["stop_reason"] = result.summary.stopReason.rawValue
        do {
            try ModelIO.write(trained, to: directory.file("weights.safetensors"), metadata: metadata)
        } catch {
            throw cliError(error, context: "writing the weights")
        }
        try Console.writeFile(result.history.csv(), path: directory.file("loss.csv"))
        try Console.writeFile(
            try TrainSummaryJSON.text(result.summary, seed: seed, checksum: checksum, metadata: metadata),
            path: directory.file("summary.json"))

        // Adam's state after the last applied update (records[k] is update k + 1; an update that failed is the
        // last record and was not applied), for `spectrum hessian --adam-state`.
        var optimizerFile: String? = nil
        let applied = result.summary.steps
        if applied >= 1, applied <= result.history.records.count,
            let state = try AdamStateOptions.stateFile(
                of: result.optimizer, learningRate: result.history.records[applied - 1].learningRate,
                checksum: checksum, returnedParameters: result.summary.returnedParameters.rawValue)
        {
            let path = directory.file("optimizer.safetensors")
            do {
                try state.write(to: path)
            } catch {
                throw cliError(error, context: "writing the optimiser state")
            }
            optimizerFile = path
        }
        let files = ["weights.safetensors", "loss.csv", "summary.json"].map(directory.file)
        try output.emit(
            to: console,
            plain: {
                Self.report(
                    result.summary, seed: seed, checksum: checksum, files: files + [optimizerFile].compactMap { $0 })
            },
            json: {
                Self.json(result.summary, seed: seed, checksum: checksum, files: files, optimizerFile: optimizerFile)
            })
    }
}

extension TrainCommand {
    /// The plain report of a run.
    static func report(_ s: TrainingSummary, seed: UInt64, checksum: String, files: [String]) -> String {
        var lines = [
            "model \(s.architecture)  hidden \(s.hiddenSize)  layers \(s.layerCount)  parameters \(s.parameterCount)",
            "task \(s.task)  steps \(s.steps)/\(s.requestedSteps)  stop \(s.stopReason.rawValue)  seed \(seed)",
        ]
        if let l = s.finalTrainingLoss { lines.append("final training loss \(NumberText.format(l))") }
        if let l = s.finalValidationLoss { lines.append("final validation loss \(NumberText.format(l))") }
        if let l = s.bestValidationLoss, let k = s.bestValidationStep {
            switch s.bestParameterSelection {
            case .evaluated:
                lines.append(
                    k == s.steps + 1
                        ? "best validation loss \(NumberText.format(l)): the final parameters"
                        : "best validation loss \(NumberText.format(l)) at step \(k)")
            case .afterUpdate:
                lines.append(
                    "best validation loss \(NumberText.format(l)) at step \(k), of the parameters before update \(k) (kept: those after it)"
                )
            }
            var returned = "returned parameters \(s.returnedParameters.rawValue)"
            if let r = s.returnedValidationLoss { returned += ", validation loss \(NumberText.format(r))" }
            lines.append(returned)
        }
        if let l = s.testLoss { lines.append("test loss \(NumberText.format(l))") }
        for key in s.testMetrics.keys.sorted() {
            if let v = s.testMetrics[key] { lines.append("test \(key) \(NumberText.format(v))") }
        }
        lines.append("checksum \(checksum)")
        lines.append("wrote " + files.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The seeds derived from `--seed s` (``RunSeeds``), by what they seed.
    static func seeds(_ seed: UInt64) -> [(String, UInt64)] {
        let r = RunSeeds(seed)
        return [("model", r.model), ("task", r.task), ("trainer", r.trainer)]
    }

    /// The `--json` report of a run (no wall-clock times: the same command gives the same bytes).
    static func json(_ s: TrainingSummary, seed: UInt64, checksum: String, files: [String], optimizerFile: String?)
        -> JSONValue
    {
        .object([
            ("architecture", .string(s.architecture.rawValue)),
            ("hidden_size", .integer(s.hiddenSize)),
            ("layer_count", .integer(s.layerCount)),
            ("parameter_count", .integer(s.parameterCount)),
            ("task", .string(s.task)),
            (
                "task_settings",
                .object(
                    s.taskSettings.map { (SnakeCase.key($0.key), JSONValue.string($0.value)) }.sorted { $0.0 < $1.0 })
            ),
            ("seed", .unsigned(seed)),
            ("seeds", .object(Self.seeds(seed).map { ($0.0, JSONValue.unsigned($0.1)) })),
            ("steps", .integer(s.steps)),
            ("requested_steps", .integer(s.requestedSteps)),
            ("epochs", .integer(s.epochs)),
            ("stop_reason", .string(s.stopReason.rawValue)),
            ("final_training_loss", .optional(s.finalTrainingLoss)),
            ("final_validation_loss", .optional(s.finalValidationLoss)),
            ("best_validation_loss", .optional(s.bestValidationLoss)),
            ("best_validation_step", .optional(s.bestValidationStep)),
            ("best_parameter_selection", .string(SnakeCase.value(s.bestParameterSelection.rawValue))),
            ("returned_parameters", .string(SnakeCase.value(s.returnedParameters.rawValue))),
            ("returned_validation_loss", .optional(s.returnedValidationLoss)),
            ("test_loss", .optional(s.testLoss)),
            (
                "test_metrics",
                .object(
                    s.testMetrics.map { (SnakeCase.key($0.key), JSONValue.number($0.value)) }.sorted { $0.0 < $1.0 })
            ),
            ("parameter_checksum", .string(checksum)),
            (
                "files",
                .object(
                    zip(["weights", "loss", "summary"], files).map { ($0, JSONValue.string($1)) }
                        + [("optimizer", optimizerFile.map(JSONValue.string) ?? .null)])
            ),
        ])
    }
}

/// summary.json: the library's ``TrainingSummary`` (snake_case keys, sorted), plus the user's seed and the seeds
/// derived from it (`seed`, `seeds` {model, task, trainer}; the summary's own `trainer_seed` is `seeds.trainer`), the
/// checksum and the weights' metadata.
enum TrainSummaryJSON {
    static func text(_ summary: TrainingSummary, seed: UInt64, checksum: String, metadata: [String: String])
        throws(CLIError)
        -> String
    {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            let data = try encoder.encode(summary)
            // The library's Codable keys and task settings are camelCase; rnnmem's JSON is snake_case everywhere.
            guard var object = SnakeCase.keys(try JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw CLIError("cannot encode the training summary")
            }
            object["parameter_checksum"] = checksum
            object["weights_metadata"] = metadata
            object["seed"] = seed
            object["seeds"] = Dictionary(uniqueKeysWithValues: TrainCommand.seeds(seed))
            // The configuration's seed is the trainer's (seeds.trainer), not the user's: named as such.
            if var configuration = object["configuration"] as? [String: Any], let trainer = configuration["seed"] {
                configuration.removeValue(forKey: "seed")
                configuration["trainer_seed"] = trainer
                if let selection = configuration["best_parameter_selection"] as? String {
                    configuration["best_parameter_selection"] = SnakeCase.value(selection)
                }
                object["configuration"] = configuration
            }
            for key in ["best_parameter_selection", "returned_parameters"] {
                if let value = object[key] as? String { object[key] = SnakeCase.value(value) }
            }
            let out = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            return String(decoding: out, as: UTF8.self) + "\n"
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError("cannot encode the training summary: \(error)")
        }
    }
}
