import ArgumentParser
import Foundation
import Sweeps

/// `rnnmem sweep slurm CONFIG --shards N [--partition P --time T --cpus C --output FILE]`: a job-array script.
struct SweepSlurmCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write a Slurm job-array batch script that runs a sweep in N shards.",
        discussion: """
            Array task i (#SBATCH --array=0-(N−1)) runs 'rnnmem sweep run CONFIG --shard i/N --jobs J \
            --output-dir DIR' with this rnnmem binary, from the current directory; N is written into the script \
            (not read from $SLURM_ARRAY_TASK_COUNT) so that failed tasks can be resubmitted alone with 'sbatch \
            --array=3,7 FILE'. The output directory is prepared now (sweep.json, and logs/ for Slurm's per-task \
            output slurm-%A_%a.out), so a directory of another configuration is refused before submission. Submit \
            with 'sbatch FILE' ('sbatch --wait FILE' blocks until every task has ended), then run 'rnnmem sweep \
            collect DIR'. The script goes to --output FILE (made executable) or to standard output. JSON keys: \
            sweep, config_hash, shards, array, cells_per_shard[], output_dir, rnnmem, file, script.
            """)

    @Argument(help: ArgumentHelp("Sweep configuration (JSON).", valueName: "config"))
    var config: String

    @Option(help: ArgumentHelp("Number of shards N (array tasks 0 … N−1).", valueName: "N"))
    var shards: Int

    @Option(help: ArgumentHelp("Slurm partition.", valueName: "name"))
    var partition: String?

    @Option(help: ArgumentHelp("Time limit per array task, e.g. 30, 2:00:00, 1-12:00:00.", valueName: "time"))
    var time: String?

    @Option(help: ArgumentHelp("CPUs per array task.", valueName: "C"))
    var cpus: Int = 1

    @Option(help: ArgumentHelp("Cells run at the same time in each task (default: --cpus).", valueName: "J"))
    var jobs: Int?

    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp("An extra #SBATCH option, e.g. --mem=4G (repeatable).", valueName: "option"))
    var sbatch: [String] = []

    @Option(help: ArgumentHelp("Output directory (default run/sweeps/<name>-<config hash>).", valueName: "dir"))
    var outputDir: String?

    @Option(help: ArgumentHelp("The rnnmem binary the tasks run (default: this one).", valueName: "path"))
    var rnnmem: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the script to this file.", valueName: "file"))
    var output: String?

    @Flag(help: "Print one JSON object (the script under 'script').")
    var json = false

    /// The command line of this invocation, rebuilt from the parsed options (recorded in the script).
    var invocation: [String] {
        var words = ["rnnmem", "sweep", "slurm", config, "--shards", String(shards)]
        if let partition { words += ["--partition", partition] }
        if let time { words += ["--time", time] }
        if cpus != 1 { words += ["--cpus", String(cpus)] }
        if let jobs { words += ["--jobs", String(jobs)] }
        for option in sbatch { words += ["--sbatch", option] }
        if let outputDir { words += ["--output-dir", outputDir] }
        if let rnnmem { words += ["--rnnmem", rnnmem] }
        if let output { words += ["--output", output] }
        return words
    }

    func run(console: Console) throws {
        let configuration = try SweepSupport.load(config)
        if let outputDir, outputDir.isEmpty { throw CLIError("--output-dir is empty: give a directory") }
        let binary = URL(fileURLWithPath: rnnmem ?? SweepSupport.executablePath).standardizedFileURL.path
        if rnnmem != nil {
            guard FileManager.default.isExecutableFile(atPath: binary) else {
                throw CLIError.invalidArgument("--rnnmem", "'\(rnnmem ?? "")'", "not an executable file")
            }
        }
        let cwd = FileManager.default.currentDirectoryPath
        let configPath = URL(fileURLWithPath: config).standardizedFileURL.path
        let directoryPath = URL(fileURLWithPath: outputDir ?? SweepSupport.defaultOutputDirectory(configuration))
            .standardizedFileURL.path
        let invocation = ShellQuoting.commandLine(self.invocation)
        // Validate every option before touching the file system.
        let script = try SweepSupport.checked { () throws(SweepError) in
            try SlurmScript(
                configuration: configuration, configPath: configPath,
                outputDirectory: SweepDirectory(path: directoryPath),
                rnnmemPath: binary, workingDirectory: cwd, shards: shards, partition: partition, time: time, cpus: cpus,
                jobs: jobs, extraOptions: sbatch, invocation: invocation)
        }
        _ = try SweepSupport.checked { () throws(SweepError) in
            try SlurmScript.prepareOutputDirectory(directoryPath, for: configuration)
        }
        if let output {
            try SweepSupport.checked { () throws(SweepError) in try script.write(to: output) }
        }
        if json {
            let document = SweepJSON.object([
                JSONMember("sweep", .string(configuration.name)),
                JSONMember("config_hash", .string(configuration.configHash)),
                JSONMember("shards", .integer(Int64(shards))),
                JSONMember("array", .string("0-\(shards - 1)")),
                JSONMember("cells_per_shard", .array(script.cellsPerShard.map { .integer(Int64($0)) })),
                JSONMember("output_dir", .string(directoryPath)),
                JSONMember("rnnmem", .string(binary)),
                JSONMember("file", .from(output)),
                JSONMember("script", .string(script.text)),
            ])
            try console.writeStandardOutput(document.prettyText)
        } else if output == nil {
            try console.writeStandardOutput(script.text)
        }
        if let output {
            console.note(
                "wrote \(output) (\(shards) array tasks, \(configuration.cellCount) cells); submit with: sbatch \(ShellQuoting.quote(output)); then: rnnmem sweep collect \(ShellQuoting.quote(directoryPath))"
            )
        }
    }
}
