import Foundation
import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// Lo's modified R/S, V/S and KPSS statistics against hand computations and statsmodels 0.15.0
/// (scripts/reference/memory_tests_references.py prints every literal below).
@Suite("Tests of memory: statistics, critical values, lag rules")
struct TestStatisticsTests {
    /// A hand-checkable series: mean 6.1, demeaned (−4.1, −2.1, −3.1, 0.9, −1.1, 1.9, −0.1, 2.9, 0.9, 3.9),
    /// partial sums (−4.1, −6.2, −9.3, −8.4, −9.5, −7.6, −7.7, −4.8, −3.9, 0), so R_n = 0 − (−9.5) = 19/2;
    /// γ̂₀ = 60.9/10 = 609/100.
    static let short: [Double] = [2, 4, 3, 7, 5, 8, 6, 9, 7, 10]

    /// sin(0.7t) + 0.5cos(2.3t) + 0.01t, t = 1…200 (the script's `deterministic(200)`).
    static func deterministic(_ n: Int) -> [Double] {
        (1...n).map { t in
            let tt = Double(t)
            return Double.sin(0.7 * tt) + 0.5 * Double.cos(2.3 * tt) + 0.01 * tt
        }
    }

    @Test("Lo's V_n(q) equals the exact rational hand computation")
    func loHandComputation() throws {
        // Exact rationals (fractions): R_n = 19/2; σ̂²(0) = 609/100, σ̂²(1) = 7579/1000, σ̂²(2) = 15391/1500;
        // V = R_n/√(n σ̂²(q)) = 1.2173485953609417, 1.0912334038755128, 0.93785525398212166.
        #expect(abs(try LoModifiedRS.range(Self.short) - 9.5) < 1e-13)
        let expected: [(q: Int, s2: Double, v: Double)] = [
            (0, 609.0 / 100, 1.2173485953609417), (1, 7579.0 / 1000, 1.0912334038755128),
            (2, 15391.0 / 1500, 0.93785525398212166),
        ]
        for e in expected {
            #expect(abs(try LongRunVariance.bartlett(Self.short, lags: e.q) - e.s2) < 1e-13)
            #expect(abs(try LoModifiedRS.statistic(Self.short, lags: e.q) - e.v) < 1e-13)
            let r = try LoModifiedRS.test(Self.short, lags: .fixed(e.q))
            #expect(abs(r.statistic - e.v) < 1e-13)
            #expect(r.lags == e.q)
        }
        // Independent direct evaluation of the q = 1 case: γ̂₁ = (1/n)Σ y_t y_{t+1}.
        let y = Self.short.map { $0 - 6.1 }
        var g1 = 0.0
        for t in 0..<9 { g1 += y[t] * y[t + 1] }
        g1 /= 10
        let s2 = 6.09 + 2 * 0.5 * g1
        #expect(abs(s2 - 7579.0 / 1000) < 1e-13)
    }

    @Test("V/S statistic equals the exact rational hand computation")
    func vsHandComputation() throws {
        // M_n(q) = [Σ S_k² − (Σ S_k)²/n]/(n² σ̂²(q)) = 91/696, 245/2332, 9555/123128 for q = 0, 1, 2.
        let expected: [(q: Int, m: Double)] = [(0, 91.0 / 696), (1, 245.0 / 2332), (2, 9555.0 / 123128)]
        for e in expected {
            #expect(abs(try VSTest.statistic(Self.short, lags: e.q) - e.m) < 1e-14)
            #expect(abs(try VSTest.test(Self.short, lags: .fixed(e.q)).statistic - e.m) < 1e-14)
        }
    }

    @Test("KPSS statistic and p-value equal statsmodels 0.15.0 on the short series")
    func kpssShort() throws {
        // statsmodels.tsa.stattools.kpss(SHORT, regression, nlags): (statistic, p-value).
        let cases: [(kind: KPSSTest.Kind, q: Int, stat: Double, p: Double)] = [
            (.level, 0, 0.7518062397372739, 0.01), (.level, 1, 0.604103443726085, 0.02226332329762863),
            (.level, 2, 0.4462185692937429, 0.057233375304421186), (.trend, 0, 0.04376811594202894, 0.1),
            (.trend, 1, 0.2094797687861268, 0.012445086705202444), (.trend, 2, 0.1007480792559643, 0.1),
        ]
        for c in cases {
            let r = try KPSSTest.test(Self.short, kind: c.kind, lags: .fixed(c.q))
            #expect(TestSupport.relativeError(r.statistic, c.stat) < 1e-12, "\(c.kind) q = \(c.q): \(r.statistic)")
            #expect(abs(r.pValue.value - c.p) < 1e-12, "\(c.kind) q = \(c.q): \(r.pValue)")
        }
        // Outside the table: bounds, not points.
        let big = try KPSSTest.test(Self.short, kind: .level, lags: .fixed(0))
        #expect(big.pValue.kind == .bound && big.pValue.upper == 0.01 && big.pValue.lower == 0)
        #expect(big.reject)
        let small = try KPSSTest.test(Self.short, kind: .trend, lags: .fixed(0))
        #expect(small.pValue.kind == .bound && small.pValue.lower == 0.10 && small.pValue.upper == 1)
        #expect(!small.reject)
    }

    @Test("KPSS automatic (Hobijn) and legacy lags against statsmodels 0.15.0 on a 200-point series")
    func kpssLagRules() throws {
        let x = Self.deterministic(200)
        // statsmodels: level auto → lags 7, stat 2.529333380417637; trend auto → lags 0, stat 0.011711221700250787;
        // level legacy → lags 15 (= ⌈12·2^{1/4}⌉ = ⌈14.27⌉), stat 1.326530500139436; trend legacy → 0.05964639954548973;
        // level nlags = 5: 2.6883719226450564; trend nlags = 5: 0.013380715580075773.
        let levelAuto = try KPSSTest.test(x, kind: .level)
        #expect(levelAuto.lags == 7)
        #expect(TestSupport.relativeError(levelAuto.statistic, 2.529333380417637) < 1e-11)
        let trendAuto = try KPSSTest.test(x, kind: .trend)
        #expect(trendAuto.lags == 0)
        #expect(TestSupport.relativeError(trendAuto.statistic, 0.011711221700250787) < 1e-10)
        // Our legacy rule is Schwert's ⌊12(n/100)^{1/4}⌋ = 14; statsmodels rounds up to 15.
        #expect(try KPSSTest.test(x, kind: .level, lags: .legacy).lags == 14)
        #expect(TestSupport.relativeError(try KPSSTest.statistic(x, kind: .level, lags: 15), 1.326530500139436) < 1e-11)
        #expect(
            TestSupport.relativeError(try KPSSTest.statistic(x, kind: .trend, lags: 15), 0.05964639954548973) < 1e-10)
        #expect(TestSupport.relativeError(try KPSSTest.statistic(x, kind: .level, lags: 5), 2.6883719226450564) < 1e-11)
        #expect(
            TestSupport.relativeError(try KPSSTest.statistic(x, kind: .trend, lags: 5), 0.013380715580075773) < 1e-10)
    }

    @Test("KPSS critical values are Kwiatkowski et al. (1992) Table 1 exactly; interpolation between entries")
    func kpssTable() throws {
        #expect(KPSSTest.tableCriticalValues(.level) == [0.347, 0.463, 0.574, 0.739])
        #expect(KPSSTest.tableCriticalValues(.trend) == [0.119, 0.146, 0.176, 0.216])
        for (a, c) in zip([0.10, 0.05, 0.025, 0.01], [0.347, 0.463, 0.574, 0.739]) {
            #expect(try KPSSTest.criticalValue(kind: .level, level: a) == c)
        }
        #expect(try KPSSTest.criticalValue(kind: .trend, level: 0.05) == 0.146)
        // Midway between 5% and 2.5% → midway between the critical values; p-value is the inverse map.
        #expect(abs(try KPSSTest.criticalValue(kind: .level, level: 0.0375) - 0.5185) < 1e-12)
        #expect(abs(KPSSTest.pValue(0.5185, kind: .level).value - 0.0375) < 1e-12)
        #expect(KPSSTest.pValue(0.463, kind: .level).value == 0.05)
        #expect(throws: LongMemoryError.self) { try KPSSTest.criticalValue(kind: .level, level: 0.2) }
        let r = try KPSSTest.test(Self.deterministic(200), kind: .level, level: 0.025)
        #expect(r.criticalValue.upper == 0.574 && r.criticalValueList == [0.574])
        #expect(r.criticalValues.map { $0.level } == [0.10, 0.05, 0.025, 0.01])
    }

    @Test("Lo's critical regions: two-sided 5% is [0.809, 1.862]; one-sided variants; p-values")
    func loCriticalRegions() throws {
        let two = try LoModifiedRS.criticalRegion(level: 0.05, alternative: .twoSided)
        #expect(abs((two.lower ?? 0) - 0.809) < 1e-3 && abs((two.upper ?? 0) - 1.862) < 1e-3)
        let greater = try LoModifiedRS.criticalRegion(level: 0.05, alternative: .greater)
        #expect(greater.lower == nil && abs((greater.upper ?? 0) - 1.747) < 1e-3)
        let less = try LoModifiedRS.criticalRegion(level: 0.10, alternative: .less)
        #expect(less.upper == nil && abs((less.lower ?? 0) - 0.927) < 1e-3)
        // p-value at a critical value equals the level.
        #expect(abs(LoModifiedRS.pValue(two.upper ?? 0, alternative: .twoSided) - 0.05) < 1e-10)
        #expect(abs(LoModifiedRS.pValue(greater.upper ?? 0, alternative: .greater) - 0.05) < 1e-10)
        #expect(abs(VSTest.pValue(try BrownianBridgeVariance.quantile(0.99), alternative: .greater) - 0.01) < 1e-10)
        let vs = try VSTest.criticalRegion(level: 0.05, alternative: .greater)
        #expect(abs((vs.upper ?? 0) - 0.1869) < 1e-4)
    }

    @Test("Andrews AR(1), Schwert and Newey–West lag rules by hand")
    func lagRules() throws {
        // q = ⌊(3n/2)^{1/3}|2ρ/(1 − ρ²)|^{2/3}⌋: n = 500, ρ = ±0.5 → ⌊11.0064⌋ = 11; ρ = 0.1 → ⌊3.128⌋ = 3;
        // ρ = 0.9 → ⌊40.679⌋ = 40; ρ = 0 → 0. Andrews' 1.1447(α(1)n)^{1/3}, α(1) = 4ρ²/((1−ρ)²(1+ρ)²), gives 11.0063.
        #expect(LongRunVariance.andrewsAR1Lag(n: 500, rho1: 0.5) == 11)
        #expect(LongRunVariance.andrewsAR1Lag(n: 500, rho1: -0.5) == 11)
        #expect(LongRunVariance.andrewsAR1Lag(n: 500, rho1: 0.1) == 3)
        #expect(LongRunVariance.andrewsAR1Lag(n: 500, rho1: 0.9) == 40)
        #expect(LongRunVariance.andrewsAR1Lag(n: 500, rho1: 0) == 0)
        #expect(LongRunVariance.andrewsAR1Lag(n: 500, rho1: 1) == 499)
        // ⌊12(n/100)^{1/4}⌋: n = 200 → 14, n = 500 → 17, n = 100 → 12 (exact power kept); ⌊4(n/100)^{1/4}⌋, n = 500 → 5.
        #expect(LongRunVariance.schwertLag(n: 200, multiplier: 12) == 14)
        #expect(LongRunVariance.schwertLag(n: 500, multiplier: 12) == 17)
        #expect(LongRunVariance.schwertLag(n: 100, multiplier: 12) == 12)
        #expect(LongRunVariance.schwertLag(n: 500, multiplier: 4) == 5)
        // Newey–West pilot lag ⌊n^{2/9}⌋: 200 → 3, 500 → 3, 512 → 4 (512^{2/9} = 4 exactly).
        #expect(LongRunVariance.pilotLag(n: 200) == 3 && LongRunVariance.pilotLag(n: 512) == 4)
        // With γ = (1, 0.5, 0.25, 0.125) (AR(1)-like, l = 3 at n = 200): ŝ⁰ = 1 + 2·0.875 = 2.75,
        // ŝ¹ = 2(0.5 + 0.5 + 0.375) = 2.75, ratio 1, γ̂ = 1.1447, q = ⌊1.1447·200^{1/3}⌋ = ⌊6.694⌋ = 6.
        #expect(LongRunVariance.neweyWestLag(n: 200, autocovariances: [1, 0.5, 0.25, 0.125]) == 6)
        // Lo's test reports the lag from the rule on the data.
        let x = try Simulation.arfima(ARFIMAModel(d: 0, ar: [0.5]), count: 500, seed: 11)
        let r = try LoModifiedRS.test(x)
        let rho = try SampleStatistics.autocorrelation(x, maxLag: 1)[1]
        #expect(r.lags == LongRunVariance.andrewsAR1Lag(n: 500, rho1: rho))
        #expect(r.lagRule?.contains("Andrews") == true)
    }

    @Test("Bartlett long-run variance: weights 1 − j/(q+1), nonnegative")
    func bartlett() throws {
        // γ = (2, 1, 0.5): σ̂²(2) = 2 + 2(2/3·1 + 1/3·0.5) = 2 + 5/3.
        #expect(abs(try LongRunVariance.bartlett(autocovariances: [2, 1, 0.5], lags: 2) - (2 + 5.0 / 3)) < 1e-15)
        #expect(throws: LongMemoryError.self) { try LongRunVariance.bartlett(autocovariances: [2, 1], lags: 2) }
        // An alternating series has a small but nonnegative long-run variance for every q.
        let alt = (0..<101).map { $0 % 2 == 0 ? 1.0 : -1.0 }
        for q in 0..<50 { #expect(try LongRunVariance.bartlett(alt, lags: q) >= 0) }
    }

    @Test("Result fields: lag profile, reject consistency, JSON-facing names, Codable round trip")
    func resultFields() throws {
        let x = try Simulation.arfima(ARFIMAModel(d: 0.4), count: 1000, seed: 5)
        let r = try LoModifiedRS.test(x, profileLags: [0, 5, 50])
        #expect(r.name == "Lo modified R/S" && r.method == .loModifiedRescaledRange)
        #expect(r.lagProfile.map { $0.lag } == Array(Set([0, 5, 50, r.lags ?? -1])).sorted())
        for p in r.lagProfile where p.lag == r.lags { #expect(p.statistic == r.statistic) }
        #expect(r.reject == r.criticalValue.rejects(r.statistic))
        #expect(r.criticalValueList.count == 2)
        // V(q) decreases in q for this persistent series (Teverovsky–Taqqu–Willinger drift toward H0).
        let stats = r.lagProfile.map { $0.statistic }
        #expect(zip(stats, stats.dropFirst()).allSatisfy { $0 >= $1 })
        let data = try JSONEncoder().encode(r)
        let back = try JSONDecoder().decode(MemoryTestResult.self, from: data)
        #expect(back == r)
        if r.reject { #expect(r.rejectionSide == .greater) }
    }

    @Test("Bad input: constant, NaN, too short, bad level, bad lag")
    func badInput() {
        let constant = [Double](repeating: 3, count: 50)
        #expect(throws: LongMemoryError.constantSeries) { try LoModifiedRS.test(constant) }
        #expect(throws: LongMemoryError.constantSeries) { try VSTest.test(constant) }
        #expect(throws: LongMemoryError.constantSeries) { try KPSSTest.test(constant) }
        var withNaN = Self.deterministic(50)
        withNaN[7] = .nan
        #expect(throws: LongMemoryError.nonFinite(index: 7)) { try KPSSTest.test(withNaN) }
        #expect(throws: LongMemoryError.self) { try LoModifiedRS.test([1, 2, 3]) }
        #expect(throws: LongMemoryError.self) { try LoModifiedRS.test(Self.short, level: 0.7) }
        #expect(throws: LongMemoryError.self) { try VSTest.test(Self.short, lags: .fixed(10)) }
        #expect(throws: LongMemoryError.self) { try KPSSTest.test(Self.short, lags: .fixed(-1)) }
        // An exact linear trend has zero KPSS-trend residuals.
        #expect(throws: LongMemoryError.self) { try KPSSTest.test((0..<30).map { 2 + 0.5 * Double($0) }, kind: .trend) }
    }
}

extension TestStatisticsTests {
    @Test("Lag rules never trap on degenerate arguments")
    func lagRuleEdges() {
        #expect(LongRunVariance.schwertLag(n: -5, multiplier: 12) == 0)
        #expect(LongRunVariance.schwertLag(n: 100, multiplier: .nan) == 0)
        #expect(LongRunVariance.andrewsAR1Lag(n: -5, rho1: 0.5) == 0)
        #expect(LongRunVariance.andrewsAR1Lag(n: 100, rho1: .nan) == 0)
        #expect(LongRunVariance.neweyWestLag(n: 100, autocovariances: []) == 0)
        #expect(LongRunVariance.neweyWestLag(n: 0, autocovariances: [1]) == 0)
    }
}
