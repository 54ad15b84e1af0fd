/// The one check that no result is silently non-finite: every command's output passes through it before it is
/// written (``OutputOptions/emit(to:plain:json:)`` and the commands that write their own files), and a non-finite
/// number — an overflow, a 0/0, a quantity undefined for the input that the command did not report as such —
/// becomes an error naming the quantity instead of `nan`, `inf` or a JSON `null`.
///
/// A value that is deliberately absent (a cell of a table that does not exist, a statistic not computed) is
/// written as ``NumberText/missing`` (an empty CSV cell, `null` in JSON, `n/a` in text) and passes.
enum FiniteOutput {
    /// Throws when the JSON document holds a non-finite number; the message names its key path.
    static func check(_ value: JSONValue) throws(CLIError) {
        if let (path, x) = firstNonFinite(value, path: "") {
            throw nonFinite(quantity: path.isEmpty ? "the result" : "'\(path)'", value: NumberText.format(x))
        }
    }

    /// Throws when a line of the text holds `nan`, `inf` or `-inf` as a word outside quotes; the message names the
    /// column of a CSV table, else quotes the line.
    static func check(text: String) throws(CLIError) {
        var header: [Substring]?
        // A CSV table: a header with commas and every line so far with as many fields (not a report with commas).
        var isTable = true
        for (index, line) in lines(of: text).enumerated() {
            let fieldCount = line.split(separator: ",", omittingEmptySubsequences: false).count
            if index == 0, line.contains(",") { header = line.split(separator: ",", omittingEmptySubsequences: false) }
            if let header, fieldCount != header.count, !line.isEmpty { isTable = false }
            guard let token = nonFiniteToken(in: line) else { continue }
            if let header, index > 0, isTable {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                if cells.count == header.count,
                    let column = cells.firstIndex(where: { isNonFinite($0) && $0 != Substring(logOfZero) })
                {
                    throw nonFinite(
                        quantity: "column '\(header[column])' on data row \(index)", value: String(cells[column]))
                }
            }
            throw nonFinite(quantity: "line \(index + 1) of the output ('\(line.prefix(80))')", value: token)
        }
    }

    /// The lines of `text` as `split(separator: "\n", omittingEmptySubsequences: false)` gives them, one at a time:
    /// an array of 10⁸ lines would alone take 3 GB.
    private static func lines(of text: String) -> some Sequence<Substring> {
        sequence(state: Optional(text.startIndex)) { (start: inout String.Index?) -> Substring? in
            guard let from = start else { return nil }
            if let newline = text.utf8[from...].firstIndex(of: UInt8(ascii: "\n")) {
                start = text.utf8.index(after: newline)
                return text[from..<newline]
            }
            start = nil
            return text[from...]
        }
    }

    private static func nonFinite(quantity: String, value: String) -> CLIError {
        CLIError(
            "the result is not finite: \(quantity) is \(value) (the computation overflows or is undefined for this "
                + "input; check the magnitudes and ranges of the arguments)")
    }

    private static func firstNonFinite(_ value: JSONValue, path: String) -> (String, Double)? {
        switch value {
        case .number(let x):
            return x.isFinite || NumberText.isMissing(x) ? nil : (path, x)
        case .numbers(let xs):
            guard let i = xs.firstIndex(where: { !$0.isFinite && !NumberText.isMissing($0) }) else { return nil }
            return ("\(path)[\(i)]", xs[i])
        case .array(let items):
            for (i, item) in items.enumerated() {
                if let found = firstNonFinite(item, path: "\(path)[\(i)]") { return found }
            }
            return nil
        case .object(let pairs):
            for (key, item) in pairs {
                if let found = firstNonFinite(item, path: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    private static let words: Set<String> = [
        "nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity",
    ]

    private static func isNonFinite(_ token: Substring) -> Bool {
        words.contains(token.trimmingCharacters(in: " \t").lowercased())
    }

    /// The documented spelling of log 0 = −∞ in the `spectrum` reports (an exactly zero singular value or
    /// gradient norm): a result, not an overflow, so the check lets it pass.
    static let logOfZero = "-inf (zero)"

    /// The first non-finite word of a line, outside '…' and "…" quotes, that the user did not type as (part of) an
    /// argument (``ToolEnvironment/argumentWords``: a file named `inf` is echoed, not computed), other than
    /// ``logOfZero``.
    private static func nonFiniteToken(in line: Substring) -> String? {
        let typed = ToolEnvironment.argumentWords
        return Self.words(of: withoutLogOfZero(line)).first { words.contains($0.lowercased()) && !typed.contains($0) }
    }

    /// The line with every ``logOfZero`` removed.
    private static func withoutLogOfZero(_ line: Substring) -> Substring {
        var rest = line
        var out = ""
        while let range = rest.firstRange(of: logOfZero) {
            out += rest[rest.startIndex..<range.lowerBound]
            rest = rest[range.upperBound...]
        }
        return Substring(out + rest)
    }

    /// The words of a line outside quotes: runs of letters, digits, signs and points.
    static func words(of line: Substring) -> [String] {
        var out: [String] = []
        var quote: Character?
        var word = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            if (character == "'" || character == "\"") && word.isEmpty {
                quote = character
            } else if character.isLetter || character.isNumber || character == "-" || character == "+"
                || character == "."
            {
                word.append(character)
            } else if !word.isEmpty {
                out.append(word)
                word = ""
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return s
    }
}
