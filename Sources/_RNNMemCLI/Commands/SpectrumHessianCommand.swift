import ArgumentParser
import Foundation
import RNNMemory

/// `--trace hutchinson|hutch++`.
extension TraceMethod: ExpressibleByArgument {}

/// `rnnmem spectrum hessian`: eigenvalues of the loss Hessian (Gauss–Newton, empirical Fisher), trace, localisation
/// of the top eigenvectors among the parameter groups, Adam's effective learning rates.
struct SpectrumHessianCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "hessian",
        abstract: "Eigenvalues, trace and localisation of the loss Hessian (or Gauss–Newton, empirical Fisher).",
        discussion: """
            The loss is the engine's mean squared error over every scored step, sequence and output of the data \
            (½·MSE by default and for the tasks; --loss mse, --burn-in k for --data files; a task uses its own \
            loss). Matrices (--matrix): hessian = ∂²L/∂θ² (exact Hessian-vector products, forward-over-reverse), \
            gauss-newton = JᵀH_ℓJ (positive semidefinite, = the Hessian at a zero-loss optimum), fisher = the \
            empirical Fisher Σ_n π_n g_n g_nᵀ of the per-sequence gradients (not the Fisher information in \
            general: Kunstner, Balles & Hennig 2019). --groups restricts the matrix to some parameter groups (its \
            principal submatrix).

            --method full (default for P ≤ 1500; P ≤ 4096): P products assemble the matrix, LAPACK dsyevd gives \
            every eigenvalue; --method lanczos: the --top k most positive and --bottom k most negative eigenpairs \
            by Lanczos with full reorthogonalisation (by sign, not magnitude), at most --lanczos-steps steps; every \
            returned pair has its residual ‖Av − λv‖ from an explicit product. Trace: exact with the full method; \
            otherwise (or with --trace) Hutchinson with --probes Rademacher vectors, or Hutch++ with --probes \
            products in all (≥ 6), with its standard error. Localisation of each top eigenvector v (unit): inverse \
            participation ratio Σ v_i⁴ (1/P spread, 1 one parameter), participation ratio 1/IPR, and per parameter \
            group the share Σ_(i∈g) v_i² (shares sum to 1), the IPR within the group and the enrichment share/(|g|/P). \
            --adam-state FILE: Adam's effective learning rates lr/(√v̂ + ε) per group (see --adam-state). \
            --diagonal: the diagonal of the matrix, summarised per group by its mean — exact with the full method \
            (standard error 0), else the estimate of Bekas, Kokiopoulou & Saad (2007) Σ z⊙Az / Σ z⊙z with --probes \
            Rademacher vectors, the group mean's standard error from the spread of its per-probe values.

            JSON keys: the network and data (as 'jacobian'), loss {kind, burn_in, value}, matrix, method, \
            dimension, groups, eigenvalues (ascending; full method, else null), top (descending) and bottom \
            (ascending) eigenvalues, residuals {top, bottom}, trace {estimate, standard_error, method, probes, \
            operator_products} (method exact for the full method without --trace), exact_trace (full) or null, \
            lanczos {steps, converged, restarts, operator_products} or null, relative_asymmetry (full) or null, \
            localization {groups [{name, size}], vectors [{eigenvalue, inverse_participation_ratio, \
            participation_ratio, group_shares, group_inverse_participation_ratios, group_enrichments}]}, adam \
            {file, optimizer, learning_rate, step_count, beta2, epsilon, groups [{name, count, mean, median, \
            minimum, maximum, geometric_mean}]} or null, diagonal {method (exact or bekas-kokiopoulou-saad), \
            probes, by_group [{group, size, mean, standard_error}]} or null (without --diagonal), figures, saved.

            --figures DIR: hessian-localization.svg (heat map of each top eigenvector's share per group; \
            hessian-localization.csv) and hessian-eigenvalues.svg (every eigenvalue against its index with the \
            full method, the top and bottom ones with Lanczos; hessian-eigenvalues.csv). --save DIR: eigenvalues \
            [P] and eigenvectors [P, P] (column j for eigenvalue j; full method), top_eigenvalues, \
            top_eigenvectors [P, k], top_residuals, bottom_eigenvalues, bottom_eigenvectors, bottom_residuals, \
            group_shares [k, groups], adam_rates [P], diagonal [P] and (estimate) diagonal_standard_errors [P] \
            with --diagonal.
            """)

    @OptionGroup var network: SpectrumNetworkOptions

    @OptionGroup(title: "Data") var data: DataOptions

    @OptionGroup(title: "Loss") var loss: LossOptions

    @OptionGroup(title: "Curvature") var curvature: CurvatureOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Number of most positive eigenpairs (default 5).", valueName: "k"))
    var top: Int = 5

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Number of most negative eigenpairs (default 5).", valueName: "k"))
    var bottom: Int = 5

    @Option(
        help: ArgumentHelp(
            "Trace estimator: hutchinson or hutch++ (default: exact with --method full, else hutchinson).",
            valueName: "name"))
    var trace: TraceMethod?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Trace: Hutchinson's probe vectors, or Hutch++'s products in all (default 30).", valueName: "n"))
    var probes: Int = 30

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Lanczos: largest number of steps (default min(P, max(80, 4(top + bottom) + 20))).", valueName: "m"))
    var lanczosSteps: Int?

    @Flag(
        help: ArgumentHelp(
            "Diagonal per group: exact with --method full, else estimated with --probes Rademacher vectors."))
    var diagonal = false

    @OptionGroup(title: "Adam") var adam: AdamStateOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of a new network and task data (as 'train'); start and probe vectors from s + 3.",
            valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Output") var out: SpectrumOutputOptions

    func run(console: Console) throws {
        guard top >= 0 else { throw CLIError.invalidArgument("--top", String(top), "must be ≥ 0") }
        guard bottom >= 0 else { throw CLIError.invalidArgument("--bottom", String(bottom), "must be ≥ 0") }
        try adam.validateValues()
        let c = try CurvatureSubject.load(
            network: network, data: data, loss: loss, curvature: curvature, seed: seed, console: console)
        let p = c.dimension
        let method = curvature.resolvedMethod(parameters: p)
        guard top <= p else {
            throw CLIError.invalidArgument("--top", String(top), "exceeds the \(p) parameters of the matrix")
        }
        guard bottom <= p else {
            throw CLIError.invalidArgument("--bottom", String(bottom), "exceeds the \(p) parameters of the matrix")
        }
        if method == .lanczos {
            guard top + bottom <= p else {
                throw CLIError.invalidArgument(
                    "--top", String(top), "with --bottom \(bottom) exceeds the \(p) parameters of the matrix")
            }
            if let m = lanczosSteps {
                guard m >= max(1, top + bottom) && m <= p else {
                    throw CLIError.invalidArgument(
                        "--lanczos-steps", String(m), "must lie in \(max(1, top + bottom))…\(p) (--top + --bottom … P)")
                }
            }
        } else {
            guard p <= 4096 else {
                throw CLIError(
                    "--method full: the matrix has \(p) parameters, more than 4096; use --method lanczos (or --groups)")
            }
            if lanczosSteps != nil { throw CLIError("--lanczos-steps applies with --method lanczos") }
            try MemoryBudget.check(
                bytes: 5 * 8 * Double(p) * Double(p), for: "the full \(p) × \(p) matrix (--method full)")
        }
        let traceMethod = trace ?? (method == .full ? nil : .hutchinson)
        if diagonal && method == .lanczos {
            guard probes >= 2 && probes <= 100_000 else {
                throw CLIError.invalidArgument(
                    "--probes", String(probes), "must lie in 2…100000 for the diagonal estimate")
            }
        }
        if let traceMethod {
            let minimum = traceMethod == .hutchinson ? 2 : 6
            guard probes >= minimum && probes <= 100_000 else {
                throw CLIError.invalidArgument(
                    "--probes", String(probes), "must lie in \(minimum)…100000 for \(traceMethod.rawValue)")
            }
        }
        let context = c.subject.data.description
        let lossValue = try c.lossValue()
        let seeds = SpectrumSeeds(seed)

        // Eigenpairs.
        var full: FullCurvatureSpectrum? = nil
        var lanczos: LanczosEigenpairs? = nil
        let topPairs: SymmetricEigenpairs
        let bottomPairs: SymmetricEigenpairs
        let expected = method == .full ? p : (lanczosSteps ?? min(p, max(80, 4 * (top + bottom) + 20))) + top + bottom
        let progress = SpectrumProgress(
            total: expected + (traceMethod.map { $0 == .hutchinson ? probes : probes / 3 * 3 } ?? 0)
                + (diagonal && method == .lanczos ? probes : 0),
            label: "hessian products", style: out.progress, console: console)
        c.counter.onProduct { n in progress.update(n) }
        switch method {
        case .full:
            let f = try SpectrumErrors.checked(context: context) {
                try FullCurvatureSpectrum(c.operator_, maximumDimension: 4096)
            }
            topPairs = try SpectrumErrors.checked(context: context, flags: ["k": "--top"]) {
                try f.extremePairs(top: top)
            }
            bottomPairs = try SpectrumErrors.checked(context: context, flags: ["k": "--bottom"]) {
                try f.extremePairs(bottom: bottom)
            }
            full = f
        case .lanczos:
            let l = try SpectrumErrors.checked(context: context) {
                try Lanczos.extremeEigenpairs(
                    of: c.operator_, top: top, bottom: bottom,
                    options: LanczosOptions(maximumSteps: lanczosSteps, seed: seeds.random))
            }
            topPairs = l.top
            bottomPairs = l.bottom
            lanczos = l
        }
        // Trace.
        var traceEstimate: TraceEstimate? = nil
        if let traceMethod {
            traceEstimate = try SpectrumErrors.checked(context: context) {
                switch traceMethod {
                case .hutchinson: return try StochasticTrace.hutchinson(c.operator_, probes: probes, seed: seeds.random)
                case .hutchPlusPlus:
                    return try StochasticTrace.hutchPlusPlus(
                        c.operator_, matrixVectorProducts: probes, seed: seeds.random)
                }
            }
        }
        // Diagonal.
        var diagonalSummary: DiagonalSummary? = nil
        if diagonal {
            if let full {
                let values = (0..<p).map { full.matrix[$0, $0] }
                diagonalSummary = DiagonalSummary(
                    method: .exact, probes: 0, values: values, standardErrors: nil,
                    groupMeans: c.groups.map { g in
                        g.range.isEmpty ? 0 : values[g.range].reduce(0, +) / Double(g.range.count)
                    },
                    groupStandardErrors: c.groups.map { _ in 0 })
            } else {
                let estimate = try SpectrumErrors.checked(context: context) {
                    try StochasticDiagonal.bekasKokiopoulouSaad(
                        c.operator_, probes: probes, seed: seeds.random, groups: c.groups.map(\.range))
                }
                diagonalSummary = DiagonalSummary(
                    method: .bekasKokiopoulouSaad, probes: probes, values: estimate.entries.values,
                    standardErrors: estimate.entries.standardErrors, groupMeans: estimate.groupMeans,
                    groupStandardErrors: estimate.groupStandardErrors)
            }
        }
        c.counter.onProduct(nil)
        progress.finish(c.counter.count)
        // Localisation of the top eigenvectors.
        let localization: EigenvectorLocalization? =
            topPairs.count == 0
            ? nil
            : try SpectrumErrors.checked(context: context) {
                try EigenvectorLocalization(vectors: topPairs.vectors, groups: c.groups)
            }
        // Adam.
        let adamRates: AdamEffectiveLearningRates?
        let adamState = try adam.read(
            parameterCount: c.model.parameterCount, checksum: ModelIO.checksum(c.model.parameters), console: console)
        if let s = adamState {
            let restrictedGroups =
                c.isRestricted
                ? c.model.parameterGroups.filter { g in c.groups.contains { $0.name == g.name } }
                : c.model.parameterGroups
            adamRates = try SpectrumErrors.checked(context: "--adam-state \(s.path)") {
                try AdamEffectiveLearningRates(
                    secondMoment: s.secondMoment, stepCount: s.stepCount, beta2: s.beta2, epsilon: s.epsilon,
                    learningRate: s.learningRate, groups: restrictedGroups)
            }
        } else {
            adamRates = nil
        }

        var outputs = SpectrumOutputs()
        if var figures = try out.figureSet() {
            try Self.drawFigures(
                full: full, top: topPairs, bottom: bottomPairs, localization: localization, into: &figures)
            outputs.figures = figures
        }
        var arrays: [(String, [Int], [Double])] = []
        if let full {
            arrays += [
                ("eigenvalues", [p], full.eigenvalues), ("eigenvectors", [p, p], RowMajor.values(full.eigenvectors)),
            ]
        }
        arrays += [
            ("top_eigenvalues", [topPairs.count], topPairs.values),
            ("top_eigenvectors", [p, topPairs.count], RowMajor.values(topPairs.vectors)),
            ("top_residuals", [topPairs.count], topPairs.residualNorms),
            ("bottom_eigenvalues", [bottomPairs.count], bottomPairs.values),
            ("bottom_eigenvectors", [p, bottomPairs.count], RowMajor.values(bottomPairs.vectors)),
            ("bottom_residuals", [bottomPairs.count], bottomPairs.residualNorms),
        ]
        if let localization {
            arrays.append(
                (
                    "group_shares", [localization.vectors.count, localization.groupNames.count],
                    localization.shareTable.flatMap { $0 }
                ))
        }
        if let adamRates { arrays.append(("adam_rates", [adamRates.rates.count], adamRates.rates)) }
        if let d = diagonalSummary {
            arrays.append(("diagonal", [p], d.values))
            if let errors = d.standardErrors { arrays.append(("diagonal_standard_errors", [p], errors)) }
        }
        outputs.saved = try out.saveArrays(arrays)

        let traceField: JSONValue
        if let t = traceEstimate {
            traceField = .object([
                ("estimate", .number(t.estimate)), ("standard_error", .number(t.standardError)),
                ("method", .string(t.method.rawValue)), ("probes", .integer(t.probes)),
                ("operator_products", .integer(t.operatorProducts)),
            ])
        } else if let full {
            traceField = .object([
                ("estimate", .number(full.trace)), ("standard_error", .number(0)), ("method", .string("exact")),
                ("probes", .integer(0)), ("operator_products", .integer(0)),
            ])
        } else {
            traceField = .null
        }
        try out.emit(
            console: console, outputs: outputs,
            plain: {
                var lines = c.headerLines(lossValue: lossValue)
                if let full {
                    lines.append(
                        "method full: \(p) products, LAPACK dsyevd; relative asymmetry of the assembled matrix \(NumberText.format(full.relativeAsymmetry))"
                    )
                    lines.append(
                        "eigenvalues: smallest \(full.eigenvalues.first.map(NumberText.format) ?? "-"), largest \(full.eigenvalues.last.map(NumberText.format) ?? "-"); \(full.eigenvalues.filter { $0 < 0 }.count) negative of \(p)"
                    )
                } else if let lanczos {
                    lines.append(
                        "method lanczos: \(lanczos.steps) steps, \(lanczos.converged ? "converged" : "NOT converged (see the residuals)"), \(lanczos.restarts) restarts, \(lanczos.operatorProducts) products"
                    )
                }
                lines.append("top eigenvalues (most positive first), residual ‖Av − λv‖:")
                for (v, r) in zip(topPairs.values, topPairs.residualNorms) {
                    lines.append("  \(NumberText.format(v))  \(NumberText.format(r))")
                }
                lines.append("bottom eigenvalues (most negative first), residual ‖Av − λv‖:")
                for (v, r) in zip(bottomPairs.values, bottomPairs.residualNorms) {
                    lines.append("  \(NumberText.format(v))  \(NumberText.format(r))")
                }
                if let t = traceEstimate {
                    lines.append(
                        "trace (\(t.method.rawValue), \(t.probes) probes) \(NumberText.format(t.estimate)) ± \(NumberText.format(t.standardError))"
                            + (full.map { "; exact \(NumberText.format($0.trace))" } ?? ""))
                } else if let full {
                    lines.append("trace (exact) \(NumberText.format(full.trace))")
                }
                if let localization {
                    lines.append(
                        "localisation of the top eigenvectors (share of each group; IPR = Σ v_i⁴, PR = 1/IPR):")
                    lines.append("eigenvalue,ipr,pr," + localization.groupNames.joined(separator: ","))
                    for (v, entry) in zip(topPairs.values, localization.vectors) {
                        lines.append(
                            "\(NumberText.format(v)),\(NumberText.format(entry.inverseParticipationRatio)),\(NumberText.format(entry.participationRatio)),"
                                + entry.groupShares.map(NumberText.format).joined(separator: ","))
                    }
                }
                if let adamRates, let s = adamState {
                    lines.append(
                        "Adam effective learning rates lr/(√v̂ + ε) (\(s.path): lr \(NumberText.format(s.learningRate)), t = \(s.stepCount)):"
                    )
                    lines.append("group,count,mean,median,minimum,maximum,geometric_mean")
                    for g in adamRates.groups {
                        lines.append(
                            "\(g.name),\(g.count),\(NumberText.format(g.mean)),\(NumberText.format(g.median)),\(NumberText.format(g.minimum)),\(NumberText.format(g.maximum)),\(NumberText.format(g.geometricMean))"
                        )
                    }
                }
                if let d = diagonalSummary {
                    lines.append(
                        d.method == .exact
                            ? "diagonal per group (exact, from the full matrix):"
                            : "diagonal per group (Bekas–Kokiopoulou–Saad estimate, \(d.probes) Rademacher probes):")
                    lines.append("group,size,mean,standard_error")
                    for (g, (mean, error)) in zip(c.groups, zip(d.groupMeans, d.groupStandardErrors)) {
                        lines.append("\(g.name),\(g.count),\(NumberText.format(mean)),\(NumberText.format(error))")
                    }
                }
                return lines
            },
            json: {
                c.jsonFields(lossValue: lossValue, method: method) + [
                    ("eigenvalues", full.map { .numbers($0.eigenvalues) } ?? .null),
                    ("top", .numbers(topPairs.values)), ("bottom", .numbers(bottomPairs.values)),
                    (
                        "residuals",
                        .object([
                            ("top", .numbers(topPairs.residualNorms)), ("bottom", .numbers(bottomPairs.residualNorms)),
                        ])
                    ),
                    ("trace", traceField), ("exact_trace", .optional(full?.trace)),
                    (
                        "lanczos",
                        lanczos.map { l in
                            .object([
                                ("steps", .integer(l.steps)), ("converged", .bool(l.converged)),
                                ("restarts", .integer(l.restarts)), ("operator_products", .integer(l.operatorProducts)),
                            ])
                        } ?? .null
                    ),
                    ("relative_asymmetry", .optional(full?.relativeAsymmetry)),
                    (
                        "localization",
                        localization.map { loc in
                            .object([
                                (
                                    "groups",
                                    .array(
                                        c.groups.map {
                                            .object([("name", .string($0.name)), ("size", .integer($0.count))])
                                        })
                                ),
                                (
                                    "vectors",
                                    .array(
                                        zip(topPairs.values, loc.vectors).map { value, v in
                                            .object([
                                                ("eigenvalue", .number(value)),
                                                ("inverse_participation_ratio", .number(v.inverseParticipationRatio)),
                                                ("participation_ratio", .number(v.participationRatio)),
                                                ("group_shares", .numbers(v.groupShares)),
                                                (
                                                    "group_inverse_participation_ratios",
                                                    .numbers(v.groupInverseParticipationRatios)
                                                ),
                                                ("group_enrichments", .numbers(v.groupEnrichments)),
                                            ])
                                        })
                                ),
                            ])
                        } ?? .null
                    ),
                    (
                        "adam",
                        adamRates.flatMap { rates in
                            adamState.map { s in
                                .object([
                                    ("file", .string(s.path)), ("optimizer", .string(s.optimizer)),
                                    ("learning_rate", .number(s.learningRate)), ("step_count", .integer(s.stepCount)),
                                    ("beta2", .number(s.beta2)), ("epsilon", .number(s.epsilon)),
                                    (
                                        "groups",
                                        .array(
                                            rates.groups.map { g in
                                                .object([
                                                    ("name", .string(g.name)), ("count", .integer(g.count)),
                                                    ("mean", .number(g.mean)), ("median", .number(g.median)),
                                                    ("minimum", .number(g.minimum)), ("maximum", .number(g.maximum)),
                                                    ("geometric_mean", .number(g.geometricMean)),
                                                ])
                                            })
                                    ),
                                ])
                            }
                        } ?? .null
                    ),
                    (
                        "diagonal",
                        diagonalSummary.map { d in
                            .object([
                                ("method", .string(d.method.rawValue)), ("probes", .integer(d.probes)),
                                (
                                    "by_group",
                                    .array(
                                        zip(c.groups, zip(d.groupMeans, d.groupStandardErrors)).map { g, estimate in
                                            .object([
                                                ("group", .string(g.name)), ("size", .integer(g.count)),
                                                ("mean", .number(estimate.0)),
                                                ("standard_error", .number(estimate.1)),
                                            ])
                                        })
                                ),
                            ])
                        } ?? .null
                    ),
                ]
            })
    }

    /// The diagonal of the matrix (`--diagonal`) and its per-group means.
    struct DiagonalSummary {
        enum Method: String {
            case exact
            case bekasKokiopoulouSaad = "bekas-kokiopoulou-saad"
        }
        let method: Method
        let probes: Int
        let values: [Double]
        /// Per-entry standard errors of the estimate (nil when exact).
        let standardErrors: [Double]?
        let groupMeans: [Double]
        let groupStandardErrors: [Double]
    }

    static func drawFigures(
        full: FullCurvatureSpectrum?, top: SymmetricEigenpairs, bottom: SymmetricEigenpairs,
        localization: EigenvectorLocalization?, into figures: inout FigureSet
    ) throws(CLIError) {
        var svgs: [String] = []
        var script = ""
        if let localization {
            var rows: [[String]] = []
            for (i, v) in localization.vectors.enumerated() {
                for (j, share) in v.groupShares.enumerated() {
                    rows.append([
                        String(i), String(j), localization.groupNames[j], FigureSet.cell(share),
                        FigureSet.cell(top.values[i]),
                    ])
                }
            }
            try figures.csv(
                "hessian-localization.csv", header: ["vector", "group_index", "group", "share", "eigenvalue"],
                rows: rows)
            let xtics = localization.groupNames.enumerated().map { "\(FigureSet.quoted($0.element)) \($0.offset)" }
                .joined(separator: ", ")
            let ytics = top.values.enumerated().map {
                "\(FigureSet.quoted(String(format: "λ_{%d} = %.4g", $0.offset + 1, $0.element))) \($0.offset)"
            }
            .joined(separator: ", ")
            script += """
                set output "hessian-localization.svg"
                set title "Share of each parameter group in the top eigenvectors (Σ_{i∈g} v_i^2)"
                set xtics (\(xtics)) rotate by -35 left noenhanced
                set ytics (\(ytics))
                set xrange [-0.5:\(Double(localization.groupNames.count) - 0.5)]
                set yrange [\(Double(localization.vectors.count) - 0.5):-0.5]
                set cbrange [0:1]
                set palette defined (0 "white", 0.5 "#66ccee", 1 "#4477aa")
                set grid noxtics noytics
                plot "hessian-localization.csv" every ::1 using 2:1:4 with image notitle
                set xtics autofreq norotate; set ytics autofreq
                set autoscale xy
                set grid
                unset colorbox

                """
            svgs.append("hessian-localization.svg")
        }
        if let full {
            let p = full.eigenvalues.count
            try figures.csv(
                "hessian-eigenvalues.csv", header: ["index", "eigenvalue"],
                columns: [(1...max(1, p)).map(Double.init), full.eigenvalues])
            script += """
                set output "hessian-eigenvalues.svg"
                set title "All \(p) eigenvalues (ascending)"
                set xlabel "index"; set ylabel "eigenvalue"
                plot "hessian-eigenvalues.csv" every ::1 using 1:2 with points pt 7 ps 0.4 lc rgb "#4477aa" notitle

                """
        } else {
            let ranks = (1...max(1, max(top.count, bottom.count))).map(Double.init)
            let pad = { (v: [Double]) in v + [Double](repeating: NumberText.missing, count: ranks.count - v.count) }
            try figures.csv(
                "hessian-eigenvalues.csv", header: ["rank", "top", "top_residual", "bottom", "bottom_residual"],
                columns: [
                    ranks, pad(top.values), pad(top.residualNorms), pad(bottom.values), pad(bottom.residualNorms),
                ])
            script += """
                set output "hessian-eigenvalues.svg"
                set title "Most positive and most negative eigenvalues (Lanczos)"
                set xlabel "rank"; set ylabel "eigenvalue"
                plot "hessian-eigenvalues.csv" every ::1 using 1:2 with linespoints pt 7 lc rgb "#ee6677" title "top (most positive)", \\
                     "hessian-eigenvalues.csv" every ::1 using 1:4 with linespoints pt 7 lc rgb "#4477aa" title "bottom (most negative)"

                """
        }
        svgs.append("hessian-eigenvalues.svg")
        try figures.render(script: "hessian.gp", script, svgs: svgs)
    }
}
