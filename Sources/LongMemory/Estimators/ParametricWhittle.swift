import MemoryNumerics

/// Parametric estimators of ARFIMA(p, d, q) and fractional Gaussian noise (see `ParametricFit.swift` for the
/// options and results shared by all of them).
public enum ParametricEstimation {
    /// The parametric estimators by their `EstimationMethod` (`.whittle`, `.haslettRaftery`,
    /// `.exactMaximumLikelihood`, `.conditionalSumOfSquares`), returning the shared estimate record (use the
    /// individual functions for the fitted model, covariance and diagnostics).
    /// - Throws: ``LongMemoryError/invalidArgument(name:value:requirement:)`` for a non-parametric method.
    public static func estimate(
        _ x: [Double], method: EstimationMethod, options: ARFIMAFitOptions = ARFIMAFitOptions()
    ) throws -> MemoryEstimate {
        switch method {
        case .whittle: return try whittle(x, options: options).estimate
        case .haslettRaftery: return try haslettRaftery(x, options: options).estimate
        case .exactMaximumLikelihood: return try exactMLE(x, options: options).estimate
        case .conditionalSumOfSquares: return try conditionalSumOfSquares(x, options: options).estimate
        default:
            throw LongMemoryError.invalidArgument(
                name: "method", value: method.rawValue, requirement: "must be one of whittle, hr, mle, css")
        }
    }
}

// MARK: - Whittle

extension ParametricEstimation {
    /// Whittle estimator of ARFIMA(p, d, q) (Whittle 1953; Fox & Taqqu 1986, Ann. Statist. 14:517–532;
    /// Beran 1994, *Statistics for Long-Memory Processes*, §6.1).
    ///
    /// With f(λ) = (σ²/2π)·f*(λ; η), f*(λ; η) = |1 − e^{−iλ}|^{−2d}|θ(e^{−iλ})|²/|φ(e^{−iλ})|² (so ∫_{−π}^{π} log f* = 0
    /// for every causal, invertible η — Kolmogorov's formula), minimise
    ///
    ///   Q(η) = Σ_{j=1}^{ñ} I(λ_j)/f*(λ_j; η),  ñ = ⌊(n−1)/2⌋,  λ_j = 2πj/n,
    ///
    /// with the periodogram I(λ) = |Σ x_t e^{−iλt}|²/(2πn) (λ = 0 excluded, so the estimator is mean-invariant and
    /// the series is not demeaned; these are exactly the frequencies of R longmemo's `WhittleEst`). Then
    /// σ̂² = (2π/ñ)·Q(η̂). Search: Brent over d for p = q = 0; otherwise Nelder–Mead in the stationary, invertible
    /// parametrisation of `ARFIMAReparametrization` from several starts (a grid of d with Hannan–Rissanen ARMA
    /// values, and the optional user start). Standard errors: W(η̂)^{−1}/n from ``WhittleInformation/arfima(_:)``.
    /// Beran's goodness-of-fit test is returned in ``ARFIMAFit/goodnessOfFit``.
    ///
    /// Cost: one FFT, then O(ñ(p + q)) per objective evaluation.
    public static func whittle(_ x: [Double], options: ARFIMAFitOptions = ARFIMAFitOptions()) throws -> ARFIMAFit {
        try ParametricSupport.validate(x, options: options, estimator: "the Whittle estimator")
        let n = x.count
        let objective = try WhittleARFIMAObjective(x, p: options.p, q: options.q)
        let rp = ARFIMAReparametrization(
            p: options.p, q: options.q, dLower: options.dInterval.lowerBound, dUpper: options.dInterval.upperBound)
        var notes: [String] = []
        var evaluations = 0
        var params: [Double]

        // FI(d) fit: Brent on log Q(d).
        let fi = try ParametricSupport.brentNear(
            nil,
            objective: { d in Double.log(objective.q([d] + [Double](repeating: 0, count: options.p + options.q))) },
            options: options, what: "Whittle estimator", scanIntervals: 32)
        evaluations += 1
        if options.p + options.q == 0 {
            params = [fi.minimizer]
            notes += fi.notes
        } else {
            let starts = try ParametricSupport.timeDomainStarts(
                x, p: options.p, q: options.q, firstD: fi.minimizer, user: options.start, reparametrization: rp,
                notes: &notes)
            let nTilde = Double(objective.count)
            let r = try ParametricSupport.minimizeOverStarts(
                { nTilde * Double.log(objective.q($0)) }, reparametrization: rp, starts: starts,
                tolerance: options.simplexTolerance, hessianScale: 0.5 * Double(n), runs: 2, initialStep: 5)
            params = r.params
            evaluations += r.evaluations
            if !r.converged { notes.append("the Nelder–Mead search stopped before meeting its tolerance") }
            ParametricSupport.noteBoundary(params[0], options.dInterval, into: &notes)
        }
        return try whittleFit(
            objective: objective, params: params, n: n, options: options, notes: notes,
            evaluations: evaluations)
    }

    /// The ARFIMAFit of the Whittle estimator at `params` (σ̂², log-likelihood, Beran's test, information).
    static func whittleFit(
        objective: WhittleARFIMAObjective, params: [Double], n: Int, options: ARFIMAFitOptions, notes: [String],
        evaluations: Int
    ) throws -> ARFIMAFit {
        let qMin = objective.q(params)
        let sigma2 = 2 * Double.pi / Double(objective.count) * qMin
        let model = ParametricSupport.model(params, p: options.p, q: options.q, sigma2: sigma2)
        let fStar = objective.normalizedDensity(params)
        let gof = whittleGoodnessOfFit(periodogram: objective.periodogram, fitted: fStar, n: n)
        return try ParametricSupport.assemble(
            method: .whittle,
            variant: "Whittle ARFIMA(\(options.p),d,\(options.q)) (Fox & Taqqu 1986; Beran 1994 §6.1), "
                + "s.e. from the Whittle Fisher information",
            model: model, n: n, options: options, mean: nil,
            logLikelihood: whittleLogLikelihood(objective: objective, params: params, n: n), objective: qMin,
            tuning: "ARFIMA(\(options.p),d,\(options.q)); all ñ = ⌊(n−1)/2⌋ = \(objective.count) Fourier frequencies",
            notes: notes, goodnessOfFit: gof, evaluations: evaluations)
    }

    /// Whittle log-likelihood at the profiled σ̂²: −(n/2) log 2π − Σ_{j=1}^{ñ} [log(2π f_j) + I_j/f_j],
    /// f_j = (σ̂²/2π) f*_j.
    static func whittleLogLikelihood(objective: WhittleARFIMAObjective, params: [Double], n: Int) -> Double {
        let sigma2 = 2 * Double.pi / Double(objective.count) * objective.q(params)
        let fStar = objective.normalizedDensity(params)
        var logLik = -0.5 * Double(n) * Double.log(2 * Double.pi)
        for j in 0..<objective.count {
            let f = sigma2 / (2 * Double.pi) * fStar[j]
            logLik -= Double.log(2 * Double.pi * f) + objective.periodogram[j] / f
        }
        return logLik
    }

    /// Whittle estimator of fractional Gaussian noise (Beran 1994 §6.1; R longmemo `WhittleEst(model = "fGn")`):
    /// minimise Q(H) = Σ_{j=1}^{ñ} I(λ_j)/f*(λ_j; H) with f* the exact fGn spectral density (`SpectralDensity+FGN.swift`)
    /// normalised so that ∫_{−π}^{π} log f* = 0 (the normalising integral by tanh–sinh quadrature at each H),
    /// by Brent's method over `hurstInterval`. s.e.(Ĥ) = (n·W(Ĥ))^{−1/2} with
    /// ``WhittleInformation/fractionalGaussianNoise(hurst:)``. The estimate record reports d = Ĥ − ½ with the same
    /// standard error and `hurst` = Ĥ.
    ///
    /// `normalization` chooses how f* is scaled (see ``FGNWhittleNormalization``): by the integral (default,
    /// Whittle's form, consistent with the ARFIMA Whittle estimator) or by R longmemo's Riemann sum. The two are
    /// asymptotically equivalent but differ by O(log n/n) in the objective: on the Nile minima (n = 663) Ĥ = 0.8346
    /// (integral) and 0.8374 (`.longmemo`, which reproduces longmemo's documented H = 0.837; longmemo's Paxson
    /// approximation of the density changes Ĥ by only 1e-6 there).
    public static func whittleFractionalGaussianNoise(
        _ x: [Double], hurstInterval: ClosedRange<Double> = 0.01...0.99, confidenceLevel: Double = 0.95,
        normalization: FGNWhittleNormalization = .integral
    ) throws -> FGNWhittleFit {
        try EstimatorInput.validate(x, estimator: "the fGn Whittle estimator")
        guard hurstInterval.lowerBound > 0, hurstInterval.upperBound < 1,
            hurstInterval.lowerBound < hurstInterval.upperBound
        else {
            throw LongMemoryError.invalidArgument(
                name: "hurstInterval", value: "\(hurstInterval)", requirement: "must lie inside (0, 1)")
        }
        try EstimatorInput.validateLevel(confidenceLevel)
        let n = x.count
        let count = (n - 1) / 2
        let pg = try SampleStatistics.periodogram(x, count: count)
        let periodogram = pg.values
        let frequencies = pg.frequencies
        guard periodogram.contains(where: { $0 > 0 }) else { throw LongMemoryError.constantSeries }
        var evaluations = 0
        func normalizedLogDensity(_ h: Double) throws -> [Double] {
            let evaluator = FGNSpectrum.Evaluator(hurst: h)
            let logF = frequencies.map { evaluator.logDensity($0).value }
            let c: Double
            switch normalization {
            case .integral: c = try FGNSpectrum.meanLogDensity(hurst: h).value
            case .longmemo: c = 2 / Double(n) * logF.reduce(0, +)
            }
            return logF.map { $0 - c }
        }
        func q(_ h: Double) throws -> Double {
            evaluations += 1
            let lf = try normalizedLogDensity(h)
            var s = 0.0
            for j in 0..<count { s += periodogram[j] * Double.exp(-lf[j]) }
            return s
        }
        let search = try EstimatorSearch.minimize(
            { Double.log(try q($0)) }, over: hurstInterval, scanIntervals: 16, what: "fGn Whittle estimator")
        let h = search.minimizer
        let qMin = try q(h)
        let sigma2 = 2 * Double.pi / Double(count) * qMin
        let normalized = try normalizedLogDensity(h)
        let fStar = normalized.map { Double.exp($0) }
        let gof = whittleGoodnessOfFit(periodogram: periodogram, fitted: fStar, n: n)
        let w = try WhittleInformation.fractionalGaussianNoise(hurst: h)
        let se = w > 0 ? 1 / (Double(n) * w).squareRoot() : .nan
        // Marginal variance ∫f = (σ̂²/2π)·∫f₁/exp(c) with ∫ f₁ = 1 (unit-variance density) and c the normaliser used.
        let logF1 = FGNSpectrum.Evaluator(hurst: h).logDensity(frequencies[0]).value
        let c = logF1 - normalized[0]
        let variance = sigma2 * Double.exp(-c) / (2 * Double.pi)
        let estimate = try MemoryEstimate(
            method: .whittle,
            variant: "Whittle, fractional Gaussian noise (Beran 1994 §6.1), exact fGn density, "
                + (normalization == .integral
                    ? "f* normalised by ∫ log f* = 0" : "f* normalised by longmemo's Riemann sum")
                + ", s.e. from the Whittle Fisher information",
            d: h - 0.5, standardError: se, confidenceLevel: confidenceLevel, n: n,
            tuningDescription: "fGn model; all ñ = ⌊(n−1)/2⌋ = \(count) Fourier frequencies",
            hurst: h, hurstDefinition: "fGn self-similarity parameter H (Whittle fit)",
            auxiliary: [
                AuxiliaryParameter(name: "sigma2", value: sigma2),
                AuxiliaryParameter(name: "variance", value: variance),
            ],
            objective: qMin, notes: search.notes)
        return FGNWhittleFit(
            estimate: estimate, hurst: h, hurstStandardError: se, fisherInformation: w, innovationVariance: sigma2,
            variance: variance, goodnessOfFit: gof, evaluations: evaluations)
    }

    /// Beran's (1992) goodness-of-fit statistic from periodogram ordinates I(λ_j) and a fitted spectral shape
    /// f*(λ_j) (any scale), j = 1…ñ, for a series of length n; see ``WhittleGoodnessOfFit``.
    public static func whittleGoodnessOfFit(periodogram: [Double], fitted: [Double], n: Int) -> WhittleGoodnessOfFit {
        var sum = 0.0, sumSquares = 0.0
        for j in 0..<min(periodogram.count, fitted.count) {
            let r = periodogram[j] / fitted[j]
            sum += r
            sumSquares += r * r
        }
        let scale = 4 * Double.pi / Double(n)
        let b = scale * sum, a = scale * sumSquares
        let t = a / (b * b)
        let z = Double(n).squareRoot() * (Double.pi * t - 1) / 2.0.squareRoot()
        return WhittleGoodnessOfFit(a: a, b: b, statistic: t, z: z, pValue: SpecialFunctions.normalUpperTail(z))
    }
}

/// How the fGn Whittle estimator scales the spectral shape f*(λ; H) = f(λ; H)/e^{c(H)}.
public enum FGNWhittleNormalization: String, Sendable, Equatable, CaseIterable {
    /// c(H) = (1/2π)∫_{−π}^{π} log f(λ; H) dλ, so ∫ log f* = 0 exactly (Beran 1994 §6.1; tanh–sinh quadrature).
    case integral
    /// c(H) = (2/n)Σ_{j=1}^{⌊(n−1)/2⌋} log f(λ_j; H), the Riemann sum of R longmemo's `specFGN` (`theta1`), which
    /// reproduces longmemo's `WhittleEst(model = "fGn")`.
    case longmemo
}

/// Q(η) = Σ_j I(λ_j)·|2 sin(λ_j/2)|^{2d}·|φ(e^{−iλ_j})|²/|θ(e^{−iλ_j})|² with precomputed trigonometric tables.
struct WhittleARFIMAObjective {
    private(set) var p: Int
    private(set) var q: Int
    let count: Int
    let periodogram: [Double]
    /// log(4 sin²(λ_j/2)).
    let logFourSinSquared: [Double]
    /// cos(kλ_j), sin(kλ_j) for k = 1…max(p, q): index (k−1)·count + j.
    let cosTable: [Double]
    let sinTable: [Double]

    init(_ x: [Double], p: Int, q: Int) throws {
        let n = x.count
        count = (n - 1) / 2
        let pg = try SampleStatistics.periodogram(x, count: count)
        periodogram = pg.values
        guard periodogram.contains(where: { $0 > 0 }) else { throw LongMemoryError.constantSeries }
        let lambdas = pg.frequencies
        logFourSinSquared = lambdas.map { l in
            let s = Double.sin(l / 2)
            return Double.log(4 * s * s)
        }
        self.p = p
        self.q = q
        let r = max(p, q)
        var c = [Double](repeating: 0, count: r * count), s = c
        for k in 0..<r {
            for j in 0..<count {
                let a = Double(k + 1) * lambdas[j]
                c[k * count + j] = Double.cos(a)
                s[k * count + j] = Double.sin(a)
            }
        }
        cosTable = c
        sinTable = s
    }

    /// φ(e^{−iλ_j}) = pr + i·pi and θ(e^{−iλ_j}) = tr + i·ti.
    @inline(__always)
    func armaValues(_ params: [Double], _ j: Int) -> (pr: Double, pi: Double, tr: Double, ti: Double) {
        var pr = 1.0, pi = 0.0, tr = 1.0, ti = 0.0
        for k in 0..<p {
            let c = params[1 + k]
            pr -= c * cosTable[k * count + j]
            pi += c * sinTable[k * count + j]
        }
        for k in 0..<q {
            let c = params[1 + p + k]
            tr += c * cosTable[k * count + j]
            ti -= c * sinTable[k * count + j]
        }
        return (pr, pi, tr, ti)
    }

    /// |φ(e^{−iλ_j})|²/|θ(e^{−iλ_j})|².
    @inline(__always)
    func armaInverseGain(_ params: [Double], _ j: Int) -> Double {
        if p + q == 0 { return 1 }
        let v = armaValues(params, j)
        return (v.pr * v.pr + v.pi * v.pi) / (v.tr * v.tr + v.ti * v.ti)
    }

    func q(_ params: [Double]) -> Double {
        let d = params[0]
        var s = 0.0
        for j in 0..<count {
            s += periodogram[j] * Double.exp(d * logFourSinSquared[j]) * armaInverseGain(params, j)
        }
        return s
    }

    /// The same periodogram and tables for orders p' ≤ p, q' ≤ q... up to max(p, q) of the tables.
    func restricted(p newP: Int, q newQ: Int) -> WhittleARFIMAObjective {
        var copy = self
        copy.p = newP
        copy.q = newQ
        return copy
    }

    /// Q(η) and its gradient ∂Q/∂(d, φ, θ): with q_j the summand I_j·e^{d·L_j}·A_j/T_j (L_j = log 4 sin²(λ_j/2),
    /// A_j = |φ(e^{−iλ_j})|², T_j = |θ(e^{−iλ_j})|²), ∂/∂d = Σ q_j L_j, ∂/∂φ_k = Σ q_j (∂A_j/∂φ_k)/A_j,
    /// ∂/∂θ_k = −Σ q_j (∂T_j/∂θ_k)/T_j.
    func valueAndGradient(_ params: [Double]) -> (value: Double, gradient: [Double]) {
        let d = params[0]
        var value = 0.0
        var gradient = [Double](repeating: 0, count: 1 + p + q)
        for j in 0..<count {
            let (pr, pi, tr, ti) = armaValues(params, j)
            let a = pr * pr + pi * pi
            let t = tr * tr + ti * ti
            let term = periodogram[j] * Double.exp(d * logFourSinSquared[j]) * a / t
            value += term
            gradient[0] += term * logFourSinSquared[j]
            for k in 0..<p {
                let da = -2 * pr * cosTable[k * count + j] + 2 * pi * sinTable[k * count + j]
                gradient[1 + k] += term * da / a
            }
            for k in 0..<q {
                let dt = 2 * tr * cosTable[k * count + j] - 2 * ti * sinTable[k * count + j]
                gradient[1 + p + k] -= term * dt / t
            }
        }
        return (value, gradient)
    }

    /// f*(λ_j; η) = |1 − e^{−iλ}|^{−2d}|θ|²/|φ|².
    func normalizedDensity(_ params: [Double]) -> [Double] {
        (0..<count).map { j in Double.exp(-params[0] * logFourSinSquared[j]) / armaInverseGain(params, j) }
    }
}
