/// rnnmem's JSON keys are snake_case everywhere; the library's `Codable` keys and setting names are camelCase.
enum SnakeCase {
    /// `batchSize` → `batch_size`, `ARFIMAOrder` → `arfima_order`; a key already in snake_case is unchanged.
    static func key(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        for (i, c) in characters.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = characters[i - 1]
                let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) {
                    out.append("_")
                }
            }
            out += c.lowercased()
        }
        return out
    }

    /// An enumeration value in a JSON value, spelled as a key: `afterUpdate` → `after_update`.
    static func value(_ text: String) -> String { key(text) }

    /// The keys of every dictionary inside a `JSONSerialization` object converted with ``key(_:)``.
    static func keys(_ object: Any) -> Any {
        if let dictionary = object as? [String: Any] {
            var out: [String: Any] = [:]
            for (k, v) in dictionary { out[key(k)] = keys(v) }
            return out
        }
        if let array = object as? [Any] { return array.map(keys) }
        return object
    }
}
