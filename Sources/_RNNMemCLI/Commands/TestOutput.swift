import RNNMemory

/// The plain and JSON forms of one ``MemoryTestResult`` (used by `rnnmem test` and inside `rnnmem check`).
///
/// JSON keys (documented in `rnnmem test --help` and the README): name, method, statistic, critical_value ([c] for
/// a one-sided test, [lower, upper] for a two-sided one, at `level`), level, alternative, reject, rejection_side
/// ("greater", "less" or null), p_value, p_value_kind ("asymptotic", "interpolated" or "bound"), p_value_bounds,
/// null_hypothesis, alternative_hypothesis, n, lags, lag_rule, bandwidth, estimate_method, critical_values
/// ([{level, critical_value}]), lag_profile ([{lag, statistic, reject}]), auxiliary, notes.
enum TestOutput {
    static func jsonFields(_ t: MemoryTestResult) -> [(String, JSONValue)] {
        [
            ("name", .string(t.name)),
            ("method", .string(t.method.commandLineName)),
            ("statistic", .number(t.statistic)),
            ("critical_value", .numbers(t.criticalValueList)),
            ("level", .number(t.level)),
            ("alternative", .string(t.alternative.rawValue)),
            ("reject", .bool(t.reject)),
            ("rejection_side", .optional(t.rejectionSide?.rawValue)),
            ("p_value", .number(t.pValue.value)),
            ("p_value_kind", .string(t.pValue.kind.rawValue)),
            ("p_value_bounds", .numbers([t.pValue.lower, t.pValue.upper])),
            ("null_hypothesis", .string(t.nullHypothesis)),
            ("alternative_hypothesis", .string(t.alternativeHypothesis)),
            ("n", .integer(t.n)),
            ("lags", .optional(t.lags)),
            ("lag_rule", .optional(t.lagRule)),
            ("bandwidth", .optional(t.bandwidth)),
            ("estimate_method", .optional(t.estimate?.method.commandLineName)),
            (
                "critical_values",
                .array(
                    t.criticalValues.map {
                        .object([("level", .number($0.level)), ("critical_value", .numbers($0.region.values))])
                    })
            ),
            (
                "lag_profile",
                .array(
                    t.lagProfile.map {
                        .object([
                            ("lag", .integer($0.lag)), ("statistic", .number($0.statistic)),
                            ("reject", .bool($0.reject)),
                        ])
                    })
            ),
            (
                "auxiliary",
                .array(
                    t.auxiliary.map {
                        .object([
                            ("name", .string($0.name)), ("value", .number($0.value)),
                            ("se", .optional($0.standardError)),
                        ])
                    })
            ),
            ("notes", .array(t.notes.map { .string($0) })),
        ]
    }

    /// The critical region in words with 4 decimals: "outside [0.8086, 1.8624]", "above 0.1869", "below -1.6449".
    static func region(_ r: CriticalRegion) -> String {
        switch (r.lower, r.upper) {
        case (let l?, let u?): return "outside \(ReportFormat.interval(l, u))"
        case (nil, let u?): return "above \(ReportFormat.fixed(u))"
        case (let l?, nil): return "below \(ReportFormat.fixed(l))"
        default: return "none"
        }
    }

    /// "reject H0 (persistence)", "reject H0 (antipersistence)" or "do not reject H0".
    static func decision(_ t: MemoryTestResult) -> String {
        guard t.reject else { return "do not reject H0" }
        switch t.rejectionSide {
        case .greater?: return t.method == .wald ? "reject H0 (d > 0)" : "reject H0 (persistence)"
        case .less?: return t.method == .wald ? "reject H0 (d < 0)" : "reject H0 (antipersistence)"
        default: return "reject H0"
        }
    }

    /// The p-value in words ("0.0123", "< 0.01 (beyond the table)").
    static func pValueText(_ p: PValue) -> String {
        switch p.kind {
        case .bound: return p.lower > 0 ? "> \(ReportFormat.fixed(p.lower, 2))" : "< \(ReportFormat.fixed(p.upper, 2))"
        case .asymptotic, .interpolated: return ReportFormat.pValue(p.value)
        }
    }

    /// `key: value` lines with exact numbers.
    static func plain(_ t: MemoryTestResult, label: String) -> String {
        var s = "test: \(t.method.commandLineName) (\(t.name))\n"
        s += "input: \(label), n = \(t.n)\n"
        s += "H0: \(t.nullHypothesis)\n"
        s += "H1: \(t.alternativeHypothesis)\n"
        s += "statistic: \(NumberText.format(t.statistic))\n"
        s += "critical value (\(ReportFormat.percent(t.level))): reject \(region(t.criticalValue))\n"
        s += "p-value: \(pValueText(t.pValue)) (\(t.pValue.kind.rawValue))\n"
        s += "decision: \(decision(t)) at \(ReportFormat.percent(t.level))\n"
        if let q = t.lags { s += "lags: \(q) (\(t.lagRule ?? ""))\n" }
        if let m = t.bandwidth { s += "bandwidth: \(m)\n" }
        if let e = t.estimate {
            s +=
                "estimate: \(e.method.commandLineName) d = \(NumberText.format(e.d)), se = \(NumberText.format(e.standardError)) (\(e.tuningDescription))\n"
        }
        for c in t.criticalValues where c.level != t.level {
            s += "critical value (\(ReportFormat.percent(c.level))): reject \(region(c.region))\n"
        }
        if !t.lagProfile.isEmpty {
            let parts = t.lagProfile.map { "q=\($0.lag): \(ReportFormat.fixed($0.statistic))\($0.reject ? "*" : "")" }
            s += "profile: " + parts.joined(separator: ", ") + " (* rejects)\n"
        }
        for a in t.auxiliary { s += "\(a.name): \(NumberText.format(a.value))\n" }
        for note in t.notes { s += "note: \(note)\n" }
        return s
    }
}
