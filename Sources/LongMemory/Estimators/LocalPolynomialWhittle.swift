import MemoryNumerics

/// Local polynomial Whittle estimator of d (Andrews & Sun 2004, Econometrica 72(2):569–614).
///
/// Near λ = 0 the spectral density is modelled as f(λ) ≈ G·λ^{−2d}·exp(Σ_{k=1}^{r} θ_k λ^{2k}): the even polynomial
/// absorbs the smooth short-memory part of log f (AR/MA dynamics), which biases the plain local Whittle estimator
/// (Robinson 1995) upward as the bandwidth grows. With u_j = (2 log λ_j, −λ_j², …, −λ_j^{2r}) and β = (d, θ), the
/// profiled objective (G concentrated out) is
///
///   R(β) = log((1/m) Σ_{j=1}^{m} I(λ_j)·e^{β·u_j}) − β·ū,  ū = (1/m) Σ_j u_j,
///
/// which is Andrews & Sun's (2.6) and is jointly convex in β (a log-sum-exp of linear functions minus a linear
/// one), so Newton's method with step halving finds the global minimum without a search interval — no estimate is
/// pinned at a bound. Asymptotically √m(d̂ − d) → N(0, c_r/4) (Andrews & Sun 2004, Theorem 3) with
/// c_r = (1 − μ_rᵀ Γ_r^{−1} μ_r)^{−1}, μ_{r,k} = 2k/(2k + 1)², Γ_{r,ik} = 4ik/((2i + 2k + 1)(2i + 1)(2k + 1)):
/// c₀ = 1 (local Whittle), c₁ = 9/4, c₂ ≈ 3.52 — the variance inflation that buys the bias reduction, the same
/// constants as the bias-reduced log-periodogram regression of Andrews & Guggenberger (2003).
public enum LocalPolynomialWhittle {
    /// Default m = ⌊n^0.65⌋ (that of local Whittle, so the two are compared on the same frequencies).
    public static let defaultExponent = 0.65
    /// Default polynomial order r = 1.
    public static let defaultOrder = 1

    /// c_r of Andrews & Sun (2004, Theorem 3): the asymptotic variance of √m(d̂ − d) is c_r/4.
    public static func varianceFactor(order r: Int) throws -> Double {
        guard r >= 0, r <= 6 else {
            throw LongMemoryError.invalidArgument(name: "order", value: "\(r)", requirement: "must be in 0…6")
        }
        if r == 0 { return 1 }
        var gamma = Matrix(rows: r, columns: r)
        var mu = [Double](repeating: 0, count: r)
        for i in 1...r {
            let di = Double(i)
            mu[i - 1] = 2 * di / ((2 * di + 1) * (2 * di + 1))
            for k in 1...r {
                let dk = Double(k)
                gamma[i - 1, k - 1] = 4 * di * dk / ((2 * di + 2 * dk + 1) * (2 * di + 1) * (2 * dk + 1))
            }
        }
        let solved = try LinearAlgebra.solve(gamma, mu)
        var quadratic = 0.0
        for i in 0..<r { quadratic += mu[i] * solved[i] }
        return 1 / (1 - quadratic)
    }

    /// The estimate of d with the Andrews–Sun standard error √(c_r/(4m)).
    /// - Parameters:
    ///   - x: the series (finite, not constant, at least 16 values).
    ///   - bandwidth: m (``Bandwidth/count(_:)`` or ``Bandwidth/exponent(_:)``; default ⌊n^0.65⌋); m ≥ 10(r + 1).
    ///   - r: the number of even polynomial terms (default 1; the argument label is `order`).
    ///   - confidenceLevel: level of the Wald interval.
    public static func estimate(
        _ x: [Double], bandwidth: Bandwidth = .exponent(defaultExponent), order r: Int = defaultOrder,
        confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        try EstimatorInput.validate(x, estimator: "local polynomial Whittle estimation")
        try EstimatorInput.validateLevel(confidenceLevel)
        let factor = try varianceFactor(order: r)
        guard bandwidth != .plugIn else {
            throw LongMemoryError.invalidArgument(
                name: "bandwidth", value: "plug-in", requirement: "local polynomial Whittle needs a fixed m")
        }
        let n = x.count
        let (m, tuning) = try bandwidth.resolveFixed(n: n, minimum: 10 * (r + 1), estimator: "local polynomial Whittle")
        let pgram = try SampleStatistics.periodogram(x, count: m)
        let fit = try minimize(periodogram: pgram.values, frequencies: pgram.frequencies, order: r)
        let se = (factor / (4 * Double(m))).squareRoot()
        var auxiliary = [AuxiliaryParameter(name: "G", value: fit.scale)]
        for k in 0..<r { auxiliary.append(AuxiliaryParameter(name: "theta\(k + 1)", value: fit.beta[k + 1])) }
        auxiliary.append(AuxiliaryParameter(name: "c_r", value: factor))
        var notes: [String] = []
        if !fit.converged { notes.append("Newton's method stopped after \(fit.iterations) steps before its tolerance") }
        if fit.beta[0] > 0.75 {
            notes.append(
                "like local Whittle, the local polynomial Whittle estimator assumes d < 3/4; use exact local Whittle "
                    + "for nonstationary series")
        }
        return try MemoryEstimate(
            method: .localPolynomialWhittle,
            variant: "local polynomial Whittle, r = \(r) (Andrews & Sun 2004), s.e. √(c_r/(4m))",
            d: fit.beta[0], standardError: se, confidenceLevel: confidenceLevel, n: n, bandwidth: m,
            tuningDescription: "\(tuning), r = \(r)", auxiliary: auxiliary, objective: fit.value, notes: notes)
    }

    /// Minimise R(β) by damped Newton steps (the Hessian is the weighted covariance of u_j, positive definite
    /// unless the periodogram ordinates used are all zero).
    static func minimize(periodogram values: [Double], frequencies: [Double], order r: Int) throws
        -> (beta: [Double], value: Double, scale: Double, converged: Bool, iterations: Int)
    {
        let m = values.count
        let k = r + 1
        guard m >= 2 * k else { throw LongMemoryError.numerical("local polynomial Whittle: too few frequencies") }
        var meanI = 0.0
        for v in values { meanI += v }
        meanI /= Double(m)
        guard meanI > 0, meanI.isFinite else {
            throw LongMemoryError.numerical("local polynomial Whittle: the periodogram ordinates used are all zero")
        }
        // Centred regressors u_j − ū (the objective only depends on them), and scaled ordinates.
        var u = [[Double]](repeating: [Double](repeating: 0, count: k), count: m)
        for j in 0..<m {
            let l = frequencies[j]
            u[j][0] = 2 * Double.log(l)
            var power = 1.0
            for c in 1..<k {
                power *= l * l
                u[j][c] = -power
            }
        }
        var means = [Double](repeating: 0, count: k)
        for j in 0..<m { for c in 0..<k { means[c] += u[j][c] } }
        for c in 0..<k { means[c] /= Double(m) }
        for j in 0..<m { for c in 0..<k { u[j][c] -= means[c] } }
        let scaled = values.map { $0 / meanI }
        func objective(_ beta: [Double]) -> Double {
            var s = 0.0
            for j in 0..<m {
                var e = 0.0
                for c in 0..<k { e += beta[c] * u[j][c] }
                s += scaled[j] * Double.exp(e)
            }
            return Double.log(s / Double(m))
        }
        var beta = [Double](repeating: 0, count: k)
        var value = objective(beta)
        var converged = false
        var iterations = 0
        for iteration in 1...200 {
            iterations = iteration
            // Weights w_j ∝ I_j e^{β·u_j}; gradient E_w[u], Hessian Cov_w[u].
            var w = [Double](repeating: 0, count: m)
            var total = 0.0
            for j in 0..<m {
                var e = 0.0
                for c in 0..<k { e += beta[c] * u[j][c] }
                w[j] = scaled[j] * Double.exp(e)
                total += w[j]
            }
            var gradient = [Double](repeating: 0, count: k)
            for j in 0..<m { for c in 0..<k { gradient[c] += w[j] * u[j][c] / total } }
            var hessian = Matrix(rows: k, columns: k)
            for j in 0..<m {
                let wj = w[j] / total
                for a in 0..<k {
                    for b in 0..<k { hessian[a, b] += wj * (u[j][a] - gradient[a]) * (u[j][b] - gradient[b]) }
                }
            }
            let step: [Double]
            if let s = try? LinearAlgebra.solve(hessian, gradient), s.allSatisfy({ $0.isFinite }) {
                step = s
            } else {
                step = gradient
            }
            var t = 1.0
            var next = beta
            var nextValue = value
            var improved = false
            for _ in 0..<60 {
                next = zip(beta, step).map { $0 - t * $1 }
                nextValue = objective(next)
                if nextValue.isFinite && nextValue <= value { improved = true; break }
                t /= 2
            }
            guard improved else {
                converged = true
                break
            }
            let change = zip(next, beta).map { abs($0 - $1) }.max() ?? 0
            beta = next
            value = nextValue
            if change < 1e-10 {
                converged = true
                break
            }
        }
        guard beta.allSatisfy({ $0.isFinite }), value.isFinite else {
            throw LongMemoryError.numerical("local polynomial Whittle: the objective has no finite minimum")
        }
        // Ĝ = (1/m)Σ I_j λ_j^{2d} e^{−p(λ_j)} in the uncentred coordinates.
        var g = 0.0
        for j in 0..<m {
            var e = 0.0
            for c in 0..<k { e += beta[c] * (u[j][c] + means[c]) }
            g += values[j] * Double.exp(e)
        }
        // R in the uncentred form: log Ĝ − β·ū.
        var dot = 0.0
        for c in 0..<k { dot += beta[c] * means[c] }
        return (beta, Double.log(g / Double(m)) - dot, g / Double(m), converged, iterations)
    }
}
