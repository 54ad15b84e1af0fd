import MemoryNumerics

extension ParametricEstimation {
    /// Conditional sum of squares (CSS) for ARFIMA(p, d, q) (Box & Jenkins 1970 for ARMA; Chung & Baillie 1993,
    /// Empirical Economics 18:791–806, and Hualde & Robinson 2011, Ann. Statist. 39:3152–3181, for fractional d).
    ///
    /// The sample mean is subtracted, the series is fractionally differenced with the type-II filter
    /// y = (1 − B)^d (x − x̄) (x_t = 0 for t ≤ 0; FFT, with the transform of x cached across d), and the ARMA part
    /// gives residuals a_t = y_t − Σφ_l y_{t−l} − Σθ_l a_{t−l} (zero initial values). The estimate minimises
    /// (n/2)·log(RSS/n), RSS = Σ_{t=1}^{n} a_t²: Brent over d, with the ARMA coefficients profiled out for each d by
    /// Levenberg–Marquardt least squares (warm-started; Hannan–Rissanen values at the first d). σ̂² = RSS/n.
    /// The type-II filter is defined for any d, so `dInterval` may extend beyond (−½, ½) (within (−1, 2));
    /// standard errors W(η̂)^{−1}/n (Whittle Fisher information; CSS has the MLE's asymptotic covariance,
    /// Hualde & Robinson 2011) are reported only for |d̂| < ½. CSS is cheap but conditional: biased at small n.
    public static func conditionalSumOfSquares(
        _ x: [Double], options: ARFIMAFitOptions = ARFIMAFitOptions()
    ) throws -> ARFIMAFit {
        try ParametricSupport.validate(
            x, options: options, estimator: "conditional sum of squares", allowNonstationaryD: true)
        let n = x.count, p = options.p, q = options.q
        let mean = x.mean
        let plan = FractionalFilter.Plan(count: n)
        try plan.setSeries(x.map { $0 - mean })
        var warm: (ar: [Double], ma: [Double])? = nil
        var notes: [String] = []
        var evaluations = 0
        if let s = options.start, p + q > 0 {
            let rp = ARFIMAReparametrization(p: p, q: q, dLower: -0.5, dUpper: 0.5)
            let moved = rp.admissibleStart([0] + s.ar + s.ma)
            if moved.note != nil {
                notes.append("the ARMA part of the start was not stationary/invertible and was replaced by zeros")
            }
            warm = (Array(moved.params[1..<(1 + p)]), Array(moved.params[(1 + p)...]))
        }
        func evaluate(_ d: Double) throws -> (
            objective: Double, rss: Double, ar: [Double], ma: [Double], innerConverged: Bool
        ) {
            evaluations += 1
            let y = try plan.difference(d: d)
            if p + q == 0 {
                var rss = 0.0
                for v in y { rss += v * v }
                return (0.5 * Double(n) * Double.log(rss / Double(n)), rss, [], [], true)
            }
            let start = warm ?? ARMALeastSquares.hannanRissanen(y, p: p, q: q)
            let fit = try ARMALeastSquares.fit(y, p: p, q: q, conditioning: 0, start: start)
            warm = (fit.ar, fit.ma)
            return (0.5 * Double(n) * Double.log(fit.rss / Double(n)), fit.rss, fit.ar, fit.ma, fit.converged)
        }
        let search = try ParametricSupport.brentNear(
            nil, objective: { try evaluate($0).objective }, options: options, what: "conditional sum of squares")
        notes += search.notes
        let best = try evaluate(search.minimizer)
        if !best.innerConverged { notes.append("the inner ARMA least squares did not converge at d̂") }
        let sigma2 = best.rss / Double(n)
        let model = ARFIMAModel(d: search.minimizer, ar: best.ar, ma: best.ma, sigma2: sigma2)
        let logLik = -0.5 * Double(n) * (Double.log(2 * Double.pi) + 1 + Double.log(sigma2))
        return try ParametricSupport.assemble(
            method: .conditionalSumOfSquares,
            variant: "conditional sum of squares, ARFIMA(\(p),d,\(q)), type-II fractional difference of x − x̄; "
                + "s.e. from the Whittle Fisher information",
            model: model, n: n, options: options, mean: mean, logLikelihood: logLik, objective: best.objective,
            tuning: "ARFIMA(\(p),d,\(q)); all n residuals, zero initial values, sample mean subtracted",
            notes: notes, evaluations: evaluations)
    }
}
