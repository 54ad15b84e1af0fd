/// A JSON value whose objects keep their members in document order.
///
/// Sweep configurations give their axes as a JSON object whose key order is the grid's numbering order, and
/// result files are written with a fixed key order, so the order of members is part of the value here (unlike
/// `JSONSerialization`, which returns unordered dictionaries). Numbers written without a fraction or an exponent
/// that fit in 64 bits are kept as integers, so that `4` substitutes as `4` and `4.0` as `4.0`.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in `Int64`.
    case integer(Int64)
    /// Any other number (always finite: JSON has no NaN or infinity).
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in document order; keys are unique.
    case object([JSONMember])

    /// The member named `key` of an object, `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The value as a `Double` when it is a number (integer or not).
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let x): return x
        default: return nil
        }
    }

    /// The value as a string when it is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value as an integer when it is a number written as an integer.
    public var integerValue: Int64? {
        if case .integer(let i) = self { return i }
        return nil
    }

    /// True for null, booleans, numbers and strings.
    public var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// A short name of the value's kind for error messages: "a string", "an array", ….
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// A number as JSON: `.integer` when the value is an integer in the exactly representable range, otherwise
    /// `.number`; `null` for a non-finite value (JSON cannot hold one).
    public static func from(_ x: Double) -> JSONValue {
        guard x.isFinite else { return .null }
        return .number(x)
    }

    /// An optional number, `null` when absent or not finite.
    public static func from(_ x: Double?) -> JSONValue { x.map { JSONValue.from($0) } ?? .null }

    /// An optional string, `null` when absent.
    public static func from(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The member's key.
    public var key: String
    /// The member's value.
    public var value: JSONValue

    /// A member.
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
