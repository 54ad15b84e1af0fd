@preconcurrency import CGSL

extension Optimization {
    /// (3 − √5)/2, the golden-section fraction.
    static let goldenFraction = 0.381_966_011_250_105_15

    /// Relative bracket width below which GSL's Brent steps (never shorter than √ε·|x|) stop helping.
    static let brentResolution = 4 * 1.490_116_119_384_765_6e-8

    /// Minimise `objective` over the closed interval [lower, upper].
    ///
    /// Algorithm:
    /// 1. **Scan**: evaluate on `scanIntervals + 1` equally spaced points, ends included, and take the best.
    /// 2. **Bracket**: if the best point is inside, it and its neighbours form a bracket (l, m, r) with
    ///    f(m) < f(l), f(m) < f(r), which GSL's Brent minimiser requires (ties are split by bisection). If the
    ///    best point is an end, golden-section steps (factor (3 − √5)/2) move from the neighbouring grid point
    ///    towards that end looking for a smaller value; if none is found before the step falls below the x
    ///    tolerance, the end is returned with ``Optimization/Boundary/lower`` or
    ///    ``Optimization/Boundary/upper`` (estimators of d need to know that their optimum hit the search limit).
    /// 3. **Refine**: Brent's method (Brent 1973, *Algorithms for Minimization without Derivatives*,
    ///    Prentice-Hall, ch. 5): golden-section steps safeguarding successive parabolic interpolation, as
    ///    implemented by GSL `gsl_min_fminimizer_brent` (GSL Reference Manual, "One Dimensional Minimization"),
    ///    until the bracket is narrower than absoluteTolerance + relativeTolerance·min(|l|, |u|).
    ///
    /// The scan finds the global minimum only to its resolution: a narrower dip between grid points can be
    /// missed. Errors thrown by `objective` are rethrown; NaN/+∞ values count as the penalty (see
    /// ``Optimization``).
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for a bad interval or options; the objective's own errors.
    public static func minimize(
        _ objective: (Double) throws -> Double, lower: Double, upper: Double,
        options: ScalarOptions = ScalarOptions()
    ) throws -> ScalarResult {
        guard lower.isFinite, upper.isFinite, lower < upper, (upper - lower).isFinite else {
            throw NumericsError.domain(
                "Optimization.minimize: need finite lower < upper, got lower = \(lower), upper = \(upper)")
        }
        try validate(options.absoluteTolerance, "absoluteTolerance")
        try validate(options.relativeTolerance, "relativeTolerance")
        if options.absoluteTolerance == 0 && options.relativeTolerance == 0 {
            throw NumericsError.domain("Optimization.minimize: absoluteTolerance and relativeTolerance are both 0")
        }
        try validate(options.maxIterations, "maxIterations", atLeast: 1)
        try validate(options.scanIntervals, "scanIntervals", atLeast: 2)
        try validate(options.nonFinitePenalty, "nonFinitePenalty", positive: true)
        NumericsSetup.ensure()
        return try withoutActuallyEscaping(objective) { f in
            let box = ObjectiveBox<Double>(f, penalty: options.nonFinitePenalty)
            return try withExtendedLifetime(box) {
                try BrentSearch(box: box, lower: lower, upper: upper, options: options).run()
            }
        }
    }
}

/// One run of the scan–bracket–Brent procedure.
private struct BrentSearch {
    let box: ObjectiveBox<Double>
    let lower: Double
    let upper: Double
    let options: Optimization.ScalarOptions

    func tolerance(at x: Double) -> Double { options.absoluteTolerance + options.relativeTolerance * abs(x) }

    func result(
        _ x: Double, _ fx: Double, iterations: Int, converged: Bool, boundary: Optimization.Boundary,
        bracket: (Double, Double), status: String
    ) -> Optimization.ScalarResult {
        Optimization.ScalarResult(
            minimizer: x, minimum: fx, iterations: iterations, evaluations: box.evaluations, converged: converged,
            boundary: boundary, bracketLower: bracket.0, bracketUpper: bracket.1,
            nonFiniteEvaluations: box.nonFiniteEvaluations, status: status)
    }

    /// Rethrow the objective's error, or report a −∞ value; nil to go on.
    func earlyExit(iterations: Int) throws -> Optimization.ScalarResult? {
        if let error = box.thrownError { throw error }
        if let x = box.minusInfinityAt {
            return result(
                x, -.infinity, iterations: iterations, converged: false,
                boundary: x == lower ? .lower : (x == upper ? .upper : .interior), bracket: (x, x),
                status: "the objective is −∞ at x = \(x): unbounded below")
        }
        return nil
    }

    func evaluate(_ x: Double) throws -> (Double, Optimization.ScalarResult?) {
        let v = box.value(x)
        return (v, try earlyExit(iterations: 0))
    }

    func run() throws -> Optimization.ScalarResult {
        // 1. Scan.
        let n = options.scanIntervals
        var xs = [Double](repeating: 0, count: n + 1)
        var fs = [Double](repeating: 0, count: n + 1)
        let width = upper - lower
        for i in 0...n {
            let x = i == n ? upper : lower + width * (Double(i) / Double(n))
            xs[i] = x
            let (v, exit) = try evaluate(x)
            if let exit { return exit }
            fs[i] = v
        }
        var best = 0
        for i in 1...n where fs[i] < fs[best] { best = i }
        if fs[best] >= options.nonFinitePenalty {
            return result(
                xs[best], fs[best], iterations: 0, converged: false, boundary: .interior, bracket: (lower, upper),
                status: "no finite objective value on the \(n + 1)-point scan of [\(lower), \(upper)]")
        }

        // 2. Bracket.
        var l: Double, m: Double, r: Double, fl: Double, fm: Double, fr: Double
        if best == 0 || best == n {
            let atLower = best == 0
            let end = xs[best], fEnd = fs[best]
            var outer = atLower ? xs[1] : xs[n - 1]
            var fOuter = atLower ? fs[1] : fs[n - 1]  // ≥ fEnd: the end is the first best scan point
            var found: (Double, Double, Double, Double)? = nil  // (t, f(t), outer, f(outer))
            while true {
                let t = end + (outer - end) * Optimization.goldenFraction
                if t == end || abs(t - end) < tolerance(at: end) { break }
                let (ft, exit) = try evaluate(t)
                if let exit { return exit }
                if ft < fEnd {
                    found = (t, ft, outer, fOuter)
                    break
                }
                outer = t
                fOuter = ft
            }
            guard let (t, ft, far, fFar) = found else {
                let side: Optimization.Boundary = atLower ? .lower : .upper
                return result(
                    end, fEnd, iterations: 0, converged: true, boundary: side,
                    bracket: atLower ? (end, outer) : (outer, end),
                    status: "minimum at the \(atLower ? "lower" : "upper") end of [\(lower), \(upper)]")
            }
            if atLower {
                (l, m, r, fl, fm, fr) = (end, t, far, fEnd, ft, fFar)
            } else {
                (l, m, r, fl, fm, fr) = (far, t, end, fFar, ft, fEnd)
            }
        } else {
            (l, m, r, fl, fm, fr) = (xs[best - 1], xs[best], xs[best + 1], fs[best - 1], fs[best], fs[best + 1])
            // Split ties (a flat stretch) by bisection towards the tied neighbour.
            var splits = 0
            while (fm >= fl || fm >= fr) && splits < 60 {
                splits += 1
                if fm >= fl {
                    let c = 0.5 * (l + m)
                    if c == l || c == m { break }
                    let (fc, exit) = try evaluate(c)
                    if let exit { return exit }
                    if fc < fm { (r, fr, m, fm) = (m, fm, c, fc) } else { (l, fl) = (c, fc) }
                } else {
                    let c = 0.5 * (m + r)
                    if c == m || c == r { break }
                    let (fc, exit) = try evaluate(c)
                    if let exit { return exit }
                    if fc < fm { (l, fl, m, fm) = (m, fm, c, fc) } else { (r, fr) = (c, fc) }
                }
                if r - l < tolerance(at: m) { break }
            }
            if fm >= fl || fm >= fr {
                return result(
                    m, fm, iterations: 0, converged: false, boundary: .interior, bracket: (l, r),
                    status: "the objective is flat around x = \(m) (equal values on the scan); "
                        + "returned the best point found")
            }
        }

        // 3. Refine with GSL's Brent minimiser.
        guard let type = gsl_min_fminimizer_brent, let s = gsl_min_fminimizer_alloc(type) else {
            throw NumericsError.gsl(routine: "gsl_min_fminimizer_alloc", status: -1, message: "allocation failed")
        }
        defer { gsl_min_fminimizer_free(s) }
        // GSL keeps the pointer to the gsl_function, so it must stay put for the whole run.
        let function = UnsafeMutablePointer<gsl_function>.allocate(capacity: 1)
        defer { function.deallocate() }
        function.initialize(
            to: gsl_function(
                function: { x, params in
                    guard let params else { return .nan }
                    return Unmanaged<ObjectiveBox<Double>>.fromOpaque(params).takeUnretainedValue().value(x)
                },
                params: Unmanaged.passUnretained(box).toOpaque()))
        try gslCheck(
            gsl_min_fminimizer_set_with_values(s, function, m, fm, l, fl, r, fr),
            "gsl_min_fminimizer_set_with_values")

        var iterations = 0
        var converged = false
        var status = ""
        var lo = l, hi = r
        var stalled = false
        while iterations < options.maxIterations {
            iterations += 1
            let code = gsl_min_fminimizer_iterate(s)
            if let exit = try earlyExit(iterations: iterations) { return exit }
            if code != 0 {
                let message = gsl_strerror(code).map { String(cString: $0) } ?? "unknown"
                status = "GSL Brent iteration failed (status \(code): \(message))"
                break
            }
            lo = gsl_min_fminimizer_x_lower(s)
            hi = gsl_min_fminimizer_x_upper(s)
            if gsl_min_test_interval(lo, hi, options.absoluteTolerance, options.relativeTolerance) == 0 {
                converged = true
                break
            }
            // GSL's Brent never steps by less than √ε·|x|, so it cannot shrink the bracket much below that
            // (and may even step outside it); finish such a bracket by golden section instead.
            if hi - lo <= Optimization.brentResolution * max(abs(lo), abs(hi)) {
                stalled = true
                break
            }
        }
        var x = gsl_min_fminimizer_x_minimum(s), fx = gsl_min_fminimizer_f_minimum(s)
        lo = gsl_min_fminimizer_x_lower(s)
        hi = gsl_min_fminimizer_x_upper(s)
        if stalled {
            // Golden-section search on [lo, hi] around the best point: comparisons only, so it shrinks the
            // bracket to any tolerance down to the spacing of floating-point numbers.
            var floating = false
            while iterations < options.maxIterations {
                if hi - lo < options.absoluteTolerance + options.relativeTolerance * min(abs(lo), abs(hi)) {
                    converged = true
                    break
                }
                iterations += 1
                let u =
                    x - lo > hi - x
                    ? x - Optimization.goldenFraction * (x - lo) : x + Optimization.goldenFraction * (hi - x)
                if u == x || u == lo || u == hi {
                    floating = true
                    break
                }
                let fu = box.value(u)
                if let exit = try earlyExit(iterations: iterations) { return exit }
                if fu < fx {
                    if u < x { hi = x } else { lo = x }
                    (x, fx) = (u, fu)
                } else {
                    if u < x { lo = u } else { hi = u }
                }
            }
            if floating {
                status = "bracket [\(lo), \(hi)] at floating-point resolution, wider than the tolerance"
            }
        }
        if converged {
            status = "converged: bracket [\(lo), \(hi)] after \(iterations) iterations"
        } else if status.isEmpty {
            status = "maximum of \(options.maxIterations) iterations reached; bracket [\(lo), \(hi)]"
        }
        return result(
            x, fx, iterations: iterations, converged: converged, boundary: .interior, bracket: (lo, hi),
            status: status)
    }
}
