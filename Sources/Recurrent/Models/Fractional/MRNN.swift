import MemoryNumerics

/// Memory-augmented RNN with a dynamic fractional order, "mRNN" of Zhao, Wang, Zhou, Huang, Shen & Chen (2020),
/// "Do RNN and LSTM have long memory?", ICML 2020, arXiv 2006.03860, architecture "mrnn" (§4 of the paper),
/// implemented from the equations:
///
///     d_t = ½σ(W_dd d_{t−1} + W_hd h_{t−1} + W_md m_{t−1} + W_xd x_t + b_d) ∈ (0, ½)^{d_in}
///     f_t = Σ_{j=1}^{K} w_j(d_t) ⊙ x_{t+1−j},   w_j(d) = Π_{i=0}^{j−1}(i − d)/(i + 1)   (zero-padded before t = 1)
///     m_t = tanh(W_mm m_{t−1} + W_fm f_t + b_m)
///     h_t = tanh(W_hh h_{t−1} + W_xh x_t + b_h)
///     y_t = W_hz h_t + W_mz m_t + b_z
///
/// One fractional order per input dimension; f_t is minus the K-truncated fractional-AR one-step predictor of
/// x_{t+1} (``FractionalMemoryWeights``), so the m-path carries polynomially decaying memory of the inputs up to
/// lag ≈ K (beyond K the response decays geometrically). Parameter and state layout: ``MRNNLayout`` — the state
/// (h, m, d, x_t … x_{t−K+2}) includes the K-deep input window, which makes the cell Markov and its state
/// Jacobians well defined.
///
/// One layer only: the readout reads both h and m, and the paper defines no rule for stacking (which of h, m
/// would feed the next layer); `layers` ≠ 1 throws. Initialisation: PyTorch `nn.Linear` defaults per official
/// sub-layer (``MRNNLayout``), from a `SeededRandom`. Derivatives (BPTT, JVP, exact HVP, Jacobians) come from the
/// ``RecurrentModel`` extensions; d_t and the filter weights are differentiated exactly (also in HVPs).
///
/// Unverified: the paper's hidden sizes and exact training constants; the official code
/// default is hidden size 1 and K = 100.
public struct MRNN: LayoutBackedModel, Equatable {
    /// Sizes, window, options and parameter layout.
    public let layout: MRNNLayout
    /// The flat parameter vector θ (layout: ``RecurrentModel/parameterGroups``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/mrnn``.
    public var architecture: Architecture { .mrnn }

    /// K, the number of filter taps.
    public var window: Int { layout.window }

    /// Default window K = 100 (Zhao et al.'s recommendation for MRNN(F), ICML 2020 slides).
    public static let defaultWindow = 100

    /// Forward pass in real arithmetic (the layout's pass).
    public func forward(_ pass: ForwardPass<RealAlgebra>) { layout.forwardPass(pass) }
    /// Forward pass in dual arithmetic.
    public func forward(_ pass: ForwardPass<DualAlgebra>) { layout.forwardPass(pass) }
    /// Backward pass (BPTT) in real arithmetic.
    public func backward(_ pass: BackwardPass<RealAlgebra>) { layout.backwardPass(pass) }
    /// Backward pass in dual arithmetic (gradient + ε·Hessian-vector product).
    public func backward(_ pass: BackwardPass<DualAlgebra>) { layout.backwardPass(pass) }
}

extension MRNN {
    /// A randomly initialised network (PyTorch `nn.Linear` defaults) drawing from `rng`.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNN.defaultWindow, layers: Int = 1,
        using rng: inout SeededRandom
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: true, outputTanh: false),
            initialization: PyTorchInitialization(), using: &rng)
    }

    /// A randomly initialised network from `seed` (same seed ⇒ identical parameters, byte for byte).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNN.defaultWindow, layers: Int = 1,
        seed: UInt64
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: true, outputTanh: false),
            initialization: PyTorchInitialization(), seed: seed)
    }

    /// A network with the given flat parameters (layout: ``RecurrentModel/parameterGroups``).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNN.defaultWindow, layers: Int = 1,
        parameters: [Double]
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: true, outputTanh: false),
            validating: parameters)
    }
}
