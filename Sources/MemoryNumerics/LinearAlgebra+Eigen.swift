import CLAPACKE
import Numerics

/// Eigenvalues and (optionally) right eigenvectors of a general square matrix: A·vⱼ = λⱼ·vⱼ.
///
/// Eigenvalues come in LAPACK's order (not sorted). For a real matrix, complex conjugate pairs are consecutive
/// with the positive imaginary part first. Each eigenvector column has Euclidean norm 1 and its component of
/// largest modulus real (the normalisation documented for `dgeev`/`zgeev`); eigenvectors of a defective or
/// nearly defective matrix are ill-conditioned and may be nearly parallel.
public struct EigenDecomposition: Sendable, Equatable {
    /// λ₁ … λₙ.
    public let values: [Complex<Double>]
    /// Column j is the right eigenvector of `values[j]`; `nil` when only eigenvalues were requested.
    public let vectors: ComplexMatrix?

    /// max |λⱼ| (0 for an empty matrix).
    public var spectralRadius: Double { values.reduce(0) { max($0, $1.length) } }
}

/// Eigen-decomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix.
public struct SymmetricEigenDecomposition: Sendable, Equatable {
    /// Eigenvalues in ascending order.
    public let values: [Double]
    /// Orthonormal eigenvectors as columns (VᵀV = I), column j belonging to `values[j]`; `nil` when only
    /// eigenvalues were requested.
    public let vectors: Matrix?
}

extension LinearAlgebra {
    /// Eigenvalues and right eigenvectors of a general real square matrix (LAPACK `dgeev`: balancing, Hessenberg
    /// reduction and the shifted QR algorithm; LUG §2.3.4, GVL §7.5).
    ///
    /// LAPACK returns a conjugate pair λ, λ̄ = a ± ib as two consecutive real columns (x, y) of VR; this function
    /// unpacks them into the complex columns v = x + iy (for λ = a + ib) and v̄ = x − iy (for λ̄).
    ///
    /// - Parameters:
    ///   - a: an n×n matrix with finite entries.
    ///   - vectors: compute the eigenvectors (default); `false` returns eigenvalues only (cheaper).
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if `a` is not square, ``NumericsError/domain(_:)`` for
    ///   NaN/∞ entries, ``NumericsError/lapack(routine:info:)`` if the QR algorithm did not converge (`info > 0`).
    public static func eigen(_ a: Matrix, vectors: Bool = true) throws -> EigenDecomposition {
        try requireSquare(a, "a", "eigen")
        try requireFinite(a, "eigen: a")
        let n = a.rows
        if n == 0 { return EigenDecomposition(values: [], vectors: vectors ? ComplexMatrix(rows: 0, columns: 0) : nil) }
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n")
        var work = a.elements
        var wr = [Double](repeating: 0, count: n)
        var wi = [Double](repeating: 0, count: n)
        var vr = [Double](repeating: 0, count: vectors ? n * n : 1)
        let info = work.withUnsafeMutableBufferPointer { pa in
            wr.withUnsafeMutableBufferPointer { pwr in
                wi.withUnsafeMutableBufferPointer { pwi in
                    vr.withUnsafeMutableBufferPointer { pvr in
                        LAPACKE_dgeev(
                            columnMajor, flag("N"), vectors ? flag("V") : flag("N"), n32, pa.baseAddress, n32,
                            pwr.baseAddress, pwi.baseAddress, nil, 1, pvr.baseAddress, vectors ? n32 : 1)
                    }
                }
            }
        }
        try check(info, "dgeev")
        let values = (0..<n).map { Complex(wr[$0], wi[$0]) }
        guard vectors else { return EigenDecomposition(values: values, vectors: nil) }
        var v = ComplexMatrix(rows: n, columns: n)
        var j = 0
        while j < n {
            if wi[j] != 0 && j + 1 < n {
                // Conjugate pair: columns j, j+1 of VR hold Re v and Im v of the eigenvector of wr[j] + i·wi[j].
                for i in 0..<n {
                    let x = vr[i + j * n], y = vr[i + (j + 1) * n]
                    v.elements[i + j * n] = Complex(x, y)
                    v.elements[i + (j + 1) * n] = Complex(x, -y)
                }
                j += 2
            } else {
                for i in 0..<n { v.elements[i + j * n] = Complex(vr[i + j * n], 0) }
                j += 1
            }
        }
        return EigenDecomposition(values: values, vectors: v)
    }

    /// Eigenvalues of a general real square matrix (`dgeev` without vectors).
    public static func eigenvalues(_ a: Matrix) throws -> [Complex<Double>] {
        try eigen(a, vectors: false).values
    }

    /// Spectral radius ρ(A) = max |λⱼ(A)| of a real square matrix, from its `dgeev` eigenvalues.
    ///
    /// For non-normal A, ρ(A) can be much smaller than the spectral norm ‖A‖₂; ρ(A) < 1 is what decides stability of
    /// h_t = A h_{t−1} + …, and ‖Aᵏ‖^{1/k} → ρ(A) (Gelfand's formula; Horn & Johnson 2013, *Matrix Analysis*, 2nd ed.,
    /// §5.6).
    public static func spectralRadius(_ a: Matrix) throws -> Double {
        try eigen(a, vectors: false).spectralRadius
    }

    /// Eigenvalues and right eigenvectors of a general complex square matrix (LAPACK `zgeev`; LUG §2.3.4).
    ///
    /// - Throws: as the real `eigen(_:vectors:)`.
    public static func eigen(_ a: ComplexMatrix, vectors: Bool = true) throws -> EigenDecomposition {
        guard a.rows == a.columns else {
            throw NumericsError.dimensionMismatch("eigen: a must be square, got \(a.rows)×\(a.columns)")
        }
        try requireFinite(a, "eigen: a")
        let n = a.rows
        if n == 0 { return EigenDecomposition(values: [], vectors: vectors ? ComplexMatrix(rows: 0, columns: 0) : nil) }
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n")
        var work = a.elements
        var w = [Complex<Double>](repeating: .zero, count: n)
        var vr = [Complex<Double>](repeating: .zero, count: vectors ? n * n : 1)
        // Complex<Double> is layout-compatible with C's double _Complex (two contiguous Doubles), which LAPACKE
        // imports as an opaque pointer.
        let info = work.withUnsafeMutableBufferPointer { pa in
            w.withUnsafeMutableBufferPointer { pw in
                vr.withUnsafeMutableBufferPointer { pvr in
                    LAPACKE_zgeev(
                        columnMajor, flag("N"), vectors ? flag("V") : flag("N"), n32,
                        OpaquePointer(pa.baseAddress), n32, OpaquePointer(pw.baseAddress), nil, 1,
                        OpaquePointer(pvr.baseAddress), vectors ? n32 : 1)
                }
            }
        }
        try check(info, "zgeev")
        guard vectors else { return EigenDecomposition(values: w, vectors: nil) }
        return EigenDecomposition(values: w, vectors: try ComplexMatrix(rows: n, columns: n, columnMajor: vr))
    }

    /// Eigenvalues of a general complex square matrix (`zgeev` without vectors).
    public static func eigenvalues(_ a: ComplexMatrix) throws -> [Complex<Double>] {
        try eigen(a, vectors: false).values
    }

    /// Eigenvalues (ascending) and orthonormal eigenvectors of a real symmetric matrix (LAPACK `dsyevd`:
    /// tridiagonal reduction and divide and conquer; LUG §2.3.4, GVL §8.4).
    ///
    /// The routine works on the symmetric part ½(A + Aᵀ): an exactly symmetric input is used as is, and a small
    /// asymmetry (e.g. from finite differences) is averaged out rather than one triangle being silently ignored.
    /// An input whose asymmetry exceeds `symmetryTolerance`·max|aᵢⱼ| is rejected.
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if not square, ``NumericsError/domain(_:)`` for NaN/∞ or
    ///   an asymmetric input, ``NumericsError/lapack(routine:info:)`` if the algorithm failed to converge.
    public static func symmetricEigen(
        _ a: Matrix, vectors: Bool = true, symmetryTolerance: Double = 1e-8
    ) throws -> SymmetricEigenDecomposition {
        try requireSquare(a, "a", "symmetricEigen")
        try requireFinite(a, "symmetricEigen: a")
        let n = a.rows
        if n == 0 {
            return SymmetricEigenDecomposition(values: [], vectors: vectors ? Matrix(rows: 0, columns: 0) : nil)
        }
        var work = try symmetricPart(a, tolerance: symmetryTolerance, routine: "symmetricEigen")
        NumericsSetup.ensure()
        let n32 = try lapackInt(n, "n")
        var w = [Double](repeating: 0, count: n)
        let info = work.withUnsafeMutableBufferPointer { pa in
            w.withUnsafeMutableBufferPointer { pw in
                LAPACKE_dsyevd(
                    columnMajor, vectors ? flag("V") : flag("N"), flag("U"), n32, pa.baseAddress, n32,
                    pw.baseAddress)
            }
        }
        try check(info, "dsyevd")
        return SymmetricEigenDecomposition(values: w, vectors: vectors ? matrix(n, n, work) : nil)
    }

    /// Eigenvalues of a real symmetric matrix in ascending order (`dsyevd` without vectors).
    public static func symmetricEigenvalues(_ a: Matrix, symmetryTolerance: Double = 1e-8) throws -> [Double] {
        try symmetricEigen(a, vectors: false, symmetryTolerance: symmetryTolerance).values
    }

    /// ½(A + Aᵀ) as storage, after checking max|aᵢⱼ − aⱼᵢ| ≤ tolerance·max|aᵢⱼ|.
    static func symmetricPart(_ a: Matrix, tolerance: Double, routine: String) throws -> [Double] {
        guard tolerance >= 0, tolerance.isFinite else {
            throw NumericsError.domain("\(routine): symmetryTolerance must be finite and ≥ 0, got \(tolerance)")
        }
        let n = a.rows
        var s = a.elements
        let scale = a.elements.reduce(0) { max($0, abs($1)) }
        var worst = 0.0, worstI = 0, worstJ = 0
        for j in 0..<n {
            for i in 0..<j {
                let x = s[i + j * n], y = s[j + i * n]
                let d = abs(x - y)
                if d > worst { worst = d; worstI = i; worstJ = j }
                let m = 0.5 * (x + y)
                s[i + j * n] = m
                s[j + i * n] = m
            }
        }
        if worst > tolerance * scale {
            throw NumericsError.domain(
                "\(routine): matrix is not symmetric: |a[\(worstI),\(worstJ)] − a[\(worstJ),\(worstI)]| = \(worst) "
                    + "exceeds symmetryTolerance·max|a| = \(tolerance * scale)")
        }
        return s
    }
}
