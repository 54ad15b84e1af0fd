import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem memory states`: the memory parameter d of a network's inputs, state units and outputs along one
/// trajectory — driven, autonomous (noise fed back), or of its residuals — with `rnnmem check`'s verdicts.
struct MemoryStatesCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "states",
        abstract: "Memory parameter d of a network's inputs, state units and outputs, with 'check' verdicts.",
        discussion: """
            Runs the network on one sequence, drops --burn-in steps and estimates d of every input feature, every \
            unit of the last layer's state segment --segment (default h, the hidden output; e.g. c of an LSTM, m \
            of an MRNN) and every output, by local Whittle (Robinson 1995; m = ⌊n^0.65⌋) and GPH (Geweke & \
            Porter-Hudak 1983; m = ⌊n^0.5⌋), with the verdict of 'rnnmem check' on each series (short memory, long \
            memory, antipersistent, nonstationary, inconclusive). Short-memory persistence biases both estimators \
            upward, LW more: for slowly contracting networks prefer GPH.

            What theory predicts (Zhao, Huang, Li & Chen 2020, ICML): a contracting network driven by white noise \
            has short-memory states and outputs; driven by a long-memory input it passes the memory through (every \
            direction with A(1) ≠ 0 keeps the input's d); run autonomously, y_t = g(s_t) + σε_t fed back as the next \
            input (--autonomous σ, their Theorem 1), it has short memory under their contraction conditions. \
            --residuals adds d of the residuals e_t = target_t − y_t (with targets, e.g. --task series, whose \
            targets are x_(t+1)) or e_(t+1) = x_(t+1) − y_t (a one-input, one-output predictor without targets): a \
            predictor with summable coefficients leaves the input's d in its residuals; the fractional filter of \
            MRNN/MRNNF can remove it.

            Input: --data/--task (one sequence, --sequence b), or generated (--input iid by default; --input \
            arfima --d 0.4 for long memory) of --burn-in + --length n steps (defaults 100 + 4096). JSON keys: mode \
            (driven or autonomous), samples, burn_in, segment, inputs, units, outputs, residuals (each a list of \
            {d_lw, se_lw, d_gph, se_gph, verdict}, null when absent; a failed estimate is null with its reason in \
            failure), units_median_d_lw, units_median_d_gph, unit_verdicts ({verdict: count}), input, network, \
            figures, saved. --figures DIR: states.csv (unit, d_lw, se_lw, d_gph, se_gph) and states.svg. --save \
            DIR: units.npy [n, units], outputs.npy [n, d_out], inputs.npy [n, d_in], residuals.npy.
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions
    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Generated input") var input: ProbeInputOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Autonomous run: feed y_t + σε_t back as the next input (needs d_in = d_out), noise scale σ ≥ 0.",
            valueName: "sigma"))
    var autonomous: Double?

    @Flag(help: "Also estimate d of the residuals (target − output, or x_(t+1) − y_t for a one-step predictor).")
    var residuals = false

    @Option(help: ArgumentHelp("The last layer's state segment analysed (default h; e.g. c, m).", valueName: "name"))
    var segment: String = "h"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Steps dropped at the start (default: generated 100, data 0).", valueName: "n"))
    var burnIn: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("--data/--task: the sequence b (1-based) analysed.", valueName: "b"))
    var sequence: Int = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed: a new network from s, the generated input, the task's data or the noise from s + 1.",
            valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup var figures: FiguresOption
    @OptionGroup var save: SaveOptions
    @OptionGroup var output: OutputOptions

    func validateValues() throws(CLIError) {
        try network.validateValues()
        let hasData = ProbeSetup.hasData(data)
        if hasData {
            try data.validateValues()
        } else if let n = data.task.length {
            try Arguments.count(n, "--length", minimum: 32)
        }
        try input.validateValues(hasData: hasData)
        if let sequences = input.sequences, sequences != 1 {
            throw CLIError.invalidArgument("--sequences", String(sequences), "states analyses one sequence")
        }
        if let burnIn {
            guard burnIn >= 0 else { throw CLIError.invalidArgument("--burn-in", String(burnIn), "must be ≥ 0") }
        }
        try Arguments.count(sequence, "--sequence")
        if segment.isEmpty { throw CLIError("--segment is empty: give a state segment such as h or c") }
        if let autonomous {
            guard autonomous.isFinite, autonomous >= 0 else {
                throw CLIError.invalidArgument(
                    "--autonomous", NumberText.format(autonomous), "must be a finite number ≥ 0")
            }
            if hasData || !input.givenGeneratorOptions.isEmpty {
                throw CLIError("--autonomous feeds the network its own outputs: drop --data/--task/--input")
            }
            if residuals { throw CLIError("--residuals applies to a driven run, not --autonomous") }
            if segment != "h" { throw CLIError("--segment applies to a driven run, not --autonomous") }
        }
    }

    /// One analysed series.
    struct Series {
        let name: String
        let values: [Double]
        let memory: SeriesMemory
        let verdict: MemoryVerdict?
        let verdictFailure: String?

        init(name: String, values: [Double]) {
            self.name = name
            self.values = values
            memory = SeriesMemory(values)
            if values.count < MemoryCheck.minimumLength {
                verdict = nil
                verdictFailure = "needs at least \(MemoryCheck.minimumLength) values"
            } else {
                do {
                    verdict = try MemoryCheck.run(values).verdict
                    verdictFailure = nil
                } catch {
                    verdict = nil
                    verdictFailure = String(describing: error)
                }
            }
        }

        var json: JSONValue {
            var failures = [memory.failure, verdictFailure].compactMap { $0 }
            if values.allSatisfy({ $0 == values.first }) { failures = ["the series is constant"] }
            return .object([
                ("name", .string(name)), ("d_lw", .optional(memory.localWhittle?.d)),
                ("se_lw", .optional(memory.localWhittle?.standardError)),
                ("d_gph", .optional(memory.logPeriodogram?.d)),
                ("se_gph", .optional(memory.logPeriodogram?.standardError)), ("verdict", .optional(verdict?.rawValue)),
                ("failure", failures.isEmpty ? .null : .string(failures.joined(separator: "; "))),
            ])
        }

        var row: [String] {
            [
                name, memory.localWhittle.map { ProbeText.fixed($0.d, 3) } ?? "-",
                memory.logPeriodogram.map { ProbeText.fixed($0.d, 3) } ?? "-", verdict?.displayName ?? "-",
            ]
        }
    }

    static func median(_ xs: [Double]) -> Double? {
        let s = xs.sorted()
        guard !s.isEmpty else { return nil }
        return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
    }

    func run(console: Console) throws {
        try validateValues()
        let hasData = ProbeSetup.hasData(data)
        let burn = burnIn ?? (hasData ? 0 : 100)
        let n = data.task.length ?? 4096
        var inputs: [Series] = [], units: [Series] = [], outputs: [Series] = [], residualSeries: [Series] = []
        let loaded: LoadedNetwork
        var setupJSON: JSONValue = .null
        var inputText = ""
        if let sigma = autonomous {
            loaded = try network.load(
                widths: .init(inputSize: network.inputs ?? 1, outputSize: nil, source: "--autonomous"), seed: seed)
            let model = loaded.model
            try ProbeSetup.checkBudget(model, steps: 1, sequences: 1)
            try MemoryBudget.check(bytes: 8 * Double(n) * Double(model.outputSize), for: "--length \(n)")
            let ys = try ProbeErrors.run([
                "noiseScale": "--autonomous", "count": "--length", "burnIn": "--burn-in",
                "model": "--model",
            ]) {
                try AutonomousNetwork.simulate(
                    model: model, noiseScale: sigma, count: n, burnIn: burn, seed: RunSeeds(seed).task)
            }
            outputs = ys.enumerated().map { Series(name: "y\($0.offset + 1)", values: $0.element) }
            inputText =
                "autonomous: y_t = g(s_t) + \(NumberText.format(sigma))·ε_t fed back as x_(t+1), ε i.i.d. N(0, 1) from seed \(RunSeeds(seed).task), \(burn) + \(n) steps"
            setupJSON = .object([
                ("source", .string(inputText)), ("steps", .integer(burn + n)), ("sequences", .integer(1)),
                ("process", .null),
            ])
        } else {
            let setup = try ProbeSetup.load(
                network: network, data: data, input: input, seed: seed,
                steps: { (_: any RecurrentModel) throws(CLIError) -> Int in
                    try Arguments.count(n, "--length")
                    let t = burn + n
                    guard t <= Arguments.maximumCount else {
                        throw CLIError.invalidArgument(
                            "--length", String(n), "--burn-in \(burn) + --length must be ≤ \(Arguments.maximumCount)")
                    }
                    return t
                },
                sequences: 1, fallback: .gaussian, console: console)
            loaded = setup.network
            setupJSON = setup.json
            inputText = setup.description
            let model = loaded.model
            let B = setup.inputs.batchSize, T = setup.inputs.steps
            guard sequence <= B else {
                throw CLIError.invalidArgument(
                    "--sequence", String(sequence), "the input has \(B) sequence\(B == 1 ? "" : "s")")
            }
            guard T - burn >= 32 else {
                throw CLIError.invalidArgument(
                    "--burn-in", String(burn),
                    "leaves \(max(0, T - burn)) of \(T) steps; estimating d needs at least 32")
            }
            let b = sequence - 1
            let d = setup.inputs.features
            var firstSequence: [Double] = []
            firstSequence.reserveCapacity(T * d)
            for t in 0..<T {
                let start = d * (b + B * t)
                firstSequence.append(contentsOf: setup.inputs.values[start..<(start + d)])
            }
            let values = firstSequence
            let one = try ProbeErrors.run([:]) {
                try SequenceBatch(steps: T, batchSize: 1, features: d, values: values)
            }
            let trajectory = try ProbeErrors.run([:]) { try model.forward(one) }
            let layer = model.layerCount - 1
            let segmentBatch: SequenceBatch
            do {
                segmentBatch =
                    segment == "h" ? try trajectory.hidden(layer: layer) : try trajectory.segment(segment, layer: layer)
            } catch {
                let layout: StateLayout? = trajectory.stateLayouts.last
                let names = layout?.segments.map { (s: StateLayout.Segment) in s.name }.joined(separator: ", ") ?? ""
                throw CLIError.invalidArgument(
                    "--segment", segment,
                    "the last layer of this \(model.architecture) network has the segments \(names)")
            }
            func column(_ batch: SequenceBatch, _ f: Int, from first: Int, count: Int) -> [Double] {
                (first..<(first + count)).map { batch.values[f + batch.features * $0] }
            }
            let count = T - burn
            inputs = (0..<one.features).map {
                Series(name: "x\($0 + 1)", values: column(one, $0, from: burn, count: count))
            }
            // Outputs: step index t − 1 holds y_t; states: step index t holds s_t.
            outputs = (0..<model.outputSize).map {
                Series(name: "y\($0 + 1)", values: column(trajectory.outputs, $0, from: burn, count: count))
            }
            units = (0..<segmentBatch.features).map {
                Series(name: "\(segment)\($0 + 1)", values: column(segmentBatch, $0, from: burn + 1, count: count))
            }
            if residuals {
                if let targets = setup.targets {
                    guard targets.features == model.outputSize else {
                        throw CLIError(
                            "--residuals: the targets have \(targets.features) features, the network \(model.outputSize) outputs"
                        )
                    }
                    let q = model.outputSize, y = trajectory.outputs.values
                    for o in 0..<q {
                        var e: [Double] = []
                        e.reserveCapacity(T - burn)
                        for t in burn..<T { e.append(targets.values[o + q * (b + B * t)] - y[o + q * t]) }
                        residualSeries.append(Series(name: "e\(o + 1)", values: e))
                    }
                } else {
                    guard model.inputSize == 1, model.outputSize == 1 else {
                        throw CLIError(
                            "--residuals without targets needs a one-step predictor (one input, one output); this network has \(model.inputSize) → \(model.outputSize)"
                        )
                    }
                    let x = column(one, 0, from: 0, count: T)
                    residualSeries = [
                        Series(name: "e1", values: (burn..<(T - 1)).map { x[$0 + 1] - trajectory.outputs.values[$0] })
                    ]
                }
            }
        }
        let unitLW = units.compactMap { $0.memory.localWhittle?.d },
            unitGPH = units.compactMap { $0.memory.logPeriodogram?.d }
        var tally: [(String, Int)] = []
        for v in MemoryVerdict.allCases {
            let c = units.filter { $0.verdict == v }.count
            if c > 0 { tally.append((v.rawValue, c)) }
        }
        let noVerdict = units.filter { $0.verdict == nil }.count
        if noVerdict > 0 { tally.append(("none", noVerdict)) }
        let samples = (outputs.first ?? inputs.first)?.values.count ?? 0

        var figureFiles: [String] = []
        if let dir = figures.figures, !units.isEmpty {
            var f = try FigureSet(directory: dir, name: "states")
            try f.table(
                "states.csv", header: ["unit", "d_lw", "se_lw", "d_gph", "se_gph"],
                columns: [
                    units.indices.map { Double($0 + 1) }, units.map { $0.memory.localWhittle?.d },
                    units.map { $0.memory.localWhittle?.standardError }, units.map { $0.memory.logPeriodogram?.d },
                    units.map { $0.memory.logPeriodogram?.standardError },
                ])
            var refs = ""
            if let d = inputs.first?.memory.localWhittle?.d {
                refs +=
                    "set arrow from graph 0, first \(NumberText.format(d)) to graph 1, first \(NumberText.format(d)) nohead dt 2 lw 1.5 lc rgb \"#27ae60\"\n"
                refs +=
                    "set label \(FigureSet.quoted("input d̂_LW = \(ProbeText.fixed(d, 3))")) at graph 0.02, first \(NumberText.format(d + 0.02)) textcolor rgb \"#27ae60\"\n"
            }
            if let d = outputs.first?.memory.localWhittle?.d {
                refs +=
                    "set arrow from graph 0, first \(NumberText.format(d)) to graph 1, first \(NumberText.format(d)) nohead dt 3 lw 1.5 lc rgb \"#8e44ad\"\n"
                refs +=
                    "set label \(FigureSet.quoted("output d̂_LW = \(ProbeText.fixed(d, 3))")) at graph 0.6, first \(NumberText.format(d + 0.02)) textcolor rgb \"#8e44ad\"\n"
            }
            let script = """
                set output "states.svg"
                set title \(FigureSet.quoted("Memory parameter of the \(segment) units of \(loaded.model.architecture) (N = \(loaded.model.hiddenSize)), n = \(samples)")) noenhanced
                set xlabel "unit"
                set ylabel "d̂"
                set xrange [0.3:\(units.count).7]
                set arrow from graph 0, first 0 to graph 1, first 0 nohead lc rgb "gray50"
                \(refs)
                plot "states.csv" every ::1 using ($1 - 0.12):2:(1.96*$3) with yerrorbars pt 7 ps 0.5 lc rgb "#2471a3" title "local Whittle ± 1.96 s.e.", \\
                     "" every ::1 using ($1 + 0.12):4:(1.96*$5) with yerrorbars pt 5 ps 0.5 lc rgb "#c0392b" title "GPH ± 1.96 s.e."

                """
            try f.draw(script: script, svgs: ["states.svg"], title: "rnnmem memory states")
            f.reportProblem(to: console)
            figureFiles = f.paths
        }
        var arrays = ProbeArrays()
        func matrix(_ s: [Series]) -> (shape: [Int], values: [Double]) {
            let rows = s.first?.values.count ?? 0
            var v: [Double] = []
            v.reserveCapacity(rows * s.count)
            for r in 0..<rows { for c in s { v.append(c.values[r]) } }
            return ([rows, s.count], v)
        }
        for (name, s) in [("inputs", inputs), ("units", units), ("outputs", outputs), ("residuals", residualSeries)]
        where !s.isEmpty {
            let m = matrix(s)
            try arrays.add(name, shape: m.shape, values: m.values)
        }
        let saved = try arrays.write(save, console: console)

        func list(_ s: [Series], present: Bool) -> JSONValue { present ? .array(s.map(\.json)) : .null }
        try output.emit(
            to: console,
            plain: {
                var text = loaded.summaryLine + "\ninput \(inputText)\n"
                text +=
                    "d of each series (n = \(samples), burn-in \(burn)): local Whittle m = ⌊n^0.65⌋, GPH m = ⌊n^0.5⌋; verdict of 'rnnmem check'\n"
                var rows = [["series", "d_LW", "d_GPH", "verdict"]]
                for s in inputs + outputs + residualSeries { rows.append(s.row) }
                text += ProbeText.columns(rows)
                if !units.isEmpty {
                    text +=
                        "\(units.count) \(segment) units: median d_LW \(Self.median(unitLW).map { ProbeText.fixed($0, 3) } ?? "-"), median d_GPH \(Self.median(unitGPH).map { ProbeText.fixed($0, 3) } ?? "-"), range d_LW \(unitLW.min().map { ProbeText.fixed($0, 3) } ?? "-") … \(unitLW.max().map { ProbeText.fixed($0, 3) } ?? "-"); verdicts: "
                        + tally.map { "\($0.0.replacingOccurrences(of: "_", with: " ")) \($0.1)" }.joined(
                            separator: ", ") + "\n"
                }
                if !figureFiles.isEmpty { text += "figures: \(figureFiles.joined(separator: ", "))\n" }
                if !saved.isEmpty { text += "saved: \(saved.joined(separator: ", "))\n" }
                return text
            },
            json: {
                .object([
                    ("mode", .string(autonomous == nil ? "driven" : "autonomous")), ("samples", .integer(samples)),
                    ("burn_in", .integer(burn)), ("segment", autonomous == nil ? .string(segment) : .null),
                    ("inputs", list(inputs, present: autonomous == nil)),
                    ("units", list(units, present: autonomous == nil)),
                    ("outputs", list(outputs, present: true)), ("residuals", list(residualSeries, present: residuals)),
                    ("units_median_d_lw", .optional(Self.median(unitLW))),
                    ("units_median_d_gph", .optional(Self.median(unitGPH))),
                    ("unit_verdicts", .object(tally.map { ($0.0, .integer($0.1)) })),
                    ("input", setupJSON), ("network", .object(loaded.jsonFields)),
                    ("figures", .array(figureFiles.map(JSONValue.string))),
                    ("saved", .array(saved.map(JSONValue.string))),
                ])
            })
    }
}
