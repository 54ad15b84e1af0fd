import Testing
import MemoryNumerics

/// A marker error thrown by test objectives.
private struct ObjectiveFailure: Error, Equatable { let at: Double }

/// Rosenbrock (1960) function f = (1 − x)² + 100(y − x²)², global minimum 0 at (1, 1).
private func rosenbrock(_ p: [Double]) -> Double {
    let x = p[0], y = p[1]
    return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
}

private func rosenbrockGradient(_ p: [Double]) -> [Double] {
    let x = p[0], y = p[1]
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]
}

@Suite("Optimization: Brent 1-D")
struct BrentTests {
    @Test("(x − 2)² on [0, 5]: interior minimum at 2")
    func quadratic() throws {
        let r = try Optimization.minimize({ ($0 - 2) * ($0 - 2) }, lower: 0, upper: 5)
        #expect(r.converged)
        #expect(r.boundary == .interior)
        #expect(!r.isAtBoundary)
        #expect(abs(r.minimizer - 2) < 1e-6)
        #expect(r.minimum < 1e-12)
        #expect(r.bracketLower <= r.minimizer && r.minimizer <= r.bracketUpper)
        // Default tolerance: bracket narrower than 1e-10 + 1e-7·|x|.
        #expect(r.bracketUpper - r.bracketLower < 1e-10 + 1e-7 * 2.1)
        #expect(r.iterations > 0 && r.evaluations >= 17)
    }

    @Test("Minimum off the scan grid: (x − π)² + 1 on [−1, 10]")
    func offGrid() throws {
        let r = try Optimization.minimize({ ($0 - Double.pi) * ($0 - Double.pi) + 1 }, lower: -1, upper: 10)
        #expect(r.converged)
        #expect(abs(r.minimizer - Double.pi) < 1e-6)
        #expect(abs(r.minimum - 1) < 1e-12)
    }

    @Test("Non-smooth |x − 0.3| is found to the x tolerance")
    func nonSmooth() throws {
        let options = Optimization.ScalarOptions(absoluteTolerance: 1e-9, relativeTolerance: 0)
        let r = try Optimization.minimize({ abs($0 - 0.3) }, lower: -2, upper: 1, options: options)
        #expect(r.converged)
        #expect(abs(r.minimizer - 0.3) < 2e-9)
    }

    @Test("Increasing function: minimum at the lower end, flagged")
    func lowerEndpoint() throws {
        let r = try Optimization.minimize({ $0 * $0 * $0 + $0 }, lower: -0.5, upper: 3)
        #expect(r.boundary == .lower)
        #expect(r.isAtBoundary)
        #expect(r.minimizer == -0.5)
        #expect(r.minimum == -0.625)
        #expect(r.converged)
        #expect(r.iterations == 0)
    }

    @Test("(x − 5)² on [0, 3]: minimum at the upper end, flagged")
    func upperEndpoint() throws {
        let r = try Optimization.minimize({ ($0 - 5) * ($0 - 5) }, lower: 0, upper: 3)
        #expect(r.boundary == .upper)
        #expect(r.minimizer == 3)
        #expect(r.minimum == 4)
    }

    @Test("A minimum just inside an end (below the scan's resolution) is still found, not flagged")
    func nearEndpoint() throws {
        // Grid spacing 1/16; the minimum at 1e-3 is between the lower end and the first grid point.
        let r = try Optimization.minimize({ ($0 - 1e-3) * ($0 - 1e-3) }, lower: 0, upper: 1)
        #expect(r.boundary == .interior)
        #expect(r.converged)
        #expect(abs(r.minimizer - 1e-3) < 1e-8)
        let u = try Optimization.minimize({ ($0 - 0.999) * ($0 - 0.999) }, lower: 0, upper: 1)
        #expect(u.boundary == .interior)
        #expect(abs(u.minimizer - 0.999) < 1e-7)
    }

    @Test("Tolerances are honoured: a loose absolute tolerance stops early")
    func tolerances() throws {
        let f = { (x: Double) in (x - 1.234567) * (x - 1.234567) + 0.1 * (x - 1.234567) * (x - 1.234567) * x }
        let loose = try Optimization.minimize(
            f, lower: 0, upper: 2, options: .init(absoluteTolerance: 1e-3, relativeTolerance: 0))
        let tight = try Optimization.minimize(
            f, lower: 0, upper: 2, options: .init(absoluteTolerance: 1e-9, relativeTolerance: 0))
        #expect(loose.converged && tight.converged)
        #expect(loose.bracketUpper - loose.bracketLower < 1e-3)
        #expect(tight.bracketUpper - tight.bracketLower < 1e-9)
        #expect(loose.evaluations < tight.evaluations)
        #expect(abs(tight.minimizer - 1.234567) < 1e-8)
    }

    @Test("Iteration limit: reported as not converged, best point still returned")
    func iterationLimit() throws {
        let r = try Optimization.minimize(
            { ($0 - 2) * ($0 - 2) }, lower: 0, upper: 5, options: .init(maxIterations: 1))
        #expect(!r.converged)
        #expect(r.iterations == 1)
        #expect(r.status.contains("maximum"))
        #expect(abs(r.minimizer - 2) < 0.5)
    }

    @Test("NaN and +∞ values are penalised, not fatal")
    func nonFiniteValues() throws {
        let r = try Optimization.minimize(
            { x in x < 1 ? .nan : (x > 4 ? .infinity : (x - 2) * (x - 2)) }, lower: 0, upper: 5)
        #expect(r.converged)
        #expect(abs(r.minimizer - 2) < 1e-6)
        #expect(r.nonFiniteEvaluations > 0)
        // NaN everywhere: no crash, honest report.
        let all = try Optimization.minimize({ _ in .nan }, lower: 0, upper: 1)
        #expect(!all.converged)
        #expect(all.status.contains("no finite"))
        // NaN except at one grid point's neighbourhood: a bracket around the only finite region.
        let spike = try Optimization.minimize(
            { x in abs(x - 0.5) < 0.1 ? (x - 0.52) * (x - 0.52) : .nan },
            lower: 0, upper: 1)
        #expect(abs(spike.minimizer - 0.52) < 1e-6)
    }

    @Test("−∞ stops the search and is reported")
    func minusInfinity() throws {
        let r = try Optimization.minimize({ x in x > 3 ? -.infinity : x * x }, lower: -1, upper: 5)
        #expect(!r.converged)
        #expect(r.minimum == -.infinity)
        #expect(r.minimizer > 3)
        #expect(r.status.contains("unbounded"))
    }

    @Test("An error thrown by the objective is rethrown unchanged")
    func throwingObjective() {
        #expect(throws: ObjectiveFailure(at: 1.25)) {
            try Optimization.minimize(
                { x in
                    if x == 1.25 { throw ObjectiveFailure(at: x) }
                    return (x - 2) * (x - 2)
                }, lower: 0, upper: 5)
        }
        // Thrown during the Brent phase (after the scan): still rethrown.
        var count = 0
        #expect(throws: ObjectiveFailure.self) {
            try Optimization.minimize(
                { x in
                    count += 1
                    if count > 20 { throw ObjectiveFailure(at: x) }
                    return (x - 2) * (x - 2)
                }, lower: 0, upper: 5)
        }
    }

    @Test("Flat objective: no crash, endpoint returned")
    func flat() throws {
        let r = try Optimization.minimize({ _ in 3 }, lower: 0, upper: 1)
        #expect(r.minimum == 3)
        #expect(r.boundary == .lower)
    }

    @Test("Bad arguments throw a domain error")
    func badArguments() {
        #expect(throws: NumericsError.self) { try Optimization.minimize({ $0 }, lower: 1, upper: 1) }
        #expect(throws: NumericsError.self) { try Optimization.minimize({ $0 }, lower: 2, upper: 1) }
        #expect(throws: NumericsError.self) { try Optimization.minimize({ $0 }, lower: .nan, upper: 1) }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize({ $0 }, lower: -.greatestFiniteMagnitude, upper: .greatestFiniteMagnitude)
        }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize({ $0 }, lower: 0, upper: 1, options: .init(absoluteTolerance: -1))
        }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize({ $0 }, lower: 0, upper: 1, options: .init(maxIterations: 0))
        }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize({ $0 }, lower: 0, upper: 1, options: .init(scanIntervals: 1))
        }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize(
                { $0 }, lower: 0, upper: 1,
                options: .init(absoluteTolerance: 0, relativeTolerance: 0))
        }
    }

    @Test("Reentrant: a minimisation inside another's objective")
    func nested() throws {
        // g(y) = min_x [(x − y)² + (y − 1)²] = (y − 1)², minimised at y = 1.
        var innerFailures = 0
        let r = try Optimization.minimize(
            { y in
                let inner = try Optimization.minimize(
                    { x in (x - y) * (x - y) + (y - 1) * (y - 1) },
                    lower: -5, upper: 5)
                if !inner.converged { innerFailures += 1 }
                return inner.minimum
            }, lower: -3, upper: 4)
        #expect(innerFailures == 0)
        #expect(abs(r.minimizer - 1) < 1e-5)
    }

    @Test("Concurrent minimisations do not interfere")
    func concurrent() async throws {
        let results = try await withThrowingTaskGroup(of: (Double, Double).self) { group in
            for k in 0..<8 {
                let target = 0.3 + 0.4 * Double(k)
                group.addTask {
                    let r = try Optimization.minimize({ ($0 - target) * ($0 - target) }, lower: 0, upper: 4)
                    return (target, r.minimizer)
                }
            }
            var out: [(Double, Double)] = []
            for try await pair in group { out.append(pair) }
            return out
        }
        #expect(results.count == 8)
        for (target, found) in results { #expect(abs(found - target) < 1e-6) }
    }
}

@Suite("Optimization: BFGS and Nelder–Mead")
struct MultiminTests {
    @Test("BFGS on Rosenbrock from (−1.2, 1) converges to (1, 1)")
    func bfgsRosenbrock() throws {
        let r = try Optimization.minimize(rosenbrock, gradient: rosenbrockGradient, from: [-1.2, 1])
        #expect(r.method == .bfgs)
        #expect(r.converged)
        #expect(abs(r.minimizer[0] - 1) < 1e-6 && abs(r.minimizer[1] - 1) < 1e-6)
        #expect(r.minimum < 1e-12)
        #expect((r.gradientNorm ?? 1) < 1e-6)
        #expect(r.gradientEvaluations > 0)
        #expect(r.status.contains("converged"))
    }

    @Test("Nelder–Mead on Rosenbrock from (−1.2, 1) converges to (1, 1)")
    func nelderMeadRosenbrock() throws {
        let r = try Optimization.minimize(rosenbrock, from: [-1.2, 1])
        #expect(r.method == .nelderMead)
        #expect(r.converged)
        #expect(abs(r.minimizer[0] - 1) < 1e-4 && abs(r.minimizer[1] - 1) < 1e-4)
        #expect(r.minimum < 1e-8)
        #expect((r.simplexSize ?? 1) < 1e-8)
        #expect(r.gradientEvaluations == 0)
    }

    @Test("BFGS on a 6-D convex quadratic recovers the minimiser A⁻¹b")
    func quadratic() throws {
        // f = ½ Σ a_i (x_i − c_i)² + ½ (x_0 − x_1)²: minimiser solves the normal equations; here c is chosen so
        // that x = c + correction; check against the stationarity condition directly.
        let a = [1.0, 2, 3, 4, 5, 6], c = [0.5, -1, 2, 0, 3, -2]
        let f = { (x: [Double]) -> Double in
            var s = 0.5 * (x[0] - x[1]) * (x[0] - x[1])
            for i in 0..<6 { s += 0.5 * a[i] * (x[i] - c[i]) * (x[i] - c[i]) }
            return s
        }
        let g = { (x: [Double]) -> [Double] in
            var out = (0..<6).map { a[$0] * (x[$0] - c[$0]) }
            out[0] += x[0] - x[1]
            out[1] -= x[0] - x[1]
            return out
        }
        let r = try Optimization.minimize(f, gradient: g, from: [Double](repeating: 0, count: 6))
        #expect(r.converged)
        // Exact: coordinates 2..5 equal c; (x0, x1) solve [[2, −1], [−1, 3]] x = [0.5, −2].
        let det = 2.0 * 3 - 1
        let x0 = (3 * 0.5 + 1 * -2.0) / det, x1 = (1 * 0.5 + 2 * -2.0) / det
        let expected = [x0, x1] + Array(c[2...])
        for i in 0..<6 { #expect(abs(r.minimizer[i] - expected[i]) < 1e-8) }
    }

    @Test("Nelder–Mead in one dimension and with explicit steps")
    func nelderMeadOneD() throws {
        let r = try Optimization.minimize(
            { ($0[0] - 3) * ($0[0] - 3) }, from: [0],
            options: .init(initialSimplexSteps: [0.5]))
        #expect(r.converged)
        #expect(abs(r.minimizer[0] - 3) < 1e-6)
    }

    @Test("NaN regions are penalised and avoided, not fatal")
    func nanRegion() throws {
        // Rosenbrock, undefined (NaN) for x < −1.5 and y > 3.
        let f = { (p: [Double]) -> Double in p[0] < -1.5 || p[1] > 3 ? .nan : rosenbrock(p) }
        let nm = try Optimization.minimize(f, from: [-1.2, 1])
        #expect(nm.converged)
        #expect(abs(nm.minimizer[0] - 1) < 1e-4)
        let bfgs = try Optimization.minimize(
            f, gradient: rosenbrockGradient, from: [-1.2, 1],
            options: .init(initialStepSize: 5))
        #expect(bfgs.minimum.isFinite)
        #expect(bfgs.converged)
        #expect(abs(bfgs.minimizer[0] - 1) < 1e-6)
        // A function that is NaN everywhere except at the start: no crash.
        let start = [0.25, 0.25]
        let spike = try Optimization.minimize({ $0 == start ? 1 : .nan }, from: start)
        #expect(spike.minimum == 1)
        #expect(spike.nonFiniteEvaluations > 0)
        let spikeB = try Optimization.minimize({ $0 == start ? 1 : .nan }, gradient: { _ in [1, 1] }, from: start)
        #expect(spikeB.minimum == 1)
        #expect(!spikeB.converged)
    }

    @Test("A non-finite value at the start throws a domain error")
    func nonFiniteStart() {
        #expect(throws: NumericsError.self) { try Optimization.minimize({ _ in .nan }, from: [0, 0]) }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize({ _ in .infinity }, gradient: { _ in [0, 0] }, from: [0, 0])
        }
    }

    @Test("A bad gradient stops the search and is reported")
    func badGradient() throws {
        let wrongLength = try Optimization.minimize(rosenbrock, gradient: { _ in [1] }, from: [-1.2, 1])
        #expect(!wrongLength.converged)
        #expect(wrongLength.status.contains("gradient"))
        let nanGradient = try Optimization.minimize(rosenbrock, gradient: { _ in [.nan, 0] }, from: [-1.2, 1])
        #expect(!nanGradient.converged)
        #expect(nanGradient.status.contains("not finite"))
    }

    @Test("Errors thrown by the objective or gradient are rethrown")
    func throwing() {
        var calls = 0
        #expect(throws: ObjectiveFailure.self) {
            try Optimization.minimize(
                { p in
                    calls += 1
                    if calls > 10 { throw ObjectiveFailure(at: p[0]) }
                    return rosenbrock(p)
                }, from: [-1.2, 1])
        }
        var gradientCalls = 0
        #expect(throws: ObjectiveFailure.self) {
            try Optimization.minimize(
                rosenbrock,
                gradient: { p in
                    gradientCalls += 1
                    if gradientCalls > 3 { throw ObjectiveFailure(at: p[0]) }
                    return rosenbrockGradient(p)
                }, from: [-1.2, 1])
        }
    }

    @Test("−∞ is reported as unbounded")
    func minusInfinity() throws {
        let r = try Optimization.minimize({ p in p[0] > 2 ? -.infinity : -p[0] }, from: [0])
        #expect(!r.converged)
        #expect(r.minimum == -.infinity)
        #expect(r.status.contains("unbounded"))
    }

    @Test("Iteration limit is reported")
    func iterationLimit() throws {
        let r = try Optimization.minimize(
            rosenbrock, gradient: rosenbrockGradient, from: [-1.2, 1],
            options: .init(maxIterations: 2))
        #expect(!r.converged)
        #expect(r.iterations == 2)
        let nm = try Optimization.minimize(rosenbrock, from: [-1.2, 1], options: .init(maxIterations: 3))
        #expect(!nm.converged)
        #expect(nm.status.contains("maximum"))
    }

    @Test("Bad arguments throw")
    func badArguments() {
        #expect(throws: NumericsError.self) { try Optimization.minimize(rosenbrock, from: []) }
        #expect(throws: NumericsError.self) { try Optimization.minimize(rosenbrock, from: [.nan, 1]) }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize(rosenbrock, from: [0, 0], options: .init(initialSimplexSteps: [1]))
        }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize(rosenbrock, from: [0, 0], options: .init(initialSimplexSteps: [1, 0]))
        }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize(
                rosenbrock, gradient: rosenbrockGradient, from: [0, 0],
                options: .init(lineSearchTolerance: 1))
        }
        #expect(throws: NumericsError.self) {
            try Optimization.minimize(rosenbrock, from: [0, 0], options: .init(gradientTolerance: 0))
        }
    }
}
