import Foundation

/// A Slurm batch script running a sweep as a job array: array task i runs `rnnmem sweep run CONFIG --shard i/N`.
///
/// The shard count N is written into the script rather than read from `$SLURM_ARRAY_TASK_COUNT`, so that failed
/// tasks can be resubmitted alone (`sbatch --array=3,7 FILE`): Slurm would then report a task count of 2 and
/// every shard would be wrong. The script changes to the directory it was written in before running, so relative
/// paths in the sweep's command resolve as they do for `rnnmem sweep run` there.
public struct SlurmScript: Sendable {
    /// The sweep.
    public let configuration: SweepConfiguration
    /// The configuration file, absolute.
    public let configPath: String
    /// The output directory every task writes into.
    public let outputDirectory: SweepDirectory
    /// The rnnmem binary the tasks run, absolute.
    public let rnnmemPath: String
    /// The directory the tasks change to, absolute.
    public let workingDirectory: String
    /// The number of array tasks N.
    public let shards: Int
    /// The partition (`#SBATCH --partition`), if any.
    public let partition: String?
    /// The time limit per task (`#SBATCH --time`), if any.
    public let time: String?
    /// CPUs per task (`#SBATCH --cpus-per-task`).
    public let cpus: Int
    /// Cells run at once in each task (default: `cpus`).
    public let jobs: Int
    /// `rnnmem-<name>`.
    public let jobName: String
    /// Extra `#SBATCH` options, for example `--mem=4G` or `--account=abc`.
    public let extraOptions: [String]
    /// The command line that wrote the script, recorded in a comment.
    public let invocation: String?

    /// Options that the script sets itself and that `extraOptions` may not override.
    public static let reservedOptions = [
        "--array", "-a", "--output", "-o", "--error", "-e", "--job-name", "-J",
        "--cpus-per-task", "-c", "--partition", "-p", "--time", "-t", "--ntasks", "-n",
    ]

    /// Validates the options.
    /// - Throws: ``SweepError`` naming the argument at fault (`--shards`, `--partition`, `--time`, `--cpus`,
    ///   `--jobs`, `--sbatch`) or a path that Slurm cannot take in an `#SBATCH` line.
    public init(
        configuration: SweepConfiguration, configPath: String, outputDirectory: SweepDirectory, rnnmemPath: String,
        workingDirectory: String, shards: Int, partition: String? = nil, time: String? = nil, cpus: Int = 1,
        jobs: Int? = nil, extraOptions: [String] = [], invocation: String? = nil
    ) throws(SweepError) {
        guard shards >= 1 else { throw SweepError("invalid --shards \(shards): must be ≥ 1") }
        guard shards <= configuration.cellCount else {
            throw SweepError(
                "invalid --shards \(shards): the sweep '\(configuration.name)' has only \(configuration.cellCount) cells, so some array tasks would have nothing to run"
            )
        }
        if let partition {
            guard !partition.isEmpty,
                partition.unicodeScalars.allSatisfy({
                    $0.isASCII
                        && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
                            || "_.-,".unicodeScalars.contains($0))
                })
            else {
                throw SweepError(
                    "invalid --partition '\(partition)': letters, digits, '_', '.', '-' (several separated by ',')")
            }
        }
        if let time { try Self.checkTime(time) }
        guard (1...4096).contains(cpus) else { throw SweepError("invalid --cpus \(cpus): must be between 1 and 4096") }
        let jobs = jobs ?? cpus
        guard (1...4096).contains(jobs) else { throw SweepError("invalid --jobs \(jobs): must be between 1 and 4096") }
        for option in extraOptions {
            guard option.hasPrefix("-"), !option.contains(where: \.isNewline) else {
                throw SweepError("invalid --sbatch '\(option)': give one sbatch option such as --mem=4G, on one line")
            }
            let name = String(option.prefix(while: { $0 != "=" && $0 != " " }))
            guard !Self.reservedOptions.contains(name) else {
                throw SweepError("invalid --sbatch '\(option)': \(name) is set by rnnmem sweep slurm itself")
            }
        }
        let logs = outputDirectory.logsDirectory
        guard !logs.contains(where: { $0.isWhitespace || $0 == "\\" }) else {
            throw SweepError(
                "the output directory '\(outputDirectory.path)' contains a space, line break or backslash, which an #SBATCH --output line cannot hold; choose another --output-dir"
            )
        }
        self.configuration = configuration
        self.configPath = configPath
        self.outputDirectory = outputDirectory
        self.rnnmemPath = rnnmemPath
        self.workingDirectory = workingDirectory
        self.shards = shards
        self.partition = partition
        self.time = time
        self.cpus = cpus
        self.jobs = jobs
        self.jobName = "rnnmem-" + configuration.name
        self.extraOptions = extraOptions
        self.invocation = invocation
    }

    /// Checks a Slurm time limit: `M`, `M:S`, `H:M:S`, `D-H`, `D-H:M`, `D-H:M:S` (non-negative integers), or
    /// `UNLIMITED` / `INFINITE`.
    static func checkTime(_ time: String) throws(SweepError) {
        if time == "UNLIMITED" || time == "INFINITE" { return }
        func numbers(_ text: Substring) -> [Int]? {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            var values: [Int] = []
            for part in parts {
                guard !part.isEmpty, part.count <= 6, part.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(part)
                else { return nil }
                values.append(v)
            }
            return values
        }
        let dayParts = time.split(separator: "-", omittingEmptySubsequences: false)
        let valid: Bool
        switch dayParts.count {
        case 1:
            valid = numbers(dayParts[0]).map { (1...3).contains($0.count) } ?? false
        case 2:
            valid =
                numbers(dayParts[0]).map { $0.count == 1 } == true
                && numbers(dayParts[1]).map { (1...3).contains($0.count) } == true
        default:
            valid = false
        }
        guard valid else {
            throw SweepError("invalid --time '\(time)': a Slurm time limit such as 30, 2:00:00 or 1-12:00:00")
        }
    }

    /// The cells of each array task.
    public var cellsPerShard: [Int] {
        (0..<shards).map { i in (try? Shard(index: i, count: shards))?.cellCount(of: configuration.cellCount) ?? 0 }
    }

    /// The script.
    public var text: String {
        let q = ShellQuoting.quote
        var lines = [
            "#!/bin/bash",
            "# Slurm job array for the rnnmem sweep '\(configuration.name)' (config hash \(configuration.shortHash), \(configuration.cellCount) cells).",
        ]
        if let invocation { lines.append("# Written by: \(invocation.filter { !$0.isNewline })") }
        lines += [
            "# Array task i runs shard i/\(shards): the cells c with c mod \(shards) = i. Submit with 'sbatch FILE' ('sbatch --wait FILE'",
            "# blocks until every task has ended); resubmit failed tasks with 'sbatch --array=i,j FILE'. Results:",
            "#   rnnmem sweep collect \(q(outputDirectory.path))",
            "#SBATCH --job-name=\(jobName)",
            "#SBATCH --array=0-\(shards - 1)",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=\(cpus)",
        ]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        let logPattern = outputDirectory.logsDirectory.replacingOccurrences(of: "%", with: "%%") + "/slurm-%A_%a.out"
        lines.append("#SBATCH --output=\(logPattern)")
        for option in extraOptions { lines.append("#SBATCH \(option)") }
        let run =
            ShellQuoting.commandLine([rnnmemPath, "sweep", "run", configPath])
            + " --shard \"${SLURM_ARRAY_TASK_ID}/\(shards)\" --jobs \(jobs) --output-dir \(q(outputDirectory.path))"
        lines += [
            "set -euo pipefail",
            ": \"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is a Slurm job array}\"",
            "cd \(q(workingDirectory))",
            "exec \(run)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the script to `path` (atomically, executable).
    public func write(to path: String) throws(SweepError) {
        try FileAccess.writeAtomically(text, to: path)
        if chmod(path, 0o755) != 0 {
            throw SweepError("cannot make '\(path)' executable: \(FileAccess.systemReason())")
        }
    }

    /// Prepares the output directory for the array (see ``SweepDirectory/prepare(_:for:)``) and creates its
    /// `logs/` folder, which Slurm needs before the first task starts.
    public static func prepareOutputDirectory(_ path: String, for configuration: SweepConfiguration) throws(SweepError)
        -> SweepDirectory
    {
        let directory = try SweepDirectory.prepare(path, for: configuration)
        try FileAccess.createDirectory(directory.logsDirectory)
        return directory
    }
}
