import MemoryNumerics

/// Linear readouts y ≈ wᵀs + b from a matrix of states (one row per sample), fitted for many targets at once from
/// one SVD of the centred state matrix X̃ = U·diag(σ)·Vᵀ.
///
/// With filter factors f_i = 1/σ_i (least squares) or f_i = σ_i/(σ_i² + nλ) (ridge, see
/// ``ReadoutRegularization``), the coefficients are w = V·diag(f)·Uᵀỹ and b = ȳ − x̄ᵀw; the fitted values are
/// ŷ − ȳ = U·diag(g)·Uᵀỹ with g_i = σ_i f_i ∈ [0, 1]. Cost O(n·p²) once, then O(n·p) per target (BLAS).
struct LinearReadout {
    let info: ReadoutFitInfo
    let means: [Double]
    /// n × r left singular vectors of the retained directions.
    let u: Matrix
    /// p × r right singular vectors.
    let v: Matrix
    /// Filter factors f_i and in-sample shrinkage g_i = σ_i f_i of the retained directions.
    let f: [Double]
    let g: [Double]

    /// Fit the readout basis on `states` (n × p, column-major, one row per sample). With `pseudoInverse` the
    /// regularization is ignored and the fit is the minimum-norm least squares over the numerical rank (the exact
    /// projection on the column space, never throwing for rank deficiency).
    init(states: Matrix, regularization: ReadoutRegularization, argument: String, pseudoInverse: Bool = false) throws {
        try regularization.validate()
        let n = states.rows, p = states.columns
        guard n >= 2, p >= 1 else {
            throw MemoryProbeError.invalidArgument(
                argument: argument,
                message: "needs at least 2 samples and 1 state variable, got \(n) × \(p)")
        }
        var x = states
        var means = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var s = 0.0
            for i in 0..<n { s += x.elements[i + j * n] }
            let m = s / Double(n)
            means[j] = m
            for i in 0..<n { x.elements[i + j * n] -= m }
        }
        let svd = try LinearAlgebra.svd(x, mode: .thin)
        let sigma = svd.singularValues
        let top = sigma.first ?? 0
        let rank = top > 0 ? sigma.filter { $0 > ReadoutRegularization.rankTolerance * top }.count : 0
        var relative = 0.0
        if !pseudoInverse {
            switch regularization {
            case .none:
                guard rank == p else {
                    throw MemoryProbeError.rankDeficient(argument: argument, rank: rank, columns: p)
                }
            case .automatic(let r):
                if rank < p { relative = r }
            case .ridge(let r):
                relative = r
            }
        }
        // λ on the covariance scale; nλ on the scale of X̃ᵀX̃.
        let lambda = relative * top * top / Double(n)
        let nLambda = relative * top * top
        let kept = relative > 0 ? sigma.indices.filter { sigma[$0] > 0 } : Array(0..<rank)
        var uk = Matrix(rows: n, columns: kept.count)
        var vk = Matrix(rows: p, columns: kept.count)
        var f = [Double](), g = [Double]()
        for (c, i) in kept.enumerated() {
            for r in 0..<n { uk.elements[r + c * n] = svd.u.elements[r + i * n] }
            for r in 0..<p { vk.elements[r + c * p] = svd.vt[i, r] }
            let s = sigma[i]
            let fi = relative > 0 ? s / (s * s + nLambda) : 1 / s
            f.append(fi)
            g.append(s * fi)
        }
        let smallest = rank > 0 ? sigma[rank - 1] : 0
        let condition = rank == p && smallest > 0 ? top / smallest : .infinity
        info = ReadoutFitInfo(
            samples: n, columns: p, rank: rank, ridge: lambda, relativeRidge: relative,
            conditionNumber: condition)
        self.means = means
        self.u = uk
        self.v = vk
        self.f = f
        self.g = g
    }

    /// Centre each column of `targets` (n × m) in place and return the column means.
    static func centre(_ targets: inout Matrix) -> [Double] {
        let n = targets.rows
        var means = [Double](repeating: 0, count: targets.columns)
        for j in 0..<targets.columns {
            var s = 0.0
            for i in 0..<n { s += targets.elements[i + j * n] }
            let m = s / Double(n)
            means[j] = m
            for i in 0..<n { targets.elements[i + j * n] -= m }
        }
        return means
    }

    /// In-sample coefficient of determination R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)² of every target column (n × m) — for
    /// ordinary least squares the squared multiple correlation ‖Uᵀỹ‖²/‖ỹ‖² (Dambre et al. 2012's capacity
    /// C[y] = 1 − min_w⟨(y − ŷ)²⟩/⟨y²⟩). A constant target gets 0.
    func inSampleRSquared(_ targets: Matrix) throws -> [Double] {
        precondition(targets.rows == u.rows, "targets must have one row per fitted sample")
        var y = targets
        _ = Self.centre(&y)
        let c = u.transposed * y  // r × m
        let r = c.rows
        return (0..<y.columns).map { j in
            var total = 0.0
            for i in 0..<y.rows { total += y.elements[i + j * y.rows] * y.elements[i + j * y.rows] }
            guard total > 0 else { return 0 }
            var explained = 0.0
            for i in 0..<r {
                let ci = c.elements[i + j * r]
                explained += (2 * g[i] - g[i] * g[i]) * ci * ci
            }
            return min(1, max(0, explained / total))
        }
    }

    /// Coefficients (p × m) and intercepts (m) for every target column (n × m).
    func coefficients(_ targets: Matrix) -> (weights: Matrix, intercepts: [Double]) {
        precondition(targets.rows == u.rows, "targets must have one row per fitted sample")
        var y = targets
        let ybar = Self.centre(&y)
        var c = u.transposed * y  // r × m
        for j in 0..<c.columns { for i in 0..<c.rows { c.elements[i + j * c.rows] *= f[i] } }
        let w = v * c  // p × m
        let b = (0..<w.columns).map { j in
            var s = ybar[j]
            for i in 0..<w.rows { s -= means[i] * w.elements[i + j * w.rows] }
            return s
        }
        return (w, b)
    }

    /// Predictions (n' × m) of the fitted readouts on new states (n' × p).
    static func predict(_ states: Matrix, weights: Matrix, intercepts: [Double]) -> Matrix {
        var y = states * weights
        for j in 0..<y.columns { for i in 0..<y.rows { y.elements[i + j * y.rows] += intercepts[j] } }
        return y
    }
}
