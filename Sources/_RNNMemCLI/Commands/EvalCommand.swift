import ArgumentParser
import RNNMemory

/// `rnnmem eval --weights FILE [--task … | --data FILE] [--compare FILE]`: describe a network and score it on a
/// task or on sequence data.
struct EvalCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a network (rnnmem or PyTorch weights, or a new one) on a task or on sequence data.",
        discussion: """
            Network: rnnmem weights files (written by 'train' or 'export') describe their model in their metadata; \
            a PyTorch state dict saved with safetensors (nn.RNN with tanh, nn.LSTM or nn.GRU, plus an nn.Linear \
            readout) is read with --pytorch --model rnn|lstm|gru: tensors <prefix>weight_ih_l<k>, weight_hh_l<k>, \
            bias_ih_l<k>, bias_hh_l<k> and <readout-prefix>weight, <readout-prefix>bias (defaults: no prefix and \
            'linear.'; e.g. --recurrent-prefix rnn. --readout-prefix fc. for a module with attributes rnn and fc); \
            --model NAME without --weights builds a new network from --seed. Always printed: the model and the \
            checksum of its parameters (identical parameters ⇒ identical checksum).

            Data: --task uses the same task options and --seed as 'train', so 'eval --seed s' scores the validation \
            and test data that 'train --seed s' held out (a warning goes to standard error when the weights' \
            metadata record another task or other task settings). --data FILE runs the network on the file's \
            'input' [T, B, d_in] (safetensors; or one CSV sequence) and reports the loss on its 'target' when \
            present (--loss, --burn-in) and, for safetensors, the difference from its 'output' tensor \
            [T, B, d_out] when present (reference outputs, e.g. PyTorch's; a PyTorch fixture can be its own --data). \
            'rnnmem run' writes the outputs, states and derivatives themselves.

            JSON keys: weights, kind, architecture, input_size, hidden_size, output_size, layer_count, \
            parameter_count, parameter_checksum, data ({source, steps, sequences, loss_kind, burn_in, loss} or \
            null; loss null without targets), reference ({steps, sequences, max_abs_difference, \
            mean_squared_difference} or null), compare ({file, identical, differing_parameters, max_abs_difference} \
            or null), task ({name, seed, validation_loss, test_loss, test_metrics} or null).
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions

    @OptionGroup(title: "Data") var data: DataOptions

    @OptionGroup(title: "Loss") var lossOptions: LossOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed of the task data (as given to 'train') and of a new network.", valueName: "seed"))
    var seed: UInt64 = 0

    @Option(
        help: ArgumentHelp(
            "Compare the parameters bit for bit with those of another weights file (read the same way).",
            valueName: "file"))
    var compare: String?

    @Flag(help: .hidden)
    var reference = false

    @OptionGroup var output: OutputOptions

    /// Whether data were asked for (a task or a data file).
    var hasData: Bool { data.isTask || data.file.data != nil }

    func validateValues() throws(CLIError) {
        if reference {
            throw CLIError(
                "--reference was replaced by --data FILE: the file's 'input' is run and compared with its 'output' (e.g. --data \(network.weights ?? "FILE"))"
            )
        }
        try network.validateValues()
        if hasData {
            try data.validateValues()
            if data.split != nil {
                throw CLIError("--split applies to 'run'; eval scores a task's validation and test batches")
            }
        }
        try lossOptions.validateValues(isTask: data.isTask)
        if !hasData, lossOptions.loss != nil || lossOptions.burnIn != nil {
            throw CLIError("--loss and --burn-in apply with --data FILE")
        }
    }

    func run(console: Console) throws {
        try validateValues()
        var loadedData: LoadedData? = nil
        var taskSpecification: TaskSpecification? = nil
        var task: (any TrainingTask)? = nil
        var widths = NetworkOptions.DataWidths.none
        if data.isTask {
            // The task's own validation and test batches are scored below.
            let spec = try taskSpecificationOnly(console: console)
            let made = try makeTask(spec)
            taskSpecification = spec
            task = made
            widths = NetworkOptions.DataWidths(
                inputSize: made.inputSize, outputSize: made.outputSize,
                source: "--task \(made.name)")
        } else if hasData {
            let d = try data.load(seed: seed, console: console)
            loadedData = d
            widths = d.widths
        }
        let loaded = try network.load(widths: widths, seed: seed, task: taskSpecification)
        let model = loaded.model
        var lines = [loaded.summaryLine, "checksum \(ModelIO.checksum(model.parameters))"]
        if !loaded.initialization.isEmpty { lines.append("initialisation \(loaded.initialization)") }
        var fields = loaded.jsonFields

        if let loadedData {
            try loadedData.validate(for: model)
            let (dataLines, dataField, referenceField) = try evaluate(model, on: loadedData)
            lines += dataLines
            fields += [("data", dataField), ("reference", referenceField)]
        } else {
            fields += [("data", .null), ("reference", .null)]
        }
        if let compare {
            let other = try NetworkOptions.reading(compare, like: network)
            guard other.architecture == model.architecture, other.parameterGroups == model.parameterGroups else {
                throw CLIError(
                    "--compare \(compare): a different model (\(other.architecture), \(other.parameterCount) parameters) from \(loaded.source ?? "the network") (\(model.architecture), \(model.parameterCount) parameters)"
                )
            }
            var differing = 0, maxDifference = 0.0
            for (a, b) in zip(model.parameters, other.parameters) where a.bitPattern != b.bitPattern {
                differing += 1
                maxDifference = max(maxDifference, abs(a - b))
            }
            let p = model.parameterCount
            lines.append(
                differing == 0
                    ? "compared with \(compare): identical, \(p) of \(p) parameters equal bit for bit"
                    : "compared with \(compare): different, \(differing) of \(p) parameters differ, max |Δ| \(NumberText.format(maxDifference))"
            )
            fields.append(
                (
                    "compare",
                    .object([
                        ("file", .string(compare)), ("identical", .bool(differing == 0)),
                        ("differing_parameters", .integer(differing)), ("max_abs_difference", .number(maxDifference)),
                    ])
                ))
        } else {
            fields.append(("compare", .null))
        }
        if let task, let name = data.task.task {
            warnIfOtherTask(loaded, console: console)
            let (taskLines, taskField) = try evaluate(model, task: task, name: name)
            lines += taskLines
            fields.append(("task", taskField))
        } else {
            fields.append(("task", .null))
        }
        try output.emit(to: console, plain: { lines.joined(separator: "\n") + "\n" }, json: { .object(fields) })
    }

    private func taskSpecificationOnly(console: Console) throws(CLIError) -> TaskSpecification {
        do {
            return try data.task.specification(dataFile: data.file.data, column: data.file.column, console: console)
        } catch {
            throw cliError(error, context: "--task \(data.task.task?.rawValue ?? "")")
        }
    }

    private func makeTask(_ spec: TaskSpecification) throws(CLIError) -> any TrainingTask {
        do {
            return try spec.makeTask(seed: RunSeeds(seed).task)
        } catch {
            throw cliError(error, context: "--task \(data.task.task?.rawValue ?? "")")
        }
    }

    /// A warning when the weights' metadata record another task, or the same task with other settings.
    func warnIfOtherTask(_ loaded: LoadedNetwork, console: Console) {
        guard let recorded = loaded.metadata["task"], let name = data.task.task else { return }
        guard recorded == name.rawValue else {
            console.warning(
                "\(loaded.source ?? "the weights") were trained on --task \(recorded), not \(name.rawValue)")
            return
        }
        let given = data.task.metadata(dataFile: data.file.data, column: data.file.column)
        let differing = given.keys.sorted().filter { key in
            guard key != "task", let r = loaded.metadata[key], let g = given[key] else { return false }
            return r != g
        }
        if !differing.isEmpty {
            let list = differing.map {
                "\(String($0.dropFirst("task_".count)).replacingUnderscores) \(loaded.metadata[$0] ?? "") (now \(given[$0] ?? ""))"
            }
            console.warning(
                "\(loaded.source ?? "the weights") were trained on --task \(recorded) with other settings: \(list.joined(separator: ", "))"
            )
        }
    }

    /// Scores the model on a task's validation and test batches.
    func evaluate(_ model: any RecurrentModel, task: any TrainingTask, name: TaskArgument) throws(CLIError)
        -> ([String], JSONValue)
    {
        var lines: [String] = []
        var taskFields: [(String, JSONValue)] = [("name", .string(name.rawValue)), ("seed", .unsigned(seed))]
        do {
            try task.validateCompatible(model)
            lines.append("task \(name.rawValue)  seed \(seed)")
            var validationLoss: Double? = nil
            var testLoss: Double? = nil
            if let v = try task.validationBatch() {
                let l = try model.loss(on: v)
                lines.append("validation loss \(NumberText.format(l))")
                validationLoss = l
            }
            if let t = try task.testBatch() {
                let l = try model.loss(on: t)
                lines.append("test loss \(NumberText.format(l))")
                testLoss = l
            }
            let metrics = try task.testMetrics(of: model)
            var metricFields: [(String, JSONValue)] = []
            for key in metrics.keys.sorted() {
                if let v = metrics[key] {
                    lines.append("test \(key) \(NumberText.format(v))")
                    metricFields.append((key, .number(v)))
                }
            }
            taskFields += [
                ("validation_loss", .optional(validationLoss)), ("test_loss", .optional(testLoss)),
                ("test_metrics", .object(metricFields)),
            ]
        } catch {
            throw cliError(error, context: "--task \(name.rawValue)")
        }
        return (lines, .object(taskFields))
    }

    /// Runs the model on `--data`: the loss on the targets, and the difference from a reference `output` tensor.
    func evaluate(_ model: any RecurrentModel, on loaded: LoadedData) throws(CLIError)
        -> (lines: [String], data: JSONValue, reference: JSONValue)
    {
        let d = loaded.data
        try MemoryBudget.check(
            bytes: MemoryBudget.networkBytes(
                steps: d.steps, batchSize: d.batchSize, inputSize: model.inputSize,
                outputSize: model.outputSize, stateSize: model.stateSize,
                parameterCount: model.parameterCount, derivative: .none),
            for: "running the network on \(loaded.description) (\(d.steps) steps × \(d.batchSize) sequences)")
        var lines = ["data \(loaded.description): \(LoadedData.shapeText(d))"]
        var loss: Double? = nil
        let outputs: SequenceBatch
        do {
            outputs = try model.outputs(d.inputs)
            if d.targets != nil {
                let l = try d.taskBatch(loss: try lossOptions.outputLoss(steps: d.steps))
                loss = try model.loss(on: l)
            }
        } catch {
            throw cliError(error, context: "--data \(loaded.description)")
        }
        try RunCommand.requireFinite(outputs, what: "the network's output", source: loaded.description)
        if let loss, !loss.isFinite {
            throw CLIError(
                "the loss on \(loaded.description) is not finite (\(NumberText.format(loss))): the outputs or targets are too large"
            )
        }
        if let loss {
            let burn = lossOptions.burnIn ?? 0
            lines.append(
                "loss (\(lossOptions.kind.rawValue)\(burn > 0 ? ", burn-in \(burn)" : "")) \(NumberText.format(loss))")
        } else {
            lines.append("no targets (\(d.targetName)): no loss")
        }
        let dataField = JSONValue.object([
            ("source", .string(loaded.description)), ("steps", .integer(d.steps)), ("sequences", .integer(d.batchSize)),
            ("loss_kind", .string(lossOptions.kind.rawValue)), ("burn_in", .integer(lossOptions.burnIn ?? 0)),
            ("loss", .optional(loss)),
        ])
        guard let file = loaded.file, file.tensors["output"] != nil else { return (lines, dataField, .null) }
        let y: SafetensorsTensor
        do {
            y = try file.tensor(named: "output", shape: [d.steps, d.batchSize, model.outputSize])
        } catch {
            throw CLIError(error.description)
        }
        var maxError = 0.0, sse = 0.0
        for (a, b) in zip(outputs.values, y.values) {
            maxError = max(maxError, abs(a - b))
            sse += (a - b) * (a - b)
        }
        let msd = sse / Double(max(1, y.values.count))
        lines += [
            "reference 'output': \(LoadedData.shapeText(d))",
            "max |y − output| \(NumberText.format(maxError))",
            "mean squared difference \(NumberText.format(msd))",
        ]
        let referenceField = JSONValue.object([
            ("steps", .integer(d.steps)), ("sequences", .integer(d.batchSize)),
            ("max_abs_difference", .number(maxError)), ("mean_squared_difference", .number(msd)),
        ])
        return (lines, dataField, referenceField)
    }
}

extension String {
    /// `teacher_size` → `teacher size`, for messages.
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
