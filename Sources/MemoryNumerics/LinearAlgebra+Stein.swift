import CCBLAS
import CLAPACKE
import Numerics

extension LinearAlgebra {
    /// Algorithms for the Stein equation Σ = W·Σ·Wᵀ + Q.
    public enum SteinMethod: Sendable, Equatable {
        /// Real Schur form W = U·T·Uᵀ (`dgees`), then the transformed equation X = T·X·Tᵀ + UᵀQU is solved
        /// exactly by block back-substitution over T's 1×1 and 2×2 diagonal blocks, and Σ = U·X·Uᵀ
        /// (the discrete-time Bartels–Stewart method: Barraud, IEEE Trans. Automat. Control 22:883–885, 1977;
        /// Kitagawa, Int. J. Control 25:745–753, 1977), followed by one step of iterative refinement that reuses
        /// the Schur form. About 25n³ flops for dgees plus ≈ 22n³ for the two transformed solves and the residual.
        case schur
        /// Smith's doubling iteration (Smith, SIAM J. Appl. Math. 16:198–201, 1968): Σ₀ = Q, A₀ = W,
        /// Σₖ₊₁ = Σₖ + AₖΣₖAₖᵀ, Aₖ₊₁ = Aₖ², so Σₖ = Σ_{j<2ᵏ} WʲQWʲᵀ. It stops once ‖Aₖ‖_F² ≤ ε/8, which bounds the
        /// neglected tail AₖΣAₖᵀ by ε/8·‖Σ‖₂; about log₂(19/(1 − ρ)) iterations (more for non-normal W) of three
        /// n×n products.
        case doubling
    }

    /// Solves the Stein (discrete-time Lyapunov) equation Σ = W·Σ·Wᵀ + Q for a stable W.
    ///
    /// For ρ(W) < 1 the solution is unique and equals the convergent series Σ = Σ_{k≥0} Wᵏ·Q·(Wᵏ)ᵀ; it is the
    /// stationary covariance of x_t = W·x_{t−1} + ε_t with Cov(ε_t) = Q (the state covariance behind the memory
    /// capacity of a linear network, Jaeger 2001, "Short term memory in echo state networks", GMD Report 152, and the
    /// VAR(1) autocovariance Γ(0)). An exactly symmetric Q gives an exactly symmetric Σ (the Schur solver then also
    /// exploits symmetry, computing only one triangle); a non-symmetric Q is
    /// allowed and solved as a general equation.
    ///
    /// Accuracy: the condition of the equation grows like 1/(1 − ρ(W)²) (more for strongly non-normal W). Measured
    /// for n = 300 and ρ(W) = 0.999: relative residual ‖Σ − WΣWᵀ − Q‖_F/‖Σ‖_F ≈ 1e-15 with either method, the two
    /// methods agree to ≈ 2e-14, and for a normal W = U·diag(d)·Uᵀ the error against the closed form
    /// U·diag(1/(1 − dᵢ²))·Uᵀ (Q = I) is ≈ 7e-14.
    ///
    /// - Parameters:
    ///   - w: n×n with finite entries and spectral radius < 1.
    ///   - q: n×n with finite entries (typically symmetric positive semidefinite).
    ///   - method: ``SteinMethod/schur`` (default) or ``SteinMethod/doubling``.
    /// - Throws: ``LinearAlgebraError/notStable(spectralRadius:)`` if ρ(W) ≥ 1;
    ///   ``NumericsError/dimensionMismatch(_:)`` if W is not square or Q's shape differs;
    ///   ``NumericsError/domain(_:)`` for NaN/∞; ``NumericsError/noConvergence(_:)`` if doubling overflows
    ///   (extremely non-normal W) or needs more than 64 squarings.
    public static func solveStein(w: Matrix, q: Matrix, method: SteinMethod = .schur) throws -> Matrix {
        try requireSquare(w, "w", "solveStein")
        guard q.rows == w.rows, q.columns == w.columns else {
            throw NumericsError.dimensionMismatch(
                "solveStein: q is \(q.rows)×\(q.columns) but w is \(w.rows)×\(w.columns)")
        }
        try requireFinite(w, "solveStein: w")
        try requireFinite(q, "solveStein: q")
        if w.rows == 0 { return q }
        switch method {
        case .schur: return try steinBySchur(w: w, q: q)
        case .doubling: return try steinByDoubling(w: w, q: q)
        }
    }

    // MARK: Schur (Bartels–Stewart / Barraud / Kitagawa)

    static func steinBySchur(w: Matrix, q: Matrix) throws -> Matrix {
        let n = w.rows
        let schur = try realSchur(w)
        let rho = schur.eigenvalues.reduce(0) { max($0, $1.length) }
        guard rho < 1 else { throw LinearAlgebraError.notStable(spectralRadius: rho) }
        let symmetric = isExactlySymmetric(q)
        var workspace = Matrix(rows: n, columns: n)
        var sigma = try steinInSchurBasis(schur, q, symmetric: symmetric, workspace: &workspace)
        // One step of iterative refinement with the same Schur form: R = Q + WΣWᵀ − Σ, Σ ← Σ + Δ with
        // Δ = WΔWᵀ + R. The Schur solve is backward stable but its forward error carries the eigenvalue errors
        // of dgees amplified by the conditioning (~1e-12 at n = 300, ρ = 0.999 for a normal W); after the step the
        // error is that of the residual evaluation (~1e-13 there), as accurate as the doubling sum.
        var residual = q - sigma
        try BLAS.gemm(w, sigma, into: &workspace)
        try BLAS.gemm(workspace, w, transB: .transpose, beta: 1, into: &residual)
        if symmetric { symmetrize(&residual.elements, n: n) }
        let correction = try steinInSchurBasis(schur, residual, symmetric: symmetric, workspace: &workspace)
        for k in sigma.elements.indices { sigma.elements[k] += correction.elements[k] }
        if symmetric { symmetrize(&sigma.elements, n: n) }
        return sigma
    }

    /// Σ = U·X·Uᵀ where X = T·X·Tᵀ + UᵀQU, for the real Schur form W = U·T·Uᵀ.
    static func steinInSchurBasis(
        _ schur: RealSchurDecomposition, _ q: Matrix, symmetric: Bool, workspace tmp: inout Matrix
    ) throws -> Matrix {
        let n = q.rows
        let u = schur.z
        var c = Matrix(rows: n, columns: n)
        try BLAS.gemm(u, q, transA: .transpose, into: &tmp)
        try BLAS.gemm(tmp, u, into: &c)
        if symmetric { symmetrize(&c.elements, n: n) }
        let x = matrix(n, n, solveQuasiTriangularStein(t: schur.t.elements, c: c.elements, n: n, symmetric: symmetric))
        try BLAS.gemm(u, x, into: &tmp)
        try BLAS.gemm(tmp, u, transB: .transpose, into: &c)
        if symmetric { symmetrize(&c.elements, n: n) }
        return c
    }

    /// Solves X = T·X·Tᵀ + C for upper quasi-triangular T (real Schur form, all |λ| < 1).
    ///
    /// Column blocks L of X are found from the last to the first. With Z = X·Tᵀ column block L reads
    /// X_{·L} = T·(X_{·L}T_{LL}ᵀ + Σ_{J>L} X_{·J}T_{LJ}ᵀ) + C_{·L}; the sum over known columns is one GEMM, and the
    /// remaining quasi-triangular system is solved row block K by row block K from the bottom, each a
    /// (|K||L|)×(|K||L|) system (I − T_{LL} ⊗ T_{KK})·vec X_{KL} = r_K. In the symmetric case the rows below block L
    /// are already known from X = Xᵀ and only rows above and in L are solved.
    static func solveQuasiTriangularStein(t: [Double], c: [Double], n: Int, symmetric: Bool) -> [Double] {
        let blocks = schurBlocks(t, n: n)
        var x = [Double](repeating: 0, count: n * n)
        var wBuffer = [Double](repeating: 0, count: n * 2)
        var accBuffer = [Double](repeating: 0, count: n * 2)
        let n32 = Int32(n)
        // Small dense system of order ≤ 4: matrix (row-major, 4×4), right-hand side / solution, Z_K (2×2).
        var small = [Double](repeating: 0, count: 16 + 4 + 4)
        t.withUnsafeBufferPointer { tp in
            c.withUnsafeBufferPointer { cp in
                x.withUnsafeMutableBufferPointer { xp in
                    wBuffer.withUnsafeMutableBufferPointer { wp in
                        accBuffer.withUnsafeMutableBufferPointer { ap in
                            small.withUnsafeMutableBufferPointer { sp in
                                guard let T = tp.baseAddress, let C = cp.baseAddress, let X = xp.baseAddress,
                                    let W = wp.baseAddress, let A = ap.baseAddress, let S = sp.baseAddress
                                else { return }
                                for lb in blocks.indices.reversed() {
                                    let (cL, bL) = blocks[lb]
                                    let eL = cL + bL
                                    let top = symmetric ? eL : n
                                    let tail = n - eL
                                    // W = X[:, eL..<n] · T[L, eL..<n]ᵀ   (n × bL, leading dimension n)
                                    if tail > 0 {
                                        cblas_dgemm(
                                            CblasColMajor, CblasNoTrans, CblasTrans, n32, Int32(bL),
                                            Int32(tail), 1, X + eL * n, n32, T + cL + eL * n, n32, 0, W, n32)
                                    } else {
                                        W.update(repeating: 0, count: n * bL)
                                    }
                                    if symmetric {
                                        // Rows below block L of column block L are known by symmetry; add their
                                        // part of X[:, L]·T_LLᵀ to W.
                                        for i in eL..<n {
                                            for q in 0..<bL { X[i + (cL + q) * n] = X[(cL + q) + i * n] }
                                            for p in 0..<bL {
                                                var s = 0.0
                                                for q in 0..<bL {
                                                    s += X[i + (cL + q) * n] * T[(cL + p) + (cL + q) * n]
                                                }
                                                W[i + p * n] += s
                                            }
                                        }
                                    }
                                    // acc = C[0..<top, L] + T[0..<top, :] · W
                                    for p in 0..<bL {
                                        for i in 0..<top { A[i + p * n] = C[i + (cL + p) * n] }
                                    }
                                    cblas_dgemm(
                                        CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(top), Int32(bL), n32,
                                        1, T, n32, W, n32, 1, A, n32)
                                    // Back-substitution over row blocks K (bottom to top) within rows 0..<top.
                                    let lastK = symmetric ? lb : blocks.count - 1
                                    for kb in stride(from: lastK, through: 0, by: -1) {
                                        let (cK, bK) = blocks[kb]
                                        let d = bK * bL
                                        let M = S, R = S + 16, Z = S + 20
                                        for q in 0..<bL {
                                            for p in 0..<bK {
                                                let row = p + q * bK
                                                R[row] = A[(cK + p) + q * n]
                                                for q2 in 0..<bL {
                                                    for p2 in 0..<bK {
                                                        let col = p2 + q2 * bK
                                                        M[row * 4 + col] =
                                                            (row == col ? 1 : 0)
                                                            - T[(cL + q) + (cL + q2) * n] * T[(cK + p) + (cK + p2) * n]
                                                    }
                                                }
                                            }
                                        }
                                        solveSmallSystem(M, R, d)
                                        for q in 0..<bL {
                                            for p in 0..<bK { X[(cK + p) + (cL + q) * n] = R[p + q * bK] }
                                        }
                                        guard cK > 0 else { continue }
                                        // Z_K = X_KL · T_LLᵀ; acc[0..<cK, :] += T[0..<cK, K] · Z_K.
                                        for r in 0..<bL {
                                            for p in 0..<bK {
                                                var s = 0.0
                                                for q in 0..<bL { s += R[p + q * bK] * T[(cL + r) + (cL + q) * n] }
                                                Z[p + r * 2] = s
                                            }
                                        }
                                        for r in 0..<bL {
                                            for p in 0..<bK where Z[p + r * 2] != 0 {
                                                cblas_daxpy(Int32(cK), Z[p + r * 2], T + (cK + p) * n, 1, A + r * n, 1)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if symmetric { symmetrize(&x, n: n) }
        return x
    }

    /// Gaussian elimination with partial pivoting for a d×d system (d ≤ 4, row-major with row stride 4); the
    /// solution overwrites `r`. The matrices here are I − T_LL ⊗ T_KK with |λ_K λ_L| < 1, hence nonsingular; an
    /// exactly zero pivot (impossible for ρ(W) < 1) leaves the component at zero rather than dividing by it.
    static func solveSmallSystem(_ m: UnsafeMutablePointer<Double>, _ r: UnsafeMutablePointer<Double>, _ d: Int) {
        for k in 0..<d {
            var piv = k
            var best = abs(m[k * 4 + k])
            for i in (k + 1)..<d where abs(m[i * 4 + k]) > best {
                best = abs(m[i * 4 + k])
                piv = i
            }
            if piv != k {
                for j in 0..<d { let tmp = m[k * 4 + j]; m[k * 4 + j] = m[piv * 4 + j]; m[piv * 4 + j] = tmp }
                let tmp = r[k]; r[k] = r[piv]; r[piv] = tmp
            }
            let pivot = m[k * 4 + k]
            guard pivot != 0 else { continue }
            for i in (k + 1)..<d {
                let f = m[i * 4 + k] / pivot
                if f == 0 { continue }
                for j in k..<d { m[i * 4 + j] -= f * m[k * 4 + j] }
                r[i] -= f * r[k]
            }
        }
        for k in stride(from: d - 1, through: 0, by: -1) {
            var s = r[k]
            for j in (k + 1)..<d { s -= m[k * 4 + j] * r[j] }
            let pivot = m[k * 4 + k]
            r[k] = pivot != 0 ? s / pivot : 0
        }
    }

    // MARK: Doubling (Smith 1968)

    static func steinByDoubling(w: Matrix, q: Matrix) throws -> Matrix {
        let n = w.rows
        let rho = try spectralRadius(w)
        guard rho < 1 else { throw LinearAlgebraError.notStable(spectralRadius: rho) }
        let symmetric = isExactlySymmetric(q)
        var sigma = q
        var a = w
        var aSigma = Matrix(rows: n, columns: n)
        var aSquared = Matrix(rows: n, columns: n)
        let tolerance = Double.ulpOfOne / 8
        for _ in 0..<64 {
            try BLAS.gemm(a, sigma, into: &aSigma)
            try BLAS.gemm(aSigma, a, transB: .transpose, beta: 1, into: &sigma)
            try BLAS.gemm(a, a, into: &aSquared)
            swap(&a, &aSquared)
            let norm2 = a.elements.reduce(0) { $0 + $1 * $1 }
            guard norm2.isFinite, sigma.elements.allSatisfy({ $0.isFinite }) else {
                throw NumericsError.noConvergence(
                    "solveStein (doubling): W^(2^k) overflowed (W is extremely non-normal); use method .schur")
            }
            if norm2 <= tolerance {
                if symmetric { symmetrize(&sigma.elements, n: n) }
                return sigma
            }
        }
        throw NumericsError.noConvergence(
            "solveStein (doubling): ‖W^(2^64)‖ still above tolerance (ρ(W) = \(rho) too close to 1); use method .schur")
    }

    // MARK: Helpers

    static func isExactlySymmetric(_ a: Matrix) -> Bool {
        let n = a.rows
        for j in 0..<n { for i in 0..<j where a.elements[i + j * n] != a.elements[j + i * n] { return false } }
        return true
    }

    static func symmetrize(_ a: inout [Double], n: Int) {
        for j in 0..<n {
            for i in 0..<j {
                let m = 0.5 * (a[i + j * n] + a[j + i * n])
                a[i + j * n] = m
                a[j + i * n] = m
            }
        }
    }
}
