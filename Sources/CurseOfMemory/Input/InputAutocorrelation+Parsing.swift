extension InputAutocorrelation {
    /// Reads a comma-separated list of components `weight:rate`, e.g. `"0.04306:0.99701,0.332:0"` (the
    /// `--acf` form of the command line). Whitespace around numbers is ignored. Throws a one-line error naming the
    /// offending item for an empty list, a missing colon, a non-number, c ≤ 0 or ρ outside [0, 1].
    public init(parsing text: String) throws {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        var parsed: [(weight: Double, rate: Double)] = []
        for (k, item) in items.enumerated() {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map(Self.trimmed)
            guard parts.count == 2, let c = Double(parts[0]), let r = Double(parts[1]) else {
                throw CurseOfMemoryError.invalidArgument(
                    argument: "autocorrelation",
                    message: "item \(k + 1) '\(item)' is not weight:rate (e.g. \"0.04306:0.99701,0.332:0\")")
            }
            parsed.append((c, r))
        }
        try self.init(components: parsed)
    }

    private static func trimmed(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f.isWhitespace { t = t.dropFirst() }
        while let l = t.last, l.isWhitespace { t = t.dropLast() }
        return String(t)
    }
}
