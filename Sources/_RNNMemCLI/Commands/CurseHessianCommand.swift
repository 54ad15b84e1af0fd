import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem curse hessian`: the Hessians at the optimum of a dense linear RNN and of its complex-diagonal equivalent
/// (Zucchet & Orvieto 2024, NeurIPS, §4.2, Fig. 4 and 9).
struct CurseHessianCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "hessian",
        abstract: "Compare the Hessians at the optimum of a dense and a complex-diagonal linear RNN (Fig. 4, 9).",
        discussion: """
            A teacher of dimension d = 2·--pairs made of conjugate eigenvalue pairs, |λ| = --modulus + --spread·U[0, 1], \
            phases U[0, 2π), A = P·blockdiag·P⁻¹ with a Gaussian basis P, B ~ N(0, 1), C ~ N(0, 1)/√d, D ~ N(0, 1); \
            the students are the teacher itself as a dense linear RNN and as the complex-diagonal network computing \
            the same function (zero loss). On --batch sequences of --length stationary Gaussian inputs (i.i.d. N(0, 1) \
            by default; autocorrelation ρ^|Δ| with --rho or Σ c_k ρ_k^|Δ| with --acf), the full Hessians \
            of ½·MSE (exact, from Hessian-vector products, Float64) are analysed: eigenvalues, the top eigenvectors' \
            mass per parameter group and participation ratio 1/Σv_i⁴ (the number of coordinates they occupy), and \
            the Gauss–Newton identity H = JᵀJ/n at zero loss. The diagonal network's Hessian is also compared with \
            its closed-form expectation at this T (finite horizon, h₀ = 0, the same input autocorrelation). Defaults: the paper's two pairs, \
            |λ| ∈ [0.99, 0.993], T = 300, batch 64.

            JSON: pairs, teacher_eigenvalues [{re, im}], length, batch, seed, acf, output_mismatch, dense and diagonal \
            {parameter_count, loss, eigenvalues, gauss_newton_mismatch, asymmetry, top_eigenvectors \
            [{eigenvalue, participation_ratio, groups {name: mass}}]}, diagonal_prediction_error, \
            diagonal_stationary_prediction_error. --save DIR: dense_hessian, diagonal_hessian, dense_eigenvalues, \
            diagonal_eigenvalues, dense_top_eigenvectors, diagonal_top_eigenvectors, diagonal_prediction, \
            diagonal_stationary_prediction (.npy). --figures DIR: the two spectra and the top eigenvectors' \
            coordinates (hessian-*.csv/svg).
            """)

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of conjugate pairs (default 2).", valueName: "n"))
    var pairs: Int = 2

    @Option(parsing: .unconditional, help: ArgumentHelp("Smallest teacher modulus (default 0.99).", valueName: "nu"))
    var modulus: Double = 0.99

    @Option(parsing: .unconditional, help: ArgumentHelp("Width of the modulus range (default 0.003).", valueName: "w"))
    var spread: Double = 0.003

    @Option(parsing: .unconditional, help: ArgumentHelp("Sequence length T (default 300).", valueName: "T"))
    var length: Int = 300

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of sequences (default 64).", valueName: "B"))
    var batch: Int = 64

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Eigenvectors analysed per network (default 3).", valueName: "k"))
    var top: Int = 3

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed of the teacher and the inputs (default 0).", valueName: "seed"))
    var seed: UInt64 = 0

    @OptionGroup(title: "Input") var input: CurseInputOptions

    @Option(help: ArgumentHelp("Write CSV tables and SVG figures to this directory.", valueName: "dir"))
    var figures: String?

    @OptionGroup var save: SaveOptions

    @OptionGroup var output: OutputOptions

    static func analysisJSON(_ a: HessianAnalysis) -> JSONValue {
        .object([
            ("parameter_count", .integer(a.eigenvalues.count)), ("loss", .number(a.loss)),
            ("eigenvalues", .numbers(a.eigenvalues)), ("gauss_newton_mismatch", .number(a.gaussNewtonMismatch)),
            ("asymmetry", .number(a.asymmetry)),
            (
                "top_eigenvectors",
                .array(
                    a.topEigenvectors.map { v in
                        .object([
                            ("eigenvalue", .number(v.eigenvalue)),
                            ("participation_ratio", .number(v.participationRatio)),
                            ("groups", .object(v.groups.map { ($0.group, .number($0.mass)) })),
                        ])
                    })
            ),
        ])
    }

    static func short(_ x: Double) -> String { String(format: "%.4g", x) }

    static func report(_ name: String, _ a: HessianAnalysis) -> [String] {
        var lines = [
            "\(name): \(a.eigenvalues.count) parameters, loss \(short(a.loss)), ‖H − JᵀJ/n‖/‖JᵀJ/n‖ \(short(a.gaussNewtonMismatch))",
            "  eigenvalues " + a.eigenvalues.map(short).joined(separator: " "),
        ]
        for (k, v) in a.topEigenvectors.enumerated() {
            let masses = v.groups.filter { $0.mass >= 0.01 }.map { "\($0.group) \(String(format: "%.2f", $0.mass))" }
            lines.append(
                "  eigenvector \(k + 1): eigenvalue \(short(v.eigenvalue)), participation ratio \(String(format: "%.2f", v.participationRatio)); mass \(masses.joined(separator: ", "))"
            )
        }
        return lines
    }

    func run(console: Console) throws {
        guard pairs >= 1, pairs <= 16 else {
            throw CLIError.invalidArgument("--pairs", String(pairs), "must lie in [1, 16]")
        }
        guard modulus.isFinite, modulus > 0, modulus < 1 else {
            throw CLIError.invalidArgument("--modulus", NumberText.format(modulus), "must lie in (0, 1)")
        }
        guard spread.isFinite, spread >= 0, modulus + spread < 1 else {
            throw CLIError.invalidArgument(
                "--spread", NumberText.format(spread), "must be ≥ 0 with --modulus + --spread < 1")
        }
        try Arguments.count(length, "--length")
        try Arguments.count(batch, "--batch")
        guard top >= 1 else { throw CLIError.invalidArgument("--top", String(top), "must be ≥ 1") }
        let p = 4 * pairs * pairs + 4 * pairs + 1
        try MemoryBudget.check(
            bytes: 8 * (Double(length) * Double(batch) * Double(p) * 3 + Double(p * p) * 8),
            for: "the Hessians (--length \(length) × --batch \(batch) × \(p) parameters)")
        let acf = try input.autocorrelation()
        let config = OptimumHessianStudy.Configuration(
            pairs: pairs, modulusBase: modulus, modulusSpread: spread,
            steps: length, batchSize: batch, seed: seed, topCount: top, input: acf)
        let r = try OptimumHessianStudy.run(config)
        let stationaryError =
            (r.diagonal.hessian - r.diagonalStationaryPrediction).frobeniusNorm
            / r.diagonalStationaryPrediction.frobeniusNorm
        var arrays = SafetensorsFile()
        func matrix(_ m: Matrix) throws -> SafetensorsTensor {
            try SafetensorsTensor(columnMajor: m.elements, shape: [m.rows, m.columns])
        }
        arrays.tensors["dense_hessian"] = try matrix(r.dense.hessian)
        arrays.tensors["diagonal_hessian"] = try matrix(r.diagonal.hessian)
        arrays.tensors["dense_eigenvalues"] = try SafetensorsTensor(
            shape: [r.dense.eigenvalues.count], values: r.dense.eigenvalues)
        arrays.tensors["diagonal_eigenvalues"] = try SafetensorsTensor(
            shape: [r.diagonal.eigenvalues.count], values: r.diagonal.eigenvalues)
        arrays.tensors["dense_top_eigenvectors"] = try SafetensorsTensor(
            shape: [r.dense.topEigenvectors.count, p], values: r.dense.topEigenvectors.flatMap(\.vector))
        arrays.tensors["diagonal_top_eigenvectors"] = try SafetensorsTensor(
            shape: [r.diagonal.topEigenvectors.count, p], values: r.diagonal.topEigenvectors.flatMap(\.vector))
        arrays.tensors["diagonal_prediction"] = try matrix(r.diagonalPrediction)
        arrays.tensors["diagonal_stationary_prediction"] = try matrix(r.diagonalStationaryPrediction)
        try save.write(arrays)
        if let figures {
            var f = try FigureSet(path: figures)
            var spectra = "index,dense,diagonal\n"
            for i in 0..<p { spectra += "\(i + 1),\(abs(r.dense.eigenvalues[i])),\(abs(r.diagonal.eigenvalues[i]))\n" }
            try f.write("hessian-spectra.csv", spectra)
            var vectors = "coordinate,dense_group,dense_v1_squared,diagonal_group,diagonal_v1_squared\n"
            let dv = r.dense.topEigenvectors.first?.vector ?? [], gv = r.diagonal.topEigenvectors.first?.vector ?? []
            func group(_ a: HessianAnalysis, _ i: Int) -> String { a.groups.first { $0.range.contains(i) }?.name ?? "" }
            for i in 0..<p {
                vectors +=
                    "\(i + 1),\(group(r.dense, i)),\(i < dv.count ? dv[i] * dv[i] : 0),\(group(r.diagonal, i)),\(i < gv.count ? gv[i] * gv[i] : 0)\n"
            }
            try f.write("hessian-top-eigenvector.csv", vectors)
            let script = """
                set output "hessian-spectra.svg"
                set title "Hessian at the optimum: |eigenvalues| (T = \(length), batch \(batch))"
                set xlabel "index (descending eigenvalue)"; set ylabel "|eigenvalue|"
                set logscale y
                set format y "10^{%L}"
                plot 'hessian-spectra.csv' every ::1 using 1:2 with linespoints pt 7 lw 2 title 'dense linear RNN', \\
                     'hessian-spectra.csv' every ::1 using 1:3 with linespoints pt 5 lw 2 title 'complex diagonal'
                set output "hessian-top-eigenvector.svg"
                set title "Top eigenvector: v_i² per coordinate"
                set xlabel "coordinate"; set ylabel "v_i²"
                unset logscale y
                set format y "%g"
                set style fill solid 0.6
                set boxwidth 0.4
                plot 'hessian-top-eigenvector.csv' every ::1 using ($1 - 0.2):3 with boxes lc rgb '#4477aa' title 'dense linear RNN', \\
                     'hessian-top-eigenvector.csv' every ::1 using ($1 + 0.2):5 with boxes lc rgb '#cc3311' title 'complex diagonal'

                """
            try f.render(script: "hessian.gp", script, svgs: ["hessian-spectra.svg", "hessian-top-eigenvector.svg"])
            f.report(to: console)
        }
        try output.emit(
            to: console,
            plain: {
                var lines = [
                    "teacher: \(pairs) conjugate pair\(pairs == 1 ? "" : "s"), λ = "
                        + stride(from: 0, to: r.teacher.eigenvalues.count, by: 2).map { k in
                            let l = r.teacher.eigenvalues[k]
                            return
                                "\(Self.short(l.length))·e^(±i·\(Self.short(abs(Double.atan2(y: l.imaginary, x: l.real)))))"
                        }.joined(separator: ", ")
                        + "; T = \(length), batch \(batch), seed \(seed)"
                        + (acf == .white ? "" : "; input autocorrelation \(acf)"),
                    "the two networks' outputs agree to \(Self.short(r.outputMismatch))",
                ]
                lines += Self.report("dense linear RNN", r.dense)
                lines += Self.report("complex diagonal", r.diagonal)
                lines.append(
                    "complex diagonal vs closed form at T = \(length): ‖H − E[H]‖/‖E[H]‖ \(Self.short(r.diagonalPredictionError)) (stationary form: \(Self.short(stationaryError)))"
                )
                return lines.joined(separator: "\n") + "\n"
            },
            json: {
                .object([
                    ("pairs", .integer(pairs)),
                    (
                        "teacher_eigenvalues",
                        .array(
                            r.teacher.eigenvalues.map {
                                .object([("re", .number($0.real)), ("im", .number($0.imaginary))])
                            })
                    ),
                    ("length", .integer(length)), ("batch", .integer(batch)), ("seed", .unsigned(seed)),
                    ("acf", .string(acf.description)),
                    ("output_mismatch", .number(r.outputMismatch)),
                    ("dense", Self.analysisJSON(r.dense)), ("diagonal", Self.analysisJSON(r.diagonal)),
                    ("diagonal_prediction_error", .number(r.diagonalPredictionError)),
                    ("diagonal_stationary_prediction_error", .number(stationaryError)),
                ])
            })
    }
}
