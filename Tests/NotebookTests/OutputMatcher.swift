import Foundation

/// Compares actual output lines with expected lines: text exactly (after trimming trailing blanks), numbers within
/// a tolerance, and `...` matching any run of lines. See the top of `ConsoleTranscript.swift` for the rules.
struct OutputMatcher: Sendable {
    var tolerance = MatchTolerance()

    static let ellipsis = "..."

    /// Why a comparison failed: the expected line that could not be matched (0-based index into the expected
    /// lines, nil when actual output was left over) and a readable explanation.
    struct Mismatch: Equatable, CustomStringConvertible {
        let expectedIndex: Int?
        let message: String
        var description: String { message }
    }

    /// nil if `actual` matches `expected`, else the mismatch reached furthest into `expected`.
    func mismatch(expected rawExpected: [String], actual rawActual: [String]) -> Mismatch? {
        let expected = Self.normalise(rawExpected)
        let actual = Self.normalise(rawActual)
        // Wildcard matching with backtracking to the most recent `...` (the classic glob algorithm on lines).
        var e = 0
        var a = 0
        var star: (e: Int, a: Int)? = nil
        // The failed comparison that got furthest into `expected`, for the message.
        var furthest: (e: Int, a: Int)? = nil
        func failed(_ e: Int, _ a: Int) {
            if let f = furthest, f.e >= e { return }
            furthest = (e, a)
        }
        while a < actual.count {
            if e < expected.count, expected[e] == Self.ellipsis {
                star = (e, a)
                e += 1
            } else if e < expected.count, linesMatch(expected[e], actual[a]) {
                e += 1
                a += 1
            } else {
                failed(e, a)
                guard let s = star else { break }
                star = (s.e, s.a + 1)
                e = s.e + 1
                a = s.a + 1
            }
        }
        if a == actual.count {
            while e < expected.count, expected[e] == Self.ellipsis { e += 1 }
            if e == expected.count { return nil }
            failed(e, a)
        }
        let point = furthest ?? (e, a)
        if point.e >= expected.count {
            return Mismatch(
                expectedIndex: nil,
                message: "unexpected output at line \(point.a + 1): '\(actual[point.a])' "
                    + "(\(actual.count - point.a) line(s) more than expected)")
        }
        if point.a >= actual.count {
            return Mismatch(
                expectedIndex: point.e,
                message: "expected '\(expected[point.e])' (expected line \(point.e + 1)) but the output ended after "
                    + "\(actual.count) line(s)")
        }
        return Mismatch(
            expectedIndex: point.e,
            message: "line \(point.a + 1): expected '\(expected[point.e])' but got '\(actual[point.a])'"
                + numberDetail(expected[point.e], actual[point.a]))
    }

    /// For two lines of the same shape, which number differs and by how much.
    private func numberDetail(_ expected: String, _ actual: String) -> String {
        let te = NumberTokens.split(expected)
        let ta = NumberTokens.split(actual)
        guard te.count == ta.count else { return "" }
        for (x, y) in zip(te, ta) {
            if case .number(let ev, _) = x, case .number(let av, _) = y, !numbersMatch(ev, av) {
                let rel = abs(av - ev) / max(abs(ev), abs(av))
                return " (relative difference \(rel) > tolerance: \(tolerance))"
            }
        }
        return ""
    }

    /// Whether two single lines match: equal text, and numbers within tolerance.
    func linesMatch(_ expected: String, _ actual: String) -> Bool {
        if expected == actual { return true }
        let te = NumberTokens.split(expected)
        let ta = NumberTokens.split(actual)
        guard te.count == ta.count else { return false }
        for (x, y) in zip(te, ta) {
            switch (x, y) {
            case (.text(let s), .text(let t)):
                if s != t { return false }
            case (.number(let ev, _), .number(let av, _)):
                if !numbersMatch(ev, av) { return false }
            default:
                return false
            }
        }
        return true
    }

    /// |a − e| ≤ max(relative·max(|a|, |e|), absolute).
    func numbersMatch(_ expected: Double, _ actual: Double) -> Bool {
        if expected == actual { return true }
        let diff = abs(actual - expected)
        return diff <= max(tolerance.relative * max(abs(actual), abs(expected)), tolerance.absolute)
    }

    /// Trailing blanks trimmed from each line; trailing empty lines dropped.
    static func normalise(_ lines: [String]) -> [String] {
        var out = lines.map { line -> String in
            var s = Substring(line)
            while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
            return String(s)
        }
        while let last = out.last, last.isEmpty { out.removeLast() }
        return out
    }
}

/// Splits a line into text and number tokens. A number is an optional sign, digits with an optional fraction
/// (or a fraction alone) and an optional exponent, not glued to a preceding letter, digit, `_` or `.` (so the 2 of
/// `x2` is text). Whitespace runs are kept as text, so spacing must match.
enum NumberTokens {
    enum Token: Equatable {
        case text(String)
        case number(Double, String)
    }

    static func split(_ line: String) -> [Token] {
        let chars = Array(line)
        var tokens: [Token] = []
        var text = ""
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < chars.count && chars[k].isASCII && chars[k].isNumber }
        func glued(_ k: Int) -> Bool {
            guard k > 0 else { return false }
            let p = chars[k - 1]
            return p.isLetter || p.isNumber || p == "_" || p == "."
        }
        while i < chars.count {
            var j = i
            let c = chars[i]
            var starts = false
            if !glued(i) {
                if c == "-" || c == "+" {
                    starts = isDigit(i + 1) || (i + 2 < chars.count && chars[i + 1] == "." && isDigit(i + 2))
                } else if c == "." {
                    starts = isDigit(i + 1)
                } else {
                    starts = isDigit(i)
                }
            }
            guard starts else {
                text.append(c)
                i += 1
                continue
            }
            if chars[j] == "-" || chars[j] == "+" { j += 1 }
            while isDigit(j) { j += 1 }
            if j < chars.count, chars[j] == "." {
                j += 1
                while isDigit(j) { j += 1 }
            }
            if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                var k = j + 1
                if k < chars.count, chars[k] == "-" || chars[k] == "+" { k += 1 }
                if isDigit(k) {
                    while isDigit(k) { k += 1 }
                    j = k
                }
            }
            let literal = String(chars[i..<j])
            guard let value = Double(literal) else {
                text += literal
                i = j
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(text))
                text = ""
            }
            tokens.append(.number(value, literal))
            i = j
        }
        if !text.isEmpty { tokens.append(.text(text)) }
        return tokens
    }
}
