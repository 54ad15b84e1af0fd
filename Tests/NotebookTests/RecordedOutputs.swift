// # Recorded outputs: ```text blocks that must equal the recorder's file
//
// Long runs are not replayed: `notebooks-md/figures/make-NN.sh` runs them with a release build and writes every
// command with its standard output to `notebooks-md/figures/NN-recorded.txt`; the notebook shows them as ```text
// blocks. So that a notebook cannot drift from its recorder (re-run the script, forget to paste), every ```text
// block of `NN-*.md` whose first non-blank line is a `$ rnnmem …` command is compared with `NN-recorded.txt`:
// * both are split into commands and outputs by the console-block rules (`ConsoleTranscript.parseCommands`:
//   `$ ` starts a command, a trailing backslash continues it, `> FILE` is a redirection);
// * each command of the block must appear in the recorded file with the same words (line breaks and spacing of the
//   command do not matter), and its lines in the block must match the recorded output exactly — text and numbers,
//   no tolerance — with `...` standing for any run of lines (rows elided for length).
// Notebooks without a `figures/NN-recorded.txt` are not checked. A notebook must also never contain an unfilled
// placeholder `@@NAME@@` (NAME of capital letters and `_`), the template markers of a notebook being written.

import Foundation

enum RecordedOutputs {
    /// A failed comparison at a 1-based notebook line.
    struct Failure: Equatable, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    /// The ```text blocks whose first non-blank line starts with `$ rnnmem`: the 1-based line of the first body line
    /// and the body lines.
    static func commandTextBlocks(in markdown: String) -> [(firstLine: Int, body: [String])] {
        ConsoleTranscript.fencedBlocks(ConsoleTranscript.lines(of: markdown)).compactMap { fenced in
            guard fenced.language == "text",
                let first = fenced.body.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }),
                first.hasPrefix("$ rnnmem ")
            else { return nil }
            return (firstLine: fenced.openingIndex + 2, body: fenced.body)
        }
    }

    /// Every ```text command block of `markdown` that does not match `recorded` (the text of `NN-recorded.txt`).
    static func failures(markdown: String, recorded: String, recordedName: String) -> [Failure] {
        let recordedCommands: [ConsoleCommand]
        do {
            let lines = recorded.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            recordedCommands = try ConsoleTranscript.parseCommands(lines, firstLine: 1)
        } catch {
            return [Failure(line: 1, message: "\(recordedName):\(error.line): \(error.message)")]
        }
        var failures: [Failure] = []
        let matcher = OutputMatcher(tolerance: MatchTolerance(relative: 0, absolute: 0))
        for block in commandTextBlocks(in: markdown) {
            let commands: [ConsoleCommand]
            do {
                commands = try ConsoleTranscript.parseCommands(block.body, firstLine: block.firstLine)
            } catch {
                failures.append(Failure(line: error.line, message: error.message))
                continue
            }
            for command in commands {
                let candidates = recordedCommands.filter {
                    $0.arguments == command.arguments && $0.redirect == command.redirect
                }
                guard let source = candidates.first else {
                    failures.append(
                        Failure(
                            line: command.line,
                            message: "`\(command.text)` is not in \(recordedName) (re-run its make script or paste "
                                + "the command as recorded)"))
                    continue
                }
                if let m = matcher.mismatch(expected: command.expected, actual: source.expected) {
                    let line = m.expectedIndex.flatMap {
                        $0 < command.expectedLines.count ? command.expectedLines[$0] : nil
                    }
                    failures.append(
                        Failure(
                            line: line ?? command.line,
                            message: "`\(command.text)` differs from \(recordedName) (recorded at line "
                                + "\(source.line)): \(m.message)"))
                }
            }
        }
        return failures
    }

    /// 1-based lines holding an unfilled `@@NAME@@` placeholder, with the placeholder.
    static func placeholders(in markdown: String) -> [(line: Int, text: String)] {
        let pattern = /@@[A-Z_]+@@/
        var found: [(line: Int, text: String)] = []
        let lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() {
            for match in line.matches(of: pattern) {
                found.append((line: index + 1, text: String(match.output)))
            }
        }
        return found
    }
}
