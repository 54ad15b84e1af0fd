import ArgumentParser
import RNNMemory

/// `rnnmem curse gru`: the constant-gate GRU prediction, a Monte-Carlo check, and the engine's GRU measured.
struct CurseGRUCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "gru",
        abstract: "Print E[h²] and E[(d_z h)²] of a constant-gate GRU: closed form, Monte Carlo, the engine's GRU.",
        discussion: """
            The GRU with a constant update gate z = σ(b) and candidate n_t = x_t is h_t = z h_(t−1) + (1 − z)x_t. \
            With A(α, β) = Σ_k c_k(1 − α)(1 − β)(1 − ρ_k²αβ)/((1 − ρ_kα)(1 − ρ_kβ)(1 − αβ)) for the input \
            autocorrelation Σ_k c_k ρ_k^|Δ|, E[h²] = A(z, z) and E[(d_z h)²] is the mixed derivative ∂_α∂_βA at \
            α = β = z (not A + 2∂A + ∂²A, as the official notebook of Zucchet & Orvieto 2024 computes), and \
            E[(d_b h)²] = z²(1 − z)²·E[(d_z h)²]. The default input is their fit to BERT embeddings (--acf bert).

            --monte-carlo simulates the recursion (burn-in ⌈30/(1 − z) + 30/(1 − ρ_max)⌉) over --chains chains, \
            --samples samples --spacing steps apart. --engine builds the recurrent engine's GRU (PyTorch's cell) with \
            every weight zero except the update-gate bias logit(z) and a candidate input weight 10^−3 (so \
            n_t = tanh(10^−3 x_t)), and measures E[h²] and E[(d_z h)²] (rescaled by 10^6) from its exact forward-mode \
            tangents on --sequences stationary input sequences, --samples steps each after a burn-in of \
            ⌈30/(1 − z)⌉. Standard errors are the standard deviation of per-chain (per-sequence) averages over √n.

            JSON: gate, acf, closed_form {activity, gate_sensitivity, bias_sensitivity}, and with --monte-carlo \
            monte_carlo {activity, gate_sensitivity}, with --engine engine {activity, gate_sensitivity, sequences, \
            samples, burn_in}; each measured entry is {estimate, standard_error, z}. --figures DIR draws the closed \
            forms against z with the measured points (gru.csv, gru-measured.csv, gru.svg); --save DIR writes \
            closed_form, monte_carlo, engine (rows estimate, standard error, z) and the curves as .npy.
            """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Constant update gate z ∈ (0, 1).", valueName: "z"))
    var gate: Double

    @OptionGroup(title: "Input (default: --acf bert)") var input: CurseInputOptions

    @Flag(help: "Estimate by simulating the recursion.")
    var monteCarlo = false

    @Flag(help: "Measure the engine's GRU with a constant gate.")
    var engine = false

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Monte Carlo: number of chains ≥ 2 (default 256).", valueName: "n"))
    var chains: Int = 256

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("--engine: number of input sequences ≥ 2 (default 128).", valueName: "n"))
    var sequences: Int = 128

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Samples per chain (default 48) or steps sampled per sequence with --engine (default 4000).", valueName: "n"
        ))
    var samples: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Monte Carlo: steps between samples (default 128).", valueName: "k")
    )
    var spacing: Int = 128

    @Option(parsing: .unconditional, help: ArgumentHelp("Seed of the simulations (default 1).", valueName: "seed"))
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Write the closed forms against z ∈ [0.01, 0.99] (CSV and SVG) to this directory.",
            valueName: "dir"))
    var figures: String?

    @OptionGroup var save: SaveOptions

    @OptionGroup var output: OutputOptions

    static func entry(_ c: MonteCarloComparison) -> JSONValue {
        .object([
            ("estimate", CurseNumber.json(c.estimate)), ("standard_error", CurseNumber.json(c.standardError)),
            ("z", CurseNumber.json(c.z)),
        ])
    }

    static func line(_ label: String, _ c: MonteCarloComparison) -> String {
        "\(label) \(CurseNumber.text(c.estimate))  standard error \(CurseNumber.text(c.standardError))  z \(CurseNumber.text(c.z))"
    }

    func run(console: Console) throws {
        guard gate.isFinite, gate > 0, gate < 1 else {
            throw CLIError.invalidArgument("--gate", NumberText.format(gate), "must lie in (0, 1)")
        }
        let acf =
            input.rho == nil && input.acf == nil ? InputAutocorrelation.bertEmbeddings : try input.autocorrelation()
        guard chains >= 2, chains <= 10_000_000 else {
            throw CLIError.invalidArgument("--chains", String(chains), "must lie in [2, 10000000]")
        }
        guard sequences >= 2, sequences <= 1_000_000 else {
            throw CLIError.invalidArgument("--sequences", String(sequences), "must lie in [2, 1000000]")
        }
        if let samples { try Arguments.count(samples, "--samples") }
        try Arguments.count(spacing, "--spacing")
        let g: ConstantGateGRU
        do { g = try ConstantGateGRU(gate: gate, input: acf) } catch { throw CLIError("--gate: \(error)") }
        var mc: (activity: MonteCarloComparison, gateSensitivity: MonteCarloComparison, burnIn: Int)? = nil
        if monteCarlo {
            let n = samples ?? 48
            guard Double(chains) * Double(n) * Double(spacing) <= 1e10 else {
                throw CLIError("--chains × --samples × --spacing is too much work (limit 1e10)")
            }
            mc = try MonteCarloVerifier.gru(
                g,
                settings: MonteCarloSettings(
                    chains: chains, seed: seed,
                    samplesPerChain: n, sampleSpacing: spacing))
        }
        var measured: ConstantGateGRUMeasurement? = nil
        if engine {
            let n = samples ?? 4000
            guard Double(sequences) * Double(n + Int(30 / (1 - gate)) + 1) <= 5e8 else {
                throw CLIError("--sequences × (--samples + burn-in) is too large (limit 5e8 steps)")
            }
            measured = try ConstantGateGRUMeasurement.run(
                gates: [gate], input: acf, sequences: sequences, samples: n,
                seed: seed)
        }
        // The closed forms against the gate (figures and --save).
        let gates = (1...99).map { Double($0) / 100 }
        let curves = gates.compactMap { z in (try? ConstantGateGRU(gate: z, input: acf)).map { (z, $0) } }
        var arrays = SafetensorsFile()
        arrays.tensors["closed_form"] = try SafetensorsTensor(
            shape: [3], values: [g.activity, g.gateSensitivity, g.biasSensitivity])
        if let mc {
            arrays.tensors["monte_carlo"] = try SafetensorsTensor(
                shape: [2, 3],
                values: [mc.activity, mc.gateSensitivity].flatMap { [$0.estimate, $0.standardError, $0.z] })
        }
        if let u = measured?.units.first {
            arrays.tensors["engine"] = try SafetensorsTensor(
                shape: [2, 3],
                values: [u.activity, u.gateSensitivity].flatMap { [$0.estimate, $0.standardError, $0.z] })
        }
        arrays.tensors["curve_gate"] = try SafetensorsTensor(shape: [curves.count], values: curves.map(\.0))
        arrays.tensors["curve_activity"] = try SafetensorsTensor(
            shape: [curves.count], values: curves.map(\.1.activity))
        arrays.tensors["curve_gate_sensitivity"] = try SafetensorsTensor(
            shape: [curves.count], values: curves.map(\.1.gateSensitivity))
        try save.write(arrays)
        if let figures {
            var f = try FigureSet(path: figures)
            var table = "gate,activity,gate_sensitivity,bias_sensitivity\n"
            for (z, c) in curves { table += "\(z),\(c.activity),\(c.gateSensitivity),\(c.biasSensitivity)\n" }
            try f.write("gru.csv", table)
            var points = "gate,kind,estimate,standard_error\n"
            if let mc {
                points += "\(gate),monte_carlo,\(mc.gateSensitivity.estimate),\(mc.gateSensitivity.standardError)\n"
            }
            if let u = measured?.units.first {
                points += "\(gate),engine,\(u.gateSensitivity.estimate),\(u.gateSensitivity.standardError)\n"
            }
            try f.write("gru-measured.csv", points)
            let measuredPlot =
                mc != nil || measured != nil
                ? ", \\\n     'gru-measured.csv' every ::1 using 1:3:4 with yerrorbars pt 7 lc rgb '#cc3311' title 'measured E[(d_z h)²]'"
                : ""
            let script = """
                set output "gru.svg"
                set title "Constant-gate GRU, input \(acf)"
                set xlabel "update gate z"; set ylabel "second moment"
                set logscale y
                set format y "10^{%L}"
                plot 'gru.csv' every ::1 using 1:3 with lines lw 2 lc rgb '#4477aa' title 'E[(d_z h)²] = ∂_α∂_βA', \\
                     'gru.csv' every ::1 using 1:2 with lines lw 2 lc rgb '#228833' title 'E[h²]'\(measuredPlot)

                """
            try f.render(script: "gru.gp", script, svgs: ["gru.svg"])
            f.report(to: console)
        }
        try output.emit(
            to: console,
            plain: {
                var lines = [
                    "constant-gate GRU, z = \(NumberText.format(gate)), input \(acf)",
                    "closed form E[h²] \(NumberText.format(g.activity))  E[(d_z h)²] \(NumberText.format(g.gateSensitivity))  E[(d_b h)²] \(NumberText.format(g.biasSensitivity))",
                ]
                if let mc {
                    lines.append(Self.line("monte carlo E[h²]", mc.activity))
                    lines.append(Self.line("monte carlo E[(d_z h)²]", mc.gateSensitivity))
                    lines.append(
                        "(\(chains) chains × \(samples ?? 48) samples every \(spacing) steps, burn-in \(mc.burnIn), seed \(seed))"
                    )
                }
                if let m = measured, let u = m.units.first {
                    lines.append(Self.line("engine GRU E[h²]", u.activity))
                    lines.append(Self.line("engine GRU E[(d_z h)²]", u.gateSensitivity))
                    lines.append("(\(m.sequences) sequences × \(m.samples) steps, burn-in \(m.burnIn), seed \(seed))")
                }
                return lines.joined(separator: "\n") + "\n"
            },
            json: {
                var pairs: [(String, JSONValue)] = [
                    ("gate", .number(gate)), ("acf", .string(acf.description)),
                    (
                        "closed_form",
                        .object([
                            ("activity", .number(g.activity)),
                            ("gate_sensitivity", .number(g.gateSensitivity)),
                            ("bias_sensitivity", .number(g.biasSensitivity)),
                        ])
                    ),
                ]
                if let mc {
                    pairs.append(
                        (
                            "monte_carlo",
                            .object([
                                ("activity", Self.entry(mc.activity)),
                                ("gate_sensitivity", Self.entry(mc.gateSensitivity)),
                            ])
                        ))
                }
                if let m = measured, let u = m.units.first {
                    pairs.append(
                        (
                            "engine",
                            .object([
                                ("activity", Self.entry(u.activity)),
                                ("gate_sensitivity", Self.entry(u.gateSensitivity)),
                                ("sequences", .integer(m.sequences)), ("samples", .integer(m.samples)),
                                ("burn_in", .integer(m.burnIn)),
                            ])
                        ))
                }
                return .object(pairs)
            })
    }
}
