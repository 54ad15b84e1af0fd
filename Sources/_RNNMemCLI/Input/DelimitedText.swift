#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Delimited text (CSV) split into records of cells, working on the UTF-8 bytes (a million rows take a fraction
/// of a second; Swift's `Character` view would spend most of its time on grapheme breaking).
///
/// Accepted syntax:
/// * records are lines (`\n`, `\r\n` or `\r`); blank lines and lines whose first non-blank character is `#` are
///   skipped (line numbers in messages still count them, so they match an editor's);
/// * the delimiter is a comma; a tab or a semicolon is accepted instead when the file is unambiguous about it:
///   of the candidates that occur in the first record, the one that splits every record into the same number of
///   fields is used (a comma wins a tie with another candidate; a tie between tab and semicolon is an error);
///   a file with none of them has one column;
/// * cells are trimmed of surrounding spaces and tabs; a cell may be wrapped in double quotes, with `""` standing
///   for one quote inside it (quoted cells cannot span lines).
struct DelimitedText {
    /// The input bytes followed by a 0 byte (so `strtod` stops at the end of the buffer).
    private let bytes: [UInt8]
    /// Per record: its 1-based physical line and the index of its first cell in `cellStart`/`cellEnd`.
    private var recordLine: [Int] = []
    private var recordFirstCell: [Int] = []
    /// Byte ranges of the cells (quotes excluded).
    private var cellStart: [Int] = []
    private var cellEnd: [Int] = []
    /// Cells that were quoted and hold an escaped quote `""` (rare; unescaped when read as text).
    private var escapedCells: Set<Int> = []
    /// The delimiter used, or nil for single-column input.
    private(set) var delimiter: UInt8?

    static let comma = UInt8(ascii: ","), tab = UInt8(ascii: "\t"), semicolon = UInt8(ascii: ";")
    static let quote = UInt8(ascii: "\""), space = UInt8(ascii: " "), hash = UInt8(ascii: "#")
    static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    init(_ utf8: [UInt8], source: String) throws(CLIError) {
        var buffer = utf8
        buffer.append(0)
        bytes = buffer
        let lines = Self.lines(bytes, count: utf8.count)
        guard let first = lines.first else { return }
        delimiter = try Self.detectDelimiter(bytes, lines: lines, first: first, source: source)
        recordLine.reserveCapacity(lines.count)
        recordFirstCell.reserveCapacity(lines.count + 1)
        cellStart.reserveCapacity(lines.count * 2)
        cellEnd.reserveCapacity(lines.count * 2)
        for line in lines {
            recordLine.append(line.number)
            recordFirstCell.append(cellStart.count)
            splitCells(line.start, line.end)
        }
        recordFirstCell.append(cellStart.count)
    }

    var recordCount: Int { recordLine.count }

    /// 1-based physical line of record `r`.
    func line(ofRecord r: Int) -> Int { recordLine[r] }

    func cellCount(ofRecord r: Int) -> Int { recordFirstCell[r + 1] - recordFirstCell[r] }

    func isEmpty(record r: Int, cell c: Int) -> Bool {
        let k = recordFirstCell[r] + c
        return cellStart[k] == cellEnd[k]
    }

    /// The cell as text (quotes removed, `""` unescaped).
    func text(record r: Int, cell c: Int) -> String {
        let k = recordFirstCell[r] + c
        let s = String(decoding: bytes[cellStart[k]..<cellEnd[k]], as: UTF8.self)
        return escapedCells.contains(k) ? s.replacingAll("\"\"", with: "\"") : s
    }

    /// The cell as a number if all of it parses as one (decimal or exponent notation, `inf`, `nan`), else nil.
    func number(record r: Int, cell c: Int) -> Double? {
        let k = recordFirstCell[r] + c
        let start = cellStart[k]
        let end = cellEnd[k]
        if start == end { return nil }
        let first = bytes[start]
        // strtod skips leading blanks and accepts hex floats; cells are trimmed, so only guard the first byte.
        guard first != Self.space, first != Self.tab else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars -> Double? in
                var stop: UnsafeMutablePointer<CChar>? = nil
                let value = strtod(chars + start, &stop)
                guard let stop, stop == UnsafeMutablePointer(mutating: chars + end) else { return nil }
                return value
            }
        }
    }

    // MARK: Parsing

    private struct Line {
        let number: Int
        let start: Int
        let end: Int
    }

    /// Non-blank, non-comment lines with their numbers and byte ranges (line terminators excluded).
    private static func lines(_ bytes: [UInt8], count: Int) -> [Line] {
        var out: [Line] = []
        var number = 0
        var start = 0
        while start < count {
            var i = start
            while i < count, bytes[i] != newline, bytes[i] != carriageReturn { i += 1 }
            number += 1
            var firstNonBlank = start
            while firstNonBlank < i, bytes[firstNonBlank] == space || bytes[firstNonBlank] == tab { firstNonBlank += 1 }
            if firstNonBlank < i, bytes[firstNonBlank] != hash {
                out.append(Line(number: number, start: start, end: i))
            }
            if i + 1 < count, bytes[i] == carriageReturn, bytes[i + 1] == newline { i += 1 }
            start = i + 1
        }
        return out
    }

    /// Occurrences of `delimiter` outside double quotes in bytes[start..<end].
    private static func count(_ delimiter: UInt8, _ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var n = 0
        var quoted = false
        for i in start..<end {
            let b = bytes[i]
            if b == quote {
                quoted.toggle()
            } else if b == delimiter && !quoted {
                n += 1
            }
        }
        return n
    }

    private static func detectDelimiter(
        _ bytes: [UInt8], lines: [Line], first: Line, source: String
    ) throws(CLIError) -> UInt8? {
        let present = [comma, tab, semicolon].filter { count($0, bytes, first.start, first.end) > 0 }
        if present.isEmpty { return nil }
        if present.count == 1 { return present[0] }
        let consistent = present.filter { c in
            let fields = count(c, bytes, first.start, first.end)
            return lines.allSatisfy { count(c, bytes, $0.start, $0.end) == fields }
        }
        if consistent.contains(comma) || consistent.isEmpty && present.contains(comma) { return comma }
        if consistent.count == 1 { return consistent[0] }
        if consistent.isEmpty { return present[0] }
        throw CLIError(
            "\(source): cannot tell whether tabs or semicolons separate the columns; "
                + "convert the file to comma-separated values")
    }

    /// Appends the cells of bytes[start..<end].
    private mutating func splitCells(_ start: Int, _ end: Int) {
        guard let delimiter else {
            appendCell(start, end)
            return
        }
        var cellBegin = start
        var quoted = false
        var i = start
        while i < end {
            let b = bytes[i]
            if b == Self.quote {
                quoted.toggle()
            } else if b == delimiter && !quoted {
                appendCell(cellBegin, i)
                cellBegin = i + 1
            }
            i += 1
        }
        appendCell(cellBegin, end)
    }

    /// Appends one cell, trimmed of blanks and of surrounding quotes.
    private mutating func appendCell(_ start: Int, _ end: Int) {
        var s = start
        var e = end
        while s < e, bytes[s] == Self.space || bytes[s] == Self.tab { s += 1 }
        while e > s, bytes[e - 1] == Self.space || bytes[e - 1] == Self.tab { e -= 1 }
        if e - s >= 2, bytes[s] == Self.quote, bytes[e - 1] == Self.quote {
            s += 1
            e -= 1
            var k = s
            while k < e {
                if bytes[k] == Self.quote {
                    escapedCells.insert(cellStart.count)
                    break
                }
                k += 1
            }
        }
        cellStart.append(s)
        cellEnd.append(e)
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[rest.startIndex..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
