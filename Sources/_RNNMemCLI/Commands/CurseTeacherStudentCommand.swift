import ArgumentParser
import Foundation
import RNNMemory

/// `--schedule cosine|constant` of `curse teacher-student`.
enum CurseScheduleArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case cosine, constant
}

/// `rnnmem curse teacher-student`: train a student on linear-system identification and report its final loss and
/// Adam's effective learning rates (Zucchet & Orvieto 2024, NeurIPS, §4, Fig. 3 and 4).
struct CurseTeacherStudentCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "teacher-student",
        abstract:
            "Train a student on linear-system identification; print its final loss and Adam's effective learning rates.",
        discussion: """
            The task is train's --task lsi (Zucchet & Orvieto 2024, NeurIPS, §4): a dense linear teacher of size \
            --teacher-size whose eigenvalue moduli lie in [ν₀, 1) (--min-modulus ν₀), i.i.d. N(0, 1) inputs, fresh \
            batches every update, loss ½·MSE over every step. The student (--model linear, cdiag or lru, and the \
            architecture options) is initialised by the protocol (dense: moduli tanh|l|; cdiag, lru: ring [ν₀, 1), \
            the repository scheme) unless --ring-min/--ring-max/--max-phase/--init-scheme say otherwise. Training is \
            train's, update for update (same seeds: model s, teacher s + 1, batches s + 2; Adam with PyTorch's \
            defaults; --schedule cosine = the warm-up–cosine schedule 1e-7 → --lr → 1e-7, or constant), and keeps \
            Adam's state: the effective learning rate of parameter i is η/(√V̂_i + ε), η = --lr, V̂ the bias-corrected \
            second moment after the last update, summarised per parameter group by its geometric mean.

            final_loss is the loss of the final parameters on the task's fixed test batch (--eval-batch sequences); \
            final_training_loss the mean of the last tenth of the training losses. A run whose loss or parameters \
            become non-finite stops: diverged is true and both losses are null.

            JSON: model, hidden_size, parameter_count, min_modulus, teacher_size, length, batch, steps, \
            learning_rate, schedule, seed, initialization, diverged, final_loss, final_training_loss, \
            recurrent_effective_learning_rate (geometric mean over the recurrent groups: A, or the eigenvalue \
            coordinates), effective_learning_rates [{group, kind, geometric_mean, minimum, maximum}]. --save DIR: \
            training_loss, learning_rate, effective_learning_rate, parameters (.npy); --figures DIR: the loss curve \
            and the effective learning rates per parameter (teacher-student-*.csv/svg).
            """)

    @OptionGroup(title: "Student") var modelOptions: NewModelOptions

    @OptionGroup(title: "Teacher (--task lsi)") var taskOptions: TaskOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of updates (default 1000).", valueName: "n"))
    var steps: Int = 1000

    @Option(parsing: .unconditional, help: ArgumentHelp("Peak learning rate η (default 0.001).", valueName: "lr"))
    var lr: Double = 1e-3

    @Option(
        help: ArgumentHelp("Learning-rate schedule: cosine (warm-up–cosine, default) or constant.", valueName: "name"))
    var schedule: CurseScheduleArgument = .cosine

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed (as train's --seed).", valueName: "seed"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Progress on standard error: auto, bar, lines, none.", valueName: "style"))
    var progress: ProgressArgument = .auto

    @Option(help: ArgumentHelp("Write CSV tables and SVG figures to this directory.", valueName: "dir"))
    var figures: String?

    @OptionGroup var save: SaveOptions

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        try modelOptions.validateValues()
        guard [.linear, .cdiag, .lru].contains(modelOptions.model) else {
            throw CLIError(
                "--model \(modelOptions.model.rawValue): the teacher–student problem takes linear, cdiag or lru students"
            )
        }
        if let task = taskOptions.task, task != .lsi {
            throw CLIError("--task \(task.rawValue): curse teacher-student runs --task lsi only")
        }
        var task = taskOptions
        task.task = .lsi
        try task.validateValues(dataFile: nil, column: nil)
        try Arguments.count(steps, "--steps")
        guard steps <= 10_000_000 else {
            throw CLIError.invalidArgument("--steps", String(steps), "must be ≤ 10000000")
        }
        guard lr.isFinite, lr > 0 else {
            throw CLIError.invalidArgument("--lr", NumberText.format(lr), "must be a finite number > 0")
        }
        let spec = try task.specification(dataFile: nil, column: nil, console: console)
        let lsi: any TrainingTask
        do { lsi = try spec.makeTask(seed: RunSeeds(seed).task) } catch { throw cliError(error, context: "--task lsi") }
        let modelSpec: ModelSpecification
        let model: any RecurrentModel
        do {
            modelSpec = try modelOptions.specification(inputSize: lsi.inputSize, outputSize: lsi.outputSize, task: spec)
            model = try modelSpec.makeModel(seed: RunSeeds(seed).model)
        } catch {
            throw cliError(error, context: "--model \(modelOptions.model.rawValue)")
        }
        let length = task.length ?? 300, batch = task.batch ?? 128
        try MemoryBudget.check(
            bytes: MemoryBudget.networkBytes(
                steps: length, batchSize: batch, inputSize: lsi.inputSize,
                outputSize: lsi.outputSize, stateSize: 2 * model.hiddenSize,
                parameterCount: model.parameterCount, derivative: .gradient),
            for: "training (--length \(length) × --batch \(batch), --hidden \(model.hiddenSize))")
        let configuration = StudentTraining.Configuration(
            steps: steps, learningRate: lr, seed: RunSeeds(seed).trainer,
            schedule: schedule == .constant ? .constant(learningRate: lr) : nil)
        let reporter = ProgressReporter(
            total: steps, label: "curse teacher-student \(modelOptions.model.rawValue)",
            options: progress.options(console: console))
        let result: StudentTrainingResult
        do {
            result = try StudentTraining.run(model: model, task: lsi, configuration: configuration) { k, loss in
                reporter.update(completed: k, status: "loss \(String(format: "%.3e", loss))")
            }
        } catch {
            throw cliError(error, context: "training")
        }
        reporter.finish(completed: result.steps, status: result.diverged ? "diverged" : "done")
        let initialization = ArchitectureOptions.initializationDescription(modelSpec)
        let nu0 = task.minModulus
        var arrays = SafetensorsFile()
        arrays.tensors["training_loss"] = try SafetensorsTensor(shape: [result.steps], values: result.trainingLosses)
        arrays.tensors["learning_rate"] = try SafetensorsTensor(shape: [result.steps], values: result.learningRates)
        let rates = result.effectiveLearningRates?.rates ?? []
        let kinds = Dictionary(result.model.parameterGroups.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let groups = result.effectiveLearningRates?.groups ?? []
        arrays.tensors["effective_learning_rate"] = try SafetensorsTensor(shape: [rates.count], values: rates)
        arrays.tensors["parameters"] = try SafetensorsTensor(
            shape: [result.model.parameterCount], values: result.model.parameters)
        try save.write(arrays)
        if let figures {
            var f = try FigureSet(path: figures)
            var curve = "step,training_loss,learning_rate\n"
            for (k, l) in result.trainingLosses.enumerated() { curve += "\(k + 1),\(l),\(result.learningRates[k])\n" }
            try f.write("teacher-student-loss.csv", curve)
            var table = "index,group,group_index,effective_learning_rate\n"
            for (g, summary) in groups.enumerated() {
                for i in kinds[summary.name]?.range ?? 0..<0 {
                    table += "\(i + 1),\(summary.name),\(g + 1),\(rates[i])\n"
                }
            }
            try f.write("teacher-student-effective-lr.csv", table)
            let tics = groups.enumerated().map { "\"\($1.name)\" \($0 + 1)" }.joined(separator: ", ")
            let script = """
                set output "teacher-student-loss.svg"
                set title "\(modelOptions.model.rawValue) student, ν₀ = \(NumberText.format(nu0)), peak lr \(NumberText.format(lr))"
                set xlabel "update"; set ylabel "½·MSE (training batch)"
                set logscale y
                set format y "10^{%L}"
                plot 'teacher-student-loss.csv' every ::1 using 1:2 with lines lw 1 lc rgb '#4477aa' title 'training loss'
                set output "teacher-student-effective-lr.svg"
                set title "Adam's effective learning rates η/(√V̂ + ε) after \(result.steps) updates"
                set xlabel "parameter group"; set ylabel "effective learning rate"
                set xtics (\(tics)) rotate by -30
                set xrange [0.5:\(groups.count).5]
                plot 'teacher-student-effective-lr.csv' every ::1 using ($3 + 0.3*(rand(0) - 0.5)):4 with points pt 7 ps 0.4 lc rgb '#4477aa' notitle

                """
            try f.render(
                script: "teacher-student.gp", script,
                svgs: ["teacher-student-loss.svg", "teacher-student-effective-lr.svg"])
            f.report(to: console)
        }
        func optional(_ x: Double?) -> String { x.map(NumberText.format) ?? "none (diverged)" }
        try output.emit(
            to: console,
            plain: {
                var lines = [
                    "student \(modelOptions.model.rawValue)  hidden \(model.hiddenSize)  parameters \(model.parameterCount)  \(initialization)",
                    "teacher lsi  size \(task.teacherSize)  ν₀ \(NumberText.format(nu0))  T \(length)  batch \(batch)  seed \(seed)",
                    "\(result.steps)/\(steps) updates  peak lr \(NumberText.format(lr))  schedule \(schedule.rawValue)\(result.diverged ? "  DIVERGED" : "")",
                    "final loss (test batch) \(optional(result.testLoss))",
                    "final training loss (mean of the last tenth) \(optional(result.finalTrainingLoss))",
                    "effective learning rates η/(√V̂ + ε), geometric mean [min, max] per group:",
                ]
                for g in groups {
                    lines.append(
                        "  \(g.name) (\(kinds[g.name]?.kind.rawValue ?? "")) \(String(format: "%.3e", g.geometricMean)) [\(String(format: "%.3e", g.minimum)), \(String(format: "%.3e", g.maximum))]"
                    )
                }
                if let r = result.recurrentEffectiveLearningRate {
                    lines.append("recurrent parameters: \(String(format: "%.3e", r))")
                }
                return lines.joined(separator: "\n") + "\n"
            },
            json: {
                .object([
                    ("model", .string(modelOptions.model.rawValue)), ("hidden_size", .integer(model.hiddenSize)),
                    ("parameter_count", .integer(model.parameterCount)), ("min_modulus", .number(nu0)),
                    ("teacher_size", .integer(task.teacherSize)), ("length", .integer(length)),
                    ("batch", .integer(batch)),
                    ("steps", .integer(result.steps)), ("learning_rate", .number(lr)),
                    ("schedule", .string(schedule.rawValue)),
                    ("seed", .unsigned(seed)), ("initialization", .string(initialization)),
                    ("diverged", .bool(result.diverged)), ("final_loss", .optional(result.testLoss)),
                    ("final_training_loss", .optional(result.finalTrainingLoss)),
                    ("recurrent_effective_learning_rate", .optional(result.recurrentEffectiveLearningRate)),
                    (
                        "effective_learning_rates",
                        .array(
                            groups.map { g in
                                .object([
                                    ("group", .string(g.name)), ("kind", .string(kinds[g.name]?.kind.rawValue ?? "")),
                                    ("geometric_mean", .number(g.geometricMean)), ("minimum", .number(g.minimum)),
                                    ("maximum", .number(g.maximum)),
                                ])
                            })
                    ),
                ])
            })
    }
}
