import MemoryNumerics

/// Memory-augmented LSTM with a dynamic fractional order, "mLSTM" of Zhao, Wang, Zhou, Huang, Shen & Chen (2020),
/// "Do RNN and LSTM have long memory?", ICML 2020, arXiv 2006.03860, architecture "mlstm" (§4 of the paper),
/// implemented from the equations:
///
///     d_t = ½σ(W_d [x_t, h_{t−1}, d_{t−1}] + b_d) ∈ (0, ½)^N      (one order per hidden unit)
///     i_t = σ(·), o_t = σ(·), c̃_t = tanh(·)  of  W_ih x_t + W_hh h_{t−1} + b   (LSTM gates, no forget gate)
///     c_t = −Σ_{j=1}^{K} w_j(d_t)⊙c_{t−j} + i_t⊙c̃_t,   h_t = o_t⊙tanh(c_t),   y_t = C h_t + c
///
/// i.e. the K-truncated fractional difference (1 − B)^{d_t} c_t = i_t⊙c̃_t, w_j = π_j (``FractionalMemoryWeights``).
/// Stability: for d ∈ (0, ½) every w_j < 0 and Σ_j |w_j(d)| = 1 − Π_{j=1}^{K}(1 − d/j) < 1, so
/// |c_t| ≤ max|i⊙c̃|/Π_{j=1}^{K}(1 − d_max/j) < 1/Π_{j=1}^{K}(1 − 1/(2j)) for any input.
///
/// Stacked layers (layer ℓ ≥ 1 reads the h_t of layer ℓ − 1, as a stacked LSTM) with a linear readout of the last
/// layer. Parameter and state layout: ``MLSTMLayout`` — each layer's state (h, d, c_t, c_{t−1} … c_{t−K+1})
/// includes the K-deep cell history, so the cell is Markov and its state Jacobians are well defined.
/// Initialisation: PyTorch `nn.Linear` defaults of the official sub-layers, from a `SeededRandom`.
/// Derivatives (BPTT, JVP, exact HVP, Jacobians) come from the ``RecurrentModel`` extensions; d_t and the filter
/// weights are differentiated exactly (also in HVPs).
///
/// Unverified: the paper's hidden sizes and exact training constants; the official code
/// default is hidden size 1, and K = 25 follows the authors' slides.
public struct MLSTM: LayoutBackedModel, Equatable {
    /// Sizes, window, options and parameter layout.
    public let layout: MLSTMLayout
    /// The flat parameter vector θ (layout: ``RecurrentModel/parameterGroups``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/mlstm``.
    public var architecture: Architecture { .mlstm }

    /// K, the number of cell-history taps.
    public var window: Int { layout.window }

    /// Default window K = 25 (Zhao et al.'s recommendation for MLSTM(F), ICML 2020 slides).
    public static let defaultWindow = 25

    /// Forward pass in real arithmetic (the layout's pass).
    public func forward(_ pass: ForwardPass<RealAlgebra>) { layout.forwardPass(pass) }
    /// Forward pass in dual arithmetic.
    public func forward(_ pass: ForwardPass<DualAlgebra>) { layout.forwardPass(pass) }
    /// Backward pass (BPTT) in real arithmetic.
    public func backward(_ pass: BackwardPass<RealAlgebra>) { layout.backwardPass(pass) }
    /// Backward pass in dual arithmetic (gradient + ε·Hessian-vector product).
    public func backward(_ pass: BackwardPass<DualAlgebra>) { layout.backwardPass(pass) }
}

extension MLSTM {
    /// A randomly initialised network (PyTorch `nn.Linear` defaults) drawing from `rng`.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTM.defaultWindow, layers: Int = 1,
        using rng: inout SeededRandom
    ) throws {
        try self.init(
            layout: MLSTMLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, window: window, dynamicOrder: true),
            initialization: PyTorchInitialization(), using: &rng)
    }

    /// A randomly initialised network from `seed` (same seed ⇒ identical parameters, byte for byte).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTM.defaultWindow, layers: Int = 1,
        seed: UInt64
    ) throws {
        try self.init(
            layout: MLSTMLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, window: window, dynamicOrder: true),
            initialization: PyTorchInitialization(), seed: seed)
    }

    /// A network with the given flat parameters (layout: ``RecurrentModel/parameterGroups``).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTM.defaultWindow, layers: Int = 1,
        parameters: [Double]
    ) throws {
        try self.init(
            layout: MLSTMLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, window: window, dynamicOrder: true),
            validating: parameters)
    }
}
