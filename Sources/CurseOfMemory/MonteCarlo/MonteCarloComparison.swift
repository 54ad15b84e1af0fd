import MemoryNumerics

/// A Monte-Carlo estimate beside its closed form: z = (estimate − closed form)/standard error.
public struct MonteCarloComparison: Sendable, Hashable {
    /// The Monte-Carlo mean.
    public let estimate: Double
    /// Standard error of the estimate: the standard deviation of the per-chain averages over √chains.
    public let standardError: Double
    /// The closed-form value.
    public let closedForm: Double

    /// (estimate − closed form)/standard error; with a zero standard error, 0 if they agree exactly and ±∞ otherwise.
    public var z: Double {
        if standardError > 0 { return (estimate - closedForm) / standardError }
        return estimate == closedForm ? 0 : (estimate > closedForm ? .infinity : -.infinity)
    }
    /// estimate/closed form.
    public var ratio: Double { estimate / closedForm }
}
