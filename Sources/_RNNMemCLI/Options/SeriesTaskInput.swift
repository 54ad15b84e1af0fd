import Foundation
import RNNMemory

/// The series of a one-step prediction problem as `train --task series` and `forecast` read it: one CSV column,
/// optionally transformed (`--transform`) and cut to its last N observations (`--last`), and the split sizes
/// (`--splits a,b,c`). Both verbs go through this type, so a network and a baseline see the same values and the
/// same splits.
struct SeriesTaskInput {
    /// The values after the transform and the window.
    let values: [Double]
    /// The data-set name: the file name without extension (selects Zhao et al.'s split sizes for their names).
    let dataset: String

    /// Reads `column` of `path` (default: the last numeric column), applies `transform`, keeps the last `last`
    /// values.
    static func load(_ path: String, column: String?, transform: SeriesTransform, last: Int?, console: Console)
        throws(CLIError) -> SeriesTaskInput
    {
        if let last { try Arguments.count(last, "--last") }
        let series = try SeriesTable.load(path, console: console).series(column: column)
        var values = try transform.apply(series)
        if let last, last < values.count { values = Array(values[(values.count - last)...]) }
        try SeriesRange.check(values, label: "\(series.source), column '\(series.name)'")
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return SeriesTaskInput(values: values, dataset: name)
    }

    /// `--splits a,b,c`: three integers ≥ 1 (train, validation, test pairs).
    static func splits(parsing text: String) throws(CLIError) -> SeriesSplits {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else {
            throw CLIError.invalidArgument(
                "--splits", text, "must be three comma-separated pair counts train,validation,test")
        }
        for (name, v) in [("train", a), ("validation", b), ("test", c)] where v < 1 {
            throw CLIError.invalidArgument("--splits", text, "the \(name) size must be ≥ 1")
        }
        do {
            return try SeriesSplits(train: a, validation: b, test: c)
        } catch {
            throw CLIError.invalidArgument("--splits", text, "\(error)")
        }
    }

    /// The splits for these values: `explicit`, or ``SeriesSplits/automatic(valueCount:dataset:)``; the error names
    /// `--splits` when they need more pairs than the series has.
    func splits(_ explicit: SeriesSplits?) throws(CLIError) -> SeriesSplits {
        let pairs = values.count - 1
        if let s = explicit {
            guard s.pairCount <= pairs else {
                throw CLIError.invalidArgument(
                    "--splits", "\(s.train),\(s.validation),\(s.test)",
                    "needs \(s.pairCount) input–target pairs, but the series has \(values.count) values (\(pairs) pairs)"
                )
            }
            return s
        }
        do {
            return try SeriesSplits.automatic(valueCount: values.count, dataset: dataset)
        } catch {
            throw CLIError("series \(dataset): \(error)")
        }
    }
}
