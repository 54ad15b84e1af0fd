import ArgumentParser
import RNNMemory

/// The network of a verb (`run`, `eval`, `export`, and the verbs built on them), one of:
///
/// * `--weights FILE` — rnnmem weights (written by `train` or `export`; the file's metadata describe the model);
/// * `--weights FILE --pytorch --model rnn|lstm|gru` — a PyTorch state dict in safetensors form (`nn.RNN` with
///   tanh, `nn.LSTM`, `nn.GRU`, plus an `nn.Linear` readout), tensors `<recurrent-prefix>weight_ih_l<k>`, … and
///   `<readout-prefix>weight`, `<readout-prefix>bias`;
/// * `--model NAME [--hidden N] [--layers L] [architecture options]` — a new network initialised from the verb's
///   `--seed` (as `train --seed s` initialises it), input and output widths taken from the data (or the task) or
///   given with `--inputs`/`--outputs`.
///
/// A verb declares `@OptionGroup(title: "Network") var network: NetworkOptions` and its own `--seed`, calls
/// ``validateValues(role:)`` first and ``load(widths:seed:task:role:)`` when it has its data.
struct NetworkOptions: ParsableArguments {
    /// What `--pytorch` means to the verb: the format of the weights read (`run`, `eval`, …) or of the file
    /// written (`export`, which reads rnnmem weights only).
    enum Role {
        case read
        case export
    }

    @Option(
        help: ArgumentHelp(
            "Weights file (safetensors): rnnmem weights, or a PyTorch state dict with --pytorch.",
            valueName: "file"))
    var weights: String?

    @Flag(
        help:
            "PyTorch state dict: the --weights file is one (give --model rnn|lstm|gru); in export, the file written is one."
    )
    var pytorch = false

    @Option(
        help: ArgumentHelp(
            "Architecture: of a new network (rnn, lstm, gru, linear, cdiag, lru, mrnn, mrnnf, mrnnw, mlstm, mlstmf), or with --pytorch the module (rnn = tanh, lstm, gru).",
            valueName: "name"))
    var model: ModelArgument?

    @Option(
        help: ArgumentHelp(
            "With --pytorch: prefix of the recurrent module's tensors (e.g. 'rnn.').", valueName: "prefix"))
    var recurrentPrefix: String = ""

    @Option(
        help: ArgumentHelp("With --pytorch: prefix of the readout's weight and bias (e.g. 'fc.').", valueName: "prefix")
    )
    var readoutPrefix: String = "linear."

    @Flag(help: "With --pytorch: the file has no readout; the model outputs the top layer's h.")
    var noReadout = false

    @OptionGroup(title: "New network") var architecture: ArchitectureOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("New network: input width d_in (default: the data's).", valueName: "d"))
    var inputs: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("New network: output width d_out (default: the targets', else d_in).", valueName: "d"))
    var outputs: Int?

    /// Whether the network is new (built from `--model` and `--seed`) rather than read from `--weights`.
    var isNew: Bool { weights == nil }

    /// The PyTorch tensor names given by the prefixes.
    var pytorchNames: PyTorchNames {
        PyTorchNames(recurrentPrefix: recurrentPrefix, readoutPrefix: noReadout ? nil : readoutPrefix)
    }

    /// Checks that the options name one network and fit together.
    func validateValues(role: Role = .read) throws(CLIError) {
        let prefixesGiven = noReadout || recurrentPrefix != "" || readoutPrefix != "linear."
        if let weights {
            if weights.isEmpty { throw CLIError("--weights is empty: give a file") }
            let fresh =
                architecture.givenOptions + (inputs != nil ? ["--inputs"] : []) + (outputs != nil ? ["--outputs"] : [])
            if let first = fresh.first {
                throw CLIError(
                    "\(first) applies to a new network (--model without --weights); \(weights) describes its own")
            }
            switch role {
            case .read:
                if pytorch {
                    guard let model else { throw CLIError("--pytorch needs --model rnn|lstm|gru") }
                    guard model.pytorchArchitecture != nil else {
                        throw CLIError("--pytorch --model \(model.rawValue): PyTorch state dicts hold rnn, lstm or gru")
                    }
                } else {
                    if model != nil {
                        throw CLIError(
                            "--model with --weights applies with --pytorch only (rnnmem weights record their model)")
                    }
                    if prefixesGiven {
                        throw CLIError(
                            "--recurrent-prefix, --readout-prefix and --no-readout apply with --pytorch only")
                    }
                }
            case .export:
                if model != nil {
                    throw CLIError("--model with --weights: export reads rnnmem weights, which record their model")
                }
            }
        } else {
            guard let model else {
                throw CLIError("no network: give --weights FILE, or --model NAME (and --hidden, --seed) for a new one")
            }
            if role == .read && pytorch {
                throw CLIError("--pytorch needs --weights FILE (the PyTorch state dict to read)")
            }
            if role == .read && prefixesGiven {
                throw CLIError(
                    "--recurrent-prefix, --readout-prefix and --no-readout apply with --weights FILE --pytorch")
            }
            try architecture.validateValues(for: model)
            for (flag, value) in [("--inputs", inputs), ("--outputs", outputs)] {
                if let value {
                    try Arguments.count(value, flag)
                    guard value <= 100_000 else {
                        throw CLIError.invalidArgument(flag, String(value), "must be ≤ 100000")
                    }
                }
            }
        }
    }

    /// The widths a new network takes from the data: d_in, d_out (nil when unknown), and how to name their
    /// source in messages.
    struct DataWidths {
        var inputSize: Int?
        var outputSize: Int?
        var source: String

        /// No data: widths from `--inputs`/`--outputs` only.
        static let none = DataWidths(inputSize: nil, outputSize: nil, source: "")
    }

    /// Reads or builds the network. A new network is initialised from `seed` (``RunSeeds/model``, i.e. `seed`
    /// itself) with the protocol initialisation of `task` when given; its widths come from `widths`, or from
    /// `--inputs`/`--outputs`, which must then agree with the data.
    func load(widths: DataWidths = .none, seed: UInt64, task: TaskSpecification? = nil, role: Role = .read)
        throws(CLIError) -> LoadedNetwork
    {
        if let weights { return try read(weights, role: role) }
        guard let model else { throw CLIError("no network: give --weights FILE or --model NAME") }
        if let inputs, let d = widths.inputSize, inputs != d {
            throw CLIError("--inputs \(inputs) disagrees with the data's input width \(d) (\(widths.source))")
        }
        if let outputs, let d = widths.outputSize, outputs != d {
            throw CLIError("--outputs \(outputs) disagrees with the data's output width \(d) (\(widths.source))")
        }
        guard let inputSize = inputs ?? widths.inputSize else {
            throw CLIError("a new network needs its input width: give --inputs d (or --data, --task)")
        }
        let outputSize = outputs ?? widths.outputSize ?? inputSize
        let spec: ModelSpecification
        let network: any RecurrentModel
        do {
            spec = try architecture.specification(
                model: model, inputSize: inputSize, outputSize: outputSize, task: task)
            network = try spec.makeModel(seed: RunSeeds(seed).model)
        } catch {
            throw cliError(error, context: "--model \(model.rawValue)")
        }
        return LoadedNetwork(
            model: network, kind: "new, seed \(seed)", source: nil, metadata: [:],
            initialization: ArchitectureOptions.initializationDescription(spec))
    }

    /// Reads another weights file, e.g. for `eval --compare`: rnnmem weights (recognised by their metadata) as
    /// such, anything else the way `--weights` is read (the same `--pytorch`, `--model` and prefixes), so that a
    /// PyTorch file and rnnmem weights can be compared either way round.
    static func reading(_ path: String, like options: NetworkOptions) throws(CLIError) -> any RecurrentModel {
        var plain = options
        if let file = try? SafetensorsFile.read(contentsOf: path), file.metadata["format"] == ModelIO.formatName {
            plain.pytorch = false
        }
        return try plain.read(path, role: .read).model
    }

    /// The network in `path` (role: see ``Role``).
    func read(_ path: String, role: Role) throws(CLIError) -> LoadedNetwork {
        let file: SafetensorsFile
        do {
            file = try SafetensorsFile.read(contentsOf: path)
        } catch {
            throw CLIError(error.description)
        }
        do {
            if role == .read, pytorch, let architecture = model?.pytorchArchitecture {
                let m = try PyTorchImport.model(
                    from: file, architecture: architecture,
                    options: PyTorchImportOptions(names: pytorchNames))
                return LoadedNetwork(
                    model: m, kind: "PyTorch \(architecture.moduleName)", source: path,
                    metadata: file.metadata, initialization: "")
            }
            return LoadedNetwork(
                model: try ModelIO.model(from: file), kind: "rnnmem weights", source: path,
                metadata: file.metadata, initialization: "")
        } catch {
            if error.kind == .invalidMetadata && error.message.contains("PyTorch") {
                throw CLIError(
                    error.description
                        + (role == .read
                            ? "; use --pytorch --model rnn|lstm|gru"
                            : "; export reads rnnmem weights (run and eval read PyTorch files with --pytorch --model)"))
            }
            throw CLIError(error.description)
        }
    }
}
