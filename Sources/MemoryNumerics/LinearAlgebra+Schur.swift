import CLAPACKE
import Numerics

/// Real Schur decomposition A = Z·T·Zᵀ: Z orthogonal, T upper quasi-triangular with 1×1 blocks (real
/// eigenvalues) and 2×2 blocks [[a, b], [c, a]], b·c < 0 (a complex pair a ± i√(−bc)) on the diagonal.
public struct RealSchurDecomposition: Sendable, Equatable {
    /// The quasi-triangular factor T (LAPACK's standardised Schur canonical form).
    public let t: Matrix
    /// The orthogonal Schur vectors Z (ZᵀZ = I).
    public let z: Matrix
    /// Eigenvalues in the order of T's diagonal blocks; pairs with the positive imaginary part first.
    public let eigenvalues: [Complex<Double>]

    /// Start index and size (1 or 2) of each diagonal block of T, top to bottom.
    public var diagonalBlocks: [(start: Int, size: Int)] { LinearAlgebra.schurBlocks(t.elements, n: t.rows) }
}

extension LinearAlgebra {
    /// Real Schur decomposition A = Z·T·Zᵀ (LAPACK `dgees`, no eigenvalue reordering; LUG §2.3.4, GVL §7.4.1).
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if A is not square, ``NumericsError/domain(_:)`` for NaN/∞,
    ///   ``NumericsError/lapack(routine:info:)`` if the QR algorithm failed.
    public static func realSchur(_ a: Matrix) throws -> RealSchurDecomposition {
        try requireSquare(a, "a", "realSchur")
        try requireFinite(a, "realSchur: a")
        let n = a.rows
        if n == 0 {
            return RealSchurDecomposition(t: a, z: Matrix(rows: 0, columns: 0), eigenvalues: [])
        }
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n")
        var t = a.elements
        var z = [Double](repeating: 0, count: n * n)
        var wr = [Double](repeating: 0, count: n)
        var wi = [Double](repeating: 0, count: n)
        var sdim: Int32 = 0
        let info = t.withUnsafeMutableBufferPointer { pt in
            z.withUnsafeMutableBufferPointer { pz in
                wr.withUnsafeMutableBufferPointer { pwr in
                    wi.withUnsafeMutableBufferPointer { pwi in
                        LAPACKE_dgees(
                            columnMajor, flag("V"), flag("N"), nil, n32, pt.baseAddress, n32, &sdim,
                            pwr.baseAddress, pwi.baseAddress, pz.baseAddress, n32)
                    }
                }
            }
        }
        try check(info, "dgees")
        // Entries below the first subdiagonal are zero (dhseqr clears them); enforce it so T is exactly quasi-triangular.
        for j in 0..<n where j + 2 < n { for i in (j + 2)..<n { t[i + j * n] = 0 } }
        return RealSchurDecomposition(
            t: matrix(n, n, t), z: matrix(n, n, z), eigenvalues: (0..<n).map { Complex(wr[$0], wi[$0]) })
    }

    /// Diagonal blocks of a quasi-triangular T in Schur canonical form: a non-zero subdiagonal entry T(i+1, i)
    /// opens a 2×2 block.
    static func schurBlocks(_ t: [Double], n: Int) -> [(start: Int, size: Int)] {
        var blocks: [(start: Int, size: Int)] = []
        var i = 0
        while i < n {
            if i + 1 < n && t[(i + 1) + i * n] != 0 {
                blocks.append((i, 2))
                i += 2
            } else {
                blocks.append((i, 1))
                i += 1
            }
        }
        return blocks
    }
}
