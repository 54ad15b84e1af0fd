import Foundation
import Testing
import _TestSupport

@Suite("JSON output and --output")
struct JSONTests {
    /// The top-level object of a JSON document.
    static func object(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(text)")
    }

    /// Top-level keys in document order (the serializer writes one key per line, indented by two spaces).
    static func keys(_ text: String) -> [String] {
        CLI.lines(text).compactMap { line in
            guard line.hasPrefix("  \""), !line.hasPrefix("   ") else { return nil }
            return line.dropFirst(3).split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
    }

    @Test("weights --json: keys d, inverse, length, weights in that order")
    func weightsJSON() throws {
        let r = try CLI.run(["weights", "--d", "0.4", "--length", "3", "--json"])
        CLI.expectSuccess(r)
        #expect(Self.keys(r.stdout) == ["d", "inverse", "length", "weights"])
        let o = try Self.object(r.stdout)
        #expect(o["d"] as? Double == 0.4)
        #expect(o["inverse"] as? Bool == false)
        #expect((o["weights"] as? [Double]).map { CLI.maxAbsError($0, [1, -0.4, -0.12]) <= 1e-12 } == true)
        #expect(
            r.stdout
                == "{\n  \"d\": 0.4,\n  \"inverse\": false,\n  \"length\": 3,\n  \"weights\": [1.0, -0.4, -0.12]\n}\n")
    }

    @Test("fracdiff --json names the input, column and settings; null window without --window")
    func fracdiffJSON() throws {
        let dir = try CLI.folder(["x.csv": "level\n1\n2\n4\n7\n0\n"])
        let r = try CLI.run(["fracdiff", "x.csv", "--d", "0.5", "--json"], in: dir)
        CLI.expectSuccess(r)
        #expect(
            Self.keys(r.stdout) == [
                "input", "column", "transform", "n", "d", "inverse", "demean", "window", "lost_memory", "values",
            ])
        let o = try Self.object(r.stdout)
        #expect(o["input"] as? String == "x.csv")
        #expect(o["column"] as? String == "level")
        #expect(o["n"] as? Int == 5)
        #expect(o["window"] is NSNull)
        #expect(o["lost_memory"] is NSNull)
        let values = try #require(o["values"] as? [Double])
        #expect(CLI.maxAbsError(values, [1, 1.5, 2.875, 4.6875, -4.1640625]) <= 1e-12)
    }

    @Test("simulate/acvf/acf/periodogram --json key sets")
    func otherJSON() throws {
        let dir = try CLI.folder(["x.csv": "1\n2\n4\n7\n0\n"])
        let sim = try CLI.run(["simulate", "fgn", "--hurst", "0.7", "--length", "8", "--seed", "3", "--json"])
        #expect(Self.keys(sim.stdout) == ["model", "hurst", "sigma", "length", "seed", "method", "values"])
        #expect((try Self.object(sim.stdout)["values"] as? [Double])?.count == 8)
        let arfima = try CLI.run(["simulate", "arfima", "--d", "0.2", "--length", "8", "--seed", "3", "--json"])
        #expect(Self.keys(arfima.stdout) == ["model", "d", "ar", "ma", "sigma", "length", "seed", "method", "values"])
        let acvf = try CLI.run(["acvf", "--d", "0.2", "--ma", "0.5", "--lags", "4", "--json"])
        #expect(Self.keys(acvf.stdout) == ["d", "ar", "ma", "sigma", "lags", "acvf"])
        #expect((try Self.object(acvf.stdout)["acvf"] as? [Double])?.count == 5)
        let acf = try CLI.run(["acf", "x.csv", "--lags", "2", "--json"], in: dir)
        #expect(Self.keys(acf.stdout) == ["input", "column", "transform", "n", "lags", "acf"])
        let p = try CLI.run(["periodogram", "x.csv", "--json"], in: dir)
        #expect(Self.keys(p.stdout) == ["input", "column", "transform", "n", "frequency", "periodogram"])
        let c = try CLI.run(["columns", "x.csv", "--json"], in: dir)
        #expect(Self.keys(c.stdout) == ["input", "transform", "n", "columns"])
    }

    @Test("--output FILE writes the result there and nothing to standard output")
    func outputFile() throws {
        let dir = try CLI.folder([:])
        let r = try CLI.run(["weights", "--d", "0.4", "--length", "8", "--output", "w.txt"], in: dir)
        CLI.expectSuccess(r)
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOf: dir.appendingPathComponent("w.txt"), encoding: .utf8)
        #expect(CLI.maxAbsError(CLI.numbers(written), WeightsAndFracdiffTests.weightsD04) <= 1e-12)
        let direct = try CLI.run(["weights", "--d", "0.4", "--length", "8"])
        #expect(written == direct.stdout)
        // -o with --json, overwriting the file.
        let j = try CLI.run(["weights", "--d", "0.4", "--length", "2", "-o", "w.txt", "--json"], in: dir)
        CLI.expectSuccess(j)
        let json = try String(contentsOf: dir.appendingPathComponent("w.txt"), encoding: .utf8)
        #expect(try Self.object(json)["length"] as? Int == 2)
    }

    @Test("--output to a missing folder or to a folder: exit 2 naming the path")
    func outputErrors() throws {
        let dir = try CLI.folder([:])
        CLI.expectError(
            try CLI.run(["weights", "--d", "0.4", "--length", "2", "--output", "no/such/w.txt"], in: dir),
            "cannot write 'no/such/w.txt': no such file or directory")
        CLI.expectError(
            try CLI.run(["weights", "--d", "0.4", "--length", "2", "--output", "."], in: dir),
            "cannot write '.': is a directory")
        CLI.expectError(
            try CLI.run(["weights", "--d", "0.4", "--length", "2", "--output", ""], in: dir), "cannot write ''")
    }

    @Test("output is exact: shortest round-trip decimals; plain and JSON hold the same doubles")
    func exactOutput() throws {
        let r = try CLI.run(["weights", "--d", "0.3", "--length", "50"])
        let lines = CLI.lines(r.stdout)
        let printed = CLI.numbers(r.stdout)
        #expect(printed.count == 50)
        // Each line is Swift's shortest representation of the double it reads back to.
        #expect(lines == printed.map(\.description))
        let json = try CLI.run(["weights", "--d", "0.3", "--length", "50", "--json"])
        // (Parsed by hand: Foundation's JSON reader on Linux does not always round-trip doubles exactly.)
        let array = CLI.lines(json.stdout).first { $0.hasPrefix("  \"weights\": [") }
        let fromJSON = array.map { $0.dropFirst(14).dropLast().split(separator: ", ").compactMap { Double($0) } }
        #expect(fromJSON == printed)
        // Values: the recursion π_j = π_(j−1)(j − 1 − d)/j of Hosking (1981), to rounding.
        var expected = [1.0]
        for j in 1..<50 { expected.append(expected[j - 1] * (Double(j) - 1 - 0.3) / Double(j)) }
        #expect(TestSupport.maxRelativeError(printed, expected) < 1e-14)
    }
}
