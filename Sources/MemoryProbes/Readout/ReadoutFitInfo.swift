/// What a readout fit did: sizes, numerical rank, and the ridge λ actually used (0 for ordinary least squares).
public struct ReadoutFitInfo: Sendable, Equatable, Codable {
    /// Number of samples n (rows) the readout was fitted on.
    public let samples: Int
    /// Number of state variables p (columns, without the intercept).
    public let columns: Int
    /// Numerical rank of the centred state matrix (singular values above ``ReadoutRegularization/rankTolerance``
    /// times the largest).
    public let rank: Int
    /// The ridge λ used, on the scale of the sample covariance X̃ᵀX̃/n (0: ordinary least squares).
    public let ridge: Double
    /// λ relative to the largest covariance eigenvalue (0: ordinary least squares).
    public let relativeRidge: Double
    /// Condition number σ_max/σ_min of the centred state matrix (∞ if rank-deficient).
    public let conditionNumber: Double

    /// Whether the state matrix was rank-deficient.
    public var isRankDeficient: Bool { rank < columns }

    /// A one-line statement of the fit for reports (notes on standard error).
    public var summary: String {
        var s = "readout on \(samples) samples × \(columns) state variables, rank \(rank)"
        if ridge > 0 {
            s += ", ridge λ = \(ridge) (\(relativeRidge) × largest covariance eigenvalue)"
            if isRankDeficient { s += " because the state matrix is rank-deficient" }
        } else {
            s += ", ordinary least squares"
        }
        return s
    }
}
