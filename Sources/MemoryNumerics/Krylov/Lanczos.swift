/// Eigenpairs (θ_i, v_i) of a symmetric operator with their residual norms ‖A v_i − θ_i v_i‖₂.
public struct SymmetricEigenpairs: Sendable, Equatable {
    /// Eigenvalue estimates, in the order documented where the value is returned.
    public let values: [Double]
    /// Unit eigenvectors as columns (n × k), column i belonging to `values[i]`. Sign is arbitrary.
    public let vectors: Matrix
    /// ‖A v_i − θ_i v_i‖₂, computed with one extra operator product per vector (not the Lanczos estimate).
    public let residualNorms: [Double]

    /// Number of pairs.
    public var count: Int { values.count }

    /// Pairs from their parts (k values, an n × k matrix of vectors and k residual norms).
    public init(values: [Double], vectors: Matrix, residualNorms: [Double]) {
        precondition(
            values.count == vectors.columns && values.count == residualNorms.count,
            "SymmetricEigenpairs: \(values.count) values, \(vectors.columns) vectors, \(residualNorms.count) residuals")
        self.values = values
        self.vectors = vectors
        self.residualNorms = residualNorms
    }
}

/// Options of ``Lanczos/extremeEigenpairs(of:top:bottom:options:)``.
public struct LanczosOptions: Sendable, Equatable {
    /// Largest number of Lanczos steps (operator products, besides the final residual products); nil:
    /// min(n, max(80, 4·(top + bottom) + 20)).
    public var maximumSteps: Int?
    /// Stop once every wanted Ritz pair has the Lanczos residual estimate β_m·|s_{m,i}| ≤ tolerance·‖T_m‖₂.
    public var tolerance: Double
    /// Seed of the random Gaussian start vector (and of restart vectors after a breakdown).
    public var seed: UInt64
    /// A start vector instead of the random one (need not be normalised; must not be zero).
    public var startVector: [Double]?

    /// Options; every argument is described at its property.
    public init(maximumSteps: Int? = nil, tolerance: Double = 1e-10, seed: UInt64 = 0, startVector: [Double]? = nil) {
        self.maximumSteps = maximumSteps
        self.tolerance = tolerance
        self.seed = seed
        self.startVector = startVector
    }
}

/// The extreme eigenpairs found by ``Lanczos/extremeEigenpairs(of:top:bottom:options:)``.
public struct LanczosEigenpairs: Sendable, Equatable {
    /// The `top` algebraically largest eigenvalues (most positive first, i.e. descending) with vectors and residuals.
    public let top: SymmetricEigenpairs
    /// The `bottom` algebraically smallest eigenvalues (most negative first, i.e. ascending).
    public let bottom: SymmetricEigenpairs
    /// All Ritz values of the final T_m, ascending.
    public let ritzValues: [Double]
    /// m, the number of Lanczos steps taken.
    public let steps: Int
    /// Whether every wanted pair met the tolerance (or the Krylov space was exhausted, which makes them exact).
    public let converged: Bool
    /// Breakdowns followed by a restart (see ``LanczosTridiagonalization/restarts``).
    public let restarts: Int
    /// Operator products used in all: m for the iteration plus one per returned pair for the residuals.
    public let operatorProducts: Int
}

/// The symmetric Lanczos method with full reorthogonalisation for the extreme eigenvalues of a
/// ``SymmetricLinearOperator`` (Lanczos 1950, *J. Res. Nat. Bur. Standards* 45:255; Golub & Van Loan,
/// *Matrix Computations*, 4th ed. 2013, §10.1–10.3; Parlett 1998, ch. 13).
///
/// Unlike power iteration — which converges to the eigenvalue of largest *magnitude*, so that "the top Hessian
/// eigenvalue" of a tool built on it is the most negative one whenever |λ_min| > λ_max — Lanczos returns both ends
/// of the spectrum by sign: the most positive and the most negative eigenvalues, each with its residual norm
/// ‖Av − θv‖ measured by an explicit product.
///
/// Limitations: single-vector Lanczos finds one copy of a multiple eigenvalue (a repeated eigenvalue occupies one
/// slot of `top`/`bottom`, and the next slot holds the next *distinct* eigenvalue); use the dense eigensolver
/// (``LinearAlgebra/symmetricEigen(_:vectors:symmetryTolerance:)``) when multiplicities matter and n is small.
/// Memory: the n × m basis.
public enum Lanczos {
    /// The `top` most positive and `bottom` most negative eigenpairs of `op`.
    ///
    /// Ritz pairs are checked every few steps; the iteration stops when all wanted pairs have converged (see
    /// ``LanczosOptions/tolerance``), when the basis spans the space (then the pairs are exact up to rounding), or
    /// after ``LanczosOptions/maximumSteps`` steps (``LanczosEigenpairs/converged`` is then false and the residual
    /// norms say how good the pairs are). After a breakdown (an invariant Krylov subspace) the process continues
    /// from a random vector orthogonal to the basis, so eigenvalues outside that subspace are not missed.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` if `top + bottom` exceeds n, a count is negative, the start vector
    ///   is zero, or a product is not finite; ``NumericsError/lapack(routine:info:)`` from the tridiagonal solver.
    public static func extremeEigenpairs<Op: SymmetricLinearOperator>(
        of op: Op, top: Int, bottom: Int = 0, options: LanczosOptions = LanczosOptions()
    ) throws -> LanczosEigenpairs {
        let n = op.dimension
        guard top >= 0, bottom >= 0 else {
            throw NumericsError.domain("Lanczos: top and bottom must be ≥ 0, got top = \(top), bottom = \(bottom)")
        }
        guard top + bottom <= n else {
            throw NumericsError.domain(
                "Lanczos: top + bottom = \(top + bottom) eigenpairs requested, but the operator has dimension \(n)")
        }
        guard options.tolerance.isFinite, options.tolerance >= 0 else {
            throw NumericsError.domain("Lanczos: tolerance must be finite and ≥ 0, got \(options.tolerance)")
        }
        let wanted = top + bottom
        let empty = SymmetricEigenpairs(values: [], vectors: Matrix(rows: n, columns: 0), residualNorms: [])
        if wanted == 0 {
            return LanczosEigenpairs(
                top: empty, bottom: empty, ritzValues: [], steps: 0, converged: true,
                restarts: 0, operatorProducts: 0)
        }
        let defaultSteps = min(n, max(80, 4 * wanted + 20))
        let capacity = min(n, options.maximumSteps ?? defaultSteps)
        guard capacity >= wanted else {
            throw NumericsError.domain(
                "Lanczos: maximumSteps = \(capacity) is smaller than the \(wanted) eigenpairs requested")
        }
        var rng = SeededRandom(seed: options.seed)
        let start = options.startVector ?? rng.gaussians(n)
        var process = try LanczosProcess(
            dimension: n, capacity: capacity, start: start, restartOnBreakdown: true,
            rng: rng.split())
        var lastCheck = 0
        var converged = false
        var decomposition: SymmetricEigenDecomposition? = nil
        while process.canExtend {
            try process.extend(op)
            let m = process.alpha.count
            let due = m >= wanted && (m - lastCheck >= max(1, m / 10) || !process.canExtend)
            guard due else { continue }
            lastCheck = m
            let eig = try LinearAlgebra.symmetricTridiagonalEigen(
                diagonal: process.alpha,
                offDiagonal: process.offDiagonal)
            decomposition = eig
            if process.exhausted {
                converged = true
                break
            }
            if Self.wantedPairsConverged(
                eig, top: top, bottom: bottom, trailingBeta: process.trailingBeta,
                tolerance: options.tolerance)
            {
                converged = true
                break
            }
        }
        let eig =
            try decomposition
            ?? LinearAlgebra.symmetricTridiagonalEigen(diagonal: process.alpha, offDiagonal: process.offDiagonal)
        let m = process.alpha.count
        guard let s = eig.vectors, eig.values.count == m, m >= wanted else {
            throw NumericsError.noConvergence("Lanczos: \(m) steps give fewer than the \(wanted) pairs requested")
        }
        // Indices into the ascending Ritz values: the top ones descending, the bottom ones ascending.
        let topIndices = (0..<top).map { m - 1 - $0 }
        let bottomIndices = Array(0..<bottom)
        let basis = process.basisMatrix
        func pairs(_ indices: [Int]) throws -> SymmetricEigenpairs {
            var selected = Matrix(rows: m, columns: indices.count)
            for (c, i) in indices.enumerated() { for r in 0..<m { selected[r, c] = s[r, i] } }
            var vectors = Matrix(rows: n, columns: indices.count)
            try BLAS.gemm(basis, selected, into: &vectors)
            // Normalise (the Ritz vectors are unit up to rounding) and measure ‖Av − θv‖ explicitly.
            for c in 0..<indices.count {
                let norm = BLAS.norm(vectors.column(c))
                if norm > 0 { for r in 0..<n { vectors[r, c] /= norm } }
            }
            let values = indices.map { eig.values[$0] }
            let products = indices.isEmpty ? vectors : try op.apply(vectors)
            try OperatorChecks.finite(products.elements, "Lanczos: operator product")
            let residuals = (0..<indices.count).map { c -> Double in
                var r = 0.0
                for i in 0..<n {
                    let d = products[i, c] - values[c] * vectors[i, c]
                    r += d * d
                }
                return r.squareRoot()
            }
            return SymmetricEigenpairs(values: values, vectors: vectors, residualNorms: residuals)
        }
        let topPairs = try pairs(topIndices)
        let bottomPairs = try pairs(bottomIndices)
        return LanczosEigenpairs(
            top: topPairs, bottom: bottomPairs, ritzValues: eig.values, steps: m,
            converged: converged, restarts: process.restarts, operatorProducts: m + wanted)
    }

    /// m steps of the Lanczos process from `start` (normalised here), keeping the basis if asked: the building
    /// block of Gauss quadrature and of eigenvalue methods. Without `restartOnBreakdown` the process stops at an
    /// invariant Krylov subspace (what quadrature needs); with it, it continues from a random orthogonal vector.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for m < 1, a zero or non-finite start vector or a non-finite product.
    public static func tridiagonalize<Op: SymmetricLinearOperator>(
        _ op: Op, start: [Double], steps m: Int, keepBasis: Bool = false, restartOnBreakdown: Bool = false,
        seed: UInt64 = 0
    ) throws -> LanczosTridiagonalization {
        try OperatorChecks.positive(m, "steps")
        guard op.dimension >= 1 else { throw NumericsError.domain("Lanczos: the operator has dimension 0") }
        var process = try LanczosProcess(
            dimension: op.dimension, capacity: min(m, op.dimension), start: start,
            restartOnBreakdown: restartOnBreakdown, rng: SeededRandom(seed: seed))
        while process.canExtend { try process.extend(op) }
        return process.result(keepBasis: keepBasis)
    }

    /// Every wanted Ritz pair has β_m·|last component of its eigenvector of T_m| ≤ tolerance·‖T_m‖₂.
    static func wantedPairsConverged(
        _ eig: SymmetricEigenDecomposition, top: Int, bottom: Int, trailingBeta: Double, tolerance: Double
    ) -> Bool {
        guard let s = eig.vectors, let lo = eig.values.first, let hi = eig.values.last else { return false }
        let m = eig.values.count
        let scale = max(abs(lo), abs(hi), Double.leastNormalMagnitude)
        let indices = Array(0..<min(bottom, m)) + (0..<min(top, m)).map { m - 1 - $0 }
        return indices.allSatisfy { abs(trailingBeta * s[m - 1, $0]) <= tolerance * scale }
    }
}
