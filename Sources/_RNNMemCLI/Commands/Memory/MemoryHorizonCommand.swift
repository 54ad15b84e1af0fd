import ArgumentParser
import Foundation
import RNNMemory

/// `--scores capacity|recall`.
enum HorizonScoresArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case capacity, recall
}

/// `rnnmem memory horizon`: the memory horizon k*(θ) = max{k : score_k ≥ θ}, from Jaeger's MC_k or from networks
/// trained to recall x_{t−k} (Illium et al. 2022).
struct MemoryHorizonCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "horizon",
        abstract: "Memory horizon k*(θ) = max{k : score_k ≥ θ}, from MC_k or from networks trained to recall x_(t−k).",
        discussion: """
            θ ∈ [0, 1] is always given (--threshold): horizons at different θ are different quantities. --rule \
            maximum (default) takes the largest delay reaching θ wherever it lies; contiguous the largest k such \
            that every scored delay ≤ k reaches θ.

            --scores capacity (default): score_k = MC_k, Jaeger's memory capacity of the network (every option of \
            'memory capacity': --method, --max-delay, --samples, --washout, --readout, --training-fraction, the \
            network and its input).

            --scores recall: the random memorisation task of Illium et al. (2022, ICAART, arXiv 2212.11085). For \
            every delay k in --delays (default 0 … --max-delay, default 0 … 20) a new network (--model, --hidden, \
            …, initialised from --seed s as 'train --seed s' does) is trained to output x_(t−k) from inputs x_t — \
            i.i.d. N(0, 1), or AR(1) with lag-one correlation --correlation ρ — with Adam (--steps, --lr, --clip) \
            on fresh batches of --batch sequences of length --length (default k_max + 50), the loss ½·MSE over the \
            steps t > k_max, and scored by the held-out R² on a fixed test batch of --eval-batch sequences (task \
            data from s + 1, batches from s + 2). --joint trains one network with one output per delay instead. \
            For correlated inputs the memoryless predictor ρ^k x_t already reaches R² = ρ^(2k) (reported as \
            memoryless). Beside the horizon: the memory capacity of the same network before training (empirical, \
            i.i.d. input, --samples), its total and its horizon at the same θ.

            When k* is the largest delay scored, the scores bound the horizon only from below (k* ≥ K: censored at \
            the largest delay scored); the output says so — score more delays to locate it.

            JSON keys: horizon (k*, null when no delay reaches θ), censored (true when k* is the largest delay \
            scored, so the horizon is only known to be ≥ k*), threshold, scores (score_k for each delay), \
            delays, rule, source (capacity or recall), memoryless (recall: ρ^(2k)), final_losses (recall: the final \
            training loss of each network, one per delay or one for --joint), \
            recalled (the number of delays reaching θ), score_total (Σ_k max(0, score_k)), capacity ({method, \
            total, mc, horizon, state_variables} of the untrained network for recall; of the network for \
            capacity), trained_capacity ({total, mc, horizon} of the --joint network after training, fresh \
            readouts of its state; else null), training ({steps, learning_rate, clip, batch, eval_batch, length, correlation, \
            joint, seeds} or null), input, network, figures, saved. --figures DIR: horizon.csv (k, score, \
            memoryless) and horizon.svg, score_k against k with θ and k*. --save DIR: delays.npy, scores.npy.
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions
    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Generated input") var input: ProbeInputOptions
    @OptionGroup(title: "Capacity") var capacity: CapacityOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Threshold θ ∈ [0, 1] of k*(θ) = max{k : score_k ≥ θ}.", valueName: "theta"))
    var threshold: Double

    @Option(
        name: .customLong("rule"),
        help: ArgumentHelp(
            "maximum: the largest k with score_k ≥ θ; contiguous: every delay up to k reaches θ.", valueName: "rule"))
    var ruleArgument: HorizonRuleArgument = .maximum

    var rule: MemoryHorizon.Rule { ruleArgument.rule }

    @Option(
        help: ArgumentHelp(
            "Scores: capacity (MC_k of the network) or recall (networks trained to output x_(t−k)).",
            valueName: "source"))
    var scores: HorizonScoresArgument = .capacity

    @Option(
        help: ArgumentHelp(
            "Recall: the delays scored, e.g. 0:20 or 1,2,4,8,16 (default 0 … --max-delay).", valueName: "list"))
    var delays: DelayList?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Recall: Adam updates per network (default 500).", valueName: "n"))
    var steps: Int = 500

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Recall: constant learning rate (default 0.005).", valueName: "lr"))
    var lr: Double = 5e-3

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Recall: clip the gradient to this global ℓ2 norm (default 1; 0: no clipping).", valueName: "norm"))
    var clip: Double = 1

    @Flag(help: "Recall: one network with one output per delay instead of one network per delay.")
    var joint = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed: the network from s, the task's or generated data from s + 1, training batches from s + 2.",
            valueName: "seed"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Recall: progress on standard error: auto, bar, lines, none.", valueName: "style"))
    var progress: ProgressArgument = .auto

    @OptionGroup var figures: FiguresOption
    @OptionGroup var save: SaveOptions
    @OptionGroup var output: OutputOptions

    func validateValues() throws(CLIError) {
        guard threshold.isFinite, threshold >= 0, threshold <= 1 else {
            throw CLIError.invalidArgument("--threshold", NumberText.format(threshold), "must lie in [0, 1]")
        }
        try network.validateValues()
        switch scores {
        case .capacity:
            let hasData = ProbeSetup.hasData(data)
            if hasData {
                try data.validateValues()
            } else if data.task.length != nil {
                throw CLIError(
                    "--length applies to --task or --scores recall; the generated input's length is --washout + --samples"
                )
            }
            try input.validateValues(hasData: hasData)
            try capacity.validateValues(hasData: hasData, generatedOptions: input.givenGeneratorOptions)
            let recallOnly = [
                ("--delays", delays != nil), ("--steps", steps != 500), ("--lr", lr != 5e-3),
                ("--clip", clip != 1), ("--joint", joint), ("--batch", data.task.batch != nil),
                ("--eval-batch", data.task.evalBatch != nil), ("--correlation", data.task.correlation != 0),
            ]
            if let (flag, _) = recallOnly.first(where: \.1) { throw CLIError("\(flag) applies to --scores recall") }
        case .recall:
            if network.weights != nil {
                throw CLIError(
                    "--scores recall trains new networks: give --model NAME (and --hidden, --seed), not --weights")
            }
            if ProbeSetup.hasData(data) {
                throw CLIError("--scores recall generates its own data (--correlation, --length); drop --data/--task")
            }
            if let first = input.givenGeneratorOptions.first {
                throw CLIError(
                    "\(first) applies to --scores capacity; the recall inputs are AR(1) with --correlation ρ (0: i.i.d.)"
                )
            }
            if capacity.method == .analytic { throw CLIError("--method analytic applies to --scores capacity") }
            if delays != nil, capacity.maxDelay != nil { throw CLIError("give --delays or --max-delay, not both") }
            try capacity.validateValues(hasData: false, generatedOptions: [])
            try Arguments.count(steps, "--steps")
            guard lr.isFinite, lr > 0 else {
                throw CLIError.invalidArgument("--lr", NumberText.format(lr), "must be a finite number > 0")
            }
            guard clip.isFinite, clip >= 0 else {
                throw CLIError.invalidArgument("--clip", NumberText.format(clip), "must be a finite number ≥ 0")
            }
            let task = data.task
            guard task.correlation.isFinite, abs(task.correlation) < 1 else {
                throw CLIError.invalidArgument(
                    "--correlation", NumberText.format(task.correlation), "must lie in (−1, 1)")
            }
            for (name, v) in [("--length", task.length), ("--batch", task.batch), ("--eval-batch", task.evalBatch)] {
                if let v {
                    try Arguments.count(v, name)
                    guard v <= 100_000 else { throw CLIError.invalidArgument(name, String(v), "must be ≤ 100000") }
                }
            }
            let kMax = recallDelays.last ?? 0
            if let t = task.length, t <= kMax {
                throw CLIError.invalidArgument("--length", String(t), "must exceed the largest delay \(kMax)")
            }
        }
    }

    /// The recall delays: --delays, else 0 … --max-delay (default 20).
    var recallDelays: [Int] { delays?.values ?? Array(0...(capacity.maxDelay ?? 20)) }

    func run(console: Console) throws {
        try validateValues()
        switch scores {
        case .capacity: try runCapacity(console: console)
        case .recall: try runRecall(console: console)
        }
    }

    private func runCapacity(console: Console) throws {
        let setup: ProbeSetup?
        let loaded: LoadedNetwork
        if capacity.method == .analytic {
            loaded = try network.load(
                widths: .init(inputSize: network.inputs ?? 1, outputSize: nil, source: "--method analytic"), seed: seed)
            setup = nil
        } else {
            let s = try ProbeSetup.load(
                network: network, data: data, input: input, seed: seed,
                steps: { (m: any RecurrentModel) throws(CLIError) -> Int in try capacity.generatedSteps(for: m) },
                sequences: 1, fallback: .gaussian, console: console)
            setup = s
            loaded = s.network
        }
        let (mc, washout) = try capacity.compute(loaded.model, setup: setup)
        for n in mc.notes { console.note(n) }
        let h = try ProbeErrors.run(CapacityOptions.flags) { try mc.horizon(threshold: threshold, rule: rule) }
        var description =
            "scores MC_k, \(mc.method.rawValue) memory capacity (MC = \(ProbeText.fixed(mc.total)), \(mc.stateVariables) state variables"
        if let washout { description += ", washout \(washout)" }
        description += ")"
        try report(
            h, memoryless: nil, losses: nil, capacity: mc, capacityHorizon: h.horizon, trainedCapacity: nil,
            training: .null,
            network: loaded, input: setup, description: description, console: console)
    }

    private func runRecall(console: Console) throws {
        let loaded = try network.load(widths: .init(inputSize: 1, outputSize: 1, source: "--scores recall"), seed: seed)
        guard let modelName = network.model else { throw CLIError("--scores recall needs --model NAME") }
        let spec: ModelSpecification
        do {
            spec = try network.architecture.specification(model: modelName, inputSize: 1, outputSize: 1)
        } catch {
            throw cliError(error, context: "--model \(modelName.rawValue)")
        }
        let ks = recallDelays
        let task = data.task
        let seeds = RunSeeds(seed)
        let configuration = RecallExperimentConfiguration(
            model: spec, delays: ks, joint: joint, correlation: task.correlation, sequenceLength: task.length,
            batchSize: task.batch ?? 32, evaluationBatchSize: task.evalBatch ?? 256, steps: steps, learningRate: lr,
            gradientClipNorm: clip > 0 ? clip : nil, modelSeed: seeds.model, taskSeed: seeds.task,
            trainingSeed: seeds.trainer)
        let length = task.length ?? ((ks.last ?? 0) + 50)
        try ProbeSetup.checkBudget(
            loaded.model, steps: length, sequences: max(task.batch ?? 32, task.evalBatch ?? 256),
            derivative: .gradient)
        let cells: [[Int]] = joint ? [ks] : ks.map { [$0] }
        let reporter = ProgressReporter(
            total: steps * cells.count, label: "horizon", options: progress.options(console: console))
        var results: [RecallScore] = []
        var trainedModel: (any RecurrentModel)? = nil
        for (i, cell) in cells.enumerated() {
            let base = i * steps
            let label = cell.count == 1 ? "k = \(cell[0])" : "k = \(cell.first ?? 0)…\(cell.last ?? 0)"
            let scores = try ProbeErrors.run([
                "delays": "--delays", "sequenceLength": "--length", "correlation": "--correlation",
                "batchSize": "--batch", "evaluationBatchSize": "--eval-batch", "steps": "--steps",
                "learningRate": "--lr", "gradientClipNorm": "--clip",
            ]) {
                try RecallExperiment.trainCell(configuration, delays: cell) { p in
                    reporter.update(
                        completed: base + p.completedSteps,
                        status: "\(label) loss \(NumberFormatting.scientific(p.trainingLoss))")
                }
            }
            results += scores.scores
            if joint { trainedModel = scores.model }
        }
        results.sort { $0.delay < $1.delay }
        reporter.finish(completed: steps * cells.count, status: "done")
        for r in results where !r.rSquared.isFinite {
            throw CLIError("training diverged at delay \(r.delay) (R² is not finite); lower --lr or set --clip")
        }
        let h = try ProbeErrors.run(["threshold": "--threshold"]) {
            try MemoryHorizon(
                scores: results.map(\.rSquared), delays: results.map(\.delay), threshold: threshold, rule: rule)
        }
        // The capacity of the same network before training (Jaeger's setting: i.i.d. input, linear readouts).
        let capacitySetup = try ProbeSetup.load(
            network: network, data: data, input: input, seed: seed,
            steps: { (m: any RecurrentModel) throws(CLIError) -> Int in try capacity.generatedSteps(for: m) },
            sequences: 1, fallback: .gaussian, console: console)
        let (mc, _) = try capacity.compute(capacitySetup.network.model, setup: capacitySetup)
        let mcHorizon = try ProbeErrors.run([:]) { try mc.horizon(threshold: threshold, rule: rule).horizon }
        // The joint network's own capacity after training: fresh linear readouts of its state (same input).
        var trained: MemoryCapacity? = nil
        if let trainedModel { trained = try capacity.compute(trainedModel, setup: capacitySetup).0 }
        let training = JSONValue.object([
            ("steps", .integer(steps)), ("learning_rate", .number(lr)), ("clip", clip > 0 ? .number(clip) : .null),
            ("batch", .integer(configuration.batchSize)), ("eval_batch", .integer(configuration.evaluationBatchSize)),
            ("length", .integer(length)), ("correlation", .number(task.correlation)), ("joint", .bool(joint)),
            (
                "seeds",
                .object([
                    ("model", .unsigned(seeds.model)), ("task", .unsigned(seeds.task)),
                    ("training", .unsigned(seeds.trainer)),
                ])
            ),
        ])
        let inputText = task.correlation == 0 ? "i.i.d. N(0, 1)" : "AR(1), ρ = \(NumberText.format(task.correlation))"
        let description =
            "scores held-out R² of \(joint ? "one network trained on all delays" : "one network per delay") "
            + "(\(steps) Adam updates, lr \(NumberText.format(lr)), clip \(clip > 0 ? NumberText.format(clip) : "none"), "
            + "batch \(configuration.batchSize), T = \(length), test batch \(configuration.evaluationBatchSize), inputs \(inputText))"
        try report(
            h, memoryless: results.map(\.memorylessRSquared),
            losses: joint ? [results.first?.finalTrainingLoss ?? nil] : results.map(\.finalTrainingLoss), capacity: mc,
            capacityHorizon: mcHorizon, trainedCapacity: trained, training: training, network: loaded, input: nil,
            description: description,
            console: console)
    }

    private func report(
        _ h: MemoryHorizon, memoryless: [Double]?, losses: [Double?]?, capacity mc: MemoryCapacity,
        capacityHorizon: Int?, trainedCapacity: MemoryCapacity?, training: JSONValue, network loaded: LoadedNetwork,
        input setup: ProbeSetup?,
        description: String, console: Console
    ) throws {
        var horizonText = h.horizon.map(String.init) ?? "none (no delay reaches θ)"
        if h.isCensored, let k = h.horizon { horizonText += " (≥ \(k): censored at the largest delay scored)" }
        var figureFiles: [String] = []
        if let dir = figures.figures {
            var f = try FigureSet(directory: dir, name: "horizon")
            try f.table(
                "horizon.csv", header: ["k", "score", "memoryless"],
                columns: [h.delays.map(Double.init), h.scores, memoryless ?? []])
            let model = loaded.model
            let ylabel = scores == .recall ? "held-out R²_k" : "MC_k"
            var plot = """
                set output "horizon.svg"
                set title \(FigureSet.quoted("Memory horizon of \(model.architecture) (N = \(model.hiddenSize)): k*(\(NumberText.format(threshold))) = \(horizonText)")) noenhanced
                set xlabel "delay k"
                set ylabel "\(ylabel)"
                set yrange [\(min(0, (h.scores.min() ?? 0)) - 0.02):1.05]
                set arrow from graph 0, first \(NumberText.format(threshold)) to graph 1, first \(NumberText.format(threshold)) nohead dt 2 lc rgb "gray40"

                """
            if let k = h.horizon {
                plot += "set arrow from first \(k), graph 0 to first \(k), graph 1 nohead lw 1.5 lc rgb \"#c0392b\"\n"
            }
            plot +=
                "plot \"horizon.csv\" every ::1 using 1:2 with linespoints pt 7 ps 0.5 lw 2 lc rgb \"#2471a3\" title \"\(ylabel)\""
            if memoryless != nil {
                plot +=
                    ", \\\n     \"\" every ::1 using 1:3 with lines lw 1 dt 3 lc rgb \"gray30\" title \"memoryless ρ^{2k}\""
            }
            try f.draw(script: plot + "\n", svgs: ["horizon.svg"], title: "rnnmem memory horizon")
            f.reportProblem(to: console)
            figureFiles = f.paths
        }
        var arrays = ProbeArrays()
        try arrays.add("delays", h.delays.map(Double.init))
        try arrays.add("scores", h.scores)
        let saved = try arrays.write(save, console: console)
        let recalled = h.scores.filter { $0 >= threshold }.count
        let scoreTotal = h.scores.reduce(0) { $0 + max(0, $1) }
        let trainedJSON: JSONValue =
            trainedCapacity.map { t in
                JSONValue.object([
                    ("total", .number(t.total)), ("mc", .numbers(t.capacities)),
                    ("horizon", .optional(try? t.horizon(threshold: threshold, rule: rule).horizon)),
                ])
            } ?? .null
        let capacityJSON = JSONValue.object([
            ("method", .string(mc.method.rawValue)), ("total", .number(mc.total)), ("mc", .numbers(mc.capacities)),
            ("horizon", .optional(capacityHorizon)), ("state_variables", .integer(mc.stateVariables)),
        ])
        try output.emit(
            to: console,
            plain: {
                var text = loaded.summaryLine + "\n"
                if let setup { text += "input \(setup.description)\n" }
                text += description + "\n"
                var header = ["k", scores == .recall ? "R²_k" : "MC_k"]
                let perDelayLosses = !joint
                if memoryless != nil { header += ["memoryless"] + (perDelayLosses ? ["final loss"] : []) }
                var rows = [header]
                for (i, k) in h.delays.enumerated() {
                    var row = [String(k), ProbeText.fixed(h.scores[i])]
                    if let memoryless {
                        row.append(ProbeText.fixed(memoryless[i]))
                        if perDelayLosses, let losses, i < losses.count {
                            row.append(losses[i].map(ProbeText.scientific) ?? "-")
                        }
                    }
                    rows.append(row)
                }
                text += ProbeText.columns(rows)
                text +=
                    "horizon k*(θ = \(NumberText.format(threshold))) = \(horizonText) (rule \(rule.rawValue)); \(recalled) of \(h.delays.count) delays reach θ; Σ max(0, score_k) = \(ProbeText.fixed(scoreTotal))\n"
                if scores == .recall && !perDelayLosses, let loss = losses?.first ?? nil {
                    text +=
                        "final training loss of the joint network (½·MSE averaged over the delays): \(ProbeText.scientific(loss))\n"
                }
                if scores == .recall {
                    text +=
                        "memory capacity of the untrained network (empirical, i.i.d. input): MC = \(ProbeText.fixed(mc.total)) of \(mc.stateVariables) state variables, k*(θ) from MC_k = \(capacityHorizon.map(String.init) ?? "none")\n"
                    if let t = trainedCapacity {
                        text +=
                            "memory capacity of the trained network (fresh readouts of its state): MC = \(ProbeText.fixed(t.total)), k*(θ) from MC_k = \((try? t.horizon(threshold: threshold, rule: rule).horizon).flatMap { $0 }.map(String.init) ?? "none")\n"
                    }
                }
                if !figureFiles.isEmpty { text += "figures: \(figureFiles.joined(separator: ", "))\n" }
                if !saved.isEmpty { text += "saved: \(saved.joined(separator: ", "))\n" }
                return text
            },
            json: {
                .object([
                    ("horizon", .optional(h.horizon)), ("censored", .bool(h.isCensored)),
                    ("threshold", .number(threshold)),
                    ("scores", .numbers(h.scores)),
                    ("delays", .array(h.delays.map(JSONValue.integer))), ("rule", .string(rule.rawValue)),
                    ("source", .string(scores.rawValue)), ("memoryless", memoryless.map(JSONValue.numbers) ?? .null),
                    ("final_losses", losses.map { .array($0.map { JSONValue.optional($0) }) } ?? .null),
                    ("recalled", .integer(recalled)), ("score_total", .number(scoreTotal)),
                    ("capacity", capacityJSON), ("trained_capacity", trainedJSON), ("training", training),
                    ("input", setup?.json ?? .null),
                    ("network", .object(loaded.jsonFields)),
                    ("figures", .array(figureFiles.map(JSONValue.string))),
                    ("saved", .array(saved.map(JSONValue.string))),
                ])
            })
    }
}

/// `--rule maximum|contiguous` (``MemoryHorizon/Rule``).
enum HorizonRuleArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case maximum, contiguous

    /// The library's rule.
    var rule: MemoryHorizon.Rule { self == .maximum ? .maximum : .contiguous }
}
