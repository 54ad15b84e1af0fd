import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// Limit laws of Lo's modified R/S (range of a Brownian bridge) and of V/S (variance of a Brownian bridge).
/// Reference quantiles: validation target LM23 (3 decimals, computed from the limit CDFs) and mpmath at 30 digits
/// (scripts/reference/memory_tests_references.py).
@Suite("Brownian-bridge laws")
struct TestBrownianBridgeLawsTests {
    @Test("Range law: LM23 quantiles to 1e-3 and mpmath quantiles to 1e-9")
    func rangeQuantiles() throws {
        // LM23 (Lo 1991): 0.5% 0.721, 2.5% 0.809, 5% 0.861, 10% 0.927, 90% 1.620, 95% 1.747, 97.5% 1.862,
        // 99.5% 2.098. mpmath (30 digits) in the second column.
        let table: [(p: Double, lm23: Double, mpmath: Double)] = [
            (0.005, 0.721, 0.72121853290821), (0.025, 0.809, 0.809460996248186), (0.05, 0.861, 0.861305362564831),
            (0.10, 0.927, 0.927462986575963), (0.90, 1.620, 1.61960348409318), (0.95, 1.747, 1.74725994585063),
            (0.975, 1.862, 1.86242850777681), (0.995, 2.098, 2.0977352114605),
        ]
        for row in table {
            let q = try BrownianBridgeRange.quantile(row.p)
            #expect(abs(q - row.lm23) < 1e-3, "p = \(row.p): \(q)")
            #expect(abs(q - row.mpmath) < 1e-9, "p = \(row.p): \(q)")
        }
    }

    @Test("Range law: CDF values, dual and direct series agree, density is F′")
    func rangeCDF() throws {
        // mpmath: F(0.5) = 5.29480788134443e-7, F(1) = 0.177923355643071, F(2) = 0.989936121161329.
        #expect(TestSupport.relativeError(BrownianBridgeRange.cdf(0.5), 5.29480788134443e-7) < 1e-10)
        #expect(abs(BrownianBridgeRange.cdf(1) - 0.177923355643071) < 1e-13)
        #expect(abs(BrownianBridgeRange.cdf(2) - 0.989936121161329) < 1e-13)
        for v in stride(from: 0.6, through: 1.6, by: 0.1) {
            #expect(abs(BrownianBridgeRange.cdfDual(v) - BrownianBridgeRange.cdfDirect(v)) < 1e-14, "v = \(v)")
            #expect(abs(BrownianBridgeRange.cdf(v) + BrownianBridgeRange.survival(v) - 1) < 1e-14)
            let h = 1e-5
            let fd = (BrownianBridgeRange.cdf(v + h) - BrownianBridgeRange.cdf(v - h)) / (2 * h)
            #expect(abs(BrownianBridgeRange.density(v) - fd) < 1e-8, "v = \(v)")
        }
        // Density continuous across the switch point v = 1 (dual below, direct above).
        #expect(abs(BrownianBridgeRange.density(1 - 1e-12) - BrownianBridgeRange.density(1)) < 1e-10)
        #expect(
            BrownianBridgeRange.cdf(0) == 0 && BrownianBridgeRange.cdf(-1) == 0
                && BrownianBridgeRange.cdf(.infinity) == 1)
        // Upper tail without cancellation: 1 − F(6) = 2(4·36 − 1)e^{−72} (next term ∝ e^{−288}).
        #expect(TestSupport.relativeError(BrownianBridgeRange.survival(6), 286 * Double.exp(-72)) < 1e-13)
    }

    @Test("Range law: mean √(π/2) and variance π²/6 − π/2 by numerical integration")
    func rangeMoments() throws {
        // E V = ∫₀^∞ (1 − F(v)) dv = √(π/2); E V² = ∫₀^∞ 2v(1 − F(v)) dv = π²/6 (Feller 1951).
        var mean = 0.0, second = 0.0
        var a = 0.0
        while a < 8 {
            mean += try Quadrature.gaussLegendre({ BrownianBridgeRange.survival($0) }, from: a, to: a + 0.25)
            second += try Quadrature.gaussLegendre({ 2 * $0 * BrownianBridgeRange.survival($0) }, from: a, to: a + 0.25)
            a += 0.25
        }
        #expect(abs(mean - (Double.pi / 2).squareRoot()) < 1e-12)
        #expect(abs(mean - BrownianBridgeRange.mean) < 1e-12)
        #expect(abs(second - Double.pi * Double.pi / 6) < 1e-12)
        // The density integrates to 1.
        var total = 0.0
        a = 0
        while a < 8 {
            total += try Quadrature.gaussLegendre({ BrownianBridgeRange.density($0) }, from: a, to: a + 0.25)
            a += 0.25
        }
        #expect(abs(total - 1) < 1e-12)
    }

    @Test("Variance law: LM23 upper critical values and mpmath quantiles")
    func varianceQuantiles() throws {
        // LM23: 10% 0.1518, 5% 0.1869, 1% 0.2684 (upper). mpmath: 0.151759234571709, 0.18688002468733,
        // 0.268415887113124; lower tail 2.5% 0.0234062003776305, 5% 0.0273562075203297.
        let upper: [(p: Double, lm23: Double, mpmath: Double)] = [
            (0.90, 0.1518, 0.151759234571709), (0.95, 0.1869, 0.18688002468733), (0.99, 0.2684, 0.268415887113124),
        ]
        for row in upper {
            let q = try BrownianBridgeVariance.quantile(row.p)
            #expect(abs(q - row.lm23) < 1e-3)
            #expect(abs(q - row.lm23) < 1e-4, "4-decimal table value at p = \(row.p): \(q)")
            #expect(abs(q - row.mpmath) < 1e-10)
        }
        #expect(abs(try BrownianBridgeVariance.quantile(0.025) - 0.0234062003776305) < 1e-10)
        #expect(abs(try BrownianBridgeVariance.quantile(0.05) - 0.0273562075203297) < 1e-10)
        // mpmath: G(0.05) = 0.292899651842241, G(0.1) = 0.722922389808527 (either side of the switch point 0.1).
        #expect(abs(BrownianBridgeVariance.cdf(0.05) - 0.292899651842241) < 1e-13)
        #expect(abs(BrownianBridgeVariance.cdf(0.1) - 0.722922389808527) < 1e-13)
        for x in stride(from: 0.04, through: 0.3, by: 0.02) {
            #expect(abs(BrownianBridgeVariance.cdfDual(x) - (1 - BrownianBridgeVariance.survivalDirect(x))) < 1e-14)
        }
    }

    @Test("Variance law: mean 1/12 by numerical integration")
    func varianceMean() throws {
        var mean = 0.0
        var a = 0.0
        while a < 3 {
            mean += try Quadrature.gaussLegendre({ BrownianBridgeVariance.survival($0) }, from: a, to: a + 0.05)
            a += 0.05
        }
        #expect(abs(mean - 1.0 / 12) < 1e-12)
    }

    @Test("Quantile arguments are validated")
    func quantileErrors() {
        #expect(throws: LongMemoryError.self) { try BrownianBridgeRange.quantile(0) }
        #expect(throws: LongMemoryError.self) { try BrownianBridgeRange.quantile(1) }
        #expect(throws: LongMemoryError.self) { try BrownianBridgeVariance.quantile(.nan) }
    }
}
