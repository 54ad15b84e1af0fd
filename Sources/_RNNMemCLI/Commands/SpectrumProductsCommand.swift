import ArgumentParser
import Foundation
import RNNMemory

/// `--anchor end|start` of `spectrum products`.
enum ProductAnchorArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case end, start
}

/// `rnnmem spectrum products`: singular values of the Jacobian products ∂s_t/∂s_k against the lag t − k, and the
/// bound of Pascanu, Mikolov & Bengio (2013).
struct SpectrumProductsCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract: "Singular values of the Jacobian products ∂s_t/∂s_k against the lag t − k; the Pascanu bound.",
        discussion: """
            The products J_(t,k) = D_t D_(t−1) ⋯ D_(k+1) = ∂s_t/∂s_k of the exact state Jacobians along one sequence \
            (--sequence), for lags ℓ = t − k = 1 … K (--lags K; default every lag the sequence allows). With \
            --anchor end (default) t is fixed (--time, default T) and k = t − ℓ: how the gradient at t reaches back; \
            with --anchor start k is fixed (--time k, default 0) and t = k + ℓ: how a perturbation at k grows. The \
            products are kept as Q·diag(e^ℓ)·U with QR re-orthonormalisation after every factor, never formed raw, \
            so singular values far outside the floating-point range are exact; they are reported as natural \
            logarithms log σ_1 ≥ … ≥ log σ_S. (1/ℓ)·log σ_i are finite-time Lyapunov exponents; σ_1 falling or \
            rising geometrically in ℓ is the vanishing or exploding gradient (Bengio, Simard & Frasconi 1994).

            Pascanu, Mikolov & Bengio (2013, ICML, §2.1): for a one-layer tanh RNN, ‖J_(t,k)‖₂ ≤ σ_max(W_hh)^(t−k). \
            It is checked at every lag and reported as holding, or violated at the first lag where it fails (with \
            t and k); for other networks it is reported as not applicable.

            Report: the anchor, the bound, then one row per lag: lag, t, k, log σ_max, log σ_min, (1/ℓ)·log σ_max \
            and the bound's margin ℓ·log σ_max(W) − log σ_max (≥ 0 where it holds). '-inf (zero)' is an exactly \
            zero singular value (log 0, e.g. with a zero recurrent matrix); where the product itself is zero the \
            bound holds trivially and the margin cell is left blank (undefined).

            JSON keys: the network and data (as 'jacobian'), sequence, anchor, time, state_size, lags, \
            log_singular_values (per lag, descending), log_spectral_norms, finite_time_exponents ((1/ℓ)·log σ_i at \
            the largest lag), pascanu {applicable, reason, gamma, recurrent_norm, holds, first_violation {lag, t, \
            k} or null, log_margins}, figures, saved. A logarithm of an exactly zero value ('-inf (zero)' in the \
            report) is null in JSON, and so is the margin of a zero product; any other non-finite result is an \
            error.

            --figures DIR: products-singular-values.svg (σ_i against the lag, log axis, with the Pascanu bound; \
            products-singular-values.csv holds log10 σ_i per lag). --save DIR: lags [L], log_singular_values \
            [L, S], pascanu_log_margins [L] (when applicable).
            """)

    @OptionGroup var network: SpectrumNetworkOptions

    @OptionGroup(title: "Data") var data: DataOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Which sequence of the data (0-based; default 0).", valueName: "b"))
    var sequence: Int = 0

    @Option(
        help: ArgumentHelp(
            "Fix the end t of the products (end, default) or their start k (start).",
            valueName: "end|start"))
    var anchor: ProductAnchorArgument = .end

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The fixed time: t with --anchor end (default T), k with --anchor start (default 0).",
            valueName: "t"))
    var time: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Largest lag K (default: every lag possible).", valueName: "K"))
    var lags: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed of a new network and of task data (as 'train').", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Output") var out: SpectrumOutputOptions

    func run(console: Console) throws {
        let subject = try SpectrumSubject.load(network: network, data: data, seed: seed, console: console)
        let model = subject.model
        let (x, _) = try subject.sequence(sequence)
        try subject.requireFiniteTrajectory(sequences: sequence..<(sequence + 1))
        let steps = x.steps
        let productAnchor: ProductAnchor
        let maximumLag: Int
        switch anchor {
        case .end:
            let t = time ?? steps
            guard t >= 1 && t <= steps else {
                throw CLIError.invalidArgument(
                    "--time", String(t), "the end t must lie in 1…\(steps) (the data's steps)")
            }
            productAnchor = .end(t)
            maximumLag = t
        case .start:
            let k = time ?? 0
            guard k >= 0 && k < steps else {
                throw CLIError.invalidArgument("--time", String(k), "the start k must lie in 0…\(steps - 1)")
            }
            productAnchor = .start(k)
            maximumLag = steps - k
        }
        let largest = lags ?? maximumLag
        guard largest >= 1 && largest <= maximumLag else {
            throw CLIError.invalidArgument(
                "--lags", String(largest), "must lie in 1…\(maximumLag) for this anchor and time")
        }
        let s = model.stateSize
        try MemoryBudget.check(
            bytes: Double(largest) * Double(s) * Double(s) * 8 + Double(largest) * Double(s) * 8 + 64 * Double(s * s),
            for: "\(largest) Jacobians of size \(s) (--lags)")
        let context = "\(subject.data.description), sequence \(sequence)"
        let spectrum = try SpectrumErrors.checked(context: context, flags: ["lags": "--lags", "anchor": "--time"]) {
            try JacobianProductSpectrum(model: model, sequence: x, anchor: productAnchor, lags: Array(1...largest))
        }
        let pascanu = Self.pascanu(spectrum, model: model)

        var outputs = SpectrumOutputs()
        if var figures = try out.figureSet() {
            try Self.drawFigures(spectrum, pascanu: pascanu.check, into: &figures)
            outputs.figures = figures
        }
        var arrays: [(String, [Int], [Double])] = [
            ("lags", [largest], spectrum.lags.map(Double.init)),
            ("log_singular_values", [largest, s], spectrum.logSingularValues.flatMap { $0 }),
        ]
        if let check = pascanu.check { arrays.append(("pascanu_log_margins", [largest], check.logMargins)) }
        outputs.saved = try out.saveArrays(arrays)
        let fixed = time ?? (anchor == .end ? steps : 0)
        try out.emit(
            console: console, outputs: outputs,
            plain: {
                var lines = subject.headerLines
                lines.append(
                    anchor == .end
                        ? "sequence \(sequence): products J_(t,t−ℓ) = ∂s_t/∂s_(t−ℓ) at t = \(fixed), lags 1…\(largest), S = \(s)"
                        : "sequence \(sequence): products J_(k+ℓ,k) = ∂s_(k+ℓ)/∂s_k at k = \(fixed), lags 1…\(largest), S = \(s)"
                )
                lines.append(pascanu.text)
                lines.append("lag,t,k,log_sigma_max,log_sigma_min,growth_rate,bound_margin")
                for (i, lag) in spectrum.lags.enumerated() {
                    let row = spectrum.logSingularValues[i]
                    let (t, k) = spectrum.times(lag: lag)
                    let top = row.first ?? -.infinity
                    // An exactly zero product satisfies the bound trivially; its log-margin (log 0 on one side,
                    // possibly on both) is undefined: a blank cell.
                    let margin =
                        top == -.infinity ? "" : (pascanu.check.map { NumberText.format($0.logMargins[i]) } ?? "")
                    lines.append(
                        "\(lag),\(t),\(k),\(SpectrumFormat.log(top)),\(SpectrumFormat.log(row.last ?? -.infinity)),"
                            + "\(SpectrumFormat.log(top / Double(lag))),\(margin)")
                }
                if let last = spectrum.growthRates.last {
                    lines.append(
                        "finite-time exponents (1/ℓ)·log σ_i at ℓ = \(largest): "
                            + last.prefix(8).map(SpectrumFormat.log).joined(separator: ", ")
                            + (last.count > 8 ? ", …" : ""))
                }
                return lines
            },
            json: {
                subject.jsonFields + [
                    ("sequence", .integer(sequence)), ("anchor", .string(anchor.rawValue)), ("time", .integer(fixed)),
                    ("state_size", .integer(s)), ("lags", .array(spectrum.lags.map(JSONValue.integer))),
                    ("log_singular_values", .array(spectrum.logSingularValues.map(SpectrumFormat.jsonLogs))),
                    ("log_spectral_norms", SpectrumFormat.jsonLogs(spectrum.logSpectralNorms)),
                    ("finite_time_exponents", SpectrumFormat.jsonLogs(spectrum.growthRates.last ?? [])),
                    ("pascanu", pascanu.json),
                ]
            })
    }

    /// The Pascanu bound for a one-layer tanh RNN; otherwise why it does not apply.
    static func pascanu(_ spectrum: JacobianProductSpectrum, model: any RecurrentModel)
        -> (check: PascanuBoundCheck?, text: String, json: JSONValue)
    {
        guard let rnn = model as? TanhRNN, rnn.layerCount == 1 else {
            let reason =
                model.architecture == .tanhRNN
                ? "the bound is stated for one recurrent matrix; this network has \(model.layerCount) layers"
                : "the bound is stated for the vanilla tanh RNN; this network is \(model.architecture.rawValue)"
            return (
                nil, "Pascanu et al. bound: not applicable (\(reason))",
                .object([("applicable", .bool(false)), ("reason", .string(reason))])
            )
        }
        guard let check = try? PascanuBoundCheck(products: spectrum, model: rnn) else {
            let reason = "σ_max(W_hh) could not be computed"
            return (
                nil, "Pascanu et al. bound: not applicable (\(reason))",
                .object([("applicable", .bool(false)), ("reason", .string(reason))])
            )
        }
        var text =
            "Pascanu et al. bound ‖J‖₂ ≤ σ_max(W_hh)^ℓ, σ_max(W_hh) = \(NumberText.format(check.recurrentNorm)): "
        let violation: JSONValue
        if let v = check.firstViolation {
            text += "violated at lag \(v.lag) (t = \(v.t), k = \(v.k))"
            violation = .object([("lag", .integer(v.lag)), ("t", .integer(v.t)), ("k", .integer(v.k))])
        } else {
            text += "holds at every lag 1…\(check.lags.last ?? 0)"
            violation = .null
        }
        return (
            check, text,
            .object([
                ("applicable", .bool(true)), ("reason", .null), ("gamma", .number(check.gamma)),
                ("recurrent_norm", .number(check.recurrentNorm)), ("holds", .bool(check.holds)),
                ("first_violation", violation),
                (
                    "log_margins",
                    zip(check.logMargins, spectrum.logSpectralNorms).contains { $0.1 == -.infinity }
                        ? .array(
                            zip(check.logMargins, spectrum.logSpectralNorms).map {
                                $0.1 == -.infinity ? .null : .number($0.0)
                            })
                        : .numbers(check.logMargins)
                ),
            ])
        )
    }

    static func drawFigures(
        _ spectrum: JacobianProductSpectrum, pascanu: PascanuBoundCheck?, into figures: inout FigureSet
    )
        throws(CLIError)
    {
        let s = spectrum.logSingularValues.first?.count ?? 0
        // Up to 24 singular values: the largest, the smallest and evenly spaced ones between.
        let shown = Array(Set(Swift.stride(from: 0, to: s, by: max(1, (s + 21) / 22)).map { $0 } + [0, s - 1])).sorted()
        let log10e = 1 / Double.log(10)
        var columns: [[Double]] = [spectrum.lags.map(Double.init)]
        var header = ["lag"]
        for i in shown {
            header.append("log10_sigma_\(i + 1)")
            columns.append(spectrum.logSingularValues.map { $0[i] * log10e })
        }
        if let pascanu {
            header.append("log10_pascanu_bound")
            columns.append(
                spectrum.lags.map { Double($0) * Double.log(pascanu.gamma * pascanu.recurrentNorm) * log10e })
        }
        try figures.csv("products-singular-values.csv", header: header, columns: columns)
        var plots: [String] = []
        for (c, i) in shown.enumerated() {
            let title = i == 0 ? "σ_1" : (i == s - 1 ? "σ_{\(s)}" : "")
            let colour = i == 0 ? "#ee6677" : (i == s - 1 ? "#4477aa" : "gray60")
            plots.append(
                "\"products-singular-values.csv\" every ::1 using 1:\(c + 2) with lines lw \(i == 0 || i == s - 1 ? 2 : 1) lc rgb \"\(colour)\" "
                    + (title.isEmpty ? "notitle" : "title \"\(title)\""))
        }
        if pascanu != nil {
            plots.append(
                "\"products-singular-values.csv\" every ::1 using 1:\(shown.count + 2) with lines lw 2 dt 2 lc rgb \"black\" title \"Pascanu bound σ_{max}(W)^ℓ\""
            )
        }
        let title: String
        switch spectrum.anchor {
        case .end(let t): title = "Singular values of ∂s_{\(t)}/∂s_{\(t)−ℓ}"
        case .start(let k): title = "Singular values of ∂s_{\(k)+ℓ}/∂s_{\(k)}"
        }
        let script = """
            set output "products-singular-values.svg"
            set title \(FigureSet.quoted(title))
            set xlabel "lag ℓ"; set ylabel "σ_i (log scale)"
            set format y "10^{%g}"
            plot \(plots.joined(separator: ", \\\n     "))

            """
        try figures.render(script: "products.gp", script, svgs: ["products-singular-values.svg"])
    }
}
