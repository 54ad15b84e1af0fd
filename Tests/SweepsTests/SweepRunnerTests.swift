import Foundation
import Sweeps
import Testing
import _TestSupport

@Suite("Sweep runner (in-process stub)")
struct SweepRunnerTests {
    func runner(_ config: SweepConfiguration, _ path: String, log: CallLog, jobs: Int = 1, failing: Set<String> = [])
        throws -> SweepRunner
    {
        let directory = try SweepDirectory.prepare(path, for: config)
        return try SweepRunner(
            configuration: config, directory: directory,
            executor: InProcessExecutor(Fixtures.entry(log: log, failingSeeds: failing)), rnnmemVersion: "test",
            jobs: jobs, host: "test-host")
    }

    @Test("Two shards, run separately, give the unsharded result cell for cell")
    func shardsEqualUnsharded() async throws {
        let config = try Fixtures.configuration()
        let whole = try Fixtures.folder(), split = try Fixtures.folder()
        let log = CallLog()
        _ = try await runner(config, whole, log: log).run(shard: .all)
        let splitLog = CallLog()
        let r0 = try await runner(config, split, log: splitLog, jobs: 3).run(shard: Shard(index: 0, count: 2))
        let r1 = try await runner(config, split, log: splitLog, jobs: 2).run(shard: Shard(index: 1, count: 2))
        #expect(r0.results.map(\.cell) == [0, 2, 4, 6, 8, 10])
        #expect(r1.results.map(\.cell) == [1, 3, 5, 7, 9, 11])
        #expect(splitLog.all.count == 12)
        let a = try Fixtures.metrics(in: whole), b = try Fixtures.metrics(in: split)
        #expect(a.count == 12)
        #expect(a == b)
        // The metrics are those of the cell's own arguments.
        let collection = try SweepCollection.collect(split)
        for result in collection.complete {
            #expect(result.metric("score") == .number(Fixtures.score(result.command)))
            #expect(result.metric("first") == .integer(1))
            #expect(result.shard == (result.cell % 2 == 0 ? "0/2" : "1/2"))
        }
        #expect(collection.missing.isEmpty && collection.failed.isEmpty)
    }

    @Test("A run interrupted after k cells resumes without recomputing them")
    func resumesAfterInterruption() async throws {
        let config = try Fixtures.configuration()
        let path = try Fixtures.folder()
        let directory = try SweepDirectory.prepare(path, for: config)
        let first = CallLog()
        let interrupted = try SweepRunner(
            configuration: config, directory: directory,
            executor: InterruptingExecutor(base: InProcessExecutor(Fixtures.entry(log: first)), limit: 5),
            rnnmemVersion: "test")
        await #expect(throws: CancellationError.self) { try await interrupted.run(shard: .all) }
        #expect(first.all.count == 5)
        // A killed write leaves a temporary file behind: it must not count, and is cleaned up.
        let stale = directory.resultsDirectory + "/.cell-000007.json.tmp-999-1"
        try Data("{\"format\": \"rnnmem-sweep-res".utf8).write(to: URL(fileURLWithPath: stale))
        let partial = try SweepCollection.collect(path)
        #expect(partial.complete.map(\.cell) == [0, 1, 2, 3, 4])
        #expect(partial.missing == Array(5..<12))

        let second = CallLog()
        let report = try await runner(config, path, log: second).run(shard: .all)
        #expect(report.skipped == [0, 1, 2, 3, 4])
        #expect(report.results.map(\.cell) == Array(5..<12))
        #expect(second.all.count == 7)
        #expect(first.cells.isDisjoint(with: second.cells))
        #expect(!FileManager.default.fileExists(atPath: stale))

        let third = CallLog()
        let again = try await runner(config, path, log: third).run(shard: .all)
        #expect(third.all.isEmpty)
        #expect(again.skipped.count == 12)

        let reference = try Fixtures.folder()
        _ = try await runner(config, reference, log: CallLog()).run(shard: .all)
        #expect(try Fixtures.metrics(in: path) == Fixtures.metrics(in: reference))
    }

    @Test("A corrupt result is reported as failed and rerun; nothing else reruns")
    func corruptResultIsRerun() async throws {
        let config = try Fixtures.configuration()
        let path = try Fixtures.folder()
        _ = try await runner(config, path, log: CallLog()).run(shard: .all)
        let directory = SweepDirectory(path: path)
        let file = directory.resultFile(4, in: config)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try Data(original.prefix(original.count / 2).utf8).write(to: URL(fileURLWithPath: file))
        // A result that parses but lacks a metric is corrupt too.
        let other = directory.resultFile(9, in: config)
        let text = try String(contentsOfFile: other, encoding: .utf8).replacingOccurrences(
            of: "\"label\"", with: "\"lbl\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: other))

        let collection = try SweepCollection.collect(path)
        #expect(collection.failed.map(\.cell) == [4, 9])
        #expect(collection.failed[0].reason.contains("cell-000004.json"))
        #expect(collection.failed[1].reason.contains("'label' is missing"))
        #expect(collection.complete.count == 10)

        let log = CallLog()
        let report = try await runner(config, path, log: log).run(shard: .all)
        #expect(report.plan.rerun.map(\.cell) == [4, 9])
        #expect(report.results.map(\.cell) == [4, 9])
        #expect(log.all.count == 2)
        #expect(try SweepCollection.collect(path).complete.count == 12)
    }

    @Test("A failing cell is recorded with its exit status and stderr tail, and retried on the next run")
    func failedCellsAreRecordedAndRetried() async throws {
        let config = try Fixtures.configuration()
        let path = try Fixtures.folder()
        let report = try await runner(config, path, log: CallLog(), jobs: 4, failing: ["1"]).run(shard: .all)
        #expect(report.failed.map(\.cell) == [1, 4, 7, 10])
        let failed = try #require(report.failed.first)
        #expect(failed.exitStatus == 2)
        #expect(failed.status == .failed)
        #expect(failed.error == "exit status 2: rnnmem: error: seed 1 diverged")
        #expect(failed.stderrTail == "progress line\nrnnmem: error: seed 1 diverged")
        #expect(failed.metrics.isEmpty)
        let cellDirectory = SweepDirectory(path: path).cellDirectory(1, in: config)
        #expect(try String(contentsOfFile: cellDirectory + "/stderr.log", encoding: .utf8).contains("diverged"))

        let collection = try SweepCollection.collect(path)
        #expect(collection.failed.map(\.cell) == [1, 4, 7, 10])
        // Aggregates use the complete seeds only.
        let first = try #require(collection.aggregates.first)
        #expect(first.cellCount == 3 && first.completeCount == 2)

        let log = CallLog()
        let retry = try await runner(config, path, log: log).run(shard: .all)
        #expect(retry.results.map(\.cell) == [1, 4, 7, 10])
        #expect(retry.failed.isEmpty)
        #expect(try SweepCollection.collect(path).complete.count == 12)
    }

    @Test("A metric that cannot be read fails the cell with a message naming the key")
    func unreadableMetricFailsTheCell() async throws {
        let text = Fixtures.gridText.replacingOccurrences(of: "\"result.score\"", with: "\"result.rmse\"")
        let config = try Fixtures.configuration(text)
        let report = try await runner(config, try Fixtures.folder(), log: CallLog()).run(
            shard: Shard(index: 0, count: 6))
        #expect(report.failed.count == 2)
        #expect(report.failed.first?.error == "metric 'score': no key 'rmse' at 'result' of standard output")
        #expect(report.failed.first?.exitStatus == 0)

        let plain = InProcessExecutor { _ in (0, "not json\n", "") }
        let config2 = try Fixtures.configuration()
        let path = try Fixtures.folder()
        let runner2 = try SweepRunner(
            configuration: config2, directory: SweepDirectory.prepare(path, for: config2), executor: plain,
            rnnmemVersion: "test")
        let report2 = try await runner2.run(shard: Shard(index: 0, count: 12))
        #expect(report2.failed.first?.error?.hasPrefix("standard output is not JSON (1:1:") == true)
    }

    @Test("Metrics are read from a file in the cell directory")
    func metricsFromFile() async throws {
        let text = """
            {"command": ["train", "--seed", "{seed}", "--output", "{cell_dir}"], "axes": {"seed": [3, 5]},
             "metrics": ["loss"], "metrics_file": "out/summary.json"}
            """
        let config = try Fixtures.configuration(text)
        let entry: InProcessExecutor.Entry = { arguments in
            let dir = Fixtures.option("--output", in: arguments) ?? "/nonexistent"
            let seed = Fixtures.option("--seed", in: arguments) ?? ""
            try? FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
            if seed == "3" {
                _ = FileManager.default.createFile(
                    atPath: dir + "/out/summary.json", contents: Data("{\"loss\": 0.25}".utf8))
            }
            return (0, "text output\n", "")
        }
        let path = try Fixtures.folder()
        let runner = try SweepRunner(
            configuration: config, directory: SweepDirectory.prepare(path, for: config),
            executor: InProcessExecutor(entry), rnnmemVersion: "test")
        let report = try await runner.run(shard: .all)
        #expect(report.results[0].metrics == [JSONMember("loss", .number(0.25))])
        #expect(report.results[0].command.last == SweepDirectory(path: path).cellDirectory(0, in: config))
        #expect(report.results[1].error == "the command did not write out/summary.json into its cell directory")
    }

    @Test("A directory holding another configuration's results is refused, and nothing in it changes")
    func differentConfigurationIsRefused() async throws {
        let config = try Fixtures.configuration()
        let path = try Fixtures.folder()
        _ = try await runner(config, path, log: CallLog()).run(shard: Shard(index: 0, count: 3))
        let before = try snapshot(path)

        let changed = try Fixtures.configuration(Fixtures.gridText.replacingOccurrences(of: "0.01", with: "0.02"))
        #expect(changed.configHash != config.configHash)
        let error = #expect(throws: SweepError.self) { try SweepDirectory.prepare(path, for: changed) }
        #expect(error?.description.contains("holds results of another sweep configuration") == true)
        #expect(error?.description.contains("fake.json has \(changed.shortHash)") == true)
        #expect(try snapshot(path) == before)

        // A stray result of another configuration among this one's results is refused by run and collect.
        let foreignPath = try Fixtures.folder()
        _ = try await runner(changed, foreignPath, log: CallLog()).run(shard: Shard(index: 0, count: 12))
        let directory = SweepDirectory(path: path)
        try FileManager.default.removeItem(atPath: directory.resultFile(3, in: config))
        try FileManager.default.copyItem(
            atPath: SweepDirectory(path: foreignPath).resultFile(0, in: changed),
            toPath: directory.resultFile(3, in: config))
        let runError = await #expect(throws: SweepError.self) {
            try await runner(config, path, log: CallLog()).run(shard: .all)
        }
        #expect(runError?.description.contains("cell-000003.json is a result of another sweep configuration") == true)
        #expect(throws: SweepError.self) { try SweepCollection.collect(path) }
    }

    @Test("A non-empty folder that is not a sweep directory is refused")
    func foreignFolderIsRefused() throws {
        let config = try Fixtures.configuration()
        let path = try Fixtures.folder()
        _ = FileManager.default.createFile(atPath: path + "/notes.txt", contents: Data("keep me".utf8))
        let error = #expect(throws: SweepError.self) { try SweepDirectory.prepare(path, for: config) }
        #expect(error?.description.contains("is not empty and holds no sweep.json") == true)
        #expect(!FileManager.default.fileExists(atPath: path + "/sweep.json"))
        // A file where the directory should be.
        #expect(throws: SweepError.self) { try SweepDirectory.prepare(path + "/notes.txt", for: config) }
        // Collecting a folder without sweep.json.
        let collectError = #expect(throws: SweepError.self) { try SweepCollection.collect(path) }
        #expect(collectError?.description.contains("not a sweep output directory (no sweep.json)") == true)
    }

    @Test("sweep.json stores the configuration; reopening it gives the same cells and hash")
    func descriptionRoundTrip() throws {
        let config = try Fixtures.configuration()
        let path = try Fixtures.folder() + "/nested/out"
        _ = try SweepDirectory.prepare(path, for: config)
        _ = try SweepDirectory.prepare(path, for: config)  // a second shard starting: accepted
        let (_, stored) = try SweepDirectory.open(path)
        #expect(stored.configHash == config.configHash)
        #expect(stored.cells == config.cells)
        #expect(stored.name == "fake")
        #expect(stored.metrics == config.metrics)
    }

    @Test("Results round-trip through their JSON document")
    func resultRoundTrip() async throws {
        let config = try Fixtures.configuration()
        let report = try await runner(config, try Fixtures.folder(), log: CallLog(), failing: ["2"]).run(
            shard: Shard(index: 1, count: 6))
        #expect(report.results.count == 2)
        for result in report.results {
            let parsed = try CellResult(json: try JSONParser.parse(result.json.prettyText))
            #expect(parsed == result)
            #expect(parsed.rnnmemVersion == "test" && parsed.host == "test-host" && parsed.executor == "in-process")
            #expect(parsed.seed == config.seed(of: config.cell(parsed.cell)))
        }
    }

    @Test("Invalid --jobs is refused")
    func invalidJobs() throws {
        let config = try Fixtures.configuration()
        let directory = try SweepDirectory.prepare(try Fixtures.folder(), for: config)
        #expect(throws: SweepError.self) {
            try SweepRunner(
                configuration: config, directory: directory, executor: InProcessExecutor { _ in (0, "", "") },
                rnnmemVersion: "test", jobs: 0)
        }
    }

    /// Every file under `path` with its contents.
    func snapshot(_ path: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files[name] = FileManager.default.contents(atPath: path + "/" + name)
            }
        }
        return files
    }
}
