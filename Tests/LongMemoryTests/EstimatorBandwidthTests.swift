import Foundation
import Testing
import _TestSupport
@testable import LongMemory
import MemoryNumerics

@Suite("Bandwidths: fixed rules and the plug-in rule")
struct EstimatorBandwidthTests {
    @Test("⌊n^α⌋ survives exact powers; limits ⌊(n − 1)/2⌋")
    func fixedRules() throws {
        #expect(Bandwidth.floorPower(10_000, 0.5) == 100)
        #expect(Bandwidth.floorPower(4096, 0.65) == 222)  // LM22
        #expect(Bandwidth.floorPower(1 << 20, 0.5) == 1024)
        #expect(Bandwidth.maximum(n: 100) == 49)
        #expect(Bandwidth.maximum(n: 101) == 50)
        let x = try Simulation.arfima(ARFIMAModel(d: 0), count: 100, seed: 1)
        #expect(throws: LongMemoryError.self) { try LocalWhittle.estimate(x, bandwidth: .count(50)) }
        #expect(throws: LongMemoryError.self) { try LocalWhittle.estimate(x, bandwidth: .count(2)) }
        #expect(throws: LongMemoryError.self) { try GPH.estimate(x, bandwidth: .exponent(1.2)) }
        #expect(try LocalWhittle.estimate(x, bandwidth: .count(49)).bandwidth == 49)
    }

    @Test("plug-in constants: (3/(4π))^{4/5} for LW, (27/(512π²))^{1/5} = HDB's (27/(128π²))^{1/5}·2^{−2/5} for GPH")
    func constants() {
        // (3/(4π))^0.8 = 0.3179282449
        #expect(abs(BandwidthSelection.constant(for: .localWhittle) - 0.317_928_245) < 1e-9)
        let hdb = Double.exp(0.2 * Double.log(27 / (128 * Double.pi * Double.pi)))
        #expect(
            abs(BandwidthSelection.constant(for: .gewekePorterHudak) - hdb * Double.exp(-0.4 * Double.log(2))) < 1e-14)
        // m_opt = C·|b|^{−2/5}·n^{4/5}: for b = −2 (AR(1), φ = ½), n = 10⁵ (n^{4/5} = 10⁴), LW: 0.3183·2^{−0.4}·10⁴.
        let m = BandwidthSelection.optimalBandwidth(n: 100_000, secondOrderCoefficient: -2, target: .localWhittle)
        #expect(abs(m - 0.3179282449 * Double.exp(-0.4 * Double.log(2)) * 10_000) < 1e-5)
        #expect(
            BandwidthSelection.optimalBandwidth(n: 1000, secondOrderCoefficient: 0, target: .gewekePorterHudak)
                == .infinity)
    }

    @Test("the optimal-m formula minimises the asymptotic MSE (bias −(4π²/9)·b·(m/n)², variance 1/(4m))")
    func formulaMinimisesMSE() {
        let n = 50_000.0, b = -1.3
        func mse(_ m: Double) -> Double {
            let bias = -(4 * Double.pi * Double.pi / 9) * b * (m / n) * (m / n)
            return bias * bias + 1 / (4 * m)
        }
        let mopt = BandwidthSelection.optimalBandwidth(n: 50_000, secondOrderCoefficient: b, target: .localWhittle)
        #expect(mse(mopt) < mse(mopt * 0.98) && mse(mopt) < mse(mopt * 1.02))
        func mseGPH(_ m: Double) -> Double {
            let bias = -(4 * Double.pi * Double.pi / 9) * b * (m / n) * (m / n)
            return bias * bias + Double.pi * Double.pi / (24 * m)
        }
        let mg = BandwidthSelection.optimalBandwidth(n: 50_000, secondOrderCoefficient: b, target: .gewekePorterHudak)
        #expect(mseGPH(mg) < mseGPH(mg * 0.98) && mseGPH(mg) < mseGPH(mg * 1.02))
    }

    @Test("plug-in on ARFIMA(1, 0.2, 0), φ = 0.6: b̂ < 0, m within a factor 2 of the infeasible optimum, LW near 0.2")
    func plugInAR() throws {
        // f ∝ λ^{−2d}/(1 − 2φ cos λ + φ²) ≈ G λ^{−2d}(1 + bλ²) with b = −φ/(1 − φ)² = −3.75 (+ d/12 from λ vs 2 sin(λ/2)).
        let n = 16_384
        let x = try Simulation.arfima(ARFIMAModel(d: 0.2, ar: [0.6]), count: n, seed: 606)
        let sel = try BandwidthSelection.plugIn(x, target: .localWhittle)
        #expect(sel.secondOrderCoefficient < 0)
        let ideal = BandwidthSelection.optimalBandwidth(
            n: n, secondOrderCoefficient: -3.75 + 0.2 / 12, target: .localWhittle)
        #expect(
            Double(sel.bandwidth) > ideal / 2 && Double(sel.bandwidth) < ideal * 2,
            "m = \(sel.bandwidth), ideal \(ideal)")
        let e = try LocalWhittle.estimate(x, bandwidth: .plugIn)
        #expect(e.bandwidth == sel.bandwidth)
        #expect(abs(e.d - 0.2) < 4 * e.standardError + 0.05, "d̂ = \(e.d)")
        // A wide band (m = ⌊n^0.8⌋ = 2352 ≫ m_opt) is biased upward by the AR part (leading bias ≈ +0.3).
        let wide = try LocalWhittle.estimate(x, bandwidth: .exponent(0.8))
        #expect(wide.d > e.d + 0.1, "wide \(wide.d), plug-in \(e.d)")
        let g = try GPH.estimate(x, bandwidth: .plugIn)
        #expect(g.tuningDescription.contains("plug-in"))
    }

    @Test("white noise: b̂ unresolved → m = pilot band L = ⌊n^0.8⌋, with a note")
    func plugInWhiteNoise() throws {
        var clamped = 0
        for seed in 1...6 {
            var rng = SeededRandom(seed: UInt64(seed))
            let sel = try BandwidthSelection.plugIn(rng.gaussians(4096), target: .gewekePorterHudak)
            #expect(sel.pilotBandwidth == 776)  // ⌊4096^0.8⌋
            #expect(sel.bandwidth <= 776)
            if sel.bandwidth == 776 {
                clamped += 1
                #expect(!sel.notes.isEmpty)
            }
        }
        // |b̂| < 2 s.e. has probability ≈ 95% per seed when b = 0.
        #expect(clamped >= 4)
    }
}
