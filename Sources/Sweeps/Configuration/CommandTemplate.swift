/// The rnnmem argument list run for every cell, with `{name}` placeholders.
///
/// A placeholder is `{` + an identifier (`[A-Za-z_][A-Za-z0-9_]*`) + `}` anywhere inside an argument
/// (`{model}`, `--output={cell_dir}`, `data/{dataset}.csv`); `{{` and `}}` stand for literal braces. Names refer to
/// an axis, a fixed parameter or one of the ``builtinPlaceholders``.
public struct CommandTemplate: Sendable, Equatable {
    /// Placeholders filled by the runner rather than the configuration: `cell` (the cell number) and `cell_dir`
    /// (the absolute path of the cell's own directory inside the output directory, created empty before the
    /// cell runs).
    public static let builtinPlaceholders = ["cell", "cell_dir"]

    /// One piece of an argument.
    public enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// The arguments as written in the configuration (placeholders unresolved), without a leading `rnnmem`.
    public let texts: [String]
    /// The arguments, parsed.
    public let arguments: [[Segment]]

    /// The placeholder names used, in order of first use.
    public var placeholders: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for argument in arguments {
            for case .placeholder(let name) in argument where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    /// Parses the arguments' placeholders.
    /// - Throws: a message naming the argument's index and the malformed brace (the caller adds the file).
    public init(_ texts: [String]) throws(SweepError) {
        self.texts = texts
        var parsed: [[Segment]] = []
        for (index, text) in texts.enumerated() {
            parsed.append(try Self.parse(text, index: index))
        }
        self.arguments = parsed
    }

    /// True for a valid placeholder, axis or parameter name.
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    private static func parse(_ text: String, index: Int) throws(SweepError) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "{":
                if scalars.first == "{" {
                    scalars.removeFirst()
                    literal.unicodeScalars.append("{")
                    continue
                }
                guard let close = scalars.firstIndex(of: "}") else {
                    throw SweepError("command[\(index)]: unmatched '{' in '\(text)' (write '{{' for a literal brace)")
                }
                let name = String(String.UnicodeScalarView(scalars[..<close]))
                guard isIdentifier(name) else {
                    throw SweepError(
                        "command[\(index)]: '{\(name)}' in '\(text)' is not a placeholder (a name of letters, digits and '_'; write '{{' for a literal brace)"
                    )
                }
                if !literal.isEmpty { segments.append(.literal(literal)) }
                literal = ""
                segments.append(.placeholder(name))
                scalars = scalars[(close + 1)...]
            case "}":
                guard scalars.first == "}" else {
                    throw SweepError("command[\(index)]: unmatched '}' in '\(text)' (write '}}' for a literal brace)")
                }
                scalars.removeFirst()
                literal.unicodeScalars.append("}")
            default:
                literal.unicodeScalars.append(scalar)
            }
        }
        if !literal.isEmpty || segments.isEmpty { segments.append(.literal(literal)) }
        return segments
    }

    /// The arguments with every placeholder replaced by `values[name]`; a name without a value is left as
    /// `{name}` (the plan shows `{cell_dir}` this way before an output directory is chosen).
    public func resolve(_ values: [String: String]) -> [String] {
        arguments.map { segments in
            var text = ""
            for segment in segments {
                switch segment {
                case .literal(let s): text += s
                case .placeholder(let name): text += values[name] ?? "{\(name)}"
                }
            }
            return text
        }
    }
}
