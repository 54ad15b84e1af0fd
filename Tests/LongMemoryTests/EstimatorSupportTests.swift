import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// The helpers shared by the estimators and tests: ordinary least squares, log-spaced scales, polynomial detrending
/// and argument validation.
@Suite("Shared estimator helpers: least squares, scales, detrending, validation")
struct EstimatorSupportTests {
    @Test("OLS: exact fit of y = 2 − 3x + 0.5x², (Z'Z)⁻¹ equals LAPACK's inverse; collinear regressors throw")
    func leastSquares() throws {
        let x = (0..<20).map { Double($0) / 7 }
        let y = x.map { 2 - 3 * $0 + 0.5 * $0 * $0 }
        let fit = try OrdinaryLeastSquares(y: y, regressors: [x, x.map { $0 * $0 }])
        #expect(abs(fit.intercept - 2) < 1e-12 && abs(fit.slopes[0] + 3) < 1e-12 && abs(fit.slopes[1] - 0.5) < 1e-12)
        #expect(fit.residualSumOfSquares < 1e-24)
        // (Z'Z)⁻¹ for the centred regressors, against LAPACK on the unscaled Gram matrix.
        let mx = x.reduce(0, +) / 20, x2 = x.map { $0 * $0 }, mx2 = x2.reduce(0, +) / 20
        let z1 = x.map { $0 - mx }, z2 = x2.map { $0 - mx2 }
        func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let gram = try Matrix([[dot(z1, z1), dot(z1, z2)], [dot(z2, z1), dot(z2, z2)]])
        let inverse = try LinearAlgebra.inverse(gram)
        for i in 0..<2 {
            for j in 0..<2 {
                #expect(TestSupport.relativeError(fit.inverseGram[i][j], inverse[i, j]) < 1e-10, "(\(i),\(j))")
            }
        }
        // An exact copy and a copy perturbed at the 1e-8 level (1 − R² ≈ 1e-16 ≤ 1e-12) are collinear.
        #expect(throws: LongMemoryError.self) { try OrdinaryLeastSquares(y: y, regressors: [x, x]) }
        let nearly = x.enumerated().map { $0.element + 1e-8 * Double($0.offset % 2) }
        #expect(throws: LongMemoryError.self) { try OrdinaryLeastSquares(y: y, regressors: [x, nearly]) }
        #expect(throws: LongMemoryError.self) {
            try OrdinaryLeastSquares(y: y, regressors: [[Double](repeating: 1, count: 20)])
        }
    }

    @Test("Log-spaced scales: nolds' rule; a factor too close to 1 throws instead of looping for hours")
    func scales() throws {
        // logarithmic_n(4, 102.4, 1.2) of nolds (DFA default for n = 1024).
        #expect(
            try LogSpacedScales.scales(from: 4, to: 102, factor: 1.2)
                == [4, 5, 6, 8, 9, 11, 14, 17, 20, 24, 29, 35, 42, 51, 61, 73, 88])
        #expect(try LogSpacedScales.scales(from: 10, to: 5, factor: 2).isEmpty)
        #expect(throws: LongMemoryError.self) { try LogSpacedScales.scales(from: 1, to: 1_000_000, factor: 1 + 1e-12) }
        #expect(throws: LongMemoryError.self) { try LogSpacedScales.scales(from: 0, to: 10, factor: 2) }
        #expect(throws: LongMemoryError.self) { try LogSpacedScales.scales(from: 1, to: 10, factor: .nan) }
    }

    @Test("Polynomial detrending: residuals orthogonal to 1, t, …, t^k; a polynomial of degree k is removed exactly")
    func detrending() throws {
        var rng = TestSupport.rng(3)
        let n = 200
        let noise = rng.gaussians(n)
        for k in 0...3 {
            let x = (0..<n).map { i -> Double in
                let t = Double(i + 1)
                return noise[i] + 5 - 0.2 * t + (k >= 2 ? 0.003 * t * t : 0) + (k >= 3 ? 1e-5 * t * t * t : 0)
            }
            let r = try PolynomialTrend.residuals(x, degree: k)
            for power in 0...k {
                let projection = (0..<n).reduce(0.0) {
                    $0 + r[$1] * Double.pow(Double($1 + 1) / Double(n), Double(power))
                }
                #expect(abs(projection) < 1e-9 * Double(n), "degree \(k), power \(power): \(projection)")
            }
            let polynomial = (0..<n).map { i -> Double in
                let t = Double(i + 1); return 1 + 0.5 * t - 0.01 * t * t
            }
            if k >= 2 { #expect(try PolynomialTrend.residuals(polynomial, degree: k).allSatisfy { abs($0) < 1e-9 }) }
        }
        // KPSS residuals are these residuals (degree 0 for level, 1 for trend).
        #expect(KPSSTest.residuals(noise, kind: .level) == PolynomialTrend.demeaned(noise))
        let trend = try PolynomialTrend.residuals(noise, degree: 1)
        #expect(KPSSTest.residuals(noise, kind: .trend) == trend)
        #expect(throws: LongMemoryError.self) { try PolynomialTrend.residuals(noise, degree: -1) }
    }

    @Test("Validation errors name the argument: sigma2, lags, ar[i], ma, frequency")
    func validationNames() throws {
        func message(_ body: () throws -> Void) -> String {
            do {
                try body()
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message { _ = try Autocovariance.fractionalNoise(d: 0.2, sigma2: -1, lags: 3) }.contains("sigma2"))
        #expect(message { _ = try Autocovariance.fractionalNoise(d: 0.2, lags: -1) }.contains("lags"))
        #expect(message { _ = try Autocovariance.arma(ar: [0.2, .nan], ma: [], lags: 3) }.contains("ar[2]"))
        #expect(message { _ = try Autocovariance.arma(ar: [1.5], ma: [], lags: 3) }.contains("not stationary"))
        #expect(
            message { try ARFIMAModel(d: 0.1, ma: [2]).validate(requireInvertibleMA: true) }.contains("not invertible"))
        #expect(message { try ARFIMAModel(d: 0.1, sigma2: 0).validate() }.contains("sigma2"))
        #expect(message { _ = try Autocovariance.fractionalNoiseCorrelationGammaForm(d: 0.7, lag: 3) }.contains("d"))
        #expect(message { _ = try Autocovariance.fractionalNoiseCorrelationGammaForm(d: 0.2, lag: -3) }.contains("lag"))
        #expect(
            message { _ = try SpectralDensity.fractionalGaussianNoise(hurst: 0.7, at: [.nan]) }.contains("frequency"))
        #expect(
            message { _ = try Autocovariance.fractionalGaussianNoise(hurst: 0.7, sigma2: .infinity, lags: 2) }
                .contains("sigma2"))
    }
}
