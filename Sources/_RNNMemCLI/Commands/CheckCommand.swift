import ArgumentParser
import RNNMemory

/// `rnnmem check FILE [--column C | --columns LIST] [--transform T] [--last N] [--figures DIR] [--json]`: one report
/// on the memory of each series — verdict, evidence, Definition-1 slope, figures.
struct CheckCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report whether a series has long memory: verdict, estimates of d, tests, diagnostics, figures.",
        discussion: """
            Computed (n ≥ \(MemoryCheck.minimumLength), finite, not constant): exact local Whittle (elw) and local \
            Whittle (lw) with m = ⌊n^0.65⌋ and parametric Whittle ARFIMA(0,d,0) (whittle) — the primary estimators; \
            GPH with m = ⌊n^0.5⌋ (corroborating); R/S, DFA-1 and aggregated variance (heuristics: regression s.e., \
            supporting only); Lo's modified R/S, V/S and KPSS (level) tests of short memory and Wald tests of d = 0; \
            the Definition-1 slope (signed partial sums of the sample ACF, K ≤ n/10); a periodicity check \
            (periodogram peaks against a local power-law background, family-wise 1%).

            Verdict (first rule that applies): (1) fewer than 2 primary estimates → inconclusive; (2) a significant \
            periodogram peak inside the band j ≤ m of the local Whittle estimators → inconclusive (a cycle is not a \
            pole at λ = 0); (3) elw d̂ ≥ ½ → nonstationary; (4) another primary d̂ ≥ ½ → inconclusive; (5) every \
            primary 95% CI above 0 → long memory if at least 2 of the 3 short-memory tests reject toward \
            persistence, else inconclusive; (6) every CI contains 0 → short memory if fewer than 2 reject, else \
            inconclusive; (7) every CI below 0 → antipersistent (unless 2 reject toward persistence); (8) the \
            estimators disagree → inconclusive. Several columns: one report each, then an overall verdict \
            (nonstationary if any column is, else long memory if any column is — Zhao et al. 2020 — else \
            inconclusive if any is, else antipersistent if all are, else short memory).

            --json keys: input, column, transform, n, verdict (short_memory, long_memory, antipersistent, \
            nonstationary, inconclusive), verdict_text, rule_step, d, d_method, hurst, reasons[], caveats[], \
            primary_classes[], persistent_rejections, short_memory_tests, confidence_level, test_level, estimates[] \
            (role, method, name, variant, d, se, ci [lower, upper], ci_level, n, bandwidth, trimming, order, scales, \
            tuning, hurst, hurst_definition, alternative_se, auxiliary, objective, notes), failed_estimates[], tests[] \
            (name, method, statistic, critical_value, level, alternative, reject, rejection_side, p_value, \
            p_value_kind, p_value_bounds, null_hypothesis, alternative_hypothesis, n, lags, lag_rule, bandwidth, \
            estimate_method, critical_values, lag_profile, auxiliary, notes), failed_tests[], definition1, \
            periodicity, acf_decay, spectral_fit, figures. Several columns: {input, transform, n, verdict, \
            verdict_text, columns: [one object per column]}. Non-finite numbers are null.

            --figures DIR writes, per column NAME, NAME-acf.csv and NAME-periodogram.csv (the plotted data), \
            NAME-figures.gp, and with gnuplot (\(Gnuplot.installHint)) NAME-acf.svg and NAME-periodogram.svg: the \
            ACF on log–log axes with the fitted power law and exponential, the periodogram with the local Whittle \
            slope.
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions<LastNumericColumn>

    @Option(
        help: ArgumentHelp(
            "Write the figures (CSV data, gnuplot script, SVG when gnuplot is installed) to this folder.",
            valueName: "dir"))
    var figures: String?

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        let columns = try input.read(console: console)
        var reports: [(AnalysedSeries, MemoryCheckReport)] = []
        for c in columns {
            try c.requireUsable(atLeast: MemoryCheck.minimumLength, for: "rnnmem check")
            do {
                reports.append((c, try MemoryCheck.run(c.values)))
            } catch {
                throw CLIError("\(c.label): \(error)")
            }
        }
        var figureSets: [CheckFigures?] = []
        for (c, r) in reports {
            if let figures {
                figureSets.append(try CheckFigures.write(r, column: c.series.name, title: c.label, directory: figures))
            } else {
                figureSets.append(nil)
            }
        }
        for f in figureSets.compactMap({ $0 }) where !f.svgWritten {
            console.note("no SVG figures: \(f.problem ?? "unknown reason")")
        }
        try output.emit(
            to: console,
            plain: {
                var parts: [String] = []
                for (i, (c, r)) in reports.enumerated() {
                    parts.append(CheckReportText.render(r, input: c, figures: figureSets[i], figuresDirectory: figures))
                }
                var text = parts.joined(separator: "\n" + String(repeating: "=", count: 100) + "\n\n")
                if reports.count > 1 {
                    text += "\n" + String(repeating: "=", count: 100) + "\n\n" + CheckReportText.overall(reports)
                }
                return text
            },
            json: {
                if reports.count == 1, let (c, r) = reports.first {
                    return CheckReportJSON.object(r, input: c, figures: figureSets[0])
                }
                let overall = MultivariateVerdict.overall(reports.map { $0.1.verdict })
                return .object([
                    ("input", .string(reports.first?.0.series.source ?? input.file)),
                    ("transform", .string(input.transform.commandLineName)),
                    ("n", .integer(reports.first?.1.n ?? 0)),
                    ("verdict", .string(overall.rawValue)),
                    ("verdict_text", .string(overall.displayName)),
                    (
                        "columns",
                        .array(
                            reports.enumerated().map {
                                CheckReportJSON.object(
                                    $0.element.1, input: $0.element.0, figures: figureSets[$0.offset])
                            })
                    ),
                ])
            })
    }
}
