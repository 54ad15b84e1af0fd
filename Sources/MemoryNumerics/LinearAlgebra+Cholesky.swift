import CLAPACKE

/// Cholesky factor A = L·Lᵀ of a symmetric positive definite matrix (L lower triangular with positive diagonal),
/// with the solves and quantities it gives cheaply.
public struct CholeskyFactorization: Sendable, Equatable {
    /// The lower-triangular factor L (entries above the diagonal are zero).
    public let lower: Matrix

    /// n, the order of A.
    public var order: Int { lower.rows }

    /// log det A = 2 Σ log Lᵢᵢ (0 for an empty matrix).
    public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<lower.rows { s += PortableMath.log(lower.elements[i + i * lower.rows]) }
        return 2 * s
    }

    /// Solve A·X = B (`dpotrs`); B is n×r.
    public func solve(_ b: Matrix) throws -> Matrix {
        try LinearAlgebra.requireRows(b, order, "CholeskyFactorization.solve", "b")
        try LinearAlgebra.requireFinite(b, "CholeskyFactorization.solve: b")
        var x = b.elements
        try LinearAlgebra.choleskySolve(lower, &x, rightHandSides: b.columns)
        return LinearAlgebra.matrix(b.rows, b.columns, x)
    }

    /// Solve A·x = b (`dpotrs`).
    public func solve(_ b: [Double]) throws -> [Double] {
        guard b.count == order else {
            throw NumericsError.dimensionMismatch(
                "CholeskyFactorization.solve: b has \(b.count) entries, A is \(order)×\(order)")
        }
        try LinearAlgebra.requireFinite(b, "CholeskyFactorization.solve: b")
        var x = b
        try LinearAlgebra.choleskySolve(lower, &x, rightHandSides: 1)
        return x
    }

    /// Solve L·Y = B by forward substitution (`dtrtrs`): with A = Σ, Y = L⁻¹B whitens B (Cov(L⁻¹x) = I for
    /// Cov(x) = Σ), and ‖L⁻¹b‖² = bᵀΣ⁻¹b.
    public func solveLower(_ b: Matrix) throws -> Matrix {
        try triangularSolve(b, transposed: false)
    }

    /// Solve L·y = b by forward substitution (`dtrtrs`).
    public func solveLower(_ b: [Double]) throws -> [Double] {
        try triangularSolve(LinearAlgebra.matrix(b.count, 1, b), transposed: false).elements
    }

    /// Solve Lᵀ·Y = B by back substitution (`dtrtrs`); Lᵀ⁻¹z with z ~ N(0, I) has covariance Σ⁻¹.
    public func solveUpper(_ b: Matrix) throws -> Matrix {
        try triangularSolve(b, transposed: true)
    }

    /// Solve Lᵀ·y = b by back substitution (`dtrtrs`).
    public func solveUpper(_ b: [Double]) throws -> [Double] {
        try triangularSolve(LinearAlgebra.matrix(b.count, 1, b), transposed: true).elements
    }

    /// A⁻¹ from the factor (`dpotri`), symmetric.
    public func inverse() throws -> Matrix {
        let n = order
        if n == 0 { return Matrix(rows: 0, columns: 0) }
        NumericsSetup.ensure()
        let n32 = try LinearAlgebra.lapackInt(n, "n")
        var a = lower.elements
        let info = a.withUnsafeMutableBufferPointer { pa in
            LAPACKE_dpotri(LinearAlgebra.columnMajor, LinearAlgebra.flag("L"), n32, pa.baseAddress, n32)
        }
        if info > 0 { throw LinearAlgebraError.singular(routine: "dpotri", pivot: Int(info)) }
        try LinearAlgebra.check(info, "dpotri")
        for j in 0..<n { for i in 0..<j { a[i + j * n] = a[j + i * n] } }
        return LinearAlgebra.matrix(n, n, a)
    }

    private func triangularSolve(_ b: Matrix, transposed: Bool) throws -> Matrix {
        let routine = transposed ? "CholeskyFactorization.solveUpper" : "CholeskyFactorization.solveLower"
        try LinearAlgebra.requireRows(b, order, routine, "b")
        try LinearAlgebra.requireFinite(b, "\(routine): b")
        if order == 0 || b.columns == 0 { return b }
        NumericsSetup.ensure()
        let n32 = try LinearAlgebra.lapackInt(order, "n"), r32 = try LinearAlgebra.lapackInt(b.columns, "columns of b")
        var x = b.elements
        let info = lower.elements.withUnsafeBufferPointer { pl in
            x.withUnsafeMutableBufferPointer { px in
                LAPACKE_dtrtrs(
                    LinearAlgebra.columnMajor, LinearAlgebra.flag("L"),
                    transposed ? LinearAlgebra.flag("T") : LinearAlgebra.flag("N"), LinearAlgebra.flag("N"),
                    n32, r32, pl.baseAddress, n32, px.baseAddress, n32)
            }
        }
        // info > 0 would mean a zero diagonal entry, impossible for a factor that dpotrf accepted.
        try LinearAlgebra.check(info, "dtrtrs")
        return LinearAlgebra.matrix(b.rows, b.columns, x)
    }
}

extension LinearAlgebra {
    /// Cholesky factorisation A = L·Lᵀ (LAPACK `dpotrf`, lower; LUG §2.3.1, GVL §4.2).
    ///
    /// Only the lower triangle of A is read after checking symmetry: an input whose asymmetry exceeds
    /// `symmetryTolerance`·max|aᵢⱼ| is rejected rather than silently using one triangle.
    ///
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(routine:leadingMinor:)`` naming the first leading minor
    ///   (1-based order) that is not positive; ``NumericsError/dimensionMismatch(_:)`` if A is not square;
    ///   ``NumericsError/domain(_:)`` for NaN/∞ or an asymmetric input.
    public static func cholesky(_ a: Matrix, symmetryTolerance: Double = 1e-8) throws -> CholeskyFactorization {
        try requireSquare(a, "a", "cholesky")
        try requireFinite(a, "cholesky: a")
        let n = a.rows
        if n == 0 { return CholeskyFactorization(lower: Matrix(rows: 0, columns: 0)) }
        var l = try symmetricPart(a, tolerance: symmetryTolerance, routine: "cholesky")
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n")
        let info = l.withUnsafeMutableBufferPointer { pa in
            LAPACKE_dpotrf(columnMajor, flag("L"), n32, pa.baseAddress, n32)
        }
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", leadingMinor: Int(info)) }
        try check(info, "dpotrf")
        for j in 1..<n { for i in 0..<j { l[i + j * n] = 0 } }
        return CholeskyFactorization(lower: matrix(n, n, l))
    }

    /// `dpotrs` with a lower factor; `x` holds B on entry (n×r column-major) and X on return.
    static func choleskySolve(_ lower: Matrix, _ x: inout [Double], rightHandSides r: Int) throws {
        let n = lower.rows
        if n == 0 || r == 0 { return }
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n"), r32 = try lapackInt(r, "right-hand sides")
        let info = lower.elements.withUnsafeBufferPointer { pl in
            x.withUnsafeMutableBufferPointer { px in
                LAPACKE_dpotrs(columnMajor, flag("L"), n32, r32, pl.baseAddress, n32, px.baseAddress, n32)
            }
        }
        try check(info, "dpotrs")
    }

    static func requireRows(_ b: Matrix, _ n: Int, _ routine: String, _ argument: String) throws {
        guard b.rows == n else {
            throw NumericsError.dimensionMismatch(
                "\(routine): \(argument) has \(b.rows) rows (\(b.rows)×\(b.columns)), the system has order \(n)")
        }
    }
}
