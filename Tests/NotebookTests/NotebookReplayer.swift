import Foundation
import _TestSupport

/// Runs the console blocks of one notebook and collects every mismatch (rules: top of `ConsoleTranscript.swift`).
struct NotebookReplayer {
    /// Folder the commands run in and `> FILE` paths are relative to (the package root for real notebooks).
    let root: URL

    /// A failed command or a syntax error, at a 1-based notebook line.
    struct Failure: Equatable, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    static let streamPrefixes = ["rnnmem: note:", "rnnmem: warning:", "rnnmem: error:"]

    /// Every failure of the notebook `name` (used in messages) with text `markdown`; empty when it replays.
    func failures(markdown: String, name: String) throws -> [Failure] {
        let blocks: [ConsoleBlock]
        do {
            blocks = try ConsoleTranscript.blocks(in: markdown)
        } catch {
            return [Failure(line: error.line, message: "\(name):\(error.line): \(error.message)")]
        }
        var failures: [Failure] = []
        for block in blocks {
            for command in block.commands {
                failures += try replay(command, in: block, name: name)
            }
        }
        return failures
    }

    private func replay(_ command: ConsoleCommand, in block: ConsoleBlock, name: String) throws -> [Failure] {
        let result = try TestSupport.runRNNMem(command.arguments, directory: root)
        let place =
            "\(name), console block \(block.index) (line \(block.line)), command at line \(command.line) "
            + "`\(command.text)`"
        var failures: [Failure] = []
        func fail(_ message: String, line: Int? = nil) {
            failures.append(Failure(line: line ?? command.line, message: "\(place): \(message)"))
        }
        var expectedOut: [String] = []
        var expectedOutLines: [Int] = []
        var expectedErr: [String] = []
        var expectedErrLines: [Int] = []
        for (text, line) in zip(command.expected, command.expectedLines) {
            if Self.streamPrefixes.contains(where: { text.hasPrefix($0) }) {
                expectedErr.append(text)
                expectedErrLines.append(line)
            } else {
                expectedOut.append(text)
                expectedOutLines.append(line)
            }
        }
        let expectsError = expectedErr.contains { $0.hasPrefix("rnnmem: error:") }
        if expectsError && result.status != 2 {
            fail("expected exit status 2 (the transcript shows an error), got \(result.status)")
            return failures
        }
        if !expectsError && result.status != 0 {
            fail(
                "exit status \(result.status); stderr: \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
            )
            return failures
        }
        var stdoutLines = Self.lines(result.stdout)
        if let redirect = command.redirect {
            let target = root.appendingPathComponent(redirect)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: target)
            stdoutLines = []
        }
        let matcher = OutputMatcher(tolerance: block.tolerance)
        if let m = matcher.mismatch(expected: expectedOut, actual: stdoutLines) {
            let line = m.expectedIndex.flatMap { $0 < expectedOutLines.count ? expectedOutLines[$0] : nil }
            fail("standard output: \(m.message) [tolerance: \(block.tolerance)]", line: line)
        }
        if !expectedErr.isEmpty, let m = matcher.mismatch(expected: expectedErr, actual: Self.lines(result.stderr)) {
            let line = m.expectedIndex.flatMap { $0 < expectedErrLines.count ? expectedErrLines[$0] : nil }
            fail("standard error: \(m.message)", line: line)
        }
        return failures
    }

    static func lines(_ text: String) -> [String] {
        var parts = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}
