import RNNMemory

/// A series as a command analyses it: a column as read, after `--transform` and the window of `--last`.
struct AnalysedSeries: Sendable {
    let series: Series
    let values: [Double]
    let transform: SeriesTransform
    /// Observations dropped from the start by --last.
    let dropped: Int

    var count: Int { values.count }

    /// `data.csv, column 'close' (abs-log-returns, last 5000)` for reports and messages.
    var label: String {
        var s = "\(series.source), column '\(series.name)'"
        var extras: [String] = []
        if transform != .identity { extras.append(transform.commandLineName) }
        if dropped > 0 { extras.append("last \(values.count)") }
        if !extras.isEmpty { s += " (" + extras.joined(separator: ", ") + ")" }
        return s
    }

    /// Throws unless the series has at least `needed` values: `<purpose> needs at least N observations; <label>
    /// has M`.
    func require(atLeast needed: Int, for purpose: String) throws(CLIError) {
        guard values.count >= needed else {
            throw CLIError("\(purpose) needs at least \(needed) observations; \(label) has \(values.count)")
        }
    }

    /// Throws unless the series has at least `needed` values and is not constant.
    func requireUsable(atLeast needed: Int, for purpose: String) throws(CLIError) {
        try require(atLeast: needed, for: purpose)
        guard let first = values.first, values.contains(where: { $0 != first }) else {
            throw CLIError("\(label) is constant: its memory is undefined")
        }
    }

    /// JSON fields describing the input: input, column, transform, n.
    var jsonFields: [(String, JSONValue)] {
        [
            ("input", .string(series.source)), ("column", .string(series.name)),
            ("transform", .string(transform.commandLineName)), ("n", .integer(values.count)),
        ]
    }
}
