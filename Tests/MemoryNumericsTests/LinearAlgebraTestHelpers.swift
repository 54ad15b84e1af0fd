import MemoryNumerics
import _TestSupport

/// Small helpers for the LinearAlgebra tests (fixed seeds; Frobenius-norm comparisons).
enum LinAlgTestKit {
    /// n×m matrix of independent N(0, 1) draws from a fixed seed.
    static func gaussian(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var rng = TestSupport.rng(seed)
        var m = Matrix(rows: rows, columns: columns)
        for k in m.elements.indices { m.elements[k] = rng.gaussian() }
        return m
    }

    static func complexGaussian(_ rows: Int, _ columns: Int, seed: UInt64) -> ComplexMatrix {
        var rng = TestSupport.rng(seed)
        var m = ComplexMatrix(rows: rows, columns: columns)
        for k in m.elements.indices { m.elements[k] = Complex(rng.gaussian(), rng.gaussian()) }
        return m
    }

    /// ‖A − B‖_F (∞ if shapes differ).
    static func distance(_ a: Matrix, _ b: Matrix) -> Double {
        guard a.rows == b.rows, a.columns == b.columns else { return .infinity }
        return (a - b).frobeniusNorm
    }

    /// ‖A − B‖_F / ‖B‖_F.
    static func relativeDistance(_ a: Matrix, _ b: Matrix) -> Double {
        distance(a, b) / max(b.frobeniusNorm, Double.leastNormalMagnitude)
    }

    /// ‖A·v − λ·v‖₂ for complex A, v.
    static func eigenResidual(_ a: ComplexMatrix, _ lambda: Complex<Double>, _ v: [Complex<Double>]) -> Double {
        var s = 0.0
        for i in 0..<a.rows {
            var acc = Complex<Double>.zero
            for j in 0..<a.columns { acc = acc + a[i, j] * v[j] }
            let r = acc - lambda * v[i]
            s += r.lengthSquared
        }
        return s.squareRoot()
    }

    static func norm(_ v: [Complex<Double>]) -> Double { v.reduce(0) { $0 + $1.lengthSquared }.squareRoot() }

    /// Complex numbers sorted by (real, imaginary), for comparing spectra as multisets.
    static func sorted(_ z: [Complex<Double>]) -> [Complex<Double>] {
        z.sorted { ($0.real, $0.imaginary) < ($1.real, $1.imaginary) }
    }

    static func maxDistance(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).reduce(0) { max($0, ($1.0 - $1.1).length) }
    }

    /// Matrix with the spectrum of `a` scaled so that ρ = `radius`.
    static func withSpectralRadius(_ a: Matrix, _ radius: Double) throws -> Matrix {
        let rho = try LinearAlgebra.spectralRadius(a)
        return (radius / rho) * a
    }

    /// Residual ‖Σ − WΣWᵀ − Q‖_F / ‖Σ‖_F of the Stein equation.
    static func steinResidual(_ sigma: Matrix, _ w: Matrix, _ q: Matrix) -> Double {
        let r = sigma - w * sigma * w.transposed - q
        return r.frobeniusNorm / sigma.frobeniusNorm
    }

    /// Rows given as nested arrays; the literals in the tests are rectangular.
    static func m(_ rows: [[Double]]) throws -> Matrix { try Matrix(rows) }
}
