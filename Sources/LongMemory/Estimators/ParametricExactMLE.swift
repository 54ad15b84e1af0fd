import MemoryNumerics

extension ParametricEstimation {
    /// Exact Gaussian maximum likelihood for ARFIMA(p, d, q) by the Durbin–Levinson recursion (Sowell 1992,
    /// J. Econometrics 53:165–188; Beran 1994 §5.3; Brockwell & Davis 1991, §5.2 and §8.7).
    ///
    /// The mean is estimated by the sample mean and subtracted (documented choice: x̄ is n^{1/2−d}-consistent, and
    /// the GLS mean changes d̂ only at order 1/n). For η = (d, φ, θ), the autocovariance γ(·; η) with σ² = 1 (Sowell's
    /// formula via ``Autocovariance/arfima(_:lags:method:)``) gives the one-step errors e_t and relative variances
    /// r_t by Durbin–Levinson; σ² profiles out as σ̂² = (1/n)Σ e_t²/r_t and
    ///
    ///   −2ℓ(η) = n log(2π) + n log σ̂²(η) + Σ log r_t + n.
    ///
    /// O(n²) time per evaluation and O(n) memory (no n×n matrix): n ≤ `options.maximumExactLength` (default 2·10⁴).
    /// Search: Brent over d for p = q = 0 (around the Whittle estimate, widened to the whole interval if the optimum
    /// is at the edge of that bracket); otherwise the likelihood is evaluated at the Whittle estimate and at a grid
    /// of starting values for d (with Hannan–Rissanen ARMA values; the likelihood can be multimodal) and
    /// Nelder–Mead, preconditioned by the Fisher information, runs in the stationary, invertible parametrisation
    /// from the best of them.
    /// Standard errors: W(η̂)^{−1}/n (Whittle Fisher information = the asymptotic information of the exact MLE).
    public static func exactMLE(_ x: [Double], options: ARFIMAFitOptions = ARFIMAFitOptions()) throws -> ARFIMAFit {
        try ParametricSupport.validate(x, options: options, estimator: "the exact Gaussian MLE")
        let n = x.count, p = options.p, q = options.q
        guard n <= options.maximumExactLength else {
            throw LongMemoryError.invalidArgument(
                name: "n", value: "\(n)",
                requirement: "the exact MLE costs O(n²) per likelihood evaluation and is limited to n ≤ "
                    + "\(options.maximumExactLength) observations; use the Haslett–Raftery (hr) or Whittle estimator, "
                    + "or a shorter stretch of the series")
        }
        let mean = x.mean
        let likelihood = ExactGaussianLikelihood(x: x.map { $0 - mean })
        var evaluations = 0
        var notes: [String] = []
        func objective(_ params: [Double]) throws -> Double {
            evaluations += 1
            // A failure of the autocovariance or of Durbin–Levinson at a trial point counts as +∞ (the optimisers
            // move away from it); it cannot end the fit.
            return (try? likelihood.profile(ParametricSupport.model(params, p: p, q: q)).objective) ?? .infinity
        }
        // Whittle estimate: a cheap, consistent start.
        var whittleOptions = options
        whittleOptions.start = nil
        let whittle = try? ParametricEstimation.whittle(x, options: whittleOptions)
        var params: [Double]
        if p + q == 0 {
            let r = try ParametricSupport.brentNear(
                whittle?.model.d, objective: { try objective([$0]) }, options: options, what: "exact MLE")
            params = [r.minimizer]
            notes += r.notes
        } else {
            let rp = ARFIMAReparametrization(
                p: p, q: q, dLower: options.dInterval.lowerBound, dUpper: options.dInterval.upperBound)
            let firstD = whittle?.model.d ?? 0
            var starts = try ParametricSupport.timeDomainStarts(
                x, p: p, q: q, firstD: firstD, user: options.start, reparametrization: rp, notes: &notes)
            if let w = whittle {
                starts.insert(rp.admissibleStart(w.parameters).params, at: options.start == nil ? 0 : 1)
            }
            let r = try ParametricSupport.minimizeOverStarts(
                objective, reparametrization: rp, starts: starts, tolerance: options.simplexTolerance,
                hessianScale: 2 * Double(n), runs: 1, initialStep: 2)
            params = r.params
            if !r.converged { notes.append("the Nelder–Mead search stopped before meeting its tolerance") }
            ParametricSupport.noteBoundary(params[0], options.dInterval, into: &notes)
        }
        let best = try likelihood.profile(ParametricSupport.model(params, p: p, q: q))
        let model = ParametricSupport.model(params, p: p, q: q, sigma2: best.sigma2)
        return try ParametricSupport.assemble(
            method: .exactMaximumLikelihood,
            variant: "exact Gaussian MLE (Durbin–Levinson), ARFIMA(\(p),d,\(q)), mean = sample mean; "
                + "s.e. from the Whittle Fisher information",
            model: model, n: n, options: options, mean: mean, logLikelihood: best.logLikelihood,
            objective: -best.logLikelihood,
            tuning: "ARFIMA(\(p),d,\(q)); exact likelihood, sample mean subtracted",
            notes: notes, evaluations: evaluations)
    }
}

/// The exact Gaussian likelihood of a zero-mean series under ARFIMA(p, d, q), σ² profiled out.
struct ExactGaussianLikelihood {
    let x: [Double]

    /// n log σ̂² + Σ log r_t (the part of −2ℓ that depends on η), σ̂² and the maximised log-likelihood.
    func profile(_ model: ARFIMAModel) throws -> (objective: Double, sigma2: Double, logLikelihood: Double) {
        let n = x.count
        var unit = model
        unit.sigma2 = 1
        // Sowell's closed form; the FFT convolution method if it fails (e.g. ₂F₁ poles for d within rounding of 0).
        let gamma: [Double]
        do {
            gamma = try Autocovariance.arfima(unit, lags: n - 1)
        } catch {
            gamma = try Autocovariance.arfima(unit, lags: n - 1, method: .convolution)
        }
        let (sumLog, sumSquares) = try Self.durbinLevinson(x, acvf: gamma)
        let sigma2 = sumSquares / Double(n)
        let objective = Double(n) * Double.log(sigma2) + sumLog
        let logLik = -0.5 * (Double(n) * (Double.log(2 * Double.pi) + 1) + objective)
        return (objective, sigma2, logLik)
    }

    /// Σ log r_t and Σ e_t²/r_t by Durbin–Levinson (``DurbinLevinson/recursion(acvf:steps:_:)``: one coefficient
    /// array updated in place, no allocation per step).
    static func durbinLevinson(_ x: [Double], acvf gamma: [Double]) throws -> (sumLog: Double, sumSquares: Double) {
        let n = x.count
        guard n >= 1, gamma.count >= n, let g0 = gamma.first, g0 > 0, g0.isFinite else {
            throw LongMemoryError.notPositiveDefinite(step: 0)
        }
        var sumLog = Double.log(g0)
        var sumSquares = x[0] * x[0] / g0
        try x.withUnsafeBufferPointer { px in
            _ = try DurbinLevinson.recursion(acvf: gamma, steps: n - 1) { k, _, v, phi in
                let e = px[k] - DurbinLevinson.prediction(phi, px, k)
                sumLog += Double.log(v)
                sumSquares += e * e / v
            }
        }
        return (sumLog, sumSquares)
    }
}
