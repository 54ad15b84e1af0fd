/// Settings of ``MemoryCapacity/empirical(model:maxDelay:options:)``.
public struct EmpiricalCapacityOptions: Sendable, Equatable {
    /// The input process (default i.i.d. N(0, 1), Jaeger's setting; the capacity is scale-invariant).
    public var input: ProbeInput
    /// Number of simulated time steps T (including the washout).
    public var steps: Int
    /// Steps discarded at the start (transient from s_0 = 0); must be ≥ the largest delay (nil: max(K, 100)).
    public var washout: Int?
    /// Which variables the readouts see.
    public var features: StateFeatures
    /// Treatment of a rank-deficient state matrix.
    public var regularization: ReadoutRegularization
    /// Fraction of the samples (in time order) the readouts are fitted on; the rest scores them.
    public var trainingFraction: Double
    /// The input feature whose past is recalled (the others are driven too, with independent values).
    public var feature: Int
    /// Seed of the input draw.
    public var seed: UInt64

    /// Options with Jaeger's defaults (see the properties).
    public init(
        input: ProbeInput = .gaussian, steps: Int = 10_000, washout: Int? = nil,
        features: StateFeatures = .state, regularization: ReadoutRegularization = .standard,
        trainingFraction: Double = 0.5, feature: Int = 0, seed: UInt64 = 0
    ) {
        self.input = input
        self.steps = steps
        self.washout = washout
        self.features = features
        self.regularization = regularization
        self.trainingFraction = trainingFraction
        self.feature = feature
        self.seed = seed
    }
}
