import Foundation
import LongMemory
import Testing
import _TestSupport

@Suite("rnnmem test")
struct MemoryTestCommandTests {
    /// lo, vs, kpss on the Nile minima: statistic and decision equal the library's; the critical values are the
    /// published ones: Lo (1991), Econometrica 59(5):1279–1313, two-sided 5% [0.809, 1.862]; V/S 5% 0.1869 (Giraitis,
    /// Kokoszka, Leipus & Teyssière 2003, J. Econometrics 112(2)), both to 1e-3; KPSS level 5% 0.463 exactly
    /// (Kwiatkowski, Phillips, Schmidt & Shin 1992, J. Econometrics 54, Table 1).
    @Test("lo, vs, kpss on the Nile minima: library values and published critical values")
    func testsMatchLibrary() throws {
        let x = try MemoryCLI.data("nile_min_622_1284.csv")
        let expected: [(String, MemoryTestResult, [Double])] = [
            ("lo", try LoModifiedRS.test(x), [0.809, 1.862]),
            ("vs", try VSTest.test(x), [0.1869]),
            ("kpss", try KPSSTest.test(x), [0.463]),
        ]
        for (name, lib, critical) in expected {
            let r = try MemoryCLI.run(["test", MemoryCLI.nile, "--method", name, "--json"])
            CLI.expectSuccess(r)
            let o = try MemoryCLI.object(r.stdout)
            #expect(MemoryCLI.same(o["statistic"], lib.statistic), "\(name)")
            #expect(o["reject"] as? Bool == lib.reject, "\(name)")
            #expect(o["lags"] as? Int == lib.lags, "\(name)")
            let cv = try #require(o["critical_value"] as? [Double])
            #expect(cv.count == critical.count)
            #expect(CLI.maxAbsError(cv, critical) < 1e-3, "\(name): \(cv)")
            for key in ["name", "p_value", "level", "alternative", "null_hypothesis", "lag_profile", "notes"] {
                #expect(o.keys.contains(key), "\(name) lacks \(key)")
            }
            let plain = try MemoryCLI.run(["test", MemoryCLI.nile, "--method", name])
            CLI.expectSuccess(plain)
            #expect(CLI.lines(plain.stdout).contains("statistic: \(lib.statistic)"))
        }
    }

    @Test("--lags, --lag-rule, --trend, --level, --alternative and wald --estimator reach the test")
    func options() throws {
        let x = try MemoryCLI.data("nile_min_622_1284.csv")
        func run(_ args: [String]) throws -> [String: Any] {
            let r = try MemoryCLI.run(["test", MemoryCLI.nile] + args + ["--json"])
            CLI.expectSuccess(r)
            return try MemoryCLI.object(r.stdout)
        }
        let q5 = try run(["--method", "lo", "--lags", "5"])
        #expect(q5["lags"] as? Int == 5)
        #expect(MemoryCLI.same(q5["statistic"], (try LoModifiedRS.test(x, lags: .fixed(5))).statistic))
        let legacy = try run(["--method", "kpss", "--lag-rule", "schwert12"])
        #expect(legacy["lags"] as? Int == LongRunVariance.schwertLag(n: 663, multiplier: 12))
        let trend = try run(["--method", "kpss", "--trend"])
        #expect(trend["critical_value"] as? [Double] == [0.146])
        #expect(MemoryCLI.same(trend["statistic"], (try KPSSTest.test(x, kind: .trend)).statistic))
        let tenPercent = try run(["--method", "vs", "--level", "0.1"])
        #expect(abs(((tenPercent["critical_value"] as? [Double])?.first ?? 0) - 0.1518) < 1e-3)
        let greater = try run(["--method", "lo", "--alternative", "greater"])
        #expect((greater["critical_value"] as? [Double])?.count == 1)
        let wald = try run(["--method", "wald", "--estimator", "elw", "--bandwidth", "60"])
        let elw = try ExactLocalWhittle.estimate(x, bandwidth: .count(60))
        #expect(MemoryCLI.same(wald["statistic"], elw.d / elw.standardError))
        #expect(wald["estimate_method"] as? String == "elw")
        #expect(wald["bandwidth"] as? Int == 60)
    }

    @Test(
        "bad arguments: unknown method, --lags < 0, --trend with lo, --level 0.7, KPSS level outside its table, too short"
    )
    func errors() throws {
        let dir = try CLI.folder(["short.csv": "1\n2\n3\n1\n5\n"])
        CLI.expectError(try MemoryCLI.run(["test", MemoryCLI.nile, "--method", "adf"]), "adf")
        CLI.expectError(try MemoryCLI.run(["test", MemoryCLI.nile, "--method", "lo", "--lags", "-1"]), "--lags -1")
        CLI.expectError(
            try MemoryCLI.run(["test", MemoryCLI.nile, "--method", "lo", "--trend"]), "--trend applies to kpss")
        CLI.expectError(try MemoryCLI.run(["test", MemoryCLI.nile, "--method", "vs", "--level", "0.7"]), "--level 0.7")
        CLI.expectError(try MemoryCLI.run(["test", MemoryCLI.nile, "--method", "kpss", "--level", "0.2"]), "level")
        CLI.expectError(
            try MemoryCLI.run(["test", MemoryCLI.nile, "--method", "lo", "--lags", "3", "--lag-rule", "auto"]),
            "not both")
        CLI.expectError(
            try MemoryCLI.run(["test", MemoryCLI.nile, "--method", "lo", "--estimator", "lw"]), "wald test only")
        CLI.expectError(try CLI.run(["test", "short.csv", "--method", "lo"], in: dir), "series too short")
    }
}
