import ArgumentParser
import Foundation
import Sweeps

/// `rnnmem sweep plan|run|collect|slurm`: grids of rnnmem commands run in shards, resumable, merged.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a grid of rnnmem commands in shards (one machine, GNU parallel, Slurm), resumable, merged.",
        discussion: """
            A sweep configuration (JSON, e.g. data/sweeps/smoke.json) gives the rnnmem command run per cell, with \
            {axis} placeholders, and the axes: {"command": ["train", "--model", "{model}", "--seed", "{seed}", \
            "--output-dir", "{cell_dir}", …], "axes": {"model": ["rnn", "gru"], "seed": 3}, "metrics": {"test_loss": \
            "test_loss"}, "metrics_file": "summary.json"}. Optional keys: name, description, fixed (constants for \
            placeholders). "seed" may be a count n (seeds 0 … n−1). Built-in placeholders: {cell} (the cell number) \
            and {cell_dir} (the cell's own empty directory). Cells are numbered row-major over the axes in file \
            order (the last axis varies fastest); shard i of N runs the cells c with c mod N = i.

            Workflow: 'sweep plan CONFIG' lists the cells; 'sweep run CONFIG --shard i/N' runs a share into an \
            output directory (one result file per cell, written atomically; rerunning skips complete cells and \
            reruns missing, failed and corrupt ones; a directory holding another configuration's results is \
            refused); 'sweep collect DIR' merges the results and aggregates over seeds; 'sweep slurm CONFIG \
            --shards N' writes a Slurm job-array script. On one machine with GNU parallel:
              parallel rnnmem sweep run CONFIG --shard {}/4 --output-dir DIR ::: 0 1 2 3
            """,
        subcommands: [SweepPlanCommand.self, SweepRunCommand.self, SweepCollectCommand.self, SweepSlurmCommand.self])
}

/// The sweep runner's JSON value (the tool's own `JSONValue` is a different, write-only type).
typealias SweepJSON = Sweeps.JSONValue

/// Helpers shared by the `sweep` subcommands.
enum SweepSupport {
    /// rnnmem's verbs, which a sweep command must start with.
    static var knownCommands: Set<String> {
        Set(RNNMem.configuration.subcommands.compactMap { $0.configuration.commandName })
    }

    /// Loads and validates a configuration file.
    static func load(_ path: String) throws(CLIError) -> SweepConfiguration {
        do {
            return try SweepConfiguration.load(path: path, knownCommands: knownCommands)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Runs `body`, turning a ``SweepError`` into the tool's one-line error.
    static func checked<T>(_ body: () throws(SweepError) -> T) throws(CLIError) -> T {
        do {
            return try body()
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The default output directory of a configuration: `run/sweeps/<name>-<first 12 digits of its hash>`.
    static func defaultOutputDirectory(_ configuration: SweepConfiguration) -> String {
        "run/sweeps/\(configuration.name)-\(configuration.shortHash)"
    }

    /// The running rnnmem binary, absolute.
    static var executablePath: String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "rnnmem").standardizedFileURL.path
    }

    /// An axis value list for display: `rnn, gru`.
    static func text(_ values: [SweepJSON]) -> String { values.map(\.argumentText).joined(separator: ", ") }

    /// Rows of text as left-aligned columns separated by two spaces (the last column not padded).
    static func columns(_ rows: [[String]]) -> String {
        guard let width = rows.map(\.count).max(), width > 0 else { return "" }
        var widths = [Int](repeating: 0, count: width)
        for row in rows {
            for (i, field) in row.enumerated() where i + 1 < width { widths[i] = max(widths[i], field.count) }
        }
        return rows.map { row in
            row.enumerated().map { i, field in
                i + 1 < row.count ? field.padding(toLength: widths[i], withPad: " ", startingAt: 0) : field
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A number for a human-readable table: 6 significant digits.
    static func short(_ x: Double?) -> String {
        guard let x else { return "-" }
        return String(format: "%.6g", x)
    }
}
