import ArgumentParser
import Foundation
import Sweeps

/// `--executor process|in-process` of `sweep run`.
enum SweepExecutorArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case process
    case inProcess = "in-process"
}

/// `--progress lines|none` of `sweep run`.
enum SweepProgressArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case lines, none
}

/// `rnnmem sweep run CONFIG --shard i/N [--jobs J] [--output-dir DIR]`: run one shard of a sweep.
struct SweepRunCommand: AsyncToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the cells of one shard of a sweep, skipping those already complete.",
        discussion: """
            Shard i of N runs the cells c with c mod N = i (default 0/1: every cell), J at a time, each as a \
            child process of this rnnmem binary (relative paths in the command resolve against the current \
            directory). Every finished cell gets a result file DIR/results/cell-NNNNNN.json, written atomically \
            (temporary file, fsync, rename): its exact command, seed, rnnmem version, config hash, wall time, exit \
            status, the tail of its standard error and its metrics. The cell's own folder DIR/cells/cell-NNNNNN \
            ({cell_dir}) also keeps its stdout.log and stderr.log. A rerun skips complete cells and reruns \
            missing, failed and corrupt ones, so a killed or pre-empted run resumes where it stopped. DIR \
            defaults to run/sweeps/<name>-<config hash>; a DIR holding another configuration's results is \
            refused. Shards may run at the same time on one machine or many (shared file system):
              parallel rnnmem sweep run CONFIG --shard {}/4 --output-dir DIR ::: 0 1 2 3
            Progress goes to standard error; a summary to standard output. JSON keys: sweep, config_hash, shard, \
            output_dir, shard_cells, skipped[], ran[] (cell, status, exit_status, wall_time_seconds, error), \
            failed[], rerun[] (cell, reason: the failed or corrupt result it replaced; said on standard error even with \
            --progress none). Exit status 2 when a cell failed (its result is kept and it is rerun next time).

            --executor in-process runs each cell's command inside this process (CommandLineTool.run: the same \
            bytes as the binary, output captured per call, --jobs cells on concurrent tasks) instead of a child \
            process: it saves the process start per cell (milliseconds; useful for grids of many very short cells), \
            but a cell that crashes takes the whole shard down (complete results stay; a rerun resumes) and every \
            cell shares this process's memory. The results record the executor ("process" or "in-process"); the \
            metrics are identical.
            """)

    @Argument(help: ArgumentHelp("Sweep configuration (JSON).", valueName: "config"))
    var config: String

    @Option(help: ArgumentHelp("The shard to run: i/N with 0 ≤ i < N.", valueName: "i/N"))
    var shard: String = "0/1"

    @Option(help: ArgumentHelp("Cells run at the same time.", valueName: "J"))
    var jobs: Int = 1

    @Option(help: ArgumentHelp("Output directory (default run/sweeps/<name>-<config hash>).", valueName: "dir"))
    var outputDir: String?

    @Option(help: ArgumentHelp("Progress on standard error: lines, none.", valueName: "style"))
    var progress: SweepProgressArgument = .lines

    @Option(
        help: ArgumentHelp(
            "Run each cell as a child process (default) or inside this process (see above).",
            valueName: "process|in-process"))
    var executor: SweepExecutorArgument = .process

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    func run(console: Console) async throws {
        let configuration = try SweepSupport.load(config)
        let shard = try SweepSupport.checked { () throws(SweepError) -> Shard in try Shard(parsing: self.shard) }
        guard jobs >= 1, jobs <= 4096 else {
            throw CLIError.invalidArgument("--jobs", String(jobs), "must be between 1 and 4096")
        }
        if let outputDir, outputDir.isEmpty { throw CLIError("--output-dir is empty: give a directory") }
        let path = outputDir ?? SweepSupport.defaultOutputDirectory(configuration)
        let directory = try SweepSupport.checked { () throws(SweepError) in
            try SweepDirectory.prepare(path, for: configuration)
        }
        let runner = try SweepSupport.checked { () throws(SweepError) in
            try SweepRunner(
                configuration: configuration, directory: directory,
                executor: try makeExecutor(),
                rnnmemVersion: RNNMem.version, jobs: jobs)
        }
        let showProgress = progress == .lines
        let name = configuration.name
        let report: SweepRunReport
        do {
            report = try await runner.run(shard: shard) { event in
                if showProgress {
                    console.writeStandardError(
                        Self.progressLine(event, sweep: name, directory: directory.path, jobs: runner.jobs))
                } else if case .planned(let plan) = event {
                    // A result that failed or is corrupt is said even without progress: it is replaced by the rerun.
                    for (cell, reason) in plan.rerun {
                        console.writeStandardError("rnnmem: rerunning cell \(cell): \(reason)\n")
                    }
                }
            }
        } catch let error as SweepError {
            throw CLIError(error.description)
        }

        let ran = report.results
        let failed = report.failed
        if json {
            let document = SweepJSON.object([
                JSONMember("sweep", .string(configuration.name)),
                JSONMember("config_hash", .string(configuration.configHash)),
                JSONMember("shard", .string(shard.description)),
                JSONMember("output_dir", .string(directory.path)),
                JSONMember("shard_cells", .integer(Int64(report.plan.cells.count))),
                JSONMember("skipped", .array(report.skipped.map { .integer(Int64($0)) })),
                JSONMember(
                    "ran",
                    .array(
                        ran.map { result in
                            .object([
                                JSONMember("cell", .integer(Int64(result.cell))),
                                JSONMember("status", .string(result.status.rawValue)),
                                JSONMember("exit_status", .integer(Int64(result.exitStatus))),
                                JSONMember("wall_time_seconds", .from(result.wallTimeSeconds)),
                                JSONMember("error", .from(result.error)),
                            ])
                        })),
                JSONMember("failed", .array(failed.map { .integer(Int64($0.cell)) })),
                JSONMember(
                    "rerun",
                    .array(
                        report.plan.rerun.map { entry in
                            .object([
                                JSONMember("cell", .integer(Int64(entry.cell))),
                                JSONMember("reason", .string(entry.reason)),
                            ])
                        })),
            ])
            try console.writeStandardOutput(document.prettyText)
        } else {
            try console.writeStandardOutput(
                "sweep \(configuration.name) shard \(shard): \(report.plan.cells.count) cells: \(ran.count) ran (\(ran.count - failed.count) ok, \(failed.count) failed), \(report.skipped.count) skipped (complete)\nresults in \(directory.resultsDirectory)\n"
            )
        }
        if let first = failed.first {
            throw CLIError(
                "sweep \(configuration.name) shard \(shard): \(failed.count) of \(ran.count) cells failed (cell \(first.cell): \(first.error ?? "exit status \(first.exitStatus)")); their results are in \(directory.resultsDirectory) and a rerun retries them"
            )
        }
    }

    /// The executor chosen by `--executor`.
    func makeExecutor() throws(SweepError) -> any CellExecutor {
        switch executor {
        case .process:
            return try ProcessExecutor(executable: URL(fileURLWithPath: SweepSupport.executablePath))
        case .inProcess:
            return InProcessExecutor { arguments in
                let result = await CommandLineTool.run(arguments)
                return (
                    result.status, String(decoding: result.standardOutput, as: UTF8.self),
                    String(decoding: result.standardError, as: UTF8.self)
                )
            }
        }
    }

    /// One progress line on standard error.
    static func progressLine(_ event: SweepEvent, sweep: String, directory: String, jobs: Int) -> String {
        switch event {
        case .planned(let plan):
            var text =
                "rnnmem: sweep \(sweep) shard \(plan.shard): \(plan.cells.count) cells, \(plan.complete.count) complete, \(plan.toRun.count) to run (\(jobs) at a time) in \(directory)\n"
            for (cell, reason) in plan.rerun { text += "rnnmem: rerunning cell \(cell): \(reason)\n" }
            return text
        case .cellFinished(let result, let finished, let toRun):
            let values: String
            if case .object(let members) = result.values {
                values = members.map { "\($0.key)=\($0.value.argumentText)" }.joined(separator: " ")
            } else {
                values = ""
            }
            let time = String(format: "%.2f s", result.wallTimeSeconds)
            let outcome = result.status == .ok ? "ok" : "FAILED (\(result.error ?? "exit status \(result.exitStatus)"))"
            return "rnnmem: [\(finished)/\(toRun)] cell \(result.cell) (\(values)) \(outcome) in \(time)\n"
        }
    }
}
