import MemoryNumerics

/// The dual-track RNN with free filter weights, architecture "mrnnw": ``MRNNF`` with the K filter weights of each
/// input dimension learned freely instead of tied to a fractional order,
///
///     f_t = Σ_{j=1}^{K} w_j ⊙ x_{t+1−j}   (w_1 … w_K free, one set per input dimension)
///     m_t = tanh(W_mm m_{t−1} + W_fm f_t + b_m),   h_t = tanh(W_hh h_{t−1} + W_xh x_t + b_h)
///     y_t = W_hz h_t + W_mz m_t + b_z
///
/// It is the ablation of the memory-augmented RNN of Zhao et al. (2020, "Do RNN and LSTM have long memory?",
/// ICML, arXiv 2006.03860, §4): the same two tracks (a short-memory h-path on x_t and a memory path on a K-tap
/// linear filter of the inputs) with K free parameters per input dimension in place of the one-parameter
/// fractional family w_j(d) = Π_{i<j}(i − d)/(i + 1). Whether the fractional parametrisation helps beyond the
/// window itself is what MRNNF against MRNNW measures. (The paper's tables also list a baseline "RNN2"; whether it
/// is this model is not stated in the code released with the paper — unverified.)
///
/// Nothing constrains the learned w_j to decay: with free weights the filter's coefficients ∂f_t/∂x_{t−k} = w_{k+1}
/// can decay at any rate or not at all (Definition 3 of the paper is about how they decay).
///
/// Initialisation: exactly MRNNF's with b_d = 0 — the other parameters PyTorch `nn.Linear` defaults drawn in the
/// same order from the same seed, and w_j = w_j(¼) — so ``MRNNW`` and ``MRNNF`` of one seed start as the same
/// function. Parameter layout: ``MRNNLayout`` with `layer0.w_f` [K, d_in] in place of `layer0.b_d`; state (h, m,
/// x_t … x_{t−K+2}). Derivatives (BPTT, JVP, exact HVP, Jacobians) come from the ``RecurrentModel`` extensions.
/// One layer only (see ``MRNN``).
public struct MRNNW: LayoutBackedModel, Equatable {
    /// Sizes, window, options and parameter layout.
    public let layout: MRNNLayout
    /// The flat parameter vector θ (layout: ``RecurrentModel/parameterGroups``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/mrnnw``.
    public var architecture: Architecture { .mrnnw }

    /// K, the number of filter taps.
    public var window: Int { layout.window }

    /// Default window K = 100 (as ``MRNNF``).
    public static let defaultWindow = 100

    /// The learned filter coefficients w_1 … w_K of input dimension `dimension` (∂f_t/∂x_{t+1−j} = w_j).
    public func filterWeights(dimension: Int) throws -> [Double] {
        guard dimension >= 0 && dimension < inputSize else {
            throw RecurrentError.invalidArgument(argument: "dimension", message: "\(dimension) not in 0..<\(inputSize)")
        }
        let start = layout.orderBias.range.lowerBound + dimension * window
        return Array(parameters[start..<(start + window)])
    }

    /// Forward pass in real arithmetic (the layout's pass).
    public func forward(_ pass: ForwardPass<RealAlgebra>) { layout.forwardPass(pass) }
    /// Forward pass in dual arithmetic.
    public func forward(_ pass: ForwardPass<DualAlgebra>) { layout.forwardPass(pass) }
    /// Backward pass (BPTT) in real arithmetic.
    public func backward(_ pass: BackwardPass<RealAlgebra>) { layout.backwardPass(pass) }
    /// Backward pass in dual arithmetic (gradient + ε·Hessian-vector product).
    public func backward(_ pass: BackwardPass<DualAlgebra>) { layout.backwardPass(pass) }
}

extension MRNNW {
    /// A randomly initialised network (see the type's documentation) drawing from `rng`.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNNW.defaultWindow, layers: Int = 1,
        using rng: inout SeededRandom
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: false, outputTanh: false, freeFilter: true),
            initialization: PyTorchInitialization(), using: &rng)
    }

    /// A randomly initialised network from `seed` (same seed ⇒ identical parameters, byte for byte).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNNW.defaultWindow, layers: Int = 1,
        seed: UInt64
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: false, outputTanh: false, freeFilter: true),
            initialization: PyTorchInitialization(), seed: seed)
    }

    /// A network with the given flat parameters (layout: ``RecurrentModel/parameterGroups``).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNNW.defaultWindow, layers: Int = 1,
        parameters: [Double]
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: false, outputTanh: false, freeFilter: true),
            validating: parameters)
    }
}
