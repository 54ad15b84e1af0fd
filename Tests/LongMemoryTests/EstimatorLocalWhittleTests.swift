import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

@Suite("Local Whittle")
struct EstimatorLocalWhittleTests {
    @Test("objective by hand: I = (1, 2, 4) at λ = (0.1, 0.2, 0.3), d = 0.25")
    func objectiveByHand() throws {
        // R = log((0.1^0.5·1 + 0.2^0.5·2 + 0.3^0.5·4)/3) − 0.5·(log 0.1 + log 0.2 + log 0.3)/3
        //   = log(3.51291…/3) + 0.8146…; evaluated with numpy: 0.9782834747833169.
        let r = try LocalWhittle.objective(d: 0.25, periodogram: [1, 2, 4], frequencies: [0.1, 0.2, 0.3])
        #expect(abs(r - 0.9782834747833169) < 1e-13)
        // Same divisor in both terms: with K terms, R(0) = log(mean I) whatever the frequencies.
        let r0 = try LocalWhittle.objective(d: 0, periodogram: [1, 2, 4], frequencies: [0.1, 0.2, 0.3])
        #expect(abs(r0 - Double.log(7.0 / 3.0)) < 1e-14)
        // Analytic derivatives match finite differences of R.
        let obj = try WhittleObjective(values: [1, 2, 4, 3, 5], frequencies: [0.1, 0.2, 0.3, 0.4, 0.5])
        let h = 1e-5
        let (g, c) = obj.derivatives(0.3)
        #expect(abs(g - (obj.value(0.3 + h) - obj.value(0.3 - h)) / (2 * h)) < 1e-8)
        #expect(abs(c - (obj.value(0.3 + h) - 2 * obj.value(0.3) + obj.value(0.3 - h)) / (h * h)) < 1e-4)
    }

    @Test("exact recovery when I(λ_j) = G·λ_j^{−2d}, untapered")
    func exactRecovery() throws {
        for d in [-0.3, 0.0, 0.35] {
            let x = EstimatorTestData.seriesWithPeriodogram(n: 2048) { l in 1.7 * Double.exp(-2 * d * Double.log(l)) }
            let e = try LocalWhittle.estimate(x)
            #expect(abs(e.d - d) < 1e-7, "d = \(d): \(e.d)")
            #expect(TestSupport.relativeError(e.auxiliary.first { $0.name == "G" }?.value ?? 0, 1.7) < 1e-6)
            #expect(e.bandwidth == 142)  // ⌊2048^0.65⌋ = 142
            // LM21: s.e. 1/(2√m).
            #expect(e.standardError == 1 / (2 * Double(142).squareRoot()))
        }
    }

    @Test("LM22 single seed: exact FI(0.4), n = 4096, m = 222, |d̂ − 0.4| < 0.12")
    func calibrationSingleSeed() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.4), count: 4096, seed: 2024)
        let e = try LocalWhittle.estimate(x)
        #expect(e.bandwidth == 222)
        #expect(abs(e.d - 0.4) < 0.12)
        #expect(abs(e.standardError - 0.0335578) < 1e-6)  // 1/(2√222)
    }

    @Test("LM22 replications: R = 200 Davies–Harte samples, mean within 3 s.e. of 0.4, sd within 20% of 0.0336")
    func calibrationReplications() throws {
        // R = 200 (100 Davies–Harte pairs): the sd's relative s.e. is ≈ 1/√(2(R − 1)) = 5%, so ±20% is a 4σ band.
        // (With R = 40 it would be 11%, and ±20% only 1.8σ; a 3σ band at R = 40 would be ±34%.)
        let samples = try EstimatorTestData.fractionalNoiseSamples(d: 0.4, n: 4096, pairs: 100, seed: 77)
        let estimates = try samples.map { try LocalWhittle.estimate($0, bandwidth: .count(222)).d }
        let (mean, sd) = EstimatorTestData.meanAndSD(estimates)
        let target = 1 / (2 * Double(222).squareRoot())
        #expect(abs(mean - 0.4) < 3 * sd / Double(estimates.count).squareRoot(), "mean \(mean), sd \(sd)")
        #expect(abs(sd / target - 1) < 0.2, "sd \(sd) vs \(target)")
    }

    @Test("same divisor: trimming l frequencies uses K = m − l terms in both averages")
    func trimmingDivisor() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2), count: 1024, seed: 4)
        let pg = try SampleStatistics.periodogram(x)
        let e = try LocalWhittle.estimate(x, bandwidth: .count(60), trimming: 3)
        let values = Array(pg.values[3..<60]), freqs = Array(pg.frequencies[3..<60])
        // The reported objective equals R(d̂) with the divisor 57 in both sums, and d̂ is its minimiser.
        let r = try LocalWhittle.objective(d: e.d, periodogram: values, frequencies: freqs)
        #expect(abs(r - (e.objective ?? .nan)) < 1e-10)
        for delta in [-1e-3, 1e-3] {
            #expect(try LocalWhittle.objective(d: e.d + delta, periodogram: values, frequencies: freqs) > r)
        }
        #expect(abs(e.standardError - 1 / (2 * Double(57).squareRoot())) < 1e-15)
    }

    @Test("Velasco Φ: 1.05 (p = 2) and 1.00354 (p = 3) from the taper definition; Kolmogorov taper shape")
    func velascoConstants() {
        // Velasco (1999, p. 101) values as quoted by pyelw: Φ(2) = 1.05000, Φ(3) = 1.00354.
        #expect(abs(LocalWhittle.velascoVarianceFactor(order: 2) - 1.05) < 1e-5)
        #expect(abs(LocalWhittle.velascoVarianceFactor(order: 3) - 1.00354) < 1e-5)
        #expect(
            LocalWhittle.velascoVarianceFactor(order: 4) > 1 && LocalWhittle.velascoVarianceFactor(order: 4) < 1.001)
        // p = 2 is the triangle: for n = 9, L = 5, h ∝ (1, 2, 3, 4, 5, 4, 3, 2, 1).
        let h = LocalWhittle.kolmogorovTaper(count: 9, order: 2)
        #expect(TestSupport.maxAbsError(h, [1, 2, 3, 4, 5, 4, 3, 2, 1].map { $0 / 5 }) < 1e-15)
        // p = 3, n = 7: L = 3, coefficients of (1 + z + z²)³ = (1, 3, 6, 7, 6, 3, 1).
        let h3 = LocalWhittle.kolmogorovTaper(count: 7, order: 3)
        #expect(TestSupport.maxAbsError(h3, [1, 3, 6, 7, 6, 3, 1].map { $0 / 7 }) < 1e-15)
    }

    @Test("Velasco-tapered LW: s.e. √(pΦ/(4m)), every p-th frequency, recovers a λ^{−2d} spectrum approximately")
    func velascoEstimate() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.3), count: 3000, seed: 12)
        let e = try LocalWhittle.estimate(x, taper: .velasco)
        let m = Double(try #require(e.bandwidth))
        #expect(
            abs(e.standardError - (3 * LocalWhittle.velascoVarianceFactor(order: 3) / (4 * m)).squareRoot()) < 1e-15)
        #expect(abs(e.d - 0.3) < 4 * e.standardError)
        // The Kolmogorov taper of order 3 annihilates a quadratic trend at multiples of p when p | n.
        let trend = (1...3000).map { t -> Double in
            let u = Double(t) / 3000; return 50 * u - 30 * u * u
        }
        let withTrend = try LocalWhittle.estimate(zip(x, trend).map(+), taper: .velasco)
        #expect(abs(withTrend.d - e.d) < 1e-6, "\(withTrend.d) vs \(e.d)")
    }

    @Test("Hurvich–Chen periodogram equals the direct complex-taper sum; s.e. √(1.5/(4m))")
    func hurvichChen() throws {
        let y = try Simulation.arfima(ARFIMAModel(d: 0.1), count: 101, seed: 6)
        let n = y.count
        let (freqs, values) = LocalWhittle.hurvichChenPeriodogram(y, bandwidth: 49)
        for j in [1, 7, 30, 49] {
            // Direct: |Σ_t h_t y_t e^{iλ_j t}|²/(2π·n/2), h_t = ½(1 − e^{i2π(t − ½)/n}), t = 1…n.
            var s = Complex<Double>(0, 0)
            for t in 1...n {
                let theta = 2 * Double.pi * (Double(t) - 0.5) / Double(n)
                let h = Complex<Double>(0.5 - 0.5 * Double.cos(theta), -0.5 * Double.sin(theta))
                let lt = 2 * Double.pi * Double(j) * Double(t) / Double(n)
                s = s + h * Complex(y[t - 1] * Double.cos(lt), y[t - 1] * Double.sin(lt))
            }
            let direct = (s.real * s.real + s.imaginary * s.imaginary) / (Double.pi * Double(n))
            #expect(TestSupport.relativeError(values[j - 1], direct) < 1e-10, "j = \(j)")
            #expect(abs(freqs[j - 1] - 2 * Double.pi * (Double(j) + 0.5) / Double(n)) < 1e-15)
        }
        let x = try Simulation.arfima(ARFIMAModel(d: 0.3), count: 3000, seed: 12)
        let e = try LocalWhittle.estimate(x, taper: .hurvichChen(differences: 1))
        let m = Double(try #require(e.bandwidth))
        #expect(e.standardError == (1.5 / (4 * m)).squareRoot())  // LM21
        #expect(abs(e.d - 0.3) < 4 * e.standardError)
        // Differencing makes it invariant to a constant and, with the taper, nearly to a linear trend.
        let shifted = try LocalWhittle.estimate(x.map { $0 + 1e3 }, taper: .hurvichChen(differences: 1))
        #expect(abs(shifted.d - e.d) < 1e-9)
    }

    @Test("nonstationary d = 1.3 with the Hurvich–Chen taper (integrated FI(0.3))")
    func hurvichChenNonstationary() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.3), count: 4000, seed: 31)
        var c = 0.0
        let integrated = x.map { v -> Double in
            c += v; return c
        }
        let e = try LocalWhittle.estimate(integrated, taper: .hurvichChen(differences: 1))
        #expect(abs(e.d - 1.3) < 4 * e.standardError, "\(e.d)")
        let untapered = try LocalWhittle.estimate(integrated)
        #expect(untapered.notes.contains { $0.contains("3/4") })
    }
}
