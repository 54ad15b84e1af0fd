import MemoryNumerics

/// Exact local Whittle estimator of d (Shimotsu & Phillips 2005, "Exact local Whittle estimation of fractional
/// integration", Ann. Statist. 33(4):1890–1933), valid for stationary and nonstationary d.
///
/// Objective over λ_j = 2πj/n, j = 1…m:
///
///     R(d) = log( (1/m) Σ_j I_{Δ^d(x − μ)}(λ_j) ) − 2d·(1/m) Σ_j log λ_j,
///
/// where Δ^d is the type-II fractional difference y_t = Σ_{k=0}^{t−1} π_k(d) x_{t−k} (``FractionalFilter``; one FFT of
/// the series is cached in a ``FractionalFilter/Plan`` and reused for every d). √m(d̂ − d) → N(0, ¼) for any d when
/// the search interval has width below 9/2 (Shimotsu & Phillips 2005); default [−1, 3].
/// s.e. 1/(2√m); the observed-curvature form 1/√(m·R''(d̂)) (R'' by central differences) is also reported.
///
/// The estimator is **not** mean-invariant (Shimotsu & Phillips assume a known mean). ``MeanCorrection`` offers the
/// known mean, the sample mean (good for d < ½), the first observation (good for d > ½), and — the default — the
/// weighted estimate of Shimotsu (2010, "Exact local Whittle estimation of fractional integration with unknown mean
/// and time trend", Econometric Theory 26(2):501–540, §3):
///
///     μ̂(d) = w(d)·x̄ + (1 − w(d))·x₁,   w(d) = 1 (d ≤ ½),  ½(1 + cos(4πd)) (½ < d < ¾),  0 (d ≥ ¾).
///
/// (Shimotsu's Matlab code, as reproduced by pyelw `twostep.py`, writes the middle piece as ½[1 + cos(−2π + 4πd)],
/// which is the same function; w is continuous with w(½) = 1, w(¾) = 0 and continuously differentiable.) Because
/// Δ^d is linear, Δ^d(x − μ̂(d)) = Δ^d x − μ̂(d)·Δ^d 1 with (Δ^d 1)_t = Σ_{k<t} π_k(d), so the weighted correction costs
/// O(n) per evaluation on top of the cached FFT.
///
/// The objective need not be convex; it is minimised by a 40-interval grid scan plus Brent's method.
public enum ExactLocalWhittle {
    /// Default bandwidth exponent: m = ⌊n^0.65⌋.
    public static let defaultExponent = 0.65
    /// Default search interval (width 4 < 9/2).
    public static let defaultSearchInterval: ClosedRange<Double> = -1...3
    /// Shimotsu & Phillips' (2005) bound on the width of the search interval.
    public static let maximumIntervalWidth = 4.5

    /// How the unknown mean μ of the series is handled inside the objective.
    public enum MeanCorrection: Sendable, Equatable, CustomStringConvertible {
        /// μ given (Shimotsu & Phillips 2005 assume it known; 0 for a zero-mean series).
        case known(Double)
        /// μ̂ = x̄.
        case sampleMean
        /// μ̂ = x₁.
        case firstObservation
        /// μ̂(d) = w(d)x̄ + (1 − w(d))x₁ (Shimotsu 2010).
        case weighted

        public var description: String {
            switch self {
            case .known(let m): return "known mean \(m)"
            case .sampleMean: return "sample mean"
            case .firstObservation: return "first observation"
            case .weighted: return "Shimotsu (2010) weighted mean w(d)x̄ + (1 − w(d))x₁"
            }
        }
    }

    /// Shimotsu's (2010) weight w(d): 1 for d ≤ ½, ½(1 + cos 4πd) for ½ < d < ¾, 0 for d ≥ ¾.
    public static func weight(_ d: Double) -> Double {
        if d <= 0.5 { return 1 }
        if d >= 0.75 { return 0 }
        return 0.5 * (1 + Double.cos(4 * Double.pi * d))
    }

    /// Exact local Whittle estimate of d.
    public static func estimate(
        _ x: [Double], bandwidth: Bandwidth = .exponent(defaultExponent), mean: MeanCorrection = .weighted,
        searchInterval: ClosedRange<Double> = defaultSearchInterval, confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        try EstimatorInput.validate(x, estimator: "exact local Whittle estimation")
        try EstimatorInput.validateLevel(confidenceLevel)
        try validateSearchInterval(searchInterval)
        if case .known(let mu) = mean { try Validate.finite(mu, "known mean") }
        let n = x.count
        let (m, tuning, auxiliary, selectionNotes) = try LocalWhittle.resolve(
            bandwidth, periodogram: nil, x: x, minimum: 4, estimator: "exact local Whittle")
        let evaluator = try ExactLocalWhittleObjective(series: x, bandwidth: m, mean: mean)
        let search = try EstimatorSearch.minimize(
            evaluator.value, over: searchInterval, scanIntervals: 40, what: "exact local Whittle")
        let d = search.minimizer
        var alternatives: [LabeledStandardError] = []
        if let curvature = try? evaluator.curvature(at: d), curvature > 0 {
            alternatives.append(
                LabeledStandardError(
                    label: "observed curvature 1/√(m·R''(d̂))", value: 1 / (Double(m) * curvature).squareRoot()))
        }
        var aux = auxiliary
        if let mu = evaluator.meanUsed(at: d) { aux.append(AuxiliaryParameter(name: "mean", value: mu)) }
        return try MemoryEstimate(
            method: .exactLocalWhittle, variant: "exact local Whittle (Shimotsu & Phillips 2005), \(mean)", d: d,
            standardError: 1 / (2 * Double(m).squareRoot()), confidenceLevel: confidenceLevel, n: n, bandwidth: m,
            trimming: 0,
            tuningDescription: tuning + ", search [\(searchInterval.lowerBound), \(searchInterval.upperBound)]",
            alternativeStandardErrors: alternatives, auxiliary: aux, objective: search.minimum,
            notes: selectionNotes + search.notes)
    }

    /// The exact local Whittle objective R(d) for series `x`, bandwidth m and mean handling (for checks and plots).
    public static func objective(d: Double, series x: [Double], bandwidth m: Int, mean: MeanCorrection) throws -> Double
    {
        try Validate.finite(x)
        if case .known(let mu) = mean { try Validate.finite(mu, "known mean") }
        guard m >= 1, m <= Bandwidth.maximum(n: x.count) else {
            throw LongMemoryError.invalidArgument(
                name: "bandwidth m", value: "\(m)",
                requirement: "must be in 1…⌊(n − 1)/2⌋ = \(Bandwidth.maximum(n: x.count))")
        }
        return try ExactLocalWhittleObjective(series: x, bandwidth: m, mean: mean).value(d)
    }

    static func validateSearchInterval(_ interval: ClosedRange<Double>) throws {
        try EstimatorInput.validateInterval(interval)
        guard interval.upperBound - interval.lowerBound < maximumIntervalWidth else {
            throw LongMemoryError.invalidArgument(
                name: "searchInterval", value: "\(interval)",
                requirement: "must be narrower than 9/2 for exact local Whittle (Shimotsu & Phillips 2005)")
        }
    }
}

/// Evaluates the exact local Whittle objective for one series and bandwidth, reusing the cached FFT of the series
/// and one length-n FFT workspace for the periodogram of Δ^d x.
final class ExactLocalWhittleObjective {
    let n: Int
    let m: Int
    let plan: FractionalFilter.Plan
    let periodogramWorkspace: RealFFTWorkspace
    let meanLogLambda: Double
    let mean: ExactLocalWhittle.MeanCorrection
    let sampleMean: Double
    let first: Double

    init(series x: [Double], bandwidth m: Int, mean: ExactLocalWhittle.MeanCorrection) throws {
        n = x.count
        self.m = m
        self.mean = mean
        let xbar = x.mean
        let x1 = x.first ?? 0
        sampleMean = xbar
        first = x1
        let filterPlan = FractionalFilter.Plan(count: n)
        switch mean {
        case .known(let mu): try filterPlan.setSeries(x.map { $0 - mu })
        case .sampleMean: try filterPlan.setSeries(x.map { $0 - xbar })
        case .firstObservation: try filterPlan.setSeries(x.map { $0 - x1 })
        case .weighted: try filterPlan.setSeries(x)
        }
        plan = filterPlan
        periodogramWorkspace = RealFFTWorkspace(length: n)
        var s = 0.0
        for j in 1...m { s += Double.log(2 * Double.pi * Double(j) / Double(n)) }
        meanLogLambda = s / Double(m)
    }

    /// μ̂ used at d (nil when the mean is applied before filtering and does not depend on d).
    func meanUsed(at d: Double) -> Double? {
        switch mean {
        case .known(let mu): return mu
        case .sampleMean: return sampleMean
        case .firstObservation: return first
        case .weighted:
            let w = ExactLocalWhittle.weight(d)
            return w * sampleMean + (1 - w) * first
        }
    }

    func value(_ d: Double) throws -> Double {
        var y = try plan.difference(d: d)
        if case .weighted = mean {
            let w = ExactLocalWhittle.weight(d)
            let mu = w * sampleMean + (1 - w) * first
            if mu != 0 {
                // (Δ^d 1)_t = Σ_{k=0}^{t} π_k(d) (0-based t): running sums of the weights.
                let weights = FractionalWeights.differencing(d: d, count: n)
                var partial = 0.0
                for t in 0..<n {
                    partial += weights[t]
                    y[t] -= mu * partial
                }
            }
        }
        let ws = periodogramWorkspace
        ws.load(y)
        ws.forward()
        let s = ws.spectrumBuffer
        var total = 0.0
        for j in 1...m {
            let v = s[j]
            total += v.real * v.real + v.imaginary * v.imaginary
        }
        let meanI = total * SampleStatistics.periodogramScale(n: n) / Double(m)
        guard meanI > 0 else { return .infinity }
        return Double.log(meanI) - 2 * d * meanLogLambda
    }

    /// R''(d) by central differences with step 1e-3 (R is smooth in d; w(d) is C¹).
    func curvature(at d: Double) throws -> Double {
        let h = 1e-3
        return (try value(d + h) - 2 * value(d) + value(d - h)) / (h * h)
    }

    /// R'(d) by central differences with step 1e-4.
    func slope(at d: Double) throws -> Double {
        let h = 1e-4
        return (try value(d + h) - value(d - h)) / (2 * h)
    }
}
