import MemoryNumerics

/// Linear Recurrent Unit (Orvieto, Smith, Gu, Fernando, Gulcehre, Pascanu & De, "Resurrecting recurrent neural
/// networks for long sequences", ICML 2023, arXiv 2303.06349), architecture "lru" (§3 of the paper):
///
///     x_k = λ ⊙ x_{k−1} + γ ⊙ (B u_k),   y_k = Re(C x_k) + D ⊙ u_k,
///     λ_j = exp(−exp(ν_log,j) + i·exp(θ_log,j)),   γ_j = exp(γ_log,j),
///
/// i.e. the complex-diagonal recurrence with the ``EigenvalueParametrization/exp`` parametrization and a
/// ``InputNormalization/learned`` normalisation initialised at √(1 − |λ_j|²) (parameter groups `layerℓ.nu_log`,
/// `layerℓ.theta_log`, `layerℓ.gamma_log`, `layerℓ.B_re`, `layerℓ.B_im`, `readout.C_re`, `readout.C_im`,
/// `readout.D`; layout ``ComplexDiagonalLayout``). The skip is the paper's diagonal D ⊙ u by default (needs
/// d_out = d_in); Zucchet & Orvieto's LRU uses a matrix D (``SkipConnection/matrix``).
///
/// Scope: this is the recurrent layer (stacked layers feed [Re x; Im x] to the next one, with the linear readout of
/// the last). The paper's full residual block (pre-norm → LRU → GELU → GLU → skip) and its encoder are **not**
/// implemented. Initialisation: ``DiagonalInitialization`` (ring; the paper's scheme by default, Zucchet &
/// Orvieto's repository scheme as an option).
public struct LRU: LayoutBackedModel, Equatable {
    /// Sizes, options and parameter layout (``LRU/configuration(skip:)``).
    public let layout: ComplexDiagonalLayout
    /// The flat parameter vector θ (layout: ``ComplexDiagonalLayout``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/lru``.
    public var architecture: Architecture { .lru }
    /// The readout's skip term D.
    public var skip: SkipConnection { layout.configuration.skip }

    /// The LRU's fixed configuration with a given skip term.
    public static func configuration(skip: SkipConnection) -> ComplexDiagonalConfiguration {
        ComplexDiagonalConfiguration(parametrization: .exp, normalization: .learned, skip: skip)
    }

    /// λ_j of layer ℓ.
    public func eigenvalues(layer: Int = 0) throws -> [Complex<Double>] {
        try layout.eigenvalues(parameters, layer: layer)
    }

    /// γ_j = exp(γ_log,j) of layer ℓ.
    public func normalizationFactors(layer: Int = 0) throws -> [Double] {
        try layout.normalizationFactors(parameters, layer: layer)
    }

    /// The same network as a ``ComplexDiagonalRNN`` (identical parameter vector and layout), e.g. to reparametrize.
    public var asComplexDiagonal: ComplexDiagonalRNN {
        ComplexDiagonalRNN(layout: layout, parameters: parameters)
    }

    /// Forward pass in real arithmetic (``ComplexDiagonalLayout``'s pass).
    public func forward(_ pass: ForwardPass<RealAlgebra>) { layout.forwardPass(pass) }
    /// Forward pass in dual arithmetic.
    public func forward(_ pass: ForwardPass<DualAlgebra>) { layout.forwardPass(pass) }
    /// Backward pass (BPTT) in real arithmetic.
    public func backward(_ pass: BackwardPass<RealAlgebra>) { layout.backwardPass(pass) }
    /// Backward pass in dual arithmetic (gradient + ε·Hessian-vector product).
    public func backward(_ pass: BackwardPass<DualAlgebra>) { layout.backwardPass(pass) }
}

extension LRU {
    /// A network with the given flat parameters.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, skip: SkipConnection = .diagonal,
        parameters: [Double]
    ) throws {
        try self.init(
            layout: ComplexDiagonalLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, configuration: Self.configuration(skip: skip)),
            validating: parameters)
    }

    /// A randomly initialised LRU (ring initialisation; default: the paper / minimal-LRU scheme with r_min = 0,
    /// r_max = 1, φ_max = 6.28).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, skip: SkipConnection = .diagonal,
        initialization: DiagonalInitialization = .orvieto2023(), using rng: inout SeededRandom
    ) throws {
        try self.init(
            layout: ComplexDiagonalLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, configuration: Self.configuration(skip: skip)),
            initialization: initialization, using: &rng)
    }

    /// As ``init(inputSize:hiddenSize:outputSize:layers:skip:initialization:using:)`` from `seed`.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, skip: SkipConnection = .diagonal,
        initialization: DiagonalInitialization = .orvieto2023(), seed: UInt64
    ) throws {
        try self.init(
            layout: ComplexDiagonalLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, configuration: Self.configuration(skip: skip)),
            initialization: initialization, seed: seed)
    }
}
