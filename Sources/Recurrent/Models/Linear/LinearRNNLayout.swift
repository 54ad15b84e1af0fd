/// Sizes and flat parameter layout of a ``LinearRNN``: L stacked dense linear layers with an optional
/// block-diagonal ("multi-head") recurrent matrix and the readout y_t = C h_t^{L−1} + D x_t.
///
/// Groups, in storage order (d_0 = d_in, d_ℓ = N for ℓ ≥ 1, H heads of size n = N/H, all matrices column-major):
/// * `layerℓ.A` [n, N] (recurrent): A_ℓ = blockdiag(A_ℓ,1 … A_ℓ,H) stored as the side-by-side blocks
///   [A_ℓ,1 | A_ℓ,2 | … | A_ℓ,H], so head k is the contiguous n × n matrix at offset k·n² of the group; with
///   H = 1 this is simply the N × N matrix A_ℓ;
/// * `layerℓ.B` [N, d_ℓ] (input);
/// * `readout.C` [d_out, N] (readout);
/// * `readout.D` [d_out, d_in] or [d_in] (readout), absent for ``SkipConnection/none``.
/// No biases (Zucchet & Orvieto 2024 use bias-free dense layers).
public struct LinearRNNLayout: ParameterLayout {
    /// Input width d_in.
    public let inputSize: Int
    /// Hidden width N of each layer.
    public let hiddenSize: Int
    /// Output width d_out.
    public let outputSize: Int
    /// Number of stacked layers L.
    public let layerCount: Int
    /// Number H of diagonal blocks of each recurrent matrix (1 = dense).
    public let headCount: Int
    /// The readout's skip term D.
    public let skip: SkipConnection
    /// The parameter groups, in storage order (see the type's documentation).
    public let groups: [ParameterGroup]

    struct LayerGroups: Sendable, Equatable {
        let recurrent: ParameterGroup
        let input: ParameterGroup
    }
    let layers: [LayerGroups]
    let readout: ParameterGroup
    let skipGroup: ParameterGroup?

    /// Head size n = N/H.
    public var headSize: Int { hiddenSize / headCount }

    init(inputSize: Int, hiddenSize: Int, outputSize: Int, layerCount: Int, headCount: Int, skip: SkipConnection) throws
    {
        try Self.checkSizes(
            [
                "inputSize": inputSize, "hiddenSize": hiddenSize, "outputSize": outputSize,
                "layers": layerCount, "heads": headCount,
            ], capped: false)
        guard hiddenSize % headCount == 0 else {
            throw RecurrentError.invalidArgument(
                argument: "heads", message: "\(headCount) heads do not divide hiddenSize \(hiddenSize)")
        }
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.outputSize = outputSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.skip = skip
        let n = hiddenSize / headCount
        var entries: [(name: String, shape: [Int], kind: ParameterKind)] = []
        for l in 0..<layerCount {
            entries.append(("layer\(l).A", [n, hiddenSize], .recurrent))
            entries.append(("layer\(l).B", [hiddenSize, l == 0 ? inputSize : hiddenSize], .input))
        }
        entries.append(("readout.C", [outputSize, hiddenSize], .readout))
        if let shape = try skip.parameterShape(inputSize: inputSize, outputSize: outputSize) {
            entries.append(("readout.D", shape, .readout))
        }
        let g = ParameterGroup.layout(entries)
        groups = g
        layers = (0..<layerCount).map { LayerGroups(recurrent: g[2 * $0], input: g[2 * $0 + 1]) }
        readout = g[2 * layerCount]
        skipGroup = skip == .none ? nil : g[2 * layerCount + 1]
    }

    /// Every layer's state is h (N rows).
    public var stateLayouts: [StateLayout] { Array(repeating: .hidden(hiddenSize), count: layerCount) }

    /// Head k of layer ℓ's recurrent matrix (n × n) inside a parameter or gradient view.
    @inline(__always)
    func head<A: RecurrentAlgebra>(_ vector: AlgebraMatrix<A>, layer l: Int, _ k: Int) -> AlgebraMatrix<A> {
        let n = headSize
        return AlgebraMatrix(
            base: A.advance(vector.base, by: layers[l].recurrent.range.lowerBound + k * n * n),
            rows: n, columns: n)
    }
}
