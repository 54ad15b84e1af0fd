import RNNMemory

/// A network read or built by ``NetworkOptions``.
struct LoadedNetwork {
    /// The network.
    let model: any RecurrentModel
    /// How it was obtained, for reports: "rnnmem weights", "PyTorch nn.LSTM", "new, seed 3".
    let kind: String
    /// The weights file (nil for a new network).
    let source: String?
    /// The weights file's metadata (empty for a new network).
    let metadata: [String: String]
    /// A new network's initialisation in words (empty when read, or for architectures without options).
    let initialization: String

    /// `model lstm  input 2  hidden 3  output 2  layers 2  parameters 188  (PyTorch nn.LSTM)`.
    var summaryLine: String {
        "model \(model.architecture)  input \(model.inputSize)  hidden \(model.hiddenSize)  output \(model.outputSize)  layers \(model.layerCount)  parameters \(model.parameterCount)  (\(kind))"
    }

    /// The JSON fields describing the network: weights (path or null), kind, architecture, input_size,
    /// hidden_size, output_size, layer_count, parameter_count, parameter_checksum.
    var jsonFields: [(String, JSONValue)] {
        [
            ("weights", source.map { .string($0) } ?? .null), ("kind", .string(kind)),
            ("architecture", .string(model.architecture.rawValue)), ("input_size", .integer(model.inputSize)),
            ("hidden_size", .integer(model.hiddenSize)), ("output_size", .integer(model.outputSize)),
            ("layer_count", .integer(model.layerCount)), ("parameter_count", .integer(model.parameterCount)),
            ("parameter_checksum", .string(ModelIO.checksum(model.parameters))),
        ]
    }
}
