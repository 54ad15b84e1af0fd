/// The memory horizon: the largest delay whose score reaches an explicit threshold θ,
///
///     k*(θ) = max{k : score_k ≥ θ},
///
/// where score_k is a recall score in [0, 1] — Jaeger's MC_k (``MemoryCapacity``) or the held-out R² of a network
/// trained to output x_{t−k} (``RecallExperiment``). Illium et al. (2022, "Capacity limitations of recurrent
/// networks: the random memorisation task", ICAART, arXiv 2212.11085) observe a sharp border between recallable and
/// non-recallable delays that grows with the width of the network; the horizon locates it. θ is always explicit:
/// horizons at different θ are different quantities.
public struct MemoryHorizon: Sendable, Equatable {
    /// Which delays may define the horizon.
    public enum Rule: String, Sendable, Codable, CaseIterable {
        /// The definition above: the largest delay with score ≥ θ, wherever it lies.
        case maximum
        /// The largest k such that every listed delay ≤ k reaches θ (ignores isolated recoveries past a failure).
        case contiguous
    }

    /// θ ∈ [0, 1].
    public let threshold: Double
    /// The rule applied.
    public let rule: Rule
    /// The delays scored, increasing.
    public let delays: [Int]
    /// score_k for each delay.
    public let scores: [Double]
    /// k*(θ), or nil when no delay reaches θ.
    public let horizon: Int?
    /// Whether k* is the largest delay scored: the scores say only that the horizon is at least that delay
    /// (right-censored, k* ≥ K), not where the border lies — score more delays to find it.
    public let isCensored: Bool

    /// The horizon of `scores` at `delays` (default 0, 1, …). Throws for θ outside [0, 1], a count mismatch,
    /// delays that are negative or not increasing, or a non-finite score (all naming the argument).
    public init(scores: [Double], delays: [Int]? = nil, threshold: Double, rule: Rule = .maximum) throws {
        try Check.unitInterval(threshold, "threshold")
        let ks = delays ?? Array(0..<scores.count)
        guard ks.count == scores.count else {
            throw MemoryProbeError.invalidArgument(
                argument: "delays", message: "\(ks.count) delays for \(scores.count) scores")
        }
        guard ks.allSatisfy({ $0 >= 0 }), zip(ks, ks.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw MemoryProbeError.invalidArgument(argument: "delays", message: "must be ≥ 0 and increasing, got \(ks)")
        }
        try Check.finite(scores, "scores")
        self.threshold = threshold
        self.rule = rule
        self.delays = ks
        self.scores = scores
        switch rule {
        case .maximum:
            horizon = zip(ks, scores).filter { $0.1 >= threshold }.map(\.0).max()
        case .contiguous:
            var last: Int? = nil
            for (k, s) in zip(ks, scores) {
                guard s >= threshold else { break }
                last = k
            }
            horizon = last
        }
        isCensored = horizon != nil && horizon == ks.last
    }
}
