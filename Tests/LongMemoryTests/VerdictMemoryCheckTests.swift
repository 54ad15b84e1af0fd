import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// `MemoryCheck.run` end to end on exact Davies–Harte samples (fixed seeds) and on simple deterministic inputs.
/// n = 4096: s.e. of LW/ELW 1/(2√m) = 0.022 at m = ⌊4096^0.65⌋ = 222, of the FI(d) Whittle 0.0122 — the verdicts
/// below are far from the rule's thresholds (d = 0.4 is 18 s.e. from 0).
@Suite("Verdict: MemoryCheck on simulated series")
struct VerdictMemoryCheckTests {
    static func sample(_ model: ARFIMAModel, n: Int = 4096, seed: UInt64) throws -> [Double] {
        try Simulation.arfima(model, count: n, seed: seed)
    }

    @Test("FI(0.4) → long memory; every primary d̂ within 4 s.e. of 0.4; m = 222")
    func fractionalNoise() throws {
        let r = try MemoryCheck.run(try Self.sample(ARFIMAModel(d: 0.4), seed: 101))
        #expect(r.verdict == .longMemory)
        for m in [EstimationMethod.exactLocalWhittle, .localWhittle, .whittle] {
            let e = try #require(r.evidence.estimate(m))
            #expect(abs(e.d - 0.4) < 4 * e.standardError, "\(m): d̂ = \(e.d)")
        }
        #expect(r.evidence.estimate(.localWhittle)?.bandwidth == 222)
        #expect(r.evidence.tests.filter { $0.method == .wald }.count == 3)
        #expect(r.evidence.failedEstimates.isEmpty && r.evidence.failedTests.isEmpty)
        #expect(r.evidence.definition1?.growth == .growing)
        #expect(r.spectralFit?.bandwidth == 222)
    }

    @Test("white noise → short memory; FI(−0.3) → antipersistent; a random walk → nonstationary")
    func otherClasses() throws {
        #expect(try MemoryCheck.run(try Self.sample(ARFIMAModel(d: 0), seed: 202)).verdict == .shortMemory)
        #expect(try MemoryCheck.run(try Self.sample(ARFIMAModel(d: -0.3), seed: 303)).verdict == .antipersistent)
        var walk = try Self.sample(ARFIMAModel(d: 0), n: 2000, seed: 404)
        for t in 1..<walk.count { walk[t] += walk[t - 1] }
        let r = try MemoryCheck.run(walk)
        #expect(r.verdict == .nonstationary)
        #expect(abs((r.decision.headline?.d ?? 0) - 1) < 0.15)  // ELW is consistent at d = 1: 4.5 s.e. of 0.033
    }

    /// m = ⌊1000^0.65⌋ = 89. A period-20 cycle puts its peak at j = 50, inside the band: inconclusive at step 2. A
    /// period-11 cycle peaks at j = 91, outside: the verdict stands (white noise: short memory) and the cycle is a
    /// caveat.
    @Test("white noise plus a cycle: inside the band j ≤ 89 → inconclusive (step 2); outside → caveat only")
    func periodicity() throws {
        let noise = try Self.sample(ARFIMAModel(d: 0), n: 1000, seed: 505)
        let inside = try MemoryCheck.run(
            noise.enumerated().map { $0.element + 0.6 * Double.sin(2 * Double.pi * Double($0.offset) / 20) })
        #expect(inside.verdict == .inconclusive)
        #expect(inside.decision.step == 2)
        #expect(inside.evidence.periodicity?.dominant?.index == 50)
        let outside = try MemoryCheck.run(
            noise.enumerated().map { $0.element + 0.6 * Double.sin(2 * Double.pi * Double($0.offset) / 11) })
        #expect(outside.evidence.periodicity?.dominant?.index == 91)
        #expect(outside.verdict == .shortMemory)
        #expect(outside.decision.caveats.contains { $0.hasPrefix("periodic component at period") })
    }

    @Test("input errors: fewer than 100 values, constant, NaN")
    func inputErrors() {
        let short = (0..<99).map { Double($0 % 5) }
        #expect(
            throws: LongMemoryError.seriesTooShort(length: 99, needed: 100, purpose: "rnnmem check (a memory verdict)")
        ) {
            try MemoryCheck.run(short)
        }
        #expect(throws: LongMemoryError.constantSeries) { try MemoryCheck.run([Double](repeating: 3, count: 500)) }
        var x = (0..<500).map { Double($0 % 5) }
        x[7] = .nan
        #expect(throws: LongMemoryError.nonFinite(index: 7)) { try MemoryCheck.run(x) }
    }

    /// ACF decay fit on an exact geometric ACF: an AR(1) with φ = 0.9 has ρ(k) = 0.9^k, and on a long sample the
    /// exponential fit's time scale is near −1/log 0.9 = 9.49 and fits better than a power law.
    @Test("ACF decay: AR(1) φ = 0.9 (n = 20000) → exponential fits better, τ within 25% of 9.49")
    func acfDecay() throws {
        let x = try Self.sample(ARFIMAModel(d: 0, ar: [0.9]), n: 20_000, seed: 606)
        let a = try ACFDecayFit.fit(x)
        #expect(a.closerFit == "exponential")
        let tau = try #require(a.exponentialTimeScale)
        #expect(abs(tau / (-1 / Double.log(0.9)) - 1) < 0.25, "τ = \(tau)")
        #expect(a.fitLags.first == 1)
        #expect(a.fitLags.allSatisfy { $0 <= a.fitUpper })
    }

    /// White noise (N(0, 1), fixed seed) plus a level shift of 1 s.d. after t = 1000, n = 2000.
    static func shifted(seed: UInt64) throws -> [Double] {
        var x = try Self.sample(ARFIMAModel(d: 0), n: 2000, seed: seed)
        for t in 1000..<x.count { x[t] += 1 }
        return x
    }

    @Test("white noise + a 1 s.d. level shift (n = 2000): inconclusive, 'structural break or long memory', names Qu")
    func levelShift() throws {
        var steps: [Int] = []
        for seed: UInt64 in [5, 6, 7] {
            let r = try MemoryCheck.run(try Self.shifted(seed: seed))
            steps.append(r.decision.step)
            let reasons = r.decision.reasons
            let where_ = "seed \(seed), step \(r.decision.step): \(reasons)"
            #expect(r.verdict == .inconclusive, "\(where_)")
            #expect(r.evidence.qu?.reject == true, "\(where_)")
            let summary = try #require(reasons.first { $0.hasPrefix("structural break or long memory — inconclusive") })
            #expect(summary.contains("Qu's (2011) test (W = "), "\(where_)")
            #expect(reasons.contains { $0.hasPrefix("the least-squares mean shift (Bai 1994) is after t = ") })
            // Located within 50 of the true shift.
            #expect(abs((r.evidence.meanShift?.location ?? 0) - 1000) <= 50, "\(where_)")
            // elw's interval lies below ½ here: the reasons must not call it "at the boundary".
            let elw = try #require(r.evidence.estimate(.exactLocalWhittle))
            #expect(elw.confidenceInterval.upper < 0.5, "\(where_): elw \(elw.confidenceInterval)")
            #expect(!reasons.contains { $0.contains("nonstationary values") }, "\(where_)")
            if r.decision.step == 4 {
                #expect(reasons.contains { $0.contains("lies below ½") }, "\(where_)")
            }
        }
        // The audit's case: the stationary fit at its bound (step 4) with elw's interval below ½.
        #expect(steps.contains(4), "steps \(steps)")
    }
}
