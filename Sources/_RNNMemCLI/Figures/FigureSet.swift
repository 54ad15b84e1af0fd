import Foundation

/// The figures of one command run in a `--figures DIR`: CSV files (always), one gnuplot script and, when gnuplot is
/// installed, the SVG files it draws. Non-finite values are written as `NaN`, which gnuplot skips.
struct FigureSet {
    /// The directory (created if needed).
    let directory: OutputDirectory
    /// Names of the files written, in order.
    private(set) var files: [String] = []
    /// Why no SVG was drawn (gnuplot missing or failing); nil when the SVGs were written or none was asked for.
    private(set) var problem: String? = nil
    /// The base name of the script written by ``draw(script:svgs:title:)``, e.g. `capacity`.
    private(set) var name = "figures"

    /// A figure set in `path` (`--figures`).
    init(path: String, option: String = "--figures") throws(CLIError) {
        directory = try OutputDirectory(path: path, option: option)
    }

    /// A figure set in `path` (`--figures`) whose script ``draw(script:svgs:title:)`` names `<name>-figures.gp`.
    init(directory path: String, name: String) throws(CLIError) {
        try self.init(path: path)
        self.name = name
    }

    /// Paths of the files written.
    var paths: [String] { files.map(directory.file) }

    /// A CSV table from columns of numbers (the shortest column sets the row count).
    mutating func csv(_ name: String, header: [String], columns: [[Double]]) throws(CLIError) {
        let rows = columns.map(\.count).min() ?? 0
        var text = header.map(NumberText.csvField).joined(separator: ",") + "\n"
        text.reserveCapacity(rows * 20 * max(1, columns.count))
        for i in 0..<rows {
            for (j, column) in columns.enumerated() {
                if j > 0 { text.append(",") }
                text.append(Self.cell(column[i]))
            }
            text.append("\n")
        }
        try write(name, text)
    }

    /// A CSV table from rows of text cells.
    mutating func csv(_ name: String, header: [String], rows: [[String]]) throws(CLIError) {
        var text = header.map(NumberText.csvField).joined(separator: ",") + "\n"
        for row in rows { text += row.map(NumberText.csvField).joined(separator: ",") + "\n" }
        try write(name, text)
    }

    /// A number as a CSV cell (`NaN` for non-finite values).
    static func cell(_ x: Double) -> String { x.isFinite ? x.description : "NaN" }

    /// Writes the gnuplot script `name` (prefixed with the SVG terminal settings) and runs gnuplot in the directory;
    /// `svgs` are the files the script draws.
    mutating func render(script name: String, _ body: String, svgs: [String]) throws(CLIError) {
        let text = """
            # rnnmem figures; redraw inside this folder with: gnuplot \(name)
            set terminal svg size 720,480 font "sans,12" background "white"
            set datafile separator ","
            set datafile missing "NaN"
            set grid
            set key below

            """ + body
        try write(name, text)
        guard let gnuplot = Gnuplot.executable() else {
            problem =
                "gnuplot is not installed (\(Gnuplot.installHint)); then run: cd \(directory.path) && gnuplot \(name)"
            return
        }
        if let failure = Gnuplot.run(script: name, in: directory.path, executable: gnuplot) {
            problem = failure
            return
        }
        files += svgs
    }

    /// A string for a gnuplot script, double-quoted with escapes.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes `text` as `name` in the directory.
    mutating func write(_ name: String, _ text: String) throws(CLIError) {
        try Console.writeFile(text, path: directory.file(name))
        files.append(name)
    }
}

extension FigureSet {
    /// Reports where the figures went (or why the SVGs are missing) on standard error.
    func report(to console: Console) {
        if let problem { console.warning("figures: \(problem)") }
        console.note("figures: wrote \(paths.joined(separator: ", "))")
    }
}

extension FigureSet {
    /// Writes `file` as a CSV table: a header, then one row per index; nil or non-finite values are empty cells
    /// (gnuplot skips them).
    mutating func table(_ file: String, header: [String], columns: [[Double?]]) throws(CLIError) {
        let rows = columns.map(\.count).max() ?? 0
        var out = header.map(NumberText.csvField).joined(separator: ",") + "\n"
        for i in 0..<rows {
            out +=
                columns.map { c in
                    guard i < c.count, let v = c[i], v.isFinite else { return "" }
                    return Self.number(v)
                }.joined(separator: ",") + "\n"
        }
        try write(file, out)
    }

    /// Writes `file` as a matrix for gnuplot's `matrix` plots (rows separated by newlines, values by commas;
    /// non-finite values as `NaN`).
    mutating func matrix(_ file: String, rows: Int, columns: Int, value: (Int, Int) -> Double) throws(CLIError) {
        var out = ""
        out.reserveCapacity(rows * columns * 12)
        for i in 0..<rows {
            out +=
                (0..<columns).map { j in
                    let v = value(i, j)
                    return v.isFinite ? Self.number(v) : "NaN"
                }.joined(separator: ",") + "\n"
        }
        try write(file, out)
    }

    /// Writes the script `<name>-figures.gp` (empty CSV cells are missing values) and runs gnuplot on it.
    mutating func draw(script body: String, svgs: [String], title: String) throws(CLIError) {
        try render(
            script: "\(name)-figures.gp", "# Figures of \(title)\nset datafile missing \"\"\n" + body, svgs: svgs)
    }

    /// A note on standard error when no SVG could be drawn.
    func reportProblem(to console: Console) {
        if let problem { console.note("no SVG figures: \(problem)") }
    }

    /// A value for a CSV cell: integral values without a fractional part (`3`, not `3.0`), others as
    /// ``NumberText/format(_:)``.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return NumberText.format(v)
    }
}

/// What a `spectrum` verb wrote besides its report: figures (`--figures`) and arrays (`--save`).
struct SpectrumOutputs {
    var figures: FigureSet?
    var saved: [String] = []

    /// A note on standard error when gnuplot could not draw the SVGs.
    func noteProblems(console: Console) {
        if let problem = figures?.problem { console.note("no SVG figures: \(problem)") }
    }

    /// Plain-report lines naming the files.
    var lines: [String] {
        var lines: [String] = []
        if let figures { lines.append("figures: " + figures.paths.joined(separator: ", ")) }
        if !saved.isEmpty { lines.append("saved: " + saved.joined(separator: ", ")) }
        return lines
    }

    /// JSON fields `figures` and `saved` (lists of paths, empty without --figures / --save).
    var jsonFields: [(String, JSONValue)] {
        [
            ("figures", .array((figures?.paths ?? []).map(JSONValue.string))),
            ("saved", .array(saved.map(JSONValue.string))),
        ]
    }
}
