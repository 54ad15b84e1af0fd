import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

/// The Nile minima (Roda gauge, 622–1284, n = 663), `data/nile_min_622_1284.csv`, column `min_level`.
func parametricNileMinima() throws -> [Double] {
    let url = TestSupport.packageRoot.appendingPathComponent("data/nile_min_622_1284.csv")
    let text = try String(contentsOf: url, encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    let header = lines.removeFirst().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let column = try #require(header.firstIndex(of: "min_level"))
    return try lines.map { line in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        return try #require(Double(fields[column].trimmingCharacters(in: .whitespaces)))
    }
}

/// Mean and standard deviation of estimates over fixed-seed Davies–Harte replications.
func parametricReplicate(
    _ model: ARFIMAModel, n: Int, replications: Int, seed: UInt64, _ estimate: ([Double]) throws -> [Double]
) throws -> (mean: [Double], sd: [Double]) {
    var values: [[Double]] = []
    for r in 0..<replications {
        let x = try Simulation.arfima(model, count: n, seed: seed + UInt64(r))
        values.append(try estimate(x))
    }
    let k = values[0].count
    var mean = [Double](repeating: 0, count: k), sd = mean
    for i in 0..<k {
        var s = 0.0
        for v in values { s += v[i] }
        mean[i] = s / Double(replications)
        var ss = 0.0
        for v in values { ss += (v[i] - mean[i]) * (v[i] - mean[i]) }
        sd[i] = (ss / Double(replications - 1)).squareRoot()
    }
    return (mean, sd)
}

@Suite("Parametric Whittle estimators")
struct EstimatorParametricWhittleTests {
    // MARK: published values (validation targets LM17, LM18: R longmemo, man/WhittleEst.Rd)

    @Test("NileMin, Whittle FARIMA(0,d,0): H = 0.899 (longmemo man/WhittleEst.Rd), s.e. √(6/(π²n)) = 0.0303")
    func nileFARIMA() throws {
        let x = try parametricNileMinima()
        #expect(x.count == 663)
        let fit = try ParametricEstimation.whittle(x)
        #expect(abs(fit.model.hurst - 0.899) < 5e-4, "H = \(fit.model.hurst)")
        #expect(fit.estimate.method == .whittle)
        #expect(fit.estimate.n == 663)
        #expect(fit.estimate.order == ARMAOrder(p: 0, q: 0))
        #expect(abs(fit.estimate.standardError - 0.0303) < 5e-5)
        #expect(
            TestSupport.relativeError(fit.estimate.standardError, (6 / (Double.pi * Double.pi * 663)).squareRoot())
                < 1e-12)
        // 95% Wald interval d̂ ± 1.959964·s.e.
        #expect(abs(fit.estimate.confidenceInterval.upper - fit.model.d - 1.959964 * fit.estimate.standardError) < 1e-6)
        // σ̂² = (2π/ñ)Q(d̂) and the estimate record carries it.
        let sigma2 = try #require(fit.estimate.auxiliary.first { $0.name == "sigma2" })
        #expect(sigma2.value == fit.model.sigma2)
        #expect(
            TestSupport.relativeError(fit.model.sigma2, 2 * Double.pi / 331 * (fit.estimate.objective ?? .nan)) < 1e-12)
    }

    @Test("NileMin, Whittle fGn: H = 0.837 (longmemo man/WhittleEst.Rd) with longmemo's normalisation")
    func nileFGN() throws {
        let x = try parametricNileMinima()
        let longmemo = try ParametricEstimation.whittleFractionalGaussianNoise(x, normalization: .longmemo)
        #expect(abs(longmemo.hurst - 0.837) < 5e-4, "H = \(longmemo.hurst)")
        #expect(longmemo.estimate.hurst == longmemo.hurst)
        #expect(abs(longmemo.estimate.d - (longmemo.hurst - 0.5)) < 1e-15)
        // The exactly normalised version differs by O(log n/n), well inside one standard error.
        let exact = try ParametricEstimation.whittleFractionalGaussianNoise(x)
        #expect(abs(exact.hurst - longmemo.hurst) < 0.2 * exact.hurstStandardError)
        #expect(
            TestSupport.relativeError(
                exact.hurstStandardError,
                1 / (663 * (try WhittleInformation.fractionalGaussianNoise(hurst: exact.hurst))).squareRoot()) < 1e-12)
    }

    // MARK: calibration

    @Test("FI(d) calibration, d ∈ {−0.3, 0, 0.2, 0.4}: mean d̂ within 3 s.e. of d, spread ≈ √(6/(π²n))")
    func calibrationFractionalNoise() throws {
        let n = 1000, replications = 24
        let se = (6 / (Double.pi * Double.pi * Double(n))).squareRoot()
        for (i, d) in [-0.3, 0.0, 0.2, 0.4].enumerated() {
            let r = try parametricReplicate(
                ARFIMAModel(d: d), n: n, replications: replications, seed: 1000 + 100 * UInt64(i)
            ) {
                [try ParametricEstimation.whittle($0).model.d]
            }
            #expect(
                abs(r.mean[0] - d) < 3 * se / Double(replications).squareRoot() + 0.005, "d = \(d): mean \(r.mean[0])")
            #expect(r.sd[0] > 0.6 * se && r.sd[0] < 1.5 * se, "d = \(d): sd \(r.sd[0]) vs \(se)")
        }
    }

    @Test("ARFIMA(1,d,0) recovers φ; ARFIMA(0,d,1) recovers θ with its plus sign")
    func calibrationARMA() throws {
        let n = 1500, replications = 10
        let ar = try parametricReplicate(ARFIMAModel(d: 0.2, ar: [0.5]), n: n, replications: replications, seed: 77) {
            try ParametricEstimation.whittle($0, options: ARFIMAFitOptions(p: 1)).parameters
        }
        let wAR = try LinearAlgebra.inverse(try WhittleInformation.arfima(ARFIMAModel(d: 0.2, ar: [0.5])))
        let seD = (wAR[0, 0] / Double(n * replications)).squareRoot(),
            sePhi = (wAR[1, 1] / Double(n * replications)).squareRoot()
        #expect(abs(ar.mean[0] - 0.2) < 3 * seD + 0.01, "d: \(ar.mean[0])")
        #expect(abs(ar.mean[1] - 0.5) < 3 * sePhi + 0.01, "φ: \(ar.mean[1])")
        let ma = try parametricReplicate(ARFIMAModel(d: 0.3, ma: [0.5]), n: n, replications: replications, seed: 99) {
            try ParametricEstimation.whittle($0, options: ARFIMAFitOptions(q: 1)).parameters
        }
        let wMA = try LinearAlgebra.inverse(try WhittleInformation.arfima(ARFIMAModel(d: 0.3, ma: [0.5])))
        #expect(
            abs(ma.mean[0] - 0.3) < 3 * (wMA[0, 0] / Double(n * replications)).squareRoot() + 0.01, "d: \(ma.mean[0])")
        #expect(
            abs(ma.mean[1] - 0.5) < 3 * (wMA[1, 1] / Double(n * replications)).squareRoot() + 0.01, "θ: \(ma.mean[1])")
    }

    @Test("fGn Whittle recovers H on exact fGn samples")
    func calibrationFGN() throws {
        for (i, h) in [0.3, 0.75].enumerated() {
            var estimates: [Double] = []
            for r in 0..<8 {
                let x = try Simulation.fractionalGaussianNoise(hurst: h, count: 800, seed: 500 + UInt64(10 * i + r))
                estimates.append(try ParametricEstimation.whittleFractionalGaussianNoise(x).hurst)
            }
            let mean = estimates.reduce(0, +) / 8
            let se = 1 / (800 * 8 * (try WhittleInformation.fractionalGaussianNoise(hurst: h))).squareRoot()
            #expect(abs(mean - h) < 3 * se + 0.005, "H = \(h): mean \(mean)")
        }
    }

    // MARK: goodness of fit

    @Test("Beran's goodness-of-fit: formula, no rejection for the true model, rejection for a misspecified one")
    func goodnessOfFit() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.3), count: 2000, seed: 4)
        let fit = try ParametricEstimation.whittle(x)
        let gof = try #require(fit.goodnessOfFit)
        // T_n = A/B² with the (4π/n) scale; π·T_n ≈ 1 for a correct model.
        #expect(TestSupport.relativeError(gof.statistic, gof.a / (gof.b * gof.b)) < 1e-14)
        #expect(abs(gof.z - (2000.0).squareRoot() * (Double.pi * gof.statistic - 1) / 2.0.squareRoot()) < 1e-10)
        #expect(gof.pValue > 0.001)
        // A sharp spectral peak (AR(2) with roots of modulus 1.03 at λ ≈ 0.6) cannot be fitted by FI(d).
        var rng = TestSupport.rng(11)
        var y = [Double](repeating: 0, count: 2000)
        for t in 2..<2000 { y[t] = 1.6 * y[t - 1] - 0.94 * y[t - 2] + rng.gaussian() }
        let bad = try #require(try ParametricEstimation.whittle(y).goodnessOfFit)
        #expect(bad.z > 5, "z = \(bad.z)")
        #expect(bad.pValue < 1e-6)
    }

    // MARK: bad input

    @Test("errors on too-short, constant and non-finite input, and on bad options")
    func badInput() throws {
        let good = try Simulation.arfima(ARFIMAModel(d: 0.2), count: 200, seed: 1)
        #expect(throws: LongMemoryError.self) { try ParametricEstimation.whittle(Array(good.prefix(8))) }
        #expect(throws: LongMemoryError.constantSeries) {
            try ParametricEstimation.whittle([Double](repeating: 3, count: 100))
        }
        var withNaN = good
        withNaN[17] = .nan
        #expect(throws: LongMemoryError.nonFinite(index: 17)) { try ParametricEstimation.whittle(withNaN) }
        var withInf = good
        withInf[3] = .infinity
        #expect(throws: LongMemoryError.nonFinite(index: 3)) {
            try ParametricEstimation.whittleFractionalGaussianNoise(withInf)
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.whittle(good, options: ARFIMAFitOptions(p: -1))
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.whittle(good, options: ARFIMAFitOptions(dInterval: -0.4...0.7))
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.whittle(good, options: ARFIMAFitOptions(confidenceLevel: 1.5))
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.whittle(good, options: ARFIMAFitOptions(p: 1, start: ARFIMAModel(d: 0.1)))
        }
        #expect(throws: LongMemoryError.self) {
            try ParametricEstimation.whittleFractionalGaussianNoise(good, hurstInterval: 0...0.9)
        }
    }

    @Test("estimate(method:) dispatches to the four parametric estimators and rejects the others")
    func dispatcher() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.25), count: 300, seed: 12)
        #expect(try ParametricEstimation.estimate(x, method: .whittle) == ParametricEstimation.whittle(x).estimate)
        #expect(
            try ParametricEstimation.estimate(x, method: .conditionalSumOfSquares)
                == ParametricEstimation.conditionalSumOfSquares(x).estimate)
        #expect(try ParametricEstimation.estimate(x, method: .haslettRaftery).method == .haslettRaftery)
        #expect(try ParametricEstimation.estimate(x, method: .exactMaximumLikelihood).method == .exactMaximumLikelihood)
        #expect(throws: LongMemoryError.self) { try ParametricEstimation.estimate(x, method: .gewekePorterHudak) }
    }

    @Test("nonstationary and noninvertible starting points are moved inside, reported, and do not crash")
    func badStart() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2, ar: [0.4], ma: [0.3]), count: 600, seed: 3)
        let options = ARFIMAFitOptions(p: 1, q: 1, start: ARFIMAModel(d: 0.8, ar: [1.5], ma: [-2.0]))
        let fit = try ParametricEstimation.whittle(x, options: options)
        #expect(fit.estimate.notes.contains { $0.contains("starting point moved") })
        #expect(abs(fit.model.d) < 0.5)
        #expect(try Polynomials.smallestRootModulus(oneMinus: fit.model.ar) > 1)
        #expect(try Polynomials.smallestRootModulus(onePlus: fit.model.ma) > 1)
        #expect(fit.standardErrors.allSatisfy { $0.isFinite && $0 > 0 })
    }
}
