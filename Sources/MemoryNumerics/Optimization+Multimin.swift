@preconcurrency import CGSL

extension Optimization {
    /// Minimise `objective` over ℝⁿ starting from `start`.
    ///
    /// * With a `gradient`: BFGS (Broyden–Fletcher–Goldfarb–Shanno; Nocedal & Wright 2006, *Numerical
    ///   Optimization*, 2nd ed., §6.1) with Fletcher's line search, GSL `gsl_multimin_fdfminimizer_vector_bfgs2`;
    ///   stops when ‖∇f‖₂ < `options.gradientTolerance`.
    /// * Without: the Nelder–Mead simplex (Nelder & Mead 1965, *Comput. J.* 7(4):308–313), GSL
    ///   `gsl_multimin_fminimizer_nmsimplex2`; stops when the simplex size is below
    ///   `options.simplexSizeTolerance`.
    ///
    /// See the GSL Reference Manual, "Multidimensional Minimization". The gradient must return `start.count`
    /// values. Errors thrown by either closure are rethrown; NaN/+∞ objective values count as the penalty, a
    /// non-finite gradient stops the search with `converged == false` (see ``Optimization``).
    ///
    /// - Throws: ``NumericsError/domain(_:)`` for an empty or non-finite start, a non-finite objective at the
    ///   start, or bad options; the closures' own errors.
    public static func minimize(
        _ objective: ([Double]) throws -> Double, gradient: (([Double]) throws -> [Double])? = nil,
        from start: [Double], options: Options = Options()
    ) throws -> Result {
        guard !start.isEmpty else { throw NumericsError.domain("Optimization.minimize: the start point is empty") }
        if let i = start.firstIndex(where: { !$0.isFinite }) {
            throw NumericsError.domain("Optimization.minimize: start[\(i)] = \(start[i]) is not finite")
        }
        try validate(options.gradientTolerance, "gradientTolerance", positive: true)
        try validate(options.simplexSizeTolerance, "simplexSizeTolerance", positive: true)
        try validate(options.maxIterations, "maxIterations", atLeast: 1)
        try validate(options.initialStepSize, "initialStepSize", positive: true)
        try validate(options.lineSearchTolerance, "lineSearchTolerance", positive: true)
        if options.lineSearchTolerance >= 1 {
            throw NumericsError.domain(
                "Optimization.minimize: lineSearchTolerance must be in (0, 1), got \(options.lineSearchTolerance)")
        }
        try validate(options.nonFinitePenalty, "nonFinitePenalty", positive: true)
        if let steps = options.initialSimplexSteps {
            guard steps.count == start.count else {
                throw NumericsError.dimensionMismatch(
                    "Optimization.minimize: initialSimplexSteps has \(steps.count) values, start has \(start.count)")
            }
            for (i, h) in steps.enumerated() where !(h.isFinite && h != 0) {
                throw NumericsError.domain(
                    "Optimization.minimize: initialSimplexSteps[\(i)] = \(h) must be finite and non-zero")
            }
        }
        NumericsSetup.ensure()
        return try withoutActuallyEscaping(objective) { f in
            let box = GradientObjectiveBox(
                f, gradient: gradient, dimension: start.count,
                penalty: options.nonFinitePenalty)
            return try withExtendedLifetime(box) {
                let f0 = box.value(start)
                if let error = box.thrownError { throw error }
                if box.minusInfinityAt != nil {
                    return Result(
                        minimizer: start, minimum: -.infinity, iterations: 0, evaluations: box.evaluations,
                        gradientEvaluations: 0, converged: false, method: gradient == nil ? .nelderMead : .bfgs,
                        gradientNorm: nil, simplexSize: nil, nonFiniteEvaluations: 0,
                        status: "the objective is −∞ at the start point: unbounded below")
                }
                if box.nonFiniteEvaluations > 0 {
                    throw NumericsError.domain(
                        "Optimization.minimize: the objective is not finite at the start point \(start)")
                }
                _ = f0
                if gradient != nil {
                    return try runBFGS(box, start: start, options: options)
                }
                return try runNelderMead(box, start: start, options: options)
            }
        }
    }
}

/// An N-D objective with an optional gradient, for GSL's callbacks.
final class GradientObjectiveBox {
    let values: ObjectiveBox<[Double]>
    let gradientFunction: (([Double]) throws -> [Double])?
    let dimension: Int
    var gradientEvaluations = 0

    init(
        _ f: @escaping ([Double]) throws -> Double, gradient: (([Double]) throws -> [Double])?, dimension: Int,
        penalty: Double
    ) {
        values = ObjectiveBox(f, penalty: penalty)
        gradientFunction = gradient
        self.dimension = dimension
    }

    var evaluations: Int { values.evaluations }
    var nonFiniteEvaluations: Int { values.nonFiniteEvaluations }
    var thrownError: (any Error)? { values.thrownError }
    var minusInfinityAt: [Double]? { values.minusInfinityAt }
    var stopReason: String? { values.stopReason }

    func value(_ x: [Double]) -> Double { values.value(x) }

    /// Writes ∇f(x) into `out` (zeros once the search must stop, or when the gradient is unusable).
    func gradient(_ x: [Double], into out: UnsafeMutablePointer<gsl_vector>) {
        let n = out.pointee.size, stride = out.pointee.stride
        guard let data = out.pointee.data else { return }
        func fill(_ v: Double) { for i in 0..<n { data[i * stride] = v } }
        guard let gradientFunction, !values.mustStop else {
            fill(0)
            return
        }
        gradientEvaluations += 1
        do {
            let g = try gradientFunction(x)
            guard g.count == n else {
                values.stopReason = "the gradient returned \(g.count) values for \(n) parameters"
                fill(0)
                return
            }
            if let i = g.firstIndex(where: { !$0.isFinite }) {
                values.stopReason = "the gradient is not finite at x = \(x) (component \(i) = \(g[i]))"
                fill(0)
                return
            }
            for i in 0..<n { data[i * stride] = g[i] }
        } catch {
            values.thrownError = error
            fill(0)
        }
    }
}

/// The elements of a GSL vector as a Swift array.
@inline(__always)
private func gslVectorElements(_ v: UnsafePointer<gsl_vector>) -> [Double] {
    let n = v.pointee.size, stride = v.pointee.stride
    guard let data = v.pointee.data else { return [] }
    return [Double](unsafeUninitializedCapacity: n) { buf, count in
        for i in 0..<n { buf[i] = data[i * stride] }
        count = n
    }
}

/// A freshly allocated GSL vector holding `x` (caller frees it).
private func makeGSLVector(_ x: [Double]) throws -> UnsafeMutablePointer<gsl_vector> {
    guard let v = gsl_vector_alloc(x.count) else {
        throw NumericsError.gsl(routine: "gsl_vector_alloc", status: -1, message: "allocation failed")
    }
    for (i, xi) in x.enumerated() { gsl_vector_set(v, i, xi) }
    return v
}

extension Optimization {
    private static func statusText(_ code: Int32) -> String {
        let message = gsl_strerror(code).map { String(cString: $0) } ?? "unknown"
        return "status \(code): \(message)"
    }

    static func runBFGS(_ box: GradientObjectiveBox, start: [Double], options: Options) throws -> Result {
        let n = start.count
        guard let type = gsl_multimin_fdfminimizer_vector_bfgs2, let s = gsl_multimin_fdfminimizer_alloc(type, n)
        else {
            throw NumericsError.gsl(
                routine: "gsl_multimin_fdfminimizer_alloc", status: -1, message: "allocation failed")
        }
        defer { gsl_multimin_fdfminimizer_free(s) }
        let x0 = try makeGSLVector(start)
        defer { gsl_vector_free(x0) }
        // GSL keeps a pointer to the function struct: it must stay put for the whole run.
        let function = UnsafeMutablePointer<gsl_multimin_function_fdf>.allocate(capacity: 1)
        defer { function.deallocate() }
        function.initialize(
            to: gsl_multimin_function_fdf(
                f: { x, params in
                    guard let x, let params else { return .nan }
                    let box = Unmanaged<GradientObjectiveBox>.fromOpaque(params).takeUnretainedValue()
                    return box.value(gslVectorElements(x))
                },
                df: { x, params, g in
                    guard let x, let params, let g else { return }
                    Unmanaged<GradientObjectiveBox>.fromOpaque(params).takeUnretainedValue()
                        .gradient(gslVectorElements(x), into: g)
                },
                fdf: { x, params, f, g in
                    guard let x, let params, let f, let g else { return }
                    let box = Unmanaged<GradientObjectiveBox>.fromOpaque(params).takeUnretainedValue()
                    let point = gslVectorElements(x)
                    f.pointee = box.value(point)
                    box.gradient(point, into: g)
                },
                n: n, params: Unmanaged.passUnretained(box).toOpaque()))

        func finish(iterations: Int, converged: Bool, status: String) -> Result {
            let g = gsl_multimin_fdfminimizer_gradient(s)
            return Result(
                minimizer: gsl_multimin_fdfminimizer_x(s).map { gslVectorElements($0) } ?? start,
                minimum: gsl_multimin_fdfminimizer_minimum(s), iterations: iterations, evaluations: box.evaluations,
                gradientEvaluations: box.gradientEvaluations, converged: converged, method: .bfgs,
                gradientNorm: g.map { gslVectorElements($0).reduce(0) { $0 + $1 * $1 }.squareRoot() },
                simplexSize: nil,
                nonFiniteEvaluations: box.nonFiniteEvaluations, status: status)
        }
        func earlyExit(_ iterations: Int) throws -> Result? {
            if let error = box.thrownError { throw error }
            if let x = box.minusInfinityAt {
                return Result(
                    minimizer: x, minimum: -.infinity, iterations: iterations, evaluations: box.evaluations,
                    gradientEvaluations: box.gradientEvaluations, converged: false, method: .bfgs, gradientNorm: nil,
                    simplexSize: nil, nonFiniteEvaluations: box.nonFiniteEvaluations,
                    status: "the objective is −∞ at x = \(x): unbounded below")
            }
            if let reason = box.stopReason { return finish(iterations: iterations, converged: false, status: reason) }
            return nil
        }

        let setCode = gsl_multimin_fdfminimizer_set(
            s, function, x0, options.initialStepSize,
            options.lineSearchTolerance)
        if let exit = try earlyExit(0) { return exit }
        try gslCheck(setCode, "gsl_multimin_fdfminimizer_set")
        let gradientConverged = { () -> Bool in
            guard let g = gsl_multimin_fdfminimizer_gradient(s) else { return false }
            return gsl_multimin_test_gradient(g, options.gradientTolerance) == 0
        }
        if gradientConverged() {
            return finish(iterations: 0, converged: true, status: "converged at the start point: ‖∇f‖ below tolerance")
        }
        var iterations = 0
        while iterations < options.maxIterations {
            iterations += 1
            let code = gsl_multimin_fdfminimizer_iterate(s)
            if let exit = try earlyExit(iterations) { return exit }
            if gradientConverged() {
                return finish(
                    iterations: iterations, converged: true,
                    status: "converged: ‖∇f‖ < \(options.gradientTolerance) after \(iterations) iterations")
            }
            if code != 0 {
                return finish(
                    iterations: iterations, converged: false,
                    status: "BFGS stopped without meeting the gradient tolerance (GSL \(statusText(code)))")
            }
        }
        return finish(
            iterations: iterations, converged: false,
            status: "maximum of \(options.maxIterations) iterations reached")
    }

    static func runNelderMead(_ box: GradientObjectiveBox, start: [Double], options: Options) throws -> Result {
        let n = start.count
        guard let type = gsl_multimin_fminimizer_nmsimplex2, let s = gsl_multimin_fminimizer_alloc(type, n) else {
            throw NumericsError.gsl(routine: "gsl_multimin_fminimizer_alloc", status: -1, message: "allocation failed")
        }
        defer { gsl_multimin_fminimizer_free(s) }
        let x0 = try makeGSLVector(start)
        defer { gsl_vector_free(x0) }
        let steps = try makeGSLVector(options.initialSimplexSteps ?? start.map { 0.1 * max(1, abs($0)) })
        defer { gsl_vector_free(steps) }
        let function = UnsafeMutablePointer<gsl_multimin_function>.allocate(capacity: 1)
        defer { function.deallocate() }
        function.initialize(
            to: gsl_multimin_function(
                f: { x, params in
                    guard let x, let params else { return .nan }
                    let box = Unmanaged<GradientObjectiveBox>.fromOpaque(params).takeUnretainedValue()
                    return box.value(gslVectorElements(x))
                },
                n: n, params: Unmanaged.passUnretained(box).toOpaque()))

        func finish(iterations: Int, converged: Bool, status: String) -> Result {
            Result(
                minimizer: gsl_multimin_fminimizer_x(s).map { gslVectorElements($0) } ?? start,
                minimum: gsl_multimin_fminimizer_minimum(s), iterations: iterations, evaluations: box.evaluations,
                gradientEvaluations: 0, converged: converged, method: .nelderMead, gradientNorm: nil,
                simplexSize: gsl_multimin_fminimizer_size(s), nonFiniteEvaluations: box.nonFiniteEvaluations,
                status: status)
        }
        func earlyExit(_ iterations: Int) throws -> Result? {
            if let error = box.thrownError { throw error }
            if let x = box.minusInfinityAt {
                return Result(
                    minimizer: x, minimum: -.infinity, iterations: iterations, evaluations: box.evaluations,
                    gradientEvaluations: 0, converged: false, method: .nelderMead, gradientNorm: nil,
                    simplexSize: nil, nonFiniteEvaluations: box.nonFiniteEvaluations,
                    status: "the objective is −∞ at x = \(x): unbounded below")
            }
            return nil
        }

        let setCode = gsl_multimin_fminimizer_set(s, function, x0, steps)
        if let exit = try earlyExit(0) { return exit }
        try gslCheck(setCode, "gsl_multimin_fminimizer_set")
        var iterations = 0
        while iterations < options.maxIterations {
            iterations += 1
            let code = gsl_multimin_fminimizer_iterate(s)
            if let exit = try earlyExit(iterations) { return exit }
            let size = gsl_multimin_fminimizer_size(s)
            if gsl_multimin_test_size(size, options.simplexSizeTolerance) == 0 {
                return finish(
                    iterations: iterations, converged: true,
                    status: "converged: simplex size \(size) < \(options.simplexSizeTolerance) "
                        + "after \(iterations) iterations")
            }
            if code != 0 {
                return finish(
                    iterations: iterations, converged: false,
                    status: "Nelder–Mead stopped before the size tolerance (GSL \(statusText(code)))")
            }
        }
        return finish(
            iterations: iterations, converged: false,
            status: "maximum of \(options.maxIterations) iterations reached")
    }
}
