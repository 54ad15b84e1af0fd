import ArgumentParser
import RNNMemory

/// The outputs of a `spectrum` verb: the report (`--json`, `--output FILE`), figures (`--figures DIR`) and NumPy
/// arrays (`--save DIR`).
struct SpectrumOutputOptions: ParsableArguments {
    @OptionGroup var report: OutputOptions

    @Option(
        help: ArgumentHelp(
            "Write the figures (SVG by gnuplot, and the CSV data beside each) to this folder.",
            valueName: "dir"))
    var figures: String?

    @OptionGroup var save: SaveOptions

    @Option(
        help: ArgumentHelp(
            "Progress on standard error for runs longer than 2 s: auto, bar, lines, none.",
            valueName: "style"))
    var progress: ProgressArgument = .auto

    var json: Bool { report.json }

    /// A figure set in `--figures DIR`, or nil.
    func figureSet() throws(CLIError) -> FigureSet? {
        guard let figures else { return nil }
        return try FigureSet(path: figures)
    }

    /// Writes `arrays` as `.npy` files with `--save`; returns the paths.
    func saveArrays(_ arrays: [(String, [Int], [Double])]) throws(CLIError) -> [String] {
        guard save.save != nil else { return [] }
        var file = SafetensorsFile()
        for (name, shape, values) in arrays {
            do {
                file.tensors[name] = try SafetensorsTensor(shape: shape, values: values)
            } catch {
                throw CLIError("--save: array \(name): \(error)")
            }
        }
        return try save.write(file)
    }

    /// Emits the report: a note when figures could not be drawn, then the plain text (with the files written) or
    /// the JSON object (with `figures` and `saved`).
    func emit(console: Console, outputs: SpectrumOutputs, plain: () -> [String], json: () -> [(String, JSONValue)])
        throws(CLIError)
    {
        outputs.noteProblems(console: console)
        try report.emit(
            to: console, plain: { (plain() + outputs.lines).joined(separator: "\n") + "\n" },
            json: { .object(json() + outputs.jsonFields) })
    }
}
