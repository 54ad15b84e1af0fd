import ArgumentParser
import RNNMemory

/// `--quantity first|second|cross|activity` of `curse sensitivity`.
enum CurseQuantity: String, ExpressibleByArgument, CaseIterable, Sendable {
    case first, second, cross, activity
}

/// `rnnmem curse sensitivity`: one closed-form second moment of a diagonal recurrence, optionally beside Monte Carlo.
struct CurseSensitivityCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Print a closed-form sensitivity E[(∂h̃/∂ω)²] of h_t = λh_(t−1) + x_t, with a Monte-Carlo check.",
        discussion: """
            The unit h_t = λh_(t−1) + x_t, λ = νe^(iθ), is driven by a stationary zero-mean input with \
            autocorrelation ρ^|Δ| (--rho) or Σ c_k ρ_k^|Δ| (--acf); h̃ = γh with γ = √(1 − |λ|²) under \
            --normalized. The quantity is an entry of E[Re(∂_(ω_i)h̃ conj ∂_(ω_j)h̃)] in the coordinates ω of --param \
            (none: ω = (Re λ, Im λ); polar: (ν, θ); exp: ν = exp(−e^ω₁), θ = e^ω₂ as the LRU; optimal: ν = tanh ω₁, \
            θ = ω₂(1 − ν²)/(ν√(1 + ν²))), i.e. the Hessian at the optimum of the one-unit teacher–student loss \
            (Zucchet & Orvieto 2024, NeurIPS, §2–3), or the activity E|h̃|². For a real λ, --param none, the first \
            entry is E[(d_λh)²] = [(1+λ²)(1−λ²ρ²) + 2λρ(1−λ²)]/[(1−λ²)³(1−λρ)²]. --lambda is a real λ in (−1, 1), \
            or with --theta the modulus ν ∈ [0, 1).

            --limit reports the leading behaviour as |λ| → 1 at the given phase instead: a divergence C·(1 − |λ|)^−p \
            (e.g. p = 3 for E[(d_λh)²] at ρ < 1, p = 4 at ρ = 1), printed 'infinite' with its order, or a finite \
            limit (¼ for the exp modulus entry at ρ = 0). Values are never NaN.

            --monte-carlo simulates the forward-mode recursion s_t = λs_(t−1) + h_(t−1) over --chains independent \
            chains (burn-in ⌈30/(1 − ν) + 30/(1 − ρ_max)⌉ unless --burn-in), --samples samples per chain \
            --spacing steps apart, and prints the estimate, its standard error (standard deviation of the chains' \
            averages over √chains) and z = (estimate − closed form)/standard error. The same --seed gives the same \
            bytes, with any number of threads. A run longer than 2 s reports the chains done on standard error \
            (--progress). A --burn-in below the rule gives a note (the estimate then carries the transient); an \
            estimate with a zero standard error (every chain equal, e.g. --burn-in 0) is refused: it has no z.

            JSON (--json): quantity, description, lambda (null with --limit), theta, acf, parametrization, \
            normalized, closed_form (a number, or "infinite"), asymptotic {order, coefficient} (the leading \
            behaviour C·(1 − |λ|)^−order as |λ| → 1; order 0: the finite limit C), and with --monte-carlo \
            monte_carlo {estimate, standard_error, z}, chains, burn_in, seed. --figures DIR draws the quantity \
            against 1 − |λ| ∈ [10^−6, 0.99] at this phase beside its leading term (sensitivity.csv/svg); --save DIR \
            writes closed_form, monte_carlo (estimate, standard error, z) and that curve as .npy.
            """)

    @Option(
        name: .customLong("lambda"), parsing: .unconditional,
        help: ArgumentHelp("Eigenvalue λ ∈ (−1, 1), or its modulus ν ∈ [0, 1) with --theta.", valueName: "lambda"))
    var lambda: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Phase θ of λ = νe^(iθ) in radians (default 0).", valueName: "theta"))
    var theta: Double?

    @OptionGroup(title: "Input") var input: CurseInputOptions

    @Option(help: ArgumentHelp("Coordinates of λ: none, polar, exp, optimal (default none).", valueName: "name"))
    var param: String = "none"

    @Flag(help: "Normalise the state by γ = √(1 − |λ|²) (differentiated with λ).")
    var normalized = false

    @Option(
        help: ArgumentHelp(
            "Entry: first (ω₁: Re λ, ν or ω_ν), second (ω₂: Im λ, θ or ω_θ), cross, or activity E|h̃|² (default first).",
            valueName: "name"))
    var quantity: CurseQuantity = .first

    @Flag(help: "Report the leading behaviour as |λ| → 1 at the given phase (order and coefficient).")
    var limit = false

    @Flag(help: "Also estimate the quantity by simulation.")
    var monteCarlo = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Monte Carlo: number of chains ≥ 2 (default 20000).", valueName: "n"))
    var chains: Int = 20_000

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Monte Carlo: samples averaged per chain (default 1).", valueName: "n"))
    var samples: Int = 1

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Monte Carlo: steps between samples (default 1).", valueName: "k"))
    var spacing: Int = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Monte Carlo: burn-in steps (default ⌈30/(1 − ν) + 30/(1 − ρ_max)⌉).", valueName: "k"))
    var burnIn: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Monte Carlo: seed (default 1).", valueName: "seed"))
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp(
            "Monte Carlo progress (chains done) on standard error after 2 s: auto, bar, lines, none.",
            valueName: "style"))
    var progress: ProgressArgument = .auto

    @Option(
        help: ArgumentHelp(
            "Write the quantity against 1 − |λ| (closed form and leading term) as CSV and SVG to this directory.",
            valueName: "dir"))
    var figures: String?

    @OptionGroup var save: SaveOptions

    @OptionGroup var output: OutputOptions

    /// (modulus, phase) of λ, or of the direction of the limit.
    func eigenvalue() throws(CLIError) -> (modulus: Double, phase: Double) {
        if let theta { try Arguments.finite(theta, "--theta") }
        guard let lambda else {
            guard limit else { throw CLIError("missing --lambda (or --limit for the behaviour as |λ| → 1)") }
            return (1, theta ?? 0)
        }
        guard lambda.isFinite else {
            throw CLIError.invalidArgument("--lambda", NumberText.format(lambda), "must be finite")
        }
        if theta != nil {
            guard lambda >= 0 else {
                throw CLIError.invalidArgument(
                    "--lambda", NumberText.format(lambda), "with --theta it is the modulus |λ| ≥ 0")
            }
        }
        guard abs(lambda) < 1 else {
            throw CLIError.invalidArgument(
                "--lambda", NumberText.format(lambda), "|λ| must be < 1 (use --limit for the behaviour as |λ| → 1)")
        }
        if limit { return (1, theta ?? (lambda < 0 ? Double.pi : 0)) }
        return (abs(lambda), theta ?? (lambda < 0 ? Double.pi : 0))
    }

    func validateMonteCarlo() throws(CLIError) {
        guard monteCarlo else { return }
        if limit { throw CLIError("--monte-carlo needs |λ| < 1: it cannot be combined with --limit") }
        guard chains >= 2 else { throw CLIError.invalidArgument("--chains", String(chains), "must be ≥ 2") }
        guard chains <= 100_000_000 else {
            throw CLIError.invalidArgument("--chains", String(chains), "must be ≤ 100000000")
        }
        try Arguments.count(samples, "--samples")
        try Arguments.count(spacing, "--spacing")
        if let burnIn {
            guard burnIn >= 0, burnIn <= 100_000_000 else {
                throw CLIError.invalidArgument("--burn-in", String(burnIn), "must lie in [0, 100000000]")
            }
        }
        let work = Double(chains) * Double(samples) * Double(spacing)
        guard work <= 1e10 else {
            // Formatted as a Double: the product can exceed Int.max (three options of up to 10⁸ each).
            throw CLIError(
                "--chains × --samples × --spacing = \(ProbeText.scientific(work)) is too much work (limit 1e10)")
        }
    }

    /// A readable name of the quantity, e.g. `E[(∂h̃/∂ν)²]`.
    static func describe(_ q: CurseQuantity, parametrization p: Parametrization, normalized: Bool, real: Bool) -> String
    {
        let h = normalized ? "h̃" : "h"
        let names: (String, String)
        switch p.name {
        case "none": names = real ? ("λ", "Im λ") : ("Re λ", "Im λ")
        case "polar": names = ("ν", "θ")
        default: names = ("ω_ν", "ω_θ")
        }
        switch q {
        case .first: return "E[(∂\(h)/∂\(names.0))²]"
        case .second: return "E[(∂\(h)/∂\(names.1))²]"
        case .cross: return "E[Re(∂\(h)/∂\(names.0) · conj ∂\(h)/∂\(names.1))]"
        case .activity: return "E|\(h)|²"
        }
    }

    func run(console: Console) throws {
        let parametrization = try CurseParametrization.parse(param)
        let input = try self.input.autocorrelation()
        let (modulus, phase) = try eigenvalue()
        try validateMonteCarlo()
        let s: RecurrentSensitivity
        do {
            s = try RecurrentSensitivity(
                modulus: modulus, phase: phase, input: input,
                normalization: normalized ? .l2 : .none, parametrization: parametrization)
        } catch {
            throw CLIError("--lambda, --theta, --param: \(error)")
        }
        func pick(_ v: SensitivityValues) -> StationaryValue {
            switch quantity {
            case .first: return v.first
            case .second: return v.second
            case .cross: return v.cross
            case .activity: return v.activity
            }
        }
        var closed = pick(s.evaluate())
        let asymptotic = pick(s.asymptotics())
        // A finite closed form too large for a Double is infinite at this point: report the divergence.
        if case .finite(let v) = closed, !v.isFinite { closed = asymptotic.isFinite ? .finite(.infinity) : asymptotic }
        var mc: MonteCarloComparison? = nil
        var burn = 0
        if monteCarlo {
            let settings = MonteCarloSettings(
                chains: chains, seed: seed, burnIn: burnIn, samplesPerChain: samples,
                sampleSpacing: spacing)
            let rule = MonteCarloSettings.defaultBurnIn(modulus: modulus, input: input)
            let steps = Double(burnIn ?? rule) + Double(samples - 1) * Double(spacing) + 1
            guard Double(chains) * steps <= 1e12 else {
                throw CLIError(
                    "--chains × (burn-in + (--samples − 1) × --spacing + 1) = "
                        + "\(ProbeText.scientific(Double(chains) * steps)) chain-steps is too much work (limit 1e12)")
            }
            // Each chain keeps its four averages (8 bytes each) until the standard errors are computed.
            try MemoryBudget.check(bytes: 32 * Double(chains), for: "--monte-carlo --chains \(chains)")
            // Counted in blocks of 256 chains (the unit the library reports), so that --progress lines prints.
            let blocks = (chains + 255) / 256
            let reporter = SpectrumProgress(
                total: blocks, label: "curse sensitivity: blocks of 256 chains", style: progress, console: console)
            let r = try MonteCarloVerifier.sensitivity(s, settings: settings) { done in
                reporter.update((done + 255) / 256, status: "\(done) chains")
            }
            reporter.finish(blocks, status: "\(chains) chains")
            burn = r.burnIn
            switch quantity {
            case .first: mc = r.hessian[0][0]
            case .second: mc = r.hessian[1][1]
            case .cross: mc = r.hessian[0][1]
            case .activity: mc = r.activity
            }
            // Every chain gave the same value (e.g. --burn-in 0: ∂h is still 0 at the first sample): no z-score.
            if let m = mc, !(m.standardError > 0), m.estimate != m.closedForm {
                throw CLIError(
                    "the Monte-Carlo estimate \(CurseNumber.text(m.estimate)) has a zero standard error (every chain "
                        + "gave the same value), so it has no z-score against the closed form "
                        + "\(CurseNumber.text(m.closedForm)); use a --burn-in of at least the rule \(rule) (the default)"
                )
            }
            if let burnIn, burnIn < rule {
                console.note(
                    "--burn-in \(burnIn) is below the rule ⌈30/(1 − ν) + 30/(1 − ρ_max)⌉ = \(rule): the chains start "
                        + "from h = ∂h = 0, so the estimate carries the transient and its z-score is not N(0, 1)")
            }
        }
        let real = theta == nil
        // The curve along 1 − |λ| ∈ [1e-6, 0.99] at this phase (figures and --save).
        var curve: (epsilon: [Double], value: [Double], leading: [Double]) = ([], [], [])
        if figures != nil || save.save != nil {
            for k in 0..<121 {
                let e = Double.pow(10, -6 + 6 * Double(k) / 120) * 0.99
                guard
                    let sk = try? RecurrentSensitivity(
                        modulus: 1 - e, phase: phase, input: input, normalization: normalized ? .l2 : .none,
                        parametrization: parametrization), let v = pick(sk.evaluate()).value, v.isFinite
                else { continue }
                curve.epsilon.append(e)
                curve.value.append(v)
                switch asymptotic {
                case .finite(let c): curve.leading.append(c)
                case .divergent(let order, let c): curve.leading.append(c * Double.pow(e, -Double(order)))
                }
            }
        }
        var arrays = SafetensorsFile()
        if let v = closed.value, v.isFinite {
            arrays.tensors["closed_form"] = try SafetensorsTensor(shape: [1], values: [v])
        }
        if let mc {
            arrays.tensors["monte_carlo"] = try SafetensorsTensor(
                shape: [3], values: [mc.estimate, mc.standardError, mc.z])
        }
        arrays.tensors["curve_one_minus_modulus"] = try SafetensorsTensor(
            shape: [curve.epsilon.count], values: curve.epsilon)
        arrays.tensors["curve_closed_form"] = try SafetensorsTensor(shape: [curve.value.count], values: curve.value)
        arrays.tensors["curve_leading_term"] = try SafetensorsTensor(
            shape: [curve.leading.count], values: curve.leading)
        try save.write(arrays)
        if let figures {
            var f = try FigureSet(path: figures)
            var table = "one_minus_modulus,closed_form,leading_term\n"
            for k in curve.epsilon.indices { table += "\(curve.epsilon[k]),\(curve.value[k]),\(curve.leading[k])\n" }
            try f.write("sensitivity.csv", table)
            let name = Self.describe(quantity, parametrization: parametrization, normalized: normalized, real: real)
            let script = """
                set output "sensitivity.svg"
                set title "\(name), θ = \(NumberText.format(phase)), input \(input)"
                set xlabel "1 − |λ|"; set ylabel "\(name)"
                set logscale x
                set format x "10^{%L}"
                \(curve.value.allSatisfy { $0 > 0 } ? "set logscale y\nset format y \"10^{%L}\"" : "")
                plot 'sensitivity.csv' every ::1 using 1:2 with lines lw 2 lc rgb '#4477aa' title 'closed form', \\
                     'sensitivity.csv' every ::1 using 1:3 with lines lw 1 dt 2 lc rgb '#cc3311' title '\(asymptotic.limitText) (leading term)'

                """
            try f.render(script: "sensitivity.gp", script, svgs: ["sensitivity.svg"])
            f.report(to: console)
        }
        let description = Self.describe(quantity, parametrization: parametrization, normalized: normalized, real: real)
        let lambdaText: String
        if limit {
            lambdaText =
                "|λ| → 1" + (real ? (phase == 0 ? " (λ → 1)" : " (λ → −1)") : ", θ = \(NumberText.format(phase))")
        } else if let lambda, let theta {
            lambdaText = "λ = \(NumberText.format(lambda))·e^(i·\(NumberText.format(theta)))"
        } else {
            lambdaText = "λ = \(NumberText.format(lambda ?? 0))"
        }
        try output.emit(
            to: console,
            plain: {
                var lines = [
                    "\(description) at \(lambdaText), input \(input), parametrization \(parametrization.name)\(normalized ? ", normalized" : "")",
                    "closed form \(closed.text)",
                ]
                if !limit { lines.append("as |λ| → 1 \(asymptotic.limitText)") }
                if let mc {
                    lines.append(
                        "monte carlo \(CurseNumber.text(mc.estimate))  standard error \(CurseNumber.text(mc.standardError))  z \(CurseNumber.text(mc.z))"
                    )
                    lines.append("(\(chains) chains × \(samples) samples, burn-in \(burn), seed \(seed))")
                }
                return lines.joined(separator: "\n") + "\n"
            },
            json: {
                var pairs: [(String, JSONValue)] = [
                    ("quantity", .string(quantity.rawValue)),
                    ("description", .string(description)),
                    ("lambda", limit ? .null : .optional(lambda)),
                    ("theta", .number(phase)),
                    ("acf", .string(input.description)),
                    ("parametrization", .string(parametrization.name)),
                    ("normalized", .bool(normalized)),
                    ("closed_form", closed.json),
                    ("asymptotic", asymptotic.asymptoticJSON),
                ]
                if let mc {
                    pairs.append(
                        (
                            "monte_carlo",
                            .object([
                                ("estimate", CurseNumber.json(mc.estimate)),
                                ("standard_error", CurseNumber.json(mc.standardError)),
                                ("z", CurseNumber.json(mc.z)),
                            ])
                        ))
                    pairs.append(("chains", .integer(chains)))
                    pairs.append(("burn_in", .integer(burn)))
                    pairs.append(("seed", .unsigned(seed)))
                }
                return .object(pairs)
            })
    }
}
