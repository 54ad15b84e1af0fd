import MemoryNumerics

extension LinearRNN {
    /// A random real n × n matrix with controlled eigenvalues, the construction of Zucchet & Orvieto (2024, NeurIPS,
    /// arXiv 2405.21064; `recurrent_matrix_init` in their `source/model.py`), used both for the dense student and
    /// for the teacher of the linear-system-identification task:
    ///
    /// 1. A₀ with i.i.d. N(0, 1/n) entries; eigen-decomposition A₀ = V diag(l) V⁻¹ (LAPACK `dgeev`);
    /// 2. l′_j = (ν₀ + (ν_max − ν₀)·tanh|l_j|)·exp(i·arg(l_j)·φ_max/π), arg ∈ (−π, π];
    /// 3. A = Re(V diag(l′) V⁻¹).
    ///
    /// Moduli lie in [ν₀, ν_max). Conjugate pairs stay conjugate, so for them step 3 takes no real part; a real
    /// negative eigenvalue (arg = π) gets phase φ_max, which is not real unless φ_max = π, and the real part keeps
    /// Re l′ = ν cos φ_max for it (exactly what taking `.real` of the complex product does). Computed in real
    /// arithmetic: with P = [x_1, y_1, …, v_r, …] (x ± iy the eigenvectors of the pairs a ± ib, b > 0, v_r the real
    /// ones) and M′ = blockdiag([[Re l′, Im l′], [−Im l′, Re l′]], …, Re l′_r, …), A = P M′ P⁻¹ (one LU solve).
    ///
    /// - Parameters:
    ///   - n: the size, n ≥ 1.
    ///   - nu0: ν₀ (`minimumModulus`) ∈ [0, ν_max].
    ///   - nuMax: ν_max (`maximumModulus`) ∈ [ν₀, ∞) (1 in the paper).
    ///   - maximumPhase: φ_max > 0 (the paper's `max_phase`, 3.14 in the linear-system-identification scans).
    ///   - rng: draws n² standard normals in column-major order.
    /// - Throws: ``RecurrentError/invalidArgument(argument:message:)`` for bad arguments; a `LinearAlgebraError`
    ///   if the eigenvector matrix is exactly singular (probability zero for Gaussian A₀).
    public static func zucchetOrvietoMatrix(
        size n: Int, minimumModulus nu0: Double, maximumModulus nuMax: Double = 1, maximumPhase: Double,
        using rng: inout SeededRandom
    ) throws -> Matrix {
        guard n >= 1 else { throw RecurrentError.invalidArgument(argument: "size", message: "must be ≥ 1, got \(n)") }
        guard nu0.isFinite, nu0 >= 0 else {
            throw RecurrentError.invalidArgument(
                argument: "minimumModulus", message: "must be finite and ≥ 0, got \(nu0)")
        }
        guard nuMax.isFinite, nuMax >= nu0 else {
            throw RecurrentError.invalidArgument(
                argument: "maximumModulus", message: "must be finite and ≥ minimumModulus \(nu0), got \(nuMax)")
        }
        guard maximumPhase.isFinite, maximumPhase > 0 else {
            throw RecurrentError.invalidArgument(
                argument: "maximumPhase", message: "must be finite and > 0, got \(maximumPhase)")
        }
        let scale = 1 / Double(n).squareRoot()
        let a0 = try Matrix(rows: n, columns: n, columnMajor: rng.gaussians(n * n).map { $0 * scale })
        let eig = try LinearAlgebra.eigen(a0)
        guard let v = eig.vectors else { preconditionFailure("eigen(vectors: true) returned no vectors") }
        func transformed(_ l: Complex<Double>) -> (re: Double, im: Double) {
            let modulus = nu0 + (nuMax - nu0) * Double.tanh(l.length)
            let phase = Double.atan2(y: l.imaginary, x: l.real) * maximumPhase / Double.pi
            return (modulus * Double.cos(phase), modulus * Double.sin(phase))
        }
        var p = Matrix(rows: n, columns: n)
        var m = Matrix(rows: n, columns: n)
        var j = 0
        while j < n {
            let l = eig.values[j]
            if l.imaginary != 0 && j + 1 < n {
                // Pair (l, l̄) with Im l > 0 first (dgeev order); A x = a x − b y, A y = b x + a y for v = x + iy.
                let (re, im) = transformed(l)
                for i in 0..<n {
                    p[i, j] = v[i, j].real
                    p[i, j + 1] = v[i, j].imaginary
                }
                m[j, j] = re
                m[j, j + 1] = im
                m[j + 1, j] = -im
                m[j + 1, j + 1] = re
                j += 2
            } else {
                for i in 0..<n { p[i, j] = v[i, j].real }
                m[j, j] = transformed(l).re
                j += 1
            }
        }
        // A = (P M′) P⁻¹  ⇔  Pᵀ Aᵀ = (P M′)ᵀ.
        let pm = p * m
        return try LinearAlgebra.solve(p.transposed, pm.transposed).transposed
    }

    /// One draw of flax's `lecun_normal` (truncated normal on ±2σ, variance exactly 1/fanIn).
    static func lecunNormal(fanIn: Int, using rng: inout SeededRandom) -> Double {
        var z = rng.gaussian()
        while abs(z) > 2 { z = rng.gaussian() }
        return z / (Double(max(1, fanIn)).squareRoot() * 0.87962566103423978)
    }
}
