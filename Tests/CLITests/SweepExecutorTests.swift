import Foundation
import Testing
import _TestSupport

/// `rnnmem sweep run --executor in-process`: the cells run through `CommandLineTool.run` inside the runner and give
/// the same metrics, cell for cell, as child processes.
@Suite("sweep run --executor")
struct SweepExecutorTests {
    /// Six cells: the weights of (1−B)^d and a seeded ARFIMA draw per cell.
    static let grid = #"""
        {"name": "ex", "command": ["simulate", "arfima", "--d", "{d}", "--length", "5", "--seed", "{seed}", "--json"],
         "axes": {"d": [0.1, 0.4], "seed": 3}, "metrics": {"v0": "values.0", "v4": "values.4"}}
        """#

    @Test("in-process and process executors: identical metrics; the executor is recorded in every result")
    func sameMetrics() throws {
        let dir = try CLI.folder(["grid.json": Self.grid])
        defer { try? FileManager.default.removeItem(at: dir) }
        for (executor, out) in [("process", "a"), ("in-process", "b")] {
            CLI.expectSuccess(
                try CLI.run(
                    [
                        "sweep", "run", "grid.json", "--executor", executor, "--jobs", "2",
                        "--output-dir", out, "--progress", "none",
                    ], in: dir))
        }
        for cell in 0..<6 {
            let name = String(format: "results/cell-%06d.json", cell)
            let a = try JSONTests.object(String(contentsOf: dir.appendingPathComponent("a/" + name), encoding: .utf8))
            let b = try JSONTests.object(String(contentsOf: dir.appendingPathComponent("b/" + name), encoding: .utf8))
            #expect(a["executor"] as? String == "process" && b["executor"] as? String == "in-process")
            #expect(
                NSDictionary(dictionary: try #require(a["metrics"] as? [String: Any]))
                    == NSDictionary(dictionary: try #require(b["metrics"] as? [String: Any])), "cell \(cell)")
            #expect(a["status"] as? String == "ok" && b["status"] as? String == "ok")
        }
        // The cell's output is kept in its folder either way.
        let log = try String(contentsOf: dir.appendingPathComponent("b/cells/cell-000000/stdout.log"), encoding: .utf8)
        #expect(log.contains("\"values\""))
        CLI.expectError(
            try CLI.run(["sweep", "run", "grid.json", "--executor", "thread", "--output-dir", "c"], in: dir),
            "--executor")
    }
}
