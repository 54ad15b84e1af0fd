import ArgumentParser
import Sweeps

/// `rnnmem sweep plan CONFIG [--shards N] [--json]`: the numbered cells of a sweep.
struct SweepPlanCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the numbered cells of a sweep configuration and the command each runs.",
        discussion: """
            Validates the configuration and prints one row per cell: its number, its axis values and its rnnmem \
            command ({cell_dir} stays unresolved: it becomes a folder of the output directory). With --shards N a \
            column gives each cell's shard (cell mod N). JSON keys: sweep, config_hash, cell_count, axes[] (name, \
            values), fixed, metrics[] (name, path), metrics_file, shards, default_output_dir, cells[] (cell, \
            values, shard, command).
            """)

    @Argument(help: ArgumentHelp("Sweep configuration (JSON).", valueName: "config"))
    var config: String

    @Option(help: ArgumentHelp("Show the shard of each cell for N shards.", valueName: "N"))
    var shards: Int?

    @Flag(help: "Print one JSON object.")
    var json = false

    func run(console: Console) throws {
        let configuration = try SweepSupport.load(config)
        if let shards {
            guard shards >= 1, shards <= Shard.maximumCount else {
                throw CLIError.invalidArgument(
                    "--shards", String(shards), "must be between 1 and \(Shard.maximumCount)")
            }
        }
        let cells = configuration.cells
        if json {
            let document = SweepJSON.object([
                JSONMember("sweep", .string(configuration.name)),
                JSONMember("config_hash", .string(configuration.configHash)),
                JSONMember("cell_count", .integer(Int64(configuration.cellCount))),
                JSONMember(
                    "axes",
                    .array(
                        configuration.axes.map {
                            .object([JSONMember("name", .string($0.name)), JSONMember("values", .array($0.values))])
                        })),
                JSONMember("fixed", .object(configuration.fixed.map { JSONMember($0.name, $0.value) })),
                JSONMember(
                    "metrics",
                    .array(
                        configuration.metrics.map {
                            .object([JSONMember("name", .string($0.name)), JSONMember("path", .string($0.path))])
                        })),
                JSONMember("metrics_file", .from(configuration.metricsFile)),
                JSONMember("shards", shards.map { .integer(Int64($0)) } ?? .null),
                JSONMember("default_output_dir", .string(SweepSupport.defaultOutputDirectory(configuration))),
                JSONMember(
                    "cells",
                    .array(
                        cells.map { cell in
                            .object([
                                JSONMember("cell", .integer(Int64(cell.index))),
                                JSONMember("values", configuration.valuesObject(of: cell)),
                                JSONMember("shard", shards.map { .integer(Int64(cell.index % $0)) } ?? .null),
                                JSONMember(
                                    "command",
                                    .array(
                                        (["rnnmem"] + configuration.arguments(of: cell, cellDirectory: nil)).map(
                                            SweepJSON.string))),
                            ])
                        })),
            ])
            try console.writeStandardOutput(document.prettyText)
            return
        }
        let sizes = configuration.axes.map { "\($0.name) \($0.values.count)" }.joined(separator: " × ")
        var out =
            "sweep \(configuration.name): \(configuration.cellCount) cell\(configuration.cellCount == 1 ? "" : "s") (\(sizes)), config hash \(configuration.shortHash)\n"
        for axis in configuration.axes { out += "  \(axis.name): \(SweepSupport.text(axis.values))\n" }
        for parameter in configuration.fixed { out += "  \(parameter.name) (fixed): \(parameter.value.argumentText)\n" }
        if !configuration.metrics.isEmpty {
            let source = configuration.metricsFile.map { "{cell_dir}/\($0)" } ?? "standard output"
            out +=
                "  metrics from \(source): "
                + configuration.metrics.map { $0.name == $0.path ? $0.name : "\($0.name) = \($0.path)" }.joined(
                    separator: ", ") + "\n"
        }
        out += "  default output directory: \(SweepSupport.defaultOutputDirectory(configuration))\n"
        var rows: [[String]] = [
            ["cell"] + (shards == nil ? [] : ["shard"]) + configuration.axes.map(\.name) + ["command"]
        ]
        for cell in cells {
            var row = [String(cell.index)]
            if let shards { row.append(String(cell.index % shards)) }
            row += cell.values.map(\.argumentText)
            row.append(ShellQuoting.commandLine(["rnnmem"] + configuration.arguments(of: cell, cellDirectory: nil)))
            rows.append(row)
        }
        out += SweepSupport.columns(rows)
        try console.writeStandardOutput(out)
    }
}
