import ArgumentParser
import Foundation
import RNNMemory

/// `--norm magnitude|squared` (``Connectivity/Norm``).
enum ConnectivityNormArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case magnitude, squared

    /// The library's norm.
    var norm: Connectivity.Norm { self == .magnitude ? .magnitude : .squared }
}

/// `rnnmem memory connectivity`: Madsen's connectivity conn(t, τ) = ‖∂y_t/∂x_τ‖, its profile and long-range share.
struct MemoryConnectivityCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "connectivity",
        abstract:
            "Connectivity conn(t, τ) = ‖∂y_t/∂x_τ‖ (Madsen 2019): heat map, profile against lag, long-range share.",
        discussion: """
            How strongly the output at t depends on the input at τ ≤ t (Madsen 2019, "Visualizing memorization in \
            RNNs", Distill): the gradient of the selected output with respect to the input vector x_τ, exact by \
            one backward pass per output position (cost O(T²) steps per sequence and selected output). Selection: \
            every output (default; the Frobenius norm of the d_out × d_in Jacobian block), --output-unit j \
            (1-based), or --target-class (per step the output unit of the largest target value — Madsen's \
            "correct class" — from --data/--task targets). --norm magnitude (default) is the article's ‖·‖; \
            --norm squared is the squared norm returned by the article's published code (halves the apparent decay \
            rate on a log scale and inflates the share of the nearest lags).

            Summaries: the profile against lag ℓ = t − τ (the mean of conn(t, t − ℓ) over every sequence and every \
            t > ℓ) and the share of connectivity at lags ≥ L, Σ_(t−τ≥L) conn / Σ_(τ≤t) conn, for L in \
            --share-lags (each below the sequence length; default 5,10,20, those below it). Input: --data/--task, or generated \
            (--input, default iid) of --sequences B (default 1) × --length T (default 50) steps.

            JSON keys: profile (list over lag ℓ = 0 … T − 1), share_at_lag ({"L": share}), norm (magnitude or \
            squared), selection, steps, sequences, input, network, figures, saved. --figures DIR: \
            connectivity-heatmap.csv (the T × T matrix of --sequence b, row t, column τ; NaN above the diagonal, \
            where τ > t), connectivity-profile.csv (lag, profile), connectivity.svg (heat map over (t, τ)) and \
            connectivity-profile.svg (profile against lag, logarithmic). --save DIR: conn.npy [B, T, T] (row t − 1, \
            column τ − 1, in the chosen norm), profile.npy.
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions
    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Generated input") var input: ProbeInputOptions

    @Option(
        help: ArgumentHelp(
            "magnitude (‖·‖, the article's definition) or squared (‖·‖², the article's code).", valueName: "norm"))
    var norm: ConnectivityNormArgument = .magnitude

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Take the gradient of output unit j (1-based) only.", valueName: "j"))
    var outputUnit: Int?

    @Flag(help: "Per step, the output unit with the largest target value (Madsen's correct class; needs targets).")
    var targetClass = false

    @Option(
        help: ArgumentHelp("Lags L of the long-range shares, comma-separated (default 5,10,20).", valueName: "list"))
    var shareLags: DelayList?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The sequence b (1-based) of the heat map.", valueName: "b"))
    var sequence: Int = 1

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
        } else if let t = data.task.length {
            try Arguments.count(t, "--length", minimum: 2)
            guard t <= 5000 else {
                throw CLIError.invalidArgument("--length", String(t), "must be ≤ 5000 (the cost grows as T²)")
            }
        }
        try input.validateValues(hasData: hasData)
        if outputUnit != nil && targetClass { throw CLIError("give --output-unit or --target-class, not both") }
        if let outputUnit { try Arguments.count(outputUnit, "--output-unit") }
        if targetClass && !hasData {
            throw CLIError("--target-class needs targets: give --data FILE with a 'target' tensor, or --task")
        }
        try Arguments.count(sequence, "--sequence")
    }

    func run(console: Console) throws {
        try validateValues()
        let setup = try ProbeSetup.load(
            network: network, data: data, input: input, seed: seed,
            steps: { (_: any RecurrentModel) throws(CLIError) -> Int in data.task.length ?? 50 },
            sequences: 1, fallback: .gaussian, console: console)
        let model = setup.network.model
        let T = setup.inputs.steps, B = setup.inputs.batchSize
        let lags = shareLags?.values ?? [5, 10, 20].filter { $0 < T }
        if let bad = lags.first(where: { $0 >= T }) {
            throw CLIError.invalidArgument("--share-lags", String(bad), "must be smaller than the sequence length \(T)")
        }
        guard sequence <= B else {
            throw CLIError.invalidArgument(
                "--sequence", String(sequence), "the input has \(B) sequence\(B == 1 ? "" : "s")")
        }
        let selection: Connectivity.OutputSelection
        let selectionText: String
        if let outputUnit {
            guard outputUnit <= model.outputSize else {
                throw CLIError.invalidArgument(
                    "--output-unit", String(outputUnit),
                    "the network has \(model.outputSize) output\(model.outputSize == 1 ? "" : "s")")
            }
            selection = .output(outputUnit - 1)
            selectionText = "output unit \(outputUnit)"
        } else if targetClass {
            guard let targets = setup.targets else {
                throw CLIError("--target-class needs targets: \(setup.description) has none")
            }
            guard targets.features == model.outputSize else {
                throw CLIError(
                    "--target-class: the targets have \(targets.features) features, the network \(model.outputSize) outputs"
                )
            }
            var classes: [Int] = []
            classes.reserveCapacity(T * B)
            for i in 0..<(T * B) {
                let row = targets.values[(i * targets.features)..<((i + 1) * targets.features)]
                classes.append((row.indices.max { row[$0] < row[$1] } ?? row.startIndex) - row.startIndex)
            }
            selection = .perStep(classes)
            selectionText = "target class (per step, the output unit of the largest target)"
        } else {
            selection = .all
            selectionText = "all outputs"
        }
        let copies = max(1, min(T, (1 << 16) / T))
        try ProbeSetup.checkBudget(model, steps: T, sequences: copies, derivative: .gradient)
        try MemoryBudget.check(
            bytes: 8 * Double(T) * Double(T) * Double(B) * 2, for: "the \(B) × \(T) × \(T) connectivity matrices")
        let conn = try ProbeErrors.run([:]) {
            try Connectivity.compute(model: model, inputs: setup.inputs, outputs: selection)
        }
        let chosen = norm.norm
        let profile = conn.profile(norm: chosen)
        var shares: [(Int, Double)] = []
        for lag in lags {
            shares.append(
                (lag, try ProbeErrors.run(["lag": "--share-lags"]) { try conn.share(atLagAtLeast: lag, norm: chosen) }))
        }
        let definition = chosen == .magnitude ? "‖∂y_t/∂x_τ‖" : "‖∂y_t/∂x_τ‖²"

        var figureFiles: [String] = []
        if let dir = figures.figures {
            var f = try FigureSet(directory: dir, name: "connectivity")
            let m = try ProbeErrors.run([:]) { try conn.matrix(sequence: sequence - 1, norm: chosen) }
            try f.matrix("connectivity-heatmap.csv", rows: T, columns: T) { t, tau in
                tau <= t ? m.elements[t + tau * T] : NumberText.missing
            }
            try f.table(
                "connectivity-profile.csv", header: ["lag", "profile"],
                columns: [profile.indices.map(Double.init), profile])
            let who = "\(model.architecture) (N = \(model.hiddenSize))"
            let plot = """
                set output "connectivity.svg"
                set title \(FigureSet.quoted("Connectivity \(definition) of \(who), sequence \(sequence)")) noenhanced
                set xlabel "input time τ"
                set ylabel "output time t"
                set size ratio -1
                set xrange [0.5:\(T).5]
                set yrange [0.5:\(T).5]
                set palette defined (0 "white", 1 "#9ecae1", 2 "#2171b5", 3 "#08306b")
                set grid front
                set cblabel "conn(t, τ)"
                plot "connectivity-heatmap.csv" matrix using ($1 + 1):($2 + 1):3 with image notitle

                set size noratio
                unset cblabel
                set output "connectivity-profile.svg"
                set title \(FigureSet.quoted("Connectivity profile of \(who): mean of \(definition) at lag t − τ")) noenhanced
                set xlabel "lag ℓ = t − τ"
                set ylabel "mean conn"
                set autoscale
                set logscale y
                set format y "10^{%L}"
                plot "connectivity-profile.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with linespoints pt 7 ps 0.5 lw 2 lc rgb "#2471a3" title "profile"

                """
            try f.draw(
                script: plot, svgs: ["connectivity.svg", "connectivity-profile.svg"],
                title: "rnnmem memory connectivity")
            f.reportProblem(to: console)
            figureFiles = f.paths
        }
        var arrays = ProbeArrays()
        var all: [Double] = []
        all.reserveCapacity(B * T * T)
        for b in 0..<B {
            let m = try ProbeErrors.run([:]) { try conn.matrix(sequence: b, norm: chosen) }
            for t in 0..<T { for tau in 0..<T { all.append(m.elements[t + tau * T]) } }
        }
        try arrays.add("conn", shape: [B, T, T], values: all)
        try arrays.add("profile", profile)
        let saved = try arrays.write(save, console: console)

        try output.emit(
            to: console,
            plain: {
                var text = setup.network.summaryLine + "\ninput \(setup.description)\n"
                text +=
                    "connectivity conn(t, τ) = \(definition) (\(norm.rawValue)\(chosen == .magnitude ? "; Madsen's code uses the squared norm: --norm squared" : ", as Madsen's code")), \(selectionText)\n"
                var rows = [["lag", "profile"]]
                for (l, v) in profile.enumerated() { rows.append([String(l), ProbeText.scientific(v)]) }
                text += ProbeText.columns(rows)
                text +=
                    "share of connectivity at lags "
                    + shares.map { "≥ \($0.0): \(ProbeText.fixed($0.1))" }.joined(separator: ", ") + "\n"
                if !figureFiles.isEmpty { text += "figures: \(figureFiles.joined(separator: ", "))\n" }
                if !saved.isEmpty { text += "saved: \(saved.joined(separator: ", "))\n" }
                return text
            },
            json: {
                .object([
                    ("profile", .numbers(profile)),
                    ("share_at_lag", .object(shares.map { (String($0.0), .number($0.1)) })),
                    ("norm", .string(norm.rawValue)), ("selection", .string(selectionText)), ("steps", .integer(T)),
                    ("sequences", .integer(B)), ("input", setup.json), ("network", .object(setup.network.jsonFields)),
                    ("figures", .array(figureFiles.map(JSONValue.string))),
                    ("saved", .array(saved.map(JSONValue.string))),
                ])
            })
    }
}
