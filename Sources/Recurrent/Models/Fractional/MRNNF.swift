import MemoryNumerics

/// Memory-augmented RNN with a fixed (learned, input-independent) fractional order, "mRNN with fixed d" of Zhao
/// et al. (2020, ICML, arXiv 2006.03860), architecture "mrnnf": ``MRNN`` with
///
///     d = ½σ(b_d) ∈ (0, ½)^{d_in}   (one order per input dimension; b_d = 0 ⇒ d = ¼, the official initial value)
///     f_t = Σ_{j=1}^{K} w_j(d) ⊙ x_{t+1−j},   m_t = tanh(W_mm m_{t−1} + W_fm f_t + b_m)
///     h_t = tanh(W_hh h_{t−1} + W_xh x_t + b_h),   y_t = W_hz h_t + W_mz m_t + b_z
///
/// The filter is a fixed linear filter of the inputs: a constant input c gives f = (Σ_{j=1}^{K} w_j(d))·c
/// (= −0.807c at d = 0.3, K = 100) and its coefficients ∂f_t/∂x_{t−k} = w_{k+1}(d) ~ (k + 1)^{−1−d}/Γ(−d) decay
/// polynomially for k ≪ K (validation target L10, Recurrent.docc/ValidationTargets.md).
///
/// Compatibility: the official `MRNNFixDCell` (huawei-noah/noah-research `mRNN-mLSTM/layers.py`) applies tanh to
/// the output, y_t = tanh(W_hz h_t + W_mz m_t + b_z), unlike its MRNN cell; `outputTanh: true` reproduces that
/// cell. The canonical (default) model has the linear readout of MRNN. The official *model* `MRNNFixD` also
/// overwrites the output in its time loop and returns only the last step; that defect is not
/// reproduced — every step's output is returned.
///
/// State: (h, m, x_t … x_{t−K+2}) (``MRNNLayout``); one layer only (see ``MRNN``).
public struct MRNNF: LayoutBackedModel, Equatable {
    /// Sizes, window, options and parameter layout.
    public let layout: MRNNLayout
    /// The flat parameter vector θ (layout: ``RecurrentModel/parameterGroups``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/mrnnf``.
    public var architecture: Architecture { .mrnnf }

    /// K, the number of filter taps.
    public var window: Int { layout.window }
    /// Whether the official cell's output tanh is applied.
    public var outputTanh: Bool { layout.outputTanh }

    /// Default window K = 100 (Zhao et al.'s recommendation for MRNN(F), ICML 2020 slides).
    public static let defaultWindow = 100

    /// The fractional orders d_i = ½σ(b_d,i), one per input dimension.
    public var fractionalOrders: [Double] { layout.fixedOrders(parameters) }

    /// The filter coefficients w_1(d_i) … w_K(d_i) of input dimension `dimension` (∂f_t/∂x_{t+1−j} = w_j).
    public func filterWeights(dimension: Int) throws -> [Double] {
        guard dimension >= 0 && dimension < inputSize else {
            throw RecurrentError.invalidArgument(argument: "dimension", message: "\(dimension) not in 0..<\(inputSize)")
        }
        return try FractionalMemoryWeights.weights(order: fractionalOrders[dimension], count: window)
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

extension MRNNF {
    /// A randomly initialised network (PyTorch `nn.Linear` defaults, b_d = 0 ⇒ d = ¼) drawing from `rng`.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNNF.defaultWindow, layers: Int = 1,
        outputTanh: Bool = false, using rng: inout SeededRandom
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: false, outputTanh: outputTanh),
            initialization: PyTorchInitialization(), using: &rng)
    }

    /// A randomly initialised network from `seed` (same seed ⇒ identical parameters, byte for byte).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNNF.defaultWindow, layers: Int = 1,
        outputTanh: Bool = false, seed: UInt64
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: false, outputTanh: outputTanh),
            initialization: PyTorchInitialization(), seed: seed)
    }

    /// A network with the given flat parameters (layout: ``RecurrentModel/parameterGroups``).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MRNNF.defaultWindow, layers: Int = 1,
        outputTanh: Bool = false, parameters: [Double]
    ) throws {
        try self.init(
            layout: MRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                layers: layers, dynamicOrder: false, outputTanh: outputTanh),
            validating: parameters)
    }
}
