import ArgumentParser
import Foundation
import RNNMemory

/// A built-in task and its settings (`train`, and the data group ``DataOptions`` of `run`, `eval`, …). The task's
/// fixed data are drawn from the run's task seed (``RunSeeds/task`` of `--seed s`, i.e. s + 1), so every verb given
/// the same settings and seed sees the same teacher, validation and test data as `train --seed s`.
struct TaskOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Task: lsi = linear-system identification (Zucchet & Orvieto), series = one-step prediction of a CSV column (Zhao et al.), recall = output x_(t−k).",
            valueName: "name"))
    var task: TaskArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("recall: delay k ≥ 0.", valueName: "k"))
    var delay: Int = 5

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("recall: lag-one correlation ρ of the inputs, −1 < ρ < 1 (0: i.i.d.).", valueName: "rho"))
    var correlation: Double = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("recall, lsi: sequence length T (default 50; lsi 300).", valueName: "T"))
    var length: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("recall, lsi: training batch size (default 32; lsi 128).", valueName: "B"))
    var batch: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "recall, lsi: size of the fixed validation and test batches (default 256; lsi 128).", valueName: "B"))
    var evalBatch: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("lsi: teacher state size d.", valueName: "d"))
    var teacherSize: Int = 10

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "lsi: smallest teacher eigenvalue modulus ν₀, 0 ≤ ν₀ < 1 (also the cdiag/lru students' ring minimum).",
            valueName: "nu0"))
    var minModulus: Double = 0.99

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "lsi: teacher phases angle(l)·φ/π (also the students' --max-phase default).", valueName: "phi"))
    var teacherMaxPhase: Double = 3.14

    @Option(
        help: ArgumentHelp(
            "series: fit the min–max scaler on the whole series (Zhao et al.) or on the training split.",
            valueName: "whole|train"))
    var scaler: ScalerArgument = .whole

    @Option(
        help: ArgumentHelp(
            "series: train,validation,test sizes in input–target pairs (default: Zhao et al.'s sizes for their data-set names arfima, DJI, traffic, tree7; else 50/30/20 per cent of the n − 1 pairs).",
            valueName: "a,b,c"))
    var splits: String?

    @Option(
        help: ArgumentHelp(
            "series: use a transformation of the column (as the series verbs' --transform).", valueName: "name"))
    var transform: SeriesTransform?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("series: keep only the last N observations (after --transform).", valueName: "N"))
    var last: Int?

    /// Checks the settings of the chosen task (nothing without `--task`); `dataFile` is the `--data` given.
    func validateValues(dataFile: String?, column: String?) throws(CLIError) {
        guard let task else { return }
        if let length { try Arguments.count(length, "--length") }
        if let batch { try Arguments.count(batch, "--batch") }
        if let evalBatch { try Arguments.count(evalBatch, "--eval-batch") }
        for (name, v) in [("--length", length), ("--batch", batch), ("--eval-batch", evalBatch)] {
            if let v, v > 100_000 { throw CLIError.invalidArgument(name, String(v), "must be ≤ 100000") }
        }
        switch task {
        case .recall:
            guard delay >= 0 else { throw CLIError.invalidArgument("--delay", String(delay), "must be ≥ 0") }
            guard correlation.isFinite, abs(correlation) < 1 else {
                throw CLIError.invalidArgument("--correlation", NumberText.format(correlation), "must lie in (−1, 1)")
            }
            let t = length ?? 50
            guard t > delay else {
                throw CLIError.invalidArgument("--length", String(t), "must exceed --delay \(delay)")
            }
        case .lsi:
            try Arguments.count(teacherSize, "--teacher-size")
            guard teacherSize <= 4096 else {
                throw CLIError.invalidArgument("--teacher-size", String(teacherSize), "must be ≤ 4096")
            }
            guard minModulus.isFinite, minModulus >= 0, minModulus < 1 else {
                throw CLIError.invalidArgument("--min-modulus", NumberText.format(minModulus), "must lie in [0, 1)")
            }
            guard teacherMaxPhase.isFinite, teacherMaxPhase > 0, teacherMaxPhase <= 2 * Double.pi else {
                throw CLIError.invalidArgument(
                    "--teacher-max-phase", NumberText.format(teacherMaxPhase), "must lie in (0, 2π]")
            }
        case .series:
            guard dataFile != nil else { throw CLIError("--task series needs --data FILE (and optionally --column)") }
            if let splits { _ = try SeriesTaskInput.splits(parsing: splits) }
            if let last { try Arguments.count(last, "--last") }
        }
        if task != .series {
            // The fixed validation and test batches (inputs and targets) are generated when the task is built, and a
            // training batch at every update: bound them before anything is allocated.
            let (steps, sequences) = generatedShape(task)
            try MemoryBudget.check(
                bytes: 8 * 6 * Double(steps) * Double(sequences),
                for: "--task \(task.rawValue) with --length \(steps) and batches of \(sequences) sequences")
        }
        if task != .series && (dataFile != nil || column != nil) {
            throw CLIError(
                "--data and --column apply to --task series only, not --task \(task.rawValue) (its data are generated from --seed)"
            )
        }
        if task != .series {
            let seriesOnly = [("--splits", splits != nil), ("--transform", transform != nil), ("--last", last != nil)]
            if let (flag, _) = seriesOnly.first(where: { $0.1 }) {
                throw CLIError("\(flag) applies to --task series only, not --task \(task.rawValue)")
            }
        }
    }

    /// The task's specification (the library builds the task with the recipe's defaults for unset sizes); the
    /// series task reads `dataFile`.
    func specification(dataFile: String?, column: String?, console: Console) throws -> TaskSpecification {
        guard let task else { throw CLIError("missing --task (one of lsi, series, recall)") }
        switch task {
        case .recall:
            return .delayedRecall(
                delay: delay, correlation: correlation, sequenceLength: length, batchSize: batch,
                evaluationBatchSize: evalBatch)
        case .lsi:
            return .linearSystemIdentification(
                teacherSize: teacherSize, minimumModulus: minModulus,
                sequenceLength: length, batchSize: batch, evaluationBatchSize: evalBatch,
                maximumPhase: teacherMaxPhase)
        case .series:
            guard let dataFile else { throw CLIError("--task series needs --data FILE") }
            let input = try SeriesTaskInput.load(
                dataFile, column: column, transform: transform ?? .identity, last: last,
                console: console)
            let explicit = try splits.map { s throws(CLIError) in try SeriesTaskInput.splits(parsing: s) }
            return .seriesPrediction(
                series: input.values, dataset: input.dataset, scalerFit: scaler.fit,
                splits: try input.splits(explicit))
        }
    }

    /// Task settings recorded in a weights file's metadata (so that `eval` can tell what a run was trained on).
    func metadata(dataFile: String?, column: String?) -> [String: String] {
        guard let task else { return [:] }
        var m = ["task": task.rawValue]
        switch task {
        case .recall:
            m["task_delay"] = String(delay)
            m["task_correlation"] = NumberText.format(correlation)
            m["task_length"] = String(length ?? 50)
        case .lsi:
            m["task_teacher_size"] = String(teacherSize)
            m["task_min_modulus"] = NumberText.format(minModulus)
            m["task_teacher_max_phase"] = NumberText.format(teacherMaxPhase)
            m["task_length"] = String(length ?? 300)
        case .series:
            m["task_data"] = dataFile ?? ""
            if let column { m["task_column"] = column }
            m["task_scaler"] = scaler.rawValue
            if let splits { m["task_splits"] = splits }
            if let transform { m["task_transform"] = transform.commandLineName }
            if let last { m["task_last"] = String(last) }
        }
        return m
    }
}

/// A library error as a one-line CLI error.
func cliError(_ error: Error, context: String) -> CLIError {
    if let e = error as? CLIError { return e }
    if let e = error as? SafetensorsError { return CLIError(e.description) }
    return CLIError("\(context): \(error)")
}

extension TaskOptions {
    /// The sequence length and the largest batch of a built-in (generated) task, with their defaults: what its
    /// data and a training step's tape are sized by.
    func generatedShape(_ task: TaskArgument) -> (steps: Int, sequences: Int) {
        let steps = length ?? (task == .lsi ? 300 : 50)
        let sequences = max(batch ?? (task == .lsi ? 128 : 32), evalBatch ?? (task == .lsi ? 128 : 256))
        return (steps, sequences)
    }
}
