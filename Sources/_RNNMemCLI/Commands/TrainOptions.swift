import ArgumentParser
import Foundation
import RNNMemory

/// `--model rnn|lstm|…`.
enum ModelArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case rnn, lstm, gru, linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf

    /// The library's architecture of the same name.
    var architecture: Architecture {
        switch self {
        case .rnn: return .tanhRNN
        case .lstm: return .lstm
        case .gru: return .gru
        case .linear: return .linearRNN
        case .cdiag: return .complexDiagonalRNN
        case .lru: return .lru
        case .mrnn: return .mrnn
        case .mrnnf: return .mrnnf
        case .mlstm: return .mlstm
        case .mlstmf: return .mlstmf
        }
    }
}

/// `--task lsi|series|recall`.
enum TaskArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case lsi, series, recall

    /// The library's training protocol of the task.
    var recipe: TrainingRecipe {
        switch self {
        case .lsi: return .linearSystemIdentification
        case .series: return .seriesPrediction
        case .recall: return .delayedRecall
        }
    }
}

/// `--scaler whole|train` of the series task.
enum ScalerArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case whole, train

    var fit: ScalerFit { self == .whole ? .wholeSeries : .trainingSplit }
}

/// Architecture and sizes of a new model (`train`, `grad-check`).
struct TrainModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Architecture.", valueName: "name"))
    var model: ModelArgument

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden width N of each layer.", valueName: "N"))
    var hidden: Int = 32

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of stacked layers (mrnn, mrnnf: 1).", valueName: "L"))
    var layers: Int = 1

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Fractional filter window K of mrnn, mrnnf, mlstm, mlstmf (default 100 for mrnn/mrnnf, 25 for mlstm/mlstmf).",
                               valueName: "K"))
    var window: Int?

    func validateValues() throws(CLIError) {
        try Arguments.count(hidden, "--hidden")
        guard hidden <= 4096 else { throw CLIError.invalidArgument("--hidden", String(hidden), "must be ≤ 4096") }
        try Arguments.count(layers, "--layers")
        guard layers <= 64 else { throw CLIError.invalidArgument("--layers", String(layers), "must be ≤ 64") }
        if (model == .mrnn || model == .mrnnf) && layers != 1 {
            throw CLIError.invalidArgument("--layers", String(layers), "\(model.rawValue) has one layer")
        }
        // An upper bound of the parameter count (4 gate blocks of N × (N + inputs + 2) per layer), checked before
        // anything is allocated, so that a typo gives an error instead of exhausting memory.
        guard estimatedParameterCount <= Self.maximumParameterCount else {
            throw CLIError("--hidden \(hidden) with --layers \(layers) is too large a model (about \(estimatedParameterCount) parameters; the limit is \(Self.maximumParameterCount))")
        }
        if let window {
            guard [.mrnn, .mrnnf, .mlstm, .mlstmf].contains(model) else {
                throw CLIError("--window applies to mrnn, mrnnf, mlstm and mlstmf, not \(model.rawValue)")
            }
            try Arguments.count(window, "--window")
            guard window <= 100_000 else { throw CLIError.invalidArgument("--window", String(window), "must be ≤ 100000") }
        }
    }

    static let maximumParameterCount = 50_000_000

    /// 4·N·(N + 2)·L + 4·N·(N + 1): a bound on the parameters of every architecture with small input/output widths.
    var estimatedParameterCount: Int { 4 * hidden * (hidden + 2) * layers + 4 * hidden * (hidden + 1) }

    /// The specification for a task's input and output widths.
    func specification(inputSize: Int, outputSize: Int) throws -> ModelSpecification {
        try ModelSpecification(architecture: model.architecture, inputSize: inputSize, hiddenSize: hidden,
                               outputSize: outputSize, layers: layers, window: window)
    }
}

/// The task and its data (`train`, `eval`).
struct TrainTaskOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Task (required for train): lsi = linear-system identification (Zucchet & Orvieto), series = one-step prediction of a CSV column (Zhao et al.), recall = output x_(t−k).",
        valueName: "name"))
    var task: TaskArgument?

    @Option(parsing: .unconditional, help: ArgumentHelp("recall: delay k ≥ 0.", valueName: "k"))
    var delay: Int = 5

    @Option(parsing: .unconditional,
            help: ArgumentHelp("recall: lag-one correlation ρ of the inputs, −1 < ρ < 1 (0: i.i.d.).", valueName: "rho"))
    var correlation: Double = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("recall, lsi: sequence length T (default 50; lsi 300).", valueName: "T"))
    var length: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("recall, lsi: training batch size (default 32; lsi 128).", valueName: "B"))
    var batch: Int?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("recall, lsi: size of the fixed validation and test batches (default 256; lsi 128).", valueName: "B"))
    var evalBatch: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("lsi: teacher state size d.", valueName: "d"))
    var teacherSize: Int = 10

    @Option(parsing: .unconditional,
            help: ArgumentHelp("lsi: smallest teacher eigenvalue modulus ν₀, 0 ≤ ν₀ < 1.", valueName: "nu0"))
    var minModulus: Double = 0.99

    @Option(help: ArgumentHelp("series: CSV file holding the series.", valueName: "file"))
    var data: String?

    @Option(help: ArgumentHelp("series: column, a header name or 1-based index (default: the last numeric column).",
                               valueName: "name|index"))
    var column: String?

    @Option(help: ArgumentHelp("series: fit the min–max scaler on the whole series (Zhao et al.) or on the training split.",
                               valueName: "whole|train"))
    var scaler: ScalerArgument = .whole

    func validateValues() throws(CLIError) {
        guard let task else { throw CLIError("missing --task (one of lsi, series, recall)") }
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
        case .series:
            guard data != nil else { throw CLIError("--task series needs --data FILE (and optionally --column)") }
        }
        if task != .series && (data != nil || column != nil) {
            throw CLIError("--data and --column apply to --task series only")
        }
    }

    /// The task's specification (the library builds the task with the recipe's defaults for unset sizes).
    func specification(console: Console) throws -> TaskSpecification {
        guard let task else { throw CLIError("missing --task (one of lsi, series, recall)") }
        switch task {
        case .recall:
            return .delayedRecall(delay: delay, correlation: correlation, sequenceLength: length, batchSize: batch,
                                  evaluationBatchSize: evalBatch)
        case .lsi:
            return .linearSystemIdentification(teacherSize: teacherSize, minimumModulus: minModulus,
                                               sequenceLength: length, batchSize: batch, evaluationBatchSize: evalBatch)
        case .series:
            guard let data else { throw CLIError("--task series needs --data FILE") }
            let series = try SeriesTable.load(data, console: console).series(column: column)
            let name = URL(fileURLWithPath: data).deletingPathExtension().lastPathComponent
            return .seriesPrediction(series: series.values, dataset: name, scalerFit: scaler.fit)
        }
    }

    /// The task, its fixed data drawn from `seed`.
    func makeTask(seed: UInt64, console: Console) throws -> any TrainingTask {
        try specification(console: console).makeTask(seed: seed)
    }

    /// Task settings recorded in a weights file's metadata (so `eval` can be told what a run was trained on).
    var metadata: [String: String] {
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
            m["task_length"] = String(length ?? 300)
        case .series:
            m["task_data"] = data ?? ""
            if let column { m["task_column"] = column }
            m["task_scaler"] = scaler.rawValue
        }
        return m
    }
}

/// A library error as a one-line CLI error.
func cliError(_ error: Error, context: String) -> CLIError {
    if let e = error as? CLIError { return e }
    return CLIError("\(context): \(error)")
}
