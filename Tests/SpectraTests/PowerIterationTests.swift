import MemoryNumerics
import Recurrent
import Spectra
import Testing
import _TestSupport

/// H1: power iteration with deflation against LAPACK `dsyevd` on the 25-parameter Hessians of Z7 (Zucchet & Orvieto
/// 2024, Fig. 4 setup: linear teacher–student at the zero-loss optimum, dense and complex-diagonal), and Lanczos's
/// extreme eigenvalues on the same matrices.
@Suite("Power iteration with deflation (H1) and Lanczos against dsyevd")
struct PowerIterationTests {
    /// The two 25-parameter Z7 students at the optimum (teacher = student) with their exact Hessians of ½-MSE.
    static func z7Hessians() throws -> [(name: String, hessian: Matrix)] {
        var rng = TestSupport.rng(4)
        // Fig. 4 teacher eigenvalues: two conjugate pairs, |λ| = 0.99 + 0.003·U, phases U[0, 2π).
        var lambda: [Complex<Double>] = []
        for _ in 0..<2 {
            let nu = 0.99 + 0.003 * rng.uniform(), theta = 2 * Double.pi * rng.uniform()
            let l = Complex(nu * Double.cos(theta), nu * Double.sin(theta))
            lambda += [l, l.conjugate]
        }
        // Dense: A = P·blockdiag([[a, b], [−b, a]], …)·P⁻¹ with a Gaussian P.
        let pm = try Matrix(rows: 4, columns: 4, columnMajor: rng.gaussians(16))
        var blocks = Matrix(rows: 4, columns: 4)
        for k in [0, 2] {
            blocks[k, k] = lambda[k].real
            blocks[k, k + 1] = lambda[k].imaginary
            blocks[k + 1, k] = -lambda[k].imaginary
            blocks[k + 1, k + 1] = lambda[k].real
        }
        let a = try LinearAlgebra.solve(pm.transposed, (pm * blocks).transposed).transposed
        let dense = try LinearRNN(
            recurrent: a, input: try Matrix(rows: 4, columns: 1, columnMajor: rng.gaussians(4)),
            readout: try Matrix(rows: 1, columns: 4, columnMajor: rng.gaussians(4)),
            skip: try Matrix([[rng.gaussian()]]))
        let cdiag = try ComplexDiagonalRNN(
            inputSize: 1, hiddenSize: 4, outputSize: 1,
            parameters: lambda.map(\.real) + lambda.map(\.imaginary) + rng.gaussians(4) + rng.gaussians(4)
                + rng.gaussians(4) + rng.gaussians(4) + [rng.gaussian()])
        let x = try SpectraTestKit.batch(steps: 300, batchSize: 64, features: 1, seed: 2032)
        return try [dense as any RecurrentModel, cdiag].map { model in
            #expect(model.parameterCount == 25)
            let y = try model.outputs(x)
            return ("\(model.architecture)", try model.hessian(inputs: x, targets: y).symmetrized)
        }
    }

    /// min(‖u − v‖, ‖u + v‖): the distance between two unit vectors up to sign.
    static func distanceUpToSign(_ u: [Double], _ v: [Double]) -> Double {
        var minus = 0.0, plus = 0.0
        for i in u.indices {
            minus += (u[i] - v[i]) * (u[i] - v[i])
            plus += (u[i] + v[i]) * (u[i] + v[i])
        }
        return min(minus, plus).squareRoot()
    }

    @Test("H1: the largest-|λ| pairs of power iteration + deflation = dsyevd's on the Z7 Hessians (rel 1e-6)")
    func powerIterationMatchesLAPACK() throws {
        for (name, h) in try Self.z7Hessians() {
            let exact = try LinearAlgebra.symmetricEigen(h)
            let vectors = try #require(exact.vectors)
            // dsyevd's pairs by decreasing |λ|.
            let order = exact.values.indices.sorted { abs(exact.values[$0]) > abs(exact.values[$1]) }
            let magnitudes = order.map { abs(exact.values[$0]) }
            // The pairs power iteration can separate: consecutive magnitudes at least 0.05 % apart (the complex-
            // diagonal Hessian has 323580.9 and 323278.0: ratio 0.99906, about 2·10⁴ iterations for a residual of
            // 1e-11·‖H‖₂; the 25 × 25 products cost nothing). H1 asks for the leading ones: up to 6, at least 3.
            var k = 0
            while k + 1 < magnitudes.count, magnitudes[k + 1] <= 0.9995 * magnitudes[k], k < 6 { k += 1 }
            #expect(k >= 3, "\(name): leading magnitudes \(magnitudes.prefix(6))")
            let power = try PowerIteration.largestMagnitudeEigenpairs(
                of: try DenseSymmetricOperator(h), count: k,
                options: PowerIterationOptions(maximumIterations: 400_000, tolerance: 1e-11, seed: 7))
            #expect(power.converged.allSatisfy { $0 }, "\(name): \(power.iterations)")
            for j in 0..<k {
                let i = order[j]
                let lambda = exact.values[i]
                #expect(
                    abs(power.pairs.values[j] - lambda) <= 1e-6 * abs(lambda),
                    "\(name) pair \(j): \(power.pairs.values[j]) vs dsyevd \(lambda)")
                let d = Self.distanceUpToSign(power.pairs.vectors.column(j), vectors.column(i))
                #expect(d <= 1e-6, "\(name) pair \(j): eigenvector distance \(d)")
                #expect(power.pairs.residualNorms[j] <= 1e-11 * magnitudes[0] * (1 + 1e-12))
            }
        }
    }

    /// Both Z7 Hessians have rank 9: 16 eigenvalues are zero up to rounding (|λ| < 1e-6, the reparametrisation
    /// symmetries of the student), then 9 positive ones from about 0.84 to 2·10⁸ (dense) or 1.6·10⁶ (complex-
    /// diagonal). Single-vector Lanczos finds one copy of the zero eigenvalue; its next bottom values are the next
    /// distinct eigenvalues (0.84, …), each an eigenvalue of dsyevd's.
    @Test("Lanczos (full reorthogonalisation) on the Z7 Hessians: the 3 most positive and the smallest = dsyevd's")
    func lanczosMatchesLAPACK() throws {
        for (name, h) in try Self.z7Hessians() {
            let exact = try LinearAlgebra.symmetricEigenvalues(h)
            let scale = exact.map(abs).max() ?? 1
            #expect(exact.filter { abs($0) < 1e-6 }.count == 16, "\(name): \(exact)")
            let l = try Lanczos.extremeEigenpairs(
                of: try DenseSymmetricOperator(h), top: 3, bottom: 3, options: LanczosOptions(seed: 3))
            for j in 0..<3 {
                let top = exact[exact.count - 1 - j]
                #expect(abs(l.top.values[j] - top) <= 1e-8 * abs(top), "\(name) top \(j): \(l.top.values[j]) vs \(top)")
                // Every bottom Ritz value is an eigenvalue (measured against ‖H‖₂: the bottom is near 0).
                let nearest = exact.map { abs($0 - l.bottom.values[j]) }.min() ?? .infinity
                #expect(nearest <= 1e-8 * scale, "\(name) bottom \(j): \(l.bottom.values[j])")
            }
            #expect(abs(l.bottom.values[0] - exact[0]) <= 1e-8 * scale, "\(name): smallest")
            #expect(l.top.residualNorms.allSatisfy { $0 <= 1e-8 * scale })
        }
    }

    /// The PyHessian pitfall: power iteration returns the eigenvalue of largest magnitude, here the most negative.
    @Test("power iteration converges to the largest |λ| (−3), not the most positive (2); Lanczos gives both ends")
    func largestMagnitudeNotMostPositive() throws {
        var rng = TestSupport.rng(11)
        let q = try LinearAlgebra.qr(try Matrix(rows: 5, columns: 5, columnMajor: rng.gaussians(25))).q
        var d = Matrix(rows: 5, columns: 5)
        for (i, v) in [-3.0, 2, 1, 0.5, 0.25].enumerated() { d[i, i] = v }
        let a = try DenseSymmetricOperator(q * d * q.transposed)
        let power = try PowerIteration.largestMagnitudeEigenpairs(
            of: a, count: 2, options: PowerIterationOptions(maximumIterations: 2000, tolerance: 1e-12, seed: 1))
        #expect(abs(power.pairs.values[0] + 3) < 1e-10 && abs(power.pairs.values[1] - 2) < 1e-10)
        let l = try Lanczos.extremeEigenpairs(of: a, top: 1, bottom: 1)
        #expect(abs(l.top.values[0] - 2) < 1e-10 && abs(l.bottom.values[0] + 3) < 1e-10)
        // Equal magnitudes (±2) do not separate: the pair is reported as not converged, never as exact.
        var e = Matrix(rows: 3, columns: 3)
        e[0, 0] = 2
        e[1, 1] = -2
        e[2, 2] = 1
        let tie = try PowerIteration.largestMagnitudeEigenpairs(
            of: try DenseSymmetricOperator(e), count: 1, options: PowerIterationOptions(maximumIterations: 50, seed: 2))
        #expect(tie.converged == [false])
        #expect(throws: NumericsError.self) { try PowerIteration.largestMagnitudeEigenpairs(of: a, count: 6) }
    }
}
