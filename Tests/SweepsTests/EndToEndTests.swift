import Foundation
import Sweeps
import Testing
import _TestSupport

/// The runner driving the built rnnmem binary (`swift build` first, as for the CLI tests).
@Suite("Sweeps end to end (built rnnmem binary)")
struct EndToEndTests {
    var executor: ProcessExecutor {
        get throws { try ProcessExecutor(executable: TestSupport.rnnmemBinary) }
    }

    @Test("The smoke grid in two shards equals the unsharded run, cell for cell (same weights checksums)")
    func smokeGridSharded() async throws {
        let path = TestSupport.packageRoot.appendingPathComponent("data/sweeps/smoke.json").path
        let config = try SweepConfiguration.load(path: path)
        let whole = try Fixtures.folder(), split = try Fixtures.folder()
        let all = try SweepRunner(
            configuration: config, directory: SweepDirectory.prepare(whole, for: config), executor: executor,
            rnnmemVersion: "test", jobs: 2)
        let report = try await all.run(shard: .all)
        #expect(report.failed.isEmpty, "\(report.failed.map { $0.error ?? "" })")
        for i in 0..<2 {
            let shard = try SweepRunner(
                configuration: config, directory: SweepDirectory.prepare(split, for: config), executor: executor,
                rnnmemVersion: "test", jobs: 2)
            _ = try await shard.run(shard: Shard(index: i, count: 2))
        }
        let a = try SweepCollection.collect(whole), b = try SweepCollection.collect(split)
        #expect(a.complete.count == 12 && b.complete.count == 12)
        #expect(a.complete.map(\.metrics) == b.complete.map(\.metrics))
        for result in a.complete {
            #expect(result.metric("steps") == .integer(20))
            #expect(result.metric("checksum")?.stringValue?.hasPrefix("fnv1a64:") == true)
            #expect(result.executor == "process" && result.command.first == "rnnmem")
            let cellDirectory = SweepDirectory(path: whole).cellDirectory(result.cell, in: config)
            #expect(FileManager.default.fileExists(atPath: cellDirectory + "/weights.safetensors"))
        }
        // Different seeds give different networks.
        #expect(Set(a.complete.compactMap { $0.metric("checksum")?.stringValue }).count == 12)
    }

    @Test("A failing rnnmem command is recorded with its exit status and error line; a large output is captured")
    func failingCommand() async throws {
        let text =
            #"{"command": ["weights", "--d", "0.3", "--length", "{n}", "--json"], "axes": {"n": [3, 0, 200000]}, "metrics": {"w1": "weights.1"}}"#
        let config = try Fixtures.configuration(text)
        let runner = try SweepRunner(
            configuration: config, directory: SweepDirectory.prepare(try Fixtures.folder(), for: config),
            executor: executor, rnnmemVersion: "test")
        let report = try await runner.run(shard: .all)
        #expect(report.results[0].status == .ok)
        #expect(report.results[0].metric("w1") == .number(-0.3))
        #expect(report.results[1].status == .failed)
        #expect(report.results[1].exitStatus == 2)
        #expect(report.results[1].error?.hasPrefix("exit status 2: rnnmem: error: ") == true)
        // Several megabytes of standard output: kept whole in stdout.log, and parsed.
        #expect(report.results[2].status == .ok)
        #expect(report.results[2].metric("w1") == .number(-0.3))
        let log = runner.directory.cellDirectory(2, in: config) + "/stdout.log"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int)
        #expect(size > 2_000_000)
    }

    @Test("A missing binary is refused")
    func missingBinary() throws {
        #expect(throws: SweepError("no rnnmem binary at '/nonexistent/rnnmem'")) {
            try ProcessExecutor(executable: URL(fileURLWithPath: "/nonexistent/rnnmem"))
        }
    }
}
