import Foundation
import RNNMemory

/// The plain and JSON forms of one ``MemoryEstimate`` (used by `rnnmem estimate` and inside `rnnmem check`).
///
/// JSON keys (documented in `rnnmem estimate --help` and the README): method, name, variant, d, se, ci
/// ([lower, upper]), ci_level, n, bandwidth (m or null), trimming, order ({p, q} or null), scales (or null), tuning,
/// hurst and hurst_definition (heuristics; else null), alternative_se ([{label, value}]), auxiliary
/// ([{name, value, se}]), objective, notes. Non-finite numbers are null.
enum EstimateOutput {
    static func jsonFields(_ e: MemoryEstimate) -> [(String, JSONValue)] {
        [
            ("method", .string(e.method.commandLineName)),
            ("name", .string(e.method.displayName)),
            ("variant", .string(e.variant)),
            ("d", .number(e.d)),
            ("se", .optional(finite(e.standardError))),
            (
                "ci",
                undefinedStandardError(e) == nil
                    ? .numbers([e.confidenceInterval.lower, e.confidenceInterval.upper]) : .null
            ),
            ("ci_level", .number(e.confidenceInterval.level)),
            ("n", .integer(e.n)),
            ("bandwidth", .optional(e.bandwidth)),
            ("trimming", .optional(e.trimming)),
            ("order", e.order.map { .object([("p", .integer($0.p)), ("q", .integer($0.q))]) } ?? .null),
            ("scales", e.scales.map { .array($0.map { JSONValue.integer($0) }) } ?? .null),
            ("tuning", .string(e.tuningDescription)),
            ("hurst", .optional(e.hurst)),
            ("hurst_definition", .optional(e.hurstDefinition)),
            (
                "alternative_se",
                .array(
                    e.alternativeStandardErrors.map {
                        .object([("label", .string($0.label)), ("value", .optional(finite($0.value)))])
                    })
            ),
            (
                "auxiliary",
                .array(
                    e.auxiliary.map {
                        .object([
                            ("name", .string($0.name)), ("value", .number($0.value)),
                            ("se", .optional($0.standardError.flatMap(finite))),
                        ])
                    })
            ),
            ("objective", .optional(e.objective)),
            ("notes", .array((e.notes + [undefinedStandardError(e)].compactMap { $0 }).map { .string($0) })),
        ]
    }

    /// `x` when finite, else nil (written `null` in JSON and `undefined` in text).
    private static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

    /// Why the standard error (and so the Wald interval) does not exist for this estimate, or nil when it does:
    /// a least-squares slope through two scales has no residual degrees of freedom; a Whittle fit pinned at its
    /// search bound has a singular information matrix.
    static func undefinedStandardError(_ e: MemoryEstimate) -> String? {
        guard !(e.standardError.isFinite && e.confidenceInterval.lower.isFinite && e.confidenceInterval.upper.isFinite)
        else { return nil }
        if let scales = e.scales, scales.count < 3 {
            return "standard error undefined: a least-squares slope through \(scales.count) scale"
                + "\(scales.count == 1 ? "" : "s") has no residual degrees of freedom; give at least 3 scales"
        }
        if VerdictRule.isAtBound(e) {
            return "standard error undefined: the estimate sits at the bound ±\(VerdictRule.whittleBound) of the "
                + "stationary Whittle search, where the information matrix is singular: evidence that |d| ≥ ½, not a value"
        }
        return
            "standard error undefined: the \(e.method.commandLineName) estimator gives none for this series and tuning"
    }

    /// `key: value` lines with exact (shortest round-trip) numbers.
    static func plain(_ e: MemoryEstimate, label: String) -> String {
        var s = "method: \(e.method.commandLineName) (\(e.variant))\n"
        s += "input: \(label), n = \(e.n)\n"
        s += "d: \(NumberText.format(e.d))\n"
        let ci = e.confidenceInterval
        if let reason = undefinedStandardError(e) {
            s += "se: undefined (\(reason.replacingOccurrences(of: "standard error undefined: ", with: "")))\n"
            s += "ci: undefined (no standard error)\n"
        } else {
            s += "se: \(NumberText.format(e.standardError))\n"
            s +=
                "ci: [\(NumberText.format(ci.lower)), \(NumberText.format(ci.upper))] (\(ReportFormat.percent(ci.level)) Wald)\n"
        }
        if let h = e.hurst {
            s += "hurst: \(NumberText.format(h)) (\(e.hurstDefinition ?? "H"); d = H − ½)\n"
        } else {
            s += "hurst: \(NumberText.format(e.impliedHurst)) (H = d + ½)\n"
        }
        if let m = e.bandwidth { s += "bandwidth: \(m)\n" }
        if let o = e.order { s += "order: \(o)\n" }
        s += "tuning: \(e.tuningDescription)\n"
        for a in e.alternativeStandardErrors {
            s += "se (\(a.label)): \(a.value.isFinite ? NumberText.format(a.value) : "undefined")\n"
        }
        for a in e.auxiliary {
            s += "\(a.name): \(NumberText.format(a.value))"
            if let se = a.standardError { s += " (se \(se.isFinite ? NumberText.format(se) : "undefined"))" }
            s += "\n"
        }
        if let o = e.objective { s += "objective: \(NumberText.format(o))\n" }
        for note in e.notes { s += "note: \(note)\n" }
        return s
    }
}
