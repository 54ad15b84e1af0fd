import MemoryNumerics

/// Sizes and flat parameter layout of a stacked complex-diagonal linear RNN (``ComplexDiagonalRNN``, ``LRU``):
///
///     h_t^ℓ = λ_ℓ ⊙ h_{t−1}^ℓ + γ_ℓ ⊙ (B_ℓ u_t^ℓ),   u^0 = x,   u^ℓ = [Re h^{ℓ−1}; Im h^{ℓ−1}] (ℓ ≥ 1),
///     y_t = Re(C h_t^{L−1}) + D x_t  (or D ⊙ x_t),
///
/// h ∈ ℂ^N, B_ℓ ∈ ℂ^{N × d_ℓ} (d_0 = d_in, d_ℓ = 2N), C ∈ ℂ^{d_out × N}. Complex numbers are stored as real pairs
/// (Recurrent.docc/Conventions.md). Groups, in storage order, for each layer ℓ: `layerℓ.<ω₁>` [N], `layerℓ.<ω₂>` [N]
/// (recurrent; names from ``EigenvalueParametrization/groupNames``), `layerℓ.gamma_log` [N] (other; only for
/// ``InputNormalization/learned``), `layerℓ.B_re` [N, d_ℓ], `layerℓ.B_im` [N, d_ℓ] (input); then
/// `readout.C_re` [d_out, N], `readout.C_im` [d_out, N] and `readout.D` (readout; see ``SkipConnection``).
///
/// The state of layer ℓ is s = [Re h; Im h] (2N rows, segments "re" and "im"), all of it the layer's hidden output.
public struct ComplexDiagonalLayout: ParameterLayout {
    /// Input width d_in.
    public let inputSize: Int
    /// Number of complex units N per layer.
    public let hiddenSize: Int
    /// Output width d_out.
    public let outputSize: Int
    /// Number of stacked layers L.
    public let layerCount: Int
    /// Parametrization, normalisation, skip term and tangent semantics.
    public let configuration: ComplexDiagonalConfiguration
    /// The parameter groups, in storage order (see the type's documentation).
    public let groups: [ParameterGroup]

    struct LayerGroups: Sendable, Equatable {
        let omega1: ParameterGroup
        let omega2: ParameterGroup
        let gammaLog: ParameterGroup?
        let inputReal: ParameterGroup
        let inputImaginary: ParameterGroup
    }
    let layers: [LayerGroups]
    let readoutReal: ParameterGroup
    let readoutImaginary: ParameterGroup
    let skipGroup: ParameterGroup?

    init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layerCount: Int,
        configuration: ComplexDiagonalConfiguration
    ) throws {
        try Self.checkSizes(
            [
                "inputSize": inputSize, "hiddenSize": hiddenSize, "outputSize": outputSize,
                "layers": layerCount,
            ], capped: false)
        if case .l2(let epsilon) = configuration.normalization, !(epsilon.isFinite && epsilon >= 0) {
            throw RecurrentError.invalidArgument(
                argument: "normalization",
                message: "L2 epsilon must be finite and ≥ 0, got \(epsilon)")
        }
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.outputSize = outputSize
        self.layerCount = layerCount
        self.configuration = configuration
        let names = configuration.parametrization.groupNames
        let learned = configuration.normalization == .learned
        var entries: [(name: String, shape: [Int], kind: ParameterKind)] = []
        for l in 0..<layerCount {
            let d = l == 0 ? inputSize : 2 * hiddenSize
            entries.append(("layer\(l).\(names.first)", [hiddenSize], .recurrent))
            entries.append(("layer\(l).\(names.second)", [hiddenSize], .recurrent))
            if learned { entries.append(("layer\(l).gamma_log", [hiddenSize], .other)) }
            entries.append(("layer\(l).B_re", [hiddenSize, d], .input))
            entries.append(("layer\(l).B_im", [hiddenSize, d], .input))
        }
        entries.append(("readout.C_re", [outputSize, hiddenSize], .readout))
        entries.append(("readout.C_im", [outputSize, hiddenSize], .readout))
        if let shape = try configuration.skip.parameterShape(inputSize: inputSize, outputSize: outputSize) {
            entries.append(("readout.D", shape, .readout))
        }
        let g = ParameterGroup.layout(entries)
        groups = g
        let perLayer = learned ? 5 : 4
        layers = (0..<layerCount).map { l in
            let o = perLayer * l
            return LayerGroups(
                omega1: g[o], omega2: g[o + 1], gammaLog: learned ? g[o + 2] : nil,
                inputReal: g[o + perLayer - 2], inputImaginary: g[o + perLayer - 1])
        }
        readoutReal = g[perLayer * layerCount]
        readoutImaginary = g[perLayer * layerCount + 1]
        skipGroup = configuration.skip == .none ? nil : g[perLayer * layerCount + 2]
    }

    /// [Re h; Im h] for every layer.
    public var stateLayouts: [StateLayout] { Array(repeating: stateLayout, count: layerCount) }

    /// The state layout of every layer: [Re h; Im h].
    var stateLayout: StateLayout {
        StateLayout(
            size: 2 * hiddenSize,
            segments: [
                .init(name: "re", rows: 0..<hiddenSize), .init(name: "im", rows: hiddenSize..<(2 * hiddenSize)),
            ],
            hiddenRows: 0..<(2 * hiddenSize))
    }

    /// Coefficients of unit j of layer ℓ from a parameter view (values in the algebra's scalar type).
    @inline(__always)
    func coefficients<A: RecurrentAlgebra>(_ p: AlgebraMatrix<A>, layer l: Int, unit j: Int)
        -> DiagonalUnitCoefficients<A.Scalar>
    {
        let g = layers[l]
        let gammaLog: A.Scalar = g.gammaLog.map { p[$0.range.lowerBound + j] } ?? 0
        return DiagonalUnitCoefficients(
            omega1: p[g.omega1.range.lowerBound + j], omega2: p[g.omega2.range.lowerBound + j], gammaLog: gammaLog,
            parametrization: configuration.parametrization, normalization: configuration.normalization,
            scaledExpTangents: configuration.scaledExpTangents)
    }

    /// Coefficients from a plain parameter array.
    func coefficients(_ p: [Double], layer l: Int, unit j: Int) -> DiagonalUnitCoefficients<Double> {
        let g = layers[l]
        return DiagonalUnitCoefficients(
            omega1: p[g.omega1.range.lowerBound + j], omega2: p[g.omega2.range.lowerBound + j],
            gammaLog: g.gammaLog.map { p[$0.range.lowerBound + j] } ?? 0,
            parametrization: configuration.parametrization, normalization: configuration.normalization,
            scaledExpTangents: configuration.scaledExpTangents)
    }

    /// The ring initialisation of `initialization` (see ``DiagonalInitialization``).
    public func initialParameters(_ initialization: DiagonalInitialization, using rng: inout SeededRandom) throws
        -> [Double]
    {
        try initialization.parameters(for: self, using: &rng)
    }

    /// Every unit's λ, γ and derivatives finite (e.g. |λ|² < 1 + ε for L2, λ ≠ 0 for L1, ω₁ ≠ 0 for
    /// ``EigenvalueParametrization/optimal``).
    public func validateDomain(_ values: [Double]) throws {
        for l in 0..<layerCount {
            for j in 0..<hiddenSize {
                let c = coefficients(values, layer: l, unit: j)
                guard c.isFinite else {
                    let g = layers[l]
                    // Never print a NaN: a non-finite λ or γ is named as such.
                    let lambda = c.a.isFinite && c.b.isFinite ? "λ = \(c.a) + \(c.b)i" : "a non-finite λ"
                    let gamma = c.gamma.isFinite ? "γ = \(c.gamma)" : "a non-finite γ"
                    throw RecurrentError.invalidArgument(
                        argument: "parameters",
                        message: "layer \(l) unit \(j): (\(g.omega1.name), \(g.omega2.name)) = "
                            + "(\(values[g.omega1.range.lowerBound + j]), \(values[g.omega2.range.lowerBound + j])) gives "
                            + "\(lambda), \(gamma) — outside the domain of the "
                            + "\(configuration.parametrization.rawValue) parametrization with \(configuration.normalization.name) "
                            + "normalisation (L2 needs |λ|² < 1 + ε, L1 needs λ ≠ 0, optimal needs ω₁ ≠ 0)")
                }
            }
        }
    }
}
