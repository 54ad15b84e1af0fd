import RNNMemory

/// How the curse-of-memory verbs print a value that may be infinite: never NaN or inf, but the word `infinite`
/// with the order and coefficient of the divergence Q ~ C·(1 − |λ|)^−p.
extension StationaryValue {
    /// A number, or `infinite (~ C·(1 − |λ|)^−p as |λ| → 1)`.
    var text: String {
        switch self {
        case .finite(let v) where v.isFinite: return NumberText.format(v)
        case .finite: return "infinite"
        case .divergent(let p, let c):
            return "infinite (~ \(NumberText.format(c))·(1 − |λ|)^−\(p) as |λ| → 1)"
        }
    }

    /// A JSON number, or the string "infinite".
    var json: JSONValue {
        if case .finite(let v) = self, v.isFinite { return .number(v) }
        return .string("infinite")
    }

    /// The leading behaviour as |λ| → 1 in words: `~ C·(1 − |λ|)^−p` or `→ L`.
    var limitText: String {
        switch self {
        case .finite(let v): return "→ \(NumberText.format(v))"
        case .divergent(let p, let c): return "~ \(NumberText.format(c))·(1 − |λ|)^−\(p)"
        }
    }

    /// `{"order": p, "coefficient": C}` (order 0: a finite limit C).
    var asymptoticJSON: JSONValue {
        switch self {
        case .finite(let v): return .object([("order", .integer(0)), ("coefficient", .number(v))])
        case .divergent(let p, let c): return .object([("order", .integer(p)), ("coefficient", .number(c))])
        }
    }
}

/// A Monte-Carlo number that may be non-finite (a z-score with zero standard error): JSON string otherwise.
enum CurseNumber {
    static func json(_ x: Double) -> JSONValue {
        if x.isFinite { return .number(x) }
        if x.isNaN { return .string("undefined") }
        return .string(x > 0 ? "infinite" : "-infinite")
    }

    static func text(_ x: Double) -> String {
        if x.isFinite { return NumberText.format(x) }
        if x.isNaN { return "undefined" }
        return x > 0 ? "infinite" : "-infinite"
    }
}
