import MemoryNumerics

extension ExactLocalWhittle {
    /// How the second step of the two-step estimator moves from the tapered first-step estimate d̂_T.
    public enum SecondStep: Sendable, Equatable, CustomStringConvertible {
        /// Minimise the mean-corrected ELW objective R_F over [d̂_T − z·s.e._T, d̂_T + z·s.e._T] ∩ search interval
        /// (the procedure of Shimotsu's Matlab code as reproduced by pyelw `twostep.py`, z = 2.576). Default.
        case localMinimization(halfWidthInStandardErrors: Double)
        /// One Newton–Raphson step d̂ = d̂_T − R_F'(d̂_T)/R_F''(d̂_T) (derivatives by central differences), the
        /// classical one-step efficient estimator from a √m-consistent start; falls back to the local
        /// minimisation (z = 2.576) if R_F'' ≤ 0 or the step leaves that neighbourhood.
        case newton

        /// Local minimisation within ±2.576 first-step standard errors.
        public static let standard = SecondStep.localMinimization(halfWidthInStandardErrors: 2.576)

        public var description: String {
            switch self {
            case .localMinimization(let z): return "minimisation within ±\(z) first-step s.e."
            case .newton: return "one Newton step"
            }
        }
    }

    /// Two-step exact local Whittle estimate (Shimotsu 2010, Econometric Theory 26(2):501–540), for series with an
    /// unknown mean and optionally a polynomial time trend; √m(d̂ − d) → N(0, ¼) for d ∈ (−½, 2) (d ∈ (−½, 7/4) with
    /// a trend).
    ///
    /// 1. Detrend: x̃ = residuals of the least-squares regression of x on (1, t, …, t^k), k = `detrendOrder`
    ///    (k = 0 demeans).
    /// 2. First step: tapered local Whittle on x̃ (default Hurvich–Chen complex taper after one difference; the
    ///    Velasco Kolmogorov taper is the alternative), giving d̂_T and its s.e.
    /// 3. Second step: the ELW objective R_F(d) of x̃ − μ̂(d), μ̂(d) = w(d)·mean(x̃) + (1 − w(d))·x̃₁ (``weight(_:)``;
    ///    mean(x̃) = 0 after detrending), optimised near d̂_T as chosen by `secondStep`.
    ///
    /// The same m is used in both steps. s.e. 1/(2√m). The first-step estimate is reported in `auxiliary`.
    public static func twoStep(
        _ x: [Double], bandwidth: Bandwidth = .exponent(defaultExponent), detrendOrder: Int = 0,
        firstStepTaper: LocalWhittle.Taper = .hurvichChen(differences: 1), secondStep: SecondStep = .standard,
        searchInterval: ClosedRange<Double> = defaultSearchInterval, confidenceLevel: Double = 0.95
    ) throws -> MemoryEstimate {
        try EstimatorInput.validate(x, estimator: "two-step exact local Whittle estimation")
        try EstimatorInput.validateLevel(confidenceLevel)
        try validateSearchInterval(searchInterval)
        guard (0...3).contains(detrendOrder) else {
            throw LongMemoryError.invalidArgument(
                name: "detrendOrder", value: "\(detrendOrder)", requirement: "must be in 0…3")
        }
        if firstStepTaper == .none {
            throw LongMemoryError.invalidArgument(
                name: "firstStepTaper", value: "none",
                requirement: "the first step must be a tapered local Whittle estimate")
        }
        if case .localMinimization(let z) = secondStep, !(z.isFinite && z > 0) {
            throw LongMemoryError.invalidArgument(
                name: "halfWidthInStandardErrors", value: "\(z)", requirement: "must be finite and > 0")
        }
        let n = x.count
        let residuals = try PolynomialTrend.residuals(x, degree: detrendOrder)
        let spread = x.reduce(0) { max($0, abs($1 - x[0])) }
        guard residuals.contains(where: { abs($0) > 1e-9 * spread }) else {
            throw LongMemoryError.invalidArgument(
                name: "series", value: "a polynomial of degree \(detrendOrder)",
                requirement: "must not be fitted exactly by the trend")
        }
        let (m, tuning, auxiliary, selectionNotes) = try LocalWhittle.resolve(
            bandwidth, periodogram: nil, x: residuals, minimum: 4, estimator: "two-step exact local Whittle")
        let first = try LocalWhittle.estimate(
            residuals, bandwidth: .count(m), taper: firstStepTaper, searchInterval: searchInterval,
            confidenceLevel: confidenceLevel)
        let evaluator = try ExactLocalWhittleObjective(series: residuals, bandwidth: m, mean: .weighted)
        var notes = selectionNotes + first.notes.map { "first step: " + $0 }
        var d: Double
        var objectiveValue: Double

        func localMinimum(_ z: Double) throws -> (Double, Double) {
            let lo = max(searchInterval.lowerBound, first.d - z * first.standardError)
            let hi = min(searchInterval.upperBound, first.d + z * first.standardError)
            guard lo < hi else { return (first.d, try evaluator.value(first.d)) }
            let search = try EstimatorSearch.minimize(
                evaluator.value, over: lo...hi, scanIntervals: 16, what: "two-step exact local Whittle")
            if !search.notes.isEmpty {
                notes.append(
                    "second step: the minimum is at an end of the neighbourhood [\(lo), \(hi)] of the first-step estimate"
                )
            }
            return (search.minimizer, search.minimum)
        }

        switch secondStep {
        case .localMinimization(let z):
            (d, objectiveValue) = try localMinimum(z)
        case .newton:
            let g = try evaluator.slope(at: first.d)
            let h = try evaluator.curvature(at: first.d)
            let step = h > 0 ? -g / h : .nan
            if step.isFinite, abs(step) <= 2.576 * first.standardError {
                d = first.d + step
                objectiveValue = try evaluator.value(d)
            } else {
                notes.append(
                    "Newton step rejected (R'' = \(EstimatorFormat.number(h)), step \(step)); minimised locally instead"
                )
                (d, objectiveValue) = try localMinimum(2.576)
            }
        }
        if d > 2 || (detrendOrder > 0 && d > 1.75) {
            notes.append(
                "two-step ELW is asymptotically normal for d < 2 (d < 7/4 with a trend): treat the s.e. with caution")
        }
        let w = weight(d)
        var aux = auxiliary
        aux.append(
            AuxiliaryParameter(
                name: "first-step d (\(firstStepTaper))", value: first.d, standardError: first.standardError))
        aux.append(AuxiliaryParameter(name: "mean correction μ̂(d̂) of the residuals", value: (1 - w) * residuals[0]))
        let trendText = detrendOrder == 0 ? "demeaned" : "detrended (polynomial order \(detrendOrder))"
        return try MemoryEstimate(
            method: .twoStepExactLocalWhittle,
            variant:
                "two-step exact local Whittle (Shimotsu 2010), \(trendText), first step \(firstStepTaper), second step \(secondStep)",
            d: d, standardError: 1 / (2 * Double(m).squareRoot()), confidenceLevel: confidenceLevel, n: n,
            bandwidth: m, trimming: 0, tuningDescription: tuning, auxiliary: aux, objective: objectiveValue,
            notes: notes)
    }
}
