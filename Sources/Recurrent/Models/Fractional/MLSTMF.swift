import MemoryNumerics

/// Memory-augmented LSTM with a fixed (learned, input-independent) fractional order, "mLSTM with fixed d" of Zhao
/// et al. (2020, ICML, arXiv 2006.03860), architecture "mlstmf": ``MLSTM`` with
///
///     d = ½σ(θ_d) ∈ (0, ½)^N   (one order per hidden unit; θ_d = 0 ⇒ d = ¼, the official initial value)
///     c_t = −Σ_{j=1}^{K} w_j(d)⊙c_{t−j} + i_t⊙c̃_t,   h_t = o_t⊙tanh(c_t),   y_t = C h_t + c
///
/// With a constant drive i⊙c̃ = κ the cell converges to κ/Π_{j=1}^{K}(1 − d/j) = κ/Σ_{j=0}^{K} π_j(d).
/// Stacked layers, parameter and state layout (h, c_t, c_{t−1} … c_{t−K+1}): ``MLSTMLayout``.
public struct MLSTMF: LayoutBackedModel, Equatable {
    /// Sizes, window, options and parameter layout.
    public let layout: MLSTMLayout
    /// The flat parameter vector θ (layout: ``RecurrentModel/parameterGroups``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/mlstmf``.
    public var architecture: Architecture { .mlstmf }

    /// K, the number of cell-history taps.
    public var window: Int { layout.window }

    /// Default window K = 25 (Zhao et al.'s recommendation for MLSTM(F), ICML 2020 slides).
    public static let defaultWindow = 25

    /// The fractional orders d_k = ½σ(θ_d,k) of layer `layer`, one per hidden unit.
    public func fractionalOrders(layer: Int = 0) throws -> [Double] {
        guard layer >= 0 && layer < layerCount else {
            throw RecurrentError.invalidArgument(argument: "layer", message: "\(layer) not in 0..<\(layerCount)")
        }
        return parameters[layout.layers[layer].order.range].map { 0.5 * $0.sigmoid() }
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

extension MLSTMF {
    /// A randomly initialised network (PyTorch `nn.Linear` defaults, θ_d = 0 ⇒ d = ¼) drawing from `rng`.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTMF.defaultWindow, layers: Int = 1,
        using rng: inout SeededRandom
    ) throws {
        try self.init(
            layout: MLSTMLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, window: window, dynamicOrder: false),
            initialization: PyTorchInitialization(), using: &rng)
    }

    /// A randomly initialised network from `seed` (same seed ⇒ identical parameters, byte for byte).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTMF.defaultWindow, layers: Int = 1,
        seed: UInt64
    ) throws {
        try self.init(
            layout: MLSTMLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, window: window, dynamicOrder: false),
            initialization: PyTorchInitialization(), seed: seed)
    }

    /// A network with the given flat parameters (layout: ``RecurrentModel/parameterGroups``).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTMF.defaultWindow, layers: Int = 1,
        parameters: [Double]
    ) throws {
        try self.init(
            layout: MLSTMLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, window: window, dynamicOrder: false),
            validating: parameters)
    }
}
