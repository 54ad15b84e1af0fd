/// The text of an error line as printed: one line of bounded length, whatever a message echoes (a file name with
/// a newline in it, a value of a million digits).
///
/// * Control characters are escaped (`\n`, `\t`, `\r`, others as `\u{1B}`), so the message stays on one line
///   and cannot move the terminal's cursor.
/// * A token (a run of non-blank characters) longer than ``maximumTokenLength`` keeps its first and last
///   characters around `…(N characters)…`.
/// * The whole message is cut at ``maximumLength`` characters, ending in `…`.
enum ErrorLine {
    /// The longest token echoed whole.
    static let maximumTokenLength = 120
    /// The longest message printed.
    static let maximumLength = 1000

    /// Quotes and punctuation around an echoed value, not counted in its length.
    private static let enclosing: Set<Character> = ["'", "\"", "`", "(", ")", "[", "]", ",", ":", ";"]

    static func bounded(_ message: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(message.utf8.count)
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar == "\u{2028}"
                    || scalar == "\u{2029}"
                {
                    escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        var out = ""
        var token = ""
        func flush() {
            if token.count > maximumTokenLength {
                // The length of the value itself, without the quotes and punctuation around it ('…', "…").
                let value = token.drop { enclosing.contains($0) }.reversed().drop { enclosing.contains($0) }
                out += token.prefix(60) + "…(\(value.count) characters)…" + token.suffix(20)
            } else {
                out += token
            }
            token = ""
        }
        for character in escaped {
            if character == " " {
                flush()
                out.append(character)
            } else {
                token.append(character)
            }
        }
        flush()
        if out.count > maximumLength { out = String(out.prefix(maximumLength - 1)) + "…" }
        return out
    }
}
