/// A table of observations read from CSV: an optional header and data rows of equal width, from which one or
/// several numeric series are picked.
///
/// * Header detection: the first record is a header if any of its cells is non-empty and does not parse as a
///   number (so `year,min_level` is a header and `622,1157` is data).
/// * A cell is numeric if all of it parses as a number (C `strtod`: decimal or exponent notation, optional sign,
///   `inf`, `nan`, hexadecimal); a series may only hold finite numbers, so `NaN`, `inf` and empty cells are errors
///   reported at `file:line:column`.
/// * Default column: the last column that looks numeric, i.e. in which at least half of the non-empty cells parse
///   as numbers. On clean data that is the last column whose every cell is a finite number; a typo in the last
///   numeric column is therefore reported (`data.csv:17:2: 'abc' is not a number`) instead of silently switching
///   to another column.
/// * `--column NAME|INDEX`: a header name (exact match first), else a 1-based index.
struct SeriesTable {
    /// How messages name the input (a path or `<stdin>`).
    let source: String
    /// Header cells, if the first record is a header.
    let header: [String]?
    let columnCount: Int
    private let text: DelimitedText
    /// Index of the first data record in `text` (1 with a header, else 0).
    private let firstDataRecord: Int

    init(bytes: [UInt8], source: String) throws(CLIError) {
        self.source = source
        let parsed = try DelimitedText(bytes, source: source)
        text = parsed
        guard parsed.recordCount > 0 else { throw CLIError.emptyInput(source) }
        let width = parsed.cellCount(ofRecord: 0)
        columnCount = width
        let isHeader = (0..<width).contains {
            !parsed.isEmpty(record: 0, cell: $0) && parsed.number(record: 0, cell: $0) == nil
        }
        header = isHeader ? (0..<width).map { parsed.text(record: 0, cell: $0) } : nil
        firstDataRecord = isHeader ? 1 : 0
        if parsed.recordCount == firstDataRecord, let header { throw CLIError.headerOnly(source, header: header) }
        for r in firstDataRecord..<parsed.recordCount where parsed.cellCount(ofRecord: r) != width {
            throw CLIError.raggedRow(
                source, line: parsed.line(ofRecord: r), found: parsed.cellCount(ofRecord: r), expected: width,
                firstLine: parsed.line(ofRecord: 0))
        }
    }

    /// Read a file path, or the console's standard input for `-`.
    static func load(_ path: String, console: Console) throws(CLIError) -> SeriesTable {
        let input = try InputText.read(path, console: console)
        return try SeriesTable(bytes: input.bytes, source: input.source)
    }

    /// Number of data rows.
    var rowCount: Int { text.recordCount - firstDataRecord }

    /// Column names: the header, or `1`, `2`, … without one.
    var columnNames: [String] { header ?? (1...columnCount).map { String($0) } }

    /// `year, min_level` or, without a header, `1..3 (no header row)`, for messages.
    var columnList: String {
        if let header { return header.joined(separator: ", ") }
        return columnCount == 1 ? "1 (no header row)" : "1..\(columnCount) (no header row)"
    }

    /// Name of a column (0-based index) for messages and JSON: its header, or `column 2`.
    func name(ofColumn index: Int) -> String { header.map { $0[index] } ?? "column \(index + 1)" }

    /// Whether at least half of the non-empty cells of a column (and at least one) parse as numbers (the
    /// default-column rule).
    func looksNumeric(column index: Int) -> Bool {
        var numbers = 0
        var others = 0
        for r in firstDataRecord..<text.recordCount where !text.isEmpty(record: r, cell: index) {
            if text.number(record: r, cell: index) != nil { numbers += 1 } else { others += 1 }
        }
        return numbers > 0 && numbers >= others
    }

    /// The 0-based index of the column named by `spec` (a header name or a 1-based index), or of the default
    /// column when `spec` is nil.
    func columnIndex(_ spec: String?) throws(CLIError) -> Int {
        guard let spec else {
            guard let index = (0..<columnCount).last(where: { looksNumeric(column: $0) }) else {
                throw CLIError("no numeric column in \(source); columns are: \(columnList)")
            }
            return index
        }
        if let header, let index = header.firstIndex(of: spec) { return index }
        if let number = Int(spec) {
            guard number >= 1, number <= columnCount else {
                throw CLIError(
                    "no column \(number) in \(source): it has \(columnCount) column\(columnCount == 1 ? "" : "s")"
                        + "; columns are: \(columnList)")
            }
            return number - 1
        }
        throw CLIError("no column '\(spec)' in \(source); columns are: \(columnList)")
    }

    /// The finite values of a column (0-based), or the error at the first bad cell.
    func values(column index: Int) throws(CLIError) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(rowCount)
        for r in firstDataRecord..<text.recordCount {
            guard let value = text.number(record: r, cell: index) else {
                let line = text.line(ofRecord: r)
                if text.isEmpty(record: r, cell: index) {
                    throw CLIError.emptyCell(source, line: line, column: index + 1)
                }
                throw CLIError.notANumber(
                    source, line: line, column: index + 1, text: text.text(record: r, cell: index))
            }
            guard value.isFinite else {
                throw CLIError.notFinite(
                    source, line: text.line(ofRecord: r), column: index + 1, text: text.text(record: r, cell: index))
            }
            out.append(value)
        }
        return out
    }

    /// One series: the column named by `spec`, or the default column.
    func series(column spec: String?) throws(CLIError) -> Series {
        let index = try columnIndex(spec)
        return Series(source: source, name: name(ofColumn: index), column: index + 1, values: try values(column: index))
    }

    /// Several series: the columns named in `specs`, or every column that looks numeric when `specs` is nil.
    func series(columns specs: [String]?) throws(CLIError) -> [Series] {
        let indices: [Int]
        if let specs {
            guard !specs.isEmpty else { throw CLIError("--columns names no column") }
            var chosen: [Int] = []
            for spec in specs { chosen.append(try columnIndex(spec)) }
            indices = chosen
        } else {
            indices = (0..<columnCount).filter { looksNumeric(column: $0) }
            guard !indices.isEmpty else {
                throw CLIError("no numeric column in \(source); columns are: \(columnList)")
            }
        }
        var out: [Series] = []
        for index in indices {
            out.append(
                Series(
                    source: source, name: name(ofColumn: index), column: index + 1, values: try values(column: index)))
        }
        return out
    }
}

/// One numeric series read from an input, with where it came from.
struct Series: Sendable {
    /// The input's name in messages (a path or `<stdin>`).
    let source: String
    /// The column's header, or `column K` without a header.
    let name: String
    /// 1-based column index.
    let column: Int
    let values: [Double]

    var count: Int { values.count }
}
