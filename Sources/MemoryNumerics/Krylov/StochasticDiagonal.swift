/// A stochastic estimate of diag A with per-entry standard errors.
public struct DiagonalEstimate: Sendable, Equatable {
    /// Estimates of A_11 … A_nn.
    public let values: [Double]
    /// Standard error of each entry: the sample standard deviation of z_i(Az)_i over the probes, over √K.
    public let standardErrors: [Double]
    /// Number of probes K (= operator products).
    public let probes: Int
}

/// Randomised estimation of the diagonal of a matrix-free symmetric operator.
public enum StochasticDiagonal {
    /// The estimator of Bekas, Kokiopoulou & Saad (2007, "An estimator for the diagonal of a matrix", *Appl. Numer.
    /// Math.* 57:1214, eq. (2)): diag A ≈ (Σ_k z_k ⊙ A z_k) ⊘ (Σ_k z_k ⊙ z_k) with Rademacher probes z_k (so the
    /// denominator is K and entry i is the mean of z_{k,i}(Az_k)_i). Unbiased; the error of entry i comes from the
    /// off-diagonal entries of row i, Var = Σ_{j≠i} A_ij² per probe.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for fewer than 2 probes or a non-finite product.
    public static func bekasKokiopoulouSaad<Op: SymmetricLinearOperator>(
        _ op: Op, probes: Int, seed: UInt64, blockSize: Int = 16
    ) throws -> DiagonalEstimate {
        try bekasKokiopoulouSaad(op, probes: probes, seed: seed, blockSize: blockSize, groups: []).entries
    }

    /// The same estimate (the same probes for the same seed), together with the mean of the diagonal over each
    /// index range in `groups` (e.g. a network's parameter tensors): (1/|g|)Σ_{i∈g} A_ii is estimated by the mean
    /// over the probes of (1/|g|)Σ_{i∈g} z_i(Az)_i, and its standard error is the sample standard deviation of
    /// those per-probe values over √K — the entries of one probe are correlated, so the group's error is not the
    /// root-sum-square of the entries' errors.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for fewer than 2 probes, a non-finite product, or a range outside
    ///   0..<n.
    public static func bekasKokiopoulouSaad<Op: SymmetricLinearOperator>(
        _ op: Op, probes: Int, seed: UInt64, blockSize: Int = 16, groups: [Range<Int>]
    ) throws -> (entries: DiagonalEstimate, groupMeans: [Double], groupStandardErrors: [Double]) {
        guard probes >= 2 else { throw NumericsError.domain("diagonal estimate: probes must be ≥ 2, got \(probes)") }
        for g in groups where g.lowerBound < 0 || g.upperBound > op.dimension {
            throw NumericsError.domain("diagonal estimate: group \(g) is outside 0..<\(op.dimension)")
        }
        var groupSums = [Double](repeating: 0, count: groups.count)
        var groupSquares = [Double](repeating: 0, count: groups.count)
        try OperatorChecks.positive(blockSize, "blockSize")
        let n = op.dimension
        var rng = SeededRandom(seed: seed)
        var sum = [Double](repeating: 0, count: n)
        var sumSquares = [Double](repeating: 0, count: n)
        var done = 0
        while done < probes {
            let width = min(blockSize, probes - done)
            let z = StochasticTrace.rademacherBlock(rows: n, columns: width, rng: &rng)
            let az = try StochasticTrace.checkedApply(op, z)
            for j in 0..<width {
                for i in 0..<n {
                    let v = z.elements[i + j * n] * az.elements[i + j * n]
                    sum[i] += v
                    sumSquares[i] += v * v
                }
                for (g, range) in groups.enumerated() where !range.isEmpty {
                    var m = 0.0
                    for i in range { m += z.elements[i + j * n] * az.elements[i + j * n] }
                    m /= Double(range.count)
                    groupSums[g] += m
                    groupSquares[g] += m * m
                }
            }
            done += width
        }
        let k = Double(probes)
        let mean = sum.map { $0 / k }
        let standardErrors = (0..<n).map { i -> Double in
            let variance = max(0, (sumSquares[i] - k * mean[i] * mean[i]) / (k - 1))
            return (variance / k).squareRoot()
        }
        let groupMeans = groupSums.map { $0 / k }
        let groupErrors = groups.indices.map { g -> Double in
            let variance = max(0, (groupSquares[g] - k * groupMeans[g] * groupMeans[g]) / (k - 1))
            return (variance / k).squareRoot()
        }
        return (DiagonalEstimate(values: mean, standardErrors: standardErrors, probes: probes), groupMeans, groupErrors)
    }
}
