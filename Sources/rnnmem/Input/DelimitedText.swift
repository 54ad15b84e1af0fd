import Foundation

/// Splitting delimited text (CSV) into records of cells.
///
/// Accepted syntax:
/// * records are lines (`\n` or `\r\n`); blank lines and lines whose first non-blank character is `#` are skipped
///   (line numbers in messages still count them, so they match an editor's);
/// * the delimiter is a comma; a tab or a semicolon is accepted instead when the file is unambiguous about it:
///   of the candidates that occur in the first record, the one that splits every record into the same number of
///   fields is used (a comma wins a tie with another candidate; a tie between tab and semicolon is an error);
///   a file with none of them has one column;
/// * cells are trimmed of surrounding spaces and tabs; a cell may be wrapped in double quotes, with `""` standing
///   for one quote inside it (quoted cells cannot span lines).
struct DelimitedText {
    struct Record {
        /// 1-based physical line number in the input.
        let line: Int
        let cells: [Substring]
    }

    let records: [Record]
    /// The delimiter used, or nil for single-column input.
    let delimiter: Character?

    init(_ text: String, source: String) throws(CLIError) {
        var lines: [(line: Int, text: Substring)] = []
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = raw
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            lines.append((lineNumber, line))
        }
        guard let first = lines.first else {
            records = []
            delimiter = nil
            return
        }
        let chosen = try Self.detectDelimiter(first: first.text, lines: lines.map(\.text), source: source)
        delimiter = chosen
        var out: [Record] = []
        out.reserveCapacity(lines.count)
        for (number, line) in lines {
            out.append(Record(line: number, cells: Self.split(line, by: chosen)))
        }
        records = out
    }

    static let candidates: [Character] = [",", "\t", ";"]

    private static func detectDelimiter(
        first: Substring, lines: [Substring], source: String
    ) throws(CLIError) -> Character? {
        let present = candidates.filter { count(of: $0, in: first) > 0 }
        if present.isEmpty { return nil }
        if present.count == 1 { return present[0] }
        let consistent = present.filter { c in
            let fields = count(of: c, in: first)
            return lines.allSatisfy { count(of: c, in: $0) == fields }
        }
        if consistent.contains(",") || consistent.isEmpty && present.contains(",") { return "," }
        if consistent.count == 1 { return consistent[0] }
        if consistent.isEmpty { return present[0] }
        throw CLIError(
            "\(source): cannot tell whether tabs or semicolons separate the columns; "
                + "convert the file to comma-separated values")
    }

    /// Number of occurrences of `delimiter` outside double quotes.
    private static func count(of delimiter: Character, in line: Substring) -> Int {
        var n = 0
        var quoted = false
        for c in line {
            if c == "\"" {
                quoted.toggle()
            } else if c == delimiter && !quoted {
                n += 1
            }
        }
        return n
    }

    private static func split(_ line: Substring, by delimiter: Character?) -> [Substring] {
        guard let delimiter else { return [unquote(trim(line))] }
        if !line.contains("\"") {
            return line.split(separator: delimiter, omittingEmptySubsequences: false).map { trim($0) }
        }
        var cells: [Substring] = []
        var current = ""
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if quoted {
                if c == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex && line[next] == "\"" {
                        current.append("\"")
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == delimiter {
                cells.append(trim(Substring(current)))
                current = ""
            } else {
                current.append(c)
            }
            index = line.index(after: index)
        }
        cells.append(trim(Substring(current)))
        return cells
    }

    private static func unquote(_ cell: Substring) -> Substring {
        guard cell.count >= 2, cell.first == "\"", cell.last == "\"" else { return cell }
        let inner = cell.dropFirst().dropLast()
        return inner.contains("\"") ? Substring(inner.replacingOccurrences(of: "\"\"", with: "\"")) : inner
    }

    private static func trim(_ cell: Substring) -> Substring {
        var s = cell
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
