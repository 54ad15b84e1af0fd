import MemoryNumerics
import Testing
import _TestSupport

@Suite("Krylov: symmetric Lanczos with full reorthogonalisation")
struct KrylovLanczosTests {
    /// A 200 × 200 symmetric matrix with a Gaussian spectrum: the 5 most positive and 5 most negative Ritz values
    /// agree with LAPACK `dsyevd` to rel 1e-10, residuals are small, and the vectors are the eigenvectors.
    @Test func extremeEigenpairsMatchLAPACK() throws {
        var rng = TestSupport.rng(31)
        let lambda = rng.gaussians(200)
        let a = try KrylovTestKit.symmetric(eigenvalues: lambda, seed: 32)
        let exact = try LinearAlgebra.symmetricEigen(a)
        let op = try DenseSymmetricOperator(a)
        let result = try Lanczos.extremeEigenpairs(
            of: op, top: 5, bottom: 5,
            options: LanczosOptions(maximumSteps: 160, seed: 3))
        #expect(result.converged)
        let scale = max(abs(exact.values.first!), abs(exact.values.last!))
        let vectors = try #require(exact.vectors)
        for i in 0..<5 {
            let top = exact.values[199 - i], bottom = exact.values[i]
            #expect(abs(result.top.values[i] - top) <= 1e-10 * scale, "top \(i): \(result.top.values[i]) vs \(top)")
            #expect(abs(result.bottom.values[i] - bottom) <= 1e-10 * scale, "bottom \(i)")
            #expect(result.top.residualNorms[i] <= 1e-6 * scale)
            #expect(result.bottom.residualNorms[i] <= 1e-6 * scale)
            #expect(KrylovTestKit.alignment(result.top.vectors.column(i), vectors.column(199 - i)) > 1 - 1e-8)
            #expect(KrylovTestKit.alignment(result.bottom.vectors.column(i), vectors.column(i)) > 1 - 1e-8)
        }
        // Explicit residuals are what they claim to be.
        let v = result.top.vectors.column(0)
        let av = a * v
        let r = zip(av, v).map { $0 - result.top.values[0] * $1 }
        #expect(abs(BLAS.norm(r) - result.top.residualNorms[0]) <= 1e-12 * scale)
        #expect(result.operatorProducts == result.steps + 10)
        #expect(result.steps < 200)
    }

    /// Spectrum in [−10, 1]: power iteration would return −10 as "the largest eigenvalue"; Lanczos's top is the most
    /// positive (1) and its bottom the most negative (−10).
    @Test func topIsMostPositiveNotLargestMagnitude() throws {
        let lambda = (0..<60).map { -10 + 11 * Double($0) / 59 }
        let a = try KrylovTestKit.symmetric(eigenvalues: lambda, seed: 7)
        let result = try Lanczos.extremeEigenpairs(of: try DenseSymmetricOperator(a), top: 1, bottom: 1)
        #expect(abs(result.top.values[0] - 1) < 1e-10)
        #expect(abs(result.bottom.values[0] + 10) < 1e-9)
    }

    /// A start vector inside an invariant subspace breaks down after one step; the restart from a random orthogonal
    /// vector still finds the true extremes.
    @Test func breakdownRestarts() throws {
        let a = Matrix.diagonal((1...10).map(Double.init))
        var start = [Double](repeating: 0, count: 10)
        start[4] = 1
        let result = try Lanczos.extremeEigenpairs(
            of: try DenseSymmetricOperator(a), top: 2, bottom: 2, options: LanczosOptions(startVector: start))
        #expect(result.restarts >= 1)
        #expect(result.top.values.map { ($0 * 1e9).rounded() / 1e9 } == [10, 9])
        #expect(result.bottom.values.map { ($0 * 1e9).rounded() / 1e9 } == [1, 2])
        #expect(result.converged)
    }

    /// Small operator: the basis fills the space and every pair is exact.
    @Test func exhaustsSmallSpace() throws {
        let a = KrylovTestKit.gaussianSymmetric(8, seed: 5)
        let result = try Lanczos.extremeEigenpairs(of: try DenseSymmetricOperator(a), top: 4, bottom: 4)
        let exact = try LinearAlgebra.symmetricEigenvalues(a)
        #expect(TestSupport.maxAbsError(result.bottom.values, Array(exact.prefix(4))) < 1e-12)
        #expect(TestSupport.maxAbsError(result.top.values, Array(exact.suffix(4).reversed())) < 1e-12)
        #expect(result.top.residualNorms.allSatisfy { $0 < 1e-12 })
    }

    @Test func sameSeedSameBytes() throws {
        let a = KrylovTestKit.gaussianSymmetric(40, seed: 9)
        let op = try DenseSymmetricOperator(a)
        let r1 = try Lanczos.extremeEigenpairs(of: op, top: 3, bottom: 2, options: LanczosOptions(seed: 4))
        let r2 = try Lanczos.extremeEigenpairs(of: op, top: 3, bottom: 2, options: LanczosOptions(seed: 4))
        #expect(r1 == r2)
    }

    @Test func badArguments() throws {
        let op = try DenseSymmetricOperator(Matrix.identity(4))
        #expect(throws: NumericsError.self) { try Lanczos.extremeEigenpairs(of: op, top: 3, bottom: 2) }
        #expect(throws: NumericsError.self) { try Lanczos.extremeEigenpairs(of: op, top: -1) }
        #expect(throws: NumericsError.self) {
            try Lanczos.extremeEigenpairs(of: op, top: 1, options: LanczosOptions(startVector: [0, 0, 0, 0]))
        }
        #expect(throws: NumericsError.self) {
            try Lanczos.extremeEigenpairs(of: op, top: 1, options: LanczosOptions(startVector: [1, .nan, 0, 0]))
        }
        let bad = try ClosureSymmetricOperator(dimension: 3) { v in v.map { _ in Double.infinity } }
        #expect(throws: NumericsError.self) { try Lanczos.extremeEigenpairs(of: bad, top: 1) }
        #expect(throws: NumericsError.self) { try DenseSymmetricOperator(try Matrix([[1, 2], [0, 1]])) }
    }

    /// The tridiagonal solver (dstevd) against the dense one (dsyevd).
    @Test func tridiagonalEigenMatchesDense() throws {
        var rng = TestSupport.rng(12)
        let d = rng.gaussians(30), e = rng.gaussians(29)
        var t = Matrix.diagonal(d)
        for i in 0..<29 {
            t[i, i + 1] = e[i]
            t[i + 1, i] = e[i]
        }
        let tri = try LinearAlgebra.symmetricTridiagonalEigen(diagonal: d, offDiagonal: e)
        let dense = try LinearAlgebra.symmetricEigen(t)
        #expect(TestSupport.maxAbsError(tri.values, dense.values) < 1e-13)
        let s = try #require(tri.vectors)
        for j in 0..<30 {
            let v = s.column(j)
            let r = zip(t * v, v).map { $0 - tri.values[j] * $1 }
            #expect(BLAS.norm(r) < 1e-13)
        }
        #expect(throws: NumericsError.self) {
            try LinearAlgebra.symmetricTridiagonalEigen(diagonal: [1, 2], offDiagonal: [])
        }
    }

    /// The dense matrix of an operator and its symmetry defect.
    @Test func denseMatrixOfOperator() throws {
        let a = KrylovTestKit.gaussianSymmetric(37, seed: 2)
        let op = try DenseSymmetricOperator(a)
        let dense = try op.denseMatrix(blockSize: 8)
        #expect(dense.columns == a)
        #expect(dense.relativeAsymmetry == 0)
        #expect(try op.symmetryDefect() < 1e-15)
        let skew = try ClosureSymmetricOperator(dimension: 2) { v in [v[1], -v[0]] }
        #expect(try skew.symmetryDefect() > 0.1)
        #expect(try skew.denseMatrix().relativeAsymmetry > 1)
    }
}
