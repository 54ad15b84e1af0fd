import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// The periodicity check of `rnnmem check` (`PeriodicityDetection`): its null distribution, its size by fixed-seed
/// Monte Carlo, and its power against a sinusoid.
@Suite("Verdict: periodicity check")
struct VerdictPeriodicityTests {
    /// Without slope error the tail is the F(2, 2K) one, (1 + x/K)^{−K} (closed form); it tends to e^{−x} as K grows,
    /// and a slope error (s > 0) only makes it heavier.
    @Test("exceedance: F(2, 2K) tail (1 + x/K)^(−K); heavier with slope error; → e^(−x) for large K")
    func exceedanceClosedForm() {
        #expect(abs(PeriodicityDetection.exceedance(10, neighbours: 16) - Double.pow(1 + 10.0 / 16, -16)) < 1e-15)
        #expect(abs(PeriodicityDetection.exceedance(10, neighbours: 1_000_000) - Double.exp(-10)) < 1e-8)
        #expect(
            PeriodicityDetection.exceedance(10, neighbours: 16, slopeSpread: 0.3)
                > PeriodicityDetection.exceedance(10, neighbours: 16))
        #expect(PeriodicityDetection.exceedance(0, neighbours: 16) == 1)
    }

    /// E_Z[(1 + x e^{sZ}/K)^{−K}] by the trapezoidal rule against a Monte Carlo average over 200 000 normal draws
    /// (fixed seed): the Monte Carlo s.e. of a mean of values in [0, 1] with this spread is below 2e-4 here.
    @Test("exceedance with slope error equals a Monte Carlo average of (1 + x·e^(sZ)/K)^(−K)")
    func exceedanceQuadrature() {
        var rng = TestSupport.rng(31)
        let (x, k, s) = (6.0, 16.0, 0.4)
        let draws = 200_000
        var sum = 0.0
        for _ in 0..<draws { sum += Double.pow(1 + x * Double.exp(s * rng.gaussian()) / k, -k) }
        let mc = sum / Double(draws)
        #expect(abs(PeriodicityDetection.exceedance(x, neighbours: 16, slopeSpread: s) - mc) < 1e-3)
    }

    /// Size: 100 white-noise and 100 FI(0.45) samples (n = 1024, fixed seeds 90000…). At the nominal family-wise 1%
    /// the count is Binomial(100, 0.01): P(count ≥ 5) = 0.003. (Measured with 400 samples: 0.5% for white noise,
    /// 0.25% for FI(0.45) — the pole at 0 is followed by the local power-law background, not flagged.)
    @Test("size: at most 4 detections in 100 white-noise and in 100 FI(0.45) samples (nominal 1%)")
    func size() throws {
        for model in [ARFIMAModel(d: 0), ARFIMAModel(d: 0.45)] {
            var hits = 0
            for r in 0..<100 {
                let x = try Simulation.arfima(model, count: 1024, seed: UInt64(90_000 + r))
                if try PeriodicityDetection.check(x).detected { hits += 1 }
            }
            #expect(hits <= 4, "d = \(model.d): \(hits) detections in 100")
        }
    }

    /// Power and location: x_t = 0.8·sin(2πt/11) + white noise, n = 300. The sinusoid adds up to n·A²/(8π) = 7.6 to
    /// the periodogram near j = 300/11 = 27.3 (split by leakage between j = 27 and 28) over a background of
    /// 1/(2π) = 0.16: a ratio of several tens, far beyond the family-wise 1% threshold (a ratio ≈ 12 at K = 16).
    @Test("a sinusoid of period 11 in white noise (n = 300) is found at j = 27, period 11.1, inside any band j ≤ 27")
    func sinusoid() throws {
        var rng = TestSupport.rng(7)
        let x = (1...300).map { 0.8 * Double.sin(2 * Double.pi * Double($0) / 11) + rng.gaussian() }
        let c = try PeriodicityDetection.check(x)
        #expect(c.detected)
        let peak = try #require(c.dominant)
        #expect(peak.index == 27)
        #expect(abs(peak.period - 300.0 / 27) < 1e-12)
        #expect(peak.familyPValue < 1e-4)
        #expect(c.peaks(withinBand: 27).count == 1)
        #expect(c.peaks(withinBand: 26).isEmpty)
        #expect(c.peaks.count == 1)  // j = 27 and its leakage into j = 28 are one peak
    }

    @Test("input errors: too short, constant, NaN, bad level")
    func inputErrors() {
        #expect(throws: LongMemoryError.self) { try PeriodicityDetection.check([Double](repeating: 1, count: 31)) }
        #expect(throws: LongMemoryError.constantSeries) {
            try PeriodicityDetection.check([Double](repeating: 1, count: 200))
        }
        var x = (0..<200).map { Double($0 % 7) }
        x[10] = .nan
        #expect(throws: LongMemoryError.nonFinite(index: 10)) { try PeriodicityDetection.check(x) }
        #expect(throws: LongMemoryError.self) {
            try PeriodicityDetection.check((0..<200).map { Double($0 % 7) }, familyLevel: 0.7)
        }
    }
}
