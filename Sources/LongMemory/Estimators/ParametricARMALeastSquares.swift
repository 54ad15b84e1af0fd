import MemoryNumerics

/// The ARMA(p, q) step shared by the Haslett–Raftery and conditional-sum-of-squares estimators: for a
/// (fractionally differenced) series y, minimise the conditional residual sum of squares
///
///   RSS(φ, θ) = Σ_{t ≥ c} a_t²,   a_t = y_t − Σ_{l=1}^{p} φ_l y_{t−l} − Σ_{l=1}^{q} θ_l a_{t−l},
///
/// (θ(z) = 1 + Σθ_l z^l) with y_t = 0 for t < 0 and a_t = 0 for t < c (c = number of observations conditioned on),
/// by Levenberg–Marquardt (Levenberg 1944; Marquardt 1963, J. SIAM 11:431–441) with the exact Jacobian
/// ∂a_t/∂φ_i = −y_{t−i} − Σ_l θ_l ∂a_{t−l}/∂φ_i, ∂a_t/∂θ_i = −a_{t−i} − Σ_l θ_l ∂a_{t−l}/∂θ_i
/// (Box, Jenkins & Reinsel, *Time Series Analysis*, §7.2). Steps that would leave the stationary/invertible
/// region are rejected like steps that increase the RSS.
enum ARMALeastSquares {
    struct Fit {
        var ar: [Double]
        var ma: [Double]
        var rss: Double
        var iterations: Int
        var converged: Bool
    }

    /// Residuals a_t (t = 0…n−1, zero before `conditioning`) and their sum of squares.
    static func residuals(_ y: [Double], ar: [Double], ma: [Double], conditioning c: Int, into a: inout [Double])
        -> Double
    {
        let n = y.count, p = ar.count, q = ma.count
        if a.count != n { a = [Double](repeating: 0, count: n) }
        var rss = 0.0
        y.withUnsafeBufferPointer { py in
            a.withUnsafeMutableBufferPointer { pa in
                for t in 0..<min(c, n) { pa[t] = 0 }
                for t in c..<max(c, n) {
                    var s = py[t]
                    for l in 0..<p where t - l - 1 >= 0 { s -= ar[l] * py[t - l - 1] }
                    for l in 0..<q where t - l - 1 >= c { s -= ma[l] * pa[t - l - 1] }
                    pa[t] = s
                    rss += s * s
                }
            }
        }
        return rss
    }

    /// Stationary AR and invertible MA (strict, via the partial autocorrelations).
    static func admissible(ar: [Double], ma: [Double]) -> Bool {
        ARFIMAReparametrization.partial(fromCoefficients: ar) != nil
            && ARFIMAReparametrization.partial(fromCoefficients: ma.map { -$0 }) != nil
    }

    /// Levenberg–Marquardt from `start` (must be admissible; otherwise zeros are used).
    static func fit(
        _ y: [Double], p: Int, q: Int, conditioning c: Int, start: (ar: [Double], ma: [Double])? = nil,
        maxIterations: Int = 200
    ) throws -> Fit {
        let n = y.count, k = p + q
        var ar = start?.ar ?? [Double](repeating: 0, count: p)
        var ma = start?.ma ?? [Double](repeating: 0, count: q)
        if ar.count != p || ma.count != q || !admissible(ar: ar, ma: ma) {
            ar = [Double](repeating: 0, count: p)
            ma = [Double](repeating: 0, count: q)
        }
        var a = [Double](repeating: 0, count: n)
        var rss = residuals(y, ar: ar, ma: ma, conditioning: c, into: &a)
        if k == 0 { return Fit(ar: [], ma: [], rss: rss, iterations: 0, converged: true) }
        var jac = [Double](repeating: 0, count: n * k)  // row-major: jac[t*k + i]
        var trialA = [Double](repeating: 0, count: n)
        var mu = 1e-3
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            // Jacobian and normal equations.
            var jtj = [Double](repeating: 0, count: k * k)
            var jta = [Double](repeating: 0, count: k)
            y.withUnsafeBufferPointer { py in
                a.withUnsafeBufferPointer { pa in
                    jac.withUnsafeMutableBufferPointer { pj in
                        for t in 0..<min(c, n) { for i in 0..<k { pj[t * k + i] = 0 } }
                        for t in c..<max(c, n) {
                            for i in 0..<k {
                                var s: Double
                                if i < p {
                                    s = t - i - 1 >= 0 ? -py[t - i - 1] : 0
                                } else {
                                    let lag = i - p + 1
                                    s = t - lag >= c ? -pa[t - lag] : 0
                                }
                                for l in 0..<q where t - l - 1 >= c { s -= ma[l] * pj[(t - l - 1) * k + i] }
                                pj[t * k + i] = s
                            }
                            let at = pa[t]
                            for i in 0..<k {
                                let ji = pj[t * k + i]
                                jta[i] += ji * at
                                for j in i..<k { jtj[i * k + j] += ji * pj[t * k + j] }
                            }
                        }
                    }
                }
            }
            for i in 0..<k { for j in 0..<i { jtj[i * k + j] = jtj[j * k + i] } }
            let gradientNorm = jta.reduce(0) { max($0, abs($1)) }
            if gradientNorm <= 1e-14 * max(rss, 1e-300) {
                converged = true
                break
            }
            // Damped steps until one is accepted (or the damping is hopeless).
            var accepted = false
            var smallStep = false
            while mu < 1e16 {
                var m = Matrix(rows: k, columns: k)
                for i in 0..<k {
                    for j in 0..<k { m[i, j] = jtj[i * k + j] }
                    m[i, i] += mu * max(jtj[i * k + i], 1e-12)
                }
                guard let step = try? LinearAlgebra.solve(m, jta.map { -$0 }) else {
                    mu *= 10
                    continue
                }
                let newAR = (0..<p).map { ar[$0] + step[$0] }
                let newMA = (0..<q).map { ma[$0] + step[p + $0] }
                let stepNorm = step.reduce(0) { max($0, abs($1)) }
                if admissible(ar: newAR, ma: newMA) {
                    let newRSS = residuals(y, ar: newAR, ma: newMA, conditioning: c, into: &trialA)
                    if newRSS.isFinite && newRSS <= rss {
                        let decrease = rss - newRSS
                        ar = newAR
                        ma = newMA
                        swap(&a, &trialA)
                        rss = newRSS
                        mu = max(mu / 3, 1e-12)
                        accepted = true
                        smallStep = stepNorm < 1e-10 || decrease <= 1e-15 * rss
                        break
                    }
                }
                if stepNorm < 1e-14 {
                    smallStep = true
                    break
                }
                mu *= 4
            }
            if !accepted || smallStep {
                converged = smallStep || !accepted
                break
            }
        }
        return Fit(ar: ar, ma: ma, rss: rss, iterations: iterations, converged: converged)
    }

    /// Hannan & Rissanen (1982, Biometrika 69:81–94) starting values: a long autoregression (Yule–Walker, order
    /// max(p + q, ⌊10 log₁₀ n⌋) capped at n/4) gives residuals ê_t; then ordinary least squares of y_t on
    /// y_{t−1…t−p} and ê_{t−1…t−q}. Coefficients that are not stationary/invertible are shrunk towards zero
    /// (c_k ↦ 0.9^k c_k, which scales the roots outward) until they are.
    static func hannanRissanen(_ y: [Double], p: Int, q: Int) -> (ar: [Double], ma: [Double]) {
        let n = y.count
        let zeros = ([Double](repeating: 0, count: p), [Double](repeating: 0, count: q))
        if p + q == 0 { return ([], []) }
        var longOrder = max(p + q, Int(10 * Double.log10(Double(max(n, 2)))))
        longOrder = min(longOrder, n / 4)
        guard longOrder >= 1, n > 4 * (p + q) + longOrder + 8,
            let gamma = try? SampleStatistics.autocovariance(y, maxLag: longOrder, demean: false), gamma[0] > 0
        else { return zeros }
        var residual = [Double](repeating: 0, count: n)
        if q > 0 {
            guard let ls = try? DurbinLevinson.predictorCoefficients(acvf: gamma).coefficients else { return zeros }
            for t in longOrder..<n {
                var s = y[t]
                for j in 0..<longOrder { s -= ls[j] * y[t - j - 1] }
                residual[t] = s
            }
        }
        let start = longOrder + max(p, q)
        let rows = n - start
        guard rows > 2 * (p + q) else { return zeros }
        var design = Matrix(rows: rows, columns: p + q)
        var target = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            let t = start + r
            target[r] = y[t]
            for i in 0..<p { design[r, i] = y[t - i - 1] }
            for i in 0..<q { design[r, p + i] = residual[t - i - 1] }
        }
        guard let beta = try? LinearAlgebra.leastSquares(design, target), beta.allSatisfy({ $0.isFinite }) else {
            return zeros
        }
        var ar = Array(beta[0..<p]), ma = Array(beta[p..<(p + q)])
        var tries = 0
        while ARFIMAReparametrization.partial(fromCoefficients: ar) == nil && tries < 200 {
            ar = ar.enumerated().map { $0.element * Double.pow(0.9, Double($0.offset + 1)) }
            tries += 1
        }
        tries = 0
        while ARFIMAReparametrization.partial(fromCoefficients: ma.map { -$0 }) == nil && tries < 200 {
            ma = ma.enumerated().map { $0.element * Double.pow(0.9, Double($0.offset + 1)) }
            tries += 1
        }
        if !admissible(ar: ar, ma: ma) { return zeros }
        return (ar, ma)
    }
}
