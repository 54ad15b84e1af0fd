import Foundation
import LongMemory
import Testing
import _TestSupport

/// Every series command takes the same input options (`--column`/`--columns`, `--transform`, `--last`): one result
/// per column, computed on the transformed, windowed series.
@Suite("Series input options")
struct SeriesInputTests {
    /// Two positive columns of 40 prices.
    static let table: String = {
        var rows = ["a,b"]
        for t in 0..<40 {
            let a = 100 + 10 * sin(Double(t) * 0.9) + Double(t % 7)
            let b = 50 + Double((t * t) % 11) + 0.5 * Double(t)
            rows.append("\(a),\(b)")
        }
        return rows.joined(separator: "\n") + "\n"
    }()

    static func column(_ index: Int) -> [Double] {
        CLI.lines(table).dropFirst().compactMap { line in
            Double(String(line.split(separator: ",")[index]))
        }
    }

    static func csvColumns(_ text: String) -> (header: [String], columns: [[Double]]) {
        let lines = CLI.lines(text)
        let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
        var columns = [[Double]](repeating: [], count: header.count)
        for line in lines.dropFirst() {
            for (j, cell) in line.split(separator: ",").enumerated() where j < columns.count {
                columns[j].append(Double(String(cell)) ?? .nan)
            }
        }
        return (header, columns)
    }

    @Test("acf --transform log-returns --last 30 equals the library's ACF of the same window")
    func acfTransformed() throws {
        let dir = try CLI.folder(["p.csv": Self.table])
        let r = try CLI.run(
            ["acf", "p.csv", "--column", "a", "--transform", "log-returns", "--last", "30", "--lags", "5"], in: dir)
        CLI.expectSuccess(r)
        let returns = try SeriesTransform.logReturns.apply(to: Self.column(0))
        let expected = try SampleStatistics.autocorrelation(Array(returns.suffix(30)), maxLag: 5)
        #expect(CLI.numbers(r.stdout) == expected)
    }

    @Test("--columns: acf, periodogram and fracdiff print one CSV column per series, equal to the single runs")
    func severalColumns() throws {
        let dir = try CLI.folder(["p.csv": Self.table])
        let acf = Self.csvColumns(try CLI.run(["acf", "p.csv", "--columns", "a,b", "--lags", "4"], in: dir).stdout)
        #expect(acf.header == ["a", "b"])
        let periodogram = Self.csvColumns(try CLI.run(["periodogram", "p.csv", "--columns", "b,a"], in: dir).stdout)
        #expect(periodogram.header == ["frequency", "b", "a"])
        let fracdiff = Self.csvColumns(
            try CLI.run(["fracdiff", "p.csv", "--columns", "a,b", "--d", "0.3", "--transform", "log"], in: dir).stdout)
        #expect(fracdiff.header == ["a", "b"])
        for (k, name) in ["a", "b"].enumerated() {
            let single = try CLI.run(["acf", "p.csv", "--column", name, "--lags", "4"], in: dir)
            #expect(acf.columns[k] == CLI.numbers(single.stdout))
            let p = Self.csvColumns(try CLI.run(["periodogram", "p.csv", "--column", name], in: dir).stdout)
            #expect(periodogram.columns[0] == p.columns[0])
            #expect(periodogram.columns[2 - k] == p.columns[1])
            let f = try CLI.run(["fracdiff", "p.csv", "--column", name, "--d", "0.3", "--transform", "log"], in: dir)
            #expect(fracdiff.columns[k] == CLI.numbers(f.stdout))
        }
    }

    @Test("--columns --json: {input, transform, columns: [one object per column]}")
    func severalColumnsJSON() throws {
        let dir = try CLI.folder(["p.csv": Self.table])
        let r = try CLI.run(
            ["acf", "p.csv", "--columns", "a,b", "--transform", "diff", "--lags", "2", "--json"], in: dir)
        CLI.expectSuccess(r)
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(o.keys) == ["input", "transform", "columns"])
        #expect(o["transform"] as? String == "diff")
        let columns = try #require(o["columns"] as? [[String: Any]])
        #expect(columns.map { $0["column"] as? String } == ["a", "b"])
        #expect(columns.allSatisfy { $0["n"] as? Int == 39 && ($0["acf"] as? [Double])?.count == 3 })
    }

    @Test("columns --transform diff --last 3 shows the series as the analyses see it")
    func columnsTransformed() throws {
        let dir = try CLI.folder(["x.csv": "p,q\n1,10\n2,12\n4,11\n7,15\n0,20\n"])
        let r = try CLI.run(["columns", "x.csv", "--transform", "diff", "--last", "3"], in: dir)
        CLI.expectSuccess(r)
        #expect(r.stdout == "p,q\n2.0,-1.0\n3.0,4.0\n-7.0,5.0\n")
        CLI.expectError(
            try CLI.run(["columns", "x.csv", "--transform", "log"], in: dir),
            "--transform log needs positive values; observation 5 of column 'p' of x.csv is 0.0")
    }

    @Test("errors of the shared options: --column with --columns, --last 0, a missing column")
    func errors() throws {
        let dir = try CLI.folder(["p.csv": Self.table])
        CLI.expectError(
            try CLI.run(["acf", "p.csv", "--column", "a", "--columns", "a,b", "--lags", "2"], in: dir),
            "give --column or --columns, not both")
        CLI.expectError(try CLI.run(["periodogram", "p.csv", "--last", "0"], in: dir), "invalid --last 0")
        CLI.expectError(
            try CLI.run(["fracdiff", "p.csv", "--columns", "a,zz", "--d", "0.2"], in: dir), "no column 'zz'")
    }

    // MARK: Issue 9: one magnitude check for every series verb

    /// 64 values of alternating sign near ±1e300 (not constant), and the same near 1e-310.
    static let huge =
        "x\n"
        + (0..<64).map { "\(($0 % 3 == 0 ? -1.0 : 1.0) * (1 + Double($0 % 5)) * 1e300)" }
        .joined(separator: "\n") + "\n"
    static let tiny = "x\n" + (0..<64).map { "\(Double($0 % 5) * 1e-160 * 1e-150)" }.joined(separator: "\n") + "\n"

    @Test("values near ±1e300: every series verb names the file and the overflow of the sample variance")
    func overflowingSeries() async throws {
        let dir = try CLI.folder(["huge.csv": Self.huge, "tiny.csv": Self.tiny])
        let huge = dir.appendingPathComponent("huge.csv").path
        let verbs: [[String]] = [
            ["acf", huge, "--lags", "3"], ["periodogram", huge], ["fracdiff", huge, "--d", "0.2"], ["columns", huge],
            ["estimate", huge, "--method", "gph"], ["estimate", huge, "--method", "mle"],
            ["test", huge, "--method", "lo"],
            ["check", huge], ["forecast", huge, "--model", "naive", "--splits", "40,10,13"],
            [
                "train", "--model", "rnn", "--hidden", "2", "--task", "series", "--data", huge, "--steps", "1",
                "--output-dir", dir.appendingPathComponent("t").path, "--progress", "none",
            ],
        ]
        for arguments in verbs {
            let r = await CLI.runInProcess(arguments + ["--json"])
            CLI.expectError(r, "huge.csv, column 'x'", "the sample variance overflows", "rescale the series")
            #expect(!r.stderr.contains("constant"), "\(arguments[0]): \(r.stderr)")
        }
        CLI.expectError(
            await CLI.runInProcess(["acf", dir.appendingPathComponent("tiny.csv").path, "--lags", "2"]),
            "tiny.csv, column 'x': the sample variance underflows")
        // A transform that overflows: the difference of 1e308 and −1e308.
        CLI.expectError(
            await CLI.runInProcess(["columns", "-", "--transform", "diff"], stdin: "x\n1e308\n-1e308\n1\n2\n"),
            "<stdin>, column 'x' (diff): observation 1 is -inf after the transform")
    }

    @Test("no non-finite result with exit 0: aggvar on two scales reports an undefined s.e., in text and JSON")
    func undefinedStandardError() async throws {
        let values = (0..<300).map { i in Double((i * 7919) % 101) / 10 }
        let dir = try CLI.folder(["s.csv": "x\n" + values.map { "\($0)" }.joined(separator: "\n") + "\n"])
        let path = dir.appendingPathComponent("s.csv").path
        let text = await CLI.runInProcess(["estimate", path, "--method", "aggvar", "--scales", "10,1"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("se: undefined (a least-squares slope through 2 scales has no residual degrees"))
        #expect(text.stdout.contains("ci: undefined"))
        #expect(!text.stdout.contains("nan") && !text.stdout.contains("inf,") && !text.stdout.contains("-inf"))
        let json = await CLI.runInProcess(["estimate", path, "--method", "aggvar", "--scales", "10,1", "--json"])
        #expect(json.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: json.standardOutput) as? [String: Any])
        #expect(object["se"] is NSNull)
        #expect(object["ci"] is NSNull)
        #expect((object["notes"] as? [String])?.contains { $0.hasPrefix("standard error undefined: ") } == true)
    }

    @Test("scale invariance inside the working range: KPSS of x·1e-20 equals KPSS of x (no absolute threshold)")
    func tinyScaleKPSS() async throws {
        var walk = 0.0
        let values = (0..<200).map { i -> Double in
            walk += Double((i * 7919) % 13) - 6
            return walk
        }
        let dir = try CLI.folder([
            "x.csv": "x\n" + values.map { "\($0)" }.joined(separator: "\n") + "\n",
            "small.csv": "x\n" + values.map { "\($0 * 1e-20)" }.joined(separator: "\n") + "\n",
        ])
        func statistic(_ name: String) async throws -> Double {
            let r = await CLI.runInProcess(
                ["test", dir.appendingPathComponent(name).path, "--method", "kpss", "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            let object = try #require(JSONSerialization.jsonObject(with: r.standardOutput) as? [String: Any])
            return try #require(object["statistic"] as? Double)
        }
        let a = try await statistic("x.csv"), b = try await statistic("small.csv")
        #expect(abs(a - b) <= 1e-9 * abs(a))
    }

    @Test("check on a square wave (periodogram zero off its harmonics): a report, not a trap on a 10³⁰⁰ ratio")
    func squareWave() async throws {
        let dir = try CLI.folder(["w.csv": "x\n" + (0..<200).map { "\(($0 / 10) % 2)" }.joined(separator: "\n") + "\n"])
        let r = await CLI.runInProcess(["check", dir.appendingPathComponent("w.csv").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("period 20"))
    }
}
