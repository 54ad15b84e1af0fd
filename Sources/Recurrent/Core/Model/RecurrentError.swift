/// Errors of the recurrent engine. Every message names the offending argument and its value.
public enum RecurrentError: Error, Equatable, CustomStringConvertible {
    /// An argument whose shape does not match the model or the other arguments.
    case shapeMismatch(argument: String, expected: String, got: String)
    /// An argument outside its domain (negative size, non-finite value, bad index …).
    case invalidArgument(argument: String, message: String)
    /// A request the model does not support.
    case unsupported(String)

    /// A one-line message naming the argument.
    public var description: String {
        switch self {
        case let .shapeMismatch(argument, expected, got):
            return "\(argument): expected \(expected), got \(got)"
        case let .invalidArgument(argument, message):
            return "\(argument): \(message)"
        case let .unsupported(message):
            return "unsupported: \(message)"
        }
    }
}
