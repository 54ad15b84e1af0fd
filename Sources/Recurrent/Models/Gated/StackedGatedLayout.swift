import MemoryNumerics

/// Sizes and parameter layout of a stack of PyTorch-style recurrent layers (tanh RNN: 1 gate block, LSTM: 4,
/// GRU: 3) with a linear readout y_t = C h_t + c of the last layer.
///
/// Flat parameter vector, in order, for each layer ℓ = 0 … L−1 (d_0 = d_in, d_ℓ = N for ℓ ≥ 1, G gate blocks):
/// `layerℓ.W_ih` [G·N, d_ℓ], `layerℓ.W_hh` [G·N, N], `layerℓ.b_ih` [G·N], `layerℓ.b_hh` [G·N] — PyTorch's
/// `weight_ih_lℓ`, `weight_hh_lℓ`, `bias_ih_lℓ`, `bias_hh_lℓ`, in that order, with the same gate row blocks,
/// but stored column-major — then `readout.C` [d_out, N] and `readout.c` [d_out] (PyTorch `nn.Linear`'s
/// weight and bias).
public struct StackedGatedLayout: ParameterLayout {
    /// Input width d_in.
    public let inputSize: Int
    /// Hidden width N of each layer.
    public let hiddenSize: Int
    /// Output width d_out.
    public let outputSize: Int
    /// Number of stacked layers L.
    public let layerCount: Int
    /// G: number of N-row gate blocks.
    public let gateCount: Int
    /// The parameter groups, in storage order (see the type's documentation).
    public let groups: [ParameterGroup]

    /// Offsets of one layer's four groups.
    struct LayerOffsets: Sendable, Equatable {
        let inputWeights: ParameterGroup
        let recurrentWeights: ParameterGroup
        let inputBias: ParameterGroup
        let recurrentBias: ParameterGroup
    }
    let layers: [LayerOffsets]
    let readoutWeights: ParameterGroup
    let readoutBias: ParameterGroup

    init(inputSize: Int, hiddenSize: Int, outputSize: Int, layerCount: Int, gateCount: Int) throws {
        try Self.checkSizes(
            [
                "inputSize": inputSize, "hiddenSize": hiddenSize, "outputSize": outputSize,
                "layers": layerCount,
            ], capped: true)
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.outputSize = outputSize
        self.layerCount = layerCount
        self.gateCount = gateCount
        let gn = gateCount * hiddenSize
        var entries: [(name: String, shape: [Int], kind: ParameterKind)] = []
        for l in 0..<layerCount {
            let d = l == 0 ? inputSize : hiddenSize
            entries.append(("layer\(l).W_ih", [gn, d], .input))
            entries.append(("layer\(l).W_hh", [gn, hiddenSize], .recurrent))
            entries.append(("layer\(l).b_ih", [gn], .bias))
            entries.append(("layer\(l).b_hh", [gn], .bias))
        }
        entries.append(("readout.C", [outputSize, hiddenSize], .readout))
        entries.append(("readout.c", [outputSize], .readoutBias))
        let g = ParameterGroup.layout(entries)
        self.groups = g
        self.layers = (0..<layerCount).map {
            LayerOffsets(
                inputWeights: g[4 * $0], recurrentWeights: g[4 * $0 + 1], inputBias: g[4 * $0 + 2],
                recurrentBias: g[4 * $0 + 3])
        }
        self.readoutWeights = g[4 * layerCount]
        self.readoutBias = g[4 * layerCount + 1]
    }

    /// The state of one layer: [h; c] (2N rows, h first) for the LSTM (4 gate blocks), h otherwise.
    public var layerStateLayout: StateLayout {
        let n = hiddenSize
        guard gateCount == 4 else { return .hidden(n) }
        return StateLayout(
            size: 2 * n, segments: [.init(name: "h", rows: 0..<n), .init(name: "c", rows: n..<(2 * n))],
            hiddenRows: 0..<n)
    }

    /// ``layerStateLayout`` for every layer.
    public var stateLayouts: [StateLayout] { Array(repeating: layerStateLayout, count: layerCount) }

    /// PyTorch's default initialisation of `nn.RNN`/`nn.LSTM`/`nn.GRU` and of the `nn.Linear` readout: every
    /// parameter i.i.d. U(−1/√N, 1/√N) (N = hidden size = the readout's fan-in), drawn in flat-vector order from
    /// `rng` (so the same seed gives the same bytes).
    public func initialParameters(_ initialization: PyTorchInitialization, using rng: inout SeededRandom) -> [Double] {
        let k = 1 / Double(hiddenSize).squareRoot()
        return uniformInitialization(using: &rng) { _ in k }
    }
}
