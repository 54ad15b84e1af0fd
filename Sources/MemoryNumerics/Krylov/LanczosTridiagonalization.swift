/// The result of m steps of the symmetric Lanczos process A·Q_m = Q_m·T_m + β_m·q_{m+1}·e_mᵀ: an orthonormal
/// basis Q_m (n × m) and the symmetric tridiagonal T_m = QᵀAQ with diagonal α and off-diagonal β.
///
/// With the full reorthogonalisation used here (every new vector is orthogonalised twice against all previous
/// ones, classical Gram–Schmidt with re-orthogonalisation, "CGS2": Giraud, Langou, Rozložník & van den Eshof 2005,
/// *Numer. Math.* 101:87), Q_m stays orthonormal to rounding level and T_m has no spurious copies of converged
/// eigenvalues (Parlett, *The Symmetric Eigenvalue Problem*, SIAM 1998, §13.1).
public struct LanczosTridiagonalization: Sendable, Equatable {
    /// α₁ … α_m, the diagonal of T_m.
    public let alpha: [Double]
    /// β₁ … β_{m−1}, the off-diagonal of T_m. An exact zero marks a restart after a breakdown (see ``restarts``).
    public let beta: [Double]
    /// β_m = ‖A q_m − α_m q_m − β_{m−1} q_{m−1}‖ after orthogonalisation: the size of the residual that T_m misses
    /// (0 when the Krylov space became invariant).
    public let residualNorm: Double
    /// Q_m (n × m, orthonormal columns), or nil when the basis was not kept.
    public let basis: Matrix?
    /// Number of breakdowns (an invariant Krylov subspace, β ≈ 0) after which the process was continued from a
    /// new random vector orthogonal to the basis.
    public let restarts: Int
    /// Whether the process stopped early because the Krylov space of the start vector is invariant (β_m ≈ 0 and no
    /// restart was allowed) or the basis spans the whole space (m = n).
    public let isExhausted: Bool

    /// m, the number of Lanczos vectors.
    public var steps: Int { alpha.count }

    /// Eigen-decomposition of T_m (ascending Ritz values θ and orthonormal eigenvectors S of T_m).
    public func tridiagonalEigen(vectors: Bool = true) throws -> SymmetricEigenDecomposition {
        try LinearAlgebra.symmetricTridiagonalEigen(diagonal: alpha, offDiagonal: beta, vectors: vectors)
    }
}

/// The Lanczos iteration with full reorthogonalisation, one step at a time (shared by ``Lanczos`` and
/// ``StochasticLanczosQuadrature``).
struct LanczosProcess {
    let n: Int
    let capacity: Int
    /// Column-major n × capacity; columns 0..<count are the basis.
    var basis: [Double]
    var alpha: [Double] = []
    var beta: [Double] = []
    /// ‖w‖ after the last step (β_m), before normalisation.
    var lastResidualNorm = 0.0
    var restarts = 0
    var exhausted = false
    /// Running estimate of ‖T‖ (max over steps of |α_j| + β_{j−1} + β_j), for the relative breakdown test.
    var normEstimate = 0.0
    var rng: SeededRandom
    let restartOnBreakdown: Bool
    /// β below breakdownTolerance·‖T‖ counts as a breakdown.
    static let breakdownTolerance = 1e-12

    /// Start from `start` (normalised here). Throws if it is zero or not finite.
    init(dimension n: Int, capacity: Int, start: [Double], restartOnBreakdown: Bool, rng: SeededRandom) throws {
        precondition(capacity >= 1 && capacity <= n)
        self.n = n
        self.capacity = capacity
        self.restartOnBreakdown = restartOnBreakdown
        self.rng = rng
        try OperatorChecks.vector(start, dimension: n, "start vector")
        try OperatorChecks.finite(start, "start vector")
        let norm = BLAS.norm(start)
        guard norm > 0 else { throw NumericsError.domain("Lanczos: the start vector is zero") }
        basis = [Double](repeating: 0, count: n * capacity)
        for i in 0..<n { basis[i] = start[i] / norm }
    }

    /// Whether another step can be taken.
    var canExtend: Bool { !exhausted && alpha.count < capacity }

    /// One Lanczos step: w = A q_j, α_j, orthogonalisation, β_j and q_{j+1} (when there is room).
    mutating func extend<Op: SymmetricLinearOperator>(_ op: Op) throws {
        precondition(canExtend)
        let j = alpha.count
        let q = Array(basis[(j * n)..<((j + 1) * n)])
        var w = try OperatorChecks.product(op.apply(q), dimension: n)
        let a = try BLAS.dot(q, w)
        alpha.append(a)
        let previousBeta = beta.last ?? 0
        normEstimate = max(normEstimate, abs(a) + previousBeta)
        // Full reorthogonalisation against q_0 … q_j, twice (this also removes α_j q_j and β_{j−1} q_{j−1}).
        orthogonalize(&w, against: j + 1)
        orthogonalize(&w, against: j + 1)
        let b = BLAS.norm(w)
        lastResidualNorm = b
        normEstimate = max(normEstimate, abs(a) + previousBeta + b)
        let atDimension = j + 1 == n
        let breakdown = b <= Self.breakdownTolerance * max(normEstimate, Double.leastNormalMagnitude)
        if atDimension || (breakdown && !restartOnBreakdown) {
            // The basis spans the space (the remainder is rounding) or the Krylov space is invariant.
            exhausted = true
            if atDimension { lastResidualNorm = 0 }
            return
        }
        guard j + 1 < capacity else { return }
        if breakdown {
            // Invariant subspace: continue from a random vector orthogonal to the basis; T_m decouples (β = 0).
            restarts += 1
            var v = rng.gaussians(n)
            orthogonalize(&v, against: j + 1)
            orthogonalize(&v, against: j + 1)
            let norm = BLAS.norm(v)
            guard norm > 0 else { exhausted = true; return }
            for i in 0..<n { basis[i + (j + 1) * n] = v[i] / norm }
            beta.append(0)
        } else {
            for i in 0..<n { basis[i + (j + 1) * n] = w[i] / b }
            beta.append(b)
        }
    }

    /// w ← w − Q_k(Q_kᵀw) for the first k basis vectors (two level-2 BLAS calls).
    func orthogonalize(_ w: inout [Double], against k: Int) {
        guard k > 0 else { return }
        var coefficients = [Double](repeating: 0, count: k)
        basis.withUnsafeBufferPointer { q in
            w.withUnsafeMutableBufferPointer { pw in
                coefficients.withUnsafeMutableBufferPointer { c in
                    BLAS.gemv(
                        transpose: true, m: n, n: k, alpha: 1, a: q.baseAddress!, lda: n, x: pw.baseAddress!,
                        beta: 0, y: c.baseAddress!)
                    BLAS.gemv(
                        transpose: false, m: n, n: k, alpha: -1, a: q.baseAddress!, lda: n,
                        x: UnsafePointer(c.baseAddress!), beta: 1, y: pw.baseAddress!)
                }
            }
        }
    }

    /// Off-diagonal of T_m (m = alpha.count): the β's between the kept vectors.
    var offDiagonal: [Double] { Array(beta.prefix(max(0, alpha.count - 1))) }

    /// β_m: the coupling to the next (not yet used) vector, 0 when exhausted.
    var trailingBeta: Double {
        if exhausted { return lastResidualNorm }
        return beta.count >= alpha.count ? beta[alpha.count - 1] : lastResidualNorm
    }

    /// Q_m as a matrix (n × m).
    var basisMatrix: Matrix {
        LinearAlgebra.matrix(n, alpha.count, Array(basis.prefix(n * alpha.count)))
    }

    func result(keepBasis: Bool) -> LanczosTridiagonalization {
        LanczosTridiagonalization(
            alpha: alpha, beta: offDiagonal, residualNorm: trailingBeta,
            basis: keepBasis ? basisMatrix : nil, restarts: restarts, isExhausted: exhausted)
    }
}
