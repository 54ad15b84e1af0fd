import ArgumentParser
import Foundation
import RNNMemory

/// The data of a verb that runs a network (`run`, `eval`, and the verbs built on them), one of:
///
/// * `--data FILE.safetensors` — tensor `input` [T, B, d_in] and optionally `target` [T, B, d_out] (F32 or F64;
///   other names with `--input-tensor`/`--target-tensor`; [T, d] and [T] are one sequence), read by the library's
///   ``SequenceData``;
/// * `--data FILE.csv` — one sequence (B = 1), one row per step: the input columns are `--column` (one) or
///   `--columns` (several; default: the last numeric column that is not the target), the target is
///   `--target-column` (none by default: no targets, so no loss);
/// * `--task NAME [task options]` — a batch of a built-in task, its data drawn from the verb's seed as
///   `train --seed s` draws them (`--split test|validation|train`: the fixed test or validation batch, or the first
///   training batch), scored by the task's own loss.
///
/// The format of `--data` is recognised from the bytes (a safetensors file starts with its header length and
/// `{`), so the file's extension does not matter. Every error is one line naming the file and the tensor, the
/// CSV cell, or the option.
///
/// A verb declares `@OptionGroup(title: "Data") var data: DataOptions`, calls ``validateValues()`` first and
/// ``load(seed:console:)`` to get a ``LoadedData``; it checks the data against its network with
/// ``LoadedData/validate(for:)``.
struct DataOptions: ParsableArguments {
    /// `--split test|validation|train`.
    enum Split: String, ExpressibleByArgument, CaseIterable, Sendable {
        case test, validation, train
    }

    @OptionGroup var file: DataFileOptions

    @Option(
        help: ArgumentHelp("CSV: several input columns, comma-separated names or indices.", valueName: "list"),
        transform: { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } })
    var columns: [String]?

    @Option(
        help: ArgumentHelp(
            "CSV: the column holding the targets y_t (default: none, no targets).", valueName: "name|index"))
    var targetColumn: String?

    @Option(help: ArgumentHelp("Safetensors: name of the input tensor.", valueName: "name"))
    var inputTensor: String = "input"

    @Option(help: ArgumentHelp("Safetensors: name of the target tensor (optional in the file).", valueName: "name"))
    var targetTensor: String = "target"

    @Option(
        help: ArgumentHelp(
            "With --task: the task's fixed test or validation batch, or its first training batch.",
            valueName: "test|validation|train"))
    var split: Split?

    @OptionGroup(title: "Task") var task: TaskOptions

    /// Whether the data come from a built-in task.
    var isTask: Bool { task.task != nil }

    /// Checks that the options name one data source and fit together.
    func validateValues() throws(CLIError) {
        if isTask {
            try task.validateValues(dataFile: file.data, column: file.column)
            let csvOnly = [
                ("--columns", columns != nil), ("--target-column", targetColumn != nil),
                ("--input-tensor", inputTensor != "input"), ("--target-tensor", targetTensor != "target"),
            ]
            if let (flag, _) = csvOnly.first(where: { $0.1 }) {
                throw CLIError("\(flag) applies to --data files, not to --task (its data are generated)")
            }
        } else {
            guard let path = file.data else {
                throw CLIError("no data: give --data FILE (safetensors or CSV) or --task NAME")
            }
            if path.isEmpty { throw CLIError("--data is empty: give a file") }
            if split != nil { throw CLIError("--split applies with --task only") }
            if file.column != nil && columns != nil { throw CLIError("give --column or --columns, not both") }
        }
    }

    /// The data: the file's sequences, or the chosen batch of the task drawn from ``RunSeeds/task`` of `seed`
    /// (and, for `--split train`, ``RunSeeds/trainer``).
    func load(seed: UInt64, console: Console) throws(CLIError) -> LoadedData {
        if let name = task.task { return try loadTask(name, seed: seed, console: console) }
        guard let path = file.data else { throw CLIError("no data: give --data FILE or --task NAME") }
        if try Self.isSafetensors(path) { return try loadSafetensors(path) }
        return try loadCSV(path, console: console)
    }

    /// Whether `path` holds a safetensors file: 8 bytes of header length, then `{` (standard input is CSV).
    static func isSafetensors(_ path: String) throws(CLIError) -> Bool {
        if path == "-" { return false }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError.noSuchFile(path)
        }
        if isDirectory.boolValue { throw CLIError.isDirectory(path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError.unreadable(path, reason: "it could not be opened")
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 9)) ?? Data())
        return head.count == 9 && head[8] == UInt8(ascii: "{")
    }

    private func loadSafetensors(_ path: String) throws(CLIError) -> LoadedData {
        if file.column != nil || columns != nil || targetColumn != nil {
            throw CLIError(
                "--column, --columns and --target-column apply to CSV data; \(path) is a safetensors file (tensors are chosen with --input-tensor, --target-tensor)"
            )
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
            // The bytes, and the values as doubles (F32 doubles in size).
            try MemoryBudget.check(bytes: 3 * Double(size), for: "reading --data \(path)")
        }
        do {
            let f = try SafetensorsFile.read(contentsOf: path)
            let data = try SequenceData(file: f, inputTensor: inputTensor, targetTensor: targetTensor)
            return LoadedData(data: data, loss: nil, task: nil, file: f, description: path)
        } catch {
            throw CLIError(error.description)
        }
    }

    private func loadCSV(_ path: String, console: Console) throws(CLIError) -> LoadedData {
        if inputTensor != "input" || targetTensor != "target" {
            throw CLIError("--input-tensor and --target-tensor apply to safetensors data; \(path) is read as CSV")
        }
        let table = try SeriesTable.load(path, console: console)
        let target = try targetColumn.map { spec throws(CLIError) in try table.columnIndex(spec) }
        var inputIndices: [Int]
        if let columns {
            guard !columns.isEmpty, !columns.contains("") else { throw CLIError("--columns names an empty column") }
            inputIndices = []
            for spec in columns { inputIndices.append(try table.columnIndex(spec)) }
        } else if let column = file.column {
            inputIndices = [try table.columnIndex(column)]
        } else {
            guard let last = (0..<table.columnCount).last(where: { $0 != target && table.looksNumeric(column: $0) })
            else {
                throw CLIError(
                    "no numeric input column in \(table.source) besides the target; columns are: \(table.columnList)")
            }
            inputIndices = [last]
        }
        if let target, inputIndices.contains(target) {
            throw CLIError(
                "column '\(table.name(ofColumn: target))' of \(table.source) is both an input and the target (--target-column)"
            )
        }
        var inputs: [[Double]] = []
        for i in inputIndices { inputs.append(try table.values(column: i)) }
        var targets: [[Double]] = []
        if let target { targets.append(try table.values(column: target)) }
        func describe(_ indices: [Int]) -> String {
            (indices.count == 1 ? "column " : "columns ")
                + indices.map { "'\(table.name(ofColumn: $0))'" }.joined(separator: ", ")
        }
        do {
            let data = try SequenceData(
                inputColumns: inputs, targetColumns: targets, source: table.source,
                inputName: describe(inputIndices), targetName: target.map { describe([$0]) } ?? "target")
            return LoadedData(data: data, loss: nil, task: nil, file: nil, description: table.source)
        } catch {
            throw CLIError(String(describing: error))
        }
    }

    private func loadTask(_ name: TaskArgument, seed: UInt64, console: Console) throws(CLIError) -> LoadedData {
        let seeds = RunSeeds(seed)
        let split = self.split ?? .test
        do {
            let specification = try task.specification(dataFile: file.data, column: file.column, console: console)
            let made = try specification.makeTask(seed: seeds.task)
            let batch: TaskBatch?
            switch split {
            case .test: batch = try made.testBatch()
            case .validation: batch = try made.validationBatch()
            case .train:
                var rng = SeededRandom(seed: seeds.trainer)
                batch = try made.trainingBatch(step: 0, using: &rng)
            }
            guard let batch else {
                throw CLIError(
                    "--task \(name.rawValue) has no \(split.rawValue) batch (with these settings, e.g. --eval-batch 0)")
            }
            let description = "task \(name.rawValue), \(split.rawValue) batch, seed \(seed)"
            let data = try SequenceData(
                inputs: batch.inputs, targets: batch.targets, source: "--task \(name.rawValue)",
                inputName: "inputs", targetName: "targets")
            return LoadedData(
                data: data, loss: batch.loss, task: (name, made, specification), file: nil,
                description: description)
        } catch {
            throw cliError(error, context: "--task \(name.rawValue)")
        }
    }
}
