import MemoryNumerics

/// Long short-term memory network as PyTorch's `nn.LSTM` (Hochreiter & Schmidhuber 1997, *Neural Computation*
/// 9(8):1735–1780, with the forget gate of Gers, Schmidhuber & Cummins 2000), stacked, with a linear readout:
///
///     [i; f; g; o] = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh        (gate row blocks in PyTorch's order i, f, g, o)
///     i, f, o = σ(·),  g = tanh(·)
///     c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t),   y_t = C h_t + c
///
/// The state of each layer is the pair s = [h; c] of size 2N (rows 0..<N are h, rows
/// N..<2N are c): the LSTM is Markov only in (h, c), so state Jacobians D_t = ∂(h_t, c_t)/∂(h_{t−1}, c_{t−1}) are
/// 2N × 2N per layer. Initial states (h_0, c_0) default to zero. Parameter layout: ``StackedGatedLayout`` with
/// four gate blocks. Initialisation: PyTorch's U(−1/√N, 1/√N) for every parameter, from a `SeededRandom`.
public struct LSTM: StackedGatedArchitecture, Equatable {
    /// Sizes and parameter layout (4 gate blocks per layer).
    public let layout: StackedGatedLayout
    /// The flat parameter vector θ (layout: ``RecurrentModel/parameterGroups``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/lstm``.
    public var architecture: Architecture { .lstm }

    /// Forward pass in real arithmetic (the shared stacked pass with this cell).
    public func forward(_ pass: ForwardPass<RealAlgebra>) { stackedForward(pass) }
    /// Forward pass in dual arithmetic.
    public func forward(_ pass: ForwardPass<DualAlgebra>) { stackedForward(pass) }
    /// Backward pass (BPTT) in real arithmetic.
    public func backward(_ pass: BackwardPass<RealAlgebra>) { stackedBackward(pass) }
    /// Backward pass in dual arithmetic (gradient + ε·Hessian-vector product).
    public func backward(_ pass: BackwardPass<DualAlgebra>) { stackedBackward(pass) }
}

extension LSTM {
    static func layout(_ inputSize: Int, _ hiddenSize: Int, _ outputSize: Int, _ layers: Int) throws
        -> StackedGatedLayout
    {
        try StackedGatedLayout(
            inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layerCount: layers,
            gateCount: 4)
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
