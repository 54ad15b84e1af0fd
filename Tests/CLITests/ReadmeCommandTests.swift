import Foundation
import Testing
import _RNNMemCLI
import _TestSupport

/// Every `rnnmem` command the README shows parses with the current command-line interface: a renamed option or
/// verb fails here, in-process and in milliseconds, instead of in a reader's terminal. (`scripts/readme-check.sh`
/// runs the same commands for real, after the README's two set-up commands.)
@Suite("README commands")
struct ReadmeCommandTests {
    /// One `rnnmem` command line of the README, with the README line it starts on.
    struct Example: Sendable, CustomStringConvertible {
        let line: Int
        let arguments: [String]
        var description: String { "README.md:\(line): rnnmem " + arguments.joined(separator: " ") }
    }

    /// The `$ ` lines of the README's console blocks, continuation lines (`\`) joined, split into shell words and
    /// into the commands of a pipeline or list (`&&`, `;`, `|`); `parallel rnnmem … ::: a b` stands for its first
    /// job. Comments (` # …`) are dropped.
    static let examples: [Example] = {
        let url = TestSupport.packageRoot.appendingPathComponent("README.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var result: [Example] = []
        var inConsole = false
        var pending: (line: Int, text: String)?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            if line.hasPrefix("```") {
                inConsole = line == "```console"
                continue
            }
            guard inConsole else { continue }
            var command: (line: Int, text: String)
            if let open = pending {
                command = (open.line, open.text + " " + line.trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("$ ") {
                command = (index + 1, String(line.dropFirst(2)))
            } else {
                continue
            }
            if command.text.hasSuffix("\\") {
                command.text.removeLast()
                pending = command
                continue
            }
            pending = nil
            for words in simpleCommands(shellWords(command.text)) {
                guard let rnnmem = rnnmemArguments(words) else { continue }
                result.append(Example(line: command.line, arguments: rnnmem))
            }
        }
        return result
    }()

    /// Splits a shell command line into words: single and double quotes, backslash escapes, a `#` that starts a
    /// word starts a comment; the operators `&&`, `||`, `;`, `|` are words of their own.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
                inWord = true
            case "\\":
                if let next = characters.popFirst() { word.append(next) }
                inWord = true
            case " ", "\t":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "#" where !inWord:
                characters.removeAll()
            case ";", "|", "&":
                if inWord { words.append(word) }
                word = ""
                inWord = false
                var op = String(c)
                if c != ";", characters.first == c, let second = characters.popFirst() { op.append(second) }
                words.append(op)
            default:
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// The simple commands of a list or pipeline.
    static func simpleCommands(_ words: [String]) -> [[String]] {
        var commands: [[String]] = [[]]
        for word in words {
            if ["&&", "||", ";", "|", "&"].contains(word) {
                commands.append([])
            } else {
                commands[commands.count - 1].append(word)
            }
        }
        return commands.filter { !$0.isEmpty }
    }

    /// The arguments after `rnnmem` of a simple command, when it runs rnnmem (directly or as GNU parallel's job).
    static func rnnmemArguments(_ words: [String]) -> [String]? {
        guard let first = words.first else { return nil }
        if first == "rnnmem" { return Array(words.dropFirst()) }
        if first == "parallel", words.count > 1, words[1] == "rnnmem" {
            let separator = words.firstIndex(of: ":::") ?? words.endIndex
            let firstValue = separator < words.endIndex - 1 ? words[separator + 1] : ""
            return words[2..<separator].map { $0.replacingOccurrences(of: "{}", with: firstValue) }
        }
        return nil
    }

    @Test("the README shows rnnmem commands of every kind")
    func readmeHasExamples() {
        #expect(Self.examples.count >= 50, "found only \(Self.examples.count) rnnmem commands in README.md")
        let verbs = Set(Self.examples.compactMap(\.arguments.first))
        for verb in [
            "weights", "check", "estimate", "train", "run", "spectrum", "curse", "memory", "sweep", "forecast",
        ] {
            #expect(verbs.contains(verb), "README.md shows no `rnnmem \(verb)` command")
        }
    }

    @Test("every rnnmem command of the README parses", arguments: examples)
    func parses(_ example: Example) {
        let error = CommandLineTool.parseError(example.arguments)
        #expect(error == nil, "\(example): \(error ?? "")")
    }

    @Test("the shell-word splitter reads quotes, escapes, comments and lists")
    func splitter() {
        #expect(Self.shellWords(#"rnnmem a "b c" 'd e' f\ g # comment"#) == ["rnnmem", "a", "b c", "d e", "f g"])
        #expect(
            Self.simpleCommands(Self.shellWords("X=1 sbatch job && rnnmem sweep collect dir"))
                == [["X=1", "sbatch", "job"], ["rnnmem", "sweep", "collect", "dir"]])
        #expect(
            Self.rnnmemArguments(["parallel", "rnnmem", "run", "--shard", "{}/4", ":::", "0", "1"])
                == ["run", "--shard", "0/4"])
    }
}
