import Testing
import _TestSupport
import LongMemory
import MemoryNumerics

/// Sample autocovariance (demeaned, divisor n), PACF and periodogram I(λ_j) = |Σ x_t e^{−iλ_j t}|²/(2πn)
/// (LongMemory.docc/Conventions.md; validation target LM12).
@Suite("Sample statistics (LM12)")
struct SampleStatisticsTests {
    /// LM12: Σ_{k=1}^{n−1} ρ̂(k) = −½ exactly for the demeaned, divisor-n ACF, whatever the series (formula:
    /// Σ_{k=−(n−1)}^{n−1} γ̂(k) = (1/n)(Σ(x_t − x̄))² = 0). abs 1e-12 for white noise, FI(0.45) and a trending random
    /// walk up to n = 1000. (The FFT's rounding error per lag is ≈ 1e-16·√N·γ̂(0) for a spectrum concentrated at low
    /// frequencies, so for a trending random walk of n = 4097 the sum of 4096 lags is off by ≈ 3e-12: checked at
    /// 1e-11.)
    @Test(arguments: [
        (7, 0), (100, 0), (1000, 0), (4097, 0), (100, 1), (4097, 1), (20_000, 1), (7, 2), (100, 2),
        (1000, 2), (4097, 2),
    ])
    func lm12SumOfSampleACF(n: Int, kind: Int) throws {
        var rng = TestSupport.rng(12)
        var x: [Double]
        switch kind {
        case 0: x = (0..<n).map { _ in 5 + rng.gaussian() }
        case 1: x = try Simulation.arfima(ARFIMAModel(d: 0.45), count: n, seed: 12).map { $0 + 5 }
        default:
            x = [Double](repeating: 0, count: n)
            var level = 5.0
            for t in x.indices { level += rng.gaussian(); x[t] = level + 0.1 * Double(t) }  // trending random walk
        }
        let rho = try SampleStatistics.autocorrelation(x, maxLag: n - 1)
        let tolerance = kind == 2 && n > 1000 ? 1e-11 : 1e-12
        #expect(abs(rho.dropFirst().reduce(0, +) + 0.5) <= tolerance, "n = \(n), kind \(kind)")
        #expect(rho[0] == 1)
    }

    /// The FFT autocovariance equals the definition (1/n)Σ_{t=1}^{n−k}(x_t − x̄)(x_{t+k} − x̄) at every lag
    /// (abs 1e-12·γ̂(0)); without demeaning, the raw products.
    @Test func fftAutocovarianceEqualsDefinition() throws {
        var rng = TestSupport.rng(13)
        let n = 777
        let x = (0..<n).map { _ in 2 + rng.gaussian() }
        let mean = x.reduce(0, +) / Double(n)
        for demean in [true, false] {
            let g = try SampleStatistics.autocovariance(x, maxLag: n - 1, demean: demean)
            let m = demean ? mean : 0
            var worst = 0.0
            for k in 0..<n {
                var s = 0.0
                for t in 0..<(n - k) { s += (x[t] - m) * (x[t + k] - m) }
                worst = max(worst, abs(g[k] - s / Double(n)))
            }
            #expect(worst <= 1e-12 * g[0], "demean = \(demean): \(worst)")
        }
    }

    /// Sample PACF is Durbin–Levinson on the sample autocovariance; for a long AR(1) series (φ = 0.6) φ̂_11 ≈ 0.6
    /// and φ̂_kk ≈ 0 for k ≥ 2 (|·| < 4/√n; Brockwell & Davis 1991, Thm 8.1.2 / §3.4).
    @Test func partialAutocorrelation() throws {
        let n = 20_000
        let x = try Simulation.arfima(ARFIMAModel(d: 0, ar: [0.6]), count: n, seed: 14)
        let pacf = try SampleStatistics.partialAutocorrelation(x, maxLag: 10)
        let bound = 4 / Double(n).squareRoot()
        #expect(abs(pacf[0] - 0.6) < bound)
        #expect(pacf.dropFirst().allSatisfy { abs($0) < bound }, "\(pacf)")
        let g = try SampleStatistics.autocovariance(x, maxLag: 10)
        #expect(pacf == (try DurbinLevinson.partialAutocorrelations(acvf: g).pacf))
    }

    /// Periodogram scaling (Parseval): Σ_{j=1}^{n−1} I(λ_j) = n·γ̂(0)/(2π) over all Fourier frequencies; with the
    /// one-sided ordinates j = 1…⌊n/2⌋ returned, 2Σ_{j<n/2} I(λ_j) + [n even]·I(π) = n·γ̂(0)/(2π) (rel 1e-12).
    @Test(arguments: [255, 256, 1001])
    func periodogramParseval(n: Int) throws {
        var rng = TestSupport.rng(15)
        let x = (0..<n).map { _ in 10 + 3 * rng.gaussian() }
        let p = try SampleStatistics.periodogram(x)
        #expect(p.values.count == n / 2 && p.n == n)
        #expect(abs(p.frequencies[0] - 2 * Double.pi / Double(n)) <= 1e-15)
        let gamma0 = try SampleStatistics.autocovariance(x, maxLag: 0)[0]
        var total = 0.0
        for j in 1...(n / 2) {
            let weight = (n % 2 == 0 && j == n / 2) ? 1.0 : 2.0
            total += weight * p.values[j - 1]
        }
        #expect(TestSupport.relativeError(total, Double(n) * gamma0 / (2 * Double.pi)) <= 1e-12)
        // Direct DFT at a few ordinates with t = 1…n (the phase e^{−iλ} does not change the modulus).
        for j in [1, 17, n / 2] {
            let lambda = 2 * Double.pi * Double(j) / Double(n)
            var re = 0.0, im = 0.0
            for t in 1...n {
                re += x[t - 1] * Double.cos(lambda * Double(t))
                im -= x[t - 1] * Double.sin(lambda * Double(t))
            }
            let direct = (re * re + im * im) / (2 * Double.pi * Double(n))
            #expect(TestSupport.relativeError(p.values[j - 1], direct) <= 1e-9)
        }
    }

    /// I(λ_j) of a pure cosine x_t = A cos(λ_k t + φ) at a Fourier frequency 0 < λ_k < π: A²n/(8π) at j = k and 0
    /// elsewhere (formula: Σ_t x_t e^{−iλ_k t} = (A n/2)e^{iφ}); abs 1e-10·A²n.
    @Test func periodogramOfACosine() throws {
        let n = 360, k = 25, amplitude = 2.5, phase = 0.7
        let lambda = 2 * Double.pi * Double(k) / Double(n)
        let x = (1...n).map { t in amplitude * Double.cos(lambda * Double(t) + phase) }
        let p = try SampleStatistics.periodogram(x)
        let peak = amplitude * amplitude * Double(n) / (8 * Double.pi)
        for j in 1...(n / 2) {
            let expected = j == k ? peak : 0
            #expect(abs(p.values[j - 1] - expected) <= 1e-10 * amplitude * amplitude * Double(n), "j = \(j)")
        }
        #expect(p.prefix(3).values.count == 3 && p.prefix(1000).values.count == n / 2)
        // The low-frequency form is the same computation, truncated (capped at ⌊n/2⌋).
        let low = try SampleStatistics.periodogram(x, count: 30)
        #expect(low == p.prefix(30))
        #expect(try SampleStatistics.periodogram(x, count: 10_000) == p)
        #expect(try SampleStatistics.periodogram(x, count: 0).values.isEmpty)
        #expect(throws: LongMemoryError.self) { try SampleStatistics.periodogram(x, count: -1) }
    }

    /// Errors name the problem.
    @Test func validation() {
        #expect(throws: LongMemoryError.nonFinite(index: 1)) {
            try SampleStatistics.autocovariance([1, .nan, 2], maxLag: 1)
        }
        #expect(throws: LongMemoryError.constantSeries) { try SampleStatistics.autocorrelation([3, 3, 3], maxLag: 1) }
        #expect(throws: LongMemoryError.self) { try SampleStatistics.autocovariance([1, 2, 3], maxLag: 3) }
        #expect(throws: LongMemoryError.self) { try SampleStatistics.autocovariance([1, 2, 3], maxLag: -1) }
        #expect(throws: LongMemoryError.self) { try SampleStatistics.periodogram([1]) }
    }

}
