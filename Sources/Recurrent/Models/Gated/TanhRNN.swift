import MemoryNumerics

/// Vanilla (Elman) tanh RNN as PyTorch's `nn.RNN(nonlinearity="tanh")`, stacked, with a linear readout:
///
///     h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh),   y_t = C h_t + c   (readout of the last layer)
///
/// (Elman 1990, *Cognitive Science* 14(2):179–211, with W = W_hh, U = W_ih, b = b_ih + b_hh; D_t = diag(1 − h_t²)·W_hh.) The state of each
/// layer is h (size N). Parameter layout: ``StackedGatedLayout`` with one gate block. Initialisation: PyTorch's
/// U(−1/√N, 1/√N) for every parameter, from a `SeededRandom`.
public struct TanhRNN: StackedGatedArchitecture, Equatable {
    /// Sizes and parameter layout (1 gate block per layer).
    public let layout: StackedGatedLayout
    /// The flat parameter vector θ (layout: ``RecurrentModel/parameterGroups``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/tanhRNN``.
    public var architecture: Architecture { .tanhRNN }

    /// Forward pass in real arithmetic (the shared stacked pass with this cell).
    public func forward(_ pass: ForwardPass<RealAlgebra>) { stackedForward(pass) }
    /// Forward pass in dual arithmetic.
    public func forward(_ pass: ForwardPass<DualAlgebra>) { stackedForward(pass) }
    /// Backward pass (BPTT) in real arithmetic.
    public func backward(_ pass: BackwardPass<RealAlgebra>) { stackedBackward(pass) }
    /// Backward pass in dual arithmetic (gradient + ε·Hessian-vector product).
    public func backward(_ pass: BackwardPass<DualAlgebra>) { stackedBackward(pass) }
}

extension TanhRNN {
    static func layout(_ inputSize: Int, _ hiddenSize: Int, _ outputSize: Int, _ layers: Int) throws
        -> StackedGatedLayout
    {
        try StackedGatedLayout(
            inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layerCount: layers,
            gateCount: 1)
    }

    /// A randomly initialised network (PyTorch's default init) drawing from `rng`.
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, using rng: inout SeededRandom) throws
    {
        try self.init(
            layout: Self.layout(inputSize, hiddenSize, outputSize, layers),
            initialization: PyTorchInitialization(), using: &rng)
    }

    /// A randomly initialised network from `seed` (same seed ⇒ identical parameters, byte for byte).
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, seed: UInt64) throws {
        try self.init(
            layout: Self.layout(inputSize, hiddenSize, outputSize, layers),
            initialization: PyTorchInitialization(), seed: seed)
    }

    /// A network with the given flat parameters (layout: ``RecurrentModel/parameterGroups``).
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, parameters: [Double]) throws {
        try self.init(layout: Self.layout(inputSize, hiddenSize, outputSize, layers), validating: parameters)
    }
}
