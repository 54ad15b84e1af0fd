import CLAPACKE

/// k orthonormal vectors in ℝⁿ carried through a sequence of linear maps with QR re-orthonormalisation: the
/// core of the QR ("Benettin") algorithm for Lyapunov exponents and of stable products of Jacobians.
///
/// Each step replaces the basis Q by A·Q (``multiply(by:)`` for an explicit n × n matrix, or ``transform(_:)`` for
/// a map applied without forming it); ``renormalize()`` factors the result as Q′R (Householder QR, LAPACK
/// `dgeqrf`/`dorgqr` on preallocated workspaces, so a long run allocates nothing per step), keeps Q′ with
/// R_ii ≥ 0 and records log R_ii — the logarithmic stretch of the i-th direction, whose time average is the
/// i-th Lyapunov exponent (Benettin, Galgani, Giorgilli & Strelcyn 1980, *Meccanica* 15:9 and 15:21; Shimada &
/// Nagashima 1979, *Prog. Theor. Phys.* 61:1605). Keeping the first k columns of a QR of A·Q with k < n is what
/// makes the k leading exponents right: column i only ever mixes with columns before it.
public struct OrthonormalFrame: Sendable {
    /// n.
    public let dimension: Int
    /// k ≤ n.
    public let columnCount: Int
    /// Q (n × k), orthonormal columns after each ``renormalize()``; between renormalisations, the accumulated
    /// products of the maps with the last Q.
    public private(set) var basis: Matrix
    /// log R_ii of the last ``renormalize()`` (−∞ for an exactly zero R_ii).
    public private(set) var logStretches: [Double]
    /// R (k × k, upper triangular, R_ii ≥ 0) of the last ``renormalize()``, when the frame keeps it.
    public private(set) var triangularFactor: Matrix?
    var scratch: Matrix
    var tau: [Double]
    var work: [Double]

    /// A frame starting from a random orthonormal basis: the Q factor of an n × k Gaussian matrix drawn from
    /// `seed` (a Haar-distributed frame; Mezzadri 2007, *Notices AMS* 54:592, with R_ii ≥ 0).
    ///
    /// - Parameter keepsTriangularFactor: keep R of every renormalisation in ``triangularFactor``.
    /// - Throws: ``NumericsError/domain(_:)`` unless 1 ≤ k ≤ n.
    public init(dimension n: Int, columns k: Int, seed: UInt64, keepsTriangularFactor: Bool = false) throws {
        try Self.checkShape(n, k)
        var rng = SeededRandom(seed: seed)
        let start = try Matrix(rows: n, columns: k, columnMajor: rng.gaussians(n * k))
        try self.init(basis: start, keepsTriangularFactor: keepsTriangularFactor)
    }

    /// A frame starting from the first k columns of the identity.
    public init(identityColumns k: Int, dimension n: Int, keepsTriangularFactor: Bool = false) throws {
        try Self.checkShape(n, k)
        var q = Matrix(rows: n, columns: k)
        for i in 0..<k { q.elements[i + i * n] = 1 }
        try self.init(basis: q, keepsTriangularFactor: keepsTriangularFactor)
    }

    /// A frame starting from the orthonormalised columns of `basis` (n × k, k ≤ n, finite).
    public init(basis: Matrix, keepsTriangularFactor: Bool = false) throws {
        let n = basis.rows, k = basis.columns
        try Self.checkShape(n, k)
        dimension = n
        columnCount = k
        self.basis = basis
        scratch = Matrix(rows: n, columns: k)
        logStretches = [Double](repeating: 0, count: k)
        triangularFactor = keepsTriangularFactor ? Matrix(rows: k, columns: k) : nil
        tau = [Double](repeating: 0, count: k)
        work = [Double](repeating: 0, count: try Self.workspaceSize(n, k))
        try renormalize()
        logStretches = [Double](repeating: 0, count: k)
        if keepsTriangularFactor { triangularFactor = Matrix.identity(k) }
    }

    static func checkShape(_ n: Int, _ k: Int) throws {
        guard n >= 1, k >= 1, k <= n else {
            throw NumericsError.domain("OrthonormalFrame: needs 1 ≤ columns ≤ dimension, got \(k) columns in dimension \(n)")
        }
        _ = try LinearAlgebra.lapackInt(n * k, "dimension × columns")
    }

    /// Optimal workspace of `dgeqrf` and `dorgqr` for an n × k matrix (LAPACK workspace query).
    static func workspaceSize(_ n: Int, _ k: Int) throws -> Int {
        NumericsSetup.ensure()
        let n32 = Int32(n), k32 = Int32(k)
        var a = [Double](repeating: 0, count: 1), t = [Double](repeating: 0, count: 1)
        var q1 = [Double](repeating: 0, count: 1), q2 = [Double](repeating: 0, count: 1)
        let info1 = LAPACKE_dgeqrf_work(LinearAlgebra.columnMajor, n32, k32, &a, n32, &t, &q1, -1)
        try LinearAlgebra.check(info1, "dgeqrf (workspace query)")
        let info2 = LAPACKE_dorgqr_work(LinearAlgebra.columnMajor, n32, k32, k32, &a, n32, &t, &q2, -1)
        try LinearAlgebra.check(info2, "dorgqr (workspace query)")
        return max(1, Int(q1[0]), Int(q2[0]), k)
    }

    /// Q ← A·Q for an n × n matrix A (`dgemm` into a preallocated buffer).
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if A is not n × n.
    public mutating func multiply(by a: Matrix) throws {
        guard a.rows == dimension, a.columns == dimension else {
            throw NumericsError.dimensionMismatch(
                "OrthonormalFrame.multiply: a \(a.rows)×\(a.columns) matrix for dimension \(dimension)")
        }
        try BLAS.gemm(a, basis, into: &scratch)
        swap(&basis, &scratch)
    }

    /// Q ← M(Q) for a linear map applied by `body`, which reads the current n × k basis (first argument) and writes
    /// M·Q into the second argument (an n × k buffer of unspecified content; its shape must not change).
    public mutating func transform(_ body: (Matrix, inout Matrix) throws -> Void) throws {
        try body(basis, &scratch)
        guard scratch.rows == dimension, scratch.columns == columnCount else {
            throw NumericsError.dimensionMismatch(
                "OrthonormalFrame.transform: the map wrote a \(scratch.rows)×\(scratch.columns) block, expected \(dimension)×\(columnCount)")
        }
        swap(&basis, &scratch)
    }

    /// Factor the current block as Q′R (R_ii ≥ 0), keep Q′ as the basis, and return log R_ii (also stored in
    /// ``logStretches``).
    ///
    /// - Throws: ``NumericsError/domain(_:)`` if the block has a non-finite entry (a divergent product: the
    ///   maps overflowed before this renormalisation); ``NumericsError/lapack(routine:info:)``.
    @discardableResult
    public mutating func renormalize() throws -> [Double] {
        let n = dimension, k = columnCount
        for (index, v) in basis.elements.enumerated() where !v.isFinite {
            throw NumericsError.domain(
                "OrthonormalFrame: non-finite entry \(v) at (\(index % n), \(index / n)) before re-orthonormalisation (divergent product)")
        }
        NumericsSetup.ensure()
        let n32 = Int32(n), k32 = Int32(k), lwork = Int32(work.count)
        let info1 = basis.elements.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeMutableBufferPointer { t in
                work.withUnsafeMutableBufferPointer { w in
                    LAPACKE_dgeqrf_work(LinearAlgebra.columnMajor, n32, k32, a.baseAddress, n32, t.baseAddress,
                                        w.baseAddress, lwork)
                }
            }
        }
        try LinearAlgebra.check(info1, "dgeqrf")
        // R's diagonal (and the whole triangle if kept), before dorgqr overwrites it.
        for i in 0..<k { logStretches[i] = basis.elements[i + i * n] }
        if var r = triangularFactor {
            triangularFactor = nil  // unique ownership: no copy on write
            for j in 0..<k {
                for i in 0..<k { r.elements[i + j * k] = i <= j ? basis.elements[i + j * n] : 0 }
            }
            triangularFactor = r
        }
        let info2 = basis.elements.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeBufferPointer { t in
                work.withUnsafeMutableBufferPointer { w in
                    LAPACKE_dorgqr_work(LinearAlgebra.columnMajor, n32, k32, k32, a.baseAddress, n32, t.baseAddress,
                                        w.baseAddress, lwork)
                }
            }
        }
        try LinearAlgebra.check(info2, "dorgqr")
        // Signs: R_ii ≥ 0, so that Q varies continuously and log R_ii = log|R_ii|.
        var r = triangularFactor
        triangularFactor = nil
        for i in 0..<k where logStretches[i] < 0 {
            logStretches[i] = -logStretches[i]
            basis.elements.withUnsafeMutableBufferPointer { q in
                for row in 0..<n { q[row + i * n] = -q[row + i * n] }
            }
            if r != nil { for j in i..<k { r!.elements[i + j * k] = -r!.elements[i + j * k] } }
        }
        triangularFactor = r
        for i in 0..<k { logStretches[i] = Double.log(logStretches[i]) }
        return logStretches
    }
}
