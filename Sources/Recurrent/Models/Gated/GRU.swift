import MemoryNumerics

/// Gated recurrent unit as PyTorch's `nn.GRU` (Cho et al. 2014, arXiv 1406.1078, in the cuDNN/PyTorch
/// variant), stacked, with a linear readout:
///
///     r = σ(W_ir x_t + b_ir + W_hr h_{t−1} + b_hr)
///     z = σ(W_iz x_t + b_iz + W_hz h_{t−1} + b_hz)
///     n = tanh(W_in x_t + b_in + r ⊙ (W_hn h_{t−1} + b_hn))        (reset applied AFTER the recurrent product)
///     h_t = (1 − z) ⊙ n + z ⊙ h_{t−1},   y_t = C h_t + c            (z multiplies the OLD state)
///
/// (Gate row blocks (r, z, n) as PyTorch.) Both biases b_ih and b_hh are kept: b_hn
/// sits inside the reset product, so they are not interchangeable. The state of each layer is h (size N).
/// Initialisation: PyTorch's U(−1/√N, 1/√N) for every parameter, from a `SeededRandom`.
public struct GRU: StackedGatedArchitecture, Equatable {
    /// Sizes and parameter layout (3 gate blocks per layer).
    public let layout: StackedGatedLayout
    /// The flat parameter vector θ (layout: ``RecurrentModel/parameterGroups``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/gru``.
    public var architecture: Architecture { .gru }

    /// Forward pass in real arithmetic (the shared stacked pass with this cell).
    public func forward(_ pass: ForwardPass<RealAlgebra>) { stackedForward(pass) }
    /// Forward pass in dual arithmetic.
    public func forward(_ pass: ForwardPass<DualAlgebra>) { stackedForward(pass) }
    /// Backward pass (BPTT) in real arithmetic.
    public func backward(_ pass: BackwardPass<RealAlgebra>) { stackedBackward(pass) }
    /// Backward pass in dual arithmetic (gradient + ε·Hessian-vector product).
    public func backward(_ pass: BackwardPass<DualAlgebra>) { stackedBackward(pass) }
}

extension GRU {
    static func layout(_ inputSize: Int, _ hiddenSize: Int, _ outputSize: Int, _ layers: Int) throws
        -> StackedGatedLayout
    {
        try StackedGatedLayout(
            inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, layerCount: layers,
            gateCount: 3)
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
