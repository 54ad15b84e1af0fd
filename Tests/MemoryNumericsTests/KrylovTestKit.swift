import MemoryNumerics
import _TestSupport

/// Explicit symmetric test matrices with known spectra for the matrix-free tools.
enum KrylovTestKit {
    /// A random n × n orthogonal matrix (Q of a Gaussian matrix, fixed seed).
    static func orthogonal(_ n: Int, seed: UInt64) throws -> Matrix {
        var q = LinAlgTestKit.gaussian(n, n, seed: seed)
        try LinearAlgebra.orthonormalizeColumns(&q)
        return q
    }

    /// V·diag(λ)·Vᵀ with a random orthogonal V, exactly symmetrised.
    static func symmetric(eigenvalues lambda: [Double], seed: UInt64) throws -> Matrix {
        let n = lambda.count
        let v = try orthogonal(n, seed: seed)
        var scaled = v
        for j in 0..<n { for i in 0..<n { scaled[i, j] *= lambda[j] } }
        let a = scaled * v.transposed
        var s = a
        for j in 0..<n { for i in 0..<n { s[i, j] = 0.5 * (a[i, j] + a[j, i]) } }
        return s
    }

    /// A random symmetric matrix with N(0, 1) entries (off-diagonal pairs equal).
    static func gaussianSymmetric(_ n: Int, seed: UInt64) -> Matrix {
        let g = LinAlgTestKit.gaussian(n, n, seed: seed)
        var s = g
        for j in 0..<n { for i in 0..<n { s[i, j] = (g[i, j] + g[j, i]) / 2.0.squareRoot() } }
        return s
    }

    /// |uᵀv| / (‖u‖‖v‖).
    static func alignment(_ u: [Double], _ v: [Double]) -> Double {
        let dot = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
        let nu = u.reduce(0) { $0 + $1 * $1 }.squareRoot(), nv = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return abs(dot) / (nu * nv)
    }
}
