import MemoryNumerics
import Recurrent

/// Adam's effective learning rates η/(√V̂ + ε) over one parameter group (``StudentTraining``): their geometric mean
/// 10^{mean log₁₀} (the "Mean LR" of Zucchet & Orvieto's repository), smallest and largest value.
public struct EffectiveLearningRate: Sendable, Hashable {
    /// The group's name (e.g. `layer0.A`, `layer0.nu_log`).
    public let name: String
    /// Its role.
    public let kind: ParameterKind
    /// Its coordinates in the parameter vector.
    public let range: Range<Int>
    /// 10^{mean log₁₀ rate}.
    public let geometricMean: Double
    /// The smallest rate of the group.
    public let minimum: Double
    /// The largest rate of the group.
    public let maximum: Double

    init(group: ParameterGroup, rates: [Double]) {
        let r = Array(rates[group.range])
        name = group.name
        kind = group.kind
        range = group.range
        geometricMean = Self.geometricMean(r) ?? 0
        minimum = r.min() ?? 0
        maximum = r.max() ?? 0
    }

    /// 10^{mean log₁₀ x} of positive values; nil for an empty list.
    static func geometricMean<C: Collection>(_ values: C) -> Double? where C.Element == Double {
        guard !values.isEmpty else { return nil }
        let s = values.reduce(0) { $0 + Double.log10(max($1, .leastNormalMagnitude)) }
        return Double.pow(10, s / Double(values.count))
    }
}
