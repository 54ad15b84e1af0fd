import Foundation
import LongMemory
import Testing
import _TestSupport

/// Shared helpers of the `check`, `estimate` and `test` CLI tests: bundled data, JSON access.
enum MemoryCLI {
    static var root: URL { TestSupport.packageRoot }

    /// The last column of a bundled CSV with a header (`data/NAME`), as the CLI reads it by default.
    static func data(_ name: String) throws -> [Double] {
        let text = try String(contentsOf: root.appendingPathComponent("data/\(name)"), encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            let cell = String(line.split(separator: ",").last ?? "")
            return try #require(Double(cell), "not a number: \(line)")
        }
    }

    static func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }

    static func objects(_ value: Any?) throws -> [[String: Any]] {
        try #require(value as? [[String: Any]], "not an array of objects")
    }

    /// Whether a JSON number equals a library value. Foundation's JSONSerialization (Linux) does not always round
    /// decimal text correctly — rnnmem prints shortest round-trip decimals, which parse back within an ulp — so
    /// JSON comparisons allow 1e-15 relative; the plain outputs are compared exactly.
    static func same(_ json: Any?, _ value: Double) -> Bool {
        guard let v = json as? Double else { return false }
        return v == value || abs(v - value) <= 1e-15 * max(abs(v), abs(value))
    }

    static func same(_ json: Any?, _ values: [Double]) -> Bool {
        guard let v = json as? [Double], v.count == values.count else { return false }
        return zip(v, values).allSatisfy { same($0.0, $0.1) }
    }

    /// Run rnnmem in the package root.
    static func run(_ arguments: [String]) throws -> TestSupport.ProcessResult { try CLI.run(arguments, in: root) }

    static let nile = "data/nile_min_622_1284.csv"
}

@Suite("rnnmem check")
struct CheckCommandTests {
    /// The Nile minima (n = 663): long memory (rule 2, step 7: ARFIMA(0,d,0) selected by BIC, d̂ 13 s.e. above 0,
    /// Qu and sample splitting do not reject), with the documented keys, and the primary estimates equal to the
    /// library's (same computation ⇒ the same doubles; JSON numbers are shortest round-trip). The Whittle
    /// ARFIMA(0,d,0) estimate is the H = 0.899 documented by R's longmemo package (the example of `WhittleEst`,
    /// on the data of Beran 1994; ± 5e-4).
    @Test("Nile minima --json: verdict long_memory; documented keys; estimates equal the library's; H = 0.899")
    func nileJSON() throws {
        let r = try MemoryCLI.run(["check", MemoryCLI.nile, "--json"])
        CLI.expectSuccess(r)
        let o = try MemoryCLI.object(r.stdout)
        let report0 = try MemoryCheck.run(try MemoryCLI.data("nile_min_622_1284.csv"))
        #expect(o["n"] as? Int == 663)
        #expect(o["verdict"] as? String == "long_memory")
        #expect(o["column"] as? String == "min_level")
        for key in [
            "reasons", "caveats", "estimates", "tests", "definition1", "periodicity", "acf_decay", "figures", "d",
            "hurst", "rule_version", "rule_step", "threshold", "order_selection", "spurious", "failed_checks",
        ] {
            #expect(o.keys.contains(key), "missing key \(key)")
        }
        let estimates = try MemoryCLI.objects(o["estimates"])
        #expect(
            estimates.compactMap { $0["method"] as? String }
                == ["whittle", "lpw", "elw", "lw", "gph", "rs", "dfa", "aggvar"])
        #expect(o["rule_version"] as? String == VerdictRule.version)
        #expect(o["rule_step"] as? Int == 7)
        let selection = try #require(o["order_selection"] as? [String: Any])
        #expect(selection["criterion"] as? String == "bic")
        #expect((selection["candidates"] as? [Any])?.count == 16)
        let selected = try #require(selection["selected"] as? [String: Any])
        #expect(selected["p"] as? Int == report0.evidence.selectedParametric?.order?.p)
        let spurious = try #require(o["spurious"] as? [String: Any])
        let qu = try #require(spurious["qu"] as? [String: Any])
        #expect(MemoryCLI.same(qu["statistic"], report0.evidence.qu?.statistic ?? .nan))
        #expect(qu["reject"] as? Bool == false)
        let split = try #require(spurious["sample_splitting"] as? [String: Any])
        #expect(split["blocks"] as? Int == 2)
        #expect((spurious["mean_shift"] as? [String: Any])?["location"] as? Int == report0.evidence.meanShift?.location)
        for e in estimates {
            for key in ["method", "role", "d", "se", "ci", "bandwidth"] {
                #expect(e.keys.contains(key), "estimate lacks \(key)")
            }
            #expect((e["ci"] as? [Double])?.count == 2)
        }
        let tests = try MemoryCLI.objects(o["tests"])
        #expect(tests.count == 6)  // lo, vs, kpss and three Wald tests
        for t in tests {
            for key in ["name", "statistic", "critical_value", "reject"] {
                #expect(t.keys.contains(key), "test lacks \(key)")
            }
            #expect(t["reject"] is Bool)
        }
        let x = try MemoryCLI.data("nile_min_622_1284.csv")
        let report = try MemoryCheck.run(x)
        for (json, lib) in zip(estimates, report.evidence.estimates) {
            #expect(MemoryCLI.same(json["d"], lib.d), "\(lib.method)")
            #expect(MemoryCLI.same(json["se"], lib.standardError), "\(lib.method)")
        }
        for (json, lib) in zip(tests, report.evidence.tests) {
            #expect(MemoryCLI.same(json["statistic"], lib.statistic), "\(lib.name)")
            #expect(json["reject"] as? Bool == lib.reject)
        }
        let whittle = try #require(estimates.first { $0["method"] as? String == "whittle" })
        #expect(abs((whittle["d"] as? Double ?? .nan) + 0.5 - 0.899) < 5e-4)
        #expect(MemoryCLI.same(o["d"], report.decision.headline?.d ?? .nan))
        #expect(o["d_method"] as? String == "whittle")
    }

    @Test("Nile minima plain report: verdict line, all sections, Definition-1 caveats, how to get figures")
    func nilePlain() throws {
        let r = try MemoryCLI.run(["check", MemoryCLI.nile])
        CLI.expectSuccess(r)
        let text = r.stdout
        #expect(text.hasPrefix("rnnmem check: data/nile_min_622_1284.csv, column 'min_level', n = 663\n"))
        #expect(text.contains("Verdict: LONG MEMORY (d = 0.399"))
        #expect(text.contains("rule v\(VerdictRule.version), step 7"))
        for section in [
            "Estimates of d", "Tests (level 5%", "Spurious long memory", "order selection: ARFIMA(0,d,0)",
            "Definition 1 (long memory iff Σ_k |ρ(k)| = ∞",
            "Periodicity", "ACF decay", "Caveats", "Figures: not requested",
        ] {
            #expect(text.contains(section), "missing section \(section)")
        }
        #expect(text.contains("Σ_{k=1}^{n−1} ρ̂(k) = −½"))
        #expect(text.contains("apt-get install gnuplot-nox"))
        #expect(text.contains("heuristic"))
    }

    /// White noise from `rnnmem simulate arfima --d 0 --length 2000 --seed 11`: no primary estimate is significant
    /// at c_n = √(log 2000) = 2.76 and no test rejects (this seed; the calibration study measures short memory for
    /// about 98% of white-noise series at n = 2000 under rule 2).
    @Test("white noise (simulate arfima --d 0, seed 11) → short_memory")
    func whiteNoise() throws {
        let dir = try TestSupport.temporaryDirectory()
        let sim = try CLI.run(
            ["simulate", "arfima", "--d", "0", "--length", "2000", "--seed", "11", "-o", "wn.csv"], in: dir)
        CLI.expectSuccess(sim)
        let r = try CLI.run(["check", "wn.csv", "--json"], in: dir)
        CLI.expectSuccess(r)
        let o = try MemoryCLI.object(r.stdout)
        #expect(o["verdict"] as? String == "short_memory")
        #expect(o["persistent_rejections"] as? Int == 0)
        #expect(o["n"] as? Int == 2000)
    }

    /// The ACF-decay line of white noise whose leading autocorrelations rise (issue 10): the exponential fit has a
    /// positive slope, so no time scale e^(−k/τ) exists; the report says so instead of printing e^(-k/nan).
    @Test("white noise, seed 3: the ACF-decay line never prints nan")
    func acfDecayWithoutTimeScale() throws {
        let dir = try TestSupport.temporaryDirectory()
        CLI.expectSuccess(
            try CLI.run(["simulate", "arfima", "--d", "0", "--length", "2000", "--seed", "3", "-o", "w.csv"], in: dir))
        let r = try CLI.run(["check", "w.csv"], in: dir)
        CLI.expectSuccess(r)
        #expect(!r.stdout.contains("nan"))
        #expect(r.stdout.contains("the fitted slope is not negative (no exponential decay)"))
    }

    @Test("yearly sunspots → inconclusive: an 11-year periodogram peak inside the band (step 2)")
    func sunspots() throws {
        let r = try MemoryCLI.run(["check", "data/sunspot_year_1700_1988.csv", "--json"])
        CLI.expectSuccess(r)
        let o = try MemoryCLI.object(r.stdout)
        #expect(o["verdict"] as? String == "inconclusive")
        #expect(o["rule_step"] as? Int == 2)
        let p = try #require(o["periodicity"] as? [String: Any])
        let peak = try #require(try MemoryCLI.objects(p["peaks"]).first)
        #expect(abs((peak["period"] as? Double ?? 0) - 11.1) < 0.1)
        #expect(peak["in_band"] as? Bool == true)
    }

    /// --transform abs-log-returns --last 3000: the analysed series is |log x_t − log x_{t−1}| of the last 3000
    /// returns, so the local Whittle estimate equals the library's on that series.
    @Test("--transform abs-log-returns --last 3000 on the DJIA: lw d̂ equals the library's on |Δ log x|")
    func transformAndLast() throws {
        let r = try MemoryCLI.run([
            "check", "data/djia_daily_1885_2023.csv", "--transform", "abs-log-returns", "--last", "3000", "--json",
        ])
        CLI.expectSuccess(r)
        let o = try MemoryCLI.object(r.stdout)
        #expect(o["n"] as? Int == 3000)
        #expect(o["transform"] as? String == "abs-log-returns")
        let close = try MemoryCLI.data("djia_daily_1885_2023.csv")
        let returns = (1..<close.count).map { abs(Double.log(close[$0]) - Double.log(close[$0 - 1])) }
        let lw = try LocalWhittle.estimate(Array(returns.suffix(3000)))
        let json = try #require(try MemoryCLI.objects(o["estimates"]).first { $0["method"] as? String == "lw" })
        #expect(MemoryCLI.same(json["d"], lw.d))
    }

    @Test("two columns → one report each and an overall verdict (long memory if any column has it)")
    func multivariate() throws {
        let nile = try MemoryCLI.data("nile_min_622_1284.csv")
        let noise = try Simulation.arfima(ARFIMAModel(d: 0), count: nile.count, seed: 11)
        var csv = "nile,noise\n"
        for i in 0..<nile.count { csv += "\(nile[i]),\(noise[i])\n" }
        let dir = try CLI.folder(["two.csv": csv])
        let plain = try CLI.run(["check", "two.csv"], in: dir)
        #expect(plain.status == 0)
        #expect(plain.stdout.components(separatedBy: "rnnmem check: two.csv").count == 2)  // default: last column only
        // The default is said on stderr when several numeric columns could have been meant (issue 10).
        #expect(
            plain.stderr
                == "rnnmem: note: using column 'noise' (column 2, the last of the numeric columns 'nile', 'noise'); "
                + "--column chooses another\n")
        let both = try CLI.run(["check", "two.csv", "--columns", "nile,noise"], in: dir)
        CLI.expectSuccess(both)
        #expect(both.stdout.contains("rnnmem check: two.csv, column 'nile'"))
        #expect(both.stdout.contains("rnnmem check: two.csv, column 'noise'"))
        #expect(both.stdout.contains("Overall: LONG MEMORY (2 columns"))
        let json = try CLI.run(["check", "two.csv", "--columns", "1,2", "--json"], in: dir)
        CLI.expectSuccess(json)
        let o = try MemoryCLI.object(json.stdout)
        #expect(o["verdict"] as? String == "long_memory")
        let columns = try MemoryCLI.objects(o["columns"])
        #expect(columns.compactMap { $0["verdict"] as? String }.first == "long_memory")
        #expect(columns.count == 2)
    }

    @Test("--figures DIR: CSVs with the plotted data and the gnuplot script; SVGs when gnuplot is installed")
    func figures() throws {
        let dir = try TestSupport.temporaryDirectory()
        let out = dir.appendingPathComponent("figs").path
        let r = try MemoryCLI.run(["check", MemoryCLI.nile, "--figures", out])
        #expect(r.status == 0, "\(r.stderr)")
        let acf = try String(contentsOfFile: out + "/min_level-acf.csv", encoding: .utf8)
        let acfLines = CLI.lines(acf)
        #expect(acfLines.first == "lag,acf,power_law,exponential")
        #expect(acfLines.count == 1 + 663 / 10)
        let x = try MemoryCLI.data("nile_min_622_1284.csv")
        let rho = try SampleStatistics.autocorrelation(x, maxLag: 66)
        let column = acfLines.dropFirst().map { Double($0.split(separator: ",")[1]) ?? .nan }
        #expect(CLI.maxAbsError(column, Array(rho[1...])) == 0)
        let pg = CLI.lines(try String(contentsOfFile: out + "/min_level-periodogram.csv", encoding: .utf8))
        #expect(pg.first == "frequency,periodogram,local_whittle_fit")
        #expect(pg.count == 1 + 663 / 2)
        // The fit column is filled exactly for j ≤ m = 68.
        #expect(pg.dropFirst().filter { !$0.hasSuffix(",NaN") }.count == 68)
        #expect(FileManager.default.fileExists(atPath: out + "/min_level-figures.gp"))
        let svgs = [out + "/min_level-acf.svg", out + "/min_level-periodogram.svg"]
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/gnuplot")
            || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/gnuplot")
        {
            for path in svgs {
                let svg = try String(contentsOfFile: path, encoding: .utf8)
                #expect(svg.contains("<svg"), "\(path) is not SVG")
            }
            #expect(r.stdout.contains("min_level-acf.svg"))
        }
    }

    /// RNNMEM_GNUPLOT="" disables gnuplot: the report still prints, says how to get the SVGs, and the CSVs are written.
    @Test("without gnuplot: report printed, CSVs written, a note says apt-get install gnuplot-nox; exit 0")
    func figuresWithoutGnuplot() throws {
        let dir = try TestSupport.temporaryDirectory()
        let out = dir.appendingPathComponent("figs").path
        let r = try TestSupport.runRNNMem(
            ["check", MemoryCLI.nile, "--figures", out], directory: MemoryCLI.root, environment: ["RNNMEM_GNUPLOT": ""])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Verdict: LONG MEMORY"))
        let unwrapped = r.stdout.replacingOccurrences(of: "\n  ", with: " ")
        #expect(unwrapped.contains("no SVG: gnuplot is not installed (apt-get install gnuplot-nox)"))
        #expect(r.stderr.hasPrefix("rnnmem: note: no SVG figures: gnuplot is not installed"))
        #expect(FileManager.default.fileExists(atPath: out + "/min_level-acf.csv"))
        #expect(FileManager.default.fileExists(atPath: out + "/min_level-periodogram.csv"))
        #expect(!FileManager.default.fileExists(atPath: out + "/min_level-acf.svg"))
    }

    @Test("bad input: too short (minimum 100), constant, NaN, non-positive prices for returns, --column with --columns")
    func badInput() throws {
        let short = (1...99).map { "\(Double($0 % 7))" }.joined(separator: "\n") + "\n"
        let constant = String(repeating: "3.5\n", count: 200)
        var withNaN = (1...200).map { "\(Double($0 % 7))" }
        withNaN[41] = "NaN"
        let prices = "p\n" + (1...200).map { $0 == 150 ? "0" : "\(100 + $0 % 9)" }.joined(separator: "\n") + "\n"
        let dir = try CLI.folder([
            "short.csv": short, "constant.csv": constant, "nan.csv": withNaN.joined(separator: "\n") + "\n",
            "prices.csv": prices,
        ])
        CLI.expectError(
            try CLI.run(["check", "short.csv"], in: dir), "rnnmem check needs at least 100 observations", "has 99")
        CLI.expectError(try CLI.run(["check", "constant.csv"], in: dir), "is constant")
        CLI.expectError(try CLI.run(["check", "nan.csv"], in: dir), "nan.csv:42:1", "'NaN' is not a finite number")
        CLI.expectError(
            try CLI.run(["check", "prices.csv", "--transform", "log-returns"], in: dir),
            "--transform log-returns needs positive values", "observation 150")
        CLI.expectError(try CLI.run(["check", "prices.csv", "--column", "p", "--columns", "p"], in: dir), "not both")
        CLI.expectError(try CLI.run(["check", "prices.csv", "--last", "0"], in: dir), "--last")
        CLI.expectError(try CLI.run(["check", "prices.csv", "--transform", "cube"], in: dir), "cube")
        // The window of --last applies after the transform: 100 observations are enough, 99 are not.
        CLI.expectSuccess(
            try CLI.run(["check", "hundred.csv", "--last", "100"], in: try CLI.folder(["hundred.csv": short + "1\n"])))
        CLI.expectError(
            try CLI.run(["check", "prices.csv", "--transform", "diff", "--last", "99"], in: dir), "needs at least 100")
    }
}
