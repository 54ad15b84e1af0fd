import CLAPACKE
import Numerics

/// Dense linear algebra over ``Matrix`` and ``ComplexMatrix`` through LAPACKE (column-major, Float64).
///
/// The routines are grouped by concern in the `LinearAlgebra+*.swift` files:
/// eigenproblems (`dgeev`, `zgeev`, `dsyevd`), the real Schur form (`dgees`), the SVD (`dgesdd`), QR
/// (`dgeqrf`/`dorgqr`), Cholesky (`dpotrf`/`dpotrs`/`dtrtrs`), LU solves, inverses and determinants
/// (`dgesv`/`dgetrf`/`dgetri`), least squares (`dgels`, `dgelsd`) and the Stein (discrete Lyapunov) equation.
///
/// Conventions common to every function here:
/// * Inputs are validated before any C call: a NaN or infinite entry throws ``NumericsError/domain(_:)``, shapes
///   that do not fit throw ``NumericsError/dimensionMismatch(_:)``.
/// * Every LAPACK `info ≠ 0` becomes a thrown error: a ``LinearAlgebraError`` when the failure has a meaning a
///   caller may want to act on (singular matrix, matrix not positive definite, rank deficiency), otherwise
///   ``NumericsError/lapack(routine:info:)``.
/// * Inputs are value types: LAPACK overwrites its arguments, so the routine works on its own copy and the caller's
///   matrix is never changed (the `inout` variants, e.g. ``LinearAlgebra/orthonormalizeColumns(_:nonNegativeDiagonal:)``,
///   work in place without a copy).
///
/// Reference: E. Anderson et al., *LAPACK Users' Guide*, 3rd ed., SIAM 1999 (cited below as "LUG");
/// G. H. Golub & C. F. Van Loan, *Matrix Computations*, 4th ed., Johns Hopkins 2013 (cited as "GVL").
public enum LinearAlgebra {}

/// Failures of a linear-algebra routine that carry a meaning beyond "LAPACK returned an error code".
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The Cholesky factorisation stopped: the leading principal minor of order `leadingMinor` (1-based) is not
    /// positive, so the matrix is not positive definite (`dpotrf` `info > 0`).
    case notPositiveDefinite(routine: String, leadingMinor: Int)
    /// The LU factorisation found an exactly zero pivot U(`pivot`, `pivot`) (1-based; `dgetrf`/`dgesv` `info > 0`).
    case singular(routine: String, pivot: Int)
    /// A least-squares problem solved by QR found a zero diagonal element R(`column`, `column`) (1-based):
    /// the matrix does not have full column rank (`dgels` `info > 0`).
    case rankDeficient(routine: String, column: Int)
    /// The Stein equation Σ = WΣWᵀ + Q has a unique bounded (series) solution only for ρ(W) < 1.
    case notStable(spectralRadius: Double)

    public var description: String {
        switch self {
        case let .notPositiveDefinite(routine, minor):
            return "\(routine): matrix is not positive definite (leading minor of order \(minor) is not positive)"
        case let .singular(routine, pivot):
            return "\(routine): matrix is singular (U(\(pivot),\(pivot)) is exactly zero)"
        case let .rankDeficient(routine, column):
            return "\(routine): matrix does not have full column rank (R(\(column),\(column)) is zero)"
        case let .notStable(rho):
            return "Stein equation Σ = WΣWᵀ + Q needs spectral radius ρ(W) < 1, got ρ(W) = \(rho)"
        }
    }
}

// MARK: - Internal helpers shared by the LinearAlgebra files

extension LinearAlgebra {
    /// LAPACKE's column-major layout flag.
    static let columnMajor = Int32(LAPACK_COL_MAJOR)

    /// A LAPACK character argument.
    @inline(__always)
    static func flag(_ c: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: c)) }

    /// A dimension as `lapack_int`, throwing if it does not fit in 32 bits.
    static func lapackInt(_ n: Int, _ what: String) throws -> Int32 {
        guard let v = Int32(exactly: n) else {
            throw NumericsError.domain("\(what) = \(n) exceeds LAPACK's 32-bit integer range")
        }
        return v
    }

    /// Leading dimension for a matrix with `rows` rows (LAPACK requires ≥ 1 even for empty matrices).
    static func leadingDimension(_ rows: Int) throws -> Int32 { try lapackInt(max(1, rows), "leading dimension") }

    /// Throws ``NumericsError/domain(_:)`` naming `argument` if any entry is NaN or infinite.
    static func requireFinite(_ values: [Double], _ argument: String) throws {
        for (k, v) in values.enumerated() where !v.isFinite {
            throw NumericsError.domain("\(argument) has a non-finite entry \(v) at index \(k)")
        }
    }

    static func requireFinite(_ a: Matrix, _ argument: String) throws {
        for (k, v) in a.elements.enumerated() where !v.isFinite {
            let i = a.rows > 0 ? k % a.rows : 0
            let j = a.rows > 0 ? k / a.rows : 0
            throw NumericsError.domain("\(argument) has a non-finite entry \(v) at (\(i), \(j))")
        }
    }

    static func requireFinite(_ a: ComplexMatrix, _ argument: String) throws {
        for (k, v) in a.elements.enumerated() where !(v.real.isFinite && v.imaginary.isFinite) {
            let i = a.rows > 0 ? k % a.rows : 0
            let j = a.rows > 0 ? k / a.rows : 0
            throw NumericsError.domain("\(argument) has a non-finite entry \(v) at (\(i), \(j))")
        }
    }

    static func requireSquare(_ a: Matrix, _ argument: String, _ routine: String) throws {
        guard a.rows == a.columns else {
            throw NumericsError.dimensionMismatch("\(routine): \(argument) must be square, got \(a.rows)×\(a.columns)")
        }
    }

    /// Turn a LAPACK `info` into ``NumericsError/lapack(routine:info:)``.
    @inline(__always)
    static func check(_ info: Int32, _ routine: String) throws {
        if info != 0 { throw NumericsError.lapack(routine: routine, info: info) }
    }

    /// Build a matrix from storage produced here (count already right by construction).
    @inline(__always)
    static func matrix(_ rows: Int, _ columns: Int, _ storage: [Double]) -> Matrix {
        precondition(storage.count == rows * columns, "internal: storage size")
        return Matrix(rows: rows, columns: columns, elementsUnchecked: storage)
    }

    /// The leading `rows × columns` block of column-major storage with leading dimension `ld`.
    static func leadingBlock(_ storage: [Double], ld: Int, rows: Int, columns: Int) -> Matrix {
        if ld == rows { return matrix(rows, columns, Array(storage.prefix(rows * columns))) }
        var out = [Double](repeating: 0, count: rows * columns)
        for j in 0..<columns {
            for i in 0..<rows { out[i + j * rows] = storage[i + j * ld] }
        }
        return matrix(rows, columns, out)
    }
}
