/// The options of a complex-diagonal linear recurrence (``ComplexDiagonalRNN``; the ``LRU`` fixes the first two).
public struct ComplexDiagonalConfiguration: Sendable, Codable, Equatable, Hashable {
    /// How λ is parametrised (default: real and imaginary parts).
    public var parametrization: EigenvalueParametrization
    /// The input normalisation γ (default: none).
    public var normalization: InputNormalization
    /// The readout's skip term D (default: a matrix).
    public var skip: SkipConnection
    /// Semantics of tangents at the stop-gradient of ``EigenvalueParametrization/scaledExp`` (ignored otherwise).
    public var scaledExpTangents: ScaledExpTangents

    /// A configuration (defaults: `default` parametrization, no normalisation, matrix skip, exact tangents).
    public init(
        parametrization: EigenvalueParametrization = .default, normalization: InputNormalization = .none,
        skip: SkipConnection = .matrix, scaledExpTangents: ScaledExpTangents = .exact
    ) {
        self.parametrization = parametrization
        self.normalization = normalization
        self.skip = skip
        self.scaledExpTangents = scaledExpTangents
    }
}
