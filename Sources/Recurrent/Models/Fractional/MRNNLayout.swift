import MemoryNumerics

/// Sizes, options, state layout and flat parameter layout of the memory-augmented RNNs ``MRNN`` (dynamic d_t) and
/// ``MRNNF`` (fixed d) of Zhao et al. (2020, ICML, arXiv 2006.03860, §4). One layer only (see
/// ``MRNN`` for why).
///
/// # Parameters (flat vector, storage order; d = d_in, N = hidden, q = d_out; matrices column-major)
/// MRNN, fractional-order network d_t = ½σ(W_hd h_{t−1} + W_md m_{t−1} + W_dd d_{t−1} + W_xd x_t + b_d):
/// `layer0.W_hd` [d, N], `layer0.W_md` [d, N], `layer0.W_dd` [d, d] (recurrent) — stored back to back they form
/// the d × (2N + d) matrix [W_hd | W_md | W_dd] acting on the state rows (h, m, d), one `gemm` per step —
/// `layer0.W_xd` [d, d] (input), `layer0.b_d` [d] (bias).
/// MRNNF instead: `layer0.b_d` [d] (kind `other`), d = ½σ(b_d).
/// MRNNW (free filter weights) instead: `layer0.w_f` [K, d] (kind `other`), column i holding w_1 … w_K of input
/// dimension i.
/// Both then: `layer0.W_hh` [N, N], `layer0.W_xh` [N, d], `layer0.b_h` [N] (the h-path);
/// `layer0.W_mm` [N, N], `layer0.W_fm` [N, d], `layer0.b_m` [N] (the memory path);
/// `readout.W_hz` [q, N], `readout.W_mz` [q, N] (back to back: [W_hz | W_mz] acting on (h, m)), `readout.b_z` [q].
/// Names are those of the official cells (`h_h`, `x_h`, `m_m`, `f_m`, `d_d`, `h_d`, `m_d`, `x_d`, `h_z`, `m_z`),
/// whose biases sit on `d_d`, `m_m`, `h_h`, `h_z`, i.e. exactly b_d, b_m, b_h, b_z.
///
/// # State (one layer; the Markov state s_t = F(s_{t−1}, x_t))
/// Rows `h` 0..<N, `m` N..<2N, then for MRNN `d` (d rows), then `inputHistory`: (K − 1) blocks of d rows holding
/// x_t, x_{t−1}, …, x_{t−K+2} (block k = x_{t−k}). The filter f_t = Σ_{j=1}^{K} w_j(d_t) x_{t+1−j} reads x_t and
/// the history of s_{t−1}, so the K-deep input window is part of the state: with it the cell is Markov, the state
/// Jacobians ∂s_t/∂s_{t−1} (size S = 2N + K·d for MRNN, 2N + (K − 1)·d for MRNNF) and the input Jacobians
/// ∂s_t/∂x_{t−k} are well defined, and a trajectory can be restarted from any s_t. The zero initial state is the
/// paper's zero padding before t = 1 (h_0 = m_0 = 0, d_0 = 0, x_0 = x_{−1} = … = 0). `hiddenRows` is h.
public struct MRNNLayout: ParameterLayout {
    /// Input width d_in (= number of fractional orders).
    public let inputSize: Int
    /// Hidden width N of the h- and m-paths.
    public let hiddenSize: Int
    /// Output width d_out.
    public let outputSize: Int
    /// K: number of filter taps (x_t … x_{t−K+1}).
    public let window: Int
    /// true: MRNN (d_t from a recurrent network); false: MRNNF (d = ½σ(b_d) constant) or MRNNW.
    public let dynamicOrder: Bool
    /// true: MRNNW, the filter weights w_1 … w_K are free parameters (no fractional order at all).
    public let freeFilter: Bool
    /// Compatibility with the official `MRNNFixDCell`: y_t = tanh(W_hz h_t + W_mz m_t + b_z) instead of the
    /// linear readout.
    public let outputTanh: Bool
    /// The parameter groups, in storage order (see the type's documentation).
    public let groups: [ParameterGroup]

    // Group handles.
    let orderRecurrent: ParameterGroup?  // W_hd (first of [W_hd | W_md | W_dd])
    let orderInput: ParameterGroup?  // W_xd
    let orderBias: ParameterGroup  // b_d (MRNNW: the free weights w_f, K × d)
    let hiddenRecurrent: ParameterGroup  // W_hh
    let hiddenInput: ParameterGroup  // W_xh
    let hiddenBias: ParameterGroup  // b_h
    let memoryRecurrent: ParameterGroup  // W_mm
    let memoryInput: ParameterGroup  // W_fm
    let memoryBias: ParameterGroup  // b_m
    let readoutWeights: ParameterGroup  // W_hz (first of [W_hz | W_mz])
    let readoutBias: ParameterGroup  // b_z

    init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, window: Int, layers: Int, dynamicOrder: Bool,
        outputTanh: Bool, freeFilter: Bool = false
    ) throws {
        precondition(!(dynamicOrder && freeFilter), "internal: MRNNLayout is dynamic, fixed or free")
        try Self.checkSizes(
            [
                "inputSize": inputSize, "hiddenSize": hiddenSize, "outputSize": outputSize,
                "window": window,
            ], capped: true)
        guard layers == 1 else {
            throw RecurrentError.invalidArgument(
                argument: "layers",
                message:
                    "the memory-augmented RNN (\(dynamicOrder ? "mrnn" : freeFilter ? "mrnnw" : "mrnnf")) supports exactly 1 layer, got \(layers) "
                    + "(its readout reads both h and m; a stacking rule is not defined by Zhao et al. 2020)")
        }
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.outputSize = outputSize
        self.window = window
        self.dynamicOrder = dynamicOrder
        self.outputTanh = outputTanh
        self.freeFilter = freeFilter
        let d = inputSize, n = hiddenSize, q = outputSize
        var entries: [(name: String, shape: [Int], kind: ParameterKind)] = []
        if dynamicOrder {
            entries += [
                ("layer0.W_hd", [d, n], .recurrent), ("layer0.W_md", [d, n], .recurrent),
                ("layer0.W_dd", [d, d], .recurrent), ("layer0.W_xd", [d, d], .input),
                ("layer0.b_d", [d], .bias),
            ]
        } else if freeFilter {
            entries.append(("layer0.w_f", [window, d], .other))
        } else {
            entries.append(("layer0.b_d", [d], .other))
        }
        entries += [
            ("layer0.W_hh", [n, n], .recurrent), ("layer0.W_xh", [n, d], .input), ("layer0.b_h", [n], .bias),
            ("layer0.W_mm", [n, n], .recurrent), ("layer0.W_fm", [n, d], .input), ("layer0.b_m", [n], .bias),
            ("readout.W_hz", [q, n], .readout), ("readout.W_mz", [q, n], .readout),
            ("readout.b_z", [q], .readoutBias),
        ]
        let g = ParameterGroup.layout(entries)
        groups = g
        var i = 0
        if dynamicOrder {
            orderRecurrent = g[0]
            orderInput = g[3]
            orderBias = g[4]
            i = 5
        } else {
            orderRecurrent = nil
            orderInput = nil
            orderBias = g[0]
            i = 1
        }
        hiddenRecurrent = g[i]
        hiddenInput = g[i + 1]
        hiddenBias = g[i + 2]
        memoryRecurrent = g[i + 3]
        memoryInput = g[i + 4]
        memoryBias = g[i + 5]
        readoutWeights = g[i + 6]
        readoutBias = g[i + 8]
    }

    /// One layer (see ``MRNN``).
    public var layerCount: Int { 1 }

    /// First row of the d segment (MRNN only) — equal to 2N.
    var orderRow: Int { 2 * hiddenSize }
    /// First row of the input history.
    var historyRow: Int { 2 * hiddenSize + (dynamicOrder ? inputSize : 0) }
    /// State size S.
    public var stateSize: Int { historyRow + (window - 1) * inputSize }

    /// The layer's ``StateLayout`` (see the type documentation).
    public var stateLayout: StateLayout {
        let n = hiddenSize
        var segments: [StateLayout.Segment] = [.init(name: "h", rows: 0..<n), .init(name: "m", rows: n..<(2 * n))]
        if dynamicOrder { segments.append(.init(name: "d", rows: orderRow..<historyRow)) }
        if window > 1 { segments.append(.init(name: "inputHistory", rows: historyRow..<stateSize)) }
        return StateLayout(size: stateSize, segments: segments, hiddenRows: 0..<n)
    }

    /// [``stateLayout``] (one layer).
    public var stateLayouts: [StateLayout] { [stateLayout] }

    /// PyTorch's `nn.Linear` default initialisation for every official sub-layer: weights and bias
    /// U(−1/√fan_in, 1/√fan_in) with fan_in = d for `d_d`, `x_d`, `f_m`, `x_h` and N for `h_d`, `m_d`, `m_m`, `h_h`,
    /// `h_z`, `m_z` (the bias of `d_d` has fan-in d, those of `m_m`, `h_h`, `h_z` fan-in N); MRNNF's b_d = 0
    /// (d = ¼, as the official `MRNNFixD`). Drawn in flat-vector order from `rng`. MRNNW's free weights start at
    /// MRNNF's initial filter w_j(¼) and draw nothing, so MRNNW and MRNNF of the same seed start as the same
    /// function.
    public func initialParameters(_ initialization: PyTorchInitialization, using rng: inout SeededRandom) -> [Double] {
        let byInput = 1 / Double(inputSize).squareRoot(), byHidden = 1 / Double(hiddenSize).squareRoot()
        var p = uniformInitialization(using: &rng) { g in
            switch g.name {
            case "layer0.b_d" where !dynamicOrder, "layer0.w_f": return 0
            case "layer0.W_dd", "layer0.W_xd", "layer0.b_d", "layer0.W_fm", "layer0.W_xh": return byInput
            default: return byHidden
            }
        }
        if freeFilter {
            var r = FractionalWeightRecursion(order: 0.25)
            for j in 0..<window {
                r.advance()
                for i in 0..<inputSize { p[orderBias.range.lowerBound + i * window + j] = r.weight }
            }
        }
        return p
    }

    /// d = ½σ(b_d) per input dimension (MRNNF; for MRNN the value of d_t when every other input of the order
    /// network is zero).
    func fixedOrders(_ parameters: [Double]) -> [Double] {
        parameters[orderBias.range].map { 0.5 * $0.sigmoid() }
    }
}
