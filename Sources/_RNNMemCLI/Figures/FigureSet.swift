import Foundation

/// The figures of one command run written to `--figures DIR`: CSV files of the plotted data (always), a gnuplot
/// script `<name>-figures.gp` that draws them, and the SVG files when gnuplot is installed (``Gnuplot``).
///
/// A command adds its tables with ``table(_:header:columns:)``, then calls ``draw(script:svgs:)`` once with the
/// script's body (terminal, separator and style lines are prepended) and the SVG files it writes.
struct FigureSet {
    /// The folder.
    let directory: OutputDirectory
    /// The base name of the script, e.g. `capacity`.
    let name: String
    /// Files written, relative to ``directory``, in order.
    private(set) var files: [String] = []
    /// Why no SVG was drawn (gnuplot missing or failing); nil when the SVGs were written.
    private(set) var problem: String? = nil

    /// Creates the folder (`--figures DIR`) if needed.
    init(directory path: String, name: String) throws(CLIError) {
        directory = try OutputDirectory(path: path, option: "--figures")
        self.name = name
    }

    /// Paths of the files written, relative to the current directory.
    var paths: [String] { files.map(directory.file) }

    /// Writes `file` as a CSV table: a header, then one row per index; nil or non-finite values are empty cells
    /// (gnuplot's `set datafile missing ""` skips them).
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

    /// Writes the script `<name>-figures.gp` and runs gnuplot on it inside the folder.
    mutating func draw(script body: String, svgs: [String], title: String) throws(CLIError) {
        let scriptFile = "\(name)-figures.gp"
        let script = """
            # Figures of \(title); run inside this folder: gnuplot \(scriptFile)
            set terminal svg size 720,460 font "sans,12" background "white"
            set datafile separator ","
            set datafile missing ""
            set grid
            set key top right

            """ + body
        try write(scriptFile, script)
        guard let gnuplot = Gnuplot.executable() else {
            problem =
                "gnuplot is not installed (\(Gnuplot.installHint)); then run: cd \(directory.path) && gnuplot \(scriptFile)"
            return
        }
        if let failure = Gnuplot.run(script: scriptFile, in: directory.path, executable: gnuplot) {
            problem = failure
            return
        }
        files += svgs
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

    /// A gnuplot string literal (double quotes, escaped).
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private mutating func write(_ file: String, _ text: String) throws(CLIError) {
        try Console.writeFile(text, path: directory.file(file))
        files.append(file)
    }
}
