import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

@Suite("Heuristic estimators: R/S, DFA, aggregated variance")
struct EstimatorHeuristicTests {
    @Test("LM24: nolds-compatible R/S of brown72 is H = 0.72 ± 0.01 (0.7270208 with nolds 0.6.3's rs logic)")
    func brown72RescaledRange() throws {
        let x = try EstimatorTestData.brown72()
        #expect(x.count == 1024)
        let e = try RescaledRange.noldsCompatible(x)
        let h = try #require(e.hurst)
        #expect(abs(h - 0.72) < 0.01)  // nolds test_measures.py, test_hurst_pracma
        // nolds 0.6.3: hurst_rs(brown72, fit="poly", corrected=False, unbiased=False, nvals=2**arange(3,11))
        // = 0.7270207828510894.
        #expect(abs(h - 0.7270207828510894) < 1e-10)
        #expect(e.scales == [8, 16, 32, 64, 128, 256, 512, 1024])
        #expect(abs(e.d - (h - 0.5)) < 1e-15)
        // Anis–Lloyd–Peters corrected, unbiased s.d., same sizes: 0.6738514127380164 (numpy, exact Gamma ratio;
        // nolds, which replaces the ratio by 1/√(sπ/2) beyond s = 340, gives 0.674065).
        let c = try RescaledRange.estimate(x, blockSizes: [8, 16, 32, 64, 128, 256, 512, 1024])
        #expect(abs((c.hurst ?? 0) - 0.6738514127380164) < 1e-10)
    }

    @Test("Anis–Lloyd–Peters expectation: s = 2 → 0.75, s = 3 → 1.1253954, s = 10 → 2.8721645")
    func expectedRescaledRange() {
        // s = 2: (1.5/2)·Γ(½)/(√π Γ(1))·1 = 0.75; s = 3: (2.5/3)·(2/π)·(√2 + √½); s = 10 evaluated with numpy.
        #expect(abs(RescaledRange.expectedRescaledRange(blockSize: 2) - 0.75) < 1e-14)
        #expect(
            abs(
                RescaledRange.expectedRescaledRange(blockSize: 3) - 2.5 / 3 * 2 / Double.pi
                    * (2.0.squareRoot() + 0.5.squareRoot())) < 1e-14)
        #expect(abs(RescaledRange.expectedRescaledRange(blockSize: 10) - 2.8721645322376443) < 1e-12)
        #expect(abs(RescaledRange.expectedRescaledRange(blockSize: 400) - 23.915879943622386) < 1e-10)
    }

    @Test("R/S is deterministic: same input, same bits")
    func rescaledRangeDeterministic() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.3), count: 3000, seed: 1)
        let a = try RescaledRange.estimate(x)
        let b = try RescaledRange.estimate(x)
        #expect(a == b)
        #expect(a.d.bitPattern == b.d.bitPattern)
        #expect(a.method == .rescaledRange && a.hurstDefinition?.contains("Anis–Lloyd–Peters") == true)
    }

    @Test("DFA matches nolds on brown72 (non-overlapping: 0.7203961654514732) and a numpy half-overlap reference")
    func brown72DFA() throws {
        let x = try EstimatorTestData.brown72()
        // nolds.dfa default sizes logarithmic_n(4, 0.1·1024, 1.2):
        let sizes = [4, 5, 6, 8, 9, 11, 14, 17, 20, 24, 29, 35, 42, 51, 61, 73, 88]
        #expect(DFA.defaultWindowSizes(n: 1024) == sizes)
        // nolds 0.6.3 dfa(brown72, overlap=False, fit_exp="poly") = 0.7203961654514732.
        let non = try DFA.estimate(x, windowSizes: sizes, placement: .nonOverlapping)
        #expect(abs((non.hurst ?? 0) - 0.7203961654514732) < 1e-10)
        // Half-overlapping windows starting at 0, ⌊s/2⌋, … while they fit (numpy polyfit reimplementation):
        // 0.7348686160889126 (nolds, which drops the window ending at n, gives 0.7348498).
        let half = try DFA.estimate(x, windowSizes: sizes)
        #expect(abs((half.hurst ?? 0) - 0.7348686160889126) < 1e-10)
        // DFA-2 with sizes from 5: 0.7409525256965691 (numpy).
        let q2 = try DFA.estimate(x, order: 2, windowSizes: Array(sizes.dropFirst()))
        #expect(abs((q2.hurst ?? 0) - 0.7409525256965691) < 1e-10)
    }

    @Test("DFA α of white noise ≈ 0.5; of a random walk ≈ 1.5")
    func dfaWhiteNoise() throws {
        var rng = SeededRandom(seed: 123)
        let x = rng.gaussians(8192)
        let e = try DFA.estimate(x)
        // Over 8 seeds at n = 8192 the DFA-1 α of white noise has sd ≈ 0.02 (its own OLS s.e. is smaller).
        #expect(abs((e.hurst ?? 0) - 0.5) < 0.06, "α = \(e.hurst ?? .nan)")
        var c = 0.0
        let walk = x.map { v -> Double in
            c += v; return c
        }
        let w = try DFA.estimate(walk)
        #expect(abs((w.hurst ?? 0) - 1.5) < 0.08, "α = \(w.hurst ?? .nan)")
        #expect(w.notes.contains { $0.contains("α > 1") })
    }

    @Test("aggregated variance of white noise: d ≈ 0; Var of block means exactly for a hand example")
    func aggregatedVariance() throws {
        // x = (1, 3, 2, 6, 0, 4): block size 2 → means (2, 4, 2), variance 4/3; size 3 → (2, 10/3), variance 8/9.
        let pts = AggregatedVariance.points([1, 3, 2, 6, 0, 4], blockSizes: [2, 3])
        #expect(pts.count == 2)
        #expect(abs(pts[0].value - 4.0 / 3.0) < 1e-14 && abs(pts[1].value - 8.0 / 9.0) < 1e-14)
        var rng = SeededRandom(seed: 9)
        let e = try AggregatedVariance.estimate(rng.gaussians(8192))
        #expect(abs(e.d) < 0.08, "d = \(e.d)")
        #expect(abs((e.hurst ?? 0) - (e.d + 0.5)) < 1e-15)
    }
}
