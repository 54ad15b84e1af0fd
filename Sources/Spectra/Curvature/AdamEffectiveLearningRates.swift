import MemoryNumerics
import Recurrent

/// Adam's effective per-parameter step size η_i = lr/(√v̂_i + ε), v̂ = V/(1 − β₂ᵗ) the bias-corrected second-moment
/// estimate (Kingma & Ba 2015, ICLR, Algorithm 1, with ε added after the square root as in PyTorch), summarised
/// per parameter group.
///
/// The actual update is η_i·m̂_i; η_i is the factor by which Adam rescales the (bias-corrected, averaged) gradient
/// of parameter i, to be set beside the curvature along that parameter (the diagonal of the Hessian or
/// Gauss–Newton matrix): gradient descent on a quadratic is stable along a direction of curvature λ when η·λ < 2.
public struct AdamEffectiveLearningRates: Sendable, Equatable {
    /// Summary of one group's rates.
    public struct GroupSummary: Sendable, Equatable {
        /// The group's name.
        public let name: String
        /// Number of parameters in the group.
        public let count: Int
        /// Arithmetic mean of η_i over the group.
        public let mean: Double
        /// Median of η_i (mean of the two middle values for an even count).
        public let median: Double
        /// Smallest η_i.
        public let minimum: Double
        /// Largest η_i.
        public let maximum: Double
        /// exp(mean log η_i).
        public let geometricMean: Double
    }

    /// η_i for every parameter (layout of the model's parameter vector).
    public let rates: [Double]
    /// One summary per group, in group order.
    public let groups: [GroupSummary]

    /// Rates from a second-moment vector V after `stepCount` updates with β₂, ε and learning rate lr.
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for a step count < 1, β₂ ∉ [0, 1), ε < 0, a
    ///   non-positive learning rate, negative or non-finite V, or groups that do not fit V.
    public init(
        secondMoment v: [Double], stepCount: Int, beta2: Double, epsilon: Double, learningRate: Double,
        groups: [ParameterGroup]
    ) throws {
        guard stepCount >= 1 else {
            throw SpectraError.invalidArgument(
                argument: "stepCount", message: "Adam has taken no step (got \(stepCount)); there is no second moment")
        }
        guard beta2.isFinite, beta2 >= 0, beta2 < 1 else {
            throw SpectraError.invalidArgument(argument: "beta2", message: "must be in [0, 1), got \(beta2)")
        }
        guard epsilon.isFinite, epsilon >= 0 else {
            throw SpectraError.invalidArgument(argument: "epsilon", message: "must be finite and ≥ 0, got \(epsilon)")
        }
        try SpectraChecks.finite(learningRate, "learningRate", positive: true)
        if let i = v.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw SpectraError.invalidArgument(
                argument: "secondMoment", message: "value \(v[i]) at index \(i) is not finite and ≥ 0")
        }
        // 1 − β₂ᵗ by a running product, as the optimiser computes it.
        var power = 1.0
        for _ in 0..<stepCount { power *= beta2 }
        let correction = 1 - power
        let rates = v.map { learningRate / (($0 / correction).squareRoot() + epsilon) }
        if let i = rates.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(
                argument: "epsilon",
                message: "parameter \(i) has v̂ = 0 and ε = 0: its effective learning rate is infinite")
        }
        var summaries: [GroupSummary] = []
        for g in groups {
            guard g.range.lowerBound >= 0, g.range.upperBound <= v.count else {
                throw SpectraError.invalidArgument(
                    argument: "groups", message: "group \(g.name) \(g.range) is outside 0..<\(v.count)")
            }
            let r = Array(rates[g.range])
            let sorted = r.sorted()
            let n = sorted.count
            let median = n == 0 ? 0 : (n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]))
            summaries.append(
                GroupSummary(
                    name: g.name, count: n, mean: n == 0 ? 0 : r.reduce(0, +) / Double(n), median: median,
                    minimum: sorted.first ?? 0, maximum: sorted.last ?? 0,
                    geometricMean: n == 0 ? 0 : Double.exp(r.reduce(0) { $0 + Double.log($1) } / Double(n))))
        }
        self.rates = rates
        self.groups = summaries
    }

    /// Rates of an `Adam` optimiser's state at learning rate lr, over the model's parameter groups.
    public init(adam: Adam, learningRate: Double, groups: [ParameterGroup]) throws {
        try self.init(
            secondMoment: adam.secondMoment, stepCount: adam.stepCount, beta2: adam.beta2,
            epsilon: adam.epsilon, learningRate: learningRate, groups: groups)
    }

    /// Rates of an `AdamW` optimiser's state (decoupled weight decay does not enter η_i).
    public init(adamW: AdamW, learningRate: Double, groups: [ParameterGroup]) throws {
        try self.init(
            secondMoment: adamW.secondMoment, stepCount: adamW.stepCount, beta2: adamW.beta2,
            epsilon: adamW.epsilon, learningRate: learningRate, groups: groups)
    }
}
