/// A real symmetric linear operator A: ℝⁿ → ℝⁿ known only through its products with vectors ("matrix-free"):
/// a loss Hessian through Hessian-vector products, a Gauss–Newton or Fisher matrix through Jacobian products, or
/// an explicit matrix (``DenseSymmetricOperator``).
///
/// The Krylov tools of this module — ``Lanczos``, ``StochasticTrace``, ``StochasticDiagonal`` and
/// ``StochasticLanczosQuadrature`` — take any conforming type. They rely on symmetry (Aᵀ = A) without checking
/// it on every product; ``symmetryDefect(seed:)`` measures it for a given operator.
///
/// Conformers implement ``dimension`` and ``apply(_:)-([Double])``; an operator that can multiply several vectors
/// at once more cheaply than one by one (a dense matrix through level-3 BLAS, a batched network pass) also
/// overrides ``apply(_:)-(Matrix)``. Products must be deterministic: the same vector gives the same bytes.
public protocol SymmetricLinearOperator: Sendable {
    /// n, the length of the vectors the operator acts on.
    var dimension: Int { get }
    /// A·v for a vector of length ``dimension``.
    func apply(_ vector: [Double]) throws -> [Double]
    /// A·V for an n × k block of column vectors (default: column by column through ``apply(_:)-([Double])``).
    func apply(_ block: Matrix) throws -> Matrix
}

extension SymmetricLinearOperator {
    public func apply(_ block: Matrix) throws -> Matrix {
        try OperatorChecks.block(block, dimension: dimension)
        var out = Matrix(rows: block.rows, columns: block.columns)
        for j in 0..<block.columns {
            let y = try OperatorChecks.product(apply(block.column(j)), dimension: dimension)
            out.setColumn(j, y)
        }
        return out
    }

    /// The n × n matrix of the operator, column j = A·e_j (n products, applied in blocks of `blockSize` columns),
    /// together with its symmetric part ½(A + Aᵀ) and the relative asymmetry ‖A − Aᵀ‖_F/‖A‖_F (rounding level for
    /// an exactly symmetric operator; a large value reveals an operator that is not symmetric).
    ///
    /// - Parameters:
    ///   - blockSize: columns of the identity applied per block product (≥ 1).
    ///   - maximumDimension: refuse operators larger than this (n² doubles are allocated).
    /// - Throws: ``NumericsError/domain(_:)`` if n exceeds `maximumDimension` or a product is not finite.
    public func denseMatrix(blockSize: Int = 32, maximumDimension: Int = 8192) throws -> DenseOperatorMatrix {
        let n = dimension
        guard n <= maximumDimension else {
            throw NumericsError.domain(
                "denseMatrix: dimension \(n) exceeds maximumDimension \(maximumDimension) (n² = \(n * n) doubles)")
        }
        guard blockSize >= 1 else { throw NumericsError.domain("denseMatrix: blockSize must be ≥ 1, got \(blockSize)") }
        var columns = Matrix(rows: n, columns: n)
        var start = 0
        while start < n {
            let width = min(blockSize, n - start)
            var e = Matrix(rows: n, columns: width)
            for j in 0..<width { e.elements[(start + j) + j * n] = 1 }
            let product = try apply(e)
            guard product.rows == n, product.columns == width else {
                throw NumericsError.dimensionMismatch(
                    "denseMatrix: operator returned \(product.rows)×\(product.columns) for an \(n)×\(width) block")
            }
            try OperatorChecks.finite(product.elements, "denseMatrix: operator product")
            for j in 0..<width {
                for i in 0..<n { columns.elements[i + (start + j) * n] = product.elements[i + j * n] }
            }
            start += width
        }
        var symmetric = columns
        var difference = 0.0, norm = 0.0
        for j in 0..<n {
            for i in 0..<n {
                let a = columns.elements[i + j * n], b = columns.elements[j + i * n]
                symmetric.elements[i + j * n] = 0.5 * (a + b)
                difference += (a - b) * (a - b)
                norm += a * a
            }
        }
        return DenseOperatorMatrix(
            columns: columns, symmetrized: symmetric,
            relativeAsymmetry: norm > 0 ? (difference / norm).squareRoot() : 0)
    }

    /// |uᵀ(Av) − vᵀ(Au)| / (‖u‖‖Av‖ + ‖v‖‖Au‖) for two random Gaussian vectors drawn from `seed`: rounding level
    /// (≈ 1e-16) for a symmetric operator, O(1) for a non-symmetric one. Costs two products.
    public func symmetryDefect(seed: UInt64 = 0) throws -> Double {
        var rng = SeededRandom(seed: seed)
        let u = rng.gaussians(dimension), v = rng.gaussians(dimension)
        let au = try OperatorChecks.product(apply(u), dimension: dimension)
        let av = try OperatorChecks.product(apply(v), dimension: dimension)
        let a = try BLAS.dot(u, av), b = try BLAS.dot(v, au)
        let scale = BLAS.norm(u) * BLAS.norm(av) + BLAS.norm(v) * BLAS.norm(au)
        return scale > 0 ? abs(a - b) / scale : 0
    }
}

/// The explicit matrix of a ``SymmetricLinearOperator`` (see
/// ``SymmetricLinearOperator/denseMatrix(blockSize:maximumDimension:)``).
public struct DenseOperatorMatrix: Sendable, Equatable {
    /// Column j = A·e_j, exactly as the operator returned it (not symmetrised).
    public let columns: Matrix
    /// ½(A + Aᵀ): the symmetric matrix to decompose.
    public let symmetrized: Matrix
    /// ‖A − Aᵀ‖_F / ‖A‖_F.
    public let relativeAsymmetry: Double
}

/// A symmetric matrix as a ``SymmetricLinearOperator``; products by BLAS `dgemv` / `dgemm`.
public struct DenseSymmetricOperator: SymmetricLinearOperator, Equatable {
    /// The symmetric matrix (the symmetric part ½(A + Aᵀ) of the matrix given to the initialiser).
    public let matrix: Matrix

    /// Wrap a square matrix with finite entries. Its symmetric part ½(A + Aᵀ) is used; an asymmetry larger than
    /// `symmetryTolerance`·max|aᵢⱼ| is rejected.
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` if not square, ``NumericsError/domain(_:)`` for a
    ///   non-finite entry or an asymmetric matrix.
    public init(_ matrix: Matrix, symmetryTolerance: Double = 1e-8) throws {
        try LinearAlgebra.requireSquare(matrix, "matrix", "DenseSymmetricOperator")
        try LinearAlgebra.requireFinite(matrix, "DenseSymmetricOperator: matrix")
        let storage = try LinearAlgebra.symmetricPart(
            matrix, tolerance: symmetryTolerance,
            routine: "DenseSymmetricOperator")
        self.matrix = LinearAlgebra.matrix(matrix.rows, matrix.columns, storage)
    }

    public var dimension: Int { matrix.rows }

    public func apply(_ vector: [Double]) throws -> [Double] {
        try OperatorChecks.vector(vector, dimension: dimension)
        var y = [Double](repeating: 0, count: dimension)
        try BLAS.gemv(matrix, vector, into: &y)
        return y
    }

    public func apply(_ block: Matrix) throws -> Matrix {
        try OperatorChecks.block(block, dimension: dimension)
        var out = Matrix(rows: dimension, columns: block.columns)
        try BLAS.gemm(matrix, block, into: &out)
        return out
    }
}

/// A symmetric operator given by a closure computing A·v (e.g. a composition of other operators, or a shifted
/// operator A + cI). The closure must be symmetric, deterministic and thread-safe.
public struct ClosureSymmetricOperator: SymmetricLinearOperator {
    /// n.
    public let dimension: Int
    let product: @Sendable ([Double]) throws -> [Double]

    /// An operator of size `dimension` whose product with v is `product(v)`.
    public init(dimension: Int, product: @escaping @Sendable ([Double]) throws -> [Double]) throws {
        guard dimension >= 0 else {
            throw NumericsError.domain("ClosureSymmetricOperator: dimension must be ≥ 0, got \(dimension)")
        }
        self.dimension = dimension
        self.product = product
    }

    public func apply(_ vector: [Double]) throws -> [Double] {
        try OperatorChecks.vector(vector, dimension: dimension)
        return try OperatorChecks.product(product(vector), dimension: dimension)
    }
}

/// Shared argument checks of the matrix-free tools.
enum OperatorChecks {
    static func vector(_ v: [Double], dimension n: Int, _ name: String = "vector") throws {
        guard v.count == n else {
            throw NumericsError.dimensionMismatch("\(name) has \(v.count) entries, the operator has dimension \(n)")
        }
    }

    static func block(_ b: Matrix, dimension n: Int) throws {
        guard b.rows == n else {
            throw NumericsError.dimensionMismatch("block has \(b.rows) rows, the operator has dimension \(n)")
        }
    }

    /// The product returned by an operator: right length and finite.
    static func product(_ y: [Double], dimension n: Int) throws -> [Double] {
        guard y.count == n else {
            throw NumericsError.dimensionMismatch("operator returned \(y.count) entries for dimension \(n)")
        }
        try finite(y, "operator product")
        return y
    }

    static func finite(_ values: [Double], _ what: String) throws {
        for (k, v) in values.enumerated() where !v.isFinite {
            throw NumericsError.domain("\(what) has a non-finite entry \(v) at index \(k)")
        }
    }

    static func positive(_ value: Int, _ argument: String) throws {
        guard value >= 1 else { throw NumericsError.domain("\(argument) must be ≥ 1, got \(value)") }
    }
}
