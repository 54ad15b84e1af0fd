import Foundation
import ArgumentParser

extension CommandLineTool {
    /// Parses `arguments` (as they would follow `rnnmem` on the command line, negative option values already joined
    /// by ``ArgumentPreprocessing``) into the command they name, with its options validated, without running it; the
    /// one parser that ``run(_:standardInput:helpColumns:)``, the process entry point and ``parseError(_:)`` use.
    static func parseCommand(_ arguments: [String]) throws -> any ParsableCommand {
        try RNNMem.parseAsRoot(arguments)
    }

    /// Checks that `arguments` form a valid command line — a known command, known options, values of the right
    /// kind, the command's own validation — without running the command or reading any file it names.
    ///
    /// - Returns: `nil` when the command line parses (or asks for help or the version), otherwise the one-line
    ///   message that running it would print after `rnnmem: error: `. Used to keep the examples of the README and
    ///   the documentation from drifting away from the command-line interface.
    public static func parseError(_ arguments: [String]) -> String? {
        let arguments = ArgumentPreprocessing.joiningNegativeValues(arguments)
        do {
            _ = try parseCommand(arguments)
            return nil
        } catch {
            if RNNMem.exitCode(for: error) == .success { return nil }
            let console = Console.capturing(standardInput: nil)
            _ = report(error, arguments: arguments, console: console, helpColumns: 80)
            var message = String(decoding: console.capturedError, as: UTF8.self)
            if message.hasPrefix("rnnmem: error: ") { message.removeFirst("rnnmem: error: ".count) }
            return message.trimmingCharacters(in: .newlines)
        }
    }
}
