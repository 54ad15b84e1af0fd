import ArgumentParser
import RNNMemory

/// `--model rnn|lstm|gru` of a PyTorch state dict.
enum PyTorchModelArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case rnn, lstm, gru

    var architecture: PyTorchArchitecture {
        switch self {
        case .rnn: return .rnn
        case .lstm: return .lstm
        case .gru: return .gru
        }
    }
}

/// `rnnmem eval --weights FILE [--task …]`: load saved weights and report the task loss and metrics.
struct EvalCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate saved weights (rnnmem or PyTorch safetensors) on a task or on reference data in the file.",
        discussion: """
            rnnmem weights files (written by 'rnnmem train') describe their model in their metadata. A PyTorch \
            state dict saved with safetensors (nn.RNN with tanh, nn.LSTM or nn.GRU, plus an nn.Linear readout) is \
            read with --pytorch --model rnn|lstm|gru: tensors <prefix>weight_ih_l<k>, weight_hh_l<k>, \
            bias_ih_l<k>, bias_hh_l<k> and <readout-prefix>weight, <readout-prefix>bias (defaults: no prefix and \
            'linear.'; e.g. --recurrent-prefix rnn. --readout-prefix fc. for a module with attributes rnn and fc). \
            --task uses the same task options and --seed as 'train', so 'eval --seed s' scores the validation and \
            test data that 'train --seed s' held out. --reference runs the network on the file's 'input' tensor \
            [T, B, d_in] and compares with its 'output' tensor [T, B, d_out]. Always printed: the model and the \
            checksum of its parameters (identical parameters ⇒ identical checksum).

            JSON keys: weights, kind, architecture, input_size, hidden_size, output_size, layer_count, \
            parameter_count, parameter_checksum, reference ({steps, sequences, max_abs_difference, \
            mean_squared_difference} or null), compare ({file, identical, differing_parameters, \
            max_abs_difference} or null), task ({name, seed, validation_loss, test_loss, test_metrics} or null).
            """)

    @Option(help: ArgumentHelp("Weights file (safetensors).", valueName: "file"))
    var weights: String

    @Flag(help: "The file is a PyTorch state dict (give --model).")
    var pytorch = false

    @Option(help: ArgumentHelp("With --pytorch: the module, rnn (tanh), lstm or gru.", valueName: "name"))
    var model: PyTorchModelArgument?

    @Option(help: ArgumentHelp("With --pytorch: prefix of the recurrent module's tensors (e.g. 'rnn.').", valueName: "prefix"))
    var recurrentPrefix: String = ""

    @Option(help: ArgumentHelp("With --pytorch: prefix of the readout's weight and bias (e.g. 'fc.').", valueName: "prefix"))
    var readoutPrefix: String = "linear."

    @Flag(help: "With --pytorch: the file has no readout; the model outputs the top layer's h.")
    var noReadout = false

    @OptionGroup(title: "Task") var taskOptions: TrainTaskOptions

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Seed of the task data (as given to 'train').", valueName: "seed"))
    var seed: UInt64 = 0

    @Flag(help: "Compare the outputs on the file's 'input' tensor with its 'output' tensor.")
    var reference = false

    @Option(help: ArgumentHelp("Compare the parameters bit for bit with those of another weights file (read the same way).",
                               valueName: "file"))
    var compare: String?

    @OptionGroup var output: OutputOptions

    func validateValues() throws(CLIError) {
        if pytorch {
            guard model != nil else { throw CLIError("--pytorch needs --model rnn|lstm|gru") }
        } else {
            if model != nil { throw CLIError("--model applies with --pytorch only (rnnmem weights record their model)") }
            if noReadout || recurrentPrefix != "" || readoutPrefix != "linear." {
                throw CLIError("--recurrent-prefix, --readout-prefix and --no-readout apply with --pytorch only")
            }
        }
        if taskOptions.task != nil { try taskOptions.validateValues() }
    }

    func loadModel(_ path: String? = nil) throws(CLIError) -> (model: any RecurrentModel, file: SafetensorsFile, kind: String) {
        let weights = path ?? self.weights
        let file: SafetensorsFile
        do {
            file = try SafetensorsFile.read(contentsOf: weights)
        } catch {
            throw CLIError(error.description)
        }
        do {
            if pytorch, let model {
                let names = PyTorchNames(recurrentPrefix: recurrentPrefix, readoutPrefix: noReadout ? nil : readoutPrefix)
                let m = try PyTorchImport.model(from: file, architecture: model.architecture,
                                                options: PyTorchImportOptions(names: names))
                return (m, file, "PyTorch \(model.architecture.moduleName)")
            }
            return (try ModelIO.model(from: file), file, "rnnmem weights")
        } catch {
            if error.kind == .invalidMetadata && error.message.contains("PyTorch") {
                throw CLIError(error.description + "; use --pytorch --model rnn|lstm|gru")
            }
            throw CLIError(error.description)
        }
    }

    func run(console: Console) throws {
        try validateValues()
        let (model, file, kind) = try loadModel()
        let checksum = ModelIO.checksum(model.parameters)
        var lines = [
            "model \(model.architecture)  input \(model.inputSize)  hidden \(model.hiddenSize)  output \(model.outputSize)  layers \(model.layerCount)  parameters \(model.parameterCount)  (\(kind))",
            "checksum \(checksum)",
        ]
        var fields: [(String, JSONValue)] = [
            ("weights", .string(weights)), ("kind", .string(kind)), ("architecture", .string(model.architecture.rawValue)),
            ("input_size", .integer(model.inputSize)), ("hidden_size", .integer(model.hiddenSize)),
            ("output_size", .integer(model.outputSize)), ("layer_count", .integer(model.layerCount)),
            ("parameter_count", .integer(model.parameterCount)), ("parameter_checksum", .string(checksum)),
        ]
        if reference {
            let r = try referenceComparison(model, file)
            lines += [
                "reference: \(r.steps) steps × \(r.sequences) sequences",
                "max |y − output| \(NumberText.format(r.maxError))",
                "mean squared difference \(NumberText.format(r.meanSquaredDifference))",
            ]
            fields.append(
                (
                    "reference",
                    .object([
                        ("steps", .integer(r.steps)), ("sequences", .integer(r.sequences)),
                        ("max_abs_difference", .number(r.maxError)),
                        ("mean_squared_difference", .number(r.meanSquaredDifference)),
                    ])
                ))
        } else {
            fields.append(("reference", .null))
        }
        if let compare {
            let other = try loadModel(compare).model
            guard other.architecture == model.architecture, other.parameterGroups == model.parameterGroups else {
                throw CLIError("--compare \(compare): a different model (\(other.architecture), \(other.parameterCount) parameters) from \(weights) (\(model.architecture), \(model.parameterCount) parameters)")
            }
            var differing = 0, maxDifference = 0.0
            for (a, b) in zip(model.parameters, other.parameters) where a.bitPattern != b.bitPattern {
                differing += 1
                maxDifference = max(maxDifference, abs(a - b))
            }
            let p = model.parameterCount
            lines.append(differing == 0
                ? "compared with \(compare): identical, \(p) of \(p) parameters equal bit for bit"
                : "compared with \(compare): different, \(differing) of \(p) parameters differ, max |Δ| \(NumberText.format(maxDifference))")
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
        if let name = taskOptions.task {
            var taskFields: [(String, JSONValue)] = [("name", .string(name.rawValue)), ("seed", .unsigned(seed))]
            do {
                let task = try taskOptions.makeTask(seed: RunSeeds(seed).task, console: console)
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
            fields.append(("task", .object(taskFields)))
        } else {
            fields.append(("task", .null))
        }
        try output.emit(to: console, plain: { lines.joined(separator: "\n") + "\n" }, json: { .object(fields) })
    }

    /// The network's outputs on the file's `input` against its `output`.
    struct ReferenceComparison {
        let steps: Int
        let sequences: Int
        let maxError: Double
        let meanSquaredDifference: Double
    }

    /// Outputs on the file's `input` versus its `output`.
    func referenceComparison(_ model: any RecurrentModel, _ file: SafetensorsFile) throws(CLIError)
        -> ReferenceComparison
    {
        do {
            let x = try file.tensor(named: "input")
            guard x.shape.count == 3, x.shape[2] == model.inputSize else {
                throw CLIError("\(weights): tensor \"input\" has shape \(x.shape), expected [T, B, \(model.inputSize)]")
            }
            let y = try file.tensor(named: "output", shape: [x.shape[0], x.shape[1], model.outputSize])
            let inputs = try SequenceBatch(steps: x.shape[0], batchSize: x.shape[1], features: x.shape[2], values: x.values)
            let out = try model.outputs(inputs)
            var maxError = 0.0, sse = 0.0
            for (a, b) in zip(out.values, y.values) {
                maxError = max(maxError, abs(a - b))
                sse += (a - b) * (a - b)
            }
            return ReferenceComparison(
                steps: x.shape[0], sequences: x.shape[1], maxError: maxError,
                meanSquaredDifference: sse / Double(max(1, y.values.count)))
        } catch let e as CLIError {
            throw e
        } catch let e as SafetensorsError {
            throw CLIError(e.description)
        } catch {
            throw CLIError("\(weights): \(error)")
        }
    }
}
