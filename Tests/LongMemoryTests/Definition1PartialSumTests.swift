import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// The Definition-1 diagnostic (growth of Σ_{k≤K}|ρ(k)|): validation targets LM11 (theoretical ACFs) and LM12 (sample
/// ACFs), plus the behaviour the caveats describe.
@Suite("Definition-1 partial-sum diagnostic")
struct Definition1PartialSumTests {
    @Test("LM11: FI(0.4) partial sums 34.04, 211.38, 1330.60 and slope 0.80 ± 0.02 on [10², 10⁴]")
    func fractionalNoiseLM11() throws {
        let diag = try PartialSumDiagnostics.fractionalNoise(d: 0.4)
        #expect(diag.source == .theoretical && diag.kind == .absolute && diag.maxLag == 10_000)
        #expect(diag.fitLower == 100 && diag.fitUpper == 10_000)
        func value(at k: Int) -> Double? { diag.lags.firstIndex(of: k).map { diag.partialSums[$0] } }
        // LM11 (formula; 2 decimals): Σ_{k=0}^{K} ρ(k) = 34.04 (K = 10²), 211.38 (10³), 1330.60 (10⁴); tolerance 0.01.
        #expect(abs((value(at: 100) ?? 0) - 34.04) < 0.01)
        #expect(abs((value(at: 1000) ?? 0) - 211.38) < 0.01)
        #expect(abs((value(at: 10_000) ?? 0) - 1330.60) < 0.01)
        #expect(abs(diag.slope - 0.80) < 0.02, "slope \(diag.slope)")
        #expect(abs(diag.impliedD - 0.40) < 0.01)
        #expect(diag.standardError > 0 && diag.standardError < 0.02)
        #expect(diag.growth == .growing)
        // Independent check of one value: Σ_{k=0}^{100} ρ(k) with ρ(k) = Γ(k+d)Γ(1−d)/(Γ(k−d+1)Γ(d)) by log-Gamma.
        var s = 0.0
        for k in 0...100 { s += try Autocovariance.fractionalNoiseCorrelationGammaForm(d: 0.4, lag: k) }
        #expect(abs((value(at: 100) ?? 0) - s) < 1e-9)
    }

    @Test("LM11: AR(1) φ = 0.9 sums tend to 1/(1 − φ) = 10, slope < 0.05 on [10³, 10⁴]")
    func ar1LM11() throws {
        let diag = try PartialSumDiagnostics.arfima(ARFIMAModel(d: 0, ar: [0.9]), fitRange: 1000...10_000)
        #expect(abs((diag.partialSums.last ?? 0) - 10) < 1e-9)
        #expect(diag.slope < 0.05 && diag.slope > -0.05)
        #expect(diag.growth == .bounded)
        // Same from an explicit geometric ACF: Σ_{k=0}^{K} 0.9^k = (1 − 0.9^{K+1})/0.1.
        let rho = (0...200).map { Double.pow(0.9, Double($0)) }
        let d2 = try PartialSumDiagnostics.theoretical(acvf: rho, label: "AR(1)")
        for (k, s) in zip(d2.lags, d2.partialSums) {
            #expect(abs(s - (1 - Double.pow(0.9, Double(k + 1))) / 0.1) < 1e-12)
        }
    }

    @Test("Antipersistent FI(−0.3): absolute sums are bounded (Σ|ρ| < ∞), signed sums tend to 0")
    func antipersistent() throws {
        let g = try Autocovariance.fractionalNoise(d: -0.3, lags: 10_000)
        let abs = try PartialSumDiagnostics.theoretical(acvf: g, label: "FI(-0.3)")
        #expect(abs.slope < 0.05 && abs.growth == .bounded)
        let signed = try PartialSumDiagnostics.theoretical(acvf: g, label: "FI(-0.3)", kind: .signed)
        // Σ_{k∈Z} ρ(k) = 0 for d < 0, so Σ_{k=0}^{K} ρ(k) → ½ from above, like K^{2d}; points with S ≤ 0 would be dropped.
        #expect((signed.partialSums.last ?? 0) > 0.5 && (signed.partialSums.last ?? 1) < 0.52)
        #expect(signed.caveats.contains { $0.contains("negative values") })
    }

    @Test("LM12: Σ_{k=1}^{n−1} ρ̂(k) = −½ exactly, reported by the sample diagnostic")
    func sampleIdentityLM12() throws {
        var rng = TestSupport.rng(12)
        for n in [80, 257, 1000] {
            let x = rng.gaussians(n).enumerated().map { $0.element + 0.01 * Double($0.offset) }
            let diag = try PartialSumDiagnostics.sample(x)
            #expect(abs((diag.fullSampleSum ?? 0) + 0.5) < 1e-12, "n = \(n): \(diag.fullSampleSum ?? .nan)")
            #expect(diag.maxLag == n / 10 && diag.n == n)
            #expect(diag.caveats.contains { $0.contains("−½ exactly") })
        }
        // Identity directly from the sample ACF.
        let x = try Simulation.arfima(ARFIMAModel(d: 0.4), count: 999, seed: 3)
        let rho = try SampleStatistics.autocorrelation(x, maxLag: 998)
        #expect(abs(rho.dropFirst().reduce(0, +) + 0.5) < 1e-12)
    }

    @Test("Sample diagnostic: FI(0.4) grows, white noise does not; absolute sums accumulate noise (the caveat)")
    func sampleBehaviour() throws {
        let n = 20_000
        let fi = try Simulation.arfima(ARFIMAModel(d: 0.4), count: n, seed: 21)
        let dFI = try PartialSumDiagnostics.sample(fi)
        #expect(dFI.fitLower == 45 && dFI.fitUpper == 2000)
        // The slope is biased far below 2d = 0.8 on samples (mean-correction bias of ρ̂, −O(n^{2d−1}) ≈ −0.14·c at
        // n = 2·10⁴; observed 0.32 ± 0.04 for this seed), but clearly positive — the caveat the output carries.
        #expect(dFI.slope > 0.2 && dFI.slope < 0.8, "FI(0.4) sample slope \(dFI.slope)")
        #expect(dFI.growth == .growing)
        let wn = try Simulation.arfima(ARFIMAModel(d: 0), count: n, seed: 22)
        let dWN = try PartialSumDiagnostics.sample(wn)
        #expect(abs(dWN.slope) < 0.1, "white-noise signed slope \(dWN.slope)")
        #expect(dWN.growth != .growing)
        // Absolute sums of white-noise sample autocorrelations grow like 1 + K√(2/(πn)) (≈ 12 at K = 2000): a
        // spurious slope, which is why the sample default is the signed sum.
        let dWNabs = try PartialSumDiagnostics.sample(wn, kind: .absolute)
        let expected = 1 + 2000 * (2 / (Double.pi * Double(n))).squareRoot()
        #expect(abs((dWNabs.partialSums.last ?? 0) - expected) < 0.15 * expected)
        #expect(dWNabs.slope > 0.3)
        #expect(dWNabs.caveats.contains { $0.contains("grow without any memory") })
    }

    @Test("Caveats and curve shape in the output")
    func caveatsAndCurve() throws {
        let diag = try PartialSumDiagnostics.fractionalNoise(d: 0.2, maxLag: 1000)
        #expect(diag.caveats.contains { $0.contains("indicative") })
        #expect(diag.caveats.contains { $0.contains("Definition 1") })
        #expect(diag.lags.first == 1 && diag.lags.last == 1000)
        #expect(zip(diag.lags, diag.lags.dropFirst()).allSatisfy { $0 < $1 })
        #expect(zip(diag.partialSums, diag.partialSums.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(diag.fitPoints >= 10)
    }

    @Test("Bad input: short series, K > n/10, bad fit range, constant")
    func badInput() {
        #expect(throws: LongMemoryError.self) { try PartialSumDiagnostics.sample((0..<50).map(Double.init)) }
        let x = (0..<500).map { Double.sin(Double($0)) }
        #expect(throws: LongMemoryError.self) { try PartialSumDiagnostics.sample(x, maxLag: 51) }
        #expect(throws: LongMemoryError.self) { try PartialSumDiagnostics.sample(x, fitRange: 10...60) }
        #expect(throws: LongMemoryError.constantSeries) {
            try PartialSumDiagnostics.sample([Double](repeating: 1, count: 200))
        }
        #expect(throws: LongMemoryError.self) { try PartialSumDiagnostics.fractionalNoise(d: 0.6) }
        #expect(throws: LongMemoryError.self) {
            try PartialSumDiagnostics.theoretical(acvf: [0, 1, 1, 1], label: "bad")
        }
    }
}
