import RNNMemory

/// The human-readable report of `rnnmem check` (fixed decimals; the JSON form carries exact values).
enum CheckReportText {
    static func render(
        _ r: MemoryCheckReport, input: AnalysedSeries, figures: CheckFigures?, figuresDirectory: String?
    ) -> String {
        let e = r.evidence
        let rule = r.settings.rule
        var s = "rnnmem check: \(input.label), n = \(r.n)\n\n"

        // Verdict.
        s += "Verdict: \(r.verdict.displayName.uppercased())"
        if let h = r.decision.headline, r.verdict != .inconclusive {
            s += " (d = \(ReportFormat.fixed(h.d)), H = \(ReportFormat.fixed(h.d + 0.5)) by \(h.method.displayName)"
            s += h.bandwidth.map { ", m = \($0))" } ?? (h.order.map { ", ARFIMA(\($0.p),d,\($0.q)))" } ?? ")")
        }
        s += " — rule v\(r.decision.ruleVersion), step \(r.decision.step)\n"
        for reason in r.decision.reasons { s += ReportFormat.wrap(reason) }

        // Estimates.
        let level = r.settings.confidenceLevel
        s +=
            "\nEstimates of d (H = d + ½; \(ReportFormat.percent(level)) Wald intervals; heuristics: supporting only)\n"
        var rows = [["method", "role", "d", "s.e.", "\(ReportFormat.percent(level)) CI", "H", "tuning"]]
        var undefined: [String] = []
        for est in e.estimates {
            let role = rule.role(of: est, in: e)
            let heuristic = role == .heuristic
            // A standard error that does not exist (e.g. a Whittle fit pinned at the bound of its search) is said so,
            // with the reason below the table, as `rnnmem estimate` does.
            let reason = EstimateOutput.undefinedStandardError(est)
            if let reason { undefined.append("\(est.method.commandLineName): \(reason)") }
            let se = reason == nil || est.standardError.isFinite ? ReportFormat.fixed(est.standardError) : "undefined"
            rows.append([
                est.method.commandLineName, role.rawValue, ReportFormat.fixed(est.d),
                heuristic ? "(\(se))" : se,
                heuristic || reason != nil
                    ? "—" : ReportFormat.interval(est.confidenceInterval.lower, est.confidenceInterval.upper),
                ReportFormat.fixed(est.hurst ?? est.impliedHurst), est.tuningDescription,
            ])
        }
        s += ReportFormat.table(rows)
        for note in undefined { s += ReportFormat.wrap(note) }
        for f in e.failedEstimates { s += ReportFormat.wrap("\(f.kind.commandLineName) failed: \(f.message)") }
        s += orderSelection(e)

        // Tests.
        s +=
            "\nTests (level \(ReportFormat.percent(r.settings.testLevel)); H0 of lo, vs, kpss: short memory; of wald: d = 0)\n"
        var trows = [["test", "statistic", "reject if", "p-value", "q / m", "decision"]]
        for t in e.tests {
            let tuning = t.lags.map { "q = \($0)" } ?? t.bandwidth.map { "m = \($0)" } ?? "—"
            let name =
                t.method == .wald ? "wald (\(t.estimate?.method.commandLineName ?? "?"))" : t.method.commandLineName
            trows.append([
                name, ReportFormat.fixed(t.statistic), TestOutput.region(t.criticalValue),
                TestOutput.pValueText(t.pValue),
                tuning, TestOutput.decision(t),
            ])
        }
        s += ReportFormat.table(trows)
        for f in e.failedTests { s += ReportFormat.wrap("\(f.kind.commandLineName) failed: \(f.message)") }

        s += spurious(e)

        // Definition 1.
        s += "\nDefinition 1 (long memory iff Σ_k |ρ(k)| = ∞; Zhao et al. 2020), on the sample ACF — supporting only\n"
        if let d1 = e.definition1 {
            var line =
                "\(d1.kind.rawValue) partial sums S(K) = Σ_{k≤K} ρ̂(k): log–log slope \(ReportFormat.fixed(d1.slope, 3))"
                + " ± \(ReportFormat.fixed(d1.standardError, 3)) over K = \(d1.fitLower)…\(d1.fitUpper) → \(d1.growth.rawValue)"
            if d1.growth == .growing { line += ", implied d = slope/2 = \(ReportFormat.fixed(d1.impliedD, 3))" }
            s += ReportFormat.wrap(line, first: "  ", rest: "  ")
            for c in d1.caveats { s += ReportFormat.wrap(c) }
        } else {
            s += "  not computed\n"
        }

        // Periodicity.
        s +=
            "\nPeriodicity (periodogram peaks against a local power-law background, family-wise level "
            + "\(ReportFormat.percent(e.periodicity?.familyLevel ?? 0.01)))\n"
        if let p = e.periodicity {
            let band = e.estimates.filter { rule.role(of: $0, in: e) == .primary }.compactMap(\.bandwidth).max() ?? 0
            if p.peaks.isEmpty {
                var line = "no significant peak"
                if let l = p.largest {
                    line +=
                        "; the largest ratio is \(ReportFormat.fixed(l.ratio, 1)) at period \(ReportFormat.fixed(l.period, 2))"
                        + " (j = \(l.index)), family-wise p = \(ReportFormat.pValue(l.familyPValue))"
                }
                s += ReportFormat.wrap(line, first: "  ", rest: "  ")
            }
            for peak in p.peaks {
                let line =
                    "peak at period \(ReportFormat.fixed(peak.period, 2)) (j = \(peak.index), λ = "
                    + "\(ReportFormat.fixed(peak.frequency))): \(ReportFormat.fixed(peak.ratio, 1))× the local background, "
                    + "family-wise p = \(ReportFormat.pValue(peak.familyPValue)); "
                    + (peak.index <= band ? "inside" : "outside")
                    + " the band j ≤ \(band) of the local Whittle estimators"
                s += ReportFormat.wrap(line, first: "  ", rest: "  ")
            }
        } else {
            s += "  not computed\n"
        }

        // ACF decay.
        let a = r.acfDecay
        s +=
            "\nACF decay (least squares on log ρ̂(k) at \(a.fitLags.count) log-spaced lags in 1…\(a.fitUpper), where ρ̂ > 0)\n"
        if let p = a.powerLaw, let x = a.exponential, let d = a.powerLawImpliedD, let tau = a.exponentialTimeScale {
            s +=
                "  power law    ρ̂(k) ≈ \(ReportFormat.fixed(Double.exp(p.intercept), 3))·k^(\(ReportFormat.fixed(p.slope, 3)))"
                + " (d = (b + 1)/2 = \(ReportFormat.fixed(d, 3))), RSS \(ReportFormat.fixed(p.residualSumOfSquares, 3))\n"
            if tau.isFinite {
                s +=
                    "  exponential  ρ̂(k) ≈ \(ReportFormat.fixed(Double.exp(x.intercept), 3))·e^(-k/\(ReportFormat.fixed(tau, 2)))"
                    + ", RSS \(ReportFormat.fixed(x.residualSumOfSquares, 3))\n"
            } else {
                s +=
                    "  exponential  log ρ̂(k) ≈ \(ReportFormat.fixed(x.intercept, 3)) + \(ReportFormat.fixed(x.slope, 4))·k: "
                    + "the fitted slope is not negative (no exponential decay), RSS \(ReportFormat.fixed(x.residualSumOfSquares, 3))\n"
            }
            s += "  closer fit: \(a.closerFit ?? "—") (descriptive: sample autocorrelations are biased and dependent)\n"
        } else {
            s += "  fewer than 3 leading positive autocorrelations: no decay to fit\n"
        }

        // Caveats.
        if !r.decision.caveats.isEmpty {
            s += "\nCaveats\n"
            for c in r.decision.caveats { s += ReportFormat.wrap(c) }
        }

        // Figures.
        s += "\n"
        if let f = figures {
            if f.svgWritten {
                s += ReportFormat.wrap("Figures: " + f.paths.joined(separator: ", "), first: "", rest: "  ")
            } else {
                s += ReportFormat.wrap(
                    "Figures: data written (" + f.paths.joined(separator: ", ") + "); no SVG: "
                        + (f.problem ?? "unknown"),
                    first: "", rest: "  ")
            }
        } else if figuresDirectory == nil {
            s += ReportFormat.wrap(
                "Figures: not requested; --figures DIR writes the log–log ACF and periodogram plots (CSV data, and SVG "
                    + "when gnuplot is installed: \(Gnuplot.installHint))", first: "", rest: "  ")
        }
        return s
    }

    /// The BIC order selection: the selected order and the runners-up.
    static func orderSelection(_ e: MemoryEvidence) -> String {
        guard let selected = e.selectedParametric, let order = selected.order else { return "" }
        let fitted = e.parametricCandidates.filter { $0.bic != nil }.sorted {
            ($0.bic ?? 0, $0.p, $0.q) < ($1.bic ?? 0, $1.p, $1.q)
        }
        let maxOrder = MemoryCheck.maximumOrder
        var line =
            "order selection: ARFIMA(\(order.p),d,\(order.q)) has the smallest BIC = −2ℓ̂ + (p + q + 2) log n among "
            + "\(fitted.count) of \((maxOrder + 1) * (maxOrder + 1)) Whittle fits (p, q ≤ \(maxOrder)); next: "
        line += fitted.dropFirst().prefix(2).map {
            "(\($0.p),\($0.q)) +\(ReportFormat.fixed(($0.bic ?? 0) - (fitted.first?.bic ?? 0), 1))"
        }.joined(separator: ", ")
        return ReportFormat.wrap(line)
    }

    /// Qu, sample splitting, the differencing test and the mean shift.
    static func spurious(_ e: MemoryEvidence) -> String {
        var s = "\nSpurious long memory (H0: true long memory; level shifts, breaks and trends mimic it)\n"
        if let q = e.qu {
            s += ReportFormat.wrap(
                "Qu (2011) W = \(ReportFormat.fixed(q.statistic)), reject if > \(ReportFormat.fixed(q.criticalValue)) at "
                    + "\(ReportFormat.percent(q.level)) (m = \(q.bandwidth), ε = \(ReportFormat.fixed(q.trimming, 2)), lw d̂ = "
                    + "\(ReportFormat.fixed(q.d))): " + (q.reject ? "rejects" : "does not reject")
                    + ", p in [\(ReportFormat.fixed(q.pValueBounds.lowerBound, 3)), \(ReportFormat.fixed(q.pValueBounds.upperBound, 3))]",
                first: "  ", rest: "    ")
        }
        if let t = e.sampleSplitting {
            s += ReportFormat.wrap(
                "sample splitting (after Shimotsu 2006): lw d̂ of \(t.blocks) blocks (m = \(t.blockBandwidth) each) "
                    + t.blockEstimates.map { ReportFormat.fixed($0) }.joined(separator: ", ")
                    + ", whole series \(ReportFormat.fixed(t.fullSampleD)); W = \(ReportFormat.fixed(t.statistic, 2)) on "
                    + "χ²(\(t.degreesOfFreedom)), p = \(ReportFormat.pValue(t.pValue)): "
                    + (t.reject ? "rejects a constant d" : "does not reject") + " at \(ReportFormat.percent(t.level))",
                first: "  ", rest: "    ")
        }
        if let t = e.differencing {
            s += ReportFormat.wrap(
                "d-th differencing (Shimotsu 2006): KPSS η_μ = \(ReportFormat.fixed(t.statistic)) on (1 − L)^d̂ x with "
                    + "elw d̂ = \(ReportFormat.fixed(t.d)) (m = \(t.bandwidth), centred by "
                    + (t.demeaning == .sampleMean ? "x̄" : "x₁") + ", q = \(t.lags)), p "
                    + "\(DifferencingTest.pValueText(t.pValue)): "
                    + (t.reject ? "rejects I(d) with constant d" : "does not reject")
                    + " at \(ReportFormat.percent(t.level)) (reported, not used by the verdict)",
                first: "  ", rest: "    ")
        }
        if let m = e.meanShift {
            s += ReportFormat.wrap(
                "largest mean shift (least squares, Bai 1994; descriptive) after t = \(m.location): Δ = "
                    + "\(ReportFormat.fixed(m.standardizedShift, 2)) residual s.d.; without it elw d̂ = "
                    + "\(ReportFormat.fixed(m.adjusted.d)) \(ReportFormat.interval(m.adjusted.confidenceInterval.lower, m.adjusted.confidenceInterval.upper))",
                first: "  ", rest: "    ")
        }
        for f in e.failedChecks { s += ReportFormat.wrap("\(f.kind) failed: \(f.message)") }
        return s
    }

    /// The overall line for several columns.
    static func overall(_ columns: [(AnalysedSeries, MemoryCheckReport)]) -> String {
        let verdict = MultivariateVerdict.overall(columns.map { $0.1.verdict })
        var s =
            "Overall: \(verdict.displayName.uppercased()) (\(columns.count) columns; per-dimension definition of "
            + "Zhao et al. 2020: a multivariate series has long memory if at least one component does)\n"
        for v in MemoryVerdict.allCases {
            let names = columns.filter { $0.1.verdict == v }.map { "'\($0.0.series.name)'" }
            if !names.isEmpty { s += ReportFormat.wrap("\(v.displayName): " + names.joined(separator: ", ")) }
        }
        return s
    }
}
