import ArgumentParser
import Foundation

/// Process entry point. It replaces ArgumentParser's default `main` to enforce rnnmem's exit-status contract:
///
/// * success, `--help`, `--version`: status 0 (help and version text on standard output);
/// * every error — a usage error found by ArgumentParser, a `CLIError` about the input or an argument, an error
///   thrown by the library (invalid model, non-positive circulant, …): ONE line `rnnmem: error: <message>` on
///   standard error and status 2 (ArgumentParser alone would use 64 for usage errors and print several lines).
public enum EntryPoint {
    public static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try RNNMem.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(reporting: error, arguments: arguments)
        }
    }

    static let failureStatus: Int32 = 2

    static func exit(reporting error: Error, arguments: [String]) -> Never {
        switch error {
        case let error as CLIError:
            fail(error.description)
        case let code as ExitCode:
            Foundation.exit(code.rawValue)
        default:
            break
        }
        if isArgumentParserError(error) {
            let code = RNNMem.exitCode(for: error)
            if code == .success {
                // --help, --version, help subcommand: the text on standard output, status 0.
                var text = RNNMem.fullMessage(for: error)
                if !text.hasSuffix("\n") { text += "\n" }
                try? Console.writeStandardOutput(text)
                Foundation.exit(0)
            }
            let message = oneLine(RNNMem.message(for: error))
            fail("\(message) (see '\(commandPath(arguments).joined(separator: " ")) --help')")
        }
        // An error thrown by the library: its description names the argument and the value at fault.
        fail(oneLine(String(describing: error)))
    }

    private static func fail(_ message: String) -> Never {
        Console.writeStandardError("rnnmem: error: \(message)\n")
        Foundation.exit(failureStatus)
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
