/// Mean, spread and extremes of one metric over the seeds of a group of cells.
///
/// The standard deviation is the sample standard deviation with Bessel's correction,
/// s = √(Σ(xᵢ − x̄)²/(n − 1)), and the standard error of the mean is s/√n; both are undefined (`nil`) for n = 1.
/// The mean is computed in two passes (the sum of the values, then the sum of squared deviations from the mean),
/// which keeps s accurate when the spread is small compared with the mean.
public struct SummaryStatistics: Sendable, Equatable {
    /// The number of values n.
    public let count: Int
    /// The mean x̄ = Σxᵢ/n.
    public let mean: Double
    /// The sample standard deviation s (n − 1 in the denominator); `nil` for n = 1.
    public let standardDeviation: Double?
    /// The smallest value.
    public let minimum: Double
    /// The largest value.
    public let maximum: Double
    /// The standard error of the mean s/√n; `nil` for n = 1.
    public let standardError: Double?

    /// The statistics of `values`; `nil` when there are none or one is not finite.
    public init?(_ values: [Double]) {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        count = values.count
        self.mean = mean
        minimum = values.min() ?? mean
        maximum = values.max() ?? mean
        if values.count >= 2 {
            let sumOfSquares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let s = (sumOfSquares / (n - 1)).squareRoot()
            standardDeviation = s
            standardError = s / n.squareRoot()
        } else {
            standardDeviation = nil
            standardError = nil
        }
    }

    /// The statistics as a JSON object: `count`, `mean`, `std`, `min`, `max`, `sem` (`null` when undefined).
    public var json: JSONValue {
        .object([
            JSONMember("count", .integer(Int64(count))),
            JSONMember("mean", .from(mean)),
            JSONMember("std", .from(standardDeviation)),
            JSONMember("min", .from(minimum)),
            JSONMember("max", .from(maximum)),
            JSONMember("sem", .from(standardError)),
        ])
    }
}
