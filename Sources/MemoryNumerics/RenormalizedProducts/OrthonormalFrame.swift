import CLAPACKE

/// k orthonormal vectors in ℝⁿ carried through a sequence of linear maps with QR re-orthonormalisation: the
/// core of the QR ("Benettin") algorithm for Lyapunov exponents and of stable products of Jacobians.
///
/// Each step replaces the basis Q by A·Q (``multiply(by:)`` for an explicit n × n matrix, or ``transform(_:)`` for
/// a map applied without forming it); ``renormalize()`` factors the result as Q′R by Householder QR, keeps Q′ with
/// R_ii ≥ 0 and records log R_ii — the logarithmic stretch of the i-th direction, whose time average is the i-th
/// Lyapunov exponent (Benettin, Galgani, Giorgilli & Strelcyn 1980, *Meccanica* 15:9 and 15:21; Shimada &
/// Nagashima 1979, *Prog. Theor. Phys.* 61:1605). Keeping the first k columns of a QR of A·Q with k < n is what
/// makes the k leading exponents right: column i only ever mixes with columns before it.
///
/// Implementation: LAPACK's compact-WY Householder QR (`dgeqrt`; Schreiber & Van Loan 1989, *SIAM J. Sci. Stat.
/// Comput.* 10:53) on preallocated workspaces, so a long run allocates nothing per step. After a
/// renormalisation Q′ is kept in factored form (reflectors and the triangular T of the WY representation); the
/// next ``multiply(by:)`` with k = n applies Q′ from the right to A (`dgemqrt`), which costs less than forming Q′
/// and multiplying; otherwise Q′ is formed explicitly first (`dgemqrt` on the first k columns of the identity).
public struct OrthonormalFrame: Sendable {
    /// n.
    public let dimension: Int
    /// k ≤ n.
    public let columnCount: Int
    /// log R_ii of the last ``renormalize()`` (−∞ for an exactly zero R_ii).
    public private(set) var logStretches: [Double]
    /// R (k × k, upper triangular, R_ii ≥ 0) of the last ``renormalize()``, when the frame keeps it.
    public private(set) var triangularFactor: Matrix?
    /// The basis (explicit), or the `dgeqrt` output (reflectors below the diagonal) when `factored`.
    var storage: Matrix
    var scratch: Matrix
    var factored = false
    /// sign(R_ii) of the last factorisation: Q′ = (H_1 ⋯ H_k)·diag(signs).
    var signs: [Double]
    /// The nb × k triangular factors of the compact WY representation.
    var wyFactor: [Double]
    var work: [Double]
    let blockSize: Int
    /// An n × n buffer for ``multiply(byMatrixWrittenBy:)`` between renormalisations (allocated on first use).
    var spare: Matrix? = nil

    /// A frame starting from a random orthonormal basis: the Q factor of an n × k Gaussian matrix drawn from
    /// `seed` (a Haar-distributed frame; Mezzadri 2007, *Notices AMS* 54:592, with R_ii ≥ 0).
    ///
    /// - Parameters:
    ///   - n: the dimension of the space.
    ///   - k: the number of frame vectors (columns), 1 ≤ k ≤ n.
    ///   - seed: the seed of the Gaussian draw.
    ///   - keepsTriangularFactor: keep R of every renormalisation in ``triangularFactor``.
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
        blockSize = min(32, k)
        storage = basis
        scratch = Matrix(rows: n, columns: k)
        logStretches = [Double](repeating: 0, count: k)
        triangularFactor = keepsTriangularFactor ? Matrix(rows: k, columns: k) : nil
        signs = [Double](repeating: 1, count: k)
        wyFactor = [Double](repeating: 0, count: blockSize * k)
        work = [Double](repeating: 0, count: blockSize * n)
        try renormalize()
        try materialize()
        logStretches = [Double](repeating: 0, count: k)
        if keepsTriangularFactor { triangularFactor = Matrix.identity(k) }
    }

    static func checkShape(_ n: Int, _ k: Int) throws {
        guard n >= 1, k >= 1, k <= n else {
            throw NumericsError.domain(
                "OrthonormalFrame: needs 1 ≤ columns ≤ dimension, got \(k) columns in dimension \(n)")
        }
        _ = try LinearAlgebra.lapackInt(n * max(n, k), "dimension²")
    }

    /// Q (n × k): orthonormal columns after each ``renormalize()``; between renormalisations, the accumulated
    /// products of the maps with the last Q. (Forms Q from its factored representation if needed, on a copy.)
    public var basis: Matrix {
        guard factored else { return storage }
        var copy = self
        // Forming Q cannot fail for a frame whose factorisation succeeded.
        do { try copy.materialize() } catch { preconditionFailure("OrthonormalFrame: forming Q failed: \(error)") }
        return copy.storage
    }

    /// Q ← A·Q for an n × n matrix A.
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if A is not n × n.
    public mutating func multiply(by a: Matrix) throws {
        let n = dimension
        guard a.rows == n, a.columns == n else {
            throw NumericsError.dimensionMismatch(
                "OrthonormalFrame.multiply: a \(a.rows)×\(a.columns) matrix for dimension \(n)")
        }
        if factored && columnCount == n {
            scratch.elements.withUnsafeMutableBufferPointer { c in
                a.elements.withUnsafeBufferPointer { src in c.baseAddress!.update(from: src.baseAddress!, count: n * n)
                }
            }
            try multiplyScratchFromRight()
            return
        }
        try materialize()
        try BLAS.gemm(a, storage, into: &scratch)
        swap(&storage, &scratch)
    }

    /// Q ← A·Q for an n × n matrix A that `write` writes into the buffer it is given (n × n, contents unspecified)
    /// — for a Jacobian with a closed form, which is then formed where the product needs it, without a copy.
    ///
    /// With all n columns and a factored Q (right after ``renormalize()``) the reflectors are applied to A from
    /// the right in place; otherwise A is formed in a temporary and multiplied.
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if `write` changes the buffer's shape; errors of `write`.
    public mutating func multiply(byMatrixWrittenBy write: (inout Matrix) throws -> Void) throws {
        let n = dimension
        guard factored && columnCount == n else {
            // Explicit Q: A is written into a kept n × n buffer and multiplied.
            try materialize()
            var a = spare ?? Matrix(rows: n, columns: n)
            spare = nil
            try write(&a)
            try multiply(by: a)
            spare = a
            return
        }
        try write(&scratch)
        guard scratch.rows == n, scratch.columns == n else {
            throw NumericsError.dimensionMismatch(
                "OrthonormalFrame.multiply: the matrix written is \(scratch.rows)×\(scratch.columns), expected \(n)×\(n)"
            )
        }
        try multiplyScratchFromRight()
    }

    /// storage ← scratch·Q′ = scratch·(H_1 ⋯ H_n)·diag(signs), applying the reflectors from the right (k = n,
    /// factored).
    private mutating func multiplyScratchFromRight() throws {
        try Self.applyReflectors(
            side: "R", reflectors: storage, wy: wyFactor, blockSize: blockSize, work: &work,
            to: &scratch)
        flipColumns(&scratch, rows: dimension)
        swap(&storage, &scratch)
        factored = false
    }

    /// Q ← M(Q) for a linear map applied by `body`, which reads the current n × k basis (first argument) and writes
    /// M·Q into the second argument (an n × k buffer of unspecified content; its shape must not change).
    public mutating func transform(_ body: (Matrix, inout Matrix) throws -> Void) throws {
        try materialize()
        try body(storage, &scratch)
        guard scratch.rows == dimension, scratch.columns == columnCount else {
            throw NumericsError.dimensionMismatch(
                "OrthonormalFrame.transform: the map wrote a \(scratch.rows)×\(scratch.columns) block, expected \(dimension)×\(columnCount)"
            )
        }
        swap(&storage, &scratch)
    }

    /// Factor the current block as Q′R (R_ii ≥ 0), keep Q′ as the basis, and return log R_ii (also stored in
    /// ``logStretches``).
    ///
    /// - Throws: ``NumericsError/domain(_:)`` if the block has a non-finite entry (a divergent product: the
    ///   maps overflowed before this renormalisation); ``NumericsError/lapack(routine:info:)``.
    @discardableResult
    public mutating func renormalize() throws -> [Double] {
        let n = dimension, k = columnCount
        try materialize()
        // One vectorisable pass (x·0 is NaN exactly for a non-finite x); the entry is located only on failure.
        let probe = storage.elements.withUnsafeBufferPointer { p in
            var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
            var i = 0
            while i + 4 <= p.count {
                a0 += p[i] * 0
                a1 += p[i + 1] * 0
                a2 += p[i + 2] * 0
                a3 += p[i + 3] * 0
                i += 4
            }
            while i < p.count {
                a0 += p[i] * 0
                i += 1
            }
            return a0 + a1 + a2 + a3
        }
        if !probe.isFinite, let index = storage.elements.firstIndex(where: { !$0.isFinite }) {
            let v = storage.elements[index]
            throw NumericsError.domain(
                "OrthonormalFrame: non-finite entry \(v) at (\(index % n), \(index / n)) before re-orthonormalisation (divergent product)"
            )
        }
        NumericsSetup.ensure()
        let n32 = Int32(n), k32 = Int32(k), nb32 = Int32(blockSize)
        let info = storage.elements.withUnsafeMutableBufferPointer { a in
            wyFactor.withUnsafeMutableBufferPointer { t in
                work.withUnsafeMutableBufferPointer { w in
                    LAPACKE_dgeqrt_work(
                        LinearAlgebra.columnMajor, n32, k32, nb32, a.baseAddress, n32, t.baseAddress,
                        nb32, w.baseAddress)
                }
            }
        }
        try LinearAlgebra.check(info, "dgeqrt")
        for i in 0..<k {
            let r = storage.elements[i + i * n]
            signs[i] = r < 0 ? -1 : 1
            logStretches[i] = Double.log(abs(r))
        }
        if var r = triangularFactor {
            triangularFactor = nil  // unique ownership: no copy on write
            for j in 0..<k {
                for i in 0..<k { r.elements[i + j * k] = i <= j ? signs[i] * storage.elements[i + j * n] : 0 }
            }
            triangularFactor = r
        }
        factored = true
        return logStretches
    }

    /// Replace the factored representation by the explicit Q′ = (H_1 ⋯ H_k)[:, :k]·diag(signs).
    mutating func materialize() throws {
        guard factored else { return }
        let n = dimension, k = columnCount
        scratch.elements.withUnsafeMutableBufferPointer { c in
            c.update(repeating: 0)
            for i in 0..<k { c[i + i * n] = 1 }
        }
        try Self.applyReflectors(
            side: "L", reflectors: storage, wy: wyFactor, blockSize: blockSize, work: &work,
            to: &scratch)
        flipColumns(&scratch, rows: n)
        swap(&storage, &scratch)
        factored = false
    }

    /// C ← Q·C (side "L") or C ← C·Q (side "R") with Q = H_1 ⋯ H_k from the factored `reflectors` (`dgemqrt`).
    static func applyReflectors(
        side: Unicode.Scalar, reflectors: Matrix, wy: [Double], blockSize nb: Int, work: inout [Double],
        to c: inout Matrix
    ) throws {
        let k = reflectors.columns
        let info = reflectors.elements.withUnsafeBufferPointer { v in
            wy.withUnsafeBufferPointer { t in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    work.withUnsafeMutableBufferPointer { pw in
                        LAPACKE_dgemqrt_work(
                            LinearAlgebra.columnMajor, LinearAlgebra.flag(side), LinearAlgebra.flag("N"),
                            Int32(c.rows), Int32(c.columns), Int32(k), Int32(nb), v.baseAddress,
                            Int32(reflectors.rows), t.baseAddress, Int32(nb), pc.baseAddress,
                            Int32(c.rows), pw.baseAddress)
                    }
                }
            }
        }
        try LinearAlgebra.check(info, "dgemqrt")
    }

    /// Multiply column i by signs[i] (the first k columns).
    func flipColumns(_ c: inout Matrix, rows n: Int) {
        c.elements.withUnsafeMutableBufferPointer { p in
            for i in 0..<columnCount where signs[i] < 0 {
                for row in 0..<n { p[row + i * n] = -p[row + i * n] }
            }
        }
    }
}
