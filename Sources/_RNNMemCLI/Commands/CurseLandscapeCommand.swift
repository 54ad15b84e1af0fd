import ArgumentParser
import Foundation
import RNNMemory

/// `--direction modulus|angle|grid` of `curse landscape`.
enum LandscapeDirection: String, ExpressibleByArgument, CaseIterable, Sendable {
    case modulus, angle, grid
}

/// `rnnmem curse landscape`: the one-dimensional teacher–student loss along the modulus or the angle for several
/// teachers (Fig. 1, 6), or on a (ν, θ) grid with Adam's paths (Fig. 7).
struct CurseLandscapeCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "landscape",
        abstract:
            "Write the teacher–student loss and its curvature along |λ| or θ (Fig. 1, 6), or a grid with Adam paths (Fig. 7).",
        discussion: """
            The loss is L(λ) = ½E|h̃ − h̃*|² of a student h_t = λh_(t−1) + x_t learning a teacher with eigenvalue λ* \
            from the same input (Zucchet & Orvieto 2024, NeurIPS, §4.1), in closed form for the input of --rho or \
            --acf (h̃ = γh, γ = √(1 − |λ|²), under --normalized). Curvatures are the exact second derivatives in \
            the coordinates of --param (none, polar, exp, optimal; default polar).

            --direction modulus (default): for every teacher λ* = ν* of --teachers (default 0.99, 0.98, 0.96, 0.92, \
            0.84, 0.68, 0.36, Fig. 1), a real student with ν on --points values in [--from, --to] (default \
            [0.2, 0.999]): columns teacher, x = ν, omega = ω₁(ν), loss, curvature ∂²L/∂ω₁². --direction angle: \
            teachers λ* = ν*e^(iθ*) (--teacher-phase, default π/100), students with the teacher's modulus and θ in \
            [--from, --to] (default [0.001, 0.2]): x = θ, omega = ω₂, curvature ∂²L/∂ω₂². Standard output: that \
            table (CSV).

            --direction grid: L on a --points × --points grid of (ν, θ) ∈ [--from, --to] × [--theta-from, \
            --theta-to] for the teacher --teacher-modulus·e^(i·--teacher-phase) (defaults 0.99, π/100, the \
            unnormalised loss of Fig. 7); with --adam-steps n, Adam's paths (learning rate --lr, default 1e-3) from \
            --start-modulus·e^(i·--start-phase) (default 0.99e^(iπ/4)) under the three parametrisations of Fig. 7 as \
            the official notebook codes them (ν = tanh ω₁ with θ = ω₂, θ = e^ω₂, θ = ω₂(1 − ν²)/(ν√(1 + ν²))). \
            Standard output: the grid (CSV nu,theta,loss), or with --adam-steps a summary of each path.

            JSON: direction, parametrization, normalized, acf, and slices [{teacher_modulus, teacher_phase, x, \
            omega, loss, curvature}] (modulus, angle) or grid {nu, theta, loss (row-major, θ fastest)} and paths \
            [{parametrization, steps, nu, theta, loss, left_domain_at_step}] (grid). --figures DIR writes the CSVs \
            and SVGs of loss and curvature (landscape-*.csv/svg); --save DIR the arrays as .npy.
            """)

    @Option(help: ArgumentHelp("modulus, angle (Fig. 1, 6) or grid (Fig. 7).", valueName: "name"))
    var direction: LandscapeDirection = .modulus

    @Option(
        help: ArgumentHelp(
            "Coordinates of the curvature: none, polar, exp, optimal (default polar).", valueName: "name"))
    var param: String = "polar"

    @Flag(help: "γ-normalise student and teacher states.")
    var normalized = false

    @OptionGroup(title: "Input") var input: CurseInputOptions

    @Option(
        help: ArgumentHelp("Teacher moduli ν* for the slices (comma-separated, each in (0, 1)).", valueName: "list"))
    var teachers: String = "0.99,0.98,0.96,0.92,0.84,0.68,0.36"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Teacher phase θ* (angle slices and grid; default π/100).", valueName: "theta"))
    var teacherPhase: Double = Double.pi / 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Grid: teacher modulus (default 0.99).", valueName: "nu"))
    var teacherModulus: Double = 0.99

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Number of points per axis (default 200 for slices, 81 for the grid).", valueName: "n"))
    var points: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Start of the ν (modulus, grid) or θ (angle) range.", valueName: "x"))
    var from: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("End of the ν or θ range.", valueName: "x"))
    var to: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Grid: start of the θ range (default 0).", valueName: "theta"))
    var thetaFrom: Double = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Grid: end of the θ range (default 1).", valueName: "theta"))
    var thetaTo: Double = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Grid: Adam updates per path (default 0: no paths).", valueName: "n"))
    var adamSteps: Int = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Grid: Adam's learning rate (default 0.001).", valueName: "lr"))
    var lr: Double = 1e-3

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Grid: modulus of the paths' start (default 0.99).", valueName: "nu"))
    var startModulus: Double = 0.99

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Grid: phase of the paths' start (default π/4).", valueName: "theta"))
    var startPhase: Double = Double.pi / 4

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Grid: record every n-th point of a path (default steps/500).", valueName: "n"))
    var recordEvery: Int?

    @Option(help: ArgumentHelp("Write CSV tables and SVG figures to this directory.", valueName: "dir"))
    var figures: String?

    @OptionGroup var save: SaveOptions

    @OptionGroup var output: OutputOptions

    struct Slice {
        let teacher: Double
        let phase: Double
        let x: [Double]
        let omega: [Double]
        let loss: [Double]
        let curvature: [Double]
    }

    func teacherModuli() throws(CLIError) -> [Double] {
        let items = teachers.split(separator: ",", omittingEmptySubsequences: false)
        var values: [Double] = []
        for item in items {
            let text = item.trimmingCharacters(in: .whitespaces)
            guard let v = Double(text), v.isFinite, v > 0, v < 1 else {
                throw CLIError("invalid --teachers '\(teachers)': '\(text)' is not a modulus in (0, 1)")
            }
            values.append(v)
        }
        guard values.count <= 100 else { throw CLIError("invalid --teachers: at most 100 teachers") }
        return values
    }

    /// [from, to] of the swept variable.
    func range(default d: (Double, Double), lower: Double, upper: Double, name: String) throws(CLIError) -> (
        Double, Double
    ) {
        let a = from ?? d.0, b = to ?? d.1
        for (flag, v) in [("--from", a), ("--to", b)] {
            guard v.isFinite, v >= lower, v <= upper else {
                throw CLIError.invalidArgument(
                    flag, NumberText.format(v),
                    "\(name) must lie in [\(NumberText.format(lower)), \(NumberText.format(upper))]")
            }
        }
        guard a < b else { throw CLIError("--from \(NumberText.format(a)) must be below --to \(NumberText.format(b))") }
        return (a, b)
    }

    static func grid(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        n == 1 ? [a] : (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
    }

    func run(console: Console) throws {
        let parametrization = try CurseParametrization.parse(param)
        let acf = try input.autocorrelation()
        let normalization: Normalization = normalized ? .l2 : .none
        let n = points ?? (direction == .grid ? 81 : 200)
        guard n >= 1, n <= (direction == .grid ? 2000 : 100_000) else {
            throw CLIError.invalidArgument(
                "--points", String(n), "must lie in [1, \(direction == .grid ? 2000 : 100_000)]")
        }
        try Arguments.finite(teacherPhase, "--teacher-phase")
        if direction == .grid {
            try runGrid(console: console, acf: acf, normalization: normalization, points: n)
            return
        }
        let moduli = try teacherModuli()
        var slices: [Slice] = []
        do {
            switch direction {
            case .modulus:
                let (a, b) = try range(default: (0.2, 0.999), lower: 0, upper: 0.999999, name: "ν")
                let nu = Self.grid(a, b, n)
                // ω₁ depends on ν only (any non-zero phase gives it).
                let omega = try nu.map { v in
                    parametrization.isPolar
                        ? try parametrization.coordinates(of: Complex(v * Double.cos(1), v * Double.sin(1))).0 : v
                }
                let s = try LossLandscape.modulusSlices(
                    teacherModuli: moduli, parametrization: parametrization,
                    normalization: normalization, input: acf, coordinates: omega)
                slices = zip(moduli, s).map {
                    Slice(teacher: $0, phase: 0, x: nu, omega: omega, loss: $1.loss, curvature: $1.curvature)
                }
            case .angle:
                let (a, b) = try range(default: (0.001, 0.2), lower: -2 * Double.pi, upper: 2 * Double.pi, name: "θ")
                let theta = Self.grid(a, b, n)
                for m in moduli {
                    let omega = try theta.map { t in
                        try parametrization.coordinates(of: Complex(m * Double.cos(t), m * Double.sin(t))).1
                    }
                    let s = try LossLandscape.angleSlices(
                        teacherModuli: [m], teacherPhase: teacherPhase,
                        parametrization: parametrization, normalization: normalization,
                        input: acf, coordinates: omega)
                    if let first = s.first {
                        slices.append(
                            Slice(
                                teacher: m, phase: teacherPhase, x: theta, omega: omega, loss: first.loss,
                                curvature: first.curvature))
                    }
                }
            case .grid:
                break
            }
        } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError("--param \(param), --from/--to: \(error)")
        }
        let xName = direction == .modulus ? "nu" : "theta"
        var table = "teacher_modulus,teacher_phase,\(xName),omega,loss,curvature\n"
        for s in slices {
            for i in s.x.indices {
                table += "\(s.teacher),\(s.phase),\(s.x[i]),\(s.omega[i]),\(s.loss[i]),\(s.curvature[i])\n"
            }
        }
        var arrays = SafetensorsFile()
        let rows = slices.count, cols = slices.first?.x.count ?? 0
        arrays.tensors["teacher_moduli"] = try SafetensorsTensor(shape: [rows], values: slices.map(\.teacher))
        arrays.tensors[xName] = try SafetensorsTensor(shape: [cols], values: slices.first?.x ?? [])
        arrays.tensors["omega"] = try SafetensorsTensor(shape: [rows, cols], values: slices.flatMap(\.omega))
        arrays.tensors["loss"] = try SafetensorsTensor(shape: [rows, cols], values: slices.flatMap(\.loss))
        arrays.tensors["curvature"] = try SafetensorsTensor(shape: [rows, cols], values: slices.flatMap(\.curvature))
        try save.write(arrays)
        if let figures {
            var f = try FigureSet(path: figures)
            let csv = "landscape-\(direction.rawValue).csv"
            try f.write(csv, table)
            let label = direction == .modulus ? "ν" : "θ"
            let coords = parametrization.coordinateNames
            let omegaName = direction == .modulus ? coords.first : coords.second
            var plotLoss: [String] = [], plotCurv: [String] = []
            for (k, s) in slices.enumerated() {
                let every = "every ::\(k * cols + 1)::\((k + 1) * cols)"
                plotLoss.append("'\(csv)' \(every) using 3:5 with lines lw 2 title 'ν* = \(s.teacher)'")
                plotCurv.append(
                    "'\(csv)' \(every) using 3:($6 > 0 ? $6 : 1/0) with lines lw 2 title 'ν* = \(s.teacher)'")
            }
            let script = """
                set xlabel "\(label)"
                set output "landscape-\(direction.rawValue)-loss.svg"
                set title "Teacher–student loss along \(label) (\(normalized ? "normalised" : "unnormalised"), input \(acf))"
                set ylabel "L"
                set logscale y
                set format y "10^{%L}"
                plot \(plotLoss.joined(separator: ", \\\n     "))
                set output "landscape-\(direction.rawValue)-curvature.svg"
                set title "Curvature ∂²L/∂\(omegaName)² (parametrization \(parametrization.name))"
                set ylabel "∂²L/∂\(omegaName)²"
                plot \(plotCurv.joined(separator: ", \\\n     "))

                """
            try f.render(
                script: "landscape-\(direction.rawValue).gp", script,
                svgs: ["landscape-\(direction.rawValue)-loss.svg", "landscape-\(direction.rawValue)-curvature.svg"])
            f.report(to: console)
        }
        try output.emit(
            to: console, plain: { table },
            json: {
                .object([
                    ("direction", .string(direction.rawValue)), ("parametrization", .string(parametrization.name)),
                    ("normalized", .bool(normalized)), ("acf", .string(acf.description)),
                    (
                        "slices",
                        .array(
                            slices.map { s in
                                .object([
                                    ("teacher_modulus", .number(s.teacher)), ("teacher_phase", .number(s.phase)),
                                    ("x", .numbers(s.x)), ("omega", .numbers(s.omega)), ("loss", .numbers(s.loss)),
                                    ("curvature", .numbers(s.curvature)),
                                ])
                            })
                    ),
                ])
            })
    }

    func runGrid(console: Console, acf: InputAutocorrelation, normalization: Normalization, points n: Int) throws {
        let (a, b) = try range(default: (0, 0.999), lower: 0, upper: 0.999999, name: "ν")
        for (flag, v) in [("--theta-from", thetaFrom), ("--theta-to", thetaTo), ("--start-phase", startPhase)] {
            try Arguments.finite(v, flag)
        }
        guard thetaFrom < thetaTo else { throw CLIError("--theta-from must be below --theta-to") }
        guard teacherModulus.isFinite, teacherModulus >= 0, teacherModulus < 1 else {
            throw CLIError.invalidArgument("--teacher-modulus", NumberText.format(teacherModulus), "must lie in [0, 1)")
        }
        guard startModulus.isFinite, startModulus > 0, startModulus < 1 else {
            throw CLIError.invalidArgument("--start-modulus", NumberText.format(startModulus), "must lie in (0, 1)")
        }
        guard adamSteps >= 0, adamSteps <= 10_000_000 else {
            throw CLIError.invalidArgument("--adam-steps", String(adamSteps), "must lie in [0, 10000000]")
        }
        guard lr.isFinite, lr > 0 else {
            throw CLIError.invalidArgument("--lr", NumberText.format(lr), "must be finite and > 0")
        }
        let every = recordEvery ?? max(1, adamSteps / 500)
        guard every >= 1 else { throw CLIError.invalidArgument("--record-every", String(every), "must be ≥ 1") }
        let teacher = Complex(teacherModulus * Double.cos(teacherPhase), teacherModulus * Double.sin(teacherPhase))
        let loss: TeacherStudentLoss
        do { loss = try TeacherStudentLoss(teacher: teacher, input: acf, normalization: normalization) } catch {
            throw CLIError("--teacher-modulus: \(error)")
        }
        let nu = Self.grid(a, b, n), theta = Self.grid(thetaFrom, thetaTo, n)
        var values: [Double] = []
        values.reserveCapacity(n * n)
        for v in nu {
            for t in theta { values.append(try loss.value(at: Complex(v * Double.cos(t), v * Double.sin(t)))) }
        }
        var paths: [AdamPath] = []
        if adamSteps > 0 {
            let start = Complex(startModulus * Double.cos(startPhase), startModulus * Double.sin(startPhase))
            paths = try [Parametrization.figure7Polar, .figure7Exp, .figure7Optimal].map {
                try AdamPath.run(
                    loss: loss, parametrization: $0, start: start, learningRate: lr, steps: adamSteps,
                    recordEvery: every)
            }
        }
        let names = ["polar", "exp", "optimal"]
        func pathColumns(_ p: AdamPath) -> (nu: [Double], theta: [Double]) {
            (p.eigenvalues.map(\.length), p.eigenvalues.map { Double.atan2(y: $0.imaginary, x: $0.real) })
        }
        var gridTable = "nu,theta,loss\n"
        for i in 0..<n {
            for j in 0..<n { gridTable += "\(nu[i]),\(theta[j]),\(values[i * n + j])\n" }
        }
        var pathTable = "parametrization,step,nu,theta,loss\n"
        for (k, p) in paths.enumerated() {
            let c = pathColumns(p)
            for i in p.steps.indices {
                pathTable += "\(names[k]),\(p.steps[i]),\(c.nu[i]),\(c.theta[i]),\(p.losses[i])\n"
            }
        }
        var arrays = SafetensorsFile()
        arrays.tensors["nu"] = try SafetensorsTensor(shape: [n], values: nu)
        arrays.tensors["theta"] = try SafetensorsTensor(shape: [n], values: theta)
        arrays.tensors["loss"] = try SafetensorsTensor(shape: [n, n], values: values)
        for (k, p) in paths.enumerated() {
            let c = pathColumns(p)
            arrays.tensors["path_\(names[k])"] = try SafetensorsTensor(
                shape: [p.steps.count, 4],
                values: p.steps.indices.flatMap { [Double(p.steps[$0]), c.nu[$0], c.theta[$0], p.losses[$0]] })
        }
        try save.write(arrays)
        if let figures {
            var f = try FigureSet(path: figures)
            // gnuplot's image format: blocks separated by blank lines.
            var blocks = ""
            for i in 0..<n {
                for j in 0..<n { blocks += "\(nu[i]),\(theta[j]),\(Double.log10(max(values[i * n + j], 1e-300)))\n" }
                blocks += "\n"
            }
            try f.write("landscape-grid.csv", gridTable)
            try f.write("landscape-grid-log10.dat", blocks)
            var plots = ["'landscape-grid-log10.dat' using 1:2:3 with image notitle"]
            if !paths.isEmpty {
                try f.write("landscape-paths.csv", pathTable)
                let colors = ["#4477aa", "#cc3311", "#228833"]
                for (k, p) in paths.enumerated() {
                    let start = 1 + p.steps.count * k, end = p.steps.count * (k + 1)
                    plots.append(
                        "'landscape-paths.csv' every ::\(start)::\(end) using 3:4 with lines lw 2 lc rgb '\(colors[k])' title '\(names[k])'"
                    )
                }
            }
            let script = """
                set output "landscape-grid.svg"
                set title "log₁₀ L(νe^{iθ}), teacher \(teacherModulus)·e^{i·\(NumberText.format(teacherPhase))}"
                set xlabel "ν = |λ|"; set ylabel "θ"
                set xrange [\(a):\(b)]; set yrange [\(thetaFrom):\(thetaTo)]
                set palette rgbformulae 33,13,10
                plot \(plots.joined(separator: ", \\\n     "))

                """
            try f.render(script: "landscape-grid.gp", script, svgs: ["landscape-grid.svg"])
            f.report(to: console)
        }
        try output.emit(
            to: console,
            plain: {
                guard !paths.isEmpty else { return gridTable }
                var lines = [
                    "loss on a \(n) × \(n) grid of (ν, θ); teacher \(NumberText.format(teacherModulus))·e^(i·\(NumberText.format(teacherPhase)))"
                ]
                for (k, p) in paths.enumerated() {
                    let c = pathColumns(p)
                    let last = p.steps.count - 1
                    var line =
                        "adam \(names[k]): \(p.steps[last]) steps, ν = \(NumberText.format(c.nu[last])), θ = \(NumberText.format(c.theta[last])), loss \(NumberText.format(p.losses[last]))"
                    if let s = p.leftDomainAtStep { line += " (left the unit disk at step \(s))" }
                    lines.append(line)
                }
                return lines.joined(separator: "\n") + "\n"
            },
            json: {
                .object([
                    ("direction", .string("grid")), ("parametrization", .string("figure7")),
                    ("normalized", .bool(normalized)), ("acf", .string(acf.description)),
                    ("grid", .object([("nu", .numbers(nu)), ("theta", .numbers(theta)), ("loss", .numbers(values))])),
                    (
                        "paths",
                        .array(
                            paths.enumerated().map { k, p in
                                let c = pathColumns(p)
                                return .object([
                                    ("parametrization", .string(names[k])),
                                    ("steps", .array(p.steps.map { .integer($0) })),
                                    ("nu", .numbers(c.nu)), ("theta", .numbers(c.theta)), ("loss", .numbers(p.losses)),
                                    ("left_domain_at_step", .optional(p.leftDomainAtStep)),
                                ])
                            })
                    ),
                ])
            })
    }
}
