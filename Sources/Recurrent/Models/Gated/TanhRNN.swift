import MemoryNumerics

/// Vanilla (Elman) tanh RNN as PyTorch's `nn.RNN(nonlinearity="tanh")`, stacked, with a linear readout:
///
///     h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh),   y_t = C h_t + c   (readout of the last layer)
///
/// (RNN_THEORY.md §2.1 with W = W_hh, U = W_ih, b = b_ih + b_hh; D_t = diag(1 − h_t²)·W_hh.) The state of each
/// layer is h (size N). Parameter layout: ``StackedGatedLayout`` with one gate block. Initialisation: PyTorch's
/// U(−1/√N, 1/√N) for every parameter, from a ``SeededRandom``.
public struct TanhRNN: RecurrentModel, StackedGatedArchitecture, Equatable {
    public let layout: StackedGatedLayout
    public private(set) var parameters: [Double]
    public var architecture: String { "rnn" }

    /// A randomly initialised network (PyTorch's default init) drawing from `rng`.
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, using rng: inout SeededRandom) throws {
        layout = try StackedGatedLayout(inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                                        layerCount: layers, gateCount: 1)
        parameters = layout.pytorchInitialization(using: &rng)
    }

    /// A randomly initialised network from `seed` (same seed ⇒ identical parameters, byte for byte).
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        try self.init(inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layers: layers, using: &rng)
    }

    /// A network with the given flat parameters (layout: ``parameterGroups``).
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, parameters: [Double]) throws {
        layout = try StackedGatedLayout(inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                                        layerCount: layers, gateCount: 1)
        self.parameters = try layout.validated(parameters)
    }

    public mutating func setParameters(_ values: [Double]) throws { parameters = try layout.validated(values) }

    static func layerStateLayout(hiddenSize: Int) -> StateLayout { .hidden(hiddenSize) }

    public func forward(_ pass: ForwardPass<RealAlgebra>) { stackedForward(pass) }
    public func forward(_ pass: ForwardPass<DualAlgebra>) { stackedForward(pass) }
    public func backward(_ pass: BackwardPass<RealAlgebra>) { stackedBackward(pass) }
    public func backward(_ pass: BackwardPass<DualAlgebra>) { stackedBackward(pass) }
}
