import MemoryNumerics

/// The complete eigendecomposition of a curvature operator small enough to hold densely (P up to a few thousand):
/// P products give the matrix, LAPACK `dsyevd` (divide and conquer) its eigenpairs.
public struct FullCurvatureSpectrum: Sendable, Equatable {
    /// All eigenvalues, ascending.
    public let eigenvalues: [Double]
    /// Orthonormal eigenvectors as columns (P × P), column i for `eigenvalues[i]`.
    public let eigenvectors: Matrix
    /// The symmetrised matrix ½(A + Aᵀ) that was decomposed.
    public let matrix: Matrix
    /// ‖A − Aᵀ‖_F/‖A‖_F of the assembled columns (rounding level for exact products).
    public let relativeAsymmetry: Double

    /// Assemble and decompose `op` (P products, in blocks).
    ///
    /// - Parameters:
    ///   - op: the curvature operator (Hessian, Gauss–Newton or empirical Fisher) whose P products with the unit
    ///     vectors are its columns.
    ///   - maximumDimension: refuse larger operators (P² doubles and an O(P³) eigensolve).
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for P above `maximumDimension`; errors of the
    ///   products or of LAPACK.
    public init<Op: SymmetricLinearOperator>(_ op: Op, maximumDimension: Int = 4096) throws {
        guard op.dimension <= maximumDimension else {
            throw SpectraError.invalidArgument(
                argument: "method",
                message:
                    "the full eigendecomposition of \(op.dimension) parameters exceeds the limit of \(maximumDimension); use Lanczos"
            )
        }
        let dense = try op.denseMatrix()
        let eig = try LinearAlgebra.symmetricEigen(dense.symmetrized)
        guard let vectors = eig.vectors else { preconditionFailure("eigenvectors were requested") }
        eigenvalues = eig.values
        eigenvectors = vectors
        matrix = dense.symmetrized
        relativeAsymmetry = dense.relativeAsymmetry
    }

    /// The exact trace Σ λ_i.
    public var trace: Double { eigenvalues.reduce(0, +) }

    /// The `count` largest eigenpairs (descending) or smallest (ascending) as `SymmetricEigenpairs` (residual
    /// norms ‖Av − λv‖ computed against the decomposed matrix).
    public func extremePairs(top count: Int) throws -> SymmetricEigenpairs {
        try pairs((0..<count).map { eigenvalues.count - 1 - $0 })
    }

    /// The `count` smallest eigenpairs, ascending (most negative first).
    public func extremePairs(bottom count: Int) throws -> SymmetricEigenpairs {
        try pairs(Array(0..<count))
    }

    func pairs(_ indices: [Int]) throws -> SymmetricEigenpairs {
        guard indices.allSatisfy({ $0 >= 0 && $0 < eigenvalues.count }) else {
            throw SpectraError.invalidArgument(
                argument: "k", message: "\(indices.count) eigenpairs requested of \(eigenvalues.count)")
        }
        let p = eigenvalues.count
        var vectors = Matrix(rows: p, columns: indices.count)
        for (c, i) in indices.enumerated() { vectors.setColumn(c, eigenvectors.column(i)) }
        let values = indices.map { eigenvalues[$0] }
        let products = matrix * vectors
        let residuals = (0..<indices.count).map { c in
            BLAS.norm((0..<p).map { products[$0, c] - values[c] * vectors[$0, c] })
        }
        return SymmetricEigenpairs(values: values, vectors: vectors, residualNorms: residuals)
    }
}
