/// Settings of ``InformationProcessingCapacity/compute(model:maxDegree:maxDelay:options:)``.
public struct InformationProcessingCapacityOptions: Sendable, Equatable {
    /// Number of simulated steps T (including the washout).
    public var steps: Int
    /// Steps discarded at the start (nil: max(K, 100)); must be ≥ the largest delay.
    public var washout: Int?
    /// Which variables the readouts see.
    public var features: StateFeatures
    /// The threshold for spurious capacity.
    public var threshold: CapacityThreshold
    /// The input feature the basis functions are built from (other features are driven too).
    public var feature: Int
    /// Seed of the uniform input draw.
    public var seed: UInt64
    /// Refuse to evaluate more basis functions than this (their number grows combinatorially with degree and delay).
    public var maximumTerms: Int

    /// Options with the defaults stated on the properties.
    public init(
        steps: Int = 10_000, washout: Int? = nil, features: StateFeatures = .state,
        threshold: CapacityThreshold = .standard, feature: Int = 0, seed: UInt64 = 0,
        maximumTerms: Int = 200_000
    ) {
        self.steps = steps
        self.washout = washout
        self.features = features
        self.threshold = threshold
        self.feature = feature
        self.seed = seed
        self.maximumTerms = maximumTerms
    }
}
