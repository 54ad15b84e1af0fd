import Foundation

/// How numbers are printed: Swift's shortest representation that reads back to the same `Double`
/// (`description`), so the printed text is exact and the same computation always gives the same bytes.
enum NumberText {
    static func format(_ x: Double) -> String { isMissing(x) ? "n/a" : x.description }

    /// A value that is deliberately absent (a cell of a table that does not exist, a statistic not computed):
    /// written as an empty CSV cell, `null` in JSON and `n/a` in text, and accepted by ``FiniteOutput``, which
    /// refuses every other non-finite number. A NaN with its own payload, so that no computation produces it by
    /// accident.
    static let missing = Double(nan: 0x6D_6973, signaling: false)

    /// Whether `x` is ``missing``.
    static func isMissing(_ x: Double) -> Bool {
        x.isNaN && (x.bitPattern & 0x3_FFFF_FFFF_FFFF) == 0x6D_6973
    }

    /// A number in a CSV cell or a line of numbers: ``missing`` as the empty string.
    static func cell(_ x: Double) -> String { isMissing(x) ? "" : x.description }

    /// One value per line, each line ending in a newline.
    static func lines(_ values: [Double]) -> String {
        var out = ""
        // The longest line, "-2.2250738585072014e-308\n", has 25 bytes: the text never outgrows this (a growth would
        // briefly hold the old and a twice larger buffer).
        out.reserveCapacity(values.count * 25)
        for x in values {
            out.append(cell(x))
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
                out.append(cell(column[i]))
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
