import ArgumentParser
import RNNMemory

/// `rnnmem curse propagation`: activity and gradient magnitudes of a deep stack at initialisation against memory.
struct CursePropagationCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "propagation",
        abstract:
            "Print activity and gradient magnitudes per layer of a deep complex-diagonal stack at initialisation, against memory.",
        discussion: """
            Signal propagation at initialisation (Zucchet & Orvieto 2024, NeurIPS, §5, Fig. 5): --layers stacked \
            layers of --hidden complex units (the engine's complex-diagonal layers; layer ℓ ≥ 1 reads [Re h; Im h] \
            of the layer below; no nonlinearity, GLU or LayerNorm between them), eigenvalues on the ring \
            |λ| ∈ [1 − 1/T, 1 − 1/(2T)] for each memory T of --memories, B ~ CN(0, 1/d). Three networks: cdiag \
            (λ = a + ib, no normalisation), cdiag-l2 (fixed γ = √(1 − |λ|²)) and lru (exp parametrisation, learned γ). \
            Inputs: --sequences stationary sequences of --length steps with the autocorrelation of --rho/--acf \
            (default: --acf bert); loss ½·MSE of predicting x_(t+1).

            Standard output: a CSV table variant, memory, nu_min, nu_max, layer, activity (E|h|²), \
            recurrent_gradient (mean squared gradient of the layer's eigenvalue parameters), other_gradient (of its \
            B and γ). JSON: the same rows as objects under 'rows', with the settings. --figures DIR: \
            propagation.csv and propagation-{activity,gradient}.svg; --save DIR: the arrays.
            """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of layers (default 4).", valueName: "L"))
    var layers: Int = 4

    @Option(parsing: .unconditional, help: ArgumentHelp("Complex units per layer (default 32).", valueName: "N"))
    var hidden: Int = 32

    @Option(parsing: .unconditional, help: ArgumentHelp("Sequence length (default 256).", valueName: "T"))
    var length: Int = 256

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of sequences (default 16).", valueName: "B"))
    var sequences: Int = 16

    @Option(help: ArgumentHelp("Memories T ≥ 1, comma-separated (default 1,3.16,10,31.6,100).", valueName: "list"))
    var memories: String = "1,3.1622776601683795,10,31.622776601683793,100"

    @OptionGroup(title: "Input (default: --acf bert)") var input: CurseInputOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed (default 0).", valueName: "seed"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Write CSV tables and SVG figures to this directory.", valueName: "dir"))
    var figures: String?

    @OptionGroup var save: SaveOptions

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        guard layers >= 1, layers <= 64 else {
            throw CLIError.invalidArgument("--layers", String(layers), "must lie in [1, 64]")
        }
        guard hidden >= 1, hidden <= 4096 else {
            throw CLIError.invalidArgument("--hidden", String(hidden), "must lie in [1, 4096]")
        }
        guard length >= 2 else { throw CLIError.invalidArgument("--length", String(length), "must be ≥ 2") }
        try Arguments.count(sequences, "--sequences")
        var ts: [Double] = []
        for item in memories.split(separator: ",", omittingEmptySubsequences: false) {
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let t = Double(text), t.isFinite, t >= 1 else {
                throw CLIError("invalid --memories '\(memories)': '\(text)' is not a memory T ≥ 1")
            }
            ts.append(t)
        }
        try MemoryBudget.check(
            bytes: MemoryBudget.networkBytes(
                steps: length, batchSize: sequences, inputSize: 1, outputSize: 1,
                stateSize: 2 * hidden * layers, parameterCount: 0, derivative: .gradient),
            for: "--length \(length) × --sequences \(sequences) × --layers \(layers) × --hidden \(hidden)")
        let acf =
            input.rho == nil && input.acf == nil ? InputAutocorrelation.bertEmbeddings : try input.autocorrelation()
        let results = try SignalPropagation.run(
            SignalPropagation.Configuration(
                layers: layers, hidden: hidden, length: length, sequences: sequences, memories: ts, input: acf,
                seed: seed))
        var table = "variant,memory,nu_min,nu_max,layer,activity,recurrent_gradient,other_gradient\n"
        for m in results {
            for l in 0..<layers {
                table +=
                    "\(m.variant.rawValue),\(m.memory),\(m.modulusRange.lowerBound),\(m.modulusRange.upperBound),\(l),\(m.activity[l]),\(m.recurrentGradient[l]),\(m.otherGradient[l])\n"
            }
        }
        var arrays = SafetensorsFile()
        let rows = results.count
        arrays.tensors["memory"] = try SafetensorsTensor(shape: [ts.count], values: ts)
        arrays.tensors["activity"] = try SafetensorsTensor(shape: [rows, layers], values: results.flatMap(\.activity))
        arrays.tensors["recurrent_gradient"] = try SafetensorsTensor(
            shape: [rows, layers], values: results.flatMap(\.recurrentGradient))
        arrays.tensors["other_gradient"] = try SafetensorsTensor(
            shape: [rows, layers], values: results.flatMap(\.otherGradient))
        try save.write(arrays)
        if let figures {
            var f = try FigureSet(path: figures)
            try f.write("propagation.csv", table)
            let last = layers - 1
            var act: [String] = [], grad: [String] = []
            let colors = ["cdiag": "#228833", "cdiag-l2": "#4477aa", "lru": "#cc3311"]
            for v in SignalPropagation.Variant.allCases {
                for l in Set([0, last]).sorted() {
                    let sel = "\"< grep '^\(v.rawValue),' propagation.csv | grep ',\(l),[^,]*,[^,]*,[^,]*$'\""
                    let dash = l == 0 ? "dt 2" : "dt 1"
                    act.append(
                        "\(sel) using 2:6 with linespoints lw 2 \(dash) lc rgb '\(colors[v.rawValue] ?? "black")' title '\(v.rawValue) layer \(l + 1)'"
                    )
                    grad.append(
                        "\(sel) using 2:7 with linespoints lw 2 \(dash) lc rgb '\(colors[v.rawValue] ?? "black")' title '\(v.rawValue) λ, layer \(l + 1)'"
                    )
                }
            }
            let script = """
                set logscale xy
                set format y "10^{%L}"
                set xlabel "memory T (|λ| ∈ [1 − 1/T, 1 − 1/(2T)])"
                set output "propagation-activity.svg"
                set title "Activity E|h|² at initialisation (\(layers) layers)"
                set ylabel "E|h|²"
                plot \(act.joined(separator: ", \\\n     "))
                set output "propagation-gradient.svg"
                set title "Mean squared gradient of the eigenvalue parameters"
                set ylabel "E[(∂L/∂ω)²]"
                plot \(grad.joined(separator: ", \\\n     "))

                """
            try f.render(
                script: "propagation.gp", script, svgs: ["propagation-activity.svg", "propagation-gradient.svg"])
            f.report(to: console)
        }
        try output.emit(
            to: console, plain: { table },
            json: {
                .object([
                    ("layers", .integer(layers)), ("hidden", .integer(hidden)), ("length", .integer(length)),
                    ("sequences", .integer(sequences)), ("acf", .string(acf.description)), ("seed", .unsigned(seed)),
                    (
                        "rows",
                        .array(
                            results.flatMap { m in
                                (0..<layers).map { l in
                                    JSONValue.object([
                                        ("variant", .string(m.variant.rawValue)), ("memory", .number(m.memory)),
                                        ("nu_min", .number(m.modulusRange.lowerBound)),
                                        ("nu_max", .number(m.modulusRange.upperBound)),
                                        ("layer", .integer(l)), ("activity", .number(m.activity[l])),
                                        ("recurrent_gradient", .number(m.recurrentGradient[l])),
                                        ("other_gradient", .number(m.otherGradient[l])),
                                    ])
                                }
                            })
                    ),
                ])
            })
    }
}
