import ArgumentParser
import RNNMemory

/// `rnnmem export --pytorch --weights FILE --output FILE`: write a network as a PyTorch state dict (or as rnnmem
/// weights).
struct ExportCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a network as a PyTorch state dict (--pytorch) or as an rnnmem weights file.",
        discussion: """
            The network: --weights FILE (rnnmem weights, e.g. from 'train'), or a new --model NAME initialised from \
            --seed (widths --inputs, --outputs; default 1 and d_in). With --pytorch the file is a PyTorch state \
            dict in safetensors form with PyTorch's names, shapes and gate order: <recurrent-prefix>weight_ih_l<k>, \
            weight_hh_l<k>, bias_ih_l<k>, bias_hh_l<k> for layers k = 0 … L−1 and <readout-prefix>weight, \
            <readout-prefix>bias (defaults: no prefix and 'linear.'). It loads into nn.RNN(d_in, N, L, \
            nonlinearity='tanh') / nn.LSTM(d_in, N, L) / nn.GRU(d_in, N, L) (sequence-first, h_0 = 0) plus \
            nn.Linear(N, d_out): state = safetensors.torch.load_file(FILE); rnn.load_state_dict({k: v for k, v \
            in state.items() if not k.startswith('linear.')}); linear.load_state_dict({k[7:]: v for k, v in \
            state.items() if k.startswith('linear.')}) (after .double(), or --dtype f32). rnn, lstm and gru only: \
            \(ModelArgument.withoutPyTorchCounterpart) have no PyTorch module and are an error with --pytorch. \
            Reading the file back with 'rnnmem eval --weights FILE --pytorch --model NAME' gives the same \
            parameters, bit for bit (F64). Without --pytorch the file is rnnmem weights (any architecture).

            JSON keys: weights, kind, architecture, input_size, hidden_size, output_size, layer_count, \
            parameter_count, parameter_checksum, format (pytorch or rnnmem), module (nn.RNN, nn.LSTM, nn.GRU or \
            null), dtype, output, tensors (the names written).
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of a new network.", valueName: "seed"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Element type of the file: f64 (exact) or f32 (rounded).", valueName: "f64|f32"))
    var dtype: DTypeArgument = .f64

    @Option(help: ArgumentHelp("The file to write (safetensors).", valueName: "file"))
    var output: String

    @Flag(help: "Print one JSON object instead of the report.")
    var json = false

    /// `--dtype f64|f32`.
    enum DTypeArgument: String, ExpressibleByArgument, CaseIterable {
        case f64, f32

        var dtype: SafetensorsDType { self == .f64 ? .f64 : .f32 }
    }

    func validateValues() throws(CLIError) {
        try network.validateValues(role: .export)
        if output.isEmpty { throw CLIError("--output is empty: give a file") }
        if network.pytorch {
            if network.noReadout {
                throw CLIError("--no-readout: export writes the readout (nn.Linear) under --readout-prefix")
            }
            if let model = network.model, network.isNew, model.pytorchArchitecture == nil {
                throw CLIError("--pytorch: --model \(model.rawValue) has no PyTorch counterpart (rnn, lstm and gru do)")
            }
        } else if network.recurrentPrefix != "" || network.readoutPrefix != "linear." || network.noReadout {
            throw CLIError("--recurrent-prefix, --readout-prefix and --no-readout apply with --pytorch")
        }
    }

    func run(console: Console) throws {
        try validateValues()
        var widths = NetworkOptions.DataWidths.none
        if network.isNew && network.inputs == nil { widths.inputSize = 1 }
        widths.source = "the default width 1"
        let loaded = try network.load(widths: widths, seed: seed, role: .export)
        let model = loaded.model
        let file: SafetensorsFile
        let module: String?
        do {
            if network.pytorch {
                guard let architecture = PyTorchArchitecture(rawValue: model.architecture.rawValue) else {
                    throw CLIError(
                        "--pytorch: \(loaded.source ?? "the network") holds a network of architecture \(model.architecture), which has no PyTorch counterpart (rnn, lstm and gru do)"
                    )
                }
                var f = try PyTorchImport.stateDict(of: model, names: network.pytorchNames, dtype: dtype.dtype)
                f.metadata["rnnmem_parameter_checksum"] = ModelIO.checksum(model.parameters)
                if let source = loaded.source { f.metadata["rnnmem_weights"] = source }
                file = f
                module = architecture.moduleName
            } else {
                var extra = loaded.metadata.filter {
                    !["format", "format_version", "parameter_count", "parameter_checksum"].contains($0.key)
                }
                if network.isNew { extra["seed"] = String(seed) }
                file = try ModelIO.safetensors(of: model, metadata: extra, dtype: dtype.dtype)
                module = nil
            }
            try file.write(to: output)
        } catch let e as CLIError {
            throw e
        } catch {
            throw cliError(error, context: "export")
        }
        let names = file.names
        if json {
            var fields = loaded.jsonFields
            fields += [
                ("format", .string(network.pytorch ? "pytorch" : "rnnmem")), ("module", .optional(module)),
                ("dtype", .string(dtype.rawValue)), ("output", .string(output)),
                ("tensors", .array(names.map { .string($0) })),
            ]
            try console.writeStandardOutput(JSONValue.object(fields).serialized)
        } else {
            var lines = [loaded.summaryLine, "checksum \(ModelIO.checksum(model.parameters))"]
            lines.append(
                "wrote \(output): \(module.map { "PyTorch \($0) + nn.Linear state dict" } ?? "rnnmem weights"), \(dtype.rawValue), \(names.count) tensors"
            )
            lines.append("tensors " + names.joined(separator: ", "))
            try console.writeStandardOutput(lines.joined(separator: "\n") + "\n")
        }
    }
}
