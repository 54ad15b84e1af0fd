import CLAPACKE

/// Singular value decomposition A = U·diag(S)·Vᵀ of an m×n real matrix, k = min(m, n).
///
/// Singular values are non-negative and in descending order. Singular vectors are unique only up to a simultaneous
/// sign flip of uⱼ and vⱼ (and up to rotations within repeated singular values); compare them through the
/// reconstruction or |uⱼᵀuⱼ'|, never entrywise.
public struct SingularValueDecomposition: Sendable, Equatable {
    /// Left singular vectors as columns: m×k (thin) or m×m (full).
    public let u: Matrix
    /// σ₁ ≥ σ₂ ≥ … ≥ σ_k ≥ 0.
    public let singularValues: [Double]
    /// Right singular vectors as rows: k×n (thin) or n×n (full).
    public let vt: Matrix
}

extension LinearAlgebra {
    /// Which singular vectors an SVD returns.
    public enum SVDMode: Sendable {
        /// U is m×k and Vᵀ is k×n, k = min(m, n) ("economy" SVD).
        case thin
        /// U is m×m and Vᵀ is n×n (complete orthonormal bases).
        case full
    }

    /// The singular value decomposition A = U·diag(S)·Vᵀ (LAPACK `dgesdd`, divide and conquer; LUG §2.3.4,
    /// GVL §8.6).
    ///
    /// `dgesdd` can, rarely, report a convergence failure (`info > 0`) on matrices the slower QR-iteration driver
    /// handles; in that case this function retries once with `dgesvd` before throwing.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for NaN/∞ entries; ``NumericsError/lapack(routine:info:)`` if both
    ///   drivers fail.
    public static func svd(_ a: Matrix, mode: SVDMode = .thin) throws -> SingularValueDecomposition {
        try requireFinite(a, "svd: a")
        let m = a.rows, n = a.columns, k = min(m, n)
        let uColumns = mode == .thin ? k : m
        let vtRows = mode == .thin ? k : n
        if k == 0 {
            // Empty: any orthonormal basis works; use identities for the full mode.
            return SingularValueDecomposition(
                u: mode == .full ? Matrix.identity(m) : Matrix(rows: m, columns: 0), singularValues: [],
                vt: mode == .full ? Matrix.identity(n) : Matrix(rows: 0, columns: n))
        }
        NumericsSetup.ensure()
        let m32 = try lapackInt(m, "rows"), n32 = try lapackInt(n, "columns")
        let ldu = try leadingDimension(m), ldvt = try leadingDimension(vtRows)
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: m * uColumns)
        var vt = [Double](repeating: 0, count: vtRows * n)
        let job = mode == .thin ? flag("S") : flag("A")
        var work = a.elements
        let info = work.withUnsafeMutableBufferPointer { pa in
            s.withUnsafeMutableBufferPointer { ps in
                u.withUnsafeMutableBufferPointer { pu in
                    vt.withUnsafeMutableBufferPointer { pvt in
                        LAPACKE_dgesdd(
                            columnMajor, job, m32, n32, pa.baseAddress, m32, ps.baseAddress, pu.baseAddress,
                            ldu, pvt.baseAddress, ldvt)
                    }
                }
            }
        }
        if info > 0 {
            work = a.elements
            var superb = [Double](repeating: 0, count: max(1, k - 1))
            let info2 = work.withUnsafeMutableBufferPointer { pa in
                s.withUnsafeMutableBufferPointer { ps in
                    u.withUnsafeMutableBufferPointer { pu in
                        vt.withUnsafeMutableBufferPointer { pvt in
                            superb.withUnsafeMutableBufferPointer { pw in
                                LAPACKE_dgesvd(
                                    columnMajor, job, job, m32, n32, pa.baseAddress, m32, ps.baseAddress,
                                    pu.baseAddress, ldu, pvt.baseAddress, ldvt, pw.baseAddress)
                            }
                        }
                    }
                }
            }
            try check(info2, "dgesvd (after dgesdd info = \(info))")
        } else {
            try check(info, "dgesdd")
        }
        return SingularValueDecomposition(u: matrix(m, uColumns, u), singularValues: s, vt: matrix(vtRows, n, vt))
    }

    /// Singular values of A in descending order (`dgesdd` without vectors, `dgesvd` as fallback).
    public static func singularValues(_ a: Matrix) throws -> [Double] {
        try requireFinite(a, "singularValues: a")
        let m = a.rows, n = a.columns, k = min(m, n)
        if k == 0 { return [] }
        NumericsSetup.ensure()
        let m32 = try lapackInt(m, "rows"), n32 = try lapackInt(n, "columns")
        var s = [Double](repeating: 0, count: k)
        var work = a.elements
        let info = work.withUnsafeMutableBufferPointer { pa in
            s.withUnsafeMutableBufferPointer { ps in
                LAPACKE_dgesdd(columnMajor, flag("N"), m32, n32, pa.baseAddress, m32, ps.baseAddress, nil, 1, nil, 1)
            }
        }
        if info > 0 {
            work = a.elements
            var superb = [Double](repeating: 0, count: max(1, k - 1))
            let info2 = work.withUnsafeMutableBufferPointer { pa in
                s.withUnsafeMutableBufferPointer { ps in
                    superb.withUnsafeMutableBufferPointer { pw in
                        LAPACKE_dgesvd(
                            columnMajor, flag("N"), flag("N"), m32, n32, pa.baseAddress, m32,
                            ps.baseAddress, nil, 1, nil, 1, pw.baseAddress)
                    }
                }
            }
            try check(info2, "dgesvd (after dgesdd info = \(info))")
        } else {
            try check(info, "dgesdd")
        }
        return s
    }

    /// Spectral norm ‖A‖₂ = σ_max(A) (0 for an empty matrix).
    public static func spectralNorm(_ a: Matrix) throws -> Double {
        try singularValues(a).first ?? 0
    }

    /// 2-norm condition number κ₂(A) = σ_max/σ_min, σ over the min(m, n) singular values (GVL §2.6): ∞ when
    /// σ_min = 0 (including the zero matrix), 1 for an empty matrix.
    public static func conditionNumber(_ a: Matrix) throws -> Double {
        let s = try singularValues(a)
        guard let hi = s.first, let lo = s.last else { return 1 }
        return lo == 0 ? .infinity : hi / lo
    }
}
