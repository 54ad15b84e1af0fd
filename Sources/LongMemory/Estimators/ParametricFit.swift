import MemoryNumerics

// # Parametric ARFIMA(p, d, q) estimators: options and results
//
// Four estimators share these types (see `ParametricEstimation`):
// * Whittle (Fox & Taqqu 1986; Beran 1994 §6.1) — frequency domain, mean-invariant, O(n log n);
// * Haslett & Raftery (1989) approximate MLE — time domain, O(nM) per value of d;
// * exact Gaussian MLE by Durbin–Levinson — O(n²) per evaluation, O(n) memory;
// * conditional sum of squares (CSS) — type-II fractional difference, ARMA filter, O(n log n).
// All report the asymptotic covariance W(η̂)^{−1}/n from the Whittle Fisher information (`WhittleInformation`),
// which is the common limit of all four (never a finite-difference Hessian of the optimiser's objective).
// Conventions: φ(z) = 1 − Σφ_k z^k, θ(z) = 1 + Σθ_k z^k (plus sign, as R `stats::arima`; R fracdiff's MA
// coefficients are the negatives), H = d + ½.

/// Settings of the parametric ARFIMA(p, d, q) estimators.
public struct ARFIMAFitOptions: Sendable, Equatable {
    /// AR order p (≥ 0).
    public var p: Int
    /// MA order q (≥ 0).
    public var q: Int
    /// Optional starting point (d, φ, θ; σ² ignored). A start outside the stationary, invertible region is
    /// moved into it and the change is reported in the notes; it never makes an estimator fail.
    public var start: ARFIMAModel?
    /// Search interval for d. Default [−0.499, 0.499] (stationary and invertible). Only CSS accepts d outside
    /// (−½, ½) (its type-II filter is defined for any d); the others require the interval inside (−½, ½).
    public var dInterval: ClosedRange<Double>
    /// Coverage of the Wald confidence interval for d (default 0.95).
    public var confidenceLevel: Double
    /// Haslett–Raftery: number M of exact Durbin–Levinson steps before the truncated AR(∞) predictor (default 100,
    /// as recommended by Haslett & Raftery 1989 and used by R fracdiff).
    public var truncation: Int
    /// Exact MLE: the largest n accepted (O(n²) per likelihood evaluation); default 20 000.
    public var maximumExactLength: Int
    /// Absolute tolerance on d of Brent's method (p = q = 0 and the outer search of Haslett–Raftery and CSS);
    /// default 1e-7, far below any standard error (≥ 2.5e-3·√(10⁵/n)).
    public var tolerance: Double
    /// Nelder–Mead (p + q > 0, Whittle and exact MLE): final simplex size in the preconditioned coordinates, whose
    /// unit is about one asymptotic standard error of the estimates (default 1e-4).
    public var simplexTolerance: Double

    public init(
        p: Int = 0, q: Int = 0, start: ARFIMAModel? = nil, dInterval: ClosedRange<Double> = -0.499...0.499,
        confidenceLevel: Double = 0.95, truncation: Int = 100, maximumExactLength: Int = 20_000,
        tolerance: Double = 1e-7, simplexTolerance: Double = 1e-4
    ) {
        self.p = p
        self.q = q
        self.start = start
        self.dInterval = dInterval
        self.confidenceLevel = confidenceLevel
        self.truncation = truncation
        self.maximumExactLength = maximumExactLength
        self.tolerance = tolerance
        self.simplexTolerance = simplexTolerance
    }
}

/// Beran's (1992) goodness-of-fit statistic for a Whittle fit (Beran 1992, JRSS B 54:749–760; Beran 1994 §6.2;
/// R longmemo `Qeta`): with r_j = I(λ_j)/f*(λ_j; η̂) over the ñ = ⌊(n−1)/2⌋ Fourier frequencies,
/// B = (4π/n) Σ r_j, A = (4π/n) Σ r_j², T_n = A/B², z = √n (π T_n − 1)/√2, p = P(N(0, 1) > z). Large z means the
/// periodogram fluctuates around the fitted spectrum more than a correct model allows.
public struct WhittleGoodnessOfFit: Sendable, Equatable, Codable {
    public let a: Double
    public let b: Double
    public let statistic: Double
    public let z: Double
    public let pValue: Double
}

/// A fitted ARFIMA(p, d, q) model with the information-based covariance of (d, φ, θ).
public struct ARFIMAFit: Sendable, Equatable {
    /// The shared estimate record (d̂, s.e., CI, order, n, ARMA coefficients and σ² in `auxiliary`, the covariance
    /// of (d, φ, θ) in `covariance`). Its `objective` is the minimised criterion: Whittle Q(η̂) = Σ I/f*; HR
    /// n log σ̂² + Σ_{t≤M} log v_t; MLE −ℓ(η̂); CSS (n/2) log(RSS/n).
    public let estimate: MemoryEstimate
    /// The fitted model: d, φ, θ (plus sign) and σ̂² (innovation variance).
    public let model: ARFIMAModel
    /// "d", "ar1"…"arp", "ma1"…"maq".
    public let parameterNames: [String]
    /// (d, φ₁…φ_p, θ₁…θ_q).
    public let parameters: [Double]
    /// Asymptotic standard errors √diag(W^{−1}/n) (NaN if W is singular).
    public let standardErrors: [Double]
    /// Asymptotic covariance W(η̂)^{−1}/n (nil if W is singular, e.g. cancelling AR and MA roots).
    public let covariance: Matrix?
    /// Whittle Fisher information per observation W(η̂).
    public let fisherInformation: Matrix
    /// The mean subtracted before fitting (time-domain estimators); nil for Whittle (mean-invariant).
    public let mean: Double?
    /// The maximised Gaussian log-likelihood: exact (MLE), Haslett–Raftery's approximation (HR), the Whittle
    /// approximation −(n/2) log 2π − Σ_{j=1}^{ñ} [log(2π f_j) + I_j/f_j] (Whittle; each frequency pair counted once,
    /// λ = 0 and π omitted), or the conditional Gaussian log-likelihood −(n/2)(log 2π + 1 + log σ̂²) (CSS).
    public let logLikelihood: Double
    /// Beran's goodness-of-fit test (Whittle only).
    public let goodnessOfFit: WhittleGoodnessOfFit?
    /// Objective evaluations used by the optimisers.
    public let evaluations: Int
}

/// A Whittle fit of fractional Gaussian noise.
public struct FGNWhittleFit: Sendable, Equatable {
    /// The shared estimate record (d̂ = Ĥ − ½, its s.e., CI; `hurst` = Ĥ).
    public let estimate: MemoryEstimate
    /// Ĥ.
    public let hurst: Double
    /// Asymptotic s.e. of Ĥ, (n·W(Ĥ))^{−1/2}.
    public let hurstStandardError: Double
    /// Whittle information per observation W(Ĥ).
    public let fisherInformation: Double
    /// Innovation (one-step prediction error) variance σ̂² = (2π/ñ)·Σ I/f* (Kolmogorov scale).
    public let innovationVariance: Double
    /// Marginal variance of the fitted fGn, σ̂²·exp(−(1/2π)∫ log f₁)/(2π) with f₁ the unit-variance density.
    public let variance: Double
    /// Beran's goodness-of-fit test.
    public let goodnessOfFit: WhittleGoodnessOfFit
    /// Objective evaluations.
    public let evaluations: Int
}

// MARK: - Shared validation and assembly

enum ParametricSupport {
    static func validate(
        _ x: [Double], options o: ARFIMAFitOptions, estimator: String, allowNonstationaryD: Bool = false
    ) throws {
        guard o.p >= 0 else {
            throw LongMemoryError.invalidArgument(name: "p", value: "\(o.p)", requirement: "must be ≥ 0")
        }
        guard o.q >= 0 else {
            throw LongMemoryError.invalidArgument(name: "q", value: "\(o.q)", requirement: "must be ≥ 0")
        }
        guard o.p <= 20, o.q <= 20 else {
            throw LongMemoryError.invalidArgument(
                name: "p, q", value: "\(o.p), \(o.q)", requirement: "ARMA orders above 20 are not supported")
        }
        let lo = o.dInterval.lowerBound, hi = o.dInterval.upperBound
        guard lo.isFinite, hi.isFinite, lo < hi else {
            throw LongMemoryError.invalidArgument(
                name: "dInterval", value: "\(o.dInterval)", requirement: "must be finite with lower < upper")
        }
        if allowNonstationaryD {
            guard lo > -1, hi < 2 else {
                throw LongMemoryError.invalidArgument(
                    name: "dInterval", value: "\(o.dInterval)", requirement: "\(estimator) needs it inside (−1, 2)")
            }
        } else {
            guard lo > -0.5, hi < 0.5 else {
                throw LongMemoryError.invalidArgument(
                    name: "dInterval", value: "\(o.dInterval)",
                    requirement: "\(estimator) needs it inside the stationary, invertible range (−0.5, 0.5)")
            }
        }
        try EstimatorInput.validateLevel(o.confidenceLevel)
        guard o.tolerance.isFinite, o.tolerance > 0, o.tolerance < 0.01 else {
            throw LongMemoryError.invalidArgument(
                name: "tolerance", value: "\(o.tolerance)", requirement: "must be in (0, 0.01)")
        }
        guard o.simplexTolerance.isFinite, o.simplexTolerance > 0, o.simplexTolerance < 0.01 else {
            throw LongMemoryError.invalidArgument(
                name: "simplexTolerance", value: "\(o.simplexTolerance)", requirement: "must be in (0, 0.01)")
        }
        if let s = o.start {
            guard s.ar.count == o.p, s.ma.count == o.q else {
                throw LongMemoryError.invalidArgument(
                    name: "start", value: s.description,
                    requirement: "must have \(o.p) AR and \(o.q) MA coefficients (p = \(o.p), q = \(o.q))")
            }
        }
        let needed = max(EstimatorInput.minimumLength, 10 * (o.p + o.q + 1))
        try Validate.series(x, atLeast: needed, for: "\(estimator) with p = \(o.p), q = \(o.q)")
    }

    static func parameterNames(p: Int, q: Int) -> [String] {
        ["d"] + (0..<p).map { "ar\($0 + 1)" } + (0..<q).map { "ma\($0 + 1)" }
    }

    /// Split (d, φ, θ).
    static func model(_ params: [Double], p: Int, q: Int, sigma2: Double = 1) -> ARFIMAModel {
        ARFIMAModel(
            d: params[0], ar: Array(params[1..<(1 + p)]), ma: Array(params[(1 + p)..<(1 + p + q)]), sigma2: sigma2)
    }

    /// Information, covariance and the MemoryEstimate for a fitted model.
    static func assemble(
        method: EstimationMethod, variant: String, model: ARFIMAModel, n: Int, options o: ARFIMAFitOptions,
        mean: Double?, logLikelihood: Double, objective: Double, tuning: String, notes: [String],
        goodnessOfFit: WhittleGoodnessOfFit? = nil, evaluations: Int
    ) throws -> ARFIMAFit {
        let p = model.ar.count, q = model.ma.count
        let params = [model.d] + model.ar + model.ma
        let names = parameterNames(p: p, q: q)
        var notes = notes
        var information = Matrix(rows: 1 + p + q, columns: 1 + p + q)
        var covariance: Matrix? = nil
        if abs(model.d) < 0.5 {
            do {
                information = try WhittleInformation.arfima(model)
                covariance = WhittleInformation.covariance(information: information, count: n)
            } catch {
                notes.append("the Fisher information could not be computed at the estimate: \(error)")
            }
        } else {
            notes.append(
                "d̂ = \(model.d) is outside (−½, ½): the stationary Fisher information does not apply, no standard error"
            )
        }
        if covariance == nil && abs(model.d) < 0.5 {
            notes.append(
                "the Fisher information is singular (near-cancelling AR and MA roots?): standard errors unavailable")
        }
        let se: [Double] = (0..<params.count).map { i in
            guard let c = covariance, c[i, i] > 0 else { return .nan }
            return c[i, i].squareRoot()
        }
        var auxiliary: [AuxiliaryParameter] = []
        for i in 1..<params.count {
            auxiliary.append(
                AuxiliaryParameter(name: names[i], value: params[i], standardError: se[i].isFinite ? se[i] : nil))
        }
        auxiliary.append(AuxiliaryParameter(name: "sigma2", value: model.sigma2))
        if let mean { auxiliary.append(AuxiliaryParameter(name: "mean", value: mean)) }
        let covarianceRows: [[Double]]? = covariance.map { c in
            (0..<params.count).map { i in (0..<params.count).map { j in c[i, j] } }
        }
        let estimate = try MemoryEstimate(
            method: method, variant: variant, d: model.d, standardError: se[0], confidenceLevel: o.confidenceLevel,
            n: n, order: ARMAOrder(p: p, q: q), tuningDescription: tuning, auxiliary: auxiliary,
            covariance: covarianceRows, objective: objective, notes: notes)
        return ARFIMAFit(
            estimate: estimate, model: model, parameterNames: names, parameters: params, standardErrors: se,
            covariance: covariance, fisherInformation: information, mean: mean, logLikelihood: logLikelihood,
            goodnessOfFit: goodnessOfFit, evaluations: evaluations)
    }

    /// Nelder–Mead in the unconstrained coordinates of `ARFIMAReparametrization` from several starts: each start
    /// is evaluated once, the best `runs` are optimised (with one restart from the result with a quarter of the
    /// initial simplex, the usual remedy for a collapsed simplex), and the best optimum is returned.
    ///
    /// Each run is preconditioned: with J = ∂η/∂u at the run's start and W the Fisher information there, the
    /// search is over z with u = u₀ + L^{−T}z, L Lᵀ = c·n·Jᵀ W J, where c·n·W is the expected Hessian of the objective
    /// (c = 2 for −2ℓ, c = ½ for ñ·log Q of Whittle), so one unit of z is about one standard error and the simplex
    /// sees a nearly spherical bowl instead of the long, narrow valley that the strong correlation of d̂ with the
    /// AR/MA estimates creates (Nelder–Mead is not affine invariant and crawls along such valleys). If W cannot be
    /// factored the identity is used.
    static func minimizeOverStarts(
        _ objective: ([Double]) throws -> Double, reparametrization rp: ARFIMAReparametrization,
        starts: [[Double]], tolerance: Double, hessianScale: Double, runs: Int = 2, initialStep: Double = 3
    ) throws -> (params: [Double], value: Double, evaluations: Int, converged: Bool) {
        var evaluations = 0
        var scored: [(u: [Double], value: Double)] = []
        for s in starts {
            guard let u = rp.unconstrained(s) else { continue }
            let v = try objective(rp.parameters(u))
            evaluations += 1
            if v.isFinite { scored.append((u, v)) }
        }
        guard !scored.isEmpty else {
            throw LongMemoryError.numerical("no starting point gave a finite objective value")
        }
        // Stable order: by value, ties by original order.
        let order = scored.indices.sorted { (scored[$0].value, $0) < (scored[$1].value, $1) }
        var best: (u: [Double], value: Double, converged: Bool)? = nil
        var options = Optimization.Options()
        options.simplexSizeTolerance = tolerance
        options.maxIterations = 4000
        options.initialSimplexSteps = [Double](repeating: initialStep, count: rp.dimension)
        let k = rp.dimension
        for idx in order.prefix(runs) {
            var u = scored[idx].u
            var value = scored[idx].value
            var converged = false
            for attempt in 0..<2 {
                options.initialSimplexSteps = [Double](
                    repeating: attempt == 0 ? initialStep : 0.25 * initialStep, count: k)
                let t = whitening(rp, at: u, scale: hessianScale)
                let u0 = u
                func map(_ z: [Double]) -> [Double] {
                    var out = u0
                    for i in 0..<k { for j in 0..<k { out[i] += t[i, j] * z[j] } }
                    return out
                }
                let r = try Optimization.minimize(
                    { try objective(rp.parameters(map($0))) }, from: [Double](repeating: 0, count: k), options: options)
                evaluations += r.evaluations
                converged = r.converged
                if r.minimum <= value {
                    u = map(r.minimizer)
                    value = r.minimum
                }
            }
            if let b = best, b.value <= value { continue }
            best = (u, value, converged)
        }
        guard let b = best else { throw LongMemoryError.numerical("the Nelder–Mead search failed") }
        return (rp.parameters(b.u), b.value, evaluations, b.converged)
    }

    /// J = ∂η/∂u of the reparametrisation at u, by central differences (step 10⁻⁶).
    static func jacobian(_ rp: ARFIMAReparametrization, at u: [Double]) -> Matrix {
        let k = rp.dimension
        var jac = Matrix(rows: k, columns: k)
        let h = 1e-6
        for j in 0..<k {
            var up = u, down = u
            up[j] += h
            down[j] -= h
            let a = rp.parameters(up), b = rp.parameters(down)
            for i in 0..<k { jac[i, j] = (a[i] - b[i]) / (2 * h) }
        }
        return jac
    }

    /// L^{−T} with L Lᵀ = scale·Jᵀ W J (J = ∂η/∂u by central differences), or the identity.
    static func whitening(_ rp: ARFIMAReparametrization, at u: [Double], scale: Double) -> Matrix {
        let k = rp.dimension
        let identity = Matrix.identity(k)
        let eta = rp.parameters(u)
        guard let w = try? WhittleInformation.arfima(model(eta, p: rp.p, q: rp.q)) else { return identity }
        let jac = jacobian(rp, at: u)
        let hu = scale * (jac.transposed * (w * jac))
        var sym = hu
        for i in 0..<k { for j in 0..<k { sym[i, j] = 0.5 * (hu[i, j] + hu[j, i]) } }
        guard let chol = try? LinearAlgebra.cholesky(sym), let t = try? chol.solveUpper(identity),
            t.elements.allSatisfy({ $0.isFinite })
        else { return identity }
        return t
    }
}

extension ParametricSupport {
    /// Starting points (d, φ, θ) for the N-dimensional searches: the user's start (moved into the admissible region
    /// if needed), then d ∈ {d₀, −0.3, 0, 0.2, 0.4} (d₀ = the FI(d) estimate, grid values kept inside the search
    /// interval) each with Hannan–Rissanen ARMA values for the type-II fractional difference of the demeaned series,
    /// and (d₀, 0, …, 0).
    static func timeDomainStarts(
        _ x: [Double], p: Int, q: Int, firstD: Double, user: ARFIMAModel?,
        reparametrization rp: ARFIMAReparametrization,
        notes: inout [String]
    ) throws -> [[Double]] {
        var starts: [[Double]] = []
        if let s = user {
            let moved = rp.admissibleStart([s.d] + s.ar + s.ma)
            if let note = moved.note { notes.append(note) }
            starts.append(moved.params)
        }
        let mean = x.mean
        let plan = FractionalFilter.Plan(count: x.count)
        try plan.setSeries(x.map { $0 - mean })
        let width = rp.dUpper - rp.dLower
        var grid = [firstD]
        for g in [-0.3, 0.0, 0.2, 0.4] where g > rp.dLower + 0.02 * width && g < rp.dUpper - 0.02 * width {
            if abs(g - firstD) > 0.05 { grid.append(g) }
        }
        for d in grid {
            let y = try plan.difference(d: d)
            let arma = ARMALeastSquares.hannanRissanen(y, p: p, q: q)
            starts.append(rp.admissibleStart([d] + arma.ar + arma.ma).params)
        }
        starts.append(rp.admissibleStart([firstD] + [Double](repeating: 0, count: p + q)).params)
        return starts
    }

    /// A note when d̂ is within 1e-3 of the search-interval width from an end.
    static func noteBoundary(_ d: Double, _ interval: ClosedRange<Double>, into notes: inout [String]) {
        let width = interval.upperBound - interval.lowerBound
        if d - interval.lowerBound < 1e-3 * width {
            notes.append(
                "d̂ is at the lower end \(interval.lowerBound) of the search interval: the optimum may lie below it")
        } else if interval.upperBound - d < 1e-3 * width {
            notes.append(
                "d̂ is at the upper end \(interval.upperBound) of the search interval: the optimum may lie above it")
        }
    }
}

extension ParametricSupport {
    /// Brent's method for d on [c − h, c + h] ∩ interval (h = `bracketHalfWidth`, default 0.1; 4-interval scan) around a consistent preliminary
    /// estimate c (Whittle), widened to the whole interval (`scanIntervals`-interval scan) when the optimum is at an
    /// end of the bracket that is not an end of the interval, or when there is no preliminary estimate. Boundary
    /// optima and unmet tolerances become notes.
    static func brentNear(
        _ centre: Double?, objective: (Double) throws -> Double, options: ARFIMAFitOptions, what: String,
        scanIntervals: Int = 16, bracketHalfWidth: Double = 0.1
    ) throws -> (minimizer: Double, notes: [String]) {
        let lo = options.dInterval.lowerBound, hi = options.dInterval.upperBound
        var scalar = Optimization.ScalarOptions()
        scalar.absoluteTolerance = options.tolerance
        scalar.relativeTolerance = 1e-9
        var r: Optimization.ScalarResult
        if let c = centre, c.isFinite {
            let a = max(lo, c - bracketHalfWidth), b = min(hi, c + bracketHalfWidth)
            scalar.scanIntervals = 4
            r = try Optimization.minimize(objective, lower: a, upper: b, options: scalar)
            if (r.boundary == .lower && a > lo) || (r.boundary == .upper && b < hi) || !r.minimum.isFinite
                || r.minimum >= Optimization.nonFinitePenaltyDefault
            {
                scalar.scanIntervals = scanIntervals
                r = try Optimization.minimize(objective, lower: lo, upper: hi, options: scalar)
            }
        } else {
            scalar.scanIntervals = scanIntervals
            r = try Optimization.minimize(objective, lower: lo, upper: hi, options: scalar)
        }
        guard r.minimum.isFinite, r.minimum < Optimization.nonFinitePenaltyDefault else {
            throw LongMemoryError.numerical("\(what): the objective has no finite value on \(options.dInterval)")
        }
        var notes: [String] = []
        if !r.converged { notes.append("the Brent search did not meet its tolerance: \(r.status)") }
        noteBoundary(r.minimizer, options.dInterval, into: &notes)
        return (r.minimizer, notes)
    }
}
