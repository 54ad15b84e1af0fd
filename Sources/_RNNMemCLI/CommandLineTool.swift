import ArgumentParser
import Foundation

/// The command-line tool `rnnmem`, as a library: one entry point for the process (``main()``) and one for running
/// a command in-process (``run(_:standardInput:helpColumns:)``), with the same behaviour and the same bytes.
///
/// Exit-status contract (ArgumentParser alone would use status 64 for usage errors and print several lines):
///
/// * success, `--help`, `--version`: status 0 (help and version text on standard output);
/// * every error — a usage error found by ArgumentParser, an error about the input or an argument, an error thrown
///   by the library (invalid model, non-positive circulant, …): ONE line `rnnmem: error: <message>` on standard
///   error and status 2 (``failureStatus``);
/// * `grad-check` whose errors exceed their tolerances: status 1, its report on standard output.
public enum CommandLineTool {
    /// The exit status of every error.
    public static let failureStatus: Int32 = 2

    /// Runs one command in-process: `arguments` as they would follow `rnnmem` on the command line, standard input
    /// from `standardInput` (empty when nil), standard output and standard error captured in the result.
    ///
    /// Never exits the process and keeps no state between calls, so that tests, a fuzz harness or a sweep runner
    /// can call it many times and concurrently. Relative paths in the arguments are resolved against the
    /// process's working directory (give absolute paths when running concurrently in different folders).
    ///
    /// - Parameters:
    ///   - helpColumns: Width at which help text is wrapped (the process entry point uses the terminal's width, or
    ///     `COLUMNS`).
    ///   - environment: Values of rnnmem's environment variables (`RNNMEM_MEMORY_LIMIT`, `RNNMEM_MAX_ROWS`) for
    ///     this invocation only, over the process's environment.
    public static func run(
        _ arguments: [String], standardInput: Data? = nil, helpColumns: Int = 80, environment: [String: String] = [:]
    ) async -> ToolResult {
        let console = Console.capturing(standardInput: standardInput)
        let status = await ToolEnvironment.$overrides.withValue(environment) {
            await execute(arguments, console: console, helpColumns: helpColumns)
        }
        return ToolResult(
            status: status, standardOutput: console.capturedOutput, standardError: console.capturedError)
    }

    /// The process entry point: the arguments of the process, its standard streams, and `exit` with the status.
    public static func main() async -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let status = await execute(arguments, console: .standardStreams, helpColumns: nil)
        exit(status)
    }

    /// Parses and runs one command, writing to `console`; returns the exit status.
    static func execute(_ arguments: [String], console: Console, helpColumns: Int?) async -> Int32 {
        let arguments = ArgumentPreprocessing.joiningNegativeValues(arguments)
        let words = Set(arguments.flatMap { FiniteOutput.words(of: Substring($0)) })
        return await ToolEnvironment.$argumentWords.withValue(words) {
            await executeParsed(arguments, console: console, helpColumns: helpColumns)
        }
    }

    private static func executeParsed(_ arguments: [String], console: Console, helpColumns: Int?) async -> Int32 {
        do {
            var command = try parseCommand(arguments)
            if let toolCommand = command as? any ToolCommand {
                try toolCommand.run(console: console)
            } else if let asyncToolCommand = command as? any AsyncToolCommand {
                try await asyncToolCommand.run(console: console)
            } else if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                // Commands that only group subcommands: their `run()` throws the request for help.
                try command.run()
            }
            return 0
        } catch {
            return report(error, arguments: arguments, console: console, helpColumns: helpColumns)
        }
    }

    /// Writes what an error calls for to `console` and returns the exit status.
    static func report(_ error: Error, arguments: [String], console: Console, helpColumns: Int?) -> Int32 {
        switch error {
        case let error as CLIError:
            return fail(error.description, console: console)
        case let code as ExitCode:
            return code.rawValue
        default:
            break
        }
        if isArgumentParserError(error) {
            let code = RNNMem.exitCode(for: error)
            if code == .success {
                // --help, --version, help subcommand: the text on standard output, status 0.
                var text = RNNMem.fullMessage(for: error, columns: helpColumns)
                if !text.hasSuffix("\n") { text += "\n" }
                try? console.writeStandardOutput(text)
                return 0
            }
            let message = oneLine(acceptedValuesInline(RNNMem.message(for: error)))
            return fail(
                "\(message) (see '\(commandPath(arguments).joined(separator: " ")) --help')", console: console)
        }
        if FileSystemErrors.isFoundationError(error) {
            let path = FileSystemErrors.path(error).map { " '\($0)'" } ?? ""
            return fail("cannot access\(path): \(FileSystemErrors.reason(error))", console: console)
        }
        // An error thrown by the library: its description names the argument and the value at fault.
        return fail(oneLine(String(describing: error)), console: console)
    }

    private static func fail(_ message: String, console: Console) -> Int32 {
        console.writeStandardError("rnnmem: error: \(ErrorLine.bounded(message))\n")
        return failureStatus
    }

    /// ArgumentParser's own errors (parsing, validation, help requests) as opposed to errors thrown by `run()`.
    private static func isArgumentParserError(_ error: Error) -> Bool {
        if error is ValidationError || error is CleanExit { return true }
        return String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// `rnnmem simulate arfima` for arguments `simulate arfima --d …`: the subcommands named at the front.
    static func commandPath(_ arguments: [String]) -> [String] {
        var path = ["rnnmem"]
        var current: ParsableCommand.Type = RNNMem.self
        for argument in arguments {
            guard
                let next = current.configuration.subcommands.first(where: {
                    $0.configuration.commandName == argument || $0.configuration.aliases.contains(argument)
                })
            else { break }
            path.append(argument)
            current = next
        }
        return path
    }

    /// ArgumentParser's list of accepted values ("Please provide one of the following:" then one `- value` line
    /// each, or "Please provide one of 'a', 'b' or 'c'.") as one clause: "the value 'foo' is invalid for
    /// '--model <name>': use one of rnn, lstm, gru".
    static func acceptedValuesInline(_ message: String) -> String {
        guard
            let range = message.range(of: "Please provide one of the following:")
                ?? message.range(of: "Please provide one of")
        else { return message }
        var head = message[..<range.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if head.hasSuffix(".") { head.removeLast() }
        let rest = message[range.upperBound...]
        var values: [String]
        if rest.contains(where: \.isNewline) {
            // Long lists: one `- value` line each.
            values = rest.split(whereSeparator: \.isNewline).compactMap { line -> String? in
                let item = line.trimmingCharacters(in: .whitespaces)
                guard item.hasPrefix("- ") else { return nil }
                return String(item.dropFirst(2))
            }
        } else {
            // Short lists on one line: "'lo', 'vs', 'kpss' or 'wald'." or "'arfima' and 'naive'.".
            var list = rest.trimmingCharacters(in: .whitespaces)
            if list.hasSuffix(".") { list.removeLast() }
            values = list.replacingOccurrences(of: " or ", with: ", ").replacingOccurrences(of: " and ", with: ", ")
                .components(separatedBy: ", ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "' ")) }
        }
        values.removeAll(where: \.isEmpty)
        return "\(head): use one of \(values.joined(separator: ", "))"
    }

    /// Collapses a multi-line message into one line and starts it in lower case, as rnnmem's own messages do.
    private static func oneLine(_ message: String) -> String {
        let parts = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        var text = parts.filter { !$0.isEmpty }.joined(separator: "; ")
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }
}
