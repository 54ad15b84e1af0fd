import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem spectrum lyapunov`: Lyapunov spectra by the QR method — of a network driven by its input, of a random
/// tanh map or of a random rate network, and λ₁ against the gain.
struct SpectrumLyapunovCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "lyapunov",
        abstract: "Lyapunov spectrum by the QR method: of a network on its input, or of a random tanh/rate network.",
        discussion: """
            Method (Benettin et al. 1980; Engelken, Wolf & Abbott 2023): a random orthonormal frame of k tangent \
            vectors (--exponents k, default all n) is carried along the trajectory, Q ← D_t Q, and re-orthonormalised \
            by Householder QR every t_ONS steps (--renormalize-every, default 1), R_ii ≥ 0; λ_i = Σ log R_ii / \
            (steps · Δt). Phases: --transient (the state alone), --warm-up (frame evolved, nothing accumulated; \
            default steps/10), --steps (accumulated). Checks reported with every run: Σ_i λ_i = ⟨log|det D_t|⟩ (with \
            all n exponents), λ₁ from two trajectories at distance --perturbation (renormalised every step), the \
            participation ratio 1/Σ q_i⁴ of the leading Lyapunov vector, the Kaplan–Yorke dimension; finite-time \
            exponents over windows of --window-steps.

            Systems: (1) a network (--weights or --model) driven by its data (--task or --data): the conditional \
            spectrum of the joint state along each of the first --sequences sequences from the zero state \
            (exponents per step; default steps: the whole sequence after the transient, 10/11 accumulated and 1/11 \
            warm-up); with several sequences the mean and the sample standard deviation over them. (2) \
            --random-tanh: h ← J tanh(h), J_ij ~ N(0, g²/N) (--n N, --gain g; exponents per step; default 1000 \
            steps after a 200-step transient); the annealed mean-field λ₁ = ½ ln(g² E[sech⁴ h]) is printed beside \
            (0 < λ₁ marks chaos; ln g for g ≤ 1 as N → ∞). (3) --random-rate: τ dh/dt = −h + J tanh(h), J_ii = 0, \
            Euler step --dt (in units of τ, default 0.1; exponents per τ; default 1000 steps after a 1000-step \
            transient); a chaotic flow has one exponent ≈ 0. Random couplings and h_0 come from --seed s, frames and \
            perturbations from s + 3. --gains a:b:step (or a list a,b,c) runs (2) or (3) for each gain with the same \
            couplings scaled (default --exponents 1): λ₁ against the gain.

            JSON keys (one run): system {kind, state_size, gain, dt, seed, sequences}, exponents (descending), sum, \
            mean_log_abs_det (null unless all n exponents), two_trajectory_lambda1 (null when not computed or \
            undefined: when the perturbed trajectory overflows or merges with the reference one, the reason is a \
            note on standard error and 'undefined (reason)' in the report; the QR exponents stand), identity_error (|sum − \
            mean_log_abs_det|), mean_field_lambda1 (random tanh; else null), origin_exponents (random networks: \
            the exponents of the fixed point h = 0, the Lyapunov exponents when it attracts; else null), \
            exponent_standard_deviations (over sequences; zeros for one), kaplan_yorke_dimension (null if undetermined), positive_exponent_sum, \
            leading_vector_participation_ratio, dimension, steps, transient_steps, warm_up_steps, \
            renormalization_interval, time_step, window_steps, finite_time_exponents (per window, frame order), \
            figures, saved; with a network also its fields and data. With --gains: system, gains, lambda1, \
            two_trajectory_lambda1, mean_field_lambda1 (null entries for the rate network), exponents (per gain), \
            steps, transient_steps, warm_up_steps, figures, saved.

            --figures DIR: lyapunov-spectrum.svg (λ_i against i; lyapunov-spectrum.csv), with windows \
            lyapunov-finite-time.svg (.csv); with --gains lyapunov-gain.svg (λ₁ against g, two-trajectory and \
            mean-field; lyapunov-gain.csv). --save DIR: exponents, finite_time_exponents [windows, k], \
            leading_vector; with --gains gains, lambda1, two_trajectory_lambda1, mean_field_lambda1, exponents \
            [gains, k].
            """)

    @OptionGroup var network: SpectrumNetworkOptions

    @OptionGroup(title: "Data") var data: DataOptions

    @Flag(help: "The random tanh map h ← J tanh(h), J_ij ~ N(0, g²/N), instead of a network.")
    var randomTanh = false

    @Flag(help: "The random rate network τ dh/dt = −h + J tanh(h) (Euler, J_ii = 0), instead of a network.")
    var randomRate = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Random network: size N (default 200).", valueName: "N"))
    var n: Int = 200

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Random network: gain g (default 1.5 for --random-tanh, 4 for --random-rate).", valueName: "g"))
    var gain: Double?

    @Option(
        help: ArgumentHelp(
            "Random network: a sweep of gains, a:b:step or a list a,b,… (λ₁ against g).", valueName: "gains"))
    var gains: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("--random-rate: Euler step Δt/τ in (0, 1] (default 0.1).", valueName: "dt"))
    var dt: Double = 0.1

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Steps accumulated (see above for the defaults).", valueName: "n"))
    var steps: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Steps of the state alone first (see above).", valueName: "n"))
    var transient: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Steps with the frame but no accumulation (default steps/10).", valueName: "n"))
    var warmUp: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Number k of leading exponents (default all; 1 with --gains).", valueName: "k"))
    var exponents: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Re-orthonormalise every t_ONS steps (default 1).", valueName: "t"))
    var renormalizeEvery: Int = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Finite-time exponents over windows of this many steps.", valueName: "w"))
    var windowSteps: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Distance of the two-trajectory estimate of λ₁ (default 1e-6).", valueName: "eps"))
    var perturbation: Double = 1e-6

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Network: the first this many sequences of the data (default 1).", valueName: "n"))
    var sequences: Int = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed: random couplings, new network, task data; frames from s + 3.", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Output") var out: SpectrumOutputOptions

    /// The library's argument names as this verb's flags.
    static let flags = [
        "steps": "--steps", "exponents": "--exponents", "transientSteps": "--transient", "warmUpSteps": "--warm-up",
        "renormalizationInterval": "--renormalize-every", "windowSteps": "--window-steps",
        "perturbation": "--perturbation", "size": "--n", "gain": "--gain", "timeStep": "--dt",
    ]

    var isRandom: Bool { randomTanh || randomRate }

    func validateValues() throws(CLIError) {
        if randomTanh && randomRate { throw CLIError("give --random-tanh or --random-rate, not both") }
        if isRandom {
            if network.network.weights != nil || network.network.model != nil {
                throw CLIError(
                    "--random-\(randomTanh ? "tanh" : "rate") analyses its own random network: drop --weights/--model")
            }
            if data.isTask || data.file.data != nil {
                throw CLIError("--random-\(randomTanh ? "tanh" : "rate") is autonomous: drop --task/--data")
            }
            guard n >= 1 && n <= 4000 else { throw CLIError.invalidArgument("--n", String(n), "must lie in 1…4000") }
            if let gain {
                guard gain.isFinite, gain >= 0, gain <= 1e6 else {
                    throw CLIError.invalidArgument("--gain", NumberText.format(gain), "must be finite, ≥ 0 and ≤ 1e6")
                }
                if randomTanh, gain == 0 {
                    throw CLIError.invalidArgument("--gain", NumberText.format(gain), Self.zeroTanhGain)
                }
            }
            if gains != nil && gain != nil { throw CLIError("give --gain or --gains, not both") }
            if sequences != 1 { throw CLIError("--sequences applies to a network driven by its data") }
        } else {
            if gains != nil { throw CLIError("--gains applies with --random-tanh or --random-rate") }
            if gain != nil {
                throw CLIError(
                    "--gain applies with --random-tanh or --random-rate (a network's own gain: --recurrent-gain)")
            }
            guard sequences >= 1 else {
                throw CLIError.invalidArgument("--sequences", String(sequences), "must be ≥ 1")
            }
        }
        if !randomRate, dt != 0.1 { throw CLIError("--dt applies with --random-rate") }
        guard dt.isFinite, dt > 0, dt <= 1 else {
            throw CLIError.invalidArgument("--dt", NumberText.format(dt), "must lie in (0, 1]")
        }
        for (flag, value) in [("--steps", steps), ("--transient", transient), ("--warm-up", warmUp)] {
            if let value {
                guard value >= (flag == "--steps" ? 1 : 0), value <= 100_000_000 else {
                    throw CLIError.invalidArgument(
                        flag, String(value), flag == "--steps" ? "must lie in 1…100000000" : "must lie in 0…100000000")
                }
            }
        }
        guard renormalizeEvery >= 1 else {
            throw CLIError.invalidArgument("--renormalize-every", String(renormalizeEvery), "must be ≥ 1")
        }
        if let exponents, exponents < 1 {
            throw CLIError.invalidArgument("--exponents", String(exponents), "must be ≥ 1")
        }
        guard perturbation.isFinite, perturbation > 0 else {
            throw CLIError.invalidArgument("--perturbation", NumberText.format(perturbation), "must be finite and > 0")
        }
    }

    func run(console: Console) throws {
        try validateValues()
        if isRandom { try runRandom(console: console) } else { try runNetwork(console: console) }
    }

    // MARK: options

    /// The options of one run for a system of dimension `dimension` with `available` steps (nil: unbounded).
    func options(dimension: Int, available: Int?, defaultSteps: Int, defaultTransient: Int, defaultExponents: Int?)
        throws(CLIError) -> LyapunovOptions
    {
        let t = renormalizeEvery
        let transientSteps = transient ?? defaultTransient
        var accumulated = steps ?? defaultSteps
        var warm = warmUp
        if let available {
            let left = available - transientSteps
            guard left >= 2 else {
                throw CLIError.invalidArgument(
                    "--transient", String(transientSteps),
                    "leaves \(max(0, left)) of the data's \(available) steps for the exponents")
            }
            if steps == nil {
                accumulated = (warm == nil ? left * 10 / 11 : left - (warm ?? 0)) / t * t
                if warm == nil { warm = (left - accumulated) / t * t }
            }
        }
        let k = exponents ?? defaultExponents
        if let k, k > dimension {
            throw CLIError.invalidArgument("--exponents", String(k), "exceeds the state dimension \(dimension)")
        }
        return LyapunovOptions(
            steps: max(accumulated, 1), exponents: k, transientSteps: transientSteps, warmUpSteps: warm,
            renormalizationInterval: t, windowSteps: windowSteps, seed: SpectrumSeeds(seed).random,
            computesDeterminant: (k ?? dimension) == dimension, perturbation: perturbation)
    }

    // MARK: network

    func runNetwork(console: Console) throws {
        let subject = try SpectrumSubject.load(network: network, data: data, seed: seed, console: console)
        let model = subject.model
        guard sequences <= subject.data.data.batchSize else {
            throw CLIError.invalidArgument(
                "--sequences", String(sequences), "the data have \(subject.data.data.batchSize) sequences")
        }
        try subject.requireFiniteTrajectory(sequences: 0..<sequences)
        let dimension = model.stateSize
        let steps = subject.data.data.steps
        let options = try options(
            dimension: dimension, available: steps, defaultSteps: steps, defaultTransient: 0, defaultExponents: nil)
        let perRun = options.resolvedWarmUpSteps + options.steps
        let progress = SpectrumProgress(
            total: perRun * sequences, label: "lyapunov", style: out.progress, console: console)
        var spectra: [LyapunovSpectrum] = []
        for b in 0..<sequences {
            let (x, _) = try subject.sequence(b)
            let context = "\(subject.data.description), sequence \(b)"
            let offset = b * perRun
            spectra.append(
                try SpectrumErrors.checked(context: context, flags: Self.flags) {
                    let dynamics = try DrivenRecurrentDynamics(model: model, inputs: x)
                    return try LyapunovSpectrum(dynamics, options: options) { done, _ in
                        progress.update(offset + done, status: "sequence \(b)")
                    }
                })
        }
        progress.finish(perRun * sequences)
        let system: [(String, JSONValue)] = [
            ("kind", .string("network")), ("state_size", .integer(dimension)), ("gain", .null), ("dt", .null),
            ("seed", .unsigned(seed)), ("sequences", .integer(sequences)),
        ]
        let description =
            "conditional spectrum of the joint state (S = \(dimension)) driven by the first \(sequences) sequence\(sequences == 1 ? "" : "s") of the data"
        try emit(
            spectra, system: system, description: subject.headerLines + [description], extraJSON: subject.jsonFields,
            meanField: nil, console: console)
    }

    // MARK: random networks

    var systemName: String { randomTanh ? "random-tanh" : "random-rate" }

    func makeSystem(gain g: Double) throws(CLIError) -> any TangentDynamics {
        try SpectrumErrors.checked(context: "--\(systemName)", flags: Self.flags) {
            if randomTanh { return try RandomTanhMap(size: n, gain: g, seed: seed) as any TangentDynamics }
            return try RateNetwork(size: n, gain: g, timeStep: dt, seed: seed)
        }
    }

    /// Why a zero gain is refused for the random tanh map: every exponent would be −∞.
    static let zeroTanhGain =
        "must be > 0 with --random-tanh: with g = 0 every Jacobian J·diag(1 − tanh²) is zero and every exponent is −∞"

    func runRandom(console: Console) throws {
        try MemoryBudget.check(bytes: Double(n) * Double(n) * 8 * 6, for: "a random network of size \(n) (--n)")
        let defaultTransient = randomTanh ? 200 : 1000
        if let gains {
            let values = try Self.parseGains(gains)
            if randomTanh, values.contains(0) {
                throw CLIError.invalidArgument("--gains", gains, Self.zeroTanhGain)
            }
            try runSweep(values, defaultTransient: defaultTransient, console: console)
            return
        }
        let g = gain ?? (randomTanh ? 1.5 : 4)
        let options = try options(
            dimension: n, available: nil, defaultSteps: 1000, defaultTransient: defaultTransient, defaultExponents: nil)
        let system = try makeSystem(gain: g)
        let progress = SpectrumProgress(
            total: options.resolvedWarmUpSteps + options.steps, label: "lyapunov", style: out.progress, console: console
        )
        let spectrum = try SpectrumErrors.checked(context: "--\(systemName)", flags: Self.flags) {
            try Self.spectrum(system, options: options) { done in progress.update(done) }
        }
        progress.finish(options.resolvedWarmUpSteps + options.steps)
        let meanField = randomTanh ? try? RandomTanhMap.meanFieldLargestExponent(gain: g) : nil
        try emit(
            [spectrum], system: systemFields(gain: .number(g)),
            description: [systemDescription(gain: NumberText.format(g))],
            extraJSON: [], meanField: meanField, origin: try originExponents(system, count: spectrum.exponents.count),
            console: console)
    }

    /// The exponents of the fixed point h = 0, sorted descending (the first `count`): the map's linearisation there
    /// is D = J (tanh map: log|μ_i(J)|) or (1 − Δt)I + Δt·J (rate network: log|1 − Δt + Δt·μ_i|/Δt). When the origin
    /// attracts (ρ(J) < 1 for the map) they are the Lyapunov exponents themselves.
    func originExponents(_ system: any TangentDynamics, count: Int) throws(CLIError) -> [Double] {
        let couplings = (system as? RandomTanhMap)?.couplings ?? (system as? RateNetwork)?.couplings
        guard let couplings else { return [] }
        let mu = try SpectrumErrors.checked(context: "--\(systemName)") { try LinearAlgebra.eigenvalues(couplings) }
        let values = mu.map { m -> Double in
            if randomTanh { return Double.log(m.length) }
            let re = 1 - dt + dt * m.real, im = dt * m.imaginary
            return Double.log((re * re + im * im).squareRoot()) / dt
        }
        return Array(values.sorted(by: >).prefix(count))
    }

    /// LyapunovSpectrum of an existential system.
    static func spectrum(_ system: any TangentDynamics, options: LyapunovOptions, progress: @escaping (Int) -> Void)
        throws
        -> LyapunovSpectrum
    {
        func run<D: TangentDynamics>(_ d: D) throws -> LyapunovSpectrum {
            try LyapunovSpectrum(d, options: options) { done, _ in progress(done) }
        }
        return try run(system)
    }

    func systemFields(gain: JSONValue) -> [(String, JSONValue)] {
        [
            ("kind", .string(systemName)), ("state_size", .integer(n)), ("gain", gain),
            ("dt", randomRate ? .number(dt) : .null), ("seed", .unsigned(seed)), ("sequences", .null),
        ]
    }

    func systemDescription(gain: String) -> String {
        randomTanh
            ? "random tanh map h ← J tanh(h), N = \(n), J_ij ~ N(0, g²/N), g = \(gain), seed \(seed) (exponents per step)"
            : "random rate network τ dh/dt = −h + J tanh(h), N = \(n), J_ij ~ N(0, g²/N), J_ii = 0, g = \(gain), Δt = \(NumberText.format(dt))τ, seed \(seed) (exponents per τ)"
    }

    /// `a:b:step` (a, a + step, … ≤ b) or `a,b,c`.
    static func parseGains(_ text: String) throws(CLIError) -> [Double] {
        func number(_ s: Substring) throws(CLIError) -> Double {
            guard let x = Double(s.trimmingCharacters(in: .whitespaces)), x.isFinite, x >= 0, x <= 1e6 else {
                throw CLIError.invalidArgument("--gains", text, "'\(s)' is not a gain (a finite number ≥ 0 and ≤ 1e6)")
            }
            return x
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var values: [Double] = []
        if parts.count == 3 {
            let a = try number(parts[0]), b = try number(parts[1]), step = try number(parts[2])
            guard step > 0, b >= a else {
                throw CLIError.invalidArgument("--gains", text, "needs a ≤ b and a step > 0")
            }
            // Counted in Double first: (b − a)/step can exceed Int.max (a step of 1e-300).
            let exactCount = ((b - a) / step * (1 + 1e-12)).rounded(.down) + 1
            guard exactCount <= 1000 else {
                throw CLIError.invalidArgument(
                    "--gains", text, "gives \(NumberText.format(exactCount)) gains; at most 1000")
            }
            let count = Int(exactCount)
            values = (0..<count).map { a + Double($0) * step }
        } else if parts.count == 1 {
            for p in text.split(separator: ",", omittingEmptySubsequences: false) { values.append(try number(p)) }
            guard values.count <= 1000 else { throw CLIError.invalidArgument("--gains", text, "at most 1000 gains") }
        } else {
            throw CLIError.invalidArgument("--gains", text, "give a:b:step or a comma-separated list")
        }
        guard !values.isEmpty else { throw CLIError.invalidArgument("--gains", text, "no gain") }
        return values
    }

    func runSweep(_ values: [Double], defaultTransient: Int, console: Console) throws {
        let options = try options(
            dimension: n, available: nil, defaultSteps: 1000, defaultTransient: defaultTransient, defaultExponents: 1)
        let perGain = options.transientSteps + options.resolvedWarmUpSteps + options.steps
        let progress = SpectrumProgress(
            total: perGain * values.count, label: "lyapunov gains", style: out.progress, console: console)
        var spectra: [LyapunovSpectrum] = []
        var meanField: [Double?] = []
        for (i, g) in values.enumerated() {
            let system = try makeSystem(gain: g)
            let offset = i * perGain + options.transientSteps
            spectra.append(
                try SpectrumErrors.checked(
                    context: "--\(systemName) --gains, g = \(NumberText.format(g))", flags: Self.flags
                ) {
                    try Self.spectrum(system, options: options) { done in
                        progress.update(offset + done, status: "g = \(NumberText.format(g))")
                    }
                })
            meanField.append(randomTanh && g > 0 ? try? RandomTanhMap.meanFieldLargestExponent(gain: g) : nil)
        }
        progress.finish(perGain * values.count)
        let lambda1 = spectra.map { $0.exponents[0] }
        let twoTrajectory = spectra.map { $0.twoTrajectoryLargestExponent }
        for (g, spectrum) in zip(values, spectra) {
            if let failure = spectrum.twoTrajectoryFailure {
                console.note("g = \(NumberText.format(g)): the two-trajectory estimate of λ₁ is undefined: \(failure)")
            }
        }
        var outputs = SpectrumOutputs()
        if var figures = try out.figureSet() {
            try figures.csv(
                "lyapunov-gain.csv", header: ["gain", "lambda1", "two_trajectory_lambda1", "mean_field_lambda1"],
                columns: [
                    values, lambda1, twoTrajectory.map { $0 ?? NumberText.missing },
                    meanField.map { $0 ?? NumberText.missing },
                ])
            let unit = randomTanh ? "per step" : "per τ"
            let script = """
                set output "lyapunov-gain.svg"
                set title \(FigureSet.quoted("Largest Lyapunov exponent against the gain, \(randomTanh ? "random tanh map" : "random rate network"), N = \(n)"))
                set xlabel "gain g"; set ylabel "λ_1 (\(unit))"
                set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead dt 2 lc rgb "gray40"
                set arrow 2 from first 1, graph 0 to first 1, graph 1 nohead dt 3 lc rgb "gray60"
                plot "lyapunov-gain.csv" every ::1 using 1:2 with linespoints pt 7 ps 0.6 lw 2 lc rgb "#ee6677" title "QR method", \\
                     "lyapunov-gain.csv" every ::1 using 1:3 with points pt 6 ps 0.9 lc rgb "#4477aa" title "two trajectories"\(randomTanh ? ", \\\n     \"lyapunov-gain.csv\" every ::1 using 1:4 with lines lw 1.5 dt 2 lc rgb \"black\" title \"annealed mean field\"" : "")

                """
            try figures.render(script: "lyapunov-gain.gp", script, svgs: ["lyapunov-gain.svg"])
            outputs.figures = figures
        }
        let k = options.exponents ?? 1
        outputs.saved = try out.saveArrays([
            ("gains", [values.count], values), ("lambda1", [values.count], lambda1),
            ("two_trajectory_lambda1", [values.count], twoTrajectory.map { $0 ?? .nan }),
            ("mean_field_lambda1", [values.count], meanField.map { $0 ?? .nan }),
            ("exponents", [values.count, k], spectra.flatMap(\.exponents)),
        ])
        let first = spectra[0]
        try out.emit(
            console: console, outputs: outputs,
            plain: {
                var lines = [systemDescription(gain: "swept")]
                lines.append(Self.phasesText(first))
                lines.append("gain,lambda1,two_trajectory_lambda1" + (randomTanh ? ",mean_field_lambda1" : ""))
                for i in values.indices {
                    var row =
                        "\(NumberText.format(values[i])),\(NumberText.format(lambda1[i])),"
                        + (twoTrajectory[i].map(NumberText.format) ?? "undefined")
                    if randomTanh { row += "," + (meanField[i].map(NumberText.format) ?? "undefined") }
                    lines.append(row)
                }
                return lines
            },
            json: {
                [
                    ("system", .object(systemFields(gain: .null))), ("gains", .numbers(values)),
                    ("lambda1", .numbers(lambda1)),
                    ("two_trajectory_lambda1", .array(twoTrajectory.map { $0.map(JSONValue.number) ?? .null })),
                    ("mean_field_lambda1", .array(meanField.map { $0.map(JSONValue.number) ?? .null })),
                    ("exponents", .array(spectra.map { .numbers($0.exponents) })),
                    ("steps", .integer(first.steps)), ("transient_steps", .integer(first.transientSteps)),
                    ("warm_up_steps", .integer(first.warmUpSteps)),
                ]
            })
    }

    // MARK: report

    static func phasesText(_ s: LyapunovSpectrum) -> String {
        "transient \(s.transientSteps), warm-up \(s.warmUpSteps), \(s.steps) steps accumulated, re-orthonormalised every \(s.renormalizationInterval) step\(s.renormalizationInterval == 1 ? "" : "s")\(s.timeStep != 1 ? ", Δt = \(NumberText.format(s.timeStep))" : "")"
    }

    static func mean(_ xs: [Double?]) -> Double? {
        let v = xs.compactMap { $0 }
        guard v.count == xs.count, !v.isEmpty else { return nil }
        return v.reduce(0, +) / Double(v.count)
    }

    /// Report one spectrum, or the mean over several sequences.
    func emit(
        _ spectra: [LyapunovSpectrum], system: [(String, JSONValue)], description: [String],
        extraJSON: [(String, JSONValue)], meanField: Double?, origin: [Double] = [], console: Console
    ) throws {
        let first = spectra[0]
        let conditional = ConditionalLyapunovSpectrum(perSequence: spectra)
        let exponentsMean = conditional.meanExponents
        let deviations = conditional.standardDeviations
        let sum = exponentsMean.reduce(0, +)
        let logDet = Self.mean(spectra.map(\.meanLogAbsDeterminant))
        let twoTrajectory = Self.mean(spectra.map(\.twoTrajectoryLargestExponent))
        let twoTrajectoryFailure = spectra.lazy.compactMap(\.twoTrajectoryFailure).first
        if let twoTrajectoryFailure {
            console.note(
                "the two-trajectory estimate of λ₁ is undefined: \(twoTrajectoryFailure); the QR exponents stand")
        }
        let participation = spectra.map(\.leadingVectorParticipationRatio).reduce(0, +) / Double(spectra.count)
        // Kaplan–Yorke and positive sum of the mean spectrum.
        let summary = (
            kaplanYorke: LyapunovSpectrum.kaplanYorkeDimension(of: exponentsMean),
            positiveSum: exponentsMean.filter { $0 > 0 }.reduce(0, +)
        )
        let windows = spectra.count == 1 ? first.finiteTimeExponents : []

        var outputs = SpectrumOutputs()
        if var figures = try out.figureSet() {
            let k = exponentsMean.count
            try figures.csv(
                "lyapunov-spectrum.csv", header: ["i", "i_over_n", "exponent", "standard_deviation"],
                columns: [
                    (1...k).map(Double.init), (1...k).map { Double($0) / Double(first.dimension) }, exponentsMean,
                    deviations,
                ])
            var svgs = ["lyapunov-spectrum.svg"]
            var script = """
                set output "lyapunov-spectrum.svg"
                set title \(FigureSet.quoted("Lyapunov spectrum (\(first.dimension) dimensions, \(first.steps) steps)"))
                set xlabel "i"; set ylabel "λ_i\(first.timeStep == 1 ? " (per step)" : " (per τ)")"
                set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead dt 2 lc rgb "gray40"
                plot "lyapunov-spectrum.csv" every ::1 using 1:3 with linespoints pt 7 ps 0.4 lw 1.5 lc rgb "#4477aa" title "λ_i (QR method)"

                """
            if !windows.isEmpty {
                let shown = min(k, 5)
                var columns: [[Double]] = [(1...windows.count).map { Double($0 * (first.windowSteps ?? 1)) }]
                var header = ["end_step"]
                for i in 0..<k {
                    header.append("lambda_\(i + 1)")
                    columns.append(windows.map { $0[i] })
                }
                try figures.csv("lyapunov-finite-time.csv", header: header, columns: columns)
                let plots = (0..<shown).map {
                    "\"lyapunov-finite-time.csv\" every ::1 using 1:\($0 + 2) with linespoints pt 7 ps 0.4 title \"λ_\($0 + 1)\""
                }
                script += """
                    unset arrow 1
                    set output "lyapunov-finite-time.svg"
                    set title "Finite-time exponents over windows of \(first.windowSteps ?? 0) steps"
                    set xlabel "accumulated steps at the end of the window"; set ylabel "exponent"
                    plot \(plots.joined(separator: ", \\\n     "))

                    """
                svgs.append("lyapunov-finite-time.svg")
            }
            try figures.render(script: "lyapunov.gp", script, svgs: svgs)
            outputs.figures = figures
        }
        var arrays: [(String, [Int], [Double])] = [("exponents", [exponentsMean.count], exponentsMean)]
        if !windows.isEmpty {
            arrays.append(("finite_time_exponents", [windows.count, exponentsMean.count], windows.flatMap { $0 }))
        }
        arrays.append(("leading_vector", [first.leadingVector.count], first.leadingVector))
        outputs.saved = try out.saveArrays(arrays)
        let identityError = logDet.map { abs(sum - $0) }
        try out.emit(
            console: console, outputs: outputs,
            plain: {
                var lines = description
                lines.append(Self.phasesText(first))
                var top = "largest exponent λ₁ = \(NumberText.format(exponentsMean[0]))"
                if spectra.count > 1 {
                    top += " ± \(NumberText.format(deviations[0])) (sd over \(spectra.count) sequences)"
                }
                top +=
                    "; two trajectories: "
                    + (twoTrajectory.map(NumberText.format)
                        ?? twoTrajectoryFailure.map { "undefined (\($0))" } ?? "not computed")
                if let meanField { top += "; annealed mean field: \(NumberText.format(meanField))" }
                lines.append(top)
                if !origin.isEmpty {
                    let gap = zip(origin, exponentsMean).map { abs($0 - $1) }.max() ?? 0
                    lines.append(
                        "exponents of the fixed point h = 0 (exact when it attracts): largest \(NumberText.format(origin[0])); max |λ_i − λ_i(0)| = \(NumberText.format(gap))"
                    )
                }
                if let logDet, let identityError {
                    lines.append(
                        "sum of the exponents \(NumberText.format(sum)); mean log|det D_t| \(NumberText.format(logDet)) (difference \(NumberText.format(identityError)))"
                    )
                } else {
                    lines.append(
                        "sum of the \(exponentsMean.count) exponents \(NumberText.format(sum)); mean log|det D_t| not computed (needs all \(first.dimension) exponents)"
                    )
                }
                lines.append(
                    "Kaplan–Yorke dimension \(summary.kaplanYorke.map(NumberText.format) ?? "undetermined (the partial sums stay ≥ 0; compute more exponents)"); sum of positive exponents \(NumberText.format(summary.positiveSum)); participation ratio of the leading vector \(NumberText.format(participation))"
                )
                lines.append(spectra.count > 1 ? "i,exponent,standard_deviation" : "i,exponent")
                for (i, x) in exponentsMean.enumerated() {
                    lines.append(
                        "\(i + 1),\(NumberText.format(x))"
                            + (spectra.count > 1 ? ",\(NumberText.format(deviations[i]))" : ""))
                }
                return lines
            },
            json: {
                extraJSON + [
                    ("system", .object(system)), ("exponents", .numbers(exponentsMean)), ("sum", .number(sum)),
                    ("mean_log_abs_det", .optional(logDet)), ("two_trajectory_lambda1", .optional(twoTrajectory)),
                    ("identity_error", .optional(identityError)), ("mean_field_lambda1", .optional(meanField)),
                    ("origin_exponents", origin.isEmpty ? .null : .numbers(origin)),
                    ("exponent_standard_deviations", .numbers(deviations)),
                    ("kaplan_yorke_dimension", .optional(summary.kaplanYorke)),
                    ("positive_exponent_sum", .number(summary.positiveSum)),
                    ("leading_vector_participation_ratio", .number(participation)),
                    ("dimension", .integer(first.dimension)), ("steps", .integer(first.steps)),
                    ("transient_steps", .integer(first.transientSteps)), ("warm_up_steps", .integer(first.warmUpSteps)),
                    ("renormalization_interval", .integer(first.renormalizationInterval)),
                    ("time_step", .number(first.timeStep)), ("window_steps", .optional(first.windowSteps)),
                    ("finite_time_exponents", .array(windows.map(JSONValue.numbers))),
                ]
            })
    }
}
