import Numerics

/// A dense real matrix stored column-major, so its storage can be handed to BLAS and LAPACK without copies.
///
/// Element (i, j) (0-based) lives at `elements[i + j * rows]`. Subscripts check their bounds with a
/// precondition: they are for library-internal indexing; code that handles user input validates shapes first.
public struct Matrix: Equatable, Sendable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    /// Column-major storage, `rows * columns` values.
    public var elements: [Double]

    /// A matrix of zeros (or `value`).
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows
        self.columns = columns
        self.elements = [Double](repeating: value, count: rows * columns)
    }

    /// Wrap column-major storage; throws if the count does not match.
    public init(rows: Int, columns: Int, columnMajor: [Double]) throws {
        guard rows >= 0, columns >= 0, columnMajor.count == rows * columns else {
            throw NumericsError.dimensionMismatch(
                "\(columnMajor.count) values for a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.elements = columnMajor
    }

    /// Build from rows given as nested arrays (convenient in tests); throws on ragged input.
    public init(_ rowArrays: [[Double]]) throws {
        let r = rowArrays.count
        let c = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == c }) else {
            throw NumericsError.dimensionMismatch("ragged rows")
        }
        self.init(rows: r, columns: c)
        for i in 0..<r { for j in 0..<c { elements[i + j * r] = rowArrays[i][j] } }
    }

    /// The n×n identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i + i * n] = 1 }
        return m
    }

    /// A diagonal matrix.
    public static func diagonal(_ d: [Double]) -> Matrix {
        var m = Matrix(rows: d.count, columns: d.count)
        for i in d.indices { m.elements[i + i * d.count] = d[i] }
        return m
    }

    /// A column vector (n×1).
    public static func column(_ v: [Double]) -> Matrix {
        Matrix(rows: v.count, columns: 1, elementsUnchecked: v)
    }

    init(rows: Int, columns: Int, elementsUnchecked: [Double]) {
        self.rows = rows
        self.columns = columns
        self.elements = elementsUnchecked
    }

    @inline(__always)
    public subscript(i: Int, j: Int) -> Double {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
            return elements[i + j * rows]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
            elements[i + j * rows] = newValue
        }
    }

    public var isSquare: Bool { rows == columns }

    /// Column j as an array.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row i as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { elements[i + $0 * rows] }
    }

    /// Replace column j.
    public mutating func setColumn(_ j: Int, _ v: [Double]) {
        precondition(v.count == rows)
        for i in 0..<rows { elements[i + j * rows] = v[i] }
    }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] } }
        return t
    }

    /// The diagonal entries.
    public var diagonalEntries: [Double] { (0..<min(rows, columns)).map { elements[$0 + $0 * rows] } }

    public var trace: Double { diagonalEntries.reduce(0, +) }

    /// Frobenius norm.
    public var frobeniusNorm: Double { elements.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// Rows as nested arrays.
    public var rowArrays: [[Double]] { (0..<rows).map { row($0) } }

    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns)
        var c = a
        for k in c.elements.indices { c.elements[k] += b.elements[k] }
        return c
    }

    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns)
        var c = a
        for k in c.elements.indices { c.elements[k] -= b.elements[k] }
        return c
    }

    public static func * (s: Double, a: Matrix) -> Matrix {
        var c = a
        for k in c.elements.indices { c.elements[k] *= s }
        return c
    }

    public var description: String {
        rowArrays.map { $0.map { "\($0)" }.joined(separator: " ") }.joined(separator: "\n")
    }
}

/// A dense complex matrix stored column-major as `Complex<Double>` (layout-compatible with C's `double _Complex`
/// and LAPACK's `lapack_complex_double`).
public struct ComplexMatrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    public var elements: [Complex<Double>]

    public init(rows: Int, columns: Int, repeating value: Complex<Double> = .zero) {
        precondition(rows >= 0 && columns >= 0, "negative matrix dimension")
        self.rows = rows
        self.columns = columns
        self.elements = [Complex<Double>](repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, columnMajor: [Complex<Double>]) throws {
        guard rows >= 0, columns >= 0, columnMajor.count == rows * columns else {
            throw NumericsError.dimensionMismatch(
                "\(columnMajor.count) values for a \(rows)×\(columns) complex matrix")
        }
        self.rows = rows
        self.columns = columns
        self.elements = columnMajor
    }

    /// Promote a real matrix.
    public init(_ real: Matrix) {
        self.rows = real.rows
        self.columns = real.columns
        self.elements = real.elements.map { Complex($0, 0) }
    }

    @inline(__always)
    public subscript(i: Int, j: Int) -> Complex<Double> {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
            return elements[i + j * rows]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "matrix index out of range")
            elements[i + j * rows] = newValue
        }
    }

    public func column(_ j: Int) -> [Complex<Double>] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Real parts.
    public var real: Matrix {
        Matrix(rows: rows, columns: columns, elementsUnchecked: elements.map { $0.real })
    }

    /// Imaginary parts.
    public var imaginary: Matrix {
        Matrix(rows: rows, columns: columns, elementsUnchecked: elements.map { $0.imaginary })
    }

    /// Conjugate transpose.
    public var adjoint: ComplexMatrix {
        var t = ComplexMatrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows].conjugate } }
        return t
    }
}
