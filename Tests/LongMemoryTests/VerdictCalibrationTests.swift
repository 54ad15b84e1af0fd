import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// A reduced run of the calibration study (Benchmarks/Sources/rnnmem-calibrate; the full study is the benchmark
/// recorded in Benchmarks/results/calibration-latest.md): the same processes, streams and code path, at n = 256
/// with 48 fixed-seed series per process (small, so that it runs in the default suite). The bounds sit well inside
/// the shares the study measures at n = 500 and below what these 48 series give under rule 2, so they fail only
/// when a rule change drops a target by a clear margin (the binomial s.e. of a share near 0.9 over 48 series is
/// 0.04).
@Suite("Verdict: reduced calibration run")
struct VerdictCalibrationTests {
    static func tally(_ process: CalibrationProcess, index: Int, n: Int = 256, seeds: Int = 48) throws -> VerdictTally {
        let acvf = try process.autocovariance(count: n)
        var t = VerdictTally()
        for r in 0..<seeds {
            var rng = VerdictCalibration.generator(seed: 20_261_207, processIndex: index, length: n, replication: r)
            if let report = VerdictCalibration.report(process, acvf: acvf, length: n, rng: &rng) {
                t.add(report.verdict, step: report.decision.step)
            } else {
                t.addFailure()
            }
        }
        return t
    }

    @Test("white noise → short memory in ≥ 85% of 48 series (n = 256)")
    func whiteNoise() throws {
        let t = try Self.tally(.whiteNoise, index: 0)
        #expect(t.failures == 0)
        #expect(t.share(.shortMemory) >= 0.85, "short \(t.share(.shortMemory)), steps \(t.inconclusiveSteps)")
        #expect(t.share(.longMemory) <= 0.05)
    }

    @Test("FI(0.3) → long memory in ≥ 85%; never nonstationary (n = 256)")
    func fractional() throws {
        let t = try Self.tally(.fractional(d: 0.3), index: 7)
        #expect(t.share(.longMemory) >= 0.85, "long \(t.share(.longMemory)), steps \(t.inconclusiveSteps)")
        #expect(t.share(.nonstationary) == 0)
    }

    @Test("random walk → nonstationary in ≥ 90%; FI(−0.3) → antipersistent in ≥ 75% (n = 256)")
    func nonstationaryAndAntipersistent() throws {
        #expect(try Self.tally(.randomWalk, index: 11).share(.nonstationary) >= 0.9)
        let t = try Self.tally(.fractional(d: -0.3), index: 10)
        #expect(t.share(.antipersistent) >= 0.75, "antipersistent \(t.share(.antipersistent))")
    }

    @Test("one level shift of 1 s.d. → long memory in ≤ 35% (n = 256; the tests against spurious memory act)")
    func levelShift() throws {
        let t = try Self.tally(.levelShifts(count: 1, size: 1), index: 12)
        #expect(t.share(.longMemory) <= 0.35, "long \(t.share(.longMemory)), steps \(t.inconclusiveSteps)")
        #expect((t.inconclusiveSteps[6] ?? 0) >= 20)
    }
}
