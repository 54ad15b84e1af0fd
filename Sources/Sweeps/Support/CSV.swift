import Foundation

/// CSV writing (RFC 4180): comma-separated fields, a field quoted when it holds a comma, a double quote, a line
/// break or leading/trailing spaces, quotes doubled inside; lines end with `\n`.
enum CSV {
    static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func field(_ text: String) -> String {
        let needsQuotes =
            text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// A JSON scalar as a CSV field: strings verbatim, numbers in shortest round-trip form, null empty.
    static func text(_ value: JSONValue?) -> String {
        guard let value, value != .null else { return "" }
        return value.argumentText
    }
}
