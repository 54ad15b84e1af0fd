import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem spectrum density`: the spectral density of the loss Hessian (Gauss–Newton, empirical Fisher) by
/// stochastic Lanczos quadrature, or from every eigenvalue.
struct SpectrumDensityCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "density",
        abstract:
            "Spectral density of the loss Hessian (or Gauss–Newton, empirical Fisher) by stochastic Lanczos quadrature.",
        discussion: """
            Loss, matrices and --groups as in 'spectrum hessian'. Method: full when P ≤ 1500, lanczos above, unless \
            --method says otherwise. --method lanczos: stochastic Lanczos \
            quadrature (Ubaru, Chen & Saad 2017; Lin, Saad & Yang 2016): for each of --probes Rademacher vectors, \
            --lanczos-steps m steps of Lanczos with full reorthogonalisation give a Gauss quadrature rule whose \
            nodes are the Ritz values θ_k and whose weights are the squared first components of the tridiagonal's \
            eigenvectors (Σ w_k = 1 per probe). --method full: the exact eigenvalues, each with weight 1/P; \
            --probes and --lanczos-steps belong to SLQ: --lanczos-steps is refused with the full method, and so is \
            --probes with an explicit --method full (when the full method is the default for a small P, --probes \
            is ignored with a note). The \
            density φ(t) = mean over probes of Σ_k w_k N(t; θ_k, σ²) integrates to 1 (multiply by P for a count \
            density); σ² is a variance (--variance; default 1e-5·max(1, θ_max − θ_min), PyHessian's), evaluated on \
            --points equally spaced points from θ_min − 5σ to θ_max + 5σ. Also reported: the SLQ estimate of the \
            trace P·mean Σ_k w_k θ_k (exact with --method full).

            JSON keys: the network, data, loss, matrix, method, dimension, groups (as 'hessian'), grid, density, \
            variance, probes, lanczos_steps, nodes (per probe), node_weights (per probe), node_range [min, max], \
            trace_estimate, figures, saved.

            --figures DIR: density.svg (φ on a log axis; density.csv). --save DIR: grid, density [points], nodes, \
            node_weights, probe (the probe of each node) [nodes].
            """)

    @OptionGroup var network: SpectrumNetworkOptions

    @OptionGroup(title: "Data") var data: DataOptions

    @OptionGroup(title: "Loss") var loss: LossOptions

    @OptionGroup(title: "Curvature") var curvature: CurvatureOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Lanczos steps per probe (default min(P, 100)).", valueName: "m"))
    var lanczosSteps: Int?

    @Option(
        name: .customLong("probes"), parsing: .unconditional,
        help: ArgumentHelp("SLQ: number of Rademacher probe vectors (default 4).", valueName: "n"))
    var probesOption: Int?

    /// --probes, 4 by default.
    var probes: Int { probesOption ?? 4 }

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Variance σ² of the Gaussian kernel (default 1e-5·max(1, range)).", valueName: "s2"))
    var variance: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of grid points (default 2000).", valueName: "n"))
    var points: Int = 2000

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of a new network and task data (as 'train'); probe vectors from s + 3.", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Output") var out: SpectrumOutputOptions

    func run(console: Console) throws {
        guard probes >= 1 && probes <= 10_000 else {
            throw CLIError.invalidArgument("--probes", String(probes), "must lie in 1…10000")
        }
        guard points >= 2 && points <= 1_000_000 else {
            throw CLIError.invalidArgument("--points", String(points), "must lie in 2…1000000")
        }
        if let variance, !(variance >= 1e-300 && variance <= 1e300) {
            // The Gaussian kernel's 2σ² and √(2πσ²) overflow or underflow outside this range.
            throw CLIError.invalidArgument(
                "--variance", NumberText.format(variance), "must lie in [1e-300, 1e300] (and be finite)")
        }
        let c = try CurvatureSubject.load(
            network: network, data: data, loss: loss, curvature: curvature, seed: seed, console: console)
        let p = c.dimension
        let method = curvature.resolvedMethod(parameters: p)
        let m = lanczosSteps ?? min(p, 100)
        if method == .lanczos {
            guard m >= 1 && m <= p else {
                throw CLIError.invalidArgument("--lanczos-steps", String(m), "must lie in 1…\(p) (P)")
            }
        } else {
            guard p <= 4096 else {
                throw CLIError(
                    "--method full: the matrix has \(p) parameters, more than 4096; use --method lanczos (or --groups)")
            }
            if lanczosSteps != nil { throw CLIError("--lanczos-steps applies with --method lanczos") }
            if probesOption != nil {
                if curvature.method == .full {
                    throw CLIError("--probes applies with --method lanczos (SLQ); --method full uses every eigenvalue")
                }
                console.note(
                    "--probes is ignored: with P = \(p) ≤ 1500 the density uses every eigenvalue (the full method); "
                        + "give --method lanczos for stochastic Lanczos quadrature")
            }
            try MemoryBudget.check(
                bytes: 5 * 8 * Double(p) * Double(p), for: "the full \(p) × \(p) matrix (--method full)")
        }
        let context = c.subject.data.description
        let lossValue = try c.lossValue()
        let progress = SpectrumProgress(
            total: method == .full ? p : probes * m, label: "density products", style: out.progress, console: console)
        c.counter.onProduct { n in progress.update(n) }
        let rules: [QuadratureRule]
        let traceEstimate: Double
        let density: EigenvalueDensity
        switch method {
        case .lanczos:
            let slq = try SpectrumErrors.checked(context: context) {
                try StochasticLanczosQuadrature(c.operator_, steps: m, probes: probes, seed: SpectrumSeeds(seed).random)
            }
            rules = slq.rules
            traceEstimate = slq.trace { $0 }
            density = try SpectrumErrors.checked(context: context, flags: [:]) {
                try slq.density(variance: variance, points: points)
            }
        case .full:
            let f = try SpectrumErrors.checked(context: context) {
                try FullCurvatureSpectrum(c.operator_, maximumDimension: 4096)
            }
            let exact = try SpectrumErrors.checked(context: context) {
                try StochasticLanczosQuadrature(
                    rules: [
                        QuadratureRule(nodes: f.eigenvalues, weights: [Double](repeating: 1 / Double(p), count: p))
                    ],
                    dimension: p, steps: p)
            }
            rules = exact.rules
            traceEstimate = f.trace
            density = try SpectrumErrors.checked(context: context) {
                try exact.density(variance: variance, points: points)
            }
        }
        c.counter.onProduct(nil)
        progress.finish(c.counter.count)
        let allNodes = rules.flatMap(\.nodes)
        let range = [allNodes.min() ?? 0, allNodes.max() ?? 0]

        var outputs = SpectrumOutputs()
        if var figures = try out.figureSet() {
            try figures.csv(
                "density.csv", header: ["eigenvalue", "density"], columns: [density.grid, density.density])
            let script = """
                set output "density.svg"
                set title \(FigureSet.quoted("Spectral density of the \(c.matrixText) (σ² = \(String(format: "%.3g", density.variance)))"))
                set xlabel "eigenvalue"; set ylabel "density (log scale)"
                set logscale y
                set format y "10^{%L}"
                plot "density.csv" every ::1 using 1:($2 > 1e-12 ? $2 : NaN) with lines lw 1.5 lc rgb "#4477aa" notitle

                """
            try figures.render(script: "density.gp", script, svgs: ["density.svg"])
            outputs.figures = figures
        }
        var probeIndex: [Double] = []
        for (i, r) in rules.enumerated() { probeIndex += [Double](repeating: Double(i), count: r.nodes.count) }
        outputs.saved = try out.saveArrays([
            ("grid", [density.grid.count], density.grid), ("density", [density.density.count], density.density),
            ("nodes", [allNodes.count], allNodes), ("node_weights", [allNodes.count], rules.flatMap(\.weights)),
            ("probe", [allNodes.count], probeIndex),
        ])
        let steps = method == .full ? p : m
        try out.emit(
            console: console, outputs: outputs,
            plain: {
                var lines = c.headerLines(lossValue: lossValue)
                lines.append(
                    method == .full
                        ? "method full: every eigenvalue (\(p) products, LAPACK dsyevd), weights 1/\(p)"
                        : "stochastic Lanczos quadrature: \(probes) Rademacher probes × \(m) Lanczos steps")
                lines.append(
                    "nodes from \(NumberText.format(range[0])) to \(NumberText.format(range[1])); trace estimate \(NumberText.format(traceEstimate)); kernel variance σ² = \(NumberText.format(density.variance)), \(points) grid points"
                )
                lines.append("eigenvalue,density")
                for (t, phi) in zip(density.grid, density.density) {
                    lines.append("\(NumberText.format(t)),\(NumberText.format(phi))")
                }
                return lines
            },
            json: {
                c.jsonFields(lossValue: lossValue, method: method) + [
                    ("grid", .numbers(density.grid)), ("density", .numbers(density.density)),
                    ("variance", .number(density.variance)), ("probes", .integer(method == .full ? 0 : probes)),
                    ("lanczos_steps", .integer(steps)), ("nodes", .array(rules.map { .numbers($0.nodes) })),
                    ("node_weights", .array(rules.map { .numbers($0.weights) })), ("node_range", .numbers(range)),
                    ("trace_estimate", .number(traceEstimate)),
                ]
            })
    }
}
