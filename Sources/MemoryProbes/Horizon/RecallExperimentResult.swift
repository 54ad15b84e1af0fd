/// The scores of an experiment and its horizons.
public struct RecallExperimentResult: Sendable, Equatable {
    /// The configuration that produced the scores.
    public let configuration: RecallExperimentConfiguration
    /// One score per delay, in the order of ``RecallExperimentConfiguration/delays`` sorted increasingly.
    public let scores: [RecallScore]

    /// k*(θ) over the R² scores.
    public func horizon(threshold: Double, rule: MemoryHorizon.Rule = .maximum) throws -> MemoryHorizon {
        try MemoryHorizon(scores: scores.map(\.rSquared), delays: scores.map(\.delay), threshold: threshold, rule: rule)
    }
}
