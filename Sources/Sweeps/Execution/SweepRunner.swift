import Foundation

/// Runs the cells of one shard of a sweep into an output directory: skips complete results, reruns missing,
/// failed and corrupt ones, and writes one result per cell atomically.
///
/// Resumption: a result file is written (to a temporary file, flushed, renamed) only after its cell finished, so a
/// run killed at any moment leaves each cell either with its complete result or without one; the next run of the
/// same shard runs exactly the cells without a complete result. A cell's directory is emptied before it runs, so
/// files left by a killed attempt cannot mix with the new ones.
public struct SweepRunner: Sendable {
    /// The sweep.
    public let configuration: SweepConfiguration
    /// The output directory, prepared for ``configuration``.
    public let directory: SweepDirectory
    /// What runs each cell's command.
    public let executor: any CellExecutor
    /// The rnnmem version recorded in every result.
    public let rnnmemVersion: String
    /// How many cells run at once (≥ 1).
    public let jobs: Int
    /// The host name recorded in every result.
    public let host: String

    /// The number of trailing lines of standard error kept in a result.
    public static let stderrTailLines = 20
    /// The most characters of standard error kept in a result.
    public static let stderrTailCharacters = 4000

    /// A runner; `directory` must have been prepared for `configuration` (``SweepDirectory/prepare(_:for:)``).
    /// - Throws: ``SweepError`` for `jobs` < 1.
    public init(
        configuration: SweepConfiguration, directory: SweepDirectory, executor: any CellExecutor,
        rnnmemVersion: String, jobs: Int = 1, host: String = ProcessInfo.processInfo.hostName
    ) throws(SweepError) {
        guard jobs >= 1, jobs <= 4096 else { throw SweepError("invalid --jobs \(jobs): must be between 1 and 4096") }
        self.configuration = configuration
        self.directory = directory
        self.executor = executor
        self.rnnmemVersion = rnnmemVersion
        self.jobs = jobs
        self.host = host
    }

    /// Inspects the shard's result files.
    /// - Throws: ``SweepError`` when one of them is a result of another configuration.
    public func plan(shard: Shard) throws(SweepError) -> ShardPlan {
        var cells: [(cell: SweepCell, state: ResultState)] = []
        for cell in configuration.cells(in: shard) {
            let state = directory.state(ofCell: cell.index, in: configuration)
            if case .foreign(let hash) = state {
                throw directory.foreignResultError(cell.index, hash: hash, in: configuration)
            }
            cells.append((cell, state))
        }
        return ShardPlan(shard: shard, cells: cells)
    }

    /// Runs the shard's cells that lack a complete result, `jobs` at a time.
    /// - Throws: ``SweepError`` before anything runs when the directory holds another configuration's result; an
    ///   executor's error (the binary cannot be started, cancellation) after the cells in flight have finished and
    ///   been written. Cells that run and fail are not errors: see ``SweepRunReport/failed``.
    public func run(shard: Shard, progress: (@Sendable (SweepEvent) -> Void)? = nil) async throws -> SweepRunReport {
        let plan = try plan(shard: shard)
        try removeStaleTemporaryFiles(of: plan)
        progress?(.planned(plan))
        let pending = plan.toRun
        var results: [CellResult] = []
        try await withThrowingTaskGroup(of: CellResult.self) { group in
            var next = 0
            while next < pending.count && next < jobs {
                let cell = pending[next]
                group.addTask { try await self.runCell(cell, shard: shard) }
                next += 1
            }
            while let result = try await group.next() {
                results.append(result)
                progress?(.cellFinished(result, finished: results.count, toRun: pending.count))
                if next < pending.count && !Task.isCancelled {
                    let cell = pending[next]
                    group.addTask { try await self.runCell(cell, shard: shard) }
                    next += 1
                }
            }
        }
        results.sort { $0.cell < $1.cell }
        return SweepRunReport(shard: shard, plan: plan, results: results)
    }

    /// Deletes temporary result files left by a killed run of this shard's cells (other shards' cells are left
    /// alone: another process may be writing them).
    private func removeStaleTemporaryFiles(of plan: ShardPlan) throws(SweepError) {
        let names = Set(plan.cells.map { "." + configuration.cellName($0.cell.index) + ".json.tmp-" })
        for entry in try FileAccess.contents(of: directory.resultsDirectory) where entry.hasPrefix(".") {
            guard let range = entry.range(of: ".json.tmp-") else { continue }
            if names.contains(String(entry[..<range.upperBound])) {
                try FileAccess.remove(directory.resultsDirectory + "/" + entry)
            }
        }
    }

    /// Runs one cell and writes its result.
    func runCell(_ cell: SweepCell, shard: Shard) async throws -> CellResult {
        let cellDirectory = directory.cellDirectory(cell.index, in: configuration)
        try FileAccess.remove(cellDirectory)
        try FileAccess.createDirectory(cellDirectory)
        let arguments = configuration.arguments(of: cell, cellDirectory: cellDirectory)
        let startedAt = Date()
        let clock = ContinuousClock()
        let start = clock.now
        let output = try await executor.execute(
            CellInvocation(cell: cell.index, arguments: arguments, cellDirectory: cellDirectory))
        let elapsed = clock.now - start
        let wallTime = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

        var status = CellResult.Status.ok
        var failure: String?
        var metrics: [JSONMember] = []
        if output.status != 0 {
            status = .failed
            let last = Self.lastLine(of: output.standardError)
            failure = "exit status \(output.status)" + (last.isEmpty ? "" : ": " + last)
        } else if !configuration.metrics.isEmpty {
            do {
                metrics = try readMetrics(output: output, cellDirectory: cellDirectory)
            } catch {
                status = .failed
                failure = error.description
            }
        }
        let result = CellResult(
            sweep: configuration.name, configHash: configuration.configHash, cell: cell.index,
            values: configuration.valuesObject(of: cell), seed: configuration.seed(of: cell),
            command: ["rnnmem"] + arguments, rnnmemVersion: rnnmemVersion, executor: executor.name,
            shard: shard.description, host: host, startedAt: startedAt.ISO8601Format(), wallTimeSeconds: wallTime,
            exitStatus: output.status, status: status, error: failure, stderrTail: Self.tail(of: output.standardError),
            metrics: metrics)
        try FileAccess.writeAtomically(result.json.prettyText, to: directory.resultFile(cell.index, in: configuration))
        return result
    }

    /// Reads the configured metrics from the cell's JSON output (standard output, or the metrics file).
    private func readMetrics(output: CellOutput, cellDirectory: String) throws(SweepError) -> [JSONMember] {
        let document: JSONValue
        let source: String
        if let metricsFile = configuration.metricsFile {
            source = metricsFile
            let path = cellDirectory + "/" + metricsFile
            guard FileManager.default.fileExists(atPath: path) else {
                throw SweepError("the command did not write \(metricsFile) into its cell directory")
            }
            do {
                document = try JSONParser.parse(try FileAccess.read(path))
            } catch let error as JSONParseError {
                throw SweepError("\(metricsFile):\(error.description)")
            } catch let error as SweepError {
                throw error
            } catch {
                throw SweepError("cannot read \(metricsFile)")
            }
        } else {
            source = "standard output"
            do {
                document = try JSONParser.parse(output.standardOutput)
            } catch {
                throw SweepError(
                    "standard output is not JSON (\(error.description)); add --json to the command or set metrics_file")
            }
        }
        var metrics: [JSONMember] = []
        for metric in configuration.metrics {
            metrics.append(JSONMember(metric.name, try metric.extract(from: document, source: source)))
        }
        return metrics
    }

    /// The last non-empty line of a text, at most 300 characters.
    static func lastLine(of text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) ?? ""
        return line.count > 300 ? String(line.prefix(300)) + "…" : String(line)
    }

    /// The last ``stderrTailLines`` lines of a text, at most ``stderrTailCharacters`` characters.
    static func tail(of text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var tail = lines.suffix(stderrTailLines).joined(separator: "\n")
        if tail.count > stderrTailCharacters { tail = "…" + String(tail.suffix(stderrTailCharacters)) }
        return tail
    }
}
