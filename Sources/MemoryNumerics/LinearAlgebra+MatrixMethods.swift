import Numerics

// Convenience methods on Matrix / ComplexMatrix forwarding to ``LinearAlgebra``; see there for algorithms,
// conventions, references and thrown errors.

extension Matrix {
    /// Eigenvalues and right eigenvectors (`dgeev`); see `LinearAlgebra.eigen(_:vectors:)`.
    public func eigen(vectors: Bool = true) throws -> EigenDecomposition {
        try LinearAlgebra.eigen(self, vectors: vectors)
    }

    /// Eigenvalues (`dgeev`), LAPACK order, conjugate pairs consecutive.
    public func eigenvalues() throws -> [Complex<Double>] { try LinearAlgebra.eigenvalues(self) }

    /// ρ(A) = max |λⱼ|.
    public func spectralRadius() throws -> Double { try LinearAlgebra.spectralRadius(self) }

    /// Ascending eigenvalues and orthonormal eigenvectors of a symmetric matrix (`dsyevd`).
    public func symmetricEigen(vectors: Bool = true) throws -> SymmetricEigenDecomposition {
        try LinearAlgebra.symmetricEigen(self, vectors: vectors)
    }

    /// A = U·diag(S)·Vᵀ (`dgesdd`).
    public func svd(mode: LinearAlgebra.SVDMode = .thin) throws -> SingularValueDecomposition {
        try LinearAlgebra.svd(self, mode: mode)
    }

    /// Singular values, descending.
    public func singularValues() throws -> [Double] { try LinearAlgebra.singularValues(self) }

    /// Thin QR with diag(R) ≥ 0 by default (`dgeqrf` + `dorgqr`).
    public func qr(nonNegativeDiagonal: Bool = true) throws -> QRDecomposition {
        try LinearAlgebra.qr(self, nonNegativeDiagonal: nonNegativeDiagonal)
    }

    /// A = L·Lᵀ (`dpotrf`).
    public func cholesky() throws -> CholeskyFactorization { try LinearAlgebra.cholesky(self) }

    /// P·A = L·U (`dgetrf`).
    public func lu() throws -> LUFactorization { try LinearAlgebra.lu(self) }

    /// X with A·X = B (`dgesv`).
    public func solve(_ b: Matrix) throws -> Matrix { try LinearAlgebra.solve(self, b) }

    /// x with A·x = b (`dgesv`).
    public func solve(_ b: [Double]) throws -> [Double] { try LinearAlgebra.solve(self, b) }

    /// A⁻¹ (`dgetrf` + `dgetri`).
    public func inverse() throws -> Matrix { try LinearAlgebra.inverse(self) }

    /// det A (`dgetrf`).
    public func determinant() throws -> Double { try LinearAlgebra.determinant(self) }
}

extension ComplexMatrix {
    /// Eigenvalues and right eigenvectors (`zgeev`).
    public func eigen(vectors: Bool = true) throws -> EigenDecomposition {
        try LinearAlgebra.eigen(self, vectors: vectors)
    }

    /// Eigenvalues (`zgeev`).
    public func eigenvalues() throws -> [Complex<Double>] { try LinearAlgebra.eigenvalues(self) }
}
