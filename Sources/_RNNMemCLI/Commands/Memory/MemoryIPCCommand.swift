import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem memory ipc`: Dambre et al.'s information processing capacity of a network, by degree.
struct MemoryIPCCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "ipc",
        abstract: "Information processing capacity (Dambre et al. 2012): capacities of Legendre products, by degree.",
        discussion: """
            Drive the network with i.i.d. U[−1, 1] input u_t; for every product of normalised Legendre polynomials \
            y_t = Π_i P̃_(d_i)(u_(t−k_i)) of total degree D ≤ --max-degree and delays k_i ≤ --max-delay, fit a \
            least-squares readout of the state and take C[y] = 1 − min_w ⟨(y − ŷ)²⟩/⟨y²⟩ (Dambre, Verstraeten, \
            Schrauwen & Massar 2012, Sci. Rep. 2:514). The capacities of this orthogonal family sum to at most r, \
            the rank of the state matrix; degree 1 is Jaeger's linear memory capacity. A linear network has no \
            capacity above degree 1. The readouts are the exact projection on the state matrix's column space \
            (pseudo-inverse over its numerical rank r: singular values below 10⁻¹⁰ of the largest count as 0), so \
            a rank-deficient state matrix (dead or duplicated units) needs no ridge — the ridge λ is 0, the \
            λ → 0 limit of ridge regression — and is stated on standard error with its rank.

            Threshold (stated in the output): with T samples every capacity is biased upward by about r/T, so a \
            capacity below θ = 2·F⁻¹_χ²(r)(1 − p)/T counts as 0 — the level an independent target exceeds with \
            probability below p (--tail-probability, default 0.001), doubled for the dependence between samples of \
            a recurrent state; --threshold θ fixes θ ∈ [0, 1] instead. The finite-sample bias of the counted \
            capacities, ≈ Σ(1 − C_i)·r/T, is reported and allowed for in the check total ≤ r. Input: generated \
            (--input uniform, the default and the only generated input the basis is orthonormal for) with \
            --samples n after the washout, or --data/--task whose inputs lie in [−1, 1].

            JSON keys: total, by_degree (list over D = 1 … max_degree), threshold, threshold_rule, max_degree, \
            max_delay, samples, washout, state_variables, rank, readout_method (pseudo-inverse), ridge and \
            relative_ridge (0: the projection has no ridge; as 'memory capacity' reports them), finite_sample_bias, \
            within_bound (total − bias ≤ rank), linear_memory (degree-1 capacities by delay), terms_evaluated and \
            terms_counted (by degree), \
            counted [{term, degree, capacity}] (every counted basis function, largest first), input, network, \
            figures, saved. --figures DIR: ipc.csv (degree, capacity, counted, evaluated), ipc-linear.csv (k, \
            capacity) and ipc.svg. --save DIR: by_degree.npy, linear_memory.npy, estimates.npy and capacities.npy \
            (every basis function before and after the threshold, in the order of the counted list's enumeration).
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions
    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Generated input") var input: ProbeInputOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Largest total degree D ≥ 1 (default 3).", valueName: "D"))
    var maxDegree: Int = 3

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Largest delay K ≥ 0 of a factor (default 10).", valueName: "K"))
    var maxDelay: Int = 10

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Generated input: samples T after the washout (default 10000).", valueName: "n"))
    var samples: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Steps dropped at the start of every sequence, ≥ K (default max(K, 100); data: max(K, min(100, T/4))).",
            valueName: "w"))
    var washout: Int?

    @Option(help: ArgumentHelp("Variables the readouts see: state, hidden, outputs.", valueName: "vars"))
    var readout: ReadoutArgument = .state

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Fixed threshold θ ∈ [0, 1] (default: the χ² rule, see above).", valueName: "theta"))
    var threshold: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("χ² rule: tail probability p, 0 < p < 1 (default 0.001).", valueName: "p"))
    var tailProbability: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Refuse more basis functions than this (default 200000).", valueName: "n"))
    var maxTerms: Int = 200_000

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed: a new network from s, the generated input or the task's data from s + 1.", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup var figures: FiguresOption
    @OptionGroup var save: SaveOptions
    @OptionGroup var output: OutputOptions

    static let flags = [
        "maxDegree": "--max-degree", "maxDelay": "--max-delay", "washout": "--washout", "steps": "--samples",
        "threshold": "--threshold", "tailProbability": "--tail-probability", "inputs": "--data",
        "states": "--readout",
    ]

    func validateValues() throws(CLIError) {
        try network.validateValues()
        let hasData = ProbeSetup.hasData(data)
        if hasData {
            try data.validateValues()
        } else if data.task.length != nil {
            throw CLIError("--length applies to --task; the generated input's length is --washout + --samples")
        }
        try input.validateValues(hasData: hasData)
        if let kind = input.input, kind != .uniform {
            throw CLIError(
                "--input \(kind.rawValue): the Legendre basis is orthonormal under i.i.d. U[−1, 1] input only (--input uniform)"
            )
        }
        guard maxDegree >= 1 else { throw CLIError.invalidArgument("--max-degree", String(maxDegree), "must be ≥ 1") }
        guard maxDegree <= 20 else { throw CLIError.invalidArgument("--max-degree", String(maxDegree), "must be ≤ 20") }
        guard maxDelay >= 0 else { throw CLIError.invalidArgument("--max-delay", String(maxDelay), "must be ≥ 0") }
        guard maxDelay <= 100_000 else {
            throw CLIError.invalidArgument("--max-delay", String(maxDelay), "must be ≤ 100000")
        }
        if let samples { try Arguments.count(samples, "--samples", minimum: 4) }
        if hasData, samples != nil {
            throw CLIError("--samples applies to a generated input; --data/--task give their own length")
        }
        if let washout {
            guard washout >= maxDelay else {
                throw CLIError.invalidArgument("--washout", String(washout), "must be ≥ --max-delay \(maxDelay)")
            }
        }
        if let threshold {
            guard threshold.isFinite, threshold >= 0, threshold <= 1 else {
                throw CLIError.invalidArgument("--threshold", NumberText.format(threshold), "must lie in [0, 1]")
            }
            if tailProbability != nil { throw CLIError("give --threshold or --tail-probability, not both") }
        }
        if let p = tailProbability {
            guard p.isFinite, p > 0, p < 1 else {
                throw CLIError.invalidArgument("--tail-probability", NumberText.format(p), "must lie in (0, 1)")
            }
        }
        try Arguments.count(maxTerms, "--max-terms")
    }

    var thresholdRule: CapacityThreshold {
        if let threshold { return .fixed(threshold) }
        return .chiSquared(tailProbability: tailProbability ?? 1e-3, factor: 2)
    }

    func run(console: Console) throws {
        try validateValues()
        let terms = (1...maxDegree).reduce(0.0) { $0 + LegendreBasis.termCount(degree: $1, maxDelay: maxDelay) }
        guard terms <= Double(maxTerms) else {
            throw CLIError.invalidArgument(
                "--max-degree", String(maxDegree),
                "with --max-delay \(maxDelay) gives \(terms < 1e15 ? String(Int(terms)) : ProbeText.scientific(terms)) basis functions, more than --max-terms \(maxTerms)"
            )
        }
        let setup = try ProbeSetup.load(
            network: network, data: data, input: input, seed: seed,
            steps: { (_: any RecurrentModel) throws(CLIError) -> Int in
                let total = (washout ?? max(maxDelay, 100)) + (samples ?? 10_000)
                try Arguments.count(total, "--samples")
                return total
            }, sequences: 1, fallback: .uniform, console: console)
        let model = setup.network.model
        let t = setup.inputs.steps
        guard maxDelay < t else {
            throw CLIError.invalidArgument(
                "--max-delay", String(maxDelay), "must be smaller than the sequence length \(t)")
        }
        let w = washout ?? (setup.process == nil ? max(maxDelay, min(100, t / 4)) : max(maxDelay, 100))
        guard w < t else {
            throw CLIError.invalidArgument("--washout", String(w), "leaves no step of the sequence length \(t)")
        }
        try setup.requireVariation(after: w)
        let n = Double((t - w) * setup.inputs.batchSize)
        let width = Double(readout.features.width(of: model))
        let blockBytes: Double = 16 * n * min(terms, 256)
        let stateBytes: Double = 24 * n * width
        try MemoryBudget.check(
            bytes: blockBytes + stateBytes,
            for: "the capacities of \(Int(terms)) basis functions on \(Int(n)) samples")
        let ipc = try ProbeErrors.run(Self.flags) {
            try InformationProcessingCapacity.compute(
                model: model, inputs: setup.inputs, maxDegree: maxDegree, maxDelay: maxDelay, washout: w,
                features: readout.features, threshold: thresholdRule, maximumTerms: maxTerms)
        }
        if ipc.readout.isRankDeficient {
            console.note(
                "the state matrix is rank-deficient (rank \(ipc.rank) of \(ipc.stateVariables)): the readouts project on its \(ipc.rank)-dimensional column space (pseudo-inverse over the numerical rank; ridge λ = 0)"
            )
        }
        let evaluated = (1...maxDegree).map { d in ipc.entries.filter { $0.term.degree == d }.count }
        let counted = (1...maxDegree).map { d in ipc.entries.filter { $0.term.degree == d && $0.capacity > 0 }.count }
        let countedEntries = ipc.entries.filter { $0.capacity > 0 }.sorted { $0.capacity > $1.capacity }
        let ruleText: String
        let ruleJSON: JSONValue
        switch thresholdRule {
        case .fixed(let v):
            ruleText = "fixed θ = \(NumberText.format(v))"
            ruleJSON = .object([("kind", .string("fixed")), ("value", .number(v))])
        case let .chiSquared(p, factor):
            ruleText =
                "θ = \(factor == factor.rounded() && abs(factor) < 1e6 ? String(Int(factor)) : NumberText.format(factor))·F⁻¹_χ²(\(ipc.rank))(1 − \(NumberText.format(p)))/\(ipc.samples)"
            ruleJSON = .object([
                ("kind", .string("chi-squared")), ("tail_probability", .number(p)), ("factor", .number(factor)),
            ])
        case .none:
            ruleText = "none"
            ruleJSON = .object([("kind", .string("none"))])
        }

        var figureFiles: [String] = []
        if let dir = figures.figures {
            var f = try FigureSet(directory: dir, name: "ipc")
            try f.table(
                "ipc.csv", header: ["degree", "capacity", "counted", "evaluated"],
                columns: [
                    (1...maxDegree).map(Double.init), ipc.byDegree, counted.map(Double.init),
                    evaluated.map(Double.init),
                ])
            try f.table(
                "ipc-linear.csv", header: ["k", "capacity"],
                columns: [ipc.linearMemory.indices.map(Double.init), ipc.linearMemory])
            let title =
                "\(model.architecture) (N = \(model.hiddenSize)): total \(ProbeText.fixed(ipc.total, 3)) of rank \(ipc.rank), θ = \(ProbeText.scientific(ipc.threshold))"
            let plot = """
                set output "ipc.svg"
                set title \(FigureSet.quoted("Information processing capacity by degree: " + title)) noenhanced
                set xlabel "total degree D"
                set ylabel "capacity"
                set style fill solid 0.7 border rgb "gray20"
                set boxwidth 0.6
                set xtics 1
                set xrange [0.4:\(maxDegree).6]
                set yrange [0:*]
                plot "ipc.csv" every ::1 using 1:2 with boxes lc rgb "#2471a3" title "Σ capacities of degree D (counted above θ)"

                """
            try f.draw(script: plot, svgs: ["ipc.svg"], title: "rnnmem memory ipc")
            f.reportProblem(to: console)
            figureFiles = f.paths
        }
        var arrays = ProbeArrays()
        try arrays.add("by_degree", ipc.byDegree)
        try arrays.add("linear_memory", ipc.linearMemory)
        try arrays.add("estimates", ipc.entries.map { (e: InformationProcessingCapacity.Entry) in e.estimate })
        try arrays.add("capacities", ipc.entries.map { (e: InformationProcessingCapacity.Entry) in e.capacity })
        let countedJSON: [JSONValue] = countedEntries.map { (e: InformationProcessingCapacity.Entry) -> JSONValue in
            JSONValue.object([
                ("term", .string(e.term.description)), ("degree", .integer(e.term.degree)),
                ("capacity", .number(e.capacity)),
            ])
        }
        let saved = try arrays.write(save, console: console)

        try output.emit(
            to: console,
            plain: {
                var text = setup.network.summaryLine + "\n" + "input \(setup.description)\n"
                text +=
                    "information processing capacity (Dambre et al. 2012): Legendre products of degree ≤ \(maxDegree), delays ≤ \(maxDelay); \(ipc.samples) samples (washout \(w)), \(ipc.stateVariables) state variables (rank \(ipc.rank))\n"
                text +=
                    "threshold \(ruleText) = \(ProbeText.scientific(ipc.threshold)): capacities below it count as 0\n"
                var rows = [["degree", "capacity", "counted/evaluated"]]
                for d in 1...maxDegree {
                    rows.append([
                        String(d), ProbeText.fixed(ipc.byDegree[d - 1]), "\(counted[d - 1])/\(evaluated[d - 1])",
                    ])
                }
                text += ProbeText.columns(rows)
                text +=
                    "total \(ProbeText.fixed(ipc.total)) (bound: rank \(ipc.rank); finite-sample bias ≈ \(ProbeText.fixed(ipc.finiteSampleBias)); total − bias ≤ rank: \(ipc.isWithinBound ? "yes" : "NO"))\n"
                if !countedEntries.isEmpty {
                    text +=
                        "largest: "
                        + countedEntries.prefix(5).map { "\($0.term) \(ProbeText.fixed($0.capacity))" }.joined(
                            separator: ", ") + "\n"
                }
                if !figureFiles.isEmpty { text += "figures: \(figureFiles.joined(separator: ", "))\n" }
                if !saved.isEmpty { text += "saved: \(saved.joined(separator: ", "))\n" }
                return text
            },
            json: {
                .object([
                    ("total", .number(ipc.total)), ("by_degree", .numbers(ipc.byDegree)),
                    ("threshold", .number(ipc.threshold)),
                    ("threshold_rule", ruleJSON), ("max_degree", .integer(maxDegree)),
                    ("max_delay", .integer(maxDelay)),
                    ("samples", .integer(ipc.samples)), ("washout", .integer(w)),
                    ("state_variables", .integer(ipc.stateVariables)), ("rank", .integer(ipc.rank)),
                    ("readout_method", .string("pseudo-inverse")), ("ridge", .number(ipc.readout.ridge)),
                    ("relative_ridge", .number(ipc.readout.relativeRidge)),
                    ("finite_sample_bias", .number(ipc.finiteSampleBias)), ("within_bound", .bool(ipc.isWithinBound)),
                    ("linear_memory", .numbers(ipc.linearMemory)),
                    ("terms_evaluated", .array(evaluated.map(JSONValue.integer))),
                    ("terms_counted", .array(counted.map(JSONValue.integer))),
                    ("counted", .array(countedJSON)),
                    ("input", setup.json), ("network", .object(setup.network.jsonFields)),
                    ("figures", .array(figureFiles.map(JSONValue.string))),
                    ("saved", .array(saved.map(JSONValue.string))),
                ])
            })
    }
}
