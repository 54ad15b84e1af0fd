import ArgumentParser
import Sweeps

/// `rnnmem sweep collect DIR [--json] [--output FILE] [--aggregates FILE]`: merge a sweep's results.
struct SweepCollectCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Merge a sweep's results into one table, report missing and failed cells, aggregate over seeds.",
        discussion: """
            Reads DIR/sweep.json and every result file. Prints the aggregates over seeds: one row per combination \
            of the other axes and numeric metric, with the number of cells and complete cells, the mean, the \
            sample standard deviation (n − 1), the minimum, the maximum and the standard error of the mean s/√n \
            (text rounded to 6 significant digits; JSON and CSV exact). Missing and failed cells are listed on \
            standard error. --output FILE writes the cell table as CSV (columns cell, the axes, status \
            ok|failed|missing, exit_status, wall_time_seconds, the metrics, error); --aggregates FILE writes the \
            aggregates as CSV (the non-seed axes, cells, complete, and per metric m: m_mean, m_std, m_min, m_max, \
            m_sem, m_count). JSON keys: sweep, config_hash, output_dir, axes[], metrics[], cell_count, \
            complete_count, missing[], failed[] (cell, error), cells[] (cell, values, status, exit_status, \
            wall_time_seconds, metrics, error), aggregates[] (values, cells, complete, metrics: {m: {count, mean, \
            std, min, max, sem}}). A result of another configuration in DIR is an error.

            --compare AXIS=B1[,B2…] adds Welch two-sample t-tests (unequal variances, Welch–Satterthwaite degrees \
            of freedom; the numbers of scipy.stats.ttest_ind(x, y, equal_var=False)) of every value of AXIS against \
            each baseline value B, per numeric metric (or --compare-metrics LIST), within every combination of the \
            other non-seed axes, the samples being the complete cells over the seeds: printed after the aggregates \
            (p = two-sided, p_less = one-sided for mean(value) < mean(baseline), e.g. a smaller error), written as \
            CSV with --comparisons FILE (the group axes, AXIS, baseline, metric, n, n_baseline, mean, \
            baseline_mean, difference, t, df, p_value, p_less, p_greater; empty where a test is undefined), and in \
            JSON under comparisons {axis, group_axes[], rows[] {group, value, baseline, metric, n, n_baseline, \
            mean, baseline_mean, difference, t, df, p_value, p_less, p_greater, undefined}} (null without \
            --compare). A test needs two complete cells on each side and a non-constant sample. The Zhao et al. \
            table: rnnmem sweep collect DIR --compare model=rnn,lstm --compare-metrics rmse,mae.
            """)

    @Argument(help: ArgumentHelp("Output directory of the sweep.", valueName: "dir"))
    var directory: String

    @Option(name: [.short, .long], help: ArgumentHelp("Write the cell table (CSV) to this file.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write the aggregates over seeds (CSV) to this file.", valueName: "file"))
    var aggregates: String?

    @Option(
        help: ArgumentHelp(
            "Welch t-tests of each value of AXIS against the baseline values (see above).",
            valueName: "axis=b1,b2"))
    var compare: String?

    @Option(
        help: ArgumentHelp("The metrics compared (default: every numeric metric).", valueName: "list"),
        transform: { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } })
    var compareMetrics: [String]?

    @Option(help: ArgumentHelp("Write the comparisons (CSV) to this file (needs --compare).", valueName: "file"))
    var comparisons: String?

    @Flag(help: "Exit with status 2 (after writing the tables) when a cell is missing or failed.")
    var requireComplete = false

    @Flag(help: "Print one JSON object.")
    var json = false

    func run(console: Console) throws {
        if compare == nil && (compareMetrics != nil || comparisons != nil) {
            throw CLIError(
                "\(compareMetrics != nil ? "--compare-metrics" : "--comparisons") needs --compare AXIS=BASELINES")
        }
        let collection = try SweepSupport.checked { () throws(SweepError) in try SweepCollection.collect(directory) }
        let configuration = collection.configuration
        var comparison: SweepComparison? = nil
        if let compare {
            let (axis, baselines) = try SweepComparison.parse(compare, configuration: configuration)
            comparison = try SweepComparison(collection, axis: axis, baselines: baselines, metrics: compareMetrics)
        }
        if let output { try Console.writeFile(collection.cellTableCSV, path: output) }
        if let aggregates { try Console.writeFile(collection.aggregateTableCSV, path: aggregates) }
        if let comparisons, let comparison { try Console.writeFile(comparison.csv, path: comparisons) }

        let missing = collection.missing
        let failed = collection.failed
        if json {
            var document = collection.json
            if case .object(var members) = document {
                members.append(JSONMember("comparisons", comparison?.json ?? SweepJSON.null))
                document = .object(members)
            }
            try console.writeStandardOutput(document.prettyText)
        } else {
            let complete = collection.complete.count
            var out =
                "sweep \(configuration.name) (config hash \(configuration.shortHash)) in \(collection.directory.path): \(configuration.cellCount) cells: \(complete) ok, \(failed.count) failed, \(missing.count) missing\n"
            var rows: [[String]] = [
                configuration.groupAxes.map(\.name) + [
                    "cells", "complete", "metric", "mean", "std", "min", "max", "sem",
                ]
            ]
            for aggregate in collection.aggregates {
                for metric in aggregate.metrics {
                    let s = metric.statistics
                    rows.append(
                        aggregate.values.map(\.argumentText) + [
                            String(aggregate.cellCount), String(aggregate.completeCount), metric.name,
                        ]
                            + [s?.mean, s?.standardDeviation, s?.minimum, s?.maximum, s?.standardError].map(
                                SweepSupport.short))
                }
            }
            if rows.count > 1 { out += SweepSupport.columns(rows) }
            if let comparison {
                out +=
                    "\nWelch t-tests of \(comparison.axis) against the baselines (p two-sided; p_less: mean below the baseline's)\n"
                out += SweepSupport.columns(comparison.textRows)
            }
            try console.writeStandardOutput(out)
        }
        if !missing.isEmpty {
            let list = missing.prefix(50).map(String.init).joined(separator: ", ") + (missing.count > 50 ? ", …" : "")
            console.warning("\(missing.count) of \(configuration.cellCount) cells missing: \(list)")
        }
        for (cell, reason) in failed.prefix(20) { console.warning("cell \(cell) failed: \(reason)") }
        if failed.count > 20 { console.warning("… and \(failed.count - 20) more failed cells") }
        if requireComplete && (!missing.isEmpty || !failed.isEmpty) {
            throw CLIError(
                "sweep \(configuration.name) is incomplete: \(missing.count) missing and \(failed.count) failed of \(configuration.cellCount) cells"
            )
        }
    }
}
