import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

/// Spectral densities on rnnmem's scale γ(k) = ∫_{−π}^{π} e^{iλk} f(λ) dλ: fGn (Sinai 1976; Beran 1994 §2.2) and
/// ARFIMA, their Whittle normalisation f* (∫ log f* = 0), checked against mpmath and against the autocovariances.
@Suite("Spectral densities")
struct SpectralDensityTests {
    /// ∫_0^π f(λ) g(λ) dλ for f ~ C·λ^α near 0 (α > −1): 8 uniform Gauss–Legendre panels on [π/4, π], 40 geometric
    /// panels (ratio ¼) down to ε = π·4^{−41} ≈ 6e-25, and the tail C·ε^{1+α}/(1 + α) (its relative error is O(ε²)).
    private func integrateFromZero(
        _ f: (Double) throws -> Double, exponent alpha: Double, leading c: Double
    ) throws -> Double {
        var sum = 0.0
        let top = Double.pi / 4, width = (Double.pi - top) / 8
        for i in 0..<8 {
            sum += try Quadrature.gaussLegendre(f, from: top + Double(i) * width, to: top + Double(i + 1) * width)
        }
        sum += try Quadrature.gaussLegendreGraded(f, upTo: top, ratio: 0.25, panels: 40)
        let epsilon = top * Double.pow(0.25, 40)
        return sum + c * Double.pow(epsilon, 1 + alpha) / (1 + alpha)
    }

    /// fGn spectral density vs mpmath (Hurwitz zeta at 50 digits; scripts/reference/longmemory_references.py),
    /// rel 1e-12, at λ = 0.001, 0.1, 1, 3, π; 2π-periodic and even.
    @Test func fgnMatchesMpmath() throws {
        let lambdas = [0.001, 0.1, 1, 3, 3.141592653589793]
        let references: [(Double, [Double])] = [
            (
                0.3,
                [
                    0.007259077280865354177, 0.046041072190442191499, 0.13200164101958851702, 0.22530247634950235575,
                    0.22579599153884860219,
                ]
            ),
            (
                0.7,
                [
                    2.53488667250760528, 0.40147154994302516104, 0.15239982634949146732, 0.092183327621595428274,
                    0.091958252842664169686,
                ]
            ),
            (
                0.99,
                [
                    8.5496377332172280707, 0.093667817442424962821, 0.0091286277739253242096,
                    0.0027469588404294322736, 0.0027292541595699770046,
                ]
            ),
        ]
        for (h, expected) in references {
            let f = try SpectralDensity.fractionalGaussianNoise(hurst: h, at: lambdas)
            for i in lambdas.indices {
                #expect(TestSupport.relativeError(f[i], expected[i]) <= 1e-12, "H = \(h), λ = \(lambdas[i]): \(f[i])")
            }
            let shifted = try SpectralDensity.fractionalGaussianNoise(
                hurst: h, at: lambdas.map { -$0 + 4 * Double.pi })
            #expect(TestSupport.maxRelativeError(shifted, f) <= 1e-12)
        }
        // H = ½ is white noise: f = σ²/(2π) everywhere, including λ = 0.
        let white = try SpectralDensity.fractionalGaussianNoise(hurst: 0.5, sigma2: 3, at: [0, 0.2, 2.5])
        #expect(TestSupport.maxRelativeError(white, [3, 3, 3].map { $0 / (2 * Double.pi) }) <= 1e-14)
        #expect(try SpectralDensity.fractionalGaussianNoise(hurst: 0.3, at: [0]) == [0])
        #expect(try SpectralDensity.fractionalGaussianNoise(hurst: 0.7, at: [0]) == [.infinity])
        #expect(throws: LongMemoryError.self) { try SpectralDensity.fractionalGaussianNoise(hurst: 1, at: [1]) }
    }

    /// ∫_{−π}^{π} f = γ(0) = σ² and ∫ cos(kλ) f = γ(k) for fGn (abs 1e-12·σ² at lags 0, 1, 7): the
    /// density and the autocovariance use the same scale. Near 0, f ≈ (scale/4)λ^{1−2H}.
    @Test(arguments: [0.3, 0.7, 0.99])
    func fgnIntegratesToAutocovariance(h: Double) throws {
        let sigma2 = 2.5
        let gamma = try Autocovariance.fractionalGaussianNoise(hurst: h, sigma2: sigma2, lags: 7)
        let leading = 2 * sigma2 / Double.pi * Double.sin(Double.pi * h) * SpecialFunctions.gamma(2 * h + 1) / 4
        for k in [0, 1, 7] {
            let integral =
                2
                * (try integrateFromZero(
                    { lambda in
                        try SpectralDensity.fractionalGaussianNoise(hurst: h, sigma2: sigma2, at: [lambda])[0]
                            * Double.cos(Double(k) * lambda)
                    }, exponent: 1 - 2 * h, leading: leading))
            #expect(abs(integral - gamma[k]) <= 1e-12 * sigma2, "H = \(h), lag \(k): \(integral) vs \(gamma[k])")
        }
    }

    /// ARFIMA: ∫_{−π}^{π} cos(kλ) f = γ(k) from Sowell's autocovariance (abs 1e-11·γ(0), lags 0, 1, 5), with complex AR
    /// roots and negative d. Near 0, f ≈ (σ²/2π)(θ(1)/φ(1))²λ^{−2d}.
    @Test(arguments: [
        ARFIMAModel(d: 0.4, ar: [0.5, -0.6], ma: [0.4], sigma2: 1.3),
        ARFIMAModel(d: -0.3, ar: [0.7], ma: [-0.3, 0.2], sigma2: 1),
        ARFIMAModel(d: 0.25),
    ])
    func arfimaIntegratesToAutocovariance(model: ARFIMAModel) throws {
        let gamma = try Autocovariance.arfima(model, lags: 5)
        let theta1 = 1 + model.ma.reduce(0, +), phi1 = 1 - model.ar.reduce(0, +)
        let leading = model.sigma2 / (2 * Double.pi) * (theta1 * theta1) / (phi1 * phi1)
        for k in [0, 1, 5] {
            let integral =
                2
                * (try integrateFromZero(
                    { lambda in
                        try SpectralDensity.arfima(model, at: [lambda])[0] * Double.cos(Double(k) * lambda)
                    }, exponent: -2 * model.d, leading: leading))
            #expect(abs(integral - gamma[k]) <= 1e-11 * gamma[0], "\(model) lag \(k): \(integral) vs \(gamma[k])")
        }
    }

    /// Whittle normalisation: ∫_{−π}^{π} log f* = 0 (abs 1e-12) for fGn and for a causal, invertible ARFIMA; f* is
    /// f/(σ_ε²/2π); the fGn innovation variance 2π·exp((1/2π)∫ log f) matches mpmath (rel 1e-12) and is σ² at H = ½.
    @Test func whittleNormalisation() throws {
        let meanLog: [(Double, Double)] = [  // (1/2π)∫_{−π}^{π} log f for σ² = 1, mpmath (reference script)
            (0.3, -1.9289355725561195989), (0.7, -1.9711561018755511889), (0.99, -4.9043585801910975936),
        ]
        for (h, logMean) in meanLog {
            let innovation = try SpectralDensity.fractionalGaussianNoiseInnovationVariance(hurst: h)
            #expect(TestSupport.relativeError(innovation, 2 * Double.pi * Double.exp(logMean)) <= 1e-12, "H = \(h)")
            let sigma2 = 1.7
            let scaled = try SpectralDensity.fractionalGaussianNoiseInnovationVariance(hurst: h, sigma2: sigma2)
            #expect(TestSupport.relativeError(scaled, sigma2 * innovation) <= 1e-14)
            // ∫ log f* over (0, π]: log-singular at 0 (integrable; the part below 6e-25 is < 1e-22).
            let integral = try Quadrature.gaussLegendreGraded(
                { lambda in
                    Double.log(try SpectralDensity.fractionalGaussianNoiseNormalized(hurst: h, at: [lambda])[0])
                }, upTo: Double.pi, ratio: 0.25, panels: 41)
            #expect(abs(integral) <= 1e-12, "H = \(h): ∫ log f* = \(2 * integral)")
            // f = (σ_ε²/2π) f*.
            let lambdas = [0.01, 0.5, 2.9]
            let f = try SpectralDensity.fractionalGaussianNoise(hurst: h, sigma2: sigma2, at: lambdas)
            let fStar = try SpectralDensity.fractionalGaussianNoiseNormalized(hurst: h, at: lambdas)
            #expect(TestSupport.maxRelativeError(f, fStar.map { $0 * scaled / (2 * Double.pi) }) <= 1e-13)
        }
        #expect(
            TestSupport.relativeError(try SpectralDensity.fractionalGaussianNoiseInnovationVariance(hurst: 0.5), 1)
                <= 1e-13)
        let model = ARFIMAModel(d: 0.3, ar: [0.5, -0.6], ma: [0.4], sigma2: 2)
        // The AR part has a spectral peak near λ ≈ 1.24 (inverse roots of modulus 0.775): 8 uniform panels on
        // [π/4, π]; the log singularity at 0 contributes 2d·ε(1 − log ε) < 1e-22 below ε.
        let integral = try integrateFromZero(
            { lambda in
                Double.log(try SpectralDensity.arfimaNormalized(model, at: [lambda])[0])
            }, exponent: 0, leading: 0)
        #expect(abs(integral) <= 1e-12, "ARFIMA ∫ log f* = \(2 * integral)")
        let lambdas = [0.01, 1.0, 3.0]
        let f = try SpectralDensity.arfima(model, at: lambdas)
        let fStar = try SpectralDensity.arfimaNormalized(model, at: lambdas)
        #expect(TestSupport.maxRelativeError(f, fStar.map { $0 * model.sigma2 / (2 * Double.pi) }) <= 1e-14)
    }

    /// Fourier frequencies λ_j = 2πj/n, j = 1…m (λ = 0 excluded).
    @Test func fourierFrequencies() throws {
        let l = try SpectralDensity.fourierFrequencies(n: 8, count: 3)
        #expect(TestSupport.maxAbsError(l, [Double.pi / 4, Double.pi / 2, 3 * Double.pi / 4]) <= 1e-15)
        #expect(try SpectralDensity.fourierFrequencies(n: 8, count: 0).isEmpty)
        #expect(throws: LongMemoryError.self) { try SpectralDensity.fourierFrequencies(n: 0, count: 3) }
        #expect(throws: LongMemoryError.self) { try SpectralDensity.fourierFrequencies(n: 8, count: -1) }
    }

    /// Bad arguments of the ARFIMA density are named instead of giving NaN: σ² ≤ 0, a NaN coefficient or frequency.
    /// MA(1) θ = 0.5 at λ = π: |1 − 0.5|² = 0.25 (the plus sign: θ(e^{−iπ}) = 1 + 0.5·(−1)).
    @Test func arfimaDensityValidation() throws {
        #expect(abs(try SpectralDensity.armaTransferSquared(ar: [], ma: [0.5], Double.pi) - 0.25) < 1e-15)
        #expect(throws: LongMemoryError.self) { try SpectralDensity.arfima(ARFIMAModel(d: 0.2, sigma2: 0), at: [1]) }
        #expect(throws: LongMemoryError.self) { try SpectralDensity.arfima(ARFIMAModel(d: 0.2, ar: [.nan]), at: [1]) }
        #expect(throws: LongMemoryError.self) { try SpectralDensity.arfima(ARFIMAModel(d: .nan), at: [1]) }
        #expect(throws: LongMemoryError.self) { try SpectralDensity.arfimaNormalized(ARFIMAModel(d: 0.2), at: [.nan]) }
        #expect(throws: LongMemoryError.self) { try SpectralDensity.armaTransferSquared(ar: [], ma: [.infinity], 1) }
    }
}
