import Foundation
import Testing
import _TestSupport

/// `rnnmem sweep plan|run|collect|slurm` through the built binary, on a grid of fast `weights` commands.
@Suite("sweep command")
struct SweepCommandTests {
    /// A 2 × 2 grid: `weights --d {d} --length {n} --json`, metric w1 = the second weight (−d).
    static let grid = #"""
        {"name": "w", "command": ["weights", "--d", "{d}", "--length", "{n}", "--json"],
         "axes": {"d": [0.2, 0.4], "n": [2, 3]}, "metrics": {"w1": "weights.1", "count": "length"}}
        """#

    func folder(_ extra: [String: String] = [:]) throws -> URL {
        try CLI.folder(["grid.json": Self.grid].merging(extra) { $1 })
    }

    @Test("plan prints the numbered cells; --shards adds the shard column; --json has the documented keys")
    func plan() throws {
        let dir = try folder()
        let r = try CLI.run(["sweep", "plan", "grid.json", "--shards", "3"], in: dir)
        CLI.expectSuccess(r)
        let lines = CLI.lines(r.stdout)
        #expect(lines[0].hasPrefix("sweep w: 4 cells (d 2 × n 2), config hash "))
        let header = try #require(lines.firstIndex { $0.hasPrefix("cell") })
        #expect(lines[header] == "cell  shard  d    n  command")
        #expect(lines[header + 1] == "0     0      0.2  2  rnnmem weights --d 0.2 --length 2 --json")
        #expect(lines[header + 4] == "3     0      0.4  3  rnnmem weights --d 0.4 --length 3 --json")
        #expect(lines.count == header + 5)

        let j = try CLI.run(["sweep", "plan", "grid.json", "--json"], in: dir)
        CLI.expectSuccess(j)
        #expect(
            JSONTests.keys(j.stdout) == [
                "sweep", "config_hash", "cell_count", "axes", "fixed", "metrics", "metrics_file", "shards",
                "default_output_dir", "cells",
            ])
        let o = try JSONTests.object(j.stdout)
        #expect(o["cell_count"] as? Int == 4)
        let cells = try #require(o["cells"] as? [[String: Any]])
        #expect(cells[2]["command"] as? [String] == ["rnnmem", "weights", "--d", "0.4", "--length", "2", "--json"])
    }

    @Test("run, rerun (skips complete cells), collect with CSV tables and JSON")
    func runAndCollect() throws {
        let dir = try folder()
        let r = try CLI.run(["sweep", "run", "grid.json", "--output-dir", "out", "--jobs", "2", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            JSONTests.keys(r.stdout) == [
                "sweep", "config_hash", "shard", "output_dir", "shard_cells", "skipped", "ran", "failed", "rerun",
            ])
        #expect(r.stderr.contains("rnnmem: sweep w shard 0/1: 4 cells, 0 complete, 4 to run (2 at a time)"))
        #expect(r.stderr.contains("cell 3 (d=0.4 n=3) ok in"))

        let again = try CLI.run(["sweep", "run", "grid.json", "--output-dir", "out", "--progress", "none"], in: dir)
        CLI.expectSuccess(again)
        #expect(again.stdout.hasPrefix("sweep w shard 0/1: 4 cells: 0 ran (0 ok, 0 failed), 4 skipped (complete)\n"))

        let c = try CLI.run(["sweep", "collect", "out", "--output", "cells.csv", "--aggregates", "agg.csv"], in: dir)
        CLI.expectSuccess(c)
        #expect(c.stdout.contains(": 4 cells: 4 ok, 0 failed, 0 missing\n"))
        let cells = try String(contentsOf: dir.appendingPathComponent("cells.csv"), encoding: .utf8)
        let rows = CLI.lines(cells)
        #expect(rows[0] == "cell,d,n,status,exit_status,wall_time_seconds,w1,count,error")
        #expect(rows[1].hasPrefix("0,0.2,2,ok,0,") && rows[1].hasSuffix(",-0.2,2,"))
        #expect(rows.count == 5)
        // No seed axis: every cell is its own group.
        let agg = CLI.lines(try String(contentsOf: dir.appendingPathComponent("agg.csv"), encoding: .utf8))
        #expect(
            agg[0]
                == "d,n,cells,complete,w1_mean,w1_std,w1_min,w1_max,w1_sem,w1_count,count_mean,count_std,count_min,count_max,count_sem,count_count"
        )
        #expect(agg[4] == "0.4,3,1,1,-0.4,,-0.4,-0.4,,1,3.0,,3.0,3.0,,1")

        let j = try CLI.run(["sweep", "collect", "out", "--json"], in: dir)
        CLI.expectSuccess(j)
        #expect(
            JSONTests.keys(j.stdout) == [
                "sweep", "config_hash", "output_dir", "axes", "metrics", "cell_count", "complete_count", "missing",
                "failed",
                "cells", "aggregates", "comparisons",
            ])
        #expect(try JSONTests.object(j.stdout)["comparisons"] is NSNull)
    }

    @Test("Shards run separately; collect reports the missing cells; --require-complete fails until all ran")
    func shardsAndMissing() throws {
        let dir = try folder()
        CLI.expectSuccess(
            try CLI.run(
                ["sweep", "run", "grid.json", "--shard", "1/2", "--output-dir", "out", "--progress", "none"], in: dir))
        let partial = try CLI.run(["sweep", "collect", "out"], in: dir)
        #expect(partial.status == 0)
        #expect(partial.stderr == "rnnmem: warning: 2 of 4 cells missing: 0, 2\n")
        let strict = try CLI.run(["sweep", "collect", "out", "--require-complete"], in: dir)
        #expect(strict.status == 2)
        #expect(strict.stderr.hasSuffix("rnnmem: error: sweep w is incomplete: 2 missing and 0 failed of 4 cells\n"))
        CLI.expectSuccess(
            try CLI.run(
                ["sweep", "run", "grid.json", "--shard", "0/2", "--output-dir", "out", "--progress", "none"], in: dir))
        CLI.expectSuccess(try CLI.run(["sweep", "collect", "out", "--require-complete"], in: dir))
    }

    @Test("A corrupt result is said on standard error and in the JSON even with --progress none, and rerun")
    func corruptResultIsSaid() throws {
        let dir = try folder()
        CLI.expectSuccess(
            try CLI.run(["sweep", "run", "grid.json", "--output-dir", "out", "--progress", "none"], in: dir))
        try Data("xx".utf8).write(to: dir.appendingPathComponent("out/results/cell-000002.json"))
        let r = try CLI.run(
            ["sweep", "run", "grid.json", "--output-dir", "out", "--progress", "none", "--json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("rnnmem: rerunning cell 2: corrupt result "), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        let o = try JSONTests.object(r.stdout)
        let rerun = try #require(o["rerun"] as? [[String: Any]])
        #expect(rerun.count == 1)
        #expect(rerun.first?["cell"] as? Int == 2)
        #expect((rerun.first?["reason"] as? String)?.hasPrefix("corrupt result ") == true)
        #expect(o["skipped"] as? [Int] == [0, 1, 3])
        CLI.expectSuccess(try CLI.run(["sweep", "collect", "out", "--require-complete"], in: dir))
    }

    @Test("A failing cell: summary on stdout, one error line, status 2; its result is kept")
    func failingCell() throws {
        let dir = try CLI.folder([
            "bad.json": #"{"command": ["weights", "--d", "0.3", "--length", "{n}"], "axes": {"n": [2, 0]}}"#
        ])
        let r = try CLI.run(["sweep", "run", "bad.json", "--output-dir", "out", "--progress", "none"], in: dir)
        #expect(r.status == 2)
        #expect(r.stdout.hasPrefix("sweep bad shard 0/1: 2 cells: 2 ran (1 ok, 1 failed)"))
        #expect(
            r.stderr.hasPrefix(
                "rnnmem: error: sweep bad shard 0/1: 1 of 2 cells failed (cell 1: exit status 2: rnnmem: error: invalid --length 0"
            ))
        #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/results/cell-000001.json").path))
    }

    @Test("Bad input: one line naming the file or argument, status 2, nothing lost")
    func badInput() throws {
        let dir = try folder([
            "unknown.json": #"{"command": ["weights", "--d", "{d}"], "axes": {"d": [0.1]}, "seeds": 3}"#,
            "python.json": #"{"command": ["python3", "{d}"], "axes": {"d": [0.1]}}"#,
            "empty.json": #"{"command": ["weights", "--d", "{d}"], "axes": {"d": []}}"#,
            "syntax.json": "{\"command\": [\"weights\"\n",
        ])
        CLI.expectError(try CLI.run(["sweep", "plan", "unknown.json"], in: dir), "unknown.json: seeds: unknown key")
        CLI.expectError(
            try CLI.run(["sweep", "run", "python.json"], in: dir),
            "python.json: command: 'python3' is not an rnnmem command", "weights")
        CLI.expectError(try CLI.run(["sweep", "plan", "empty.json"], in: dir), "empty.json: axes.d: empty list")
        CLI.expectError(
            try CLI.run(["sweep", "plan", "syntax.json"], in: dir), "syntax.json:2:1: expected ',' or ']' in array")
        CLI.expectError(try CLI.run(["sweep", "plan", "missing.json"], in: dir), "no such file: 'missing.json'")
        CLI.expectError(try CLI.run(["sweep", "run", "grid.json", "--shard", "2/2"], in: dir), "invalid --shard 2/2")
        CLI.expectError(try CLI.run(["sweep", "run", "grid.json", "--shard", "1-2"], in: dir), "invalid --shard '1-2'")
        // A negative shard is the option's value, not an unknown option.
        CLI.expectError(try CLI.run(["sweep", "run", "grid.json", "--shard", "-1/2"], in: dir), "invalid --shard")
        CLI.expectError(try CLI.run(["sweep", "run", "grid.json", "--jobs", "0"], in: dir), "invalid --jobs 0")
        CLI.expectError(try CLI.run(["sweep", "collect", "nowhere"], in: dir), "no such directory: 'nowhere'")
        CLI.expectError(
            try CLI.run(["sweep", "collect", "."], in: dir), "'.' is not a sweep output directory (no sweep.json)")
        CLI.expectError(
            try CLI.run(["sweep", "slurm", "grid.json", "--shards", "2", "--time", "1 hour"], in: dir),
            "invalid --time '1 hour'")
        CLI.expectError(try CLI.run(["sweep", "slurm", "grid.json", "--shards", "9"], in: dir), "invalid --shards 9")
        CLI.expectError(
            try CLI.run(["sweep", "run", "grid.json", "--output-dir", "."], in: dir),
            "output directory '.' is not empty and holds no sweep.json")

        // A directory of another configuration is refused, and its results stay as they were.
        CLI.expectSuccess(
            try CLI.run(["sweep", "run", "grid.json", "--output-dir", "out", "--progress", "none"], in: dir))
        let before = try Data(contentsOf: dir.appendingPathComponent("out/results/cell-000000.json"))
        let other = try CLI.folder(["grid.json": Self.grid.replacingOccurrences(of: "0.4", with: "0.45")])
        try FileManager.default.moveItem(at: dir.appendingPathComponent("out"), to: other.appendingPathComponent("out"))
        let refused = try CLI.run(["sweep", "run", "grid.json", "--output-dir", "out"], in: other)
        CLI.expectError(refused, "output directory 'out' holds results of another sweep configuration")
        #expect(try Data(contentsOf: other.appendingPathComponent("out/results/cell-000000.json")) == before)
        CLI.expectError(
            try CLI.run(["sweep", "slurm", "grid.json", "--shards", "2", "--output-dir", "out"], in: other),
            "holds results of another sweep configuration")
    }

    @Test("slurm writes an executable job-array script and prepares the output directory")
    func slurm() throws {
        let dir = try folder()
        let r = try CLI.run(
            [
                "sweep", "slurm", "grid.json", "--shards", "2", "--partition", "debug", "--time", "10:00", "--cpus",
                "2",
                "--sbatch", "--mem=1G", "--output-dir", "out", "--output", "job.sh",
            ], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("rnnmem: note: wrote job.sh (2 array tasks, 4 cells); submit with: sbatch job.sh"))
        let script = try String(contentsOf: dir.appendingPathComponent("job.sh"), encoding: .utf8)
        #expect(script.contains("#SBATCH --array=0-1\n"))
        #expect(script.contains("#SBATCH --partition=debug\n#SBATCH --time=10:00\n"))
        #expect(script.contains("--shard \"${SLURM_ARRAY_TASK_ID}/2\" --jobs 2 --output-dir "))
        #expect(FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("job.sh").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/sweep.json").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/logs").path))

        let j = try CLI.run(["sweep", "slurm", "grid.json", "--shards", "3", "--output-dir", "out", "--json"], in: dir)
        CLI.expectSuccess(j)
        #expect(
            JSONTests.keys(j.stdout) == [
                "sweep", "config_hash", "shards", "array", "cells_per_shard", "output_dir", "rnnmem", "file", "script",
            ])
        let o = try JSONTests.object(j.stdout)
        #expect(o["cells_per_shard"] as? [Int] == [2, 1, 1])
        #expect((o["script"] as? String)?.hasPrefix("#!/bin/bash\n") == true)
    }
}
