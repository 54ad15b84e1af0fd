import MemoryNumerics

/// Sizes, options, state layout and flat parameter layout of the memory-augmented LSTMs ``MLSTM`` (dynamic d_t) and
/// ``MLSTMF`` (fixed d) of Zhao et al. (2020, ICML, arXiv 2006.03860, §4), L stacked layers with
/// the linear readout y_t = C h_t^{L−1} + c.
///
/// # Parameters (flat vector, storage order; N = hidden, d_0 = d_in, d_ℓ = N for ℓ ≥ 1, q = d_out; column-major)
/// For each layer ℓ:
/// * MLSTM, the order network d_t = ½σ(W_xd x_t + W_hd h_{t−1} + W_dd d_{t−1} + b_d): `layerℓ.W_xd` [N, d_ℓ]
///   (input), `layerℓ.W_hd` [N, N], `layerℓ.W_dd` [N, N] (recurrent), `layerℓ.b_d` [N] (bias). Back to back the
///   three matrices are the official `f_gate` weight [N, d_ℓ + 2N] acting on cat(x, h, d) (column-major), and
///   [W_hd | W_dd] acts on the state rows (h, d) in one `gemm`.
/// * MLSTMF instead: `layerℓ.theta_d` [N] (kind `other`), d = ½σ(θ_d).
/// * Both: `layerℓ.W_ih` [3N, d_ℓ] (input), `layerℓ.W_hh` [3N, N] (recurrent), `layerℓ.b` [3N] (bias), the packed
///   gates in the row blocks (i, c̃, o) — PyTorch's LSTM order (i, f, g, o) without the forget gate; the official
///   `i_gate`, `c_gate`, `o_gate` (each [N, d_ℓ + N] on cat(x, h), one bias each).
/// Then `readout.C` [q, N] (readout), `readout.c` [q] (readout bias).
///
/// # State of each layer (the Markov state)
/// Rows `h` 0..<N, for MLSTM `d` N..<2N, then `c` (N rows, c_t) and `cellHistory` ((K − 1)·N rows: c_{t−1} …
/// c_{t−K+1}, block k − 1 = c_{t−k}). The cell update c_t = −Σ_{j=1}^{K} w_j(d_t)⊙c_{t−j} + i_t⊙c̃_t reads the K
/// cells (c_{t−1}, …, c_{t−K}) = (c, cellHistory) of s_{t−1}, so with the K-deep cell history in the state the
/// layer is Markov and its state Jacobians are well defined. S = (K + 2)·N for MLSTM, (K + 1)·N for MLSTMF. Zero
/// initial state: h_0 = d_0 = 0 and c_0 = c_{−1} = … = 0 (as the official cells).
public struct MLSTMLayout: ParameterLayout {
    /// Input width d_in.
    public let inputSize: Int
    /// Hidden width N of each layer.
    public let hiddenSize: Int
    /// Output width d_out.
    public let outputSize: Int
    /// Number of stacked layers L.
    public let layerCount: Int
    /// K: number of cell-history taps.
    public let window: Int
    /// true: MLSTM (d_t from a recurrent network); false: MLSTMF (d = ½σ(θ_d) constant).
    public let dynamicOrder: Bool
    /// The parameter groups, in storage order (see the type's documentation).
    public let groups: [ParameterGroup]

    struct LayerGroups: Sendable, Equatable {
        let orderInput: ParameterGroup?  // W_xd
        let orderRecurrent: ParameterGroup?  // W_hd (first of [W_hd | W_dd])
        let order: ParameterGroup  // b_d (MLSTM) or θ_d (MLSTMF)
        let gateInput: ParameterGroup  // W_ih
        let gateRecurrent: ParameterGroup  // W_hh
        let gateBias: ParameterGroup  // b
        let inputSize: Int
    }
    let layers: [LayerGroups]
    let readoutWeights: ParameterGroup
    let readoutBias: ParameterGroup

    init(inputSize: Int, hiddenSize: Int, outputSize: Int, layerCount: Int, window: Int, dynamicOrder: Bool) throws {
        try Self.checkSizes(
            [
                "inputSize": inputSize, "hiddenSize": hiddenSize, "outputSize": outputSize,
                "layers": layerCount, "window": window,
            ], capped: true)
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.outputSize = outputSize
        self.layerCount = layerCount
        self.window = window
        self.dynamicOrder = dynamicOrder
        let n = hiddenSize
        var entries: [(name: String, shape: [Int], kind: ParameterKind)] = []
        for l in 0..<layerCount {
            let d = l == 0 ? inputSize : n
            if dynamicOrder {
                entries += [
                    ("layer\(l).W_xd", [n, d], .input), ("layer\(l).W_hd", [n, n], .recurrent),
                    ("layer\(l).W_dd", [n, n], .recurrent), ("layer\(l).b_d", [n], .bias),
                ]
            } else {
                entries.append(("layer\(l).theta_d", [n], .other))
            }
            entries += [
                ("layer\(l).W_ih", [3 * n, d], .input), ("layer\(l).W_hh", [3 * n, n], .recurrent),
                ("layer\(l).b", [3 * n], .bias),
            ]
        }
        entries += [("readout.C", [outputSize, n], .readout), ("readout.c", [outputSize], .readoutBias)]
        let g = ParameterGroup.layout(entries)
        groups = g
        let perLayer = dynamicOrder ? 7 : 4
        layers = (0..<layerCount).map { l in
            let o = l * perLayer
            if dynamicOrder {
                return LayerGroups(
                    orderInput: g[o], orderRecurrent: g[o + 1], order: g[o + 3], gateInput: g[o + 4],
                    gateRecurrent: g[o + 5], gateBias: g[o + 6], inputSize: l == 0 ? inputSize : n)
            }
            return LayerGroups(
                orderInput: nil, orderRecurrent: nil, order: g[o], gateInput: g[o + 1],
                gateRecurrent: g[o + 2], gateBias: g[o + 3], inputSize: l == 0 ? inputSize : n)
        }
        readoutWeights = g[layerCount * perLayer]
        readoutBias = g[layerCount * perLayer + 1]
    }

    /// First row of c_t in a layer's state.
    var cellRow: Int { dynamicOrder ? 2 * hiddenSize : hiddenSize }
    /// State size S of one layer.
    public var layerStateSize: Int { cellRow + window * hiddenSize }

    /// One layer's ``StateLayout`` (see the type documentation).
    public var layerStateLayout: StateLayout {
        let n = hiddenSize, c = cellRow
        var segments: [StateLayout.Segment] = [.init(name: "h", rows: 0..<n)]
        if dynamicOrder { segments.append(.init(name: "d", rows: n..<(2 * n))) }
        segments.append(.init(name: "c", rows: c..<(c + n)))
        if window > 1 { segments.append(.init(name: "cellHistory", rows: (c + n)..<layerStateSize)) }
        return StateLayout(size: layerStateSize, segments: segments, hiddenRows: 0..<n)
    }

    /// ``layerStateLayout`` for every layer.
    public var stateLayouts: [StateLayout] { Array(repeating: layerStateLayout, count: layerCount) }

    /// PyTorch's `nn.Linear` default initialisation of the official sub-layers: U(−1/√fan_in, 1/√fan_in) for
    /// weights and biases, fan_in = d_ℓ + N for the gates (`i_gate`, `c_gate`, `o_gate` on cat(x, h)),
    /// d_ℓ + 2N for the order network (`f_gate` on cat(x, h, d)), N for the readout; MLSTMF's θ_d = 0 (d = ¼, as
    /// the official `MLSTMFixD`). Drawn in flat-vector order from `rng`.
    public func initialParameters(_ initialization: PyTorchInitialization, using rng: inout SeededRandom) -> [Double] {
        let n = Double(hiddenSize)
        return uniformInitialization(using: &rng) { g in
            guard g.name.hasPrefix("layer") else { return 1 / n.squareRoot() }
            let d = g.name.hasPrefix("layer0.") ? Double(inputSize) : n
            switch g.name.split(separator: ".").last ?? "" {
            case "theta_d": return 0
            case "W_xd", "W_hd", "W_dd", "b_d": return 1 / (d + 2 * n).squareRoot()
            default: return 1 / (d + n).squareRoot()
            }
        }
    }
}
