import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

/// Test data shared by the estimator tests.
enum EstimatorTestData {
    /// x_t = Σ_{j=1}^{J} a_j cos(λ_j t + φ_j), t = 1…n, J = ⌊(n − 1)/2⌋, with a_j = √(8π f_j/n), so that its periodogram
    /// is exactly I(λ_j) = a_j²·n/(8π) = f_j for j = 1…J (the DFT of cos(λ_k t + φ) at λ_j is (n/2)e^{iφ}δ_jk).
    static func seriesWithPeriodogram(n: Int, spectrum f: (Double) -> Double, seed: UInt64 = 5) -> [Double] {
        var rng = SeededRandom(seed: seed)
        let count = (n - 1) / 2
        var x = [Double](repeating: 0, count: n)
        for j in 1...count {
            let lambda = 2 * Double.pi * Double(j) / Double(n)
            let a = (8 * Double.pi * f(lambda) / Double(n)).squareRoot()
            let phase = 2 * Double.pi * rng.uniform()
            for t in 1...n { x[t - 1] += a * Double.cos(lambda * Double(t) + phase) }
        }
        return x
    }

    /// `pairs` Davies–Harte pairs (2·pairs exact FI(d) samples of length n) from one acvf computation.
    static func fractionalNoiseSamples(d: Double, n: Int, pairs: Int, seed: UInt64) throws -> [[Double]] {
        let gamma = try Autocovariance.fractionalNoise(d: d, lags: Simulation.daviesHarteLags(count: n))
        var rng = SeededRandom(seed: seed)
        var out: [[Double]] = []
        for _ in 0..<pairs {
            let (a, b) = try Simulation.daviesHartePair(acvf: gamma, count: n, rng: &rng)
            out.append(a)
            out.append(b)
        }
        return out
    }

    static func meanAndSD(_ v: [Double]) -> (mean: Double, sd: Double) {
        let m = v.reduce(0, +) / Double(v.count)
        let s = (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
        return (m, s)
    }

    /// nolds 0.6.3 `brown72` (Fixtures/brown72.csv, provenance in Fixtures/README.md).
    static func brown72() throws -> [Double] {
        let url = try #require(
            Bundle.module.url(forResource: "brown72", withExtension: "csv", subdirectory: "Fixtures"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).dropFirst()
        return try lines.map { try #require(Double($0.trimmingCharacters(in: .whitespaces))) }
    }
}

@Suite("GPH log-periodogram regression")
struct EstimatorGPHTests {
    @Test("LM21: exact-regressor variance (π²/6)/Σ(X_j − X̄)², asymptotic π²/(24m), and their ratio → 1")
    func exactRegressorVariance() throws {
        // Direct evaluation of the closed form for n = 1024, m = 32.
        let n = 1024, m = 32
        var xs: [Double] = []
        for j in 1...m {
            let l = 2 * Double.pi * Double(j) / Double(n)
            xs.append(Double.log(4 * Double.sin(l / 2) * Double.sin(l / 2)))
        }
        let xbar = xs.reduce(0, +) / Double(m)
        let ss = xs.reduce(0) { $0 + ($1 - xbar) * ($1 - xbar) }
        let v = try GPH.exactRegressorVariance(n: n, bandwidth: m)
        #expect(TestSupport.relativeError(v, (Double.pi * Double.pi / 6) / ss) < 1e-12)
        // LM21: asymptotic variance π²/(24m), exactly.
        #expect(try GPH.asymptoticVariance(bandwidth: 1) == Double.pi * Double.pi / 24)
        #expect(
            TestSupport.relativeError(try GPH.asymptoticVariance(bandwidth: m), Double.pi * Double.pi / (24 * 32))
                < 1e-15)
        // Finite-m variance exceeds π²/(24m) and the ratio tends to 1 (Σ(X − X̄)² = 4m(1 − O(log²m/m))).
        let small = try GPH.exactRegressorVariance(n: 1 << 20, bandwidth: 32) / GPH.asymptoticVariance(bandwidth: 32)
        let large =
            try GPH.exactRegressorVariance(n: 1 << 20, bandwidth: 8192) / GPH.asymptoticVariance(bandwidth: 8192)
        #expect(small > 1.1)
        #expect(large > 1 && large < 1.01)
        // The estimate reports the exact-regressor s.e. as primary and the asymptotic one as an alternative.
        let x = try Simulation.arfima(ARFIMAModel(d: 0.1), count: n, seed: 3)
        let e = try GPH.estimate(x, bandwidth: .count(m))
        #expect(TestSupport.relativeError(e.standardError, ((Double.pi * Double.pi / 6) / ss).squareRoot()) < 1e-12)
        #expect(
            e.alternativeStandardErrors.first.map {
                abs($0.value - (Double.pi * Double.pi / (24 * 32)).squareRoot()) < 1e-15
            } == true)
        #expect(e.bandwidth == 32 && e.n == n && e.method == .gewekePorterHudak)
    }

    @Test("Andrews–Guggenberger c_r from the limiting Gram matrix of (log u, u², …, u^{2r}) on (0, 1)")
    func andrewsGuggenbergerConstants() throws {
        // Cov(log U, U^a) = a/(a+1)², Cov(U^a, U^b) = 1/(a+b+1) − 1/((a+1)(b+1)), Var(log U) = 1; c_r = [M⁻¹]₁₁.
        for r in 0...4 {
            var m = [[Double]](repeating: [Double](repeating: 0, count: r + 1), count: r + 1)
            m[0][0] = 1
            for i in 1...max(1, r) where i <= r {
                let a = Double(2 * i)
                m[0][i] = a / ((a + 1) * (a + 1))
                m[i][0] = m[0][i]
                for j in 1...r {
                    let b = Double(2 * j)
                    m[i][j] = 1 / (a + b + 1) - 1 / ((a + 1) * (b + 1))
                }
            }
            let inv = try LinearAlgebra.inverse(try Matrix(m))
            // The published constants are rounded to two decimals (AG 2003; c_1 = 9/4 exactly).
            #expect(abs(inv[0, 0] - GPH.biasReductionVarianceFactors[r]) < 0.006, "r = \(r): \(inv[0, 0])")
            // The exact-design variance approaches c_r·π²/(24m) at large m.
            let ratio =
                try GPH.exactRegressorVariance(n: 1 << 22, bandwidth: 1 << 14, biasReductionOrder: r)
                / GPH.asymptoticVariance(bandwidth: 1 << 14, biasReductionOrder: r)
            #expect(abs(ratio - 1) < 0.02, "r = \(r): ratio \(ratio)")
        }
        #expect(GPH.biasReductionVarianceFactors[1] == 9.0 / 4.0)
    }

    @Test("exact recovery when the periodogram is exactly C·(4 sin²(λ/2))^{−d}")
    func exactRecovery() throws {
        let d = 0.3
        let x = EstimatorTestData.seriesWithPeriodogram(n: 1000) { l in
            2.5 * Double.exp(-d * Double.log(4 * Double.sin(l / 2) * Double.sin(l / 2)))
        }
        let pg = try SampleStatistics.periodogram(x)
        let target =
            2.5 * Double.exp(-d * Double.log(4 * Double.sin(pg.frequencies[4] / 2) * Double.sin(pg.frequencies[4] / 2)))
        #expect(TestSupport.relativeError(pg.values[4], target) < 1e-9)
        let e = try GPH.estimate(x, bandwidth: .count(40))
        #expect(abs(e.d - d) < 1e-9)
        // Residuals vanish: the OLS residual s.e. is ~0 while the exact-regressor one is not.
        let ols = try #require(e.alternativeStandardErrors.first { $0.label == "OLS residual" })
        #expect(ols.value < 1e-8)
        // Intercept log C − 0 (E log I is not involved: the periodogram is deterministic here).
        #expect(abs((e.auxiliary.first { $0.name == "intercept" }?.value ?? 0) - Double.log(2.5)) < 1e-8)
        // Bias-reduced version is exact too (the extra regressors get zero coefficients).
        let e2 = try GPH.estimate(x, bandwidth: .count(40), biasReductionOrder: 2)
        #expect(abs(e2.d - d) < 1e-8)
    }

    @Test("mean- and scale-invariance; trimming and default bandwidth ⌊n^0.5⌋")
    func invariances() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.25), count: 2000, seed: 21)
        let base = try GPH.estimate(x)
        #expect(base.bandwidth == 44)  // ⌊√2000⌋ = 44
        let shifted = try GPH.estimate(x.map { 3 * $0 + 100 })
        #expect(abs(shifted.d - base.d) < 1e-9)
        let trimmed = try GPH.estimate(x, trimming: 2)
        #expect(trimmed.trimming == 2 && trimmed.d != base.d)
        #expect(trimmed.standardError > base.standardError)
        #expect(try GPH.estimate(x, bandwidth: .exponent(0.6)).bandwidth == 95)  // ⌊2000^0.6⌋ = 95
    }

    @Test("bias reduction: larger s.e. by about √c_r and reported coefficients")
    func biasReductionReporting() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2, ar: [0.5]), count: 4096, seed: 8)
        let e0 = try GPH.estimate(x, bandwidth: .count(400))
        let e1 = try GPH.estimate(x, bandwidth: .count(400), biasReductionOrder: 1)
        let ratio = e1.standardError / e0.standardError
        #expect(abs(ratio - 1.5) < 0.1, "ratio \(ratio)")  // √(9/4) = 1.5 asymptotically
        #expect(e1.auxiliary.contains { $0.name.hasPrefix("b1") })
        // AR(1) φ = 0.5 biases plain GPH upward at m = 400; the bias-reduced estimate is closer to 0.2.
        #expect(abs(e1.d - 0.2) < abs(e0.d - 0.2))
    }
}
