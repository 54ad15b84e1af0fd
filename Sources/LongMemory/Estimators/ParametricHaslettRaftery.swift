import MemoryNumerics

extension ParametricEstimation {
    /// Haslett & Raftery (1989) approximate maximum likelihood for ARFIMA(p, d, q) (Appl. Statist. 38:1–50, §4;
    /// the algorithm of R fracdiff, Fraley 1991, re-implemented from the paper).
    ///
    /// For a given d, the FI(d) one-step predictions of x_t are
    /// * exact for t ≤ M (Durbin–Levinson with the closed-form FI coefficients φ_{k,k} = d/(k − d),
    ///   φ_{k,j} = φ_{k−1,j}·k(k − j − d)/((k − d)(k − j)), prediction variances v_t = γ(0)Π(1 − φ_{k,k}²));
    /// * for t > M the AR(∞) predictor Σ_{j=1}^{M} π_j x_{t−j} (π_j the coefficients of 1 − (1 − B)^d, π₁ = d,
    ///   π_j = π_{j−1}(j − 1 − d)/j) plus an analytic correction for the omitted tail: π_j ≈ π_M (M/j)^{1+d} gives
    ///   Σ_{j=M+1}^{t−1} π_j ≈ M π_M (1 − (M/t)^d)/d =: τ_t, and the omitted observations x_1…x_{t−M−1} are replaced
    ///   by their mean, so the tail contributes τ_t·x̄_{1:t−M−1}; these errors have variance σ².
    /// The mean μ enters every prediction linearly and is estimated for each d by weighted least squares
    /// (weights 1/v_t), as in Haslett & Raftery. The standardised errors e_t (divided by √v_t for t ≤ M) are then
    /// filtered by the ARMA part, fitted by conditional least squares (Levenberg–Marquardt, conditioning on
    /// max(p, q) values), and the profile objective n·log σ̂²(d) + Σ_{t≤M} log v_t is minimised over d by Brent's
    /// method (p = q = 0: on d̂_Whittle ± 0.1, widened to the whole interval if the optimum is at that bracket's
    /// edge; otherwise after an 8-interval scan of the whole interval). Cost O(M² + nM) per value of d, O(n) memory.
    ///
    /// Standard errors: W(η̂)^{−1}/n from the Whittle Fisher information (the asymptotic covariance of the MLE). R
    /// fracdiff's own s.e. comes from a finite-difference Hessian whose value scales with its step size.
    public static func haslettRaftery(_ x: [Double], options: ARFIMAFitOptions = ARFIMAFitOptions()) throws -> ARFIMAFit
    {
        try ParametricSupport.validate(x, options: options, estimator: "the Haslett–Raftery estimator")
        guard options.truncation >= 1 else {
            throw LongMemoryError.invalidArgument(
                name: "truncation", value: "\(options.truncation)", requirement: "must be ≥ 1")
        }
        let n = x.count, p = options.p, q = options.q
        let filter = HaslettRafteryFilter(x: x, truncation: min(options.truncation, n))
        let conditioning = max(p, q)
        var warm: (ar: [Double], ma: [Double])? = nil
        var notes: [String] = []
        var evaluations = 0
        // Profile objective and the quantities needed at the optimum.
        typealias Evaluation = (
            objective: Double, sigma2: Double, ar: [Double], ma: [Double], mean: Double, logDet: Double,
            innerConverged: Bool
        )
        var bestSoFar: (d: Double, value: Evaluation)? = nil
        func evaluate(_ d: Double) throws -> Evaluation {
            if let b = bestSoFar, b.d == d { return b.value }
            let value = try evaluateNew(d)
            if bestSoFar == nil || value.objective < bestSoFar?.value.objective ?? .infinity { bestSoFar = (d, value) }
            return value
        }
        func evaluateNew(_ d: Double) throws -> Evaluation {
            evaluations += 1
            let f = filter.filter(d: d, wantErrors: p + q > 0)
            if p + q == 0 {
                let s2 = f.sumOfSquares / Double(n)
                return (Double(n) * Double.log(s2) + f.logDeterminant, s2, [], [], f.mean, f.logDeterminant, true)
            }
            let start = warm ?? ARMALeastSquares.hannanRissanen(f.errors, p: p, q: q)
            let fit = try ARMALeastSquares.fit(f.errors, p: p, q: q, conditioning: conditioning, start: start)
            warm = (fit.ar, fit.ma)
            let s2 = fit.rss / Double(n - conditioning)
            return (
                Double(n) * Double.log(s2) + f.logDeterminant, s2, fit.ar, fit.ma, f.mean, f.logDeterminant,
                fit.converged
            )
        }
        if let s = options.start, p + q > 0 {
            let rp = ARFIMAReparametrization(
                p: p, q: q, dLower: options.dInterval.lowerBound, dUpper: options.dInterval.upperBound)
            let moved = rp.admissibleStart([s.d] + s.ar + s.ma)
            if let note = moved.note { notes.append(note) }
            warm = (Array(moved.params[1..<(1 + p)]), Array(moved.params[(1 + p)...]))
        }
        let search: (minimizer: Double, notes: [String])
        if p + q == 0 {
            // FI(d): the profile is smooth and unimodal in practice; search near the (cheap) Whittle estimate, which
            // is √n-consistent with the same asymptotic s.e. √(6/(π²n)): a bracket of ±max(8 s.e., 0.02) holds the
            // optimum (the search widens to the whole interval if the optimum sits at the bracket's end).
            let centre = try? ParametricEstimation.whittle(x, options: ARFIMAFitOptions(dInterval: options.dInterval))
                .model.d
            let halfWidth = max(0.02, 8 * (6 / (Double.pi * Double.pi * Double(n))).squareRoot())
            search = try ParametricSupport.brentNear(
                centre, objective: { try evaluate($0).objective }, options: options, what: "Haslett–Raftery estimator",
                bracketHalfWidth: halfWidth)
        } else {
            search = try ParametricSupport.brentNear(
                nil, objective: { try evaluate($0).objective }, options: options, what: "Haslett–Raftery estimator",
                scanIntervals: 8)
        }
        notes += search.notes
        let best = try evaluate(search.minimizer)
        if !best.innerConverged { notes.append("the inner ARMA least squares did not converge at d̂") }
        let model = ARFIMAModel(d: search.minimizer, ar: best.ar, ma: best.ma, sigma2: best.sigma2)
        let logLik = -0.5 * (Double(n) * (Double.log(2 * Double.pi) + 1 + Double.log(best.sigma2)) + best.logDet)
        return try ParametricSupport.assemble(
            method: .haslettRaftery,
            variant: "Haslett–Raftery (1989) approximate MLE, ARFIMA(\(p),d,\(q)), M = \(filter.truncation); "
                + "s.e. from the Whittle Fisher information",
            model: model, n: n, options: options, mean: best.mean, logLikelihood: logLik,
            objective: best.objective,
            tuning:
                "ARFIMA(\(p),d,\(q)); M = \(filter.truncation) exact Durbin–Levinson steps, then the truncated AR(∞) predictor with tail correction",
            notes: notes, evaluations: evaluations)
    }
}

/// The FI(d) prediction-error filter of Haslett & Raftery (1989) for one series.
struct HaslettRafteryFilter {
    let x: [Double]
    let truncation: Int
    /// prefix[i] = x_0 + … + x_{i−1}.
    let prefix: [Double]
    /// log(M/k) for 1-based k = t + 1, t ≥ M (index t − M).
    let logRatio: [Double]

    init(x: [Double], truncation: Int) {
        self.x = x
        let m = max(1, min(truncation, x.count))
        self.truncation = m
        var s = [Double](repeating: 0, count: x.count + 1)
        for i in 0..<x.count { s[i + 1] = s[i] + x[i] }
        prefix = s
        logRatio = (m..<max(m, x.count)).map { Double.log(Double(m) / Double($0 + 1)) }
    }

    /// Standardised prediction errors (divided by √v_t for t ≤ M; empty unless `wantErrors`), the GLS mean,
    /// Σ_{t≤M} log v_t (σ² = 1) and the sum of squared standardised errors.
    func filter(d: Double, wantErrors: Bool = true) -> (
        errors: [Double], mean: Double, logDeterminant: Double, sumOfSquares: Double
    ) {
        let n = x.count, m = truncation
        var pred = [Double](repeating: 0, count: n)  // Σ coefficients · x (without μ)
        var meanCoef = [Double](repeating: 0, count: n)  // coefficient of μ: 1 − Σ coefficients
        var variance = [Double](repeating: 1, count: n)
        // Exact part, t = 0…m−1 (1-based k = t + 1 uses φ_{k−1, ·}).
        let gamma0 = Autocovariance.fractionalNoiseVariance(d: d)
        var phi = [Double](repeating: 0, count: m + 1)  // φ_{k,1…k}
        var v = gamma0
        variance[0] = gamma0
        meanCoef[0] = 1
        x.withUnsafeBufferPointer { px in
            phi.withUnsafeMutableBufferPointer { pf in
                for t in 1..<max(1, m) where t < m {
                    // Update φ_{t−1,·} → φ_{t,·} (order k = t).
                    let k = Double(t)
                    for j in stride(from: 1, to: t, by: 1) {
                        let jj = Double(j)
                        pf[j] *= k * (k - jj - d) / ((k - d) * (k - jj))
                    }
                    let pkk = d / (k - d)
                    pf[t] = pkk
                    v *= 1 - pkk * pkk
                    var s = 0.0, c = 0.0
                    for j in 1...t {
                        s += pf[j] * px[t - j]
                        c += pf[j]
                    }
                    pred[t] = s
                    meanCoef[t] = 1 - c
                    variance[t] = v
                }
            }
        }
        // Truncated AR(∞) part, t = m…n−1 (1-based k = t + 1 > M).
        if m < n {
            // π_j of 1 − (1 − B)^d are minus the fractional-difference weights, j = 1…M.
            var pi = FractionalWeights.differencing(d: d, count: m + 1)
            pi[0] = 0
            var piSum = 0.0
            for j in 1...m {
                pi[j] = -pi[j]
                piSum += pi[j]
            }
            let mm = Double(m)
            let lastTerm = mm * pi[m]
            // Σ_{j=1}^{M} π_j x_{t−j} for all t ≥ M as vectorisable passes pred[t] += π_j x[t−j], in blocks of t
            // that stay in cache across the M passes.
            let block = 2048
            x.withUnsafeBufferPointer { px in
                pred.withUnsafeMutableBufferPointer { pp in
                    pi.withUnsafeBufferPointer { ppi in
                        var start = m
                        while start < n {
                            let end = min(n, start + block)
                            // Four coefficients per pass: one load/store of pred per four multiply-adds.
                            var j = 1
                            while j + 3 <= m {
                                let c0 = ppi[j], c1 = ppi[j + 1], c2 = ppi[j + 2], c3 = ppi[j + 3]
                                for t in start..<end {
                                    pp[t] +=
                                        c0 * px[t - j] + c1 * px[t - j - 1] + c2 * px[t - j - 2] + c3 * px[t - j - 3]
                                }
                                j += 4
                            }
                            while j <= m {
                                let c = ppi[j]
                                for t in start..<end { pp[t] += c * px[t - j] }
                                j += 1
                            }
                            start = end
                        }
                    }
                }
            }
            for t in m..<n {
                let omitted = t - m  // x_1…x_{k−M−1} (1-based) = x[0..<t−m]
                var tail = 0.0
                if omitted >= 1 {
                    // τ = M π_M (1 − (M/k)^d)/d, → M π_M log(k/M) as d → 0.
                    let l = logRatio[t - m]
                    let ratio = d == 0 ? -l : -Double.expMinusOne(d * l) / d
                    tail = lastTerm * ratio
                    pred[t] += tail * prefix[omitted] / Double(omitted)
                }
                meanCoef[t] = 1 - piSum - tail
            }
        }
        // GLS mean: weighted least squares of r_t = x_t − pred_t on a_t (weights 1/v_t); the residual sum of
        // squares at the GLS mean is S_rr − S_ra²/S_aa.
        var num = 0.0, den = 0.0, srr = 0.0, logDet = 0.0
        x.withUnsafeBufferPointer { px in
            pred.withUnsafeBufferPointer { pp in
                meanCoef.withUnsafeBufferPointer { pa in
                    for t in 0..<min(m, n) {
                        let a = pa[t], r = px[t] - pp[t], w = 1 / variance[t]
                        num += r * a * w
                        den += a * a * w
                        srr += r * r * w
                        logDet += Double.log(variance[t])
                    }
                    for t in m..<max(m, n) {
                        let a = pa[t], r = px[t] - pp[t]
                        num += r * a
                        den += a * a
                        srr += r * r
                    }
                }
            }
        }
        let mu = den > 0 ? num / den : x.mean
        let rss = den > 0 ? max(0, srr - num * num / den) : srr
        guard wantErrors else { return ([], mu, logDet, rss) }
        var errors = [Double](repeating: 0, count: n)
        for t in 0..<n {
            let e = x[t] - pred[t] - mu * meanCoef[t]
            errors[t] = t < m ? e / variance[t].squareRoot() : e
        }
        return (errors, mu, logDet, rss)
    }
}
