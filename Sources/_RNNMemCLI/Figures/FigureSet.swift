import Foundation

/// The `--figures DIR` output of a verb: CSV files (always), a gnuplot script, and the SVGs gnuplot draws from them
/// when it is installed (``Gnuplot``). Without gnuplot the CSVs and the script are still written and
/// ``problem`` says how to draw the figures.
struct FigureSet {
    /// The directory (created if needed).
    let directory: OutputDirectory
    /// File names written so far (relative to the directory).
    private(set) var files: [String] = []
    /// Why no SVG was drawn, nil when gnuplot succeeded (or nothing was asked).
    private(set) var problem: String? = nil

    /// A figure set in `path` (`--figures`).
    init(path: String, option: String = "--figures") throws(CLIError) {
        directory = try OutputDirectory(path: path, option: option)
    }

    /// Write `text` as `name` in the directory.
    mutating func write(_ name: String, _ text: String) throws(CLIError) {
        try Console.writeFile(text, path: directory.file(name))
        files.append(name)
    }

    /// Write the script `name` (a gnuplot program whose `set output` lines name the SVGs `svgs`, relative to the
    /// directory) and run gnuplot on it in the directory.
    mutating func draw(script name: String, _ text: String, svgs: [String]) throws(CLIError) {
        let header = """
            # Written by rnnmem; redraw with: cd <this directory> && gnuplot \(name)
            set terminal svg size 760,480 font "sans,12" background "white"
            set datafile separator ","
            set datafile missing "nan"
            set grid
            set key outside right top

            """
        try write(name, header + text)
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

    /// Paths of the files written.
    var paths: [String] { files.map(directory.file) }

    /// Reports where the figures went (or why the SVGs are missing) on standard error.
    func report(to console: Console) {
        if let problem { console.warning("figures: \(problem)") }
        console.note("figures: wrote \(paths.joined(separator: ", "))")
    }
}
