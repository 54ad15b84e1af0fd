import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

/// The Whittle Fisher information W(η), R longmemo's discretised constants (validation targets LM20, LM21) and the
/// fGn spectral density used by the fGn Whittle estimator.
@Suite("Parametric estimators: Fisher information and longmemo constants")
struct EstimatorParametricFisherInformationTests {
    // MARK: LM21: W = π²/6 for FI(d), so Var(d̂) = 6/(π²n)

    @Test("FI(d): W = π²/6 for every d, s.e. √(6/(π²n)) = 0.0303 at n = 663 (LM21)")
    func fractionalNoiseInformation() throws {
        for d in [-0.4, -0.1, 0, 0.3, 0.45] {
            let w = try WhittleInformation.arfima(ARFIMAModel(d: d))
            #expect(abs(w[0, 0] - Double.pi * Double.pi / 6) < 1e-15)
            let q = try WhittleInformation.arfimaByQuadrature(ARFIMAModel(d: d))
            #expect(abs(q[0, 0] - Double.pi * Double.pi / 6) < 1e-12)
        }
        let c = try #require(
            WhittleInformation.covariance(
                information: try WhittleInformation.arfima(ARFIMAModel(d: 0.2)), count: 663))
        // √(6/(π²n)) = 0.0303 at n = 663 (computed from the formula).
        #expect(abs(c[0, 0].squareRoot() - 0.0303) < 5e-5)
        #expect(TestSupport.relativeError(c[0, 0], 6 / (Double.pi * Double.pi * 663)) < 1e-14)
    }

    @Test("ARFIMA(1,d,1): closed forms Σ c^a_j c^b_j of Parseval's identity")
    func closedFormsARMA() throws {
        // ∂log f/∂d = 2Re Σ z^j/j, ∂/∂φ = 2Re Σ φ^{j−1} z^j, ∂/∂θ = 2Re Σ (−θ)^{j−1} z^j, so
        // W_dφ = −log(1−φ)/φ, W_dθ = log(1+θ)/θ, W_φφ = 1/(1−φ²), W_θθ = 1/(1−θ²), W_φθ = 1/(1+φθ).
        for (phi, theta) in [(0.6, -0.3), (-0.7, 0.5), (0.95, 0.4)] {
            let w = try WhittleInformation.arfima(ARFIMAModel(d: 0.2, ar: [phi], ma: [theta]))
            let expected: [[Double]] = [
                [Double.pi * Double.pi / 6, -Double.log(1 - phi) / phi, Double.log(1 + theta) / theta],
                [-Double.log(1 - phi) / phi, 1 / (1 - phi * phi), 1 / (1 + phi * theta)],
                [Double.log(1 + theta) / theta, 1 / (1 + phi * theta), 1 / (1 - theta * theta)],
            ]
            for i in 0..<3 { for j in 0..<3 { #expect(TestSupport.relativeError(w[i, j], expected[i][j]) < 1e-13) } }
        }
    }

    @Test("Parseval series equals tanh–sinh quadrature of the analytic derivatives (complex AR roots, MA(2))")
    func seriesEqualsQuadrature() throws {
        let models = [
            ARFIMAModel(d: 0.3, ar: [1.2, -0.6], ma: [0.4]),  // complex AR roots, modulus 1.29
            ARFIMAModel(d: -0.2, ar: [0.5], ma: [-0.3, 0.2]),
            ARFIMAModel(d: 0.1, ar: [0.9, -0.2, 0.1], ma: []),
        ]
        for m in models {
            let a = try WhittleInformation.arfima(m)
            let b = try WhittleInformation.arfimaByQuadrature(m)
            #expect(TestSupport.maxRelativeError(a.elements, b.elements) < 1e-11, "\(m)")
        }
    }

    @Test("rejects nonstationary and noninvertible models")
    func informationRejectsBadModels() {
        #expect(throws: LongMemoryError.self) { try WhittleInformation.arfima(ARFIMAModel(d: 0.5)) }
        #expect(throws: LongMemoryError.self) { try WhittleInformation.arfima(ARFIMAModel(d: 0.2, ar: [1.0])) }
        #expect(throws: LongMemoryError.self) { try WhittleInformation.arfima(ARFIMAModel(d: 0.2, ma: [-1.5])) }
        #expect(throws: LongMemoryError.self) { try WhittleInformation.fractionalGaussianNoise(hurst: 1) }
        // Cancelling AR and MA roots: W is singular, no covariance.
        let w = try? WhittleInformation.arfima(ARFIMAModel(d: 0.2, ar: [0.5], ma: [-0.5]))
        #expect(w.map { WhittleInformation.covariance(information: $0, count: 100) == nil } ?? false)
    }

    // MARK: LM20: longmemo's CetaARIMA / CetaFGN

    @Test("CetaARIMA(H, m = 256, p = q = 0) = 0.716336 for every H (longmemo tests/ceta-ex.Rout.save)")
    func cetaARIMAFractionalNoise() throws {
        for h in [0.5, 0.59375, 0.7, 0.84375, 0.99] {
            let c = try WhittleInformation.longmemoCetaARIMA(hurst: h, m: 256)
            #expect(abs(c[0, 0] - 0.716336) < 1e-6, "H = \(h): \(c[0, 0])")
        }
    }

    @Test("CetaARIMA(H = 0.7, φ = 0.6, ψ = −0.3, m = 2¹⁸) matches longmemo's matrix (ψ has rnnmem's plus sign)")
    func cetaARIMAOneOne() throws {
        // longmemo tests/ceta-ex.Rout.save, m = 2^18 block (7 significant digits printed).
        let expected: [[Double]] = [
            [6.6006972, -6.5544665, 0.1331318],
            [-6.5544665, 11.290226, -5.4386448],
            [0.1331318, -5.4386448, 6.8015200],
        ]
        let c = try WhittleInformation.longmemoCetaARIMA(hurst: 0.7, ar: [0.6], ma: [-0.3], m: 1 << 18)
        for i in 0..<3 {
            for j in 0..<3 {
                #expect(TestSupport.relativeError(c[i, j], expected[i][j]) < 4e-6, "(\(i),\(j)) = \(c[i, j])")
            }
        }
        // With the opposite MA sign the matrix is different: the convention matters.
        let flipped = try WhittleInformation.longmemoCetaARIMA(hurst: 0.7, ar: [0.6], ma: [0.3], m: 1 << 12)
        #expect(abs(flipped[0, 2] - 0.07637145) > 0.05)
    }

    @Test("CetaFGN(H = 0.7, m = 2¹⁸) ≈ 0.42825 (longmemo's saved outputs 0.428253 / 0.428371)")
    func cetaFGN() throws {
        let c = try WhittleInformation.longmemoCetaFGN(hurst: 0.7, m: 1 << 18)
        #expect(abs(c - 0.42825) < 4e-4, "\(c)")
    }

    @Test("the Riemann sums converge to the exact W^{-1} as m grows")
    func riemannSumsConverge() throws {
        let model = ARFIMAModel(d: 0.2, ar: [0.6], ma: [-0.3])
        let exact = try LinearAlgebra.inverse(try WhittleInformation.arfima(model))
        var previous = Double.infinity
        for e in [10, 14, 18] {
            let c = try WhittleInformation.longmemoCetaARIMA(hurst: 0.7, ar: [0.6], ma: [-0.3], m: 1 << e, delta: nil)
            let err = abs(c[0, 0] - exact[0, 0])
            #expect(err < previous)
            previous = err
        }
        #expect(previous / exact[0, 0] < 0.01)
        let fgnExact = 1 / (try WhittleInformation.fractionalGaussianNoise(hurst: 0.7))
        let e14 = abs(try WhittleInformation.longmemoCetaFGN(hurst: 0.7, m: 1 << 14, delta: nil) - fgnExact)
        let e18 = abs(try WhittleInformation.longmemoCetaFGN(hurst: 0.7, m: 1 << 18, delta: nil) - fgnExact)
        #expect(e18 < e14)
        #expect(e18 < 5e-4)
    }

    // MARK: the fGn density

    /// An independent evaluation of the unit-variance fGn density with GSL's Hurwitz zeta (`gsl_sf_hzeta`, Euler–
    /// Maclaurin in GSL's own implementation): f = (1/π) sin(πH)Γ(2H + 1)·2sin²(λ/2)·(λ^{−s} + (2π)^{−s}[ζ(s, 1 + a)
    /// + ζ(s, 1 − a)]), s = 2H + 1, a = λ/(2π), 0 < λ ≤ π.
    private func gslReferenceDensity(hurst h: Double, lambda l: Double) throws -> Double {
        let s = 2 * h + 1, a = l / (2 * Double.pi)
        let zeta = try SpecialFunctions.hurwitzZeta(s: s, q: 1 + a) + SpecialFunctions.hurwitzZeta(s: s, q: 1 - a)
        let lattice = Double.pow(l, -s) + Double.pow(2 * Double.pi, -s) * zeta
        let half = Double.sin(l / 2)
        return Double.sin(Double.pi * h) * SpecialFunctions.gamma(2 * h + 1) / Double.pi * 2 * half * half * lattice
    }

    @Test("fGn log density equals an independent GSL Hurwitz-zeta evaluation; ∂/∂H equals a central difference")
    func fgnDensityCrossCheck() throws {
        for h in [0.15, 0.5, 0.7, 0.95] {
            let lambdas = [1e-8, 1e-3, 0.1, 1.0, 2.5, Double.pi]
            for l in lambdas {
                let mine = FGNSpectrum.logDensity(lambda: l, hurst: h)
                let reference = try gslReferenceDensity(hurst: h, lambda: l)
                #expect(abs(mine.value - Double.log(reference)) < 1e-12, "H = \(h), λ = \(l)")
                let step = 1e-5
                let fd =
                    (FGNSpectrum.logDensity(lambda: l, hurst: h + step).value
                        - FGNSpectrum.logDensity(lambda: l, hurst: h - step).value) / (2 * step)
                #expect(abs(mine.dH - fd) < 1e-7 * max(1, abs(fd)), "H = \(h), λ = \(l)")
            }
            // Near 0: f ≈ (1/2π) sin(πH)Γ(2H + 1)λ^{1−2H} (the j = 0 term, 2 sin²(λ/2) ≈ λ²/2), relative error
            // O(λ^{2H+1} + λ²) < 1e-15 at λ = 1e-12 for H ≥ 0.15.
            let tiny = 1e-12
            let leading =
                Double.sin(Double.pi * h) * SpecialFunctions.gamma(2 * h + 1) / (2 * Double.pi)
                * Double.pow(tiny, 1 - 2 * h)
            #expect(abs(FGNSpectrum.logDensity(lambda: tiny, hurst: h).value - Double.log(leading)) < 1e-12)
            // The mean of log f and its H-derivative: the derivative equals a Richardson-extrapolated central
            // difference of the mean (steps 1e-4 and 5e-5: truncation O(h⁴), quadrature rounding ≈ 1e-12/1e-4;
            // checked to 1e-6 relative; the plain central difference has an O(h²) error of ≈ 3e-5 at H = 0.95).
            func central(_ step: Double) throws -> Double {
                (try FGNSpectrum.meanLogDensity(hurst: h + step).value
                    - FGNSpectrum.meanLogDensity(hurst: h - step).value) / (2 * step)
            }
            let fd = (4 * (try central(5e-5)) - (try central(1e-4))) / 3
            let analytic = try FGNSpectrum.meanLogDensity(hurst: h).dH
            #expect(abs(analytic - fd) < 1e-6 * max(1, abs(fd)), "H = \(h): \(analytic) vs \(fd)")
        }
    }

    @Test("fGn density at extreme frequencies: finite log density down to λ = 1e-300 (no underflow of 1 − cos λ)")
    func fgnDensityTinyFrequency() throws {
        // log f = log(sin(πH)Γ(2H + 1)/(2π)) + (1 − 2H) log λ + O(λ^{2H+1}) for λ → 0; at λ = 1e-300 the O(·) terms
        // vanish.
        for h in [0.2, 0.8] {
            let l = 1e-300
            let expected =
                Double.log(Double.sin(Double.pi * h) * SpecialFunctions.gamma(2 * h + 1) / (2 * Double.pi))
                + (1 - 2 * h) * Double.log(l)
            let value = FGNSpectrum.logDensity(lambda: l, hurst: h).value
            #expect(value.isFinite && abs(value - expected) < 1e-12 * abs(expected), "H = \(h): \(value)")
            let f = try SpectralDensity.fractionalGaussianNoise(hurst: h, at: [l])[0]
            #expect(h < 0.5 ? f < 1e-100 && f > 0 : f > 1e100, "H = \(h): f = \(f)")
        }
    }

    @Test("fGn density integrates to the fGn autocovariance: 2∫_0^π cos(kλ) f(λ) dλ = γ(k)")
    func fgnDensityGivesAutocovariance() throws {
        for h in [0.3, 0.8] {
            let gamma = try Autocovariance.fractionalGaussianNoise(hurst: h, lags: 4)
            let integrals = try Quadrature.tanhSinh(components: 5, upper: Double.pi) { l, out in
                let f = Double.exp(FGNSpectrum.logDensity(lambda: l, hurst: h).value)
                for k in 0..<5 { out[k] = 2 * Double.cos(Double(k) * l) * f }
            }
            for k in 0..<5 { #expect(abs(integrals[k] - gamma[k]) < 1e-10, "H = \(h), k = \(k)") }
        }
    }
}
