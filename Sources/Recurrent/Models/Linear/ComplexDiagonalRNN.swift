import MemoryNumerics

/// Complex-diagonal linear RNN (Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064), architecture "cdiag":
///
///     h_t = λ ⊙ h_{t−1} + γ ⊙ (B x_t),   y_t = Re(C h_t) + D x_t,
///
/// λ ∈ ℂ^N in one of five parametrizations (``EigenvalueParametrization``), γ one of four normalisations
/// (``InputNormalization``), B, C complex stored as real pairs, D a ``SkipConnection``; stacked layers feed
/// [Re h; Im h] to the next layer (layout and equations: ``ComplexDiagonalLayout``). Zucchet & Orvieto (2024,
/// NeurIPS, arXiv 2405.21064) compare these variants on linear-system identification (Fig. 3B: "complex diagonal"
/// = default parametrization, no γ; "+ γ"; and the LRU = exp + learned γ).
///
/// Exact derivatives come from the ``RecurrentModel`` extensions (the passes are written once over the algebras);
/// gradients are w.r.t. the parametrization's (ω₁, ω₂), which for ``EigenvalueParametrization/default`` is
/// (Re λ, Im λ). See ``ScaledExpTangents`` for what HVPs mean under the stop-gradient of ``EigenvalueParametrization/scaledExp``.
public struct ComplexDiagonalRNN: LayoutBackedModel, Equatable {
    /// Sizes, options and parameter layout.
    public let layout: ComplexDiagonalLayout
    /// The flat parameter vector θ (layout: ``ComplexDiagonalLayout``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/complexDiagonalRNN``.
    public var architecture: Architecture { .complexDiagonalRNN }
    /// Parametrization, normalisation, skip term and tangent semantics.
    public var configuration: ComplexDiagonalConfiguration { layout.configuration }

    /// λ_j = a_j + ib_j of layer ℓ.
    public func eigenvalues(layer: Int = 0) throws -> [Complex<Double>] {
        try layout.eigenvalues(parameters, layer: layer)
    }

    /// γ_j of layer ℓ (1 for ``InputNormalization/none``).
    public func normalizationFactors(layer: Int = 0) throws -> [Double] {
        try layout.normalizationFactors(parameters, layer: layer)
    }

    /// The same network (same λ to rounding, same γ, B, C, D) in another parametrization — e.g. ``EigenvalueParametrization/default`` to get
    /// gradients and Hessians with respect to (Re λ, Im λ). Throws if some λ cannot be represented (see
    /// ``EigenvalueParametrization/parameters(modulus:phase:)``).
    public func reparametrized(as parametrization: EigenvalueParametrization) throws -> ComplexDiagonalRNN {
        let (target, values) = try layout.reparametrized(parameters, as: parametrization)
        return ComplexDiagonalRNN(layout: target, parameters: values)
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

extension ComplexDiagonalRNN {
    /// A network with the given flat parameters (layout: ``ComplexDiagonalLayout``); throws when a unit's (ω₁, ω₂)
    /// is outside the domain of the parametrization/normalisation.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1,
        configuration: ComplexDiagonalConfiguration = ComplexDiagonalConfiguration(), parameters: [Double]
    ) throws {
        try self.init(
            layout: ComplexDiagonalLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, configuration: configuration),
            validating: parameters)
    }

    /// A randomly initialised network (``DiagonalInitialization``; default: Zucchet & Orvieto's repository scheme
    /// with r_min = 0, r_max = 1, φ_max = π).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1,
        configuration: ComplexDiagonalConfiguration = ComplexDiagonalConfiguration(),
        initialization: DiagonalInitialization = .zucchetOrvieto2024(), using rng: inout SeededRandom
    ) throws {
        try self.init(
            layout: ComplexDiagonalLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, configuration: configuration),
            initialization: initialization, using: &rng)
    }

    /// As ``init(inputSize:hiddenSize:outputSize:layers:configuration:initialization:using:)`` from `seed`
    /// (same seed ⇒ identical parameters, byte for byte).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1,
        configuration: ComplexDiagonalConfiguration = ComplexDiagonalConfiguration(),
        initialization: DiagonalInitialization = .zucchetOrvieto2024(), seed: UInt64
    ) throws {
        try self.init(
            layout: ComplexDiagonalLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, configuration: configuration),
            initialization: initialization, seed: seed)
    }
}
