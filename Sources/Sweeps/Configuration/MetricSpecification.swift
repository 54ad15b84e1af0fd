/// A metric read from a cell's JSON output: a column name and a key path into the JSON document.
///
/// The path is a list of object keys separated by dots (`testMetrics.rmse`); a segment made of digits indexes an
/// array (`losses.0`). The value found must be a scalar (number, string, boolean or null).
public struct MetricSpecification: Sendable, Equatable {
    /// The column name in result files and collected tables.
    public let name: String
    /// The key path as written (`testMetrics.rmse`).
    public let path: String
    /// The path's segments.
    public let segments: [String]

    /// A metric named `name` at `path`; `nil` when the path has an empty segment.
    public init?(name: String, path: String) {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !segments.isEmpty, segments.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.name = name
        self.path = path
        self.segments = segments
    }

    /// The value at this metric's path in `document`.
    /// - Throws: ``SweepError`` naming the path, the segment that is missing and `source` (the document's origin,
    ///   for example `summary.json` or `standard output`).
    public func extract(from document: JSONValue, source: String) throws(SweepError) -> JSONValue {
        var value = document
        for (i, segment) in segments.enumerated() {
            let prefix = segments[..<i].joined(separator: ".")
            let location = prefix.isEmpty ? "the top level" : "'\(prefix)'"
            switch value {
            case .object:
                guard let next = value[segment] else {
                    throw SweepError("metric '\(name)': no key '\(segment)' at \(location) of \(source)")
                }
                value = next
            case .array(let items):
                guard let k = Int(segment), k >= 0, k < items.count else {
                    throw SweepError(
                        "metric '\(name)': '\(segment)' is not an index of the \(items.count)-element array at \(location) of \(source)"
                    )
                }
                value = items[k]
            default:
                throw SweepError(
                    "metric '\(name)': \(location) of \(source) is \(value.kindDescription), not an object or array")
            }
        }
        guard value.isScalar else {
            throw SweepError(
                "metric '\(name)': '\(path)' in \(source) is \(value.kindDescription), not a number, string or boolean")
        }
        return value
    }
}
