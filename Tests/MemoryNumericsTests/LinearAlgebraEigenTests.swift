import MemoryNumerics
import Testing
import _TestSupport

@Suite("LinearAlgebra: eigenproblems")
struct LinearAlgebraEigenTests {
    /// [[a, −b], [b, a]] (the real 2×2 form of a complex eigenvalue) has eigenvalues a ± ib with eigenvector
    /// (1, −i)/√2 for a + ib: [[a, −b], [b, a]]·(1, −i)ᵀ = (a + ib, b − ia)ᵀ = (a + ib)·(1, −i)ᵀ.
    @Test func rotationScalingBlock() throws {
        let a = 0.6, b = 0.7
        let m = try LinAlgTestKit.m([[a, -b], [b, a]])
        let e = try LinearAlgebra.eigen(m)
        #expect(e.values.count == 2)
        // LAPACK order: positive imaginary part first.
        #expect(abs(e.values[0].real - a) < 1e-15 && abs(e.values[0].imaginary - b) < 1e-15)
        #expect(abs(e.values[1].real - a) < 1e-15 && abs(e.values[1].imaginary + b) < 1e-15)
        let v = try #require(e.vectors)
        let v0 = v.column(0)
        // Up to a unit complex phase, v0 ∝ (1, −i)/√2: the ratio v0[1]/v0[0] must be −i.
        let ratio = v0[1] / v0[0]
        #expect((ratio - Complex(0, -1)).length < 1e-14)
        #expect(abs(LinAlgTestKit.norm(v0) - 1) < 1e-14)
        // The second vector is the conjugate of the first.
        let v1 = v.column(1)
        #expect(LinAlgTestKit.maxDistance(v1, v0.map { $0.conjugate }) < 1e-15)
        let ac = ComplexMatrix(m)
        for j in 0..<2 { #expect(LinAlgTestKit.eigenResidual(ac, e.values[j], v.column(j)) < 1e-14) }
        #expect(abs(try LinearAlgebra.spectralRadius(m) - (a * a + b * b).squareRoot()) < 1e-15)
    }

    /// Random 12×12 Gaussian matrix: ‖Av − λv‖ ≤ 1e-12·‖A‖_F for every pair, conjugate pairs consecutive with
    /// conjugate eigenvectors, and at least one complex pair (a 12×12 Gaussian matrix has real eigenvalues only
    /// with probability ≈ 2^(−33)).
    @Test func generalRealResiduals() throws {
        let a = LinAlgTestKit.gaussian(12, 12, seed: 11)
        let e = try a.eigen()
        let v = try #require(e.vectors)
        let ac = ComplexMatrix(a)
        let scale = a.frobeniusNorm
        for j in 0..<12 {
            #expect(LinAlgTestKit.eigenResidual(ac, e.values[j], v.column(j)) <= 1e-12 * scale)
            #expect(abs(LinAlgTestKit.norm(v.column(j)) - 1) < 1e-13)
        }
        var pairs = 0
        var j = 0
        while j < 12 {
            if e.values[j].imaginary != 0 {
                #expect(e.values[j].imaginary > 0)
                #expect(e.values[j + 1] == e.values[j].conjugate)
                #expect(LinAlgTestKit.maxDistance(v.column(j + 1), v.column(j).map { $0.conjugate }) == 0)
                pairs += 1
                j += 2
            } else {
                #expect(v.column(j).allSatisfy { $0.imaginary == 0 })
                j += 1
            }
        }
        #expect(pairs >= 1)
        // Values-only call returns the same eigenvalues.
        let valuesOnly = try a.eigenvalues()
        #expect(
            LinAlgTestKit.maxDistance(LinAlgTestKit.sorted(valuesOnly), LinAlgTestKit.sorted(e.values)) < 1e-12 * scale)
        #expect(try LinearAlgebra.eigen(a, vectors: false).vectors == nil)
    }

    /// Known spectrum: Q·blockdiag([[a,−b],[b,a]], 0.3, [[c,−d],[d,c]], −0.9)·Qᵀ with Q orthogonal has eigenvalues
    /// a ± ib, 0.3, c ± id, −0.9.
    @Test func knownSpectrumUnderOrthogonalSimilarity() throws {
        let (a, b, c, d) = (0.5, 0.4, -0.2, 1.3)
        var block = Matrix(rows: 6, columns: 6)
        block[0, 0] = a; block[0, 1] = -b; block[1, 0] = b; block[1, 1] = a
        block[2, 2] = 0.3
        block[3, 3] = c; block[3, 4] = -d; block[4, 3] = d; block[4, 4] = c
        block[5, 5] = -0.9
        let q = try LinearAlgebra.qr(LinAlgTestKit.gaussian(6, 6, seed: 5)).q
        let m = q * block * q.transposed
        let e = try LinearAlgebra.eigen(m)
        let expected: [Complex<Double>] = [
            Complex(a, b), Complex(a, -b), Complex(0.3, 0), Complex(c, d), Complex(c, -d), Complex(-0.9, 0),
        ]
        #expect(LinAlgTestKit.maxDistance(LinAlgTestKit.sorted(e.values), LinAlgTestKit.sorted(expected)) < 1e-13)
        #expect(abs(e.spectralRadius - (c * c + d * d).squareRoot()) < 1e-13)
        let v = try #require(e.vectors)
        for j in 0..<6 { #expect(LinAlgTestKit.eigenResidual(ComplexMatrix(m), e.values[j], v.column(j)) < 1e-13) }
    }

    /// zgeev: residuals for a random complex 8×8 matrix, and the spectrum of an upper-triangular matrix is its
    /// diagonal.
    @Test func generalComplex() throws {
        let a = LinAlgTestKit.complexGaussian(8, 8, seed: 21)
        let e = try LinearAlgebra.eigen(a)
        let v = try #require(e.vectors)
        let scale = a.elements.reduce(0) { $0 + $1.lengthSquared }.squareRoot()
        for j in 0..<8 {
            #expect(LinAlgTestKit.eigenResidual(a, e.values[j], v.column(j)) <= 1e-12 * scale)
            #expect(abs(LinAlgTestKit.norm(v.column(j)) - 1) < 1e-13)
        }
        #expect(
            LinAlgTestKit.maxDistance(LinAlgTestKit.sorted(try a.eigenvalues()), LinAlgTestKit.sorted(e.values)) < 1e-12
                * scale)

        var t = LinAlgTestKit.complexGaussian(5, 5, seed: 22)
        for j in 0..<5 { for i in (j + 1)..<5 { t[i, j] = .zero } }
        let diagonal = (0..<5).map { t[$0, $0] }
        let te = try LinearAlgebra.eigenvalues(t)
        #expect(LinAlgTestKit.maxDistance(LinAlgTestKit.sorted(te), LinAlgTestKit.sorted(diagonal)) < 1e-13)
    }

    /// dsyevd: ascending eigenvalues, VᵀV = I, A = VΛVᵀ on a random symmetric matrix; the closed-form spectrum
    /// 2 − 2cos(kπ/(n+1)), k = 1..n, of the second-difference matrix tridiag(−1, 2, −1).
    @Test func symmetric() throws {
        let g = LinAlgTestKit.gaussian(10, 10, seed: 31)
        let a = g + g.transposed
        let e = try LinearAlgebra.symmetricEigen(a)
        let v = try #require(e.vectors)
        #expect(zip(e.values, e.values.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(LinAlgTestKit.distance(v.transposed * v, Matrix.identity(10)) < 1e-13)
        let reconstructed = v * Matrix.diagonal(e.values) * v.transposed
        #expect(LinAlgTestKit.relativeDistance(reconstructed, a) < 1e-13)
        #expect(TestSupport.maxAbsError(try LinearAlgebra.symmetricEigenvalues(a), e.values) < 1e-12)

        let n = 9
        var t = Matrix(rows: n, columns: n)
        for i in 0..<n {
            t[i, i] = 2
            if i + 1 < n { t[i, i + 1] = -1; t[i + 1, i] = -1 }
        }
        let exact = (1...n).map { 2 - 2 * Double.cos(Double($0) * Double.pi / Double(n + 1)) }
        #expect(TestSupport.maxAbsError(try t.symmetricEigen(vectors: false).values, exact) < 1e-14)
    }

    @Test func invalidInputs() throws {
        let rectangular = Matrix(rows: 2, columns: 3)
        #expect(throws: NumericsError.dimensionMismatch("eigen: a must be square, got 2×3")) {
            try LinearAlgebra.eigen(rectangular)
        }
        #expect(throws: NumericsError.self) { try LinearAlgebra.symmetricEigen(rectangular) }
        #expect(throws: NumericsError.self) { try LinearAlgebra.eigen(ComplexMatrix(rectangular)) }
        var withNaN = Matrix.identity(3)
        withNaN[1, 2] = .nan
        let error = #expect(throws: NumericsError.self) { try LinearAlgebra.eigen(withNaN) }
        if case .domain(let message)? = error {
            #expect(message.contains("(1, 2)"))
        } else {
            Issue.record("\(String(describing: error))")
        }
        // Clearly asymmetric input to the symmetric solver is rejected, not silently half-read.
        let asymmetric = try LinAlgTestKit.m([[1, 2], [0, 1]])
        #expect(throws: NumericsError.self) { try LinearAlgebra.symmetricEigen(asymmetric) }
        // Empty matrices are fine.
        #expect(try LinearAlgebra.eigen(Matrix(rows: 0, columns: 0)).values.isEmpty)
        #expect(try LinearAlgebra.spectralRadius(Matrix(rows: 0, columns: 0)) == 0)
    }

    /// Real Schur: A = Z·T·Zᵀ, ZᵀZ = I, T quasi-triangular with 2×2 blocks exactly at the complex pairs.
    @Test func realSchur() throws {
        let a = LinAlgTestKit.gaussian(9, 9, seed: 41)
        let s = try LinearAlgebra.realSchur(a)
        #expect(LinAlgTestKit.distance(s.z.transposed * s.z, Matrix.identity(9)) < 1e-13)
        #expect(LinAlgTestKit.relativeDistance(s.z * s.t * s.z.transposed, a) < 1e-13)
        var complexCount = 0
        for block in s.diagonalBlocks {
            if block.size == 2 {
                #expect(s.eigenvalues[block.start].imaginary > 0)
                complexCount += 2
            } else {
                #expect(s.eigenvalues[block.start].imaginary == 0)
            }
        }
        #expect(complexCount == s.eigenvalues.filter { $0.imaginary != 0 }.count)
        #expect(
            LinAlgTestKit.maxDistance(LinAlgTestKit.sorted(s.eigenvalues), LinAlgTestKit.sorted(try a.eigenvalues()))
                < 1e-12)
    }
}
