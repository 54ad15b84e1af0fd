import ArgumentParser

/// Where and how a command writes its result: plain text (one value per line, or a CSV table) or one JSON object,
/// to standard output or to a file.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON object instead of plain text.")
    var json = false

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write the result to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Write the plain or the JSON form of a result (only the one asked for is built) to the file, or to the
    /// console's standard output. A non-finite number in the result is an error (``FiniteOutput``).
    func emit(to console: Console, plain: () -> String, json makeJSON: () -> JSONValue) throws(CLIError) {
        let text: String
        if json {
            let document = makeJSON()
            try FiniteOutput.check(document)
            text = document.serialized
        } else {
            text = plain()
            try FiniteOutput.check(text: text)
        }
        if let output, output != "-" {
            try Console.writeFile(text, path: output)
        } else {
            try console.writeStandardOutput(text)
        }
    }
}
