import Foundation
import LongMemory
import Testing
import _TestSupport

@Suite("rnnmem estimate")
struct EstimateCommandTests {
    /// Every method on the Nile minima: the printed d̂ and s.e. are the library's (`MemoryEstimator.estimate` with the
    /// same settings — same computation, same doubles), in plain and JSON output.
    @Test(
        "every --method on the Nile minima equals the library's estimate (JSON and plain)",
        arguments: EstimationMethod.allCases)
    func methodMatchesLibrary(method: EstimationMethod) throws {
        let x = try MemoryCLI.data("nile_min_622_1284.csv")
        let lib = try MemoryEstimator.estimate(x, method: method)
        let r = try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", method.rawValue, "--json"])
        CLI.expectSuccess(r)
        let o = try MemoryCLI.object(r.stdout)
        #expect(o["method"] as? String == method.rawValue)
        #expect(o["n"] as? Int == 663)
        #expect(MemoryCLI.same(o["d"], lib.d))
        #expect(MemoryCLI.same(o["se"], lib.standardError) || (lib.standardError.isNaN && o["se"] is NSNull))
        #expect(MemoryCLI.same(o["ci"], [lib.confidenceInterval.lower, lib.confidenceInterval.upper]))
        #expect(o["bandwidth"] as? Int == lib.bandwidth)
        for key in [
            "variant", "ci_level", "trimming", "order", "scales", "tuning", "hurst", "alternative_se", "auxiliary",
            "notes",
        ] {
            #expect(o.keys.contains(key), "missing \(key)")
        }
        let plain = try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", method.rawValue])
        CLI.expectSuccess(plain)
        #expect(CLI.lines(plain.stdout).contains("d: \(lib.d)"))  // exact: shortest round-trip text
        #expect(CLI.lines(plain.stdout).contains("se: \(lib.standardError)"))
        #expect(plain.stdout.hasPrefix("method: \(method.rawValue) ("))
    }

    @Test(
        "tuning options reach the estimator: --bandwidth, --alpha, plug-in, --taper, --ar/--ma, --scales, --confidence")
    func tuning() throws {
        let x = try MemoryCLI.data("nile_min_622_1284.csv")
        func d(_ args: [String]) throws -> [String: Any] {
            let r = try MemoryCLI.run(["estimate", MemoryCLI.nile] + args + ["--json"])
            CLI.expectSuccess(r)
            return try MemoryCLI.object(r.stdout)
        }
        let m50 = try d(["--method", "lw", "--bandwidth", "50"])
        #expect(m50["bandwidth"] as? Int == 50)
        #expect(MemoryCLI.same(m50["d"], (try LocalWhittle.estimate(x, bandwidth: .count(50))).d))
        let a05 = try d(["--method", "elw", "--alpha", "0.5"])
        #expect(a05["bandwidth"] as? Int == 25)  // ⌊663^0.5⌋
        #expect(MemoryCLI.same(a05["d"], (try ExactLocalWhittle.estimate(x, bandwidth: .exponent(0.5))).d))
        let plug = try d(["--method", "gph", "--bandwidth", "plug-in"])
        #expect(plug["bandwidth"] as? Int == (try GPH.estimate(x, bandwidth: .plugIn)).bandwidth)
        let tapered = try d(["--method", "lw", "--taper", "hurvich-chen"])
        #expect(MemoryCLI.same(tapered["d"], (try LocalWhittle.estimate(x, taper: .hurvichChen(differences: 1))).d))
        let arfima = try d(["--method", "whittle", "--ar-order", "1", "--ma-order", "1"])
        #expect((arfima["order"] as? [String: Any])?["p"] as? Int == 1)
        #expect((arfima["order"] as? [String: Any])?["q"] as? Int == 1)
        let scales = try d(["--method", "aggvar", "--scales", "2,4,8,16,32"])
        #expect(scales["scales"] as? [Int] == [2, 4, 8, 16, 32])
        let level = try d(["--method", "lw", "--confidence", "0.9"])
        #expect(level["ci_level"] as? Double == 0.9)
        let lw = try LocalWhittle.estimate(x, confidenceLevel: 0.9)
        #expect(MemoryCLI.same(level["ci"], [lw.confidenceInterval.lower, lw.confidenceInterval.upper]))
    }

    @Test("--columns: one object per column; --transform diff changes n to n − 1")
    func columnsAndTransform() throws {
        let r = try MemoryCLI.run([
            "estimate", MemoryCLI.nile, "--columns", "year,min_level", "--method", "gph", "--json",
        ])
        CLI.expectSuccess(r)
        let o = try MemoryCLI.object(r.stdout)
        #expect(try MemoryCLI.objects(o["columns"]).compactMap { $0["column"] as? String } == ["year", "min_level"])
        let diff = try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lw", "--transform", "diff", "--json"])
        CLI.expectSuccess(diff)
        let x = try MemoryCLI.data("nile_min_622_1284.csv")
        let dx = (1..<x.count).map { x[$0] - x[$0 - 1] }
        let od = try MemoryCLI.object(diff.stdout)
        #expect(od["n"] as? Int == 662)
        #expect(MemoryCLI.same(od["d"], (try LocalWhittle.estimate(dx)).d))
    }

    @Test("bad input and arguments: unknown method, bad bandwidth, option for another method, too short, constant, NaN")
    func errors() throws {
        let dir = try CLI.folder([
            "short.csv": (1...20).map { "\($0 % 3)" }.joined(separator: "\n") + "\n",
            "constant.csv": String(repeating: "2\n", count: 100),
            "nan.csv": "x\n1\n2\nnan\n4\n",
        ])
        CLI.expectError(try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "hurst"]), "--method", "hurst")
        CLI.expectError(try MemoryCLI.run(["estimate", MemoryCLI.nile]), "--method")
        CLI.expectError(
            try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lw", "--bandwidth", "0"]), "--bandwidth 0")
        CLI.expectError(try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lw", "--bandwidth", "abc"]), "abc")
        CLI.expectError(
            try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lw", "--bandwidth", "400"]), "bandwidth m",
            "331")
        CLI.expectError(
            try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lw", "--alpha", "1.5"]), "--alpha 1.5")
        CLI.expectError(
            try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lw", "--bandwidth", "20", "--alpha", "0.5"]),
            "not both")
        CLI.expectError(
            try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lw", "--ar-order", "1"]),
            "--ar-order does not apply to --method lw")
        CLI.expectError(
            try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "elw", "--bandwidth", "plug-in"]), "plug-in")
        CLI.expectError(try CLI.run(["estimate", "short.csv", "--method", "dfa"], in: dir), "series too short", "32")
        CLI.expectError(try CLI.run(["estimate", "constant.csv", "--method", "lw"], in: dir), "is constant")
        CLI.expectError(
            try CLI.run(["estimate", "nan.csv", "--method", "lw"], in: dir), "nan.csv:4:1", "not a finite number")
    }

    /// Issue 10: the exact MLE's length limit is said in the user's terms (the estimators to use instead), without
    /// the name of an internal setting.
    @Test("--method mle on n > 20000: one-line error naming hr and whittle, not an internal setting")
    func exactMLELimit() throws {
        let dir = try TestSupport.temporaryDirectory()
        CLI.expectSuccess(
            try CLI.run(
                ["simulate", "arfima", "--d", "0.2", "--length", "20001", "--seed", "1", "-o", "long.csv"], in: dir))
        let r = try CLI.run(["estimate", "long.csv", "--method", "mle"], in: dir)
        CLI.expectError(r, "n ≤ 20000", "Haslett–Raftery (hr) or Whittle")
        #expect(!r.stderr.contains("maximumExactLength"))
        #expect(!r.stderr.contains("`"))
    }

    @Test("--method lpw: local polynomial Whittle with r = 1 by default, --bias-reduction sets r")
    func localPolynomialWhittle() throws {
        let r = try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lpw", "--json"])
        CLI.expectSuccess(r)
        let o = try MemoryCLI.object(r.stdout)
        let x = try MemoryCLI.data("nile_min_622_1284.csv")
        #expect(MemoryCLI.same(o["d"], try LocalPolynomialWhittle.estimate(x).d))
        let r2 = try MemoryCLI.run(["estimate", MemoryCLI.nile, "--method", "lpw", "--bias-reduction", "2", "--json"])
        CLI.expectSuccess(r2)
        #expect(
            MemoryCLI.same(try MemoryCLI.object(r2.stdout)["d"], try LocalPolynomialWhittle.estimate(x, order: 2).d))
    }
}
