/// A column-major matrix view onto algebra storage: element (i, j) lives at `base + i + j·leadingDimension`.
///
/// Views do not own memory: they stay valid while the ``RecurrentTape`` (or other owner) that allocated the
/// storage is alive and has not re-allocated that buffer. Subscripts are bounds-checked only in debug builds
/// (`assert`): views are created by the engine after the public entry points validated every shape.
///
/// Conventions used throughout the engine: a batch of vectors at one time step is a matrix with one *column per
/// sequence* (features × batch); a whole sequence batch is features × (T·B) with time-major column blocks
/// (column t·B + b is sequence b at step t), which is byte-identical to PyTorch's contiguous (T, B, features)
/// tensor. A vector is a matrix with one column.
public struct AlgebraMatrix<A: RecurrentAlgebra> {
    /// Address of element (0, 0).
    public let base: A.Pointer
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Distance between the starts of consecutive columns (≥ rows).
    public let leadingDimension: Int

    /// A view of `rows` × `columns` numbers at `base` with the given leading dimension.
    @inline(__always)
    public init(base: A.Pointer, rows: Int, columns: Int, leadingDimension: Int) {
        assert(rows >= 0 && columns >= 0 && leadingDimension >= max(1, rows), "bad AlgebraMatrix shape")
        self.base = base
        self.rows = rows
        self.columns = columns
        self.leadingDimension = leadingDimension
    }

    /// A contiguous rows × columns view (leading dimension = rows).
    @inline(__always)
    public init(base: A.Pointer, rows: Int, columns: Int) {
        self.init(base: base, rows: rows, columns: columns, leadingDimension: max(1, rows))
    }

    /// Element (i, j).
    @inline(__always)
    public subscript(i: Int, j: Int) -> A.Scalar {
        get {
            assert(i >= 0 && i < rows && j >= 0 && j < columns, "AlgebraMatrix index (\(i), \(j)) out of range")
            return A.load(base, i &+ j &* leadingDimension)
        }
        nonmutating set {
            assert(i >= 0 && i < rows && j >= 0 && j < columns, "AlgebraMatrix index (\(i), \(j)) out of range")
            A.store(newValue, base, i &+ j &* leadingDimension)
        }
    }

    /// Element i of a vector (column 0).
    @inline(__always)
    public subscript(i: Int) -> A.Scalar {
        get { self[i, 0] }
        nonmutating set { self[i, 0] = newValue }
    }

    /// True when the columns follow each other without gaps.
    public var isContiguous: Bool { leadingDimension == rows || columns <= 1 }

    /// The view of columns `range` (e.g. the time steps of a sequence batch).
    @inline(__always)
    public func columns(_ range: Range<Int>) -> AlgebraMatrix {
        assert(range.lowerBound >= 0 && range.upperBound <= columns, "column range out of bounds")
        return AlgebraMatrix(
            base: A.advance(base, by: range.lowerBound * leadingDimension), rows: rows,
            columns: range.count, leadingDimension: leadingDimension)
    }

    /// The view of rows `range` (e.g. one gate of a packed gate matrix); keeps the leading dimension.
    @inline(__always)
    public func rows(_ range: Range<Int>) -> AlgebraMatrix {
        assert(range.lowerBound >= 0 && range.upperBound <= rows, "row range out of bounds")
        return AlgebraMatrix(
            base: A.advance(base, by: range.lowerBound), rows: range.count, columns: columns,
            leadingDimension: leadingDimension)
    }

    /// Columns t·batchSize ..< (t+1)·batchSize: time step t of a time-major sequence batch.
    @inline(__always)
    public func step(_ t: Int, batchSize: Int) -> AlgebraMatrix {
        columns((t * batchSize)..<((t + 1) * batchSize))
    }

    /// Set every element to zero.
    public func setZero() {
        if isContiguous {
            A.setZero(base, count: rows * columns)
        } else {
            for j in 0..<columns { A.setZero(A.advance(base, by: j * leadingDimension), count: rows) }
        }
    }

    /// Overwrite with the elements of `source` (same shape, no overlap).
    public func copy(from source: AlgebraMatrix) {
        precondition(source.rows == rows && source.columns == columns, "copy: shape mismatch")
        if isContiguous && source.isContiguous {
            A.copy(from: source.base, to: base, count: rows * columns)
        } else {
            for j in 0..<columns {
                A.copy(
                    from: A.advance(source.base, by: j * source.leadingDimension),
                    to: A.advance(base, by: j * leadingDimension), count: rows)
            }
        }
    }

    /// self ← α·op(a)·op(b) + β·self through the algebra's `gemm` (`self` must not overlap `a` or `b`).
    @inline(__always)
    public func multiply(
        _ a: AlgebraMatrix, transposeA: Bool = false, _ b: AlgebraMatrix, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(
            k == kb && m == rows && n == columns,
            "multiply: op(A) \(m)×\(k), op(B) \(kb)×\(n), C \(rows)×\(columns)")
        A.gemm(
            transA: transposeA, transB: transposeB, m: m, n: n, k: k, alpha: alpha,
            a: a.base, lda: a.leadingDimension, b: b.base, ldb: b.leadingDimension, beta: beta,
            c: base, ldc: leadingDimension)
    }

    /// vector[i] += Σ_j self[i, j] (e.g. a bias gradient summed over batch and time). `vector` is rows × 1.
    /// Columns are added in order j = 0, 1, … (deterministic), walking memory contiguously.
    public func addRowSums(into vector: AlgebraMatrix) {
        precondition(vector.rows == rows && vector.columns >= 1, "addRowSums: shape mismatch")
        for j in 0..<columns { for i in 0..<rows { vector[i, 0] += self[i, j] } }
    }

    /// self[i, j] = vector[i] for every column (broadcast a bias). `vector` is rows × 1.
    public func fillColumns(with vector: AlgebraMatrix) {
        precondition(vector.rows == rows, "fillColumns: shape mismatch")
        for j in 0..<columns { for i in 0..<rows { self[i, j] = vector[i, 0] } }
    }

    /// self[i, j] += vector[i] for every column. `vector` is rows × 1.
    public func addToColumns(_ vector: AlgebraMatrix) {
        precondition(vector.rows == rows, "addToColumns: shape mismatch")
        for j in 0..<columns { for i in 0..<rows { self[i, j] += vector[i, 0] } }
    }

    /// self[i, j] ← tanh(self[i, j]) (a separate tight loop so the inlined `FastMath` kernel vectorises).
    @inline(__always)
    public func applyTanh() {
        for j in 0..<columns { for i in 0..<rows { self[i, j] = self[i, j].tanh() } }
    }

    /// self[i, j] ← σ(self[i, j]).
    @inline(__always)
    public func applySigmoid() {
        for j in 0..<columns { for i in 0..<rows { self[i, j] = self[i, j].sigmoid() } }
    }

    /// self += other, elementwise.
    public func add(_ other: AlgebraMatrix) {
        precondition(other.rows == rows && other.columns == columns, "add: shape mismatch")
        for j in 0..<columns { for i in 0..<rows { self[i, j] += other[i, j] } }
    }
}
