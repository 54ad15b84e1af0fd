/// The options of a complex-diagonal linear recurrence (``ComplexDiagonalRNN``; the ``LRU`` fixes the first two).
public struct ComplexDiagonalConfiguration: Sendable, Codable, Equatable, Hashable {
    public var parametrization: EigenvalueParametrization
    public var normalization: InputNormalization
    public var skip: SkipConnection
    /// Semantics of tangents at the stop-gradient of ``EigenvalueParametrization/scaledExp`` (ignored otherwise).
    public var scaledExpTangents: ScaledExpTangents

    public init(parametrization: EigenvalueParametrization = .default, normalization: InputNormalization = .none,
                skip: SkipConnection = .matrix, scaledExpTangents: ScaledExpTangents = .exact) {
        self.parametrization = parametrization
        self.normalization = normalization
        self.skip = skip
        self.scaledExpTangents = scaledExpTangents
    }
}
