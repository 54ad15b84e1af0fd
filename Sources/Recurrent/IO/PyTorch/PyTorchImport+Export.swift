extension PyTorchImport {
    /// A ``TanhRNN``, ``LSTM`` or ``GRU`` as a PyTorch state dict in safetensors form (the inverse of
    /// ``model(from:architecture:options:)``): `<recurrentPrefix>weight_ih_lk` … and `<readoutPrefix>weight`,
    /// `<readoutPrefix>bias`, C order, F64 (or F32 with `dtype: .f32`). Loading it in PyTorch:
    /// `rnn.load_state_dict({k[len(prefix):]: v for k, v in load_file(path).items() if k.startswith(prefix)})`
    /// with tensors converted to the module's dtype. Metadata records the module and its sizes.
    ///
    /// - Throws: `.invalidMetadata` when `model` is not one of the three PyTorch-style models or `names` has no
    ///   readout prefix (the readout must be written somewhere).
    public static func stateDict(
        of model: any RecurrentModel, names: PyTorchNames = PyTorchNames(),
        dtype: SafetensorsDType = .f64
    ) throws(SafetensorsError) -> SafetensorsFile {
        guard let architecture = PyTorchArchitecture(rawValue: model.architecture.rawValue),
            let layout = (model as? any StackedGatedArchitecture)?.layout
        else {
            throw SafetensorsError(
                .invalidMetadata, source: "<export>",
                "a \(model.architecture) model has no PyTorch counterpart (rnn, lstm and gru do)")
        }
        guard let weightName = names.readoutWeight, let biasName = names.readoutBias else {
            throw SafetensorsError(
                .invalidMetadata, source: "<export>", "export needs a readout prefix (e.g. \"linear.\")")
        }
        let p = model.parameters
        var tensors: [String: SafetensorsTensor] = [:]
        func put(_ name: String, _ group: ParameterGroup) throws(SafetensorsError) {
            do {
                tensors[name] = try SafetensorsTensor(
                    columnMajor: Array(p[group.range]), shape: group.shape, dtype: dtype)
            } catch {
                throw SafetensorsError(.wrongShape, source: "<export>", "group \(group.name): \(error)")
            }
        }
        for (k, l) in layout.layers.enumerated() {
            try put(names.inputWeights(layer: k), l.inputWeights)
            try put(names.recurrentWeights(layer: k), l.recurrentWeights)
            try put(names.inputBias(layer: k), l.inputBias)
            try put(names.recurrentBias(layer: k), l.recurrentBias)
        }
        try put(weightName, layout.readoutWeights)
        try put(biasName, layout.readoutBias)
        let metadata = [
            "format": "pytorch",
            "module": architecture.moduleName,
            "input_size": String(layout.inputSize),
            "hidden_size": String(layout.hiddenSize),
            "num_layers": String(layout.layerCount),
            "output_size": String(layout.outputSize),
            "recurrent_prefix": names.recurrentPrefix,
            "readout_prefix": names.readoutPrefix ?? "",
        ]
        return SafetensorsFile(tensors: tensors, metadata: metadata, source: "<export>")
    }
}
