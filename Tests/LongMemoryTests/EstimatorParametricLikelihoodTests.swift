import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

/// Haslett–Raftery, exact Gaussian MLE and conditional sum of squares.
@Suite("Parametric likelihood estimators (HR, exact MLE, CSS)")
struct EstimatorParametricLikelihoodTests {
    // MARK: identities

    @Test("exact likelihood: in-place Durbin–Levinson equals a dense Cholesky factorisation of Γ (n = 60)")
    func exactLikelihoodEqualsDense() throws {
        let model = ARFIMAModel(d: 0.3, ar: [0.5], ma: [0.4])
        let n = 60
        let x = try Simulation.arfima(model, count: n, seed: 21)
        let gamma = try Autocovariance.arfima(model, lags: n - 1)
        var big = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0..<n { big[i, j] = gamma[abs(i - j)] } }
        let chol = try LinearAlgebra.cholesky(big)
        let quadratic = zip(x, try chol.solve(x)).reduce(0) { $0 + $1.0 * $1.1 }
        let (sumLog, sumSquares) = try ExactGaussianLikelihood.durbinLevinson(x, acvf: gamma)
        #expect(TestSupport.relativeError(sumLog, chol.logDeterminant) < 1e-10)
        #expect(TestSupport.relativeError(sumSquares, quadratic) < 1e-10)
        // And the library's Durbin–Levinson agrees term by term.
        let (e, v) = try DurbinLevinson.predictionErrors(x, acvf: gamma)
        #expect(TestSupport.relativeError(sumSquares, zip(e, v).reduce(0) { $0 + $1.0 * $1.0 / $1.1 }) < 1e-12)
    }

    @Test("Haslett–Raftery with M ≥ n is the exact FI(d) likelihood with the GLS mean")
    func haslettRafteryExactLimit() throws {
        let n = 300, d = 0.35
        let x = try Simulation.arfima(ARFIMAModel(d: d), count: n, seed: 5).map { $0 + 10 }
        let hr = HaslettRafteryFilter(x: x, truncation: n).filter(d: d)
        let gamma = try Autocovariance.fractionalNoise(d: d, lags: n - 1)
        // GLS mean from Durbin–Levinson errors of x and of the constant series.
        let (ex, v) = try DurbinLevinson.predictionErrors(x, acvf: gamma)
        let (e1, _) = try DurbinLevinson.predictionErrors([Double](repeating: 1, count: n), acvf: gamma)
        var num = 0.0, den = 0.0
        for t in 0..<n {
            num += ex[t] * e1[t] / v[t]
            den += e1[t] * e1[t] / v[t]
        }
        #expect(TestSupport.relativeError(hr.mean, num / den) < 1e-10)
        let (e, _) = try DurbinLevinson.predictionErrors(x.map { $0 - num / den }, acvf: gamma)
        for t in [0, 1, 2, 50, 299] { #expect(abs(hr.errors[t] - e[t] / v[t].squareRoot()) < 1e-9) }
        #expect(TestSupport.relativeError(hr.logDeterminant, v.reduce(0) { $0 + Double.log($1) }) < 1e-12)
        #expect(TestSupport.relativeError(hr.sumOfSquares, hr.errors.reduce(0) { $0 + $1 * $1 }) < 1e-10)
        // The fast path without the error array gives the same sums.
        let fast = HaslettRafteryFilter(x: x, truncation: 100).filter(d: d, wantErrors: false)
        let full = HaslettRafteryFilter(x: x, truncation: 100).filter(d: d)
        #expect(fast.errors.isEmpty)
        #expect(TestSupport.relativeError(fast.sumOfSquares, full.errors.reduce(0) { $0 + $1 * $1 }) < 1e-10)
    }

    @Test("Haslett–Raftery tail correction: M = 100 gives nearly the estimate of M = n")
    func haslettRafteryTruncation() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.4), count: 1500, seed: 8)
        let exact = try ParametricEstimation.haslettRaftery(x, options: ARFIMAFitOptions(truncation: 1500))
        let truncated = try ParametricEstimation.haslettRaftery(x)
        let uncorrected = 0.1 * exact.estimate.standardError
        #expect(abs(truncated.model.d - exact.model.d) < uncorrected, "\(truncated.model.d) vs \(exact.model.d)")
    }

    @Test("CSS objective at fixed d is (n/2)log(RSS/n) of the type-II difference of x − x̄")
    func cssObjective() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.25), count: 400, seed: 13).map { $0 + 3 }
        let fit = try ParametricEstimation.conditionalSumOfSquares(x)
        let mean = x.reduce(0, +) / 400
        let y = try FractionalFilter.difference(x.map { $0 - mean }, d: fit.model.d, method: .direct).values
        let rss = y.reduce(0) { $0 + $1 * $1 }
        #expect(TestSupport.relativeError(fit.model.sigma2, rss / 400) < 1e-10)
        #expect(TestSupport.relativeError(fit.estimate.objective ?? .nan, 200 * Double.log(rss / 400)) < 1e-10)
        #expect(fit.mean == mean)
    }

    @Test("ARMA least squares reaches a stationary point of the RSS and recovers ARMA(1,1) coefficients")
    func armaLeastSquares() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0, ar: [0.6], ma: [0.3]), count: 3000, seed: 17)
        for conditioning in [0, 1] {
            let fit = try ARMALeastSquares.fit(x, p: 1, q: 1, conditioning: conditioning)
            #expect(abs(fit.ar[0] - 0.6) < 0.08 && abs(fit.ma[0] - 0.3) < 0.08, "\(fit.ar) \(fit.ma)")
            var scratch: [Double] = []
            let g = TestSupport.finiteDifferenceGradient(
                { v in
                    ARMALeastSquares.residuals(x, ar: [v[0]], ma: [v[1]], conditioning: conditioning, into: &scratch)
                }, at: [fit.ar[0], fit.ma[0]], step: 1e-6)
            // ∂RSS/∂β is O(RSS) per unit of β away from the optimum; at the optimum it is rounding-level.
            #expect(g.allSatisfy { abs($0) < 1e-5 * fit.rss }, "\(g)")
        }
        let start = ARMALeastSquares.hannanRissanen(x, p: 1, q: 1)
        #expect(abs(start.ar[0] - 0.6) < 0.1 && abs(start.ma[0] - 0.3) < 0.1, "\(start)")
    }

    @Test("stationary parametrisation: partial autocorrelations ↔ coefficients round trip, roots outside the circle")
    func reparametrization() throws {
        let rp = ARFIMAReparametrization(p: 3, q: 2, dLower: -0.499, dUpper: 0.499)
        var rng = TestSupport.rng(5)
        for _ in 0..<50 {
            let u = (0..<6).map { _ in 3 * rng.gaussian() }
            let eta = rp.parameters(u)
            #expect(abs(eta[0]) < 0.499)
            #expect(try Polynomials.smallestRootModulus(oneMinus: Array(eta[1...3])) > 1)
            #expect(try Polynomials.smallestRootModulus(onePlus: Array(eta[4...5])) > 1)
            let back = try #require(rp.unconstrained(eta))
            #expect(TestSupport.maxAbsError(rp.parameters(back), eta) < 1e-10)
        }
        #expect(rp.unconstrained([0.1, 1.2, 0, 0, 0, 0]) == nil)  // φ₁ = 1.2: not stationary
        #expect(rp.unconstrained([0.1, 0, 0, 0, -1.5, 0]) == nil)  // θ₁ = −1.5: not invertible
    }

    // MARK: agreement and asymptotic variance (LM21)

    @Test("MLE, Haslett–Raftery, CSS and Whittle agree on a long FI(0.3) sample within their s.e.")
    func estimatorsAgree() throws {
        let n = 3000
        let x = try Simulation.arfima(ARFIMAModel(d: 0.3), count: n, seed: 2024)
        let mle = try ParametricEstimation.exactMLE(x)
        let hr = try ParametricEstimation.haslettRaftery(x)
        let css = try ParametricEstimation.conditionalSumOfSquares(x)
        let whittle = try ParametricEstimation.whittle(x)
        let se = (6 / (Double.pi * Double.pi * Double(n))).squareRoot()
        for fit in [mle, hr, css, whittle] {
            #expect(TestSupport.relativeError(fit.estimate.standardError, se) < 1e-12, "\(fit.estimate.method)")
            #expect(abs(fit.model.d - 0.3) < 3 * se, "\(fit.estimate.method): \(fit.model.d)")
        }
        #expect(abs(mle.model.d - hr.model.d) < 0.25 * se)
        #expect(abs(mle.model.d - whittle.model.d) < se)
        #expect(abs(mle.model.d - css.model.d) < se)
        #expect(abs(mle.model.sigma2 - 1) < 0.1)
        #expect(
            mle.estimate.method == .exactMaximumLikelihood && hr.estimate.method == .haslettRaftery
                && css.estimate.method == .conditionalSumOfSquares)
    }

    @Test("the s.e. of d̂ is √(6/(π²n)) and matches the Monte Carlo spread (unlike fracdiff's Hessian)")
    func standardErrorMatchesSpread() throws {
        let n = 500, replications = 40
        var hr: [Double] = [], mle: [Double] = []
        var reported: Double = .nan
        for r in 0..<replications {
            let x = try Simulation.arfima(ARFIMAModel(d: 0.2), count: n, seed: 3000 + UInt64(r))
            let h = try ParametricEstimation.haslettRaftery(x)
            hr.append(h.model.d)
            reported = h.estimate.standardError
            if r < 16 { mle.append(try ParametricEstimation.exactMLE(x).model.d) }
        }
        let se = (6 / (Double.pi * Double.pi * Double(n))).squareRoot()
        #expect(TestSupport.relativeError(reported, se) < 1e-12)
        func sd(_ v: [Double]) -> Double {
            let m = v.reduce(0, +) / Double(v.count)
            return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
        }
        // The sample sd of R estimates has relative s.e. ≈ 1/√(2R) (11% for R = 40, 18% for R = 16).
        #expect(sd(hr) > 0.7 * se && sd(hr) < 1.4 * se, "HR sd \(sd(hr)) vs \(se)")
        #expect(sd(mle) > 0.55 * se && sd(mle) < 1.55 * se, "MLE sd \(sd(mle)) vs \(se)")
        #expect(TestSupport.relativeError(sd(mle), sd(Array(hr.prefix(16)))) < 0.2)
    }

    // MARK: calibration

    @Test("FI(d) calibration of HR, CSS and MLE, d ∈ {−0.3, 0, 0.2, 0.4}")
    func calibration() throws {
        for (i, d) in [-0.3, 0.0, 0.2, 0.4].enumerated() {
            let n = 800, replications = 16
            let se = (6 / (Double.pi * Double.pi * Double(n))).squareRoot() / Double(replications).squareRoot()
            let r = try parametricReplicate(
                ARFIMAModel(d: d), n: n, replications: replications, seed: 700 + 50 * UInt64(i)
            ) {
                [
                    try ParametricEstimation.haslettRaftery($0).model.d,
                    try ParametricEstimation.conditionalSumOfSquares($0).model.d,
                ]
            }
            // Mean estimated by x̄: a small negative bias of order 1/n^{1−2d} at large d is allowed for.
            #expect(abs(r.mean[0] - d) < 3 * se + 0.01, "HR, d = \(d): \(r.mean[0])")
            #expect(abs(r.mean[1] - d) < 3 * se + 0.01, "CSS, d = \(d): \(r.mean[1])")
            let m = try parametricReplicate(ARFIMAModel(d: d), n: 300, replications: 6, seed: 900 + 50 * UInt64(i)) {
                [try ParametricEstimation.exactMLE($0).model.d]
            }
            let seMLE = (6 / (Double.pi * Double.pi * 300)).squareRoot() / 6.0.squareRoot()
            #expect(abs(m.mean[0] - d) < 3 * seMLE + 0.02, "MLE, d = \(d): \(m.mean[0])")
        }
    }

    @Test("ARFIMA(1,d,0) recovers φ with HR, CSS and the exact MLE")
    func recoversAR() throws {
        let model = ARFIMAModel(d: 0.2, ar: [0.5])
        let w = try LinearAlgebra.inverse(try WhittleInformation.arfima(model))
        let n = 1500, replications = 8
        let r = try parametricReplicate(model, n: n, replications: replications, seed: 4321) { x in
            let o = ARFIMAFitOptions(p: 1)
            return try ParametricEstimation.haslettRaftery(x, options: o).parameters
                + ParametricEstimation.conditionalSumOfSquares(x, options: o).parameters
        }
        let seD = (w[0, 0] / Double(n * replications)).squareRoot(),
            sePhi = (w[1, 1] / Double(n * replications)).squareRoot()
        #expect(abs(r.mean[0] - 0.2) < 3 * seD + 0.01 && abs(r.mean[1] - 0.5) < 3 * sePhi + 0.01, "HR \(r.mean)")
        #expect(abs(r.mean[2] - 0.2) < 3 * seD + 0.01 && abs(r.mean[3] - 0.5) < 3 * sePhi + 0.01, "CSS \(r.mean)")
        let x = try Simulation.arfima(model, count: 600, seed: 8766)
        let mle = try ParametricEstimation.exactMLE(x, options: ARFIMAFitOptions(p: 1))
        let whittle = try ParametricEstimation.whittle(x, options: ARFIMAFitOptions(p: 1))
        #expect(abs(mle.parameters[1] - 0.5) < 3 * mle.standardErrors[1])
        #expect(abs(mle.parameters[0] - whittle.parameters[0]) < 0.5 * mle.standardErrors[0])
        #expect(mle.covariance.map { $0[0, 1] < 0 } ?? false)  // d̂ and φ̂ are negatively correlated
    }

    @Test("exact MLE finds the global maximum of a bimodal ARFIMA(1,d,0) likelihood (checked on a grid)")
    func mleGlobalMaximum() throws {
        // For this sample (true d = 0.2, φ = 0.5, n = 600) the likelihood has two ridges, near (0.15, 0.5) and
        // (−0.2, 0.86); the second is higher, and Whittle, HR and CSS all find it too.
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2, ar: [0.5]), count: 600, seed: 8765)
        let mle = try ParametricEstimation.exactMLE(x, options: ARFIMAFitOptions(p: 1))
        let mean = x.reduce(0, +) / 600
        let likelihood = ExactGaussianLikelihood(x: x.map { $0 - mean })
        var gridBest = Double.infinity
        for d in stride(from: -0.45, through: 0.45, by: 0.05) {
            for phi in stride(from: -0.9, through: 0.95, by: 0.05) {
                gridBest = min(gridBest, try likelihood.profile(ARFIMAModel(d: d, ar: [phi])).objective)
            }
        }
        let found = try likelihood.profile(mle.model).objective
        #expect(found <= gridBest + 1e-9, "MLE objective \(found), grid best \(gridBest)")
        #expect(abs(-0.5 * (600 * (Double.log(2 * Double.pi) + 1) + found) - mle.logLikelihood) < 1e-8)
        let hr = try ParametricEstimation.haslettRaftery(x, options: ARFIMAFitOptions(p: 1))
        #expect(abs(hr.parameters[1] - mle.parameters[1]) < mle.standardErrors[1])
    }

    // MARK: bad input

    @Test("errors on too-short, constant, NaN input and bad options; bad starts do not crash")
    func badInput() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2, ar: [0.3], ma: [0.2]), count: 400, seed: 6)
        let estimators: [([Double], ARFIMAFitOptions) throws -> ARFIMAFit] = [
            ParametricEstimation.haslettRaftery, ParametricEstimation.exactMLE,
            ParametricEstimation.conditionalSumOfSquares,
        ]
        for estimate in estimators {
            #expect(throws: LongMemoryError.self) { try estimate(Array(x.prefix(10)), ARFIMAFitOptions()) }
            #expect(throws: LongMemoryError.constantSeries) {
                try estimate([Double](repeating: 1, count: 50), ARFIMAFitOptions())
            }
            var bad = x
            bad[100] = .nan
            #expect(throws: LongMemoryError.nonFinite(index: 100)) { try estimate(bad, ARFIMAFitOptions()) }
            // Too short for the ARMA order.
            #expect(throws: LongMemoryError.self) { try estimate(Array(x.prefix(30)), ARFIMAFitOptions(p: 2, q: 2)) }
            // A nonstationary, noninvertible start is moved inside and reported.
            let fit = try estimate(x, ARFIMAFitOptions(p: 1, q: 1, start: ARFIMAModel(d: 0.9, ar: [1.3], ma: [-3])))
            #expect(abs(fit.model.d) < 0.5)
            #expect(try Polynomials.smallestRootModulus(oneMinus: fit.model.ar) > 1)
            #expect(try Polynomials.smallestRootModulus(onePlus: fit.model.ma) > 1)
            #expect(!fit.estimate.notes.isEmpty)
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.exactMLE(x, options: ARFIMAFitOptions(maximumExactLength: 300))
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.haslettRaftery(x, options: ARFIMAFitOptions(truncation: 0))
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.haslettRaftery(x, options: ARFIMAFitOptions(dInterval: 0...0.8))
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.conditionalSumOfSquares(x, options: ARFIMAFitOptions(dInterval: -0.5...2.5))
        }
    }

    @Test("CSS estimates a nonstationary d = 0.8 (a cumulated FI(−0.2) sample) and reports no stationary s.e.")
    func cssNonstationary() throws {
        // Integrate an FI(−0.2) sample once: the sum has d = 0.8.
        let increments = try Simulation.arfima(ARFIMAModel(d: -0.2), count: 1500, seed: 31)
        var x = increments
        for t in 1..<x.count { x[t] += x[t - 1] }
        let fit = try ParametricEstimation.conditionalSumOfSquares(x, options: ARFIMAFitOptions(dInterval: -0.4...1.6))
        #expect(abs(fit.model.d - 0.8) < 0.1, "\(fit.model.d)")
        #expect(fit.estimate.standardError.isNaN)
        #expect(fit.estimate.notes.contains { $0.contains("outside (−½, ½)") })
    }
}
