/// A JSON document written by hand so that key order is exactly the order the command gives (stable output:
/// same input ⇒ same bytes). Numbers use Swift's shortest round-trip representation; ``NumberText/missing`` is
/// written as `null` (every other non-finite number is refused by ``FiniteOutput`` before a document is written).
///
/// Layout: objects one key per line (two-space indent); arrays of scalars on one line; arrays holding objects
/// or arrays one element per line.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case unsigned(UInt64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// An array of numbers (stored unboxed: series can have millions of values).
    case numbers([Double])
    /// Key–value pairs in output order.
    case object([(String, JSONValue)])

    /// An optional value, `null` when absent.
    static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.integer) ?? .null }
    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The serialised document, ending with a newline.
    var serialized: String {
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .integer(let i): out.append(String(i))
        case .unsigned(let u): out.append(String(u))
        case .number(let x): out.append(Self.number(x))
        case .string(let s): Self.appendString(s, to: &out)
        case .numbers(let xs):
            out.append("[")
            for (i, x) in xs.enumerated() {
                if i > 0 { out.append(", ") }
                out.append(Self.number(x))
            }
            out.append("]")
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                out.append("[")
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(", ") }
                    item.write(to: &out, indent: indent)
                }
                out.append("]")
            } else {
                out.append("[\n")
                let pad = String(repeating: " ", count: indent + 2)
                for (i, item) in items.enumerated() {
                    out.append(pad)
                    item.write(to: &out, indent: indent + 2)
                    out.append(i + 1 < items.count ? ",\n" : "\n")
                }
                out.append(String(repeating: " ", count: indent) + "]")
            }
        case .object(let pairs):
            if pairs.isEmpty {
                out.append("{}")
                return
            }
            out.append("{\n")
            let pad = String(repeating: " ", count: indent + 2)
            for (i, (key, value)) in pairs.enumerated() {
                out.append(pad)
                Self.appendString(key, to: &out)
                out.append(": ")
                value.write(to: &out, indent: indent + 2)
                out.append(i + 1 < pairs.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "}")
        }
    }

    static func number(_ x: Double) -> String { x.isFinite ? NumberText.format(x) : "null" }

    private static func appendString(_ s: String, to out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
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
