import MemoryNumerics
import Recurrent

/// Where eigenvectors of a curvature matrix live among the parameters: inverse participation ratios overall and
/// per parameter group, and each group's share of the eigenvector's weight.
///
/// For a unit vector v ∈ ℝᴾ: IPR(v) = Σ_i v_i⁴ (1/P for a perfectly spread vector, 1 for one coordinate; Bell &
/// Dean 1970, *Discuss. Faraday Soc.* 50:55); the share of group g is Σ_{i∈g} v_i² (the shares sum to 1); the
/// within-group IPR is Σ_{i∈g} v_i⁴ / (Σ_{i∈g} v_i²)² (how concentrated v is inside g, from 1/|g| to 1); the
/// enrichment share_g/(|g|/P) compares the share with that of a vector spread evenly over all parameters.
public struct EigenvectorLocalization: Sendable, Equatable {
    /// One entry per eigenvector (column of the input), in order.
    public struct Vector: Sendable, Equatable {
        /// IPR = Σ_i v_i⁴ of the unit vector.
        public let inverseParticipationRatio: Double
        /// Participation ratio 1/IPR: the effective number of parameters involved.
        public var participationRatio: Double { inverseParticipationRatio > 0 ? 1 / inverseParticipationRatio : 0 }
        /// Σ_{i∈g} v_i² per group, in group order.
        public let groupShares: [Double]
        /// Within-group IPR per group (0 for a group the vector does not touch).
        public let groupInverseParticipationRatios: [Double]
        /// share_g / (|g|/P) per group.
        public let groupEnrichments: [Double]
    }

    /// Group names, in the order of every per-group array.
    public let groupNames: [String]
    /// One entry per eigenvector.
    public let vectors: [Vector]

    /// Localisation of the columns of `vectors` (P × k; each normalised here) over `groups`, which must partition
    /// 0..<P (as `RecurrentModel.parameterGroups` do).
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` if the groups do not partition the rows or
    ///   a vector is zero or not finite.
    public init(vectors: Matrix, groups: [ParameterGroup]) throws {
        let p = vectors.rows
        var covered = [Bool](repeating: false, count: p)
        for g in groups {
            guard g.range.lowerBound >= 0, g.range.upperBound <= p else {
                throw SpectraError.invalidArgument(
                    argument: "groups", message: "group \(g.name) \(g.range) is outside 0..<\(p)")
            }
            for i in g.range {
                guard !covered[i] else {
                    throw SpectraError.invalidArgument(argument: "groups", message: "parameter \(i) is in two groups")
                }
                covered[i] = true
            }
        }
        if let missing = covered.firstIndex(of: false) {
            throw SpectraError.invalidArgument(argument: "groups", message: "parameter \(missing) is in no group")
        }
        var result: [Vector] = []
        for c in 0..<vectors.columns {
            let v = vectors.column(c)
            guard v.allSatisfy(\.isFinite) else {
                throw SpectraError.invalidArgument(argument: "vectors", message: "column \(c) is not finite")
            }
            let norm2 = v.reduce(0) { $0 + $1 * $1 }
            guard norm2 > 0 else {
                throw SpectraError.invalidArgument(argument: "vectors", message: "column \(c) is zero")
            }
            let u2 = v.map { $0 * $0 / norm2 }
            let ipr = u2.reduce(0) { $0 + $1 * $1 }
            var shares: [Double] = [], iprs: [Double] = [], enrichments: [Double] = []
            for g in groups {
                let share = u2[g.range].reduce(0, +)
                let fourth = u2[g.range].reduce(0) { $0 + $1 * $1 }
                shares.append(share)
                iprs.append(share > 0 ? fourth / (share * share) : 0)
                enrichments.append(g.count > 0 ? share / (Double(g.count) / Double(p)) : 0)
            }
            result.append(
                Vector(
                    inverseParticipationRatio: ipr, groupShares: shares,
                    groupInverseParticipationRatios: iprs, groupEnrichments: enrichments))
        }
        groupNames = groups.map(\.name)
        self.vectors = result
    }

    /// Shares as a k × (number of groups) table (row = eigenvector): the heat map of eigenvector weight per group.
    public var shareTable: [[Double]] { vectors.map(\.groupShares) }
}
