import MemoryNumerics
import Testing
import _TestSupport

@Suite("LinearAlgebra: Stein equation Σ = WΣWᵀ + Q")
struct LinearAlgebraSteinTests {
    static let methods: [LinearAlgebra.SteinMethod] = [.schur, .doubling]

    /// Scalar W = w: Σ = q/(1 − w²) (geometric series Σ w^{2k} q).
    @Test(arguments: methods)
    func scalarClosedForm(method: LinearAlgebra.SteinMethod) throws {
        for (w, q) in [(0.5, 2.0), (-0.9, 1.0), (0.999, 0.3), (0, 4)] {
            let s = try LinearAlgebra.solveStein(w: Matrix.diagonal([w]), q: Matrix.diagonal([q]), method: method)
            #expect(TestSupport.relativeError(s[0, 0], q / (1 - w * w)) < 1e-13, "w = \(w)")
        }
    }

    /// Diagonal W = diag(wᵢ), symmetric Q: Σᵢⱼ = Qᵢⱼ/(1 − wᵢwⱼ).
    @Test(arguments: methods)
    func diagonalClosedForm(method: LinearAlgebra.SteinMethod) throws {
        let w = [0.9, -0.5, 0.0, 0.99, 0.3, -0.95]
        let g = LinAlgTestKit.gaussian(6, 6, seed: 91)
        let q = g * g.transposed
        let s = try LinearAlgebra.solveStein(w: Matrix.diagonal(w), q: q, method: method)
        var expected = Matrix(rows: 6, columns: 6)
        for i in 0..<6 { for j in 0..<6 { expected[i, j] = q[i, j] / (1 - w[i] * w[j]) } }
        #expect(LinAlgTestKit.relativeDistance(s, expected) < 1e-13)
        #expect(s == s.transposed)
    }

    /// W = r·R(θ), a rotation scaled by r (one 2×2 Schur block with eigenvalues r·e^{±iθ}), Q = I:
    /// WWᵀ = r²I, so Σ = Σ_k r^{2k} I = I/(1 − r²).
    @Test(arguments: methods)
    func rotationClosedForm(method: LinearAlgebra.SteinMethod) throws {
        let r = 0.97, theta = 0.4
        let w = try LinAlgTestKit.m([
            [r * Double.cos(theta), -r * Double.sin(theta)], [r * Double.sin(theta), r * Double.cos(theta)],
        ])
        let s = try LinearAlgebra.solveStein(w: w, q: Matrix.identity(2), method: method)
        #expect(LinAlgTestKit.relativeDistance(s, (1 / (1 - r * r)) * Matrix.identity(2)) < 1e-13)
    }

    /// Random non-normal 8×8 W with ρ(W) = 0.8 and Q = BBᵀ: Σ equals the series Σ_k W^k Q (W^k)ᵀ, summed until the
    /// terms are below 1e-20 relative (k ≈ 250).
    @Test(arguments: methods)
    func matchesSeries(method: LinearAlgebra.SteinMethod) throws {
        let w = try LinAlgTestKit.withSpectralRadius(LinAlgTestKit.gaussian(8, 8, seed: 101), 0.8)
        let b = LinAlgTestKit.gaussian(8, 3, seed: 102)
        let q = b * b.transposed
        let s = try LinearAlgebra.solveStein(w: w, q: q, method: method)
        var series = q
        var term = q
        for _ in 0..<2000 {
            term = w * term * w.transposed
            series = series + term
            if term.frobeniusNorm < 1e-20 * series.frobeniusNorm { break }
        }
        #expect(LinAlgTestKit.relativeDistance(s, series) < 1e-13)
        #expect(LinAlgTestKit.steinResidual(s, w, q) < 1e-14)
        // Σ is symmetric positive semidefinite (here definite: (W, B) is controllable for generic draws).
        #expect(s == s.transposed)
        #expect(try LinearAlgebra.symmetricEigenvalues(s).allSatisfy { $0 > 0 })
    }

    /// A non-symmetric Q is solved as a general equation (the Schur solver's non-symmetric path).
    @Test(arguments: methods)
    func nonSymmetricQ(method: LinearAlgebra.SteinMethod) throws {
        let w = try LinAlgTestKit.withSpectralRadius(LinAlgTestKit.gaussian(7, 7, seed: 111), 0.9)
        let q = LinAlgTestKit.gaussian(7, 7, seed: 112)
        let s = try LinearAlgebra.solveStein(w: w, q: q, method: method)
        #expect(LinAlgTestKit.steinResidual(s, w, q) < 1e-13)
        // Transposing the equation shows Σᵀ solves it for Qᵀ; by linearity ½(Q + Qᵀ) gives ½(Σ + Σᵀ).
        let qs = 0.5 * (q + q.transposed)
        let ss = try LinearAlgebra.solveStein(w: w, q: qs, method: method)
        #expect(LinAlgTestKit.relativeDistance(ss, 0.5 * (s + s.transposed)) < 1e-12)
    }

    /// N = 200, ρ(W) = 0.999 (random Gaussian W rescaled; non-normal, with many 2×2 Schur blocks): relative residual
    /// ≤ 1e-13 for both methods, and the two (unrelated) algorithms agree to 1e-12 relative (measured ≈ 4e-15).
    @Test func largeNearlyUnstable() throws {
        let n = 200
        let w = try LinAlgTestKit.withSpectralRadius(LinAlgTestKit.gaussian(n, n, seed: 121), 0.999)
        let b = LinAlgTestKit.gaussian(n, n, seed: 122)
        let q = (1 / Double(n)) * (b * b.transposed)
        let schur = try LinearAlgebra.solveStein(w: w, q: q, method: .schur)
        let doubling = try LinearAlgebra.solveStein(w: w, q: q, method: .doubling)
        #expect(LinAlgTestKit.steinResidual(schur, w, q) < 1e-13)
        #expect(LinAlgTestKit.steinResidual(doubling, w, q) < 1e-13)
        #expect(LinAlgTestKit.relativeDistance(schur, doubling) < 1e-12)
    }

    /// Forward error against a closed form at ρ = 0.999: normal W = U·diag(d)·Uᵀ (U orthogonal, dᵢ uniform on
    /// [−0.999, 0.999] plus dᵢ = ±0.999 exactly) with Q = I has Σ = U·diag(1/(1 − dᵢ²))·Uᵀ. The reference itself
    /// is exact only up to the rounding of W (relative condition ≈ 2/(1 − 0.999²) ≈ 1000), so 1e-12 is the bar.
    @Test(arguments: methods)
    func normalClosedFormNearUnitCircle(method: LinearAlgebra.SteinMethod) throws {
        let n = 120
        let u = try LinearAlgebra.qr(LinAlgTestKit.gaussian(n, n, seed: 131)).q
        var rng = TestSupport.rng(132)
        var d = (0..<n).map { _ in rng.uniform(-0.999, 0.999) }
        d[0] = 0.999
        d[1] = -0.999
        let w = u * Matrix.diagonal(d) * u.transposed
        let exact = u * Matrix.diagonal(d.map { 1 / (1 - $0 * $0) }) * u.transposed
        let s = try LinearAlgebra.solveStein(w: w, q: Matrix.identity(n), method: method)
        #expect(LinAlgTestKit.relativeDistance(s, exact) < 1e-12)
    }

    /// ρ(W) ≥ 1 throws notStable with the spectral radius (no crash, no garbage solution).
    @Test(arguments: methods)
    func unstableThrows(method: LinearAlgebra.SteinMethod) throws {
        let cases: [(Matrix, Double)] = [
            (Matrix.diagonal([1.0, 0.5]), 1.0),
            (Matrix.diagonal([0.2, -1.5]), 1.5),
            (try LinAlgTestKit.m([[0.6, -0.9], [0.9, 0.6]]), (0.36 + 0.81).squareRoot()),
        ]
        for (w, rho) in cases {
            let error = #expect(throws: LinearAlgebraError.self) {
                try LinearAlgebra.solveStein(w: w, q: Matrix.identity(2), method: method)
            }
            if case .notStable(let reported)? = error {
                #expect(abs(reported - rho) < 1e-14)
            } else {
                Issue.record("expected notStable, got \(String(describing: error))")
            }
        }
    }

    @Test func invalidInputs() throws {
        #expect(throws: NumericsError.self) {
            try LinearAlgebra.solveStein(w: Matrix.identity(2), q: Matrix(rows: 2, columns: 3))
        }
        var q = Matrix.identity(2)
        q[0, 1] = .nan
        #expect(throws: NumericsError.self) { try LinearAlgebra.solveStein(w: Matrix.diagonal([0.1, 0.2]), q: q) }
        #expect(try LinearAlgebra.solveStein(w: Matrix(rows: 0, columns: 0), q: Matrix(rows: 0, columns: 0)).rows == 0)
    }
}
