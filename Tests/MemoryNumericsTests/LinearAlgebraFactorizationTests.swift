import MemoryNumerics
import Testing
import _TestSupport

@Suite("LinearAlgebra: SVD, QR, Cholesky, LU, least squares")
struct LinearAlgebraFactorizationTests {
    // MARK: SVD

    /// Thin and full SVD of a random 7×4 and 4×7 matrix: A = U·diag(S)·Vᵀ, orthonormal factors, S descending ≥ 0.
    @Test(arguments: [(7, 4), (4, 7)])
    func svdReconstruction(shape: (Int, Int)) throws {
        let (m, n) = shape
        let k = min(m, n)
        let a = LinAlgTestKit.gaussian(m, n, seed: 51)
        let thin = try LinearAlgebra.svd(a)
        #expect(thin.u.rows == m && thin.u.columns == k && thin.vt.rows == k && thin.vt.columns == n)
        #expect(zip(thin.singularValues, thin.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(thin.singularValues.allSatisfy { $0 >= 0 })
        #expect(LinAlgTestKit.distance(thin.u.transposed * thin.u, Matrix.identity(k)) < 1e-13)
        #expect(LinAlgTestKit.distance(thin.vt * thin.vt.transposed, Matrix.identity(k)) < 1e-13)
        #expect(LinAlgTestKit.relativeDistance(thin.u * Matrix.diagonal(thin.singularValues) * thin.vt, a) < 1e-13)

        let full = try a.svd(mode: .full)
        #expect(full.u.rows == m && full.u.columns == m && full.vt.rows == n && full.vt.columns == n)
        #expect(LinAlgTestKit.distance(full.u.transposed * full.u, Matrix.identity(m)) < 1e-13)
        #expect(LinAlgTestKit.distance(full.vt.transposed * full.vt, Matrix.identity(n)) < 1e-13)
        var sigma = Matrix(rows: m, columns: n)
        for i in 0..<k { sigma[i, i] = full.singularValues[i] }
        #expect(LinAlgTestKit.relativeDistance(full.u * sigma * full.vt, a) < 1e-13)
        #expect(TestSupport.maxAbsError(try a.singularValues(), thin.singularValues) < 1e-13)
    }

    /// Closed forms: [[3, 0], [4, 5]] has AᵀA = [[25, 20], [20, 25]] with eigenvalues 45 and 5, so σ = (3√5, √5);
    /// a rank-one u·vᵀ has σ₁ = ‖u‖·‖v‖ and all others 0; the n×n matrix of ones has σ = (n, 0, …).
    @Test func knownSingularValues() throws {
        let s = try LinearAlgebra.singularValues(LinAlgTestKit.m([[3, 0], [4, 5]]))
        #expect(TestSupport.maxAbsError(s, [3 * 5.0.squareRoot(), 5.0.squareRoot()]) < 1e-14)

        let u = [1.0, -2, 2], v = [3.0, 0, 4, 0]  // ‖u‖ = 3, ‖v‖ = 5
        var outer = Matrix(rows: 3, columns: 4)
        for i in 0..<3 { for j in 0..<4 { outer[i, j] = u[i] * v[j] } }
        let so = try outer.singularValues()
        #expect(abs(so[0] - 15) < 1e-13)
        #expect(so.dropFirst().allSatisfy { abs($0) < 1e-13 })

        let ones = Matrix(rows: 6, columns: 6, repeating: 1)
        let s1 = try LinearAlgebra.svd(ones).singularValues
        #expect(abs(s1[0] - 6) < 1e-13 && s1.dropFirst().allSatisfy { $0 < 1e-13 })
        #expect(abs(try LinearAlgebra.spectralNorm(ones) - 6) < 1e-13)
        #expect(try LinearAlgebra.conditionNumber(ones) > 1e13)
        #expect(abs(try LinearAlgebra.conditionNumber(Matrix.diagonal([4, -2, 0.5])) - 8) < 1e-13)
    }

    // MARK: QR

    /// Thin QR for tall and wide shapes: QᵀQ = I, QR = A, R upper triangular, diag(R) ≥ 0 by default.
    @Test(arguments: [(8, 5), (3, 5), (6, 6)])
    func qrFactorization(shape: (Int, Int)) throws {
        let (m, n) = shape
        let k = min(m, n)
        let a = LinAlgTestKit.gaussian(m, n, seed: 61)
        for nonNegative in [true, false] {
            let f = try LinearAlgebra.qr(a, nonNegativeDiagonal: nonNegative)
            #expect(f.q.rows == m && f.q.columns == k && f.r.rows == k && f.r.columns == n)
            #expect(LinAlgTestKit.distance(f.q.transposed * f.q, Matrix.identity(k)) < 1e-14)
            #expect(LinAlgTestKit.relativeDistance(f.q * f.r, a) < 1e-14)
            for j in 0..<n { for i in 0..<k where i > j { #expect(f.r[i, j] == 0) } }
            if nonNegative { #expect((0..<k).allSatisfy { f.r[$0, $0] >= 0 }) }
        }
    }

    /// Closed form: A = (3, 4)ᵀ has Q = (0.6, 0.8)ᵀ, R = 5 (with R ≥ 0); the in-place variant agrees with qr.
    @Test func qrKnownAndInPlace() throws {
        let f = try LinearAlgebra.qr(LinAlgTestKit.m([[3], [4]]))
        #expect(TestSupport.maxAbsError(f.q.elements, [0.6, 0.8]) < 1e-15)
        #expect(abs(f.r[0, 0] - 5) < 1e-15)

        let a = LinAlgTestKit.gaussian(10, 4, seed: 62)
        let reference = try a.qr()
        var inPlace = a
        let diagonal = try LinearAlgebra.orthonormalizeColumns(&inPlace)
        #expect(TestSupport.maxAbsError(diagonal, reference.r.diagonalEntries) < 1e-13)
        #expect(LinAlgTestKit.distance(inPlace, reference.q) < 1e-13)
        // |R_ii| is sign-convention independent: compare with LAPACK's raw signs.
        var raw = a
        let rawDiagonal = try LinearAlgebra.orthonormalizeColumns(&raw, nonNegativeDiagonal: false)
        #expect(TestSupport.maxAbsError(rawDiagonal.map { abs($0) }, diagonal) < 1e-13)

        var wide = Matrix(rows: 2, columns: 3)
        #expect(throws: NumericsError.self) { try LinearAlgebra.orthonormalizeColumns(&wide) }
    }

    // MARK: Cholesky

    /// The classic example A = [[4, 12, −16], [12, 37, −43], [−16, −43, 98]] = L·Lᵀ with
    /// L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]] (multiply out to check); log det A = 2·log(2·1·3).
    @Test func choleskyKnown() throws {
        let a = try LinAlgTestKit.m([[4, 12, -16], [12, 37, -43], [-16, -43, 98]])
        let c = try LinearAlgebra.cholesky(a)
        let expected = try LinAlgTestKit.m([[2, 0, 0], [6, 1, 0], [-8, 5, 3]])
        #expect(LinAlgTestKit.distance(c.lower, expected) < 1e-13)
        #expect(abs(c.logDeterminant - 2 * PortableMath.log(6)) < 1e-13)
        // Solve against a known solution.
        let x = [1.0, -2, 0.5]
        let b = a * x
        #expect(TestSupport.maxAbsError(try c.solve(b), x) < 1e-12)
        let bm = try Matrix(rows: 3, columns: 2, columnMajor: b + (a * [0.0, 1, 1]))
        let xm = try c.solve(bm)
        #expect(TestSupport.maxAbsError(xm.elements, x + [0, 1, 1]) < 1e-12)
        // Triangular solves: L·y = b and Lᵀ·z = y give z = A⁻¹b.
        let y = try c.solveLower(b)
        #expect(TestSupport.maxAbsError(c.lower * y, b) < 1e-12)
        let z = try c.solveUpper(y)
        #expect(TestSupport.maxAbsError(z, x) < 1e-12)
        #expect(LinAlgTestKit.distance(try c.solveUpper(c.solveLower(bm)), xm) < 1e-12)
        #expect(LinAlgTestKit.distance(a * (try c.inverse()), Matrix.identity(3)) < 1e-11)
    }

    /// Indefinite and semidefinite inputs throw notPositiveDefinite naming the first non-positive leading minor.
    @Test func choleskyFailures() throws {
        // [[1, 2], [2, 1]]: minor 1 = 1 > 0, minor 2 = −3.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", leadingMinor: 2)) {
            try LinearAlgebra.cholesky(LinAlgTestKit.m([[1, 2], [2, 1]]))
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", leadingMinor: 1)) {
            try LinearAlgebra.cholesky(LinAlgTestKit.m([[-1, 0], [0, 1]]))
        }
        // diag(1, 1, 0): singular positive semidefinite, fails at the third minor.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: "dpotrf", leadingMinor: 3)) {
            try LinearAlgebra.cholesky(Matrix.diagonal([1, 1, 0]))
        }
        #expect(throws: NumericsError.self) { try LinearAlgebra.cholesky(Matrix(rows: 2, columns: 3)) }
        #expect(throws: NumericsError.self) { try LinearAlgebra.cholesky(LinAlgTestKit.m([[2, 1], [0, 2]])) }
        let c = try LinearAlgebra.cholesky(Matrix.identity(3))
        #expect(throws: NumericsError.self) { try c.solve([1, 2]) }
        #expect(throws: NumericsError.self) { try c.solveLower(Matrix(rows: 2, columns: 1)) }
    }

    // MARK: LU, solve, inverse, determinant

    @Test func solveKnownSystem() throws {
        let a = try LinAlgTestKit.m([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]])
        // Gaussian-elimination textbook system: solution (2, 3, −1) for b = (8, −11, −3).
        let x = try LinearAlgebra.solve(a, [8, -11, -3])
        #expect(TestSupport.maxAbsError(x, [2, 3, -1]) < 1e-14)
        let b = try Matrix(rows: 3, columns: 2, columnMajor: [8, -11, -3, 1, 0, 0])
        let xm = try a.solve(b)
        #expect(TestSupport.maxAbsError(xm.column(0), [2, 3, -1]) < 1e-14)
        #expect(LinAlgTestKit.distance(a * xm, b) < 1e-14)
        let lu = try a.lu()
        #expect(TestSupport.maxAbsError(try lu.solve([8, -11, -3]), [2, 3, -1]) < 1e-14)
        #expect(LinAlgTestKit.distance(a * (try a.inverse()), Matrix.identity(3)) < 1e-14)
        // det = 2·(−2 − 2) − 1·(−6 + 4) + (−1)·(−3 − 2) = −8 + 2 + 5 = −1.
        #expect(abs(try a.determinant() + 1) < 1e-14)

        let big = LinAlgTestKit.gaussian(30, 30, seed: 71)
        let xs = LinAlgTestKit.gaussian(30, 3, seed: 72)
        #expect(LinAlgTestKit.relativeDistance(try LinearAlgebra.solve(big, big * xs), xs) < 1e-11)
        #expect(LinAlgTestKit.distance(big * (try LinearAlgebra.inverse(big)), Matrix.identity(30)) < 1e-11)
    }

    /// Vandermonde determinant Π_{i<j}(x_j − x_i): x = (1, 2, 3, 4) gives 1·2·3·1·2·1 = 12.
    @Test func determinants() throws {
        let x = [1.0, 2, 3, 4]
        let v = try Matrix(x.map { xi in (0..<4).map { p in Double.pow(xi, p) } })
        #expect(abs(try LinearAlgebra.determinant(v) - 12) < 1e-12)
        let (logAbs, sign) = try LinearAlgebra.logAbsDeterminant(v)
        #expect(abs(logAbs - PortableMath.log(12)) < 1e-13 && sign == 1)
        // Row swap flips the sign.
        let swapped = try Matrix([v.row(1), v.row(0), v.row(2), v.row(3)])
        #expect(abs(try LinearAlgebra.determinant(swapped) + 12) < 1e-12)
        #expect(try LinearAlgebra.logAbsDeterminant(swapped).sign == -1)
        // 2000·I of order 200: det overflows, log|det| = 200·log 2000.
        let huge = Matrix.diagonal([Double](repeating: 2000, count: 200))
        #expect(try LinearAlgebra.determinant(huge) == .infinity)
        #expect(
            TestSupport.relativeError(try LinearAlgebra.logAbsDeterminant(huge).logAbs, 200 * PortableMath.log(2000))
                < 1e-14)
        // SPD: Cholesky log-determinant agrees with LU.
        let g = LinAlgTestKit.gaussian(8, 8, seed: 73)
        let spd = g * g.transposed + Matrix.identity(8)
        #expect(abs(try spd.cholesky().logDeterminant - LinearAlgebra.logAbsDeterminant(spd).logAbs) < 1e-12)
    }

    @Test func singularSystems() throws {
        let s = try LinAlgTestKit.m([[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(routine: "dgesv", pivot: 2)) { try LinearAlgebra.solve(s, [1, 2]) }
        let lu = try LinearAlgebra.lu(s)
        #expect(lu.isSingular && lu.firstZeroPivot == 2)
        #expect(lu.determinant == 0)
        #expect(lu.logAbsDeterminant.logAbs == -.infinity)
        #expect(throws: LinearAlgebraError.self) { try lu.inverse() }
        #expect(throws: LinearAlgebraError.self) { try lu.solve([1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try LinearAlgebra.inverse(s) }
    }

    // MARK: Least squares

    /// Simple regression of y = (1, 3, 2, 5) on (1, x), x = (0, 1, 2, 3): slope Sxy/Sxx = 5.5/5 = 1.1, intercept
    /// ȳ − slope·x̄ = 2.75 − 1.65 = 1.1.
    @Test func leastSquaresKnown() throws {
        let design = try LinAlgTestKit.m([[1, 0], [1, 1], [1, 2], [1, 3]])
        let y = [1.0, 3, 2, 5]
        let beta = try LinearAlgebra.leastSquares(design, y)
        #expect(TestSupport.maxAbsError(beta, [1.1, 1.1]) < 1e-14)
        let lsd = try LinearAlgebra.minimumNormLeastSquares(design, Matrix.column(y))
        #expect(lsd.rank == 2)
        #expect(TestSupport.maxAbsError(lsd.solution.elements, [1.1, 1.1]) < 1e-14)

        // Random overdetermined problem: the residual is orthogonal to the columns (normal equations).
        let a = LinAlgTestKit.gaussian(40, 6, seed: 81)
        let b = LinAlgTestKit.gaussian(40, 2, seed: 82)
        let x = try LinearAlgebra.leastSquares(a, b)
        #expect(x.rows == 6 && x.columns == 2)
        let normal = a.transposed * (a * x - b)
        #expect(normal.frobeniusNorm < 1e-12)

        // Underdetermined, full row rank: dgels returns the minimum-norm solution x = Aᵀ(AAᵀ)⁻¹b.
        let w = LinAlgTestKit.gaussian(3, 7, seed: 83)
        let rhs = [1.0, -1, 2]
        let xmin = try LinearAlgebra.leastSquares(w, rhs)
        let expected = w.transposed * (try LinearAlgebra.solve(w * w.transposed, rhs))
        #expect(TestSupport.maxAbsError(xmin, expected) < 1e-13)
    }

    /// A zero column makes R(2,2) exactly 0: dgels throws rankDeficient; dgelsd returns rank 1 and the minimum-norm
    /// solution (Σxy/Σx², 0).
    @Test func leastSquaresRankDeficient() throws {
        let a = try LinAlgTestKit.m([[1, 0], [2, 0], [3, 0]])
        let y = [1.0, 1, 4]
        #expect(throws: LinearAlgebraError.rankDeficient(routine: "dgels", column: 2)) {
            try LinearAlgebra.leastSquares(a, y)
        }
        let s = try LinearAlgebra.minimumNormLeastSquares(a, Matrix.column(y))
        #expect(s.rank == 1)
        #expect(TestSupport.maxAbsError(s.solution.elements, [15.0 / 14, 0]) < 1e-14)
        #expect(abs(s.singularValues[0] - 14.0.squareRoot()) < 1e-14)
    }

    /// Shape errors throw dimensionMismatch before any C call.
    @Test func dimensionMismatches() throws {
        let a3 = Matrix.identity(3)
        let rect = Matrix(rows: 3, columns: 2)
        let expectMismatch: (() throws -> Void) -> Void = { body in
            do {
                try body()
                Issue.record("expected a dimension mismatch")
            } catch let error as NumericsError {
                if case .dimensionMismatch = error {} else { Issue.record("wrong error \(error)") }
            } catch { Issue.record("wrong error type \(error)") }
        }
        expectMismatch { _ = try LinearAlgebra.solve(a3, [1, 2]) }
        expectMismatch { _ = try LinearAlgebra.solve(a3, Matrix(rows: 2, columns: 2)) }
        expectMismatch { _ = try LinearAlgebra.solve(rect, [1, 2, 3]) }
        expectMismatch { _ = try LinearAlgebra.inverse(rect) }
        expectMismatch { _ = try LinearAlgebra.determinant(rect) }
        expectMismatch { _ = try LinearAlgebra.lu(rect) }
        expectMismatch { _ = try LinearAlgebra.cholesky(rect) }
        expectMismatch { _ = try LinearAlgebra.leastSquares(rect, [1, 2]) }
        expectMismatch { _ = try LinearAlgebra.leastSquares(rect, Matrix(rows: 2, columns: 1)) }
        expectMismatch { _ = try LinearAlgebra.minimumNormLeastSquares(rect, Matrix(rows: 4, columns: 1)) }
        expectMismatch { _ = try LinearAlgebra.lu(a3).solve([1]) }
        expectMismatch { _ = try LinearAlgebra.eigen(rect) }
        expectMismatch { _ = try LinearAlgebra.realSchur(rect) }
        expectMismatch { _ = try LinearAlgebra.solveStein(w: rect, q: a3) }
        expectMismatch { _ = try LinearAlgebra.solveStein(w: a3, q: Matrix.identity(2)) }
        // Non-finite inputs are a domain error, not a LAPACK argument error.
        #expect(throws: NumericsError.domain("solve: b has a non-finite entry inf at (1, 0)")) {
            try LinearAlgebra.solve(a3, [0, .infinity, 0])
        }
    }
}
