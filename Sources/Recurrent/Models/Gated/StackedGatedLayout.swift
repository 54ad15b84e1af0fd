import MemoryNumerics

/// Sizes and parameter layout of a stack of PyTorch-style recurrent layers (tanh RNN: 1 gate block, LSTM: 4,
/// GRU: 3) with a linear readout y_t = C h_t + c of the last layer.
///
/// Flat parameter vector, in order, for each layer ℓ = 0 … L−1 (d_0 = d_in, d_ℓ = N for ℓ ≥ 1, G gate blocks):
/// `layerℓ.W_ih` [G·N, d_ℓ], `layerℓ.W_hh` [G·N, N], `layerℓ.b_ih` [G·N], `layerℓ.b_hh` [G·N] — PyTorch's
/// `weight_ih_lℓ`, `weight_hh_lℓ`, `bias_ih_lℓ`, `bias_hh_lℓ`, in that order, with the same gate row blocks,
/// but stored column-major — then `readout.C` [d_out, N] and `readout.c` [d_out] (PyTorch `nn.Linear`'s
/// weight and bias).
public struct StackedGatedLayout: Sendable, Equatable {
    public let inputSize: Int
    public let hiddenSize: Int
    public let outputSize: Int
    public let layerCount: Int
    /// G: number of N-row gate blocks.
    public let gateCount: Int
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
        for (name, v) in [("inputSize", inputSize), ("hiddenSize", hiddenSize), ("outputSize", outputSize),
                          ("layers", layerCount)] where v < 1 {
            throw RecurrentError.invalidArgument(argument: name, message: "must be ≥ 1, got \(v)")
        }
        // Keeps every size product (P, T·B·N buffers) far from Int overflow.
        for (name, v) in [("inputSize", inputSize), ("hiddenSize", hiddenSize), ("outputSize", outputSize),
                          ("layers", layerCount)] where v > 1 << 20 {
            throw RecurrentError.invalidArgument(argument: name, message: "must be ≤ 2^20, got \(v)")
        }
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
            LayerOffsets(inputWeights: g[4 * $0], recurrentWeights: g[4 * $0 + 1], inputBias: g[4 * $0 + 2],
                         recurrentBias: g[4 * $0 + 3])
        }
        self.readoutWeights = g[4 * layerCount]
        self.readoutBias = g[4 * layerCount + 1]
    }

    public var parameterCount: Int { groups.last?.range.upperBound ?? 0 }

    /// PyTorch's default initialisation of `nn.RNN`/`nn.LSTM`/`nn.GRU` and of the `nn.Linear` readout: every
    /// parameter i.i.d. U(−1/√N, 1/√N) (N = hidden size = the readout's fan-in), drawn in flat-vector order from
    /// `rng` (so the same seed gives the same bytes).
    func pytorchInitialization(using rng: inout SeededRandom) -> [Double] {
        let k = 1 / Double(hiddenSize).squareRoot()
        var p = [Double](repeating: 0, count: parameterCount)
        for i in p.indices { p[i] = rng.uniform(-k, k) }
        return p
    }

    func validated(_ values: [Double]) throws -> [Double] {
        guard values.count == parameterCount else {
            throw RecurrentError.shapeMismatch(argument: "parameters", expected: "\(parameterCount) values",
                                               got: "\(values.count) values")
        }
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            throw RecurrentError.invalidArgument(argument: "parameters", message: "value \(values[i]) at index \(i) is not finite")
        }
        return values
    }
}
