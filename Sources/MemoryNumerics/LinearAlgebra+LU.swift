import CLAPACKE

/// LU factorisation with partial pivoting P·A = L·U of a square matrix (LAPACK `dgetrf`; GVL §3.4), kept for
/// repeated solves, the determinant and the inverse.
///
/// A factorisation with an exactly zero pivot is still returned (its determinant is 0); solving with it or
/// inverting it throws ``LinearAlgebraError/singular(routine:pivot:)``.
public struct LUFactorization: Sendable, Equatable {
    /// L (unit lower triangular, strictly below the diagonal) and U (upper triangle) packed as `dgetrf` leaves them.
    public let factors: Matrix
    /// LAPACK's 1-based pivot indices: row i was interchanged with row `pivots[i]`.
    public let pivots: [Int32]
    /// The first exactly zero pivot U(k, k) (1-based), or `nil` if U is nonsingular.
    public let firstZeroPivot: Int?

    /// n, the order of A.
    public var order: Int { factors.rows }

    /// Whether U has an exactly zero pivot. (A matrix can be numerically singular without this; see
    /// ``LinearAlgebra/conditionNumber(_:)``.)
    public var isSingular: Bool { firstZeroPivot != nil }

    /// det A = ±Π Uᵢᵢ (1 for an empty matrix). Can overflow or underflow for large n; see ``logAbsDeterminant``.
    public var determinant: Double {
        var d = 1.0
        let n = order
        for i in 0..<n {
            d *= factors.elements[i + i * n]
            if Int(pivots[i]) != i + 1 { d = -d }
        }
        return d
    }

    /// (log|det A|, sign det A), computed as Σ log|Uᵢᵢ| so it stays finite where ``determinant`` overflows;
    /// (−∞, 0) for a singular matrix.
    public var logAbsDeterminant: (logAbs: Double, sign: Double) {
        var logAbs = 0.0, sign = 1.0
        let n = order
        for i in 0..<n {
            let u = factors.elements[i + i * n]
            if u == 0 { return (-.infinity, 0) }
            logAbs += PortableMath.log(abs(u))
            if u < 0 { sign = -sign }
            if Int(pivots[i]) != i + 1 { sign = -sign }
        }
        return (logAbs, sign)
    }

    /// Solve A·X = B (`dgetrs`).
    public func solve(_ b: Matrix) throws -> Matrix {
        try LinearAlgebra.requireRows(b, order, "LUFactorization.solve", "b")
        try LinearAlgebra.requireFinite(b, "LUFactorization.solve: b")
        if let k = firstZeroPivot { throw LinearAlgebraError.singular(routine: "dgetrf", pivot: k) }
        let n = order
        if n == 0 || b.columns == 0 { return b }
        NumericsSetup.ensure()
        let n32 = try LinearAlgebra.lapackInt(n, "n"), r32 = try LinearAlgebra.lapackInt(b.columns, "columns of b")
        var x = b.elements
        let info = factors.elements.withUnsafeBufferPointer { pa in
            pivots.withUnsafeBufferPointer { pp in
                x.withUnsafeMutableBufferPointer { px in
                    LAPACKE_dgetrs(
                        LinearAlgebra.columnMajor, LinearAlgebra.flag("N"), n32, r32, pa.baseAddress, n32,
                        pp.baseAddress, px.baseAddress, n32)
                }
            }
        }
        try LinearAlgebra.check(info, "dgetrs")
        return LinearAlgebra.matrix(b.rows, b.columns, x)
    }

    /// Solve A·x = b (`dgetrs`).
    public func solve(_ b: [Double]) throws -> [Double] {
        guard b.count == order else {
            throw NumericsError.dimensionMismatch(
                "LUFactorization.solve: b has \(b.count) entries, A is \(order)×\(order)")
        }
        return try solve(LinearAlgebra.matrix(b.count, 1, b)).elements
    }

    /// A⁻¹ (`dgetri`).
    public func inverse() throws -> Matrix {
        if let k = firstZeroPivot { throw LinearAlgebraError.singular(routine: "dgetrf", pivot: k) }
        let n = order
        if n == 0 { return Matrix(rows: 0, columns: 0) }
        NumericsSetup.ensure()
        let n32 = try LinearAlgebra.lapackInt(n, "n")
        var a = factors.elements
        let info = a.withUnsafeMutableBufferPointer { pa in
            pivots.withUnsafeBufferPointer { pp in
                LAPACKE_dgetri(LinearAlgebra.columnMajor, n32, pa.baseAddress, n32, pp.baseAddress)
            }
        }
        if info > 0 { throw LinearAlgebraError.singular(routine: "dgetri", pivot: Int(info)) }
        try LinearAlgebra.check(info, "dgetri")
        return LinearAlgebra.matrix(n, n, a)
    }
}

/// Result of a rank-revealing least-squares solve.
public struct LeastSquaresSolution: Sendable, Equatable {
    /// The minimum-norm minimiser X of ‖A·X − B‖_F (n×r).
    public let solution: Matrix
    /// Effective rank: the number of singular values above rcond·σ₁.
    public let rank: Int
    /// Singular values of A, descending.
    public let singularValues: [Double]
}

extension LinearAlgebra {
    /// LU factorisation with partial pivoting of a square matrix (`dgetrf`; LUG §2.3.1, GVL §3.4).
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if A is not square, ``NumericsError/domain(_:)`` for NaN/∞.
    ///   An exactly singular A does not throw here (see ``LUFactorization``).
    public static func lu(_ a: Matrix) throws -> LUFactorization {
        try requireSquare(a, "a", "lu")
        try requireFinite(a, "lu: a")
        let n = a.rows
        if n == 0 { return LUFactorization(factors: a, pivots: [], firstZeroPivot: nil) }
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n")
        var f = a.elements
        var ipiv = [Int32](repeating: 0, count: n)
        let info = f.withUnsafeMutableBufferPointer { pa in
            ipiv.withUnsafeMutableBufferPointer { pp in
                LAPACKE_dgetrf(columnMajor, n32, n32, pa.baseAddress, n32, pp.baseAddress)
            }
        }
        if info < 0 { try check(info, "dgetrf") }
        return LUFactorization(factors: matrix(n, n, f), pivots: ipiv, firstZeroPivot: info > 0 ? Int(info) : nil)
    }

    /// Solve the square system A·X = B (LAPACK `dgesv`, LU with partial pivoting; LUG §2.3.1).
    ///
    /// - Throws: ``LinearAlgebraError/singular(routine:pivot:)`` on an exactly zero pivot;
    ///   ``NumericsError/dimensionMismatch(_:)`` if A is not square or B has the wrong number of rows;
    ///   ``NumericsError/domain(_:)`` for NaN/∞.
    public static func solve(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        try requireSquare(a, "a", "solve")
        try requireRows(b, a.rows, "solve", "b")
        try requireFinite(a, "solve: a")
        try requireFinite(b, "solve: b")
        let n = a.rows
        if n == 0 || b.columns == 0 { return b }
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n"), r32 = try lapackInt(b.columns, "columns of b")
        var f = a.elements
        var x = b.elements
        var ipiv = [Int32](repeating: 0, count: n)
        let info = f.withUnsafeMutableBufferPointer { pa in
            ipiv.withUnsafeMutableBufferPointer { pp in
                x.withUnsafeMutableBufferPointer { px in
                    LAPACKE_dgesv(columnMajor, n32, r32, pa.baseAddress, n32, pp.baseAddress, px.baseAddress, n32)
                }
            }
        }
        if info > 0 { throw LinearAlgebraError.singular(routine: "dgesv", pivot: Int(info)) }
        try check(info, "dgesv")
        return matrix(b.rows, b.columns, x)
    }

    /// Solve the square system A·x = b (`dgesv`).
    public static func solve(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        guard b.count == a.rows else {
            throw NumericsError.dimensionMismatch("solve: b has \(b.count) entries, A is \(a.rows)×\(a.columns)")
        }
        return try solve(a, matrix(b.count, 1, b)).elements
    }

    /// A⁻¹ by LU (`dgetrf` + `dgetri`). Prefer `solve(_:_:)` when the inverse is only applied.
    ///
    /// - Throws: ``LinearAlgebraError/singular(routine:pivot:)`` for an exactly singular A.
    public static func inverse(_ a: Matrix) throws -> Matrix {
        try lu(a).inverse()
    }

    /// det A by LU (`dgetrf`): ±Π Uᵢᵢ; 0 for an exactly singular A.
    public static func determinant(_ a: Matrix) throws -> Double {
        try lu(a).determinant
    }

    /// (log|det A|, sign) by LU, finite where det A itself would overflow; (−∞, 0) for a singular A. For a
    /// symmetric positive definite A, ``CholeskyFactorization/logDeterminant`` is cheaper and more accurate.
    public static func logAbsDeterminant(_ a: Matrix) throws -> (logAbs: Double, sign: Double) {
        try lu(a).logAbsDeterminant
    }

    /// Least squares by Householder QR (LAPACK `dgels`; LUG §2.3.2, GVL §5.3): for m ≥ n the minimiser of
    /// ‖A·X − B‖_F, for m < n the minimum-norm solution of A·X = B. Returns the n×r coefficients.
    ///
    /// A must have full rank; use ``minimumNormLeastSquares(_:_:rcond:)`` for rank-deficient or nearly
    /// collinear designs.
    ///
    /// - Throws: ``LinearAlgebraError/rankDeficient(routine:column:)`` if the triangular factor has an exactly
    ///   zero diagonal element; ``NumericsError/dimensionMismatch(_:)`` if B does not have m rows.
    public static func leastSquares(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        try requireRows(b, a.rows, "leastSquares", "b")
        try requireFinite(a, "leastSquares: a")
        try requireFinite(b, "leastSquares: b")
        let m = a.rows, n = a.columns, r = b.columns
        if r == 0 { return Matrix(rows: n, columns: 0) }
        if n == 0 { return Matrix(rows: 0, columns: r) }
        if m == 0 { return Matrix(rows: n, columns: r) }
        NumericsSetup.ensure()
        let ldb = max(m, n)
        var x = padRows(b, to: ldb)
        var f = a.elements
        let m32 = try lapackInt(m, "rows"), n32 = try lapackInt(n, "columns"), r32 = try lapackInt(r, "columns of b")
        let ldb32 = try lapackInt(ldb, "ldb")
        let info = f.withUnsafeMutableBufferPointer { pa in
            x.withUnsafeMutableBufferPointer { px in
                LAPACKE_dgels(columnMajor, flag("N"), m32, n32, r32, pa.baseAddress, m32, px.baseAddress, ldb32)
            }
        }
        if info > 0 { throw LinearAlgebraError.rankDeficient(routine: "dgels", column: Int(info)) }
        try check(info, "dgels")
        return leadingBlock(x, ld: ldb, rows: n, columns: r)
    }

    /// Least squares for one right-hand side (`dgels`): the coefficient vector β minimising ‖A·β − b‖₂.
    public static func leastSquares(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        guard b.count == a.rows else {
            throw NumericsError.dimensionMismatch("leastSquares: b has \(b.count) entries, A has \(a.rows) rows")
        }
        return try leastSquares(a, matrix(b.count, 1, b)).elements
    }

    /// Minimum-norm least squares by the SVD (LAPACK `dgelsd`, divide and conquer; LUG §2.3.2): singular values
    /// below rcond·σ₁ are treated as zero, so rank-deficient A is handled.
    ///
    /// - Parameters:
    ///   - a: the m×n matrix A (any rank).
    ///   - b: the right-hand sides B, m rows.
    ///   - rcond: relative threshold; `nil` (default) uses ε·max(m, n), numpy's `lstsq` default.
    public static func minimumNormLeastSquares(
        _ a: Matrix, _ b: Matrix, rcond: Double? = nil
    ) throws -> LeastSquaresSolution {
        try requireRows(b, a.rows, "minimumNormLeastSquares", "b")
        try requireFinite(a, "minimumNormLeastSquares: a")
        try requireFinite(b, "minimumNormLeastSquares: b")
        let m = a.rows, n = a.columns, r = b.columns, k = min(m, n)
        let threshold = rcond ?? Double.ulpOfOne * Double(max(m, n))
        guard threshold.isFinite else {
            throw NumericsError.domain("minimumNormLeastSquares: rcond must be finite, got \(threshold)")
        }
        if k == 0 || r == 0 {
            return LeastSquaresSolution(solution: Matrix(rows: n, columns: r), rank: 0, singularValues: [])
        }
        NumericsSetup.ensure()
        let ldb = max(m, n)
        var x = padRows(b, to: ldb)
        var f = a.elements
        var s = [Double](repeating: 0, count: k)
        var rank: Int32 = 0
        let m32 = try lapackInt(m, "rows"), n32 = try lapackInt(n, "columns"), r32 = try lapackInt(r, "columns of b")
        let ldb32 = try lapackInt(ldb, "ldb")
        let info = f.withUnsafeMutableBufferPointer { pa in
            x.withUnsafeMutableBufferPointer { px in
                s.withUnsafeMutableBufferPointer { ps in
                    LAPACKE_dgelsd(
                        columnMajor, m32, n32, r32, pa.baseAddress, m32, px.baseAddress, ldb32,
                        ps.baseAddress, threshold, &rank)
                }
            }
        }
        try check(info, "dgelsd")
        return LeastSquaresSolution(
            solution: leadingBlock(x, ld: ldb, rows: n, columns: r), rank: Int(rank),
            singularValues: s)
    }

    /// B's storage with rows padded by zeros to `rows` (LAPACK least-squares drivers need ldb ≥ max(m, n)).
    static func padRows(_ b: Matrix, to rows: Int) -> [Double] {
        if rows == b.rows { return b.elements }
        var out = [Double](repeating: 0, count: rows * b.columns)
        for j in 0..<b.columns { for i in 0..<b.rows { out[i + j * rows] = b.elements[i + j * b.rows] } }
        return out
    }
}
