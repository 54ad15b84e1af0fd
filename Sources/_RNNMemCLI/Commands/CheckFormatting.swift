import Foundation

/// Number and table formatting of the human-readable reports of `check`, `estimate` and `test` (the JSON forms
/// carry the exact values). Fixed decimals with ASCII minus, so equal computations print equal text.
enum ReportFormat {
    /// v with `digits` decimals ("nan", "inf" for non-finite values).
    static func fixed(_ v: Double, _ digits: Int = 4) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        let s = String(format: "%.\(digits)f", v)
        // "-0.0000" → "0.0000": a sign on a value that rounds to zero carries no information.
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
        return s
    }

    /// A p-value: 4 decimals, or two significant digits in exponent notation below 10⁻⁴.
    static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "nan" }
        if p >= 1e-4 { return fixed(p, 4) }
        if p <= 0 { return "0" }
        return String(format: "%.1e", p)
    }

    /// [lower, upper] with `digits` decimals.
    static func interval(_ lower: Double, _ upper: Double, _ digits: Int = 4) -> String {
        "[\(fixed(lower, digits)), \(fixed(upper, digits))]"
    }

    /// 0.95 → "95%", 0.025 → "2.5%".
    static func percent(_ level: Double) -> String {
        let v = level * 100
        return (v.rounded() == v ? String(Int(v)) : String(format: "%g", v)) + "%"
    }

    /// Columns left-aligned to their widest cell, separated by two spaces, each line indented; trailing blanks
    /// removed.
    static func table(_ rows: [[String]], indent: String = "  ") -> String {
        guard let width = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: width)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for r in rows {
            var line = indent
            for (i, c) in r.enumerated() {
                line += c
                if i + 1 < r.count { line += String(repeating: " ", count: widths[i] - c.count + 2) }
            }
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    /// `text` wrapped at `width` columns: the first line starts with `first`, the others with `rest`.
    static func wrap(_ text: String, width: Int = 100, first: String = "  - ", rest: String = "    ") -> String {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                lines.append(line)
                line = rest + word
            } else {
                line += (lineHasWord ? " " : "") + word
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
