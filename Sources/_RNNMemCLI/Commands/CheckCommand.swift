import ArgumentParser
import RNNMemory

/// `rnnmem check FILE [--column C | --columns LIST] [--transform T] [--last N] [--figures DIR] [--json]`: one report
/// on the memory of each series — verdict, evidence, Definition-1 slope, figures.
struct CheckCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report whether a series has long memory: verdict, estimates of d, tests, diagnostics, figures.",
        discussion: """
            Computed (n ≥ \(MemoryCheck.minimumLength), finite, not constant). Primary estimators: whittle — \
            Whittle ARFIMA(p,d,q) with p, q ≤ 3 selected by BIC = −2ℓ̂ + (p + q + 2) log n (Schwarz 1978; the fast \
            Whittle likelihood, one periodogram for all 16 fits); lpw — local polynomial Whittle, r = 1 (Andrews & \
            Sun 2004), robust to AR-type dynamics; elw — exact local Whittle, Shimotsu 2010 mean correction, valid \
            for nonstationary d (Shimotsu & Phillips 2005); lpw and elw with m = ⌊n^0.65⌋. Corroborating: lw (local \
            Whittle, Robinson 1995), the ARFIMA(0,d,0) Whittle fit when another order is selected, GPH (m = \
            ⌊n^0.5⌋). Heuristics (supporting only): R/S, DFA-1, aggregated variance. Tests of short memory: Lo's \
            modified R/S, V/S, KPSS (level); Wald tests of d = 0. Against spurious long memory: Qu's (2011) W (m = \
            ⌊n^0.7⌋, ε = 0.02 for n > 500, else 0.05), the sample-splitting test of constant d (after Shimotsu 2006: \
            lw on 4 blocks, 2 when n < 1000, χ²), the least-squares mean shift (Bai 1994) with elw on the adjusted \
            series (descriptive). Also: the Definition-1 slope (signed partial sums of the sample ACF, K ≤ n/10), a \
            periodicity check (periodogram peaks against a local power-law background, family-wise 1%), ACF decay.

            Verdict, rule v\(VerdictRule.version) (first step that applies). A primary estimate is significant when \
            |d̂/s.e.| > c_n = max(1.96, √(log n)) — for the ARFIMA fit, z² > log n is the Wald form of "adding d \
            lowers BIC" (Schwarz 1978). (1) fewer than 2 primary estimates → inconclusive; (2) a significant \
            periodogram peak inside the band j ≤ m of lpw/elw → inconclusive (a cycle is not a pole at λ = 0); (3) \
            elw's 95% CI above ½ → nonstationary (Shimotsu & Phillips 2005); (4) the stationary Whittle fit within \
            0.001 of its bound ±0.499 → inconclusive (evidence that |d| ≥ ½, not an estimate; the reasons give elw's \
            CI — at the boundary only when it holds values on both sides of ½ — and, when Qu's or the \
            sample-splitting test rejects as in 6, "structural break or long memory — inconclusive" naming the \
            test and the mean shift); (5) ARFIMA d significantly > 0 but lpw (Andrews & Sun 2004) differs from it \
            by more than c_n of its s.e. → inconclusive; (6) ARFIMA d significantly > 0 and Qu's test (Qu 2011) \
            rejects at 2.5% or the sample-splitting test (after Shimotsu 2006) at 1% → inconclusive: "structural \
            break or long memory — inconclusive", naming the test, its statistic and p-value, and the least-squares \
            mean shift (Bai 1994) with elw on the series without it; (7) ARFIMA d significantly > 0 → long memory; \
            (8) ARFIMA d significantly < 0 → antipersistent (inconclusive if lpw, Andrews & Sun 2004, disagrees as \
            in 5); (9) otherwise → short memory, unless lpw is significant (inconclusive) or all 3 of Lo's modified \
            R/S (Lo 1991), V/S (Giraitis et al. 2003) and KPSS (Kwiatkowski et al. 1992) reject toward persistence \
            (inconclusive). Measured error rates: the calibration study in the README. Several columns: one report \
            each, then an overall verdict (nonstationary if any column is, else long memory if any column is — Zhao \
            et al. 2020 — else inconclusive if any is, else antipersistent if all are, else short memory).

            --json keys: input, column, transform, n, verdict (short_memory, long_memory, antipersistent, \
            nonstationary, inconclusive), verdict_text, rule_version, rule_step, threshold, d, d_method, hurst, \
            reasons[], caveats[], primary_classes[], persistent_rejections, short_memory_tests, confidence_level, \
            test_level, estimates[] (role, method, name, variant, d, se, ci [lower, upper], ci_level, n, bandwidth, \
            trimming, order, scales, tuning, hurst, hurst_definition, alternative_se, auxiliary, objective, notes), \
            failed_estimates[], tests[] (name, method, statistic, critical_value, level, alternative, reject, \
            rejection_side, p_value, p_value_kind, p_value_bounds, null_hypothesis, alternative_hypothesis, n, lags, \
            lag_rule, bandwidth, estimate_method, critical_values, lag_profile, auxiliary, notes), failed_tests[], \
            order_selection {criterion, max_p, max_q, selected {p, q}, candidates[] {p, q, bic, d}}, spurious {qu \
            {statistic, critical_value, level, reject, p_value_bounds, bandwidth, trimming, d, scale}, sample_splitting \
            {blocks, block_bandwidth, block_d, block_se, full_sample_d, statistic, degrees_of_freedom, p_value, \
            level, reject}, differencing {d, bandwidth, demeaning, statistic, lags, p_value, p_value_kind, \
            p_value_bounds, critical_value, rejects_at_5pct}, mean_shift {location, standardized_shift, statistic, adjusted}}, failed_checks[], \
            definition1, periodicity, acf_decay, spectral_fit, figures. Several columns: {input, transform, n, \
            verdict, verdict_text, columns: [one object per column]}. Non-finite numbers are null.

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
