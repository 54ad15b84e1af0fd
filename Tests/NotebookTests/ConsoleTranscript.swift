// # Notebook replay: the syntax of console blocks
//
// Every `notebooks-md/NN-topic.md` (NN two digits) is replayed by `NotebookReplayTests`. Only fenced blocks whose
// info string is `console` are replayed; other blocks (```text, ```json, ```gnuplot …) are prose.
//
// Inside a ```console block:
// * A line starting with `$ ` is a command. A command whose line ends with a backslash continues on the next
//   line (the backslash and newline are dropped, as in a shell).
// * Every command must be `rnnmem …`. Words are split as a POSIX shell would for the supported subset: blanks
//   separate words, '…' quotes literally, "…" quotes with \" and \\ escapes, a backslash escapes the next
//   character. Supported redirection: `> FILE` (or `>FILE`), writing standard output to FILE, a path relative to
//   the package root (parent folders are created). Not supported (the test fails, naming the command): pipes
//   `|`, `<`, `2>`, `>>`, `;`, `&`, `&&`, `$…` expansions, backquotes and any program other than `rnnmem`.
// * The lines after a command, up to the next command or the end of the block, are its expected output. Commands
//   run with the built `rnnmem` binary in the package root, so `data/nile_min_622_1284.csv` works.
//
// Matching (see `OutputMatcher`):
// * Expected lines starting with `rnnmem: note:`, `rnnmem: warning:` or `rnnmem: error:` are matched against
//   standard error (all of it, in order); every other expected line against standard output. If the expected
//   output shows no such line, standard error is not compared.
// * A command must exit with status 0, unless its expected output shows an `rnnmem: error:` line: then it must
//   exit with status 2.
// * Lines are compared after trimming trailing blanks; trailing empty lines are ignored. Text must be equal;
//   numbers are compared with a relative tolerance (default 1e-6) and an absolute floor (default 1e-12):
//   |actual − expected| ≤ max(tolerance·max(|actual|, |expected|), absolute). A line consisting of `...` matches
//   any number of lines (including none).
// * An HTML comment on the line(s) right before the opening fence (blank lines allowed in between) overrides the
//   tolerances of that block: `<!-- tolerance: 1e-3 -->` or `<!-- tolerance: 1e-3, absolute: 1e-9 -->`.

import Foundation

/// The settings of one console block.
struct MatchTolerance: Equatable, Sendable, CustomStringConvertible {
    var relative: Double = 1e-6
    var absolute: Double = 1e-12

    var description: String { "relative \(relative), absolute \(absolute)" }
}

/// One `$ rnnmem …` command of a console block with its expected output.
struct ConsoleCommand: Equatable, Sendable {
    /// 1-based line of the `$` in the notebook.
    let line: Int
    /// The command as written (continuations joined), for messages.
    let text: String
    /// Arguments after `rnnmem`.
    let arguments: [String]
    /// `> FILE` target, relative to the package root.
    let redirect: String?
    /// Expected output lines (1-based notebook line numbers alongside).
    let expected: [String]
    let expectedLines: [Int]
}

/// A ```console block.
struct ConsoleBlock: Equatable, Sendable {
    /// 1-based index among the notebook's console blocks.
    let index: Int
    /// 1-based line of the opening fence.
    let line: Int
    let tolerance: MatchTolerance
    let commands: [ConsoleCommand]
}

/// A syntax error in a notebook (an unsupported command, an unclosed block, a bad tolerance comment).
struct TranscriptError: Error, Equatable, CustomStringConvertible {
    let line: Int
    let message: String
    var description: String { "line \(line): \(message)" }
}

enum ConsoleTranscript {
    /// Parse every ```console block of a Markdown document.
    static func blocks(in markdown: String) throws(TranscriptError) -> [ConsoleBlock] {
        let lines = Self.lines(of: markdown)
        var blocks: [ConsoleBlock] = []
        for fenced in fencedBlocks(lines) where fenced.language == "console" {
            guard fenced.isClosed else {
                throw TranscriptError(line: fenced.openingIndex + 1, message: "the ```console block is never closed")
            }
            let tolerance = try toleranceComment(before: fenced.openingIndex, in: lines)
            let commands = try parseCommands(fenced.body, firstLine: fenced.openingIndex + 2)
            blocks.append(
                ConsoleBlock(
                    index: blocks.count + 1, line: fenced.openingIndex + 1, tolerance: tolerance, commands: commands))
        }
        return blocks
    }

    /// The lines of a Markdown document ("\r\n" is one Character in Swift: split on every newline character).
    static func lines(of markdown: String) -> [String] {
        markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// A fenced code block: the 0-based index of its opening fence, the first word of its info string, whether a
    /// closing fence was found, and the lines between the fences (to the end of the document if unclosed).
    struct FencedBlock {
        let openingIndex: Int
        let language: String
        let isClosed: Bool
        let body: [String]
    }

    /// Every fenced code block of `lines`, in order (the one scanner of the console replay and the recorded-output
    /// check).
    static func fencedBlocks(_ lines: [String]) -> [FencedBlock] {
        var blocks: [FencedBlock] = []
        var i = 0
        while i < lines.count {
            let trimmed = lines[i].trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("```") else {
                i += 1
                continue
            }
            let fence = String(trimmed.prefix(while: { $0 == "`" }))
            let info = trimmed.dropFirst(fence.count).trimmingCharacters(in: .whitespaces)
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            var j = i + 1
            while j < lines.count, !isClosingFence(lines[j], fence: fence) { j += 1 }
            blocks.append(
                FencedBlock(
                    openingIndex: i, language: language, isClosed: j < lines.count,
                    body: Array(lines[(i + 1)..<min(j, lines.count)])))
            i = j + 1
        }
        return blocks
    }

    private static func isClosingFence(_ line: String, fence: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix(fence) && t.allSatisfy { $0 == "`" }
    }

    /// `<!-- tolerance: 1e-3[, absolute: 1e-9] -->` on the last non-blank line before the fence at `index`.
    static func toleranceComment(before index: Int, in lines: [String]) throws(TranscriptError) -> MatchTolerance {
        var k = index - 1
        while k >= 0, lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k -= 1 }
        guard k >= 0 else { return MatchTolerance() }
        let t = lines[k].trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("<!--"), t.hasSuffix("-->") else { return MatchTolerance() }
        let content = t.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard content.hasPrefix("tolerance") else { return MatchTolerance() }
        var result = MatchTolerance()
        for part in content.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let pair = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let value = Double(pair[1]), value.isFinite, value >= 0 else {
                throw TranscriptError(line: k + 1, message: "cannot read '\(part)' in the tolerance comment")
            }
            switch pair[0] {
            case "tolerance", "relative": result.relative = value
            case "absolute": result.absolute = value
            default:
                throw TranscriptError(
                    line: k + 1, message: "unknown setting '\(pair[0])' (use tolerance: X, absolute: Y)")
            }
        }
        return result
    }

    static func parseCommands(_ body: [String], firstLine: Int) throws(TranscriptError) -> [ConsoleCommand] {
        var commands: [ConsoleCommand] = []
        var i = 0
        while i < body.count {
            let lineNumber = firstLine + i
            let line = body[i]
            guard line.hasPrefix("$ ") || line == "$" else {
                if line.trimmingCharacters(in: .whitespaces).isEmpty {
                    i += 1
                    continue
                }
                throw TranscriptError(line: lineNumber, message: "output before any '$ rnnmem …' command")
            }
            var text = String(line.dropFirst(1))
            while text.hasSuffix("\\"), i + 1 < body.count {
                text.removeLast()
                i += 1
                text += "\n" + body[i]
            }
            i += 1
            var expected: [String] = []
            var expectedLines: [Int] = []
            while i < body.count, !(body[i].hasPrefix("$ ") || body[i] == "$") {
                expected.append(body[i])
                expectedLines.append(firstLine + i)
                i += 1
            }
            let words = try ShellWords.split(text, line: lineNumber)
            let (arguments, redirect) = try commandParts(words, line: lineNumber)
            commands.append(
                ConsoleCommand(
                    line: lineNumber,
                    text: text.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces),
                    arguments: arguments, redirect: redirect, expected: expected, expectedLines: expectedLines))
        }
        return commands
    }

    private static func commandParts(
        _ words: [ShellWords.Word], line: Int
    ) throws(TranscriptError) -> (arguments: [String], redirect: String?) {
        guard let program = words.first else { throw TranscriptError(line: line, message: "empty command") }
        guard program.text == "rnnmem", !program.quoted else {
            throw TranscriptError(
                line: line, message: "only 'rnnmem' commands can be replayed, not '\(program.text)'")
        }
        var arguments: [String] = []
        var redirect: String?
        var k = 1
        while k < words.count {
            let word = words[k]
            if !word.quoted && word.text.hasPrefix(">") {
                guard redirect == nil else {
                    throw TranscriptError(line: line, message: "more than one '>' redirection")
                }
                if word.text == ">>" || word.text.hasPrefix(">>") {
                    throw TranscriptError(line: line, message: "'>>' is not supported; use '>'")
                }
                if word.text == ">" {
                    guard k + 1 < words.count else {
                        throw TranscriptError(line: line, message: "'>' without a file name")
                    }
                    redirect = words[k + 1].text
                    k += 2
                } else {
                    redirect = String(word.text.dropFirst())
                    k += 1
                }
                continue
            }
            if !word.quoted && word.text.contains(">") {
                throw TranscriptError(
                    line: line,
                    message: "'\(word.text)': only '> FILE' is supported (standard error is matched directly)")
            }
            guard redirect == nil else {
                throw TranscriptError(line: line, message: "arguments after the '>' redirection are not supported")
            }
            arguments.append(word.text)
            k += 1
        }
        return (arguments, redirect)
    }
}

/// Shell-like word splitting for the supported subset (see the top of this file).
enum ShellWords {
    struct Word: Equatable {
        let text: String
        /// Whether any part of the word was quoted or escaped (so `>` or `rnnmem` inside quotes are literal).
        let quoted: Bool
    }

    static func split(_ text: String, line: Int) throws(TranscriptError) -> [Word] {
        var words: [Word] = []
        var current = ""
        var quoted = false
        var inWord = false
        var chars = Array(text)[...]
        func finish() {
            if inWord { words.append(Word(text: current, quoted: quoted)) }
            current = ""
            quoted = false
            inWord = false
        }
        while let c = chars.popFirst() {
            switch c {
            case " ", "\t", "\n":
                finish()
            case "'":
                inWord = true
                quoted = true
                guard let end = chars.firstIndex(of: "'") else {
                    throw TranscriptError(line: line, message: "unterminated ' quote")
                }
                current += String(chars[chars.startIndex..<end])
                chars = chars[(end + 1)...]
            case "\"":
                inWord = true
                quoted = true
                var closed = false
                while let d = chars.popFirst() {
                    if d == "\"" {
                        closed = true
                        break
                    }
                    if d == "\\", let e = chars.first, e == "\"" || e == "\\" || e == "$" || e == "`" {
                        current.append(e)
                        chars = chars.dropFirst()
                    } else if d == "$" || d == "`" {
                        throw TranscriptError(line: line, message: "'\(d)' expansions are not supported")
                    } else {
                        current.append(d)
                    }
                }
                if !closed { throw TranscriptError(line: line, message: "unterminated \" quote") }
            case "\\":
                inWord = true
                quoted = true
                if let e = chars.popFirst() { current.append(e) }
            case "|", ";", "&", "<", "$", "`", "(", ")":
                throw TranscriptError(line: line, message: "shell syntax '\(c)' is not supported in replayed commands")
            default:
                inWord = true
                current.append(c)
            }
        }
        finish()
        return words
    }
}
