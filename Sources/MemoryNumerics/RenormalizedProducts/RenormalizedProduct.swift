/// A long product of n × n matrices P_m = A_m ⋯ A_2 A_1 held in a form that never over- or underflows and from
/// which its singular values come out with high relative accuracy, even when they span thousands of orders of
/// magnitude (e.g. ‖∂h_t/∂h_k‖ over hundreds of steps of a vanishing or exploding recurrent network).
///
/// Representation: P_m = Q_m·diag(e^{ℓ_1}, …, e^{ℓ_n})·U_m with Q_m orthogonal (carried by an
/// ``OrthonormalFrame``: A_m Q_{m−1} = Q_m R_m), and the triangular product R_m ⋯ R_1 kept as row scales e^{ℓ_i}
/// times an upper-triangular U_m with unit-norm rows. Each factor updates the rows of the triangular product in
/// scaled arithmetic, so the raw product (whose entries may be 1e±1000) is never formed. This is the
/// "QR-renormalised product" of the discrete QR method (Dieci, Russell & Van Vleck 1997, *SIAM J. Numer. Anal.*
/// 34:402; Stewart 1997, "On the decomposition of products of matrices") extended by the graded triangular factor.
///
/// Singular values: because left rotations of the rows do not change singular values, a one-sided Jacobi
/// iteration on the rows (Hestenes 1958; Demmel & Veselić 1992, *SIAM J. Matrix Anal. Appl.* 13:1204) run in the
/// same scaled arithmetic (see ``logSingularValues()``) gives log σ_i(P_m) to a relative accuracy of about
/// ε·κ(U_m) on σ_i — independent of the grading e^{ℓ_i} — rather than the ε·σ_max absolute accuracy of an SVD of the
/// raw product.
public struct RenormalizedProduct: Sendable {
    /// n.
    public let dimension: Int
    /// m, the number of factors multiplied so far.
    public private(set) var factorCount = 0
    var frame: OrthonormalFrame
    /// ℓ_i, the log scale of row i of the triangular product (−∞ for an exactly zero row).
    var logScales: [Double]
    /// Uᵀ: column i holds row i of U (unit norm, zero before entry i).
    var rowsTransposed: Matrix
    var coefficients: Matrix
    var updated: Matrix

    /// The empty product (the identity) of n × n matrices.
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for n < 1.
    public init(dimension n: Int) throws {
        frame = try OrthonormalFrame(identityColumns: n, dimension: n, keepsTriangularFactor: true)
        dimension = n
        logScales = [Double](repeating: 0, count: n)
        rowsTransposed = Matrix.identity(n)
        coefficients = Matrix(rows: n, columns: n)
        updated = Matrix(rows: n, columns: n)
    }

    /// log|det P_m| = Σ over the factors of Σ_i log R_ii (−∞ if P_m is singular).
    public private(set) var logAbsDeterminant = 0.0

    /// The orthogonal factor Q_m (n × n): P_m = Q_m·(triangular product).
    public var orthogonalFactor: Matrix { frame.basis }

    /// P ← A·P for an n × n matrix A with finite entries.
    ///
    /// - Throws: ``NumericsError/dimensionMismatch(_:)`` for a wrong shape, ``NumericsError/domain(_:)`` for
    ///   non-finite entries.
    public mutating func multiply(onLeftBy a: Matrix) throws {
        guard a.rows == dimension, a.columns == dimension else {
            throw NumericsError.dimensionMismatch(
                "RenormalizedProduct.multiply: a \(a.rows)×\(a.columns) factor for dimension \(dimension)")
        }
        try LinearAlgebra.requireFinite(a, "RenormalizedProduct.multiply: factor")
        try frame.multiply(by: a)
        logAbsDeterminant += try frame.renormalize().reduce(0, +)
        guard let r = frame.triangularFactor else { preconditionFailure("the frame keeps its triangular factor") }
        let n = dimension
        // Row i of R·diag(e^ℓ)·U = Σ_{j≥i} R_ij e^{ℓ_j} u_j = e^{M_i} Σ_j C_ij u_j with M_i = max_j log|R_ij e^{ℓ_j}|,
        // so that |C_ij| ≤ 1.
        var newScales = [Double](repeating: -.infinity, count: n)
        for i in 0..<n {
            var m = -Double.infinity
            for j in i..<n {
                let x = r.elements[i + j * n]
                if x != 0 && logScales[j] > -.infinity { m = max(m, Double.log(abs(x)) + logScales[j]) }
            }
            newScales[i] = m
            for j in 0..<n {
                let x = j >= i ? r.elements[i + j * n] : 0
                coefficients.elements[i + j * n] =
                    (x == 0 || m == -.infinity || logScales[j] == -.infinity) ? 0 : x * Double.exp(logScales[j] - m)
            }
        }
        // Uᵀ_new = Uᵀ·Cᵀ (the new rows are combinations of the old ones).
        try BLAS.gemm(rowsTransposed, coefficients, transB: .transpose, into: &updated)
        swap(&rowsTransposed, &updated)
        for i in 0..<n {
            let norm = rowsTransposed.elements.withUnsafeBufferPointer { BLAS.norm(count: n, $0.baseAddress! + i * n) }
            if norm > 0 && newScales[i] > -.infinity {
                newScales[i] += Double.log(norm)
                for row in 0..<n { rowsTransposed.elements[row + i * n] /= norm }
            } else {
                newScales[i] = -.infinity
                for row in 0..<n { rowsTransposed.elements[row + i * n] = 0 }
            }
        }
        logScales = newScales
        factorCount += 1
    }

    /// log σ_1 ≥ … ≥ log σ_n of the product (natural logarithms; −∞ for σ_i = 0).
    ///
    /// One-sided Jacobi on the rows r_i = e^{ℓ_i} u_i of the triangular product, with the scales kept apart: for a
    /// pair with ℓ_j ≤ ℓ_i and ρ = e^{ℓ_j − ℓ_i} ∈ [0, 1], a = ‖u_i‖², b = ‖u_j‖², g = u_iᵀu_j, the rotation that
    /// makes the rows orthogonal has t = ρτ with τ = sign(z)/(|z| + √(ρ² + z²)), z = (ρ²b − a)/(2g), and updates
    /// u_i ← c(u_i − ρ²τ u_j), u_j ← c(τ u_i + u_j), c = 1/√(1 + t²) — finite for every ρ, including ρ = 0 where it
    /// reduces to Gram–Schmidt. Sweeps stop when every |g| ≤ n·ε·√(ab) (the rows are then orthogonal to working
    /// accuracy and σ_i = e^{ℓ_i}‖u_i‖).
    ///
    /// - Throws: ``NumericsError/noConvergence(_:)`` after 100 sweeps (not expected: the iteration converges
    ///   quadratically).
    public func logSingularValues() throws -> [Double] {
        try ScaledJacobi.logRowNorms(logScales: logScales, rowsTransposed: rowsTransposed)
    }
}

/// One-sided Jacobi orthogonalisation of scaled rows (see ``RenormalizedProduct/logSingularValues()``).
enum ScaledJacobi {
    static let maximumSweeps = 100

    /// Orthogonalise the rows e^{ℓ_i}·u_i (u_i = column i of `rowsTransposed`, any norm) and return the log row
    /// norms ℓ_i + log‖u_i‖, sorted descending.
    static func logRowNorms(logScales: [Double], rowsTransposed: Matrix) throws -> [Double] {
        let n = logScales.count
        var scales = logScales
        var u = rowsTransposed
        // Fold the row norms into the scales: every u_i has unit norm (or is zero with scale −∞).
        u.elements.withUnsafeMutableBufferPointer { p in
            for i in 0..<n { normalize(p.baseAddress! + i * n, count: n, scale: &scales[i]) }
        }
        let tolerance = Double(n) * Double.ulpOfOne
        var sweep = 0
        while true {
            var rotated = false
            u.elements.withUnsafeMutableBufferPointer { p in
                for i in 0..<max(0, n - 1) {
                    for j in (i + 1)..<n where scales[i] > -.infinity && scales[j] > -.infinity {
                        // `big` has the larger scale, ρ = e^{ℓ_small − ℓ_big} ∈ [0, 1].
                        let (big, small) = scales[i] >= scales[j] ? (i, j) : (j, i)
                        let ub = p.baseAddress! + big * n, us = p.baseAddress! + small * n
                        let a = BLAS.dot(count: n, ub, ub), b = BLAS.dot(count: n, us, us)
                        let g = BLAS.dot(count: n, ub, us)
                        if abs(g) <= tolerance * (a * b).squareRoot() { continue }
                        rotated = true
                        let rho = Double.exp(scales[small] - scales[big])
                        let z = (rho * rho * b - a) / (2 * g)
                        let tau = (z >= 0 ? 1.0 : -1.0) / (abs(z) + (rho * rho + z * z).squareRoot())
                        let t = rho * tau
                        let c = 1 / (1 + t * t).squareRoot()
                        let r2tau = rho * rho * tau
                        for k in 0..<n {
                            let xb = ub[k], xs = us[k]
                            ub[k] = c * (xb - r2tau * xs)
                            us[k] = c * (tau * xb + xs)
                        }
                        normalize(ub, count: n, scale: &scales[big])
                        normalize(us, count: n, scale: &scales[small])
                    }
                }
            }
            if !rotated { break }
            sweep += 1
            if sweep >= maximumSweeps {
                throw NumericsError.noConvergence("one-sided Jacobi: rows not orthogonal after \(maximumSweeps) sweeps")
            }
        }
        return scales.sorted(by: >)
    }

    /// Scale a row to unit norm and add log‖row‖ to its log scale (a zero row gets scale −∞).
    @inline(__always)
    static func normalize(_ row: UnsafeMutablePointer<Double>, count n: Int, scale: inout Double) {
        let norm = BLAS.norm(count: n, row)
        if norm > 0 && norm.isFinite {
            BLAS.scale(count: n, alpha: 1 / norm, row)
            scale += Double.log(norm)
        } else {
            scale = -.infinity
            for k in 0..<n { row[k] = 0 }
        }
    }
}
