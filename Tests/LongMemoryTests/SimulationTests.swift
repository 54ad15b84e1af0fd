import Testing
import _TestSupport
import LongMemory
import MemoryNumerics

/// Exact simulation: Davies–Harte circulant embedding and Durbin–Levinson (Davies & Harte 1987; Hosking 1981;
/// validation target LM15), the truncated-MA variance deficit (LM16).
@Suite("Simulation (LM15, LM16)")
struct SimulationTests {
    /// Monte-Carlo z-scores of the sample autocovariance at lags 0…10 against γ. Each sample gives the unbiased
    /// known-mean estimate u_k = (1/(n − k)) Σ_t x_t x_{t+k} (E u_k = γ(k) exactly); z_k = (ū_k − γ(k))/(s_k/√R) with
    /// s_k the standard deviation of u_k across the R independent samples — the Monte-Carlo standard error is
    /// estimated from the replications themselves, not from a formula.
    private func zScores(gamma: [Double], samples: [[Double]]) throws -> [Double] {
        let lags = 10
        var values = [[Double]](repeating: [], count: lags + 1)
        for x in samples {
            let n = Double(x.count)
            let g = try SampleStatistics.autocovariance(x, maxLag: lags, demean: false)
            for k in 0...lags { values[k].append(g[k] * n / (n - Double(k))) }
        }
        return (0...lags).map { k in
            let v = values[k]
            let r = Double(v.count)
            let mean = v.reduce(0, +) / r
            let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (r - 1)
            return (mean - gamma[k]) / (variance / r).squareRoot()
        }
    }

    /// LM15: Davies–Harte samples have autocovariance γ — |z| < 4 at every lag 0…10 for FI(0.4) (paired complex
    /// version, smooth embedding), ARFIMA(2, 0.3, 1) with complex AR roots (single real-FFT version), fGn H = 0.9
    /// (minimal embedding M = 2(n − 1)), 2000 samples of n = 256 each, fixed seeds.
    @Test func lm15DaviesHarteAutocovariance() throws {
        let n = 256, replications = 2000
        let smoothLags = Simulation.daviesHarteLags(count: n)
        // FI(0.4): both halves of each complex draw are used (they are independent).
        let fi = try Autocovariance.fractionalNoise(d: 0.4, lags: smoothLags)
        var rng = TestSupport.rng(15)
        var samples: [[Double]] = []
        for _ in 0..<(replications / 2) {
            let (a, b) = try Simulation.daviesHartePair(acvf: fi, count: n, rng: &rng)
            samples.append(a)
            samples.append(b)
        }
        var z = try zScores(gamma: fi, samples: samples)
        #expect(z.allSatisfy { abs($0) < 4 }, "FI(0.4) z = \(z)")
        // Independence of the two halves: their sample correlation at lag 0 over all pairs is ≈ 0 (|z| < 4).
        var crossProducts: [Double] = []
        for i in stride(from: 0, to: samples.count, by: 2) {
            let a = samples[i], b = samples[i + 1]
            crossProducts.append(zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } / Double(n))
        }
        let cm = crossProducts.reduce(0, +) / Double(crossProducts.count)
        let cs = (crossProducts.reduce(0) { $0 + ($1 - cm) * ($1 - cm) } / Double(crossProducts.count - 1)).squareRoot()
        #expect(abs(cm / (cs / Double(crossProducts.count).squareRoot())) < 4)

        let model = ARFIMAModel(d: 0.3, ar: [0.5, -0.6], ma: [0.4], sigma2: 1.5)
        let arfima = try Autocovariance.arfima(model, lags: smoothLags)
        rng = TestSupport.rng(16)
        samples = try (0..<replications).map { _ in try Simulation.daviesHarte(acvf: arfima, count: n, rng: &rng) }
        z = try zScores(gamma: arfima, samples: samples)
        #expect(z.allSatisfy { abs($0) < 4 }, "ARFIMA z = \(z)")

        let fgn = try Autocovariance.fractionalGaussianNoise(hurst: 0.9, lags: n - 1)  // minimal embedding
        rng = TestSupport.rng(17)
        samples = try (0..<replications).map { _ in try Simulation.daviesHarte(acvf: fgn, count: n, rng: &rng) }
        z = try zScores(gamma: fgn, samples: samples)
        #expect(z.allSatisfy { abs($0) < 4 }, "fGn z = \(z)")
    }

    /// The check has power: a truncated MA(∞) with M = 50 at d = 0.45 (variance deficit ≈ 46%) fails it badly.
    @Test func lm15CheckDetectsTruncation() throws {
        let gamma = try Autocovariance.fractionalNoise(d: 0.45, lags: 10)
        let samples = try (0..<400).map { r in
            try Simulation.truncatedMA(d: 0.45, count: 256, terms: 50, seed: 1000 + UInt64(r)).values
        }
        let z = try zScores(gamma: gamma, samples: samples)
        #expect(z[0] < -20, "z at lag 0 = \(z[0])")
    }

    /// Durbin–Levinson simulation has autocovariance γ (|z| < 4, lags 0…10; 600 samples of n = 128).
    @Test func durbinLevinsonAutocovariance() throws {
        let model = ARFIMAModel(d: -0.3, ar: [0.6], ma: [0.3])
        let gamma = try Autocovariance.arfima(model, lags: 127)
        var rng = TestSupport.rng(18)
        let samples = try (0..<600).map { _ in try Simulation.durbinLevinson(acvf: gamma, count: 128, rng: &rng) }
        let z = try zScores(gamma: gamma, samples: samples)
        #expect(z.allSatisfy { abs($0) < 4 }, "z = \(z)")
    }

    /// Davies–Harte with injected noise equals its formula W_t = Σ_{k=0}^{M−1} √(μ_k/M)(a_k + i b_k)e^{−2πikt/M},
    /// evaluated directly (O(M·n) sum, μ from the exact row), rel 1e-12; the paired simulator is this with the seeded
    /// draws a_0, b_0, a_1, b_1, …; too little noise is an error.
    @Test func injectedNoiseEqualsFormula() throws {
        let n = 9
        let gamma = try Autocovariance.fractionalNoise(d: 0.3, lags: n - 1)  // minimal embedding: m = 8, M = 16
        let m = n - 1, size = 2 * m
        var rng = TestSupport.rng(21)
        var a = [Double](repeating: 0, count: size), b = a
        for k in 0..<size {
            a[k] = rng.gaussian()
            b[k] = rng.gaussian()
        }
        let (re, im) = try Simulation.daviesHarte(acvf: gamma, count: n, noiseReal: a, noiseImaginary: b)
        // μ_k = Σ_j c_j cos(2πjk/M) for the symmetric row c = (γ0, …, γ_m, γ_{m−1}, …, γ1).
        let row = (0..<size).map { gamma[$0 <= m ? $0 : size - $0] }
        for t in 0..<n {
            var sr = 0.0, si = 0.0
            for k in 0..<size {
                var mu = 0.0
                for j in 0..<size { mu += row[j] * Double.cos(2 * Double.pi * Double((j * k) % size) / Double(size)) }
                let s = (max(mu, 0) / Double(size)).squareRoot()
                let angle = -2 * Double.pi * Double((k * t) % size) / Double(size)
                sr += s * (a[k] * Double.cos(angle) - b[k] * Double.sin(angle))
                si += s * (a[k] * Double.sin(angle) + b[k] * Double.cos(angle))
            }
            #expect(abs(re[t] - sr) <= 1e-12 * 10 && abs(im[t] - si) <= 1e-12 * 10, "t = \(t)")
        }
        var seeded = TestSupport.rng(21)
        let pair = try Simulation.daviesHartePair(acvf: gamma, count: n, rng: &seeded)
        #expect(pair.first == re && pair.second == im)
        #expect(throws: LongMemoryError.self) {
            try Simulation.daviesHarte(acvf: gamma, count: n, noiseReal: Array(a.prefix(5)), noiseImaginary: b)
        }
    }

    /// The embedding row is exactly (γ₀, …, γ_m, γ_{m−1}, …, γ₁): γ = (2, 1, 0.5), n = 3 gives m = 2, row
    /// (2, 1, 0.5, 1) and eigenvalues 2 + 2cos(πk/2) + 0.5(−1)^k = (4.5, 1.5, 0.5) (formula).
    @Test func embeddingRowIsExact() throws {
        let mu = try Simulation.embeddingEigenvalues(acvf: [2, 1, 0.5], count: 3)
        #expect(TestSupport.maxAbsError(mu, [4.5, 1.5, 0.5]) <= 1e-14)
    }

    /// fGn at H = 0.99, n = 2¹⁴: the circulant embedding is nonnegative (minimal and smooth embeddings) — with the
    /// cancellation-free autocovariance; min μ > 0.
    @Test func fgnCirculantNonnegativeNearOne() throws {
        let n = 1 << 14
        for lags in [n - 1, Simulation.daviesHarteLags(count: n)] {
            let gamma = try Autocovariance.fractionalGaussianNoise(hurst: 0.99, lags: lags)
            let mu = try Simulation.embeddingEigenvalues(acvf: gamma, count: n)
            let minimum = mu.min() ?? -1
            #expect(minimum > 0, "lags \(lags): min eigenvalue \(minimum), max \(mu.max() ?? 0)")
        }
        let x = try Simulation.fractionalGaussianNoise(hurst: 0.99, count: n, seed: 19)
        #expect(x.count == n && x.allSatisfy { $0.isFinite })
    }

    /// An autocovariance whose circulant is indefinite — γ = (1, 0.9, 0, …, 0), eigenvalues 1 + 1.8cos(2πk/M), min
    /// −0.8 (checked) — is a loud error, never clipped; Durbin–Levinson also refuses it (the Toeplitz matrix with
    /// off-diagonal 0.9 has eigenvalues 1 + 1.8cos(πj/(n + 1)) < 0 for n ≥ 3).
    @Test func indefiniteEmbeddingThrows() throws {
        let n = 64
        var gamma = [Double](repeating: 0, count: n)
        gamma[0] = 1
        gamma[1] = 0.9
        let mu = try Simulation.embeddingEigenvalues(acvf: gamma, count: n)
        #expect(abs((mu.min() ?? 0) - (-0.8)) <= 1e-14)
        var rng = TestSupport.rng(20)
        do {
            _ = try Simulation.daviesHarte(acvf: gamma, count: n, rng: &rng)
            Issue.record("Davies–Harte accepted an indefinite embedding")
        } catch let LongMemoryError.circulantNotNonnegative(minimum, maximum, length) {
            #expect(abs(minimum + 0.8) <= 1e-12 && abs(maximum - 2.8) <= 1e-12 && length == 2 * (n - 1))
        }
        #expect(throws: LongMemoryError.self) { try Simulation.daviesHartePair(acvf: gamma, count: n, rng: &rng) }
        #expect(throws: LongMemoryError.self) { try Simulation.durbinLevinson(acvf: gamma, count: n, rng: &rng) }
        // Bad arguments.
        #expect(throws: LongMemoryError.self) { try Simulation.daviesHarte(acvf: [1, 0.5], count: 1, rng: &rng) }
        #expect(throws: LongMemoryError.self) { try Simulation.daviesHarte(acvf: [1, 0.5], count: 3, rng: &rng) }
        #expect(throws: LongMemoryError.self) { try Simulation.daviesHarte(acvf: [1, .nan, 0], count: 3, rng: &rng) }
    }

    /// Same seed ⇒ same series; another seed ⇒ another series (both simulators, ARFIMA and fGn).
    @Test func seedsAreReproducible() throws {
        let model = ARFIMAModel(d: 0.4, ar: [0.3])
        for method in Simulation.Method.allCases {
            let a = try Simulation.arfima(model, count: 300, seed: 7, method: method)
            let b = try Simulation.arfima(model, count: 300, seed: 7, method: method)
            let c = try Simulation.arfima(model, count: 300, seed: 8, method: method)
            #expect(a == b && a != c)
        }
        let f1 = try Simulation.fractionalGaussianNoise(hurst: 0.8, count: 100, seed: 3)
        #expect(f1 == (try Simulation.fractionalGaussianNoise(hurst: 0.8, count: 100, seed: 3)))
    }

    /// LM16: the truncated-MA variance deficit Σ_{j≥M} ψ_j²/Σψ_j², in percent — the table of
    /// LongMemory.docc/ValidationTargets.md (computed from the formula, printed to one decimal, so each entry is
    /// checked to ±0.05 percentage points; a flat rel 1e-2 cannot hold for 0.1 = 0.08…). A sample of the truncated MA
    /// has variance (1 − deficit)·γ(0) (Monte-Carlo, |z| < 4).
    @Test func lm16TruncatedMADeficit() throws {
        let ms = [250, 1000, 10_000, 20_000, 100_000, 1_000_000]
        let table: [(Double, [Double])] = [
            (0.3, [2.3, 1.3, 0.5, 0.4, 0.2, 0.1]),
            (0.4, [16.3, 12.3, 7.8, 6.8, 4.9, 3.1]),
            (0.45, [40.8, 35.5, 28.2, 26.3, 22.4, 17.8]),
        ]
        for (d, row) in table {
            for (m, printed) in zip(ms, row) {
                let percent = 100 * (try Simulation.truncatedMAVarianceDeficit(d: d, terms: m))
                #expect(abs(percent - printed) <= 0.05 + 1e-9, "d = \(d), M = \(m): \(percent)% vs \(printed)%")
            }
        }
        let sample = try Simulation.truncatedMA(d: 0.4, count: 500, terms: 250, seed: 1)
        #expect(sample.terms == 250 && sample.values.count == 500)
        #expect(abs(sample.varianceDeficit - 0.1627) < 5e-4)
        let gamma0 = try Autocovariance.fractionalNoise(d: 0.4, lags: 0)[0]
        let variances = try (0..<300).map { r -> Double in
            let x = try Simulation.truncatedMA(d: 0.4, count: 400, terms: 250, seed: 500 + UInt64(r)).values
            return x.reduce(0) { $0 + $1 * $1 } / Double(x.count)
        }
        let mean = variances.reduce(0, +) / 300
        let sd = (variances.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 299).squareRoot()
        let z = (mean - (1 - sample.varianceDeficit) * gamma0) / (sd / 300.0.squareRoot())
        #expect(abs(z) < 4, "z = \(z)")
        #expect(throws: LongMemoryError.self) { try Simulation.truncatedMAVarianceDeficit(d: 0.5, terms: 10) }
        #expect(throws: LongMemoryError.self) { try Simulation.truncatedMA(d: 0.3, count: 10, terms: 0, seed: 1) }
    }

}
