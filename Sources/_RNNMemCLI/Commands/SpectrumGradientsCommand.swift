import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem spectrum gradients`: ‖∂L_t/∂s_(t−ℓ)‖ against the lag ℓ — vanishing and exploding gradients.
struct SpectrumGradientsCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradients",
        abstract: "Norm of the gradient ∂L_t/∂s_(t−ℓ) of one step's loss against the lag ℓ (vanishing, exploding).",
        discussion: """
            For the loss term of step t (--time, default T) of one sequence (--sequence), L_t = \
            (c/d_out)·Σ_k (ŷ_(t,k) − y_(t,k))² with c = ½ (half-mse, the default and the tasks' loss) or 1 (--loss \
            mse), the gradient with respect to the state ℓ steps earlier, ∂L_t/∂s_(t−ℓ) = (∂L_t/∂y_t)(∂y_t/∂s_(t−1)) \
            D_(t−1) ⋯ D_(t−ℓ+1), is propagated by exact Jacobian transposes with its scale kept apart, so norms far \
            below 1e-308 or above 1e308 are exact (reported as natural logarithms; '-inf (zero)' for an exactly \
            zero gradient). Data without targets use the unit cotangent ∂L_t/∂y_t = (1, …, 1)/√d_out. The norms are \
            given over the joint state of all layers and over the hidden part h of the last layer (for the LSTM \
            without its cell state). The slope of log‖∂L_t/∂s_(t−ℓ)‖ against ℓ (least squares over the lags) is the \
            rate per step at which the gradient decays (negative: vanishing) or grows (positive: exploding) \
            (Bengio, Simard & Frasconi 1994; Pascanu, Mikolov & Bengio 2013).

            JSON keys: the network and data (as 'jacobian'), sequence, time, cotangent (loss or unit), loss_kind, \
            lags, log_state_norms, log_hidden_norms (null for an exactly zero gradient, '-inf (zero)' in the \
            report), log_norm_slope (null with fewer than two non-zero norms), \
            figures, saved.

            --figures DIR: gradients.svg (both norms against ℓ, log axis; gradients.csv holds log10 of them). \
            --save DIR: lags, log_state_norms, log_hidden_norms.
            """)

    @OptionGroup var network: SpectrumNetworkOptions

    @OptionGroup(title: "Data") var data: DataOptions

    @OptionGroup(title: "Loss") var loss: LossOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Which sequence of the data (0-based; default 0).", valueName: "b"))
    var sequence: Int = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("The step t of the loss term (default T).", valueName: "t"))
    var time: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Largest lag K ≤ t (default t).", valueName: "K"))
    var lags: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed of a new network and of task data (as 'train').", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Output") var out: SpectrumOutputOptions

    func run(console: Console) throws {
        try loss.validateValues(isTask: data.isTask)
        let subject = try SpectrumSubject.load(network: network, data: data, seed: seed, console: console)
        let model = subject.model
        let (x, y) = try subject.sequence(sequence)
        try subject.requireFiniteTrajectory(sequences: sequence..<(sequence + 1))
        let t = time ?? x.steps
        guard t >= 1 && t <= x.steps else {
            throw CLIError.invalidArgument("--time", String(t), "must lie in 1…\(x.steps) (the data's steps)")
        }
        let largest = lags ?? t
        guard largest >= 1 && largest <= t else {
            throw CLIError.invalidArgument("--lags", String(largest), "must lie in 1…\(t) (--time)")
        }
        // The loss's scale and burn-in: the task's own loss, or --loss/--burn-in for data files.
        var halved = loss.kind == .halfMSE
        var burnIn = loss.burnIn ?? 0
        if let taskLoss = subject.data.loss {
            guard let mse = taskLoss as? MeanSquaredError else {
                throw CLIError("--task \(subject.data.task?.name.rawValue ?? ""): its loss is not a mean squared error")
            }
            halved = mse.halved
            switch mse.mask {
            case .allSteps: burnIn = 0
            case .fromStep(let k): burnIn = k
            case .lastStep: burnIn = x.steps - 1
            case .weights: burnIn = 0
            }
        }
        if y != nil && t <= burnIn {
            throw CLIError.invalidArgument(
                "--time", String(t), "step \(t) is not scored by the loss (its first \(burnIn) steps are left out)")
        }
        let s = model.stateSize
        try MemoryBudget.check(
            bytes: Double(largest) * Double(s) * Double(s) * 8, for: "\(largest) Jacobians of size \(s) (--lags)")
        let context = "\(subject.data.description), sequence \(sequence)"
        let profile = try SpectrumErrors.checked(context: context, flags: ["maximumLag": "--lags", "time": "--time"]) {
            if let y {
                return try GradientNormProfile(
                    model: model, sequence: x, targets: y, halved: halved, at: t, maximumLag: largest)
            }
            let d = model.outputSize
            return try GradientNormProfile(
                model: model, sequence: x, outputGradient: [Double](repeating: 1 / Double(d).squareRoot(), count: d),
                at: t,
                maximumLag: largest)
        }
        let slope = Self.slope(profile.lags, profile.logStateNorms)

        var outputs = SpectrumOutputs()
        if var figures = try out.figureSet() {
            try Self.drawFigures(profile, into: &figures)
            outputs.figures = figures
        }
        outputs.saved = try out.saveArrays([
            ("lags", [largest], profile.lags.map(Double.init)),
            ("log_state_norms", [largest], profile.logStateNorms),
            ("log_hidden_norms", [largest], profile.logHiddenNorms),
        ])
        let cotangent = y == nil ? "unit" : "loss"
        let lossKind = halved ? "half-mse" : "mse"
        try out.emit(
            console: console, outputs: outputs,
            plain: {
                var lines = subject.headerLines
                lines.append(
                    y == nil
                        ? "sequence \(sequence): gradient of the unit cotangent at t = \(t) (no targets), lags 1…\(largest)"
                        : "sequence \(sequence): gradient of the loss term of step t = \(t) (\(lossKind)), lags 1…\(largest)"
                )
                if let slope {
                    lines.append(
                        "slope of log‖∂L_t/∂s_(t−ℓ)‖ against ℓ: \(NumberText.format(slope)) per step (factor \(NumberText.format(Double.exp(slope))) per step: \(slope < 0 ? "decaying, vanishing gradients" : "growing, exploding gradients"))"
                    )
                } else {
                    lines.append("slope of log‖∂L_t/∂s_(t−ℓ)‖ against ℓ: undefined (fewer than two non-zero norms)")
                }
                lines.append("lag,k,log_state_norm,log_hidden_norm")
                for (i, lag) in profile.lags.enumerated() {
                    lines.append(
                        "\(lag),\(t - lag),\(SpectrumFormat.log(profile.logStateNorms[i])),\(SpectrumFormat.log(profile.logHiddenNorms[i]))"
                    )
                }
                return lines
            },
            json: {
                subject.jsonFields + [
                    ("sequence", .integer(sequence)), ("time", .integer(t)), ("cotangent", .string(cotangent)),
                    ("loss_kind", .string(lossKind)), ("lags", .array(profile.lags.map(JSONValue.integer))),
                    ("log_state_norms", SpectrumFormat.jsonLogs(profile.logStateNorms)),
                    ("log_hidden_norms", SpectrumFormat.jsonLogs(profile.logHiddenNorms)),
                    ("log_norm_slope", slope.map(JSONValue.number) ?? .null),
                ]
            })
    }

    /// Least-squares slope of y against x over the finite y (nil for fewer than two).
    static func slope(_ x: [Int], _ y: [Double]) -> Double? {
        let points = zip(x, y).filter { $0.1.isFinite }.map { (Double($0.0), $0.1) }
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.0 } / n, my = points.reduce(0) { $0 + $1.1 } / n
        let sxx = points.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        let sxy = points.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        return sxx > 0 ? sxy / sxx : nil
    }

    static func drawFigures(_ profile: GradientNormProfile, into figures: inout FigureSet) throws(CLIError) {
        let log10e = 1 / Double.log(10)
        try figures.csv(
            "gradients.csv", header: ["lag", "log10_state_norm", "log10_hidden_norm"],
            columns: [
                profile.lags.map(Double.init), profile.logStateNorms.map { $0 * log10e },
                profile.logHiddenNorms.map { $0 * log10e },
            ])
        let script = """
            set output "gradients.svg"
            set title "Gradient of the loss at t = \(profile.time) with respect to the state ℓ steps earlier"
            set xlabel "lag ℓ"; set ylabel "norm (log scale)"
            set format y "10^{%g}"
            plot "gradients.csv" every ::1 using 1:2 with linespoints pt 7 ps 0.4 lw 2 lc rgb "#ee6677" title "‖∂L_t/∂s_{t−ℓ}‖ (joint state)", \\
                 "gradients.csv" every ::1 using 1:3 with lines lw 1.5 dt 2 lc rgb "#4477aa" title "‖∂L_t/∂h_{t−ℓ}‖ (last layer's h)"

            """
        try figures.render(script: "gradients.gp", script, svgs: ["gradients.svg"])
    }
}
