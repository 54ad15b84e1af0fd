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
        guard probes >= 2 else { throw NumericsError.domain("diagonal estimate: probes must be ≥ 2, got \(probes)") }
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
            }
            done += width
        }
        let k = Double(probes)
        let mean = sum.map { $0 / k }
        let standardErrors = (0..<n).map { i -> Double in
            let variance = max(0, (sumSquares[i] - k * mean[i] * mean[i]) / (k - 1))
            return (variance / k).squareRoot()
        }
        return DiagonalEstimate(values: mean, standardErrors: standardErrors, probes: probes)
    }
}
