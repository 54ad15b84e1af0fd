import MemoryNumerics
import Sweeps

/// `sweep collect --compare AXIS=B1[,B2…]`: Welch two-sample t-tests (``WelchTTest``; Welch 1947) of every value of
/// one axis against baseline values of the same axis, per metric, within every combination of the other non-seed
/// axes, the samples being the complete cells over the seeds. For the Zhao et al. table: `--compare model=rnn,lstm`
/// tests each memory-augmented model against RNN and against LSTM on every data set.
struct SweepComparison {
    /// One test.
    struct Row {
        /// The values of the other non-seed axes (the group).
        let group: [SweepJSON]
        /// The compared value of the axis and the baseline value.
        let value: SweepJSON, baseline: SweepJSON
        let metric: String
        let count: Int, baselineCount: Int
        let mean: Double?, baselineMean: Double?
        /// nil when undefined (a sample with fewer than 2 values, or both constant).
        let test: WelchTTest?
        /// Why the test is undefined.
        let undefinedReason: String?
    }

    /// The compared axis.
    let axis: String
    /// The other non-seed axes (group columns).
    let groupAxes: [String]
    let rows: [Row]

    /// Parses `AXIS=B1,B2` against the configuration: the axis must exist and not be the seed axis, the baselines
    /// must be values of it.
    static func parse(_ text: String, configuration: SweepConfiguration) throws(CLIError) -> (
        axis: SweepAxis, baselines: [SweepJSON]
    ) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw CLIError.invalidArgument("--compare", text, "must be AXIS=BASELINE[,BASELINE…], e.g. model=rnn,lstm")
        }
        guard let axis = configuration.axes.first(where: { $0.name == parts[0] }) else {
            throw CLIError.invalidArgument(
                "--compare", text,
                "sweep \(configuration.name) has no axis '\(parts[0])' (axes: \(configuration.axes.map(\.name).joined(separator: ", ")))"
            )
        }
        guard !axis.isSeed else {
            throw CLIError.invalidArgument("--compare", text, "the seed axis holds the samples; compare another axis")
        }
        var baselines: [SweepJSON] = []
        for name in parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            guard let value = axis.values.first(where: { $0.argumentText == name }) else {
                throw CLIError.invalidArgument(
                    "--compare", text,
                    "'\(name)' is not a value of axis \(axis.name) (values: \(axis.values.map(\.argumentText).joined(separator: ", ")))"
                )
            }
            if !baselines.contains(value) { baselines.append(value) }
        }
        return (axis, baselines)
    }

    /// The tests of `collection` (every numeric metric, or those in `metrics`).
    init(_ collection: SweepCollection, axis: SweepAxis, baselines: [SweepJSON], metrics: [String]?) throws(CLIError) {
        let configuration = collection.configuration
        let numeric = collection.numericMetrics
        var chosen = numeric
        if let metrics {
            for m in metrics where !numeric.contains(m) {
                throw CLIError.invalidArgument(
                    "--compare-metrics", metrics.joined(separator: ","),
                    "'\(m)' is not a numeric metric of sweep \(configuration.name) (numeric metrics: \(numeric.joined(separator: ", ")))"
                )
            }
            chosen = metrics
        }
        guard let axisIndex = configuration.axes.firstIndex(where: { $0.name == axis.name }) else {
            throw CLIError("internal: axis \(axis.name) vanished")
        }
        let groupIndices = configuration.axes.indices.filter { !configuration.axes[$0].isSeed && $0 != axisIndex }
        // Samples: group key → (group values, axis value text → metric → values), in cell order.
        var order: [String] = []
        var groups: [String: (values: [SweepJSON], samples: [String: [String: [Double]]])] = [:]
        for entry in collection.entries {
            let values = groupIndices.map { entry.cell.values[$0] }
            let key = SweepJSON.array(values).canonicalText
            if groups[key] == nil {
                order.append(key)
                groups[key] = (values, [:])
            }
            guard case .complete(let result) = entry.state else { continue }
            let v = entry.cell.values[axisIndex].argumentText
            for m in chosen {
                if let x = result.metric(m)?.doubleValue, x.isFinite {
                    groups[key]?.samples[v, default: [:]][m, default: []].append(x)
                }
            }
        }
        var rows: [Row] = []
        for key in order {
            guard let group = groups[key] else { continue }
            for baseline in baselines {
                for value in axis.values where value != baseline {
                    for m in chosen {
                        let x = group.samples[value.argumentText]?[m] ?? [],
                            y = group.samples[baseline.argumentText]?[m] ?? []
                        var test: WelchTTest? = nil
                        var reason: String? = nil
                        do {
                            test = try WelchTTest(x, y)
                        } catch {
                            reason =
                                x.count < 2 || y.count < 2
                                ? "needs at least 2 complete cells on each side (\(x.count) and \(y.count))"
                                : "both samples are constant"
                        }
                        func mean(_ s: [Double]) -> Double? { s.isEmpty ? nil : s.reduce(0, +) / Double(s.count) }
                        rows.append(
                            Row(
                                group: group.values, value: value, baseline: baseline, metric: m, count: x.count,
                                baselineCount: y.count, mean: mean(x), baselineMean: mean(y), test: test,
                                undefinedReason: reason))
                    }
                }
            }
        }
        self.axis = axis.name
        self.groupAxes = groupIndices.map { configuration.axes[$0].name }
        self.rows = rows
    }

    /// Column names of the table.
    var header: [String] {
        groupAxes + [
            axis, "baseline", "metric", "n", "n_baseline", "mean", "baseline_mean", "difference", "t", "df",
            "p_value", "p_less", "p_greater",
        ]
    }

    /// CSV (exact numbers; empty fields where undefined).
    var csv: String {
        func f(_ x: Double?) -> String { x.map { SweepJSON.from($0).argumentText } ?? "" }
        var lines = [header.joined(separator: ",")]
        for r in rows {
            let cells =
                r.group.map(\.argumentText) + [
                    r.value.argumentText, r.baseline.argumentText, r.metric, String(r.count),
                    String(r.baselineCount), f(r.mean), f(r.baselineMean),
                    f(r.test?.meanDifference), f(r.test?.statistic),
                    f(r.test?.degreesOfFreedom), f(r.test?.pValue), f(r.test?.pValueLess),
                    f(r.test?.pValueGreater),
                ]
            lines.append(cells.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting of one field.
    static func csvField(_ text: String) -> String {
        let quote =
            text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) || text.first == " " || text.last == " "
        return quote ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Text rows (6 significant digits; "undefined" where a test is).
    var textRows: [[String]] {
        var out = [groupAxes + [axis, "baseline", "metric", "n", "mean", "baseline", "t", "df", "p", "p_less"]]
        for r in rows {
            let tail: [String]
            if let t = r.test {
                tail = [
                    SweepSupport.short(t.statistic), SweepSupport.short(t.degreesOfFreedom),
                    SweepSupport.short(t.pValue),
                    SweepSupport.short(t.pValueLess),
                ]
            } else {
                tail = ["undefined", "-", "-", "-"]
            }
            out.append(
                r.group.map(\.argumentText) + [
                    r.value.argumentText, r.baseline.argumentText, r.metric,
                    "\(r.count)/\(r.baselineCount)", SweepSupport.short(r.mean),
                    SweepSupport.short(r.baselineMean),
                ] + tail)
        }
        return out
    }

    /// JSON: {axis, group_axes[], rows[] {group {…}, value, baseline, metric, n, n_baseline, mean, baseline_mean,
    /// difference, t, df, p_value, p_less, p_greater, undefined}}.
    var json: SweepJSON {
        .object([
            JSONMember("axis", .string(axis)),
            JSONMember("group_axes", .array(groupAxes.map(SweepJSON.string))),
            JSONMember(
                "rows",
                .array(
                    rows.map { r in
                        .object([
                            JSONMember("group", .object(zip(groupAxes, r.group).map { JSONMember($0, $1) })),
                            JSONMember("value", r.value),
                            JSONMember("baseline", r.baseline),
                            JSONMember("metric", .string(r.metric)),
                            JSONMember("n", .integer(Int64(r.count))),
                            JSONMember("n_baseline", .integer(Int64(r.baselineCount))),
                            JSONMember("mean", .from(r.mean)),
                            JSONMember("baseline_mean", .from(r.baselineMean)),
                            JSONMember("difference", .from(r.test?.meanDifference)),
                            JSONMember("t", .from(r.test?.statistic)),
                            JSONMember("df", .from(r.test?.degreesOfFreedom)),
                            JSONMember("p_value", .from(r.test?.pValue)),
                            JSONMember("p_less", .from(r.test?.pValueLess)),
                            JSONMember("p_greater", .from(r.test?.pValueGreater)),
                            JSONMember("undefined", .from(r.undefinedReason)),
                        ])
                    })),
        ])
    }
}
