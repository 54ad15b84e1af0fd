import Foundation

/// How numbers are printed: Swift's shortest representation that reads back to the same `Double`
/// (`description`), so the printed text is exact and the same computation always gives the same bytes.
enum NumberText {
    static func format(_ x: Double) -> String { x.description }

    /// One value per line, each line ending in a newline.
    static func lines(_ values: [Double]) -> String {
        var out = ""
        out.reserveCapacity(values.count * 20)
        for x in values {
            out.append(x.description)
            out.append("\n")
        }
        return out
    }

    /// A CSV table: a header line, then one row per index, columns separated by commas.
    static func csv(header: [String], columns: [[Double]]) -> String {
        let rows = columns.map(\.count).min() ?? 0
        var out = header.map(csvField).joined(separator: ",") + "\n"
        out.reserveCapacity(rows * 20 * max(1, columns.count))
        for i in 0..<rows {
            for (j, column) in columns.enumerated() {
                if j > 0 { out.append(",") }
                out.append(column[i].description)
            }
            out.append("\n")
        }
        return out
    }

    /// A header cell as a CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
