/// Which stochastic trace estimator produced a ``TraceEstimate``.
public enum TraceMethod: String, Sendable, Equatable, CaseIterable {
    /// Hutchinson (1990) with Rademacher probes.
    case hutchinson
    /// Hutch++ (Meyer, Musco, Musco & Woodruff 2021).
    case hutchPlusPlus = "hutch++"
}

/// A stochastic estimate of tr A with its standard error.
public struct TraceEstimate: Sendable, Equatable {
    /// The estimate of tr A.
    public let estimate: Double
    /// Estimated standard deviation of ``estimate`` (see the estimator's documentation for how it is formed).
    public let standardError: Double
    /// The estimator used.
    public let method: TraceMethod
    /// Number of random probe vectors (Hutch++: the probes of its residual Hutchinson part).
    public let probes: Int
    /// Operator products used.
    public let operatorProducts: Int
}

/// Randomised trace estimators for matrix-free symmetric operators.
///
/// Probes are Rademacher vectors (entries ±1 with probability ½) drawn from ``SeededRandom`` with the given seed,
/// column by column, so the same seed gives the same estimate to the last bit.
public enum StochasticTrace {
    /// Hutchinson's estimator tr A ≈ (1/K) Σ_k z_kᵀ A z_k with K Rademacher probes z_k (Hutchinson 1990,
    /// *Commun. Statist. Simul. Comput.* 19(2):433; Avron & Toledo 2011, *J. ACM* 58(2):8).
    ///
    /// Unbiased; for symmetric A one probe has variance 2(‖A‖_F² − Σ_i A_ii²) (see
    /// ``hutchinsonVariance(of:)``). The standard error reported is the sample standard deviation of the K values
    /// z_kᵀAz_k divided by √K. Products are taken `blockSize` probes at a time through
    /// ``SymmetricLinearOperator/apply(_:)-(Matrix)``.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for fewer than 2 probes (no standard error) or a non-finite product.
    public static func hutchinson<Op: SymmetricLinearOperator>(
        _ op: Op, probes: Int, seed: UInt64, blockSize: Int = 16
    ) throws -> TraceEstimate {
        guard probes >= 2 else { throw NumericsError.domain("hutchinson: probes must be ≥ 2, got \(probes)") }
        try OperatorChecks.positive(blockSize, "blockSize")
        var rng = SeededRandom(seed: seed)
        let values = try quadraticForms(op, probes: probes, blockSize: blockSize, rng: &rng)
        let (mean, standardError) = meanAndStandardError(values)
        return TraceEstimate(
            estimate: mean, standardError: standardError, method: .hutchinson, probes: probes,
            operatorProducts: probes)
    }

    /// Hutch++ (Meyer, Musco, Musco & Woodruff 2021, "Hutch++: optimal stochastic trace estimation", *SOSA*,
    /// Algorithm 1) with `matrixVectorProducts` = k products in all, s = ⌊k/3⌋:
    ///
    ///     S, G: n × s Rademacher;  Q = orth(A S);
    ///     tr A ≈ tr(QᵀAQ) + (1/s)·tr(Gᵀ(I − QQᵀ) A (I − QQᵀ) G).
    ///
    /// The first term captures the top of the spectrum exactly, Hutchinson handles the deflated rest, so the error
    /// decays like O(1/k) instead of O(1/√k) for matrices with decaying spectra (positive semidefinite A in the
    /// paper's theorem). Uses 3s products.
    ///
    /// Standard error: conditionally on Q the estimator is unbiased for tr A, so its total variance is the
    /// expected conditional variance, which the sample variance of the s residual quadratic forms estimates
    /// unbiasedly; the standard error reported is that sample standard deviation over √s.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for fewer than 6 products (s < 2) or a non-finite product.
    public static func hutchPlusPlus<Op: SymmetricLinearOperator>(
        _ op: Op, matrixVectorProducts k: Int, seed: UInt64
    ) throws -> TraceEstimate {
        let n = op.dimension
        let s = k / 3
        guard s >= 2 else {
            throw NumericsError.domain("hutch++: needs at least 6 matrix-vector products (2 per part), got \(k)")
        }
        var rng = SeededRandom(seed: seed)
        let sketch = rademacherBlock(rows: n, columns: s, rng: &rng)
        let g = rademacherBlock(rows: n, columns: s, rng: &rng)
        var q = try checkedApply(op, sketch)
        let rank = min(n, s)
        if q.columns > rank {
            // More sketch columns than dimensions: keep an orthonormal basis of the whole space.
            q = LinearAlgebra.matrix(n, rank, Array(q.elements.prefix(n * rank)))
        }
        try LinearAlgebra.orthonormalizeColumns(&q)
        let aq = try checkedApply(op, q)
        var head = 0.0
        for j in 0..<q.columns { for i in 0..<n { head += q[i, j] * aq[i, j] } }
        // G' = (I − QQᵀ)G, twice for orthogonality to rounding level.
        var deflated = g
        for _ in 0..<2 {
            var coefficients = Matrix(rows: q.columns, columns: s)
            try BLAS.gemm(q, deflated, transA: .transpose, into: &coefficients)
            try BLAS.gemm(q, coefficients, alpha: -1, beta: 1, into: &deflated)
        }
        let ag = try checkedApply(op, deflated)
        var values = [Double](repeating: 0, count: s)
        for j in 0..<s {
            var v = 0.0
            for i in 0..<n { v += deflated[i, j] * ag[i, j] }
            values[j] = v
        }
        let (mean, standardError) = meanAndStandardError(values)
        return TraceEstimate(
            estimate: head + mean, standardError: standardError, method: .hutchPlusPlus,
            probes: s, operatorProducts: 3 * s)
    }

    /// The variance of one Hutchinson term zᵀAz with a Rademacher z, for a symmetric matrix:
    /// Var = 2(‖A‖_F² − Σ_i A_ii²) = 2 Σ_{i≠j} A_ij² (Hutchinson 1990; Avron & Toledo 2011, Lemma 1).
    /// With K probes the estimator's variance is this over K.
    public static func hutchinsonVariance(of a: Matrix) throws -> Double {
        try LinearAlgebra.requireSquare(a, "a", "hutchinsonVariance")
        try LinearAlgebra.requireFinite(a, "hutchinsonVariance: a")
        var offDiagonal = 0.0
        for j in 0..<a.columns {
            for i in 0..<a.rows where i != j {
                let x = 0.5 * (a[i, j] + a[j, i])
                offDiagonal += x * x
            }
        }
        return 2 * offDiagonal
    }

    /// zᵀAz for K Rademacher probes drawn column by column from `rng`.
    static func quadraticForms<Op: SymmetricLinearOperator>(
        _ op: Op, probes: Int, blockSize: Int, rng: inout SeededRandom
    ) throws -> [Double] {
        let n = op.dimension
        var values: [Double] = []
        values.reserveCapacity(probes)
        var done = 0
        while done < probes {
            let width = min(blockSize, probes - done)
            let z = rademacherBlock(rows: n, columns: width, rng: &rng)
            let az = try checkedApply(op, z)
            for j in 0..<width {
                var v = 0.0
                for i in 0..<n { v += z.elements[i + j * n] * az.elements[i + j * n] }
                values.append(v)
            }
            done += width
        }
        return values
    }

    /// An n × k matrix of Rademacher entries, drawn column by column.
    static func rademacherBlock(rows n: Int, columns k: Int, rng: inout SeededRandom) -> Matrix {
        var z = Matrix(rows: n, columns: k)
        for i in z.elements.indices { z.elements[i] = rng.rademacher() }
        return z
    }

    /// A·V through the operator's block product, with its shape and finiteness checked.
    static func checkedApply<Op: SymmetricLinearOperator>(_ op: Op, _ v: Matrix) throws -> Matrix {
        let out = try op.apply(v)
        guard out.rows == v.rows, out.columns == v.columns else {
            throw NumericsError.dimensionMismatch(
                "operator returned \(out.rows)×\(out.columns) for an \(v.rows)×\(v.columns) block")
        }
        try OperatorChecks.finite(out.elements, "operator product")
        return out
    }

    /// Sample mean and standard error (sample standard deviation / √K) of K ≥ 2 values.
    static func meanAndStandardError(_ values: [Double]) -> (mean: Double, standardError: Double) {
        let k = Double(values.count)
        let mean = values.reduce(0, +) / k
        let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (ss / (k - 1) / k).squareRoot())
    }
}
