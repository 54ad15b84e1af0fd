import CLAPACKE

/// Thin QR factorisation A = Q·R of an m×n matrix, k = min(m, n): Q is m×k with orthonormal columns (QᵀQ = I_k),
/// R is k×n upper triangular (upper trapezoidal when m < n).
///
/// Sign convention: LAPACK's Householder QR (`dgeqrf`) leaves the signs of R's diagonal arbitrary (each Rᵢᵢ gets
/// the sign opposite to the pivot entry it eliminates). With `nonNegativeDiagonal` (the default) every column qᵢ
/// with Rᵢᵢ < 0 is negated together with row i of R, so Rᵢᵢ ≥ 0; for a matrix of full column rank the thin QR is then
/// unique (GVL §5.2, thin QR), continuous in A, and log Rᵢᵢ = log|Rᵢᵢ| — what the QR (Benettin) algorithm for
/// Lyapunov exponents accumulates (Benettin, Galgani, Giorgilli & Strelcyn 1980, Meccanica 15(1):9–20).
public struct QRDecomposition: Sendable, Equatable {
    /// m×k with orthonormal columns.
    public let q: Matrix
    /// k×n upper triangular/trapezoidal.
    public let r: Matrix
}

extension LinearAlgebra {
    /// Thin QR factorisation by Householder reflections (LAPACK `dgeqrf` + `dorgqr`; LUG §2.4.2, GVL §5.2).
    ///
    /// - Parameters:
    ///   - a: an m×n matrix with finite entries (any shape).
    ///   - nonNegativeDiagonal: flip signs so that diag(R) ≥ 0 (see ``QRDecomposition``); `false` keeps
    ///     LAPACK's signs.
    /// - Throws: ``NumericsError/domain(_:)`` for NaN/∞ entries; ``NumericsError/lapack(routine:info:)``.
    public static func qr(_ a: Matrix, nonNegativeDiagonal: Bool = true) throws -> QRDecomposition {
        try requireFinite(a, "qr: a")
        let m = a.rows, n = a.columns, k = min(m, n)
        if k == 0 { return QRDecomposition(q: Matrix(rows: m, columns: 0), r: Matrix(rows: 0, columns: n)) }
        var work = a.elements
        var tau = [Double](repeating: 0, count: k)
        try householderQR(&work, rows: m, columns: n, tau: &tau)
        var r = [Double](repeating: 0, count: k * n)
        for j in 0..<n {
            for i in 0...min(j, k - 1) { r[i + j * k] = work[i + j * m] }
        }
        try formQ(&work, rows: m, k: k, tau: tau)
        var q = Array(work.prefix(m * k))
        if nonNegativeDiagonal {
            for i in 0..<k where r[i + i * k] < 0 {
                for j in i..<n { r[i + j * k] = -r[i + j * k] }
                for row in 0..<m { q[row + i * m] = -q[row + i * m] }
            }
        }
        return QRDecomposition(q: matrix(m, k, q), r: matrix(k, n, r))
    }

    /// Replace the columns of an m×n matrix (m ≥ n) by the orthonormal factor Q of its thin QR factorisation, in
    /// place, and return diag(R) — the re-orthonormalisation step of the QR algorithm for Lyapunov exponents
    /// (Benettin et al. 1980, Meccanica 15:9; Engelken, Wolf & Abbott, arXiv 2006.02427), where Σ log|Rᵢᵢ| is
    /// accumulated.
    ///
    /// With `nonNegativeDiagonal` (default) the returned Rᵢᵢ are ≥ 0 and Q's column signs are chosen to match,
    /// so Q varies continuously along a trajectory. No copy of the matrix is made.
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if m < n; ``NumericsError/domain(_:)`` for NaN/∞.
    @discardableResult
    public static func orthonormalizeColumns(_ a: inout Matrix, nonNegativeDiagonal: Bool = true) throws -> [Double] {
        let m = a.rows, n = a.columns
        guard m >= n else {
            throw NumericsError.dimensionMismatch("orthonormalizeColumns: needs rows ≥ columns, got \(m)×\(n)")
        }
        try requireFinite(a, "orthonormalizeColumns: a")
        if n == 0 { return [] }
        var tau = [Double](repeating: 0, count: n)
        var diagonal = [Double](repeating: 0, count: n)
        try householderQR(&a.elements, rows: m, columns: n, tau: &tau)
        for i in 0..<n { diagonal[i] = a.elements[i + i * m] }
        try formQ(&a.elements, rows: m, k: n, tau: tau)
        if nonNegativeDiagonal {
            a.elements.withUnsafeMutableBufferPointer { p in
                for i in 0..<n where diagonal[i] < 0 {
                    diagonal[i] = -diagonal[i]
                    for row in 0..<m { p[row + i * m] = -p[row + i * m] }
                }
            }
        }
        return diagonal
    }

    /// `dgeqrf` on column-major storage with leading dimension `rows`.
    static func householderQR(_ storage: inout [Double], rows m: Int, columns n: Int, tau: inout [Double]) throws {
        NumericsSetup.ensure()
        let m32 = try lapackInt(m, "rows"), n32 = try lapackInt(n, "columns")
        let info = storage.withUnsafeMutableBufferPointer { pa in
            tau.withUnsafeMutableBufferPointer { pt in
                LAPACKE_dgeqrf(columnMajor, m32, n32, pa.baseAddress, m32, pt.baseAddress)
            }
        }
        try check(info, "dgeqrf")
    }

    /// `dorgqr`: overwrite the first k columns of the `dgeqrf` output with the explicit m×k factor Q.
    static func formQ(_ storage: inout [Double], rows m: Int, k: Int, tau: [Double]) throws {
        let m32 = try lapackInt(m, "rows"), k32 = try lapackInt(k, "k")
        let info = storage.withUnsafeMutableBufferPointer { pa in
            tau.withUnsafeBufferPointer { pt in
                LAPACKE_dorgqr(columnMajor, m32, k32, k32, pa.baseAddress, m32, pt.baseAddress)
            }
        }
        try check(info, "dorgqr")
    }
}
