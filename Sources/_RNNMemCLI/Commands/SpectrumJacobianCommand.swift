import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem spectrum jacobian`: eigenvalues, spectral radius and spectral norm of every step's state Jacobian.
struct SpectrumJacobianCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "jacobian",
        abstract: "Eigenvalues, spectral radius and norm of each step's state Jacobian ∂s_t/∂s_(t−1).",
        discussion: """
            The exact state Jacobian D_t = ∂s_t/∂s_(t−1) (S × S, forward-mode derivatives) along one sequence of \
            the data (--sequence), at t = k, 2k, … ≤ T (--stride k). Its eigenvalues (LAPACK dgeev, complex, by \
            decreasing modulus), spectral radius ρ and largest singular value σ_max, for the joint state and for \
            each layer's diagonal block (D_t is block lower triangular in the layers, so its eigenvalues are the \
            union of the blocks'). ρ > 1 or σ_max > 1 marks a step that can expand a perturbation; σ_max ≫ ρ a \
            non-normal Jacobian (transient growth).

            Report: per block the mean and largest ρ and σ_max and the number of steps above 1, the leading \
            eigenvalues at the last step, and one row per step (t, ρ, σ_max, then ρ and σ_max of each layer).

            JSON keys: the network (weights, kind, architecture, input_size, hidden_size, output_size, \
            layer_count, parameter_count, parameter_checksum), data {source, steps, sequences}, sequence, stride, \
            state_size, layer_state_sizes, time, spectral_radius, spectral_norm, eigenvalues_real, \
            eigenvalues_imaginary (per step, by decreasing modulus), layers [{spectral_radius, spectral_norm}], \
            summary [{block, mean_spectral_radius, max_spectral_radius, mean_spectral_norm, max_spectral_norm, \
            steps_radius_above_one, steps_norm_above_one}], figures, saved.

            --figures DIR: jacobian-eigenvalues.svg (the eigenvalues of up to 40 evenly spaced steps in the complex \
            plane, coloured by t, with the unit circle; jacobian-eigenvalues.csv holds every step) and \
            jacobian-norms.svg (ρ and σ_max against t; jacobian-norms.csv). --save DIR: time, \
            eigenvalues_real, eigenvalues_imaginary [steps, S], spectral_radius, spectral_norm [steps], \
            layer_spectral_radius, layer_spectral_norm [steps, layers].
            """)

    @OptionGroup var network: SpectrumNetworkOptions

    @OptionGroup(title: "Data") var data: DataOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Which sequence of the data (0-based; default 0).", valueName: "b"))
    var sequence: Int = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Analyse every k-th step (default 1).", valueName: "k"))
    var stride: Int = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed of a new network and of task data (as 'train').", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Output") var out: SpectrumOutputOptions

    func run(console: Console) throws {
        guard stride >= 1 else { throw CLIError.invalidArgument("--stride", String(stride), "must be ≥ 1") }
        let subject = try SpectrumSubject.load(network: network, data: data, seed: seed, console: console)
        let model = subject.model
        let (x, _) = try subject.sequence(sequence)
        try subject.requireFiniteTrajectory(sequences: sequence..<(sequence + 1))
        guard stride <= x.steps else {
            throw CLIError.invalidArgument("--stride", String(stride), "must be ≤ the \(x.steps) steps of the data")
        }
        let s = model.stateSize
        try MemoryBudget.check(
            bytes: Double(x.steps / stride) * Double(s) * 40 + Double(s) * Double(s) * 64,
            for: "the eigenvalues of \(x.steps / stride) Jacobians of size \(s)")
        let progress = SpectrumProgress(
            total: x.steps / stride, label: "jacobian", style: out.progress, console: console)
        let context = "\(subject.data.description), sequence \(sequence)"
        let spectra = try SpectrumErrors.checked(context: context, flags: ["stride": "--stride"]) {
            try StepJacobianSpectra(model: model, sequence: x, stride: stride) { done, _ in progress.update(done) }
        }
        progress.finish(spectra.steps.count)
        let steps = spectra.steps
        let layerCount = spectra.stateSizes.count

        var outputs = SpectrumOutputs()
        if var figures = try out.figureSet() {
            try Self.drawFigures(spectra, into: &figures)
            outputs.figures = figures
        }
        let times = steps.map { Double($0.time) }
        let radii = steps.map(\.joint.spectralRadius)
        let norms = steps.map(\.joint.spectralNorm)
        let layerRadii = (0..<layerCount).map { l in steps.map { $0.layers[l].spectralRadius } }
        let layerNorms = (0..<layerCount).map { l in steps.map { $0.layers[l].spectralNorm } }
        outputs.saved = try out.saveArrays([
            ("time", [steps.count], times),
            ("eigenvalues_real", [steps.count, s], steps.flatMap { $0.joint.eigenvalues.map(\.real) }),
            ("eigenvalues_imaginary", [steps.count, s], steps.flatMap { $0.joint.eigenvalues.map(\.imaginary) }),
            ("spectral_radius", [steps.count], radii),
            ("spectral_norm", [steps.count], norms),
            ("layer_spectral_radius", [steps.count, layerCount], steps.flatMap { $0.layers.map(\.spectralRadius) }),
            ("layer_spectral_norm", [steps.count, layerCount], steps.flatMap { $0.layers.map(\.spectralNorm) }),
        ])

        let blocks: [(String, [Double], [Double])] =
            [("joint", radii, norms)] + (0..<layerCount).map { ("layer\($0)", layerRadii[$0], layerNorms[$0]) }
        try out.emit(
            console: console, outputs: outputs,
            plain: {
                var lines = subject.headerLines
                lines.append(
                    "sequence \(sequence): \(steps.count) step Jacobians (t = \(stride), \(2 * stride), …), joint state S = \(s)"
                        + (layerCount > 1 ? " = " + spectra.stateSizes.map(String.init).joined(separator: " + ") : ""))
                lines.append("block     mean ρ     max ρ      mean σ_max  max σ_max   steps ρ>1  steps σ_max>1")
                for (name, r, n) in blocks {
                    let summary = Self.summary(r, n)
                    lines.append(
                        [
                            name.padding(toLength: 9, withPad: " ", startingAt: 0),
                            SpectrumFormat.fixed(summary.meanRadius).padding(toLength: 10, withPad: " ", startingAt: 0),
                            SpectrumFormat.fixed(summary.maxRadius).padding(toLength: 10, withPad: " ", startingAt: 0),
                            SpectrumFormat.fixed(summary.meanNorm).padding(toLength: 11, withPad: " ", startingAt: 0),
                            SpectrumFormat.fixed(summary.maxNorm).padding(toLength: 11, withPad: " ", startingAt: 0),
                            String(summary.radiusAboveOne).padding(toLength: 10, withPad: " ", startingAt: 0),
                            String(summary.normAboveOne),
                        ].joined(separator: " "))
                }
                if let last = steps.last {
                    let leading = last.joint.eigenvalues.prefix(6).map(Self.complexText).joined(separator: ", ")
                    lines.append("leading eigenvalues at t = \(last.time): \(leading)")
                }
                var header = "t,spectral_radius,spectral_norm"
                if layerCount > 1 {
                    for l in 0..<layerCount { header += ",layer\(l)_spectral_radius,layer\(l)_spectral_norm" }
                }
                lines.append(header)
                for (i, step) in steps.enumerated() {
                    var row = "\(step.time),\(NumberText.format(radii[i])),\(NumberText.format(norms[i]))"
                    if layerCount > 1 {
                        for l in 0..<layerCount {
                            row += ",\(NumberText.format(layerRadii[l][i])),\(NumberText.format(layerNorms[l][i]))"
                        }
                    }
                    lines.append(row)
                }
                return lines
            },
            json: {
                subject.jsonFields + [
                    ("sequence", .integer(sequence)), ("stride", .integer(stride)), ("state_size", .integer(s)),
                    ("layer_state_sizes", .array(spectra.stateSizes.map(JSONValue.integer))),
                    ("time", .array(steps.map { .integer($0.time) })),
                    ("spectral_radius", .numbers(radii)), ("spectral_norm", .numbers(norms)),
                    ("eigenvalues_real", .array(steps.map { .numbers($0.joint.eigenvalues.map(\.real)) })),
                    ("eigenvalues_imaginary", .array(steps.map { .numbers($0.joint.eigenvalues.map(\.imaginary)) })),
                    (
                        "layers",
                        .array(
                            (0..<layerCount).map { l in
                                .object([
                                    ("spectral_radius", .numbers(layerRadii[l])),
                                    ("spectral_norm", .numbers(layerNorms[l])),
                                ])
                            })
                    ),
                    (
                        "summary",
                        .array(
                            blocks.map { name, r, n in
                                let m = Self.summary(r, n)
                                return .object([
                                    ("block", .string(name)), ("mean_spectral_radius", .number(m.meanRadius)),
                                    ("max_spectral_radius", .number(m.maxRadius)),
                                    ("mean_spectral_norm", .number(m.meanNorm)),
                                    ("max_spectral_norm", .number(m.maxNorm)),
                                    ("steps_radius_above_one", .integer(m.radiusAboveOne)),
                                    ("steps_norm_above_one", .integer(m.normAboveOne)),
                                ])
                            })
                    ),
                ]
            })
    }

    /// Mean and largest ρ and σ_max of a block over the steps, and how many steps exceed 1.
    static func summary(_ radii: [Double], _ norms: [Double])
        -> (
            meanRadius: Double, maxRadius: Double, meanNorm: Double, maxNorm: Double, radiusAboveOne: Int,
            normAboveOne: Int
        )
    {
        let n = Double(max(1, radii.count))
        return (
            radii.reduce(0, +) / n, radii.max() ?? 0, norms.reduce(0, +) / n, norms.max() ?? 0,
            radii.filter { $0 > 1 }.count, norms.filter { $0 > 1 }.count
        )
    }

    /// `0.93+0.12i` with six significant digits.
    static func complexText(_ z: Complex<Double>) -> String {
        let re = String(format: "%.6g", z.real)
        guard z.imaginary != 0 else { return re }
        return re + (z.imaginary < 0 ? "−" : "+") + String(format: "%.6g", abs(z.imaginary)) + "i"
    }

    static func drawFigures(_ spectra: StepJacobianSpectra, into figures: inout FigureSet) throws(CLIError) {
        let steps = spectra.steps
        let plotted = Set(
            Swift.stride(from: 0, to: steps.count, by: max(1, (steps.count + 39) / 40)).map { steps[$0].time })
        var t: [Double] = [], re: [Double] = [], im: [Double] = [], modulus: [Double] = [], shown: [Double] = []
        for step in steps {
            for z in step.joint.eigenvalues {
                t.append(Double(step.time))
                re.append(z.real)
                im.append(z.imaginary)
                modulus.append(z.length)
                shown.append(plotted.contains(step.time) ? 1 : 0)
            }
        }
        try figures.csv(
            "jacobian-eigenvalues.csv", header: ["t", "real", "imaginary", "modulus", "plotted"],
            columns: [t, re, im, modulus, shown])
        var header = ["t", "spectral_radius", "spectral_norm"]
        var columns = [
            steps.map { Double($0.time) }, steps.map(\.joint.spectralRadius), steps.map(\.joint.spectralNorm),
        ]
        let layers = spectra.stateSizes.count
        if layers > 1 {
            for l in 0..<layers {
                header += ["layer\(l)_spectral_radius", "layer\(l)_spectral_norm"]
                columns += [steps.map { $0.layers[l].spectralRadius }, steps.map { $0.layers[l].spectralNorm }]
            }
        }
        try figures.csv("jacobian-norms.csv", header: header, columns: columns)
        var layerPlots = ""
        if layers > 1 {
            for l in 0..<layers {
                layerPlots +=
                    ", \\\n     \"jacobian-norms.csv\" every ::1 using 1:\(4 + 2 * l) with lines lw 1 dt 3 title \"ρ, layer \(l)\""
            }
        }
        let script = """
            set output "jacobian-eigenvalues.svg"
            set title "Eigenvalues of the state Jacobians D_t = ∂s_t/∂s_{t−1}"
            set size ratio -1
            set xlabel "Re μ"; set ylabel "Im μ"
            set object 1 circle at first 0,0 size first 1 fs empty border lc rgb "gray40" dt 2
            set cblabel "t"
            set palette defined (0 "#4477aa", 1 "#66ccee", 2 "#ccbb44", 3 "#ee6677")
            plot "jacobian-eigenvalues.csv" every ::1 using 2:($5 > 0 ? $3 : NaN):1 with points pt 7 ps 0.5 lc palette title "eigenvalues (unit circle dashed)"
            unset object 1
            set size noratio
            unset colorbox

            set output "jacobian-norms.svg"
            set title "Spectral radius and largest singular value of D_t"
            set xlabel "t"; set ylabel "ρ, σ_{max}"
            set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead dt 2 lc rgb "gray40"
            plot "jacobian-norms.csv" every ::1 using 1:2 with lines lw 2 lc rgb "#4477aa" title "spectral radius ρ", \\
                 "jacobian-norms.csv" every ::1 using 1:3 with lines lw 2 lc rgb "#ee6677" title "σ_{max}"\(layerPlots)

            """
        try figures.render(script: "jacobian.gp", script, svgs: ["jacobian-eigenvalues.svg", "jacobian-norms.svg"])
    }
}
