import ArgumentParser
import Foundation
import RNNMemory

/// `--target output|hidden|state` (``ResponseCoefficients/Target``).
enum ResponseTargetArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case output, hidden, state

    var target: ResponseCoefficients.Target {
        switch self {
        case .output: return .output
        case .hidden: return .hidden
        case .state: return .state
        }
    }
}

/// `--magnitude norm-of-mean|mean-of-norm` (``ResponseCoefficients/Magnitude``).
enum ResponseMagnitudeArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case normOfMean = "norm-of-mean"
    case meanOfNorm = "mean-of-norm"

    var magnitude: ResponseCoefficients.Magnitude { self == .normOfMean ? .normOfMean : .meanOfNorm }
}

/// `rnnmem memory response`: Zhao et al.'s response coefficients A_k and the decay verdict.
struct MemoryResponseCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "response",
        abstract: "Response coefficients A_k = ∂y_t/∂x_(t−k) (Zhao et al. 2020, Definition 3) and their decay verdict.",
        discussion: """
            Writing y_t ≈ Σ_(k≥0) A_k x_(t−k), a network has long memory when A_k decays polynomially rather than \
            geometrically (Zhao, Huang, Li & Chen 2020, "Do RNN and LSTM have long memory?", ICML, Definition 3). \
            Here Ā_k = (1/n) Σ_t ∂y_t/∂x_(t−k), exact by forward mode, averaged over the same time points t = \
            burn-in + b + 1 … T of every sequence for every k = 0 … b; for Gaussian i.i.d. inputs it is the \
            coefficient of x_(t−k) in the best linear predictor of y_t (Stein's lemma). a_k = ‖Ā_k‖_F \
            (--magnitude norm-of-mean, the default) or the mean norm E‖∂y_t/∂x_(t−k)‖_F (mean-of-norm, which \
            cannot cancel between time points — the robust choice for gated cells); --target hidden or state takes \
            the last layer's h or the joint state instead of the output.

            Verdict over the k range --lags a:b (default 5:60): least-squares lines of log a_k against k \
            (exponential, rate r per step, ratio e^(−r)) and against log(k + k₀) (power law, exponent p; k₀ = \
            --lag-offset, default 0). exponential if R²_exp ≥ --min-r-squared (0.99) and the power law leaves at \
            least --dominance (2) times as much unexplained variance; power-law symmetrically; inconclusive \
            otherwise. A contracting RNN or LSTM decays geometrically (Zhao et al.'s Theorem 1 and Corollaries); the \
            fractional filter of MRNNF has taps w_j(d) ~ j^(−1−d). For a one-layer tanh RNN the exact bound \
            ‖∂h_t/∂x_(t−k)‖₂ ≤ ‖U‖₂‖W‖₂^k is checked at every (t, k). Input: generated --input iid (default) of \
            --sequences B (default 4) × --length T (default b + 250), or --data/--task.

            JSON keys: coefficients (a_k, k = 0 … b), verdict (exponential, power-law or inconclusive), rate, \
            exponent (both fits are always reported), ratio (e^(−rate)), lags [a, b], target, magnitude, \
            exponential_fit and power_law_fit {intercept, slope, r_squared}, criterion {min_r_squared, dominance, \
            lag_offset}, reason, bound ({recurrent_norm, input_norm, pairs, violations, worst_ratio, holds}, tanh \
            RNN only, else null), times [first, last], sequences, input, network, figures, saved. --figures DIR: \
            response.csv (k, coefficient, exponential_fit, power_law_fit), response-log.svg (logarithmic a_k \
            against k) and response-loglog.svg (log–log axes), both with the two fits. --save DIR: \
            coefficients.npy, mean_coefficients.npy [b + 1, rows, d_in] (Ā_k of the target), mean_norm.npy.
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions
    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Generated input") var input: ProbeInputOptions

    @Option(
        help: ArgumentHelp(
            "The k range a:b of the fits (coefficients are computed for k = 0 … b; default 5:60).", valueName: "a:b"))
    var lags: LagRange?

    @Option(
        help: ArgumentHelp(
            "output (∂y_t/∂x_(t−k)), hidden (last layer's h) or state (the joint state).", valueName: "target"))
    var target: ResponseTargetArgument = .output

    @Option(
        help: ArgumentHelp(
            "norm-of-mean (‖Ā_k‖_F, Definition 3's A_k) or mean-of-norm (E‖∂·/∂x_(t−k)‖_F).", valueName: "kind"))
    var magnitude: ResponseMagnitudeArgument = .normOfMean

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Steps before the first averaged window (default: generated input 50, at most half the steps left after b; data 0).",
            valueName: "n"))
    var burnIn: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("R² the winning fit must reach, in [0, 1] (default 0.99).", valueName: "r2"))
    var minRSquared: Double = 0.99

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "How many times more unexplained variance the losing fit must leave, ≥ 1 (default 2).", valueName: "x"))
    var dominance: Double = 2

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("k₀ of the power law (k + k₀)^(−p), ≥ 0 (default 0).", valueName: "k0"))
    var lagOffset: Double = 0

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed: a new network from s, the generated input or the task's data from s + 1.", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup var figures: FiguresOption
    @OptionGroup var save: SaveOptions
    @OptionGroup var output: OutputOptions

    var fitLags: ClosedRange<Int> { lags?.range ?? 5...60 }

    func validateValues() throws(CLIError) {
        try network.validateValues()
        let hasData = ProbeSetup.hasData(data)
        if hasData {
            try data.validateValues()
        } else if let t = data.task.length {
            try Arguments.count(t, "--length", minimum: 2)
        }
        try input.validateValues(hasData: hasData)
        guard fitLags.upperBound <= 100_000 else {
            throw CLIError.invalidArgument(
                "--lags", "\(fitLags.lowerBound):\(fitLags.upperBound)", "the largest lag must be ≤ 100000")
        }
        if let burnIn {
            guard burnIn >= 0 else { throw CLIError.invalidArgument("--burn-in", String(burnIn), "must be ≥ 0") }
        }
        guard minRSquared.isFinite, minRSquared >= 0, minRSquared <= 1 else {
            throw CLIError.invalidArgument("--min-r-squared", NumberText.format(minRSquared), "must lie in [0, 1]")
        }
        guard dominance.isFinite, dominance >= 1 else {
            throw CLIError.invalidArgument("--dominance", NumberText.format(dominance), "must be a finite number ≥ 1")
        }
        guard lagOffset.isFinite, lagOffset >= 0 else {
            throw CLIError.invalidArgument("--lag-offset", NumberText.format(lagOffset), "must be a finite number ≥ 0")
        }
        if fitLags.lowerBound == 0 && lagOffset == 0 {
            throw CLIError.invalidArgument(
                "--lags", "0:\(fitLags.upperBound)", "the power law needs k + k₀ > 0: start at 1 or set --lag-offset")
        }
        guard fitLags.count >= 3 else {
            throw CLIError.invalidArgument(
                "--lags", "\(fitLags.lowerBound):\(fitLags.upperBound)", "needs at least 3 lags")
        }
    }

    func run(console: Console) throws {
        try validateValues()
        let b = fitLags.upperBound
        let hasData = ProbeSetup.hasData(data)
        let steps = data.task.length ?? (b + 50 + 200)
        let burn = burnIn ?? (hasData ? 0 : min(50, max(0, (steps - b - 1) / 2)))
        let setup = try ProbeSetup.load(
            network: network, data: data, input: input, seed: seed,
            steps: { (_: any RecurrentModel) throws(CLIError) -> Int in
                try Arguments.count(steps, "--length")
                return steps
            },
            sequences: 4, fallback: .gaussian, console: console)
        let model = setup.network.model
        let T = setup.inputs.steps
        guard b < T else {
            throw CLIError.invalidArgument(
                "--lags", "\(fitLags.lowerBound):\(b)", "the largest lag must be smaller than the sequence length \(T)")
        }
        guard burn + b + 1 <= T else {
            throw CLIError.invalidArgument(
                "--burn-in", String(burn), "with the largest lag \(b) leaves no time point in a sequence of \(T) steps")
        }
        let flags = ["maxLag": "--lags", "burnIn": "--burn-in", "lags": "--lags", "inputs": "--data"]
        let response = try ProbeErrors.run(flags) {
            try ResponseCoefficients.compute(model: model, inputs: setup.inputs, maxLag: b, burnIn: burn)
        }
        let criterion = DecayFit.Criterion(minimumRSquared: minRSquared, dominance: dominance, lagOffset: lagOffset)
        let fit = try ProbeErrors.run(flags) {
            try response.decay(
                lags: fitLags, target: target.target, magnitude: magnitude.magnitude, criterion: criterion)
        }
        let a = response.magnitudes(target.target, magnitude.magnitude)
        let means: [Matrix]
        let meanNorm: [Double]
        switch target {
        case .output: (means, meanNorm) = (response.output, response.outputMeanNorm)
        case .hidden: (means, meanNorm) = (response.hidden, response.hiddenMeanNorm)
        case .state: (means, meanNorm) = (response.state, response.stateMeanNorm)
        }
        let symbol = target == .output ? "y" : (target == .hidden ? "h" : "s")
        let measure =
            magnitude == .normOfMean ? "‖Ā_k‖_F with Ā_k = mean of ∂\(symbol)_t/∂x_(t−k)" : "E‖∂\(symbol)_t/∂x_(t−k)‖_F"
        func exponentialFit(_ k: Int) -> Double {
            Double.exp(fit.exponential.intercept + fit.exponential.slope * Double(k))
        }
        func powerFit(_ k: Int) -> Double {
            Double.exp(fit.powerLaw.intercept + fit.powerLaw.slope * Double.log(Double(k) + lagOffset))
        }

        var figureFiles: [String] = []
        if let dir = figures.figures {
            var f = try FigureSet(directory: dir, name: "response")
            let ks = Array(0...b)
            try f.table(
                "response.csv", header: ["k", "coefficient", "exponential_fit", "power_law_fit"],
                columns: [
                    ks.map(Double.init), a,
                    ks.map { fitLags.contains($0) ? exponentialFit($0) : nil },
                    ks.map { fitLags.contains($0) ? powerFit($0) : nil },
                ])
            let who = "\(model.architecture) (N = \(model.hiddenSize))"
            let expTitle =
                "exponential fit, rate \(ProbeText.fixed(fit.rate, 4)), R² \(ProbeText.fixed(fit.exponential.rSquared, 4))"
            let powTitle =
                "power-law fit, exponent \(ProbeText.fixed(fit.exponent, 3)), R² \(ProbeText.fixed(fit.powerLaw.rSquared, 4))"
            let plots = """
                plot "response.csv" every ::1 using 1:($2 > 0 ? $2 : 1/0) with points pt 7 ps 0.5 lc rgb "gray20" title "a_k", \\
                     "" every ::1 using 1:3 with lines lw 2 lc rgb "#2471a3" title \(FigureSet.quoted(expTitle)), \\
                     "" every ::1 using 1:4 with lines lw 2 dt 2 lc rgb "#c0392b" title \(FigureSet.quoted(powTitle))
                """
            let script = """
                set output "response-log.svg"
                set title \(FigureSet.quoted("Response coefficients of \(who): verdict \(fit.verdict.rawValue) (k = \(fitLags.lowerBound) … \(b))")) noenhanced
                set xlabel "lag k"
                set ylabel "a_k"
                set logscale y
                set format y "10^{%L}"
                \(plots)

                set output "response-loglog.svg"
                set logscale xy
                set xrange [0.8:*]
                \(plots)

                """
            try f.draw(
                script: script, svgs: ["response-log.svg", "response-loglog.svg"], title: "rnnmem memory response")
            f.reportProblem(to: console)
            figureFiles = f.paths
        }
        var arrays = ProbeArrays()
        try arrays.add("coefficients", a)
        if let first = means.first {
            var values: [Double] = []
            for m in means { for i in 0..<m.rows { for j in 0..<m.columns { values.append(m[i, j]) } } }
            try arrays.add("mean_coefficients", shape: [means.count, first.rows, first.columns], values: values)
        }
        try arrays.add("mean_norm", meanNorm)
        let saved = try arrays.write(save, console: console)

        func line(_ l: DecayFit.Line) -> JSONValue {
            .object([
                ("intercept", .number(l.intercept)), ("slope", .number(l.slope)), ("r_squared", .number(l.rSquared)),
            ])
        }
        let boundJSON: JSONValue =
            response.bound.map { bound in
                .object([
                    ("recurrent_norm", .number(bound.recurrentNorm)), ("input_norm", .number(bound.inputNorm)),
                    ("pairs", .integer(bound.pairs)), ("violations", .integer(bound.violations)),
                    ("worst_ratio", .number(bound.worstRatio)), ("holds", .bool(bound.holds)),
                ])
            } ?? .null
        try output.emit(
            to: console,
            plain: {
                var text = setup.network.summaryLine + "\ninput \(setup.description)\n"
                text +=
                    "response coefficients a_k = \(measure), t = \(response.times.lowerBound) … \(response.times.upperBound) of \(response.sequences) sequence\(response.sequences == 1 ? "" : "s")\n"
                var rows = [["k", "a_k"]]
                for (k, v) in a.enumerated() { rows.append([String(k), ProbeText.scientific(v)]) }
                text += ProbeText.columns(rows)
                text +=
                    "fits over k = \(fitLags.lowerBound) … \(b): exponential R² \(ProbeText.fixed(fit.exponential.rSquared)), rate \(ProbeText.fixed(fit.rate)) per step (ratio \(ProbeText.fixed(Double.exp(-fit.rate)))); power law R² \(ProbeText.fixed(fit.powerLaw.rSquared)), exponent \(ProbeText.fixed(fit.exponent))\n"
                text += "verdict: \(fit.verdict.rawValue) (\(fit.reason))\n"
                if let bound = response.bound {
                    text +=
                        "tanh bound ‖∂h_t/∂x_(t−k)‖₂ ≤ ‖U‖₂‖W‖₂^k (‖W‖₂ = \(ProbeText.fixed(bound.recurrentNorm)), ‖U‖₂ = \(ProbeText.fixed(bound.inputNorm))): \(bound.holds ? "holds" : "VIOLATED") at \(bound.pairs) pairs (t, k), \(bound.violations) violations, worst ratio \(ProbeText.fixed(bound.worstRatio))\n"
                }
                if !figureFiles.isEmpty { text += "figures: \(figureFiles.joined(separator: ", "))\n" }
                if !saved.isEmpty { text += "saved: \(saved.joined(separator: ", "))\n" }
                return text
            },
            json: {
                .object([
                    ("coefficients", .numbers(a)), ("verdict", .string(fit.verdict.rawValue)),
                    ("rate", .number(fit.rate)),
                    ("exponent", .number(fit.exponent)), ("ratio", .number(Double.exp(-fit.rate))),
                    ("lags", .array([.integer(fitLags.lowerBound), .integer(b)])), ("target", .string(target.rawValue)),
                    ("magnitude", .string(magnitude.rawValue)), ("exponential_fit", line(fit.exponential)),
                    ("power_law_fit", line(fit.powerLaw)),
                    (
                        "criterion",
                        .object([
                            ("min_r_squared", .number(minRSquared)), ("dominance", .number(dominance)),
                            ("lag_offset", .number(lagOffset)),
                        ])
                    ),
                    ("reason", .string(fit.reason)), ("bound", boundJSON),
                    ("times", .array([.integer(response.times.lowerBound), .integer(response.times.upperBound)])),
                    ("sequences", .integer(response.sequences)), ("input", setup.json),
                    ("network", .object(setup.network.jsonFields)),
                    ("figures", .array(figureFiles.map(JSONValue.string))),
                    ("saved", .array(saved.map(JSONValue.string))),
                ])
            })
    }
}
