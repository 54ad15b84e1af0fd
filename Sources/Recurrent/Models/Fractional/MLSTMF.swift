import MemoryNumerics

/// Memory-augmented LSTM with a fixed (learned, input-independent) fractional order, "mLSTM with fixed d" of Zhao
/// et al. (2020, ICML, arXiv 2006.03860), architecture "mlstmf" (RNN_THEORY.md §2.7): ``MLSTM`` with
///
///     d = ½σ(θ_d) ∈ (0, ½)^N   (one order per hidden unit; θ_d = 0 ⇒ d = ¼, the official initial value)
///     c_t = −Σ_{j=1}^{K} w_j(d)⊙c_{t−j} + i_t⊙c̃_t,   h_t = o_t⊙tanh(c_t),   y_t = C h_t + c
///
/// With a constant drive i⊙c̃ = κ the cell converges to κ/Π_{j=1}^{K}(1 − d/j) = κ/Σ_{j=0}^{K} π_j(d).
/// Stacked layers, parameter and state layout (h, c_t, c_{t−1} … c_{t−K+1}): ``MLSTMLayout``.
public struct MLSTMF: RecurrentModel, Equatable {
    public let layout: MLSTMLayout
    public private(set) var parameters: [Double]
    public var architecture: String { "mlstmf" }

    public var inputSize: Int { layout.inputSize }
    public var hiddenSize: Int { layout.hiddenSize }
    public var outputSize: Int { layout.outputSize }
    public var layerCount: Int { layout.layerCount }
    /// K, the number of cell-history taps.
    public var window: Int { layout.window }
    public var parameterGroups: [ParameterGroup] { layout.groups }
    public var stateLayouts: [StateLayout] { Array(repeating: layout.layerStateLayout, count: layout.layerCount) }

    /// Default window K = 25 (Zhao et al.'s recommendation for MLSTM(F), ICML 2020 slides).
    public static let defaultWindow = 25

    /// A randomly initialised network (PyTorch `nn.Linear` defaults, θ_d = 0 ⇒ d = ¼) drawing from `rng`.
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTMF.defaultWindow, layers: Int = 1,
                using rng: inout SeededRandom) throws {
        layout = try MLSTMLayout(inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                                 layerCount: layers, window: window, dynamicOrder: false)
        parameters = layout.pytorchInitialization(using: &rng)
    }

    /// A randomly initialised network from `seed` (same seed ⇒ identical parameters, byte for byte).
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTMF.defaultWindow, layers: Int = 1,
                seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        try self.init(inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize, window: window,
                      layers: layers, using: &rng)
    }

    /// A network with the given flat parameters (layout: ``parameterGroups``).
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int = MLSTMF.defaultWindow, layers: Int = 1,
                parameters: [Double]) throws {
        layout = try MLSTMLayout(inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                                 layerCount: layers, window: window, dynamicOrder: false)
        self.parameters = try layout.validated(parameters)
    }

    public mutating func setParameters(_ values: [Double]) throws { parameters = try layout.validated(values) }

    /// The fractional orders d_k = ½σ(θ_d,k) of layer `layer`, one per hidden unit.
    public func fractionalOrders(layer: Int = 0) throws -> [Double] {
        guard layer >= 0 && layer < layerCount else {
            throw RecurrentError.invalidArgument(argument: "layer", message: "\(layer) not in 0..<\(layerCount)")
        }
        return parameters[layout.layers[layer].order.range].map { 0.5 * $0.sigmoid() }
    }

    public func forward(_ pass: ForwardPass<RealAlgebra>) { layout.forwardPass(pass) }
    public func forward(_ pass: ForwardPass<DualAlgebra>) { layout.forwardPass(pass) }
    public func backward(_ pass: BackwardPass<RealAlgebra>) { layout.backwardPass(pass) }
    public func backward(_ pass: BackwardPass<DualAlgebra>) { layout.backwardPass(pass) }
}
