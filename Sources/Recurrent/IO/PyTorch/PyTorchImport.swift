/// Import of PyTorch `nn.RNN` / `nn.LSTM` / `nn.GRU` state dicts (saved as safetensors, e.g. with
/// `safetensors.torch.save_file(model.state_dict(), path)`) into rnnmem's ``TanhRNN``, ``LSTM`` and ``GRU``, and
/// export of those models in the same layout.
///
/// Mapping (PyTorch documentation of `torch.nn.RNN`, `torch.nn.LSTM`, `torch.nn.GRU`): for layer k,
/// `weight_ih_lk` [G·N, d_k] → `layerk.W_ih`, `weight_hh_lk` [G·N, N] → `layerk.W_hh`, `bias_ih_lk` [G·N] →
/// `layerk.b_ih`, `bias_hh_lk` [G·N] → `layerk.b_hh`, readout `weight` [d_out, N] → `readout.C`, `bias` [d_out] →
/// `readout.c`. rnnmem keeps PyTorch's gate row blocks and both biases, so the mapping is a pure change of storage
/// order (C order in the file, column-major in the flat parameter vector) and the round trip is exact. Sizes are
/// inferred from the tensors: N from `weight_hh_l0`'s columns, d_in from `weight_ih_l0`'s columns, the layer
/// count from the consecutive `weight_ih_lk` present, d_out from the readout.
///
/// Tensors other than these are ignored (a file may also hold inputs, reference outputs or other modules), except
/// names that show a configuration rnnmem cannot represent: `…_reverse` (bidirectional) and `weight_hr_lk`
/// (LSTM with `proj_size`), and a `weight_ih_lk` beyond a gap in the layer numbering.
public enum PyTorchImport {
    /// The model stored in `file`, as a ``TanhRNN``, ``LSTM`` or ``GRU`` according to `architecture`.
    public static func model(
        from file: SafetensorsFile, architecture: PyTorchArchitecture,
        options: PyTorchImportOptions = PyTorchImportOptions()
    ) throws(SafetensorsError)
        -> any RecurrentModel
    {
        switch architecture {
        case .rnn: return try tanhRNN(from: file, options: options)
        case .lstm: return try lstm(from: file, options: options)
        case .gru: return try gru(from: file, options: options)
        }
    }

    /// Read the safetensors file at `path` and import it (see ``model(from:architecture:options:)``).
    public static func model(
        contentsOf path: String, architecture: PyTorchArchitecture,
        options: PyTorchImportOptions = PyTorchImportOptions()
    ) throws(SafetensorsError)
        -> any RecurrentModel
    {
        try model(from: try SafetensorsFile.read(contentsOf: path), architecture: architecture, options: options)
    }

    /// The ``TanhRNN`` stored in `file` (PyTorch `nn.RNN` with tanh).
    public static func tanhRNN(from file: SafetensorsFile, options: PyTorchImportOptions = PyTorchImportOptions())
        throws(SafetensorsError) -> TanhRNN
    {
        let m = try mapped(file, .rnn, options)
        return try build(file) {
            try TanhRNN(
                inputSize: m.inputSize, hiddenSize: m.hiddenSize, outputSize: m.outputSize, layers: m.layers,
                parameters: m.parameters)
        }
    }

    /// The ``LSTM`` stored in `file` (PyTorch `nn.LSTM`).
    public static func lstm(from file: SafetensorsFile, options: PyTorchImportOptions = PyTorchImportOptions())
        throws(SafetensorsError) -> LSTM
    {
        let m = try mapped(file, .lstm, options)
        return try build(file) {
            try LSTM(
                inputSize: m.inputSize, hiddenSize: m.hiddenSize, outputSize: m.outputSize, layers: m.layers,
                parameters: m.parameters)
        }
    }

    /// The ``GRU`` stored in `file` (PyTorch `nn.GRU`).
    public static func gru(from file: SafetensorsFile, options: PyTorchImportOptions = PyTorchImportOptions())
        throws(SafetensorsError) -> GRU
    {
        let m = try mapped(file, .gru, options)
        return try build(file) {
            try GRU(
                inputSize: m.inputSize, hiddenSize: m.hiddenSize, outputSize: m.outputSize, layers: m.layers,
                parameters: m.parameters)
        }
    }

    private static func build<M>(_ file: SafetensorsFile, _ make: () throws -> M) throws(SafetensorsError) -> M {
        do {
            return try make()
        } catch let e as SafetensorsError {
            throw e
        } catch {
            throw SafetensorsError(.invalidValue, source: file.source, "\(error)")
        }
    }

    /// Sizes and flat parameters (StackedGatedLayout order) read from a PyTorch state dict.
    struct Mapped {
        let inputSize: Int
        let hiddenSize: Int
        let outputSize: Int
        let layers: Int
        let parameters: [Double]
    }

    static func mapped(_ file: SafetensorsFile, _ architecture: PyTorchArchitecture, _ options: PyTorchImportOptions)
        throws(SafetensorsError) -> Mapped
    {
        let names = options.names
        let g = architecture.gateCount
        let src = file.source
        func fail(_ kind: SafetensorsError.Kind, _ message: String) -> SafetensorsError {
            SafetensorsError(kind, source: src, message)
        }
        // Configurations rnnmem cannot represent.
        let prefix = names.recurrentPrefix
        for name in file.names where name.hasPrefix(prefix) {
            let local = name.dropFirst(prefix.count)
            if local.hasSuffix("_reverse") && (local.hasPrefix("weight_") || local.hasPrefix("bias_")) {
                throw fail(
                    .unexpectedTensor,
                    "tensor \"\(name)\" belongs to a bidirectional module; rnnmem imports unidirectional \(architecture.moduleName) only"
                )
            }
            if local.hasPrefix("weight_hr_l") {
                throw fail(
                    .unexpectedTensor,
                    "tensor \"\(name)\" belongs to an LSTM with proj_size > 0, which rnnmem does not import")
            }
        }
        // Layers: weight_ih_l0, weight_ih_l1, … consecutively.
        var layers = 0
        while file.tensors[names.inputWeights(layer: layers)] != nil { layers += 1 }
        guard layers > 0 else {
            let hint = file.names.first { $0.hasSuffix("weight_ih_l0") }
            throw fail(
                .missingTensor,
                "no tensor \"\(names.inputWeights(layer: 0))\""
                    + (hint.map {
                        " (the file has \"\($0)\": set the recurrent prefix to \"\($0.dropLast("weight_ih_l0".count))\")"
                    }
                        ?? " (the file has \(file.names.isEmpty ? "no tensors" : file.names.prefix(8).joined(separator: ", ")))")
            )
        }
        for name in file.names where name.hasPrefix(prefix) {
            let local = name.dropFirst(prefix.count)
            for stem in ["weight_ih_l", "weight_hh_l", "bias_ih_l", "bias_hh_l"] where local.hasPrefix(stem) {
                if let k = Int(local.dropFirst(stem.count)), k >= layers {
                    throw fail(
                        .unexpectedTensor,
                        "tensor \"\(name)\" is for layer \(k) but \"\(names.inputWeights(layer: layers))\" is missing")
                }
            }
        }
        let hh0 = try file.tensor(named: names.recurrentWeights(layer: 0))
        guard hh0.shape.count == 2, hh0.shape[1] >= 1 else {
            throw fail(
                .wrongShape,
                "tensor \"\(names.recurrentWeights(layer: 0))\" has shape \(SafetensorsTensor.shapeText(hh0.shape)); \(architecture.moduleName) needs [\(g)·N, N]"
            )
        }
        let n = hh0.shape[1]
        let ih0 = try file.tensor(named: names.inputWeights(layer: 0))
        guard ih0.shape.count == 2, ih0.shape[1] >= 1 else {
            throw fail(
                .wrongShape,
                "tensor \"\(names.inputWeights(layer: 0))\" has shape \(SafetensorsTensor.shapeText(ih0.shape)); \(architecture.moduleName) needs [\(g)·N, input size]"
            )
        }
        let dIn = ih0.shape[1]
        var parameters: [Double] = []
        func append(_ name: String, _ shape: [Int], optionalBias: Bool) throws(SafetensorsError) {
            if optionalBias && options.missingBiasesAreZero && file.tensors[name] == nil {
                parameters.append(contentsOf: [Double](repeating: 0, count: shape.reduce(1, *)))
                return
            }
            parameters.append(contentsOf: try file.tensor(named: name, shape: shape).columnMajorValues)
        }
        for k in 0..<layers {
            let d = k == 0 ? dIn : n
            try append(names.inputWeights(layer: k), [g * n, d], optionalBias: false)
            try append(names.recurrentWeights(layer: k), [g * n, n], optionalBias: false)
            try append(names.inputBias(layer: k), [g * n], optionalBias: true)
            try append(names.recurrentBias(layer: k), [g * n], optionalBias: true)
        }
        let dOut: Int
        if let weightName = names.readoutWeight, let biasName = names.readoutBias {
            let w = try file.tensor(named: weightName)
            guard w.shape.count == 2, w.shape[0] >= 1, w.shape[1] == n else {
                throw fail(
                    .wrongShape,
                    "tensor \"\(weightName)\" has shape \(SafetensorsTensor.shapeText(w.shape)); the readout needs [output size, \(n)] (hidden size \(n))"
                )
            }
            dOut = w.shape[0]
            try append(weightName, [dOut, n], optionalBias: false)
            try append(biasName, [dOut], optionalBias: true)
        } else {
            dOut = n
            var identity = [Double](repeating: 0, count: n * n)
            for i in 0..<n { identity[i + i * n] = 1 }
            parameters.append(contentsOf: identity)
            parameters.append(contentsOf: [Double](repeating: 0, count: n))
        }
        return Mapped(inputSize: dIn, hiddenSize: n, outputSize: dOut, layers: layers, parameters: parameters)
    }
}
