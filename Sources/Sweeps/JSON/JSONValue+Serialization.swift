extension JSONValue {
    /// Canonical text: no whitespace, object members sorted by the Unicode scalar values of their keys, strings
    /// with the minimal escapes, integers in decimal and other numbers in Swift's shortest round-trip form.
    /// Equal values give equal bytes, so the text can be hashed (see ``SweepConfiguration/configHash``).
    public var canonicalText: String {
        var out = ""
        writeCanonical(to: &out)
        return out
    }

    /// Readable text: one object member per line with a two-space indent, arrays of scalars on one line, members
    /// in their stored order; ends with a newline.
    public var prettyText: String {
        var out = ""
        writePretty(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// The text of a scalar as a command-line argument: strings verbatim, numbers as in ``canonicalText``,
    /// `true`/`false`, and `null` for null.
    public var argumentText: String {
        switch self {
        case .string(let s): return s
        default: return canonicalText
        }
    }

    private func writeCanonical(to out: inout String) {
        switch self {
        case .array(let items):
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                item.writeCanonical(to: &out)
            }
            out.append("]")
        case .object(let members):
            let sorted = members.sorted {
                $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) { $0.value < $1.value }
            }
            out.append("{")
            for (i, member) in sorted.enumerated() {
                if i > 0 { out.append(",") }
                Self.appendString(member.key, to: &out)
                out.append(":")
                member.value.writeCanonical(to: &out)
            }
            out.append("}")
        default:
            writeScalar(to: &out)
        }
    }

    private func writeScalar(to out: inout String) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .integer(let i): out.append(String(i))
        case .number(let x): out.append(x.isFinite ? "\(x)" : "null")
        case .string(let s): Self.appendString(s, to: &out)
        case .array, .object: writeCanonical(to: &out)
        }
    }

    private func writePretty(to out: inout String, indent: Int) {
        switch self {
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                out.append("[")
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(", ") }
                    item.writeScalar(to: &out)
                }
                out.append("]")
            } else {
                out.append("[\n")
                let pad = String(repeating: " ", count: indent + 2)
                for (i, item) in items.enumerated() {
                    out.append(pad)
                    item.writePretty(to: &out, indent: indent + 2)
                    out.append(i + 1 < items.count ? ",\n" : "\n")
                }
                out.append(String(repeating: " ", count: indent) + "]")
            }
        case .object(let members):
            if members.isEmpty {
                out.append("{}")
                return
            }
            out.append("{\n")
            let pad = String(repeating: " ", count: indent + 2)
            for (i, member) in members.enumerated() {
                out.append(pad)
                Self.appendString(member.key, to: &out)
                out.append(": ")
                member.value.writePretty(to: &out, indent: indent + 2)
                out.append(i + 1 < members.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "}")
        default:
            writeScalar(to: &out)
        }
    }

    private static func appendString(_ s: String, to out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }
}
