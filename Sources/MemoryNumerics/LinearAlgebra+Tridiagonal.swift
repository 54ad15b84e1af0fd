import CLAPACKE

extension LinearAlgebra {
    /// Eigenvalues (ascending) and orthonormal eigenvectors of the real symmetric tridiagonal matrix with diagonal
    /// `diagonal` (n entries) and off-diagonal `offDiagonal` (n − 1 entries) (LAPACK `dstevd`, divide and conquer;
    /// LUG §2.3.4, GVL §8.4) — e.g. the Lanczos matrix T_m, whose eigenvectors' first components give the
    /// Gauss quadrature weights of stochastic Lanczos quadrature.
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if `offDiagonal` does not have n − 1 entries,
    ///   ``NumericsError/domain(_:)`` for NaN/∞ entries, ``NumericsError/lapack(routine:info:)`` if the algorithm
    ///   failed to converge.
    public static func symmetricTridiagonalEigen(
        diagonal: [Double], offDiagonal: [Double], vectors: Bool = true
    ) throws -> SymmetricEigenDecomposition {
        let n = diagonal.count
        guard offDiagonal.count == max(0, n - 1) else {
            throw NumericsError.dimensionMismatch(
                "symmetricTridiagonalEigen: \(n) diagonal entries need \(max(0, n - 1)) off-diagonal entries, got \(offDiagonal.count)"
            )
        }
        try requireFinite(diagonal, "symmetricTridiagonalEigen: diagonal")
        try requireFinite(offDiagonal, "symmetricTridiagonalEigen: offDiagonal")
        if n == 0 {
            return SymmetricEigenDecomposition(values: [], vectors: vectors ? Matrix(rows: 0, columns: 0) : nil)
        }
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n")
        var d = diagonal
        var e = offDiagonal + [0]  // dstevd reads n − 1 entries; one spare keeps the pointer valid for n = 1
        var z = [Double](repeating: 0, count: vectors ? n * n : 1)
        let info = d.withUnsafeMutableBufferPointer { pd in
            e.withUnsafeMutableBufferPointer { pe in
                z.withUnsafeMutableBufferPointer { pz in
                    LAPACKE_dstevd(
                        columnMajor, vectors ? flag("V") : flag("N"), n32, pd.baseAddress, pe.baseAddress,
                        pz.baseAddress, vectors ? n32 : 1)
                }
            }
        }
        try check(info, "dstevd")
        return SymmetricEigenDecomposition(values: d, vectors: vectors ? matrix(n, n, z) : nil)
    }
}
