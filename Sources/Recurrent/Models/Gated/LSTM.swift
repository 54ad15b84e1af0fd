import MemoryNumerics

/// Long short-term memory network as PyTorch's `nn.LSTM` (Hochreiter & Schmidhuber 1997, *Neural Computation*
/// 9(8):1735–1780, with the forget gate of Gers, Schmidhuber & Cummins 2000), stacked, with a linear readout:
///
///     [i; f; g; o] = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh        (gate row blocks in PyTorch's order i, f, g, o)
///     i, f, o = σ(·),  g = tanh(·)
///     c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t),   y_t = C h_t + c
///
/// (RNN_THEORY.md §2.2.) The state of each layer is the pair s = [h; c] of size 2N (rows 0..<N are h, rows
/// N..<2N are c): the LSTM is Markov only in (h, c), so state Jacobians D_t = ∂(h_t, c_t)/∂(h_{t−1}, c_{t−1}) are
/// 2N × 2N per layer. Initial states (h_0, c_0) default to zero. Parameter layout: ``StackedGatedLayout`` with
/// four gate blocks. Initialisation: PyTorch's U(−1/√N, 1/√N) for every parameter, from a ``SeededRandom``.
public struct LSTM: RecurrentModel, StackedGatedArchitecture, Equatable {
    public let layout: StackedGatedLayout
    public private(set) var parameters: [Double]
    public var architecture: String { "lstm" }

    /// A randomly initialised network (PyTorch's default init) drawing from `rng`.
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, using rng: inout SeededRandom) throws {
        layout = try StackedGatedLayout(inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                                        layerCount: layers, gateCount: 4)
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
                                        layerCount: layers, gateCount: 4)
        self.parameters = try layout.validated(parameters)
    }

    public mutating func setParameters(_ values: [Double]) throws { parameters = try layout.validated(values) }

    static func layerStateLayout(hiddenSize n: Int) -> StateLayout {
        StateLayout(size: 2 * n, segments: [.init(name: "h", rows: 0..<n), .init(name: "c", rows: n..<(2 * n))],
                    hiddenRows: 0..<n)
    }

    public func forward(_ pass: ForwardPass<RealAlgebra>) { stackedForward(pass) }
    public func forward(_ pass: ForwardPass<DualAlgebra>) { stackedForward(pass) }
    public func backward(_ pass: BackwardPass<RealAlgebra>) { stackedBackward(pass) }
    public func backward(_ pass: BackwardPass<DualAlgebra>) { stackedBackward(pass) }
}
