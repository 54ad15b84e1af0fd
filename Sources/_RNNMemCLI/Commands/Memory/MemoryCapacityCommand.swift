import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem memory capacity`: Jaeger's memory capacity MC_k, k = 0 … K, and MC = Σ MC_k of a network.
struct MemoryCapacityCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Jaeger's memory capacity MC_k (k = 0 … K) and MC = Σ MC_k of a network, analytic or empirical.",
        discussion: """
            MC_k = corr²(ŷ_k(t), x_(t−k)), the squared correlation between the input k steps back and its best \
            linear readout ŷ_k(t) = w_kᵀ[s_t; 1] of the state (Jaeger 2002, GMD Report 152); MC = Σ_k MC_k ≤ N, the \
            number of state variables, for i.i.d. input. x_t enters s_t, so k = 0 counts (tools starting at k = 1 \
            miss MC_0).

            --method analytic (linear networks: linear, cdiag, lru without nonlinearity): MC_k = (A^k b)ᵀΣ⁺(A^k b) \
            with Σ = AΣAᵀ + bbᵀ, the stationary covariance under i.i.d. unit-variance input; Σ_(k≥0) MC_k = rank of \
            the controllability matrix (reported as rank; Gonon, Grigoryeva & Ortega 2020). A network whose state \
            update is not linear is refused. --method empirical (default, any network): drive it with the input, \
            drop the washout, fit one least-squares readout per delay on the first --training-fraction of the \
            samples and score it on the rest; a rank-deficient state matrix (dead or duplicated units) is stated \
            on standard error and fitted with a ridge λ = 1e-8 × the largest covariance eigenvalue, reported. The \
            input is --data/--task (delays must stay below its length) or generated: --input iid (default) with \
            --samples n after the washout. A correlated input is allowed and noted (MC ≤ N assumes i.i.d. input).

            JSON keys: mc (list over k = 0 … K), total, method, max_delay, washout, readout, state_variables, rank, \
            covariance_condition (analytic), r_squared (held-out R²_k, empirical), standard_error (of each MC_k, \
            empirical), train_samples, test_samples, ridge, relative_ridge (0: ordinary least squares), notes, \
            input {source, steps, sequences, process}, network {weights, kind, architecture, input_size, \
            hidden_size, output_size, layer_count, parameter_count, parameter_checksum}, figures, saved (absent \
            values are null). --figures DIR: capacity.csv (k, mc, r_squared, standard_error) and capacity.svg, \
            MC_k against k. --save DIR: mc.npy, r_squared.npy.
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions
    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Generated input") var input: ProbeInputOptions
    @OptionGroup(title: "Capacity") var capacity: CapacityOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed: a new network from s, the generated input or the task's data from s + 1.", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup var figures: FiguresOption
    @OptionGroup var save: SaveOptions
    @OptionGroup var output: OutputOptions

    func validateValues() throws(CLIError) {
        try network.validateValues()
        let hasData = ProbeSetup.hasData(data)
        if hasData {
            try data.validateValues()
        } else if data.task.length != nil {
            throw CLIError("--length applies to --task; the generated input's length is --washout + --samples")
        }
        try input.validateValues(hasData: hasData)
        try capacity.validateValues(hasData: hasData, generatedOptions: input.givenGeneratorOptions)
    }

    func run(console: Console) throws {
        try validateValues()
        let setup: ProbeSetup?
        let loaded: LoadedNetwork
        if capacity.method == .analytic {
            loaded = try network.load(
                widths: .init(inputSize: network.inputs ?? 1, outputSize: nil, source: "--method analytic"),
                seed: seed)
            setup = nil
        } else {
            let s = try ProbeSetup.load(
                network: network, data: data, input: input, seed: seed,
                steps: { (m: any RecurrentModel) throws(CLIError) -> Int in try capacity.generatedSteps(for: m) },
                sequences: 1, fallback: .gaussian, console: console)
            setup = s
            loaded = s.network
        }
        let model = loaded.model
        let (mc, washout) = try capacity.compute(model, setup: setup)
        var notes = mc.notes
        if let setup {
            if let p = setup.process, !p.isIndependent {
                notes.append(
                    "the input is correlated over time: MC_k also credits what the state predicts of x_(t−k) from other delays (MC ≤ N assumes i.i.d. input)"
                )
            } else if setup.process == nil {
                notes.append("the input comes from data: MC ≤ N holds for i.i.d. input only")
            }
        }
        for n in notes { console.note(n) }
        let standardErrors = mc.testSamples.map { n in
            mc.capacities.map { MemoryCapacity.standardError(capacity: $0, samples: n) }
        }

        var figureFiles: [String] = []
        if let dir = figures.figures {
            var f = try FigureSet(directory: dir, name: "capacity")
            let ks = mc.capacities.indices.map { Double($0) }
            try f.table(
                "capacity.csv", header: ["k", "mc", "r_squared", "standard_error"],
                columns: [ks, mc.capacities, mc.rSquared ?? [], standardErrors ?? []])
            let title =
                "\(model.architecture) (N = \(model.hiddenSize)), \(mc.method.rawValue): MC = \(ProbeText.fixed(mc.total, 3)) of \(mc.stateVariables) state variables"
            var plot = """
                set output "capacity.svg"
                set title \(FigureSet.quoted("Memory capacity: " + title)) noenhanced
                set xlabel "delay k"
                set ylabel "MC_k"
                set yrange [-0.02:1.05]
                plot "capacity.csv" every ::1 using 1:2 with linespoints pt 7 ps 0.5 lw 2 lc rgb "#2471a3" title "MC_k"
                """
            if mc.rSquared != nil {
                plot +=
                    ", \\\n     \"\" every ::1 using 1:3 with lines lw 1 dt 2 lc rgb \"#c0392b\" title \"held-out R²_k\""
            }
            try f.draw(script: plot + "\n", svgs: ["capacity.svg"], title: "rnnmem memory capacity")
            f.reportProblem(to: console)
            figureFiles = f.paths
        }
        var arrays = ProbeArrays()
        try arrays.add("mc", mc.capacities)
        if let r2 = mc.rSquared { try arrays.add("r_squared", r2) }
        let saved = try arrays.write(save, console: console)

        let readoutInfo = mc.readout
        // Σ MC_k ≤ rank: the rank is the bound when it is below the number of state variables (dead, duplicated or
        // uncontrollable directions), and the output says so; for data or correlated input the bound does not apply.
        let iidInput = setup.map { $0.process?.isIndependent ?? false } ?? true
        let variables = "\(mc.stateVariables) state variables"
        let boundText =
            (iidInput ? "" : "for i.i.d. input, ")
            + (mc.rank < mc.stateVariables ? "rank \(mc.rank) of the \(variables)" : variables)
        let trainSamples = readoutInfo?.samples
        try output.emit(
            to: console,
            plain: {
                var lines = [loaded.summaryLine]
                if let setup { lines.append("input \(setup.description)") }
                switch mc.method {
                case .analytic:
                    lines.append(
                        "memory capacity, analytic: stationary covariance of the linear state (\(mc.stateVariables) variables), numerical rank \(mc.rank) = Σ_(k≥0) MC_k, condition number \(ProbeText.scientific(mc.covarianceCondition ?? NumberText.missing))"
                    )
                case .empirical:
                    lines.append(
                        "memory capacity, empirical: readouts of x_(t−k) on \(capacity.readout.rawValue) (\(mc.stateVariables) variables, rank \(mc.rank)), fitted on \(trainSamples ?? 0) samples, scored on \(mc.testSamples ?? 0) (washout \(washout ?? 0))"
                    )
                    if let r = readoutInfo, r.ridge > 0 {
                        lines.append(
                            "ridge λ = \(ProbeText.scientific(r.ridge)) (\(ProbeText.scientific(r.relativeRidge)) × largest covariance eigenvalue)"
                        )
                    }
                }
                var rows = [mc.method == .empirical ? ["k", "MC_k", "R²_k", "s.e."] : ["k", "MC_k"]]
                for (k, c) in mc.capacities.enumerated() {
                    var row = [String(k), ProbeText.fixed(c)]
                    if let r2 = mc.rSquared, let se = standardErrors {
                        row += [ProbeText.fixed(r2[k]), ProbeText.fixed(se[k])]
                    }
                    rows.append(row)
                }
                return lines.joined(separator: "\n") + "\n" + ProbeText.columns(rows)
                    + "total MC = Σ_(k≤\(mc.maxDelay)) MC_k = \(ProbeText.fixed(mc.total)) (bound: \(boundText))\n"
                    + (figureFiles.isEmpty ? "" : "figures: \(figureFiles.joined(separator: ", "))\n")
                    + (saved.isEmpty ? "" : "saved: \(saved.joined(separator: ", "))\n")
            },
            json: {
                .object([
                    ("mc", .numbers(mc.capacities)), ("total", .number(mc.total)),
                    ("method", .string(mc.method.rawValue)),
                    ("max_delay", .integer(mc.maxDelay)), ("washout", .optional(washout)),
                    ("readout", mc.method == .empirical ? .string(capacity.readout.rawValue) : .string("state")),
                    ("state_variables", .integer(mc.stateVariables)), ("rank", .integer(mc.rank)),
                    ("covariance_condition", .optional(mc.covarianceCondition)),
                    ("r_squared", mc.rSquared.map(JSONValue.numbers) ?? .null),
                    ("standard_error", standardErrors.map(JSONValue.numbers) ?? .null),
                    ("train_samples", .optional(trainSamples)), ("test_samples", .optional(mc.testSamples)),
                    ("ridge", .optional(readoutInfo?.ridge)), ("relative_ridge", .optional(readoutInfo?.relativeRidge)),
                    ("notes", .array(notes.map(JSONValue.string))),
                    ("input", setup?.json ?? .null), ("network", .object(loaded.jsonFields)),
                    ("figures", .array(figureFiles.map(JSONValue.string))),
                    ("saved", .array(saved.map(JSONValue.string))),
                ])
            })
    }
}
