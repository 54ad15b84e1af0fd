/// An invalid argument to a curse-of-memory computation. The description is one line naming the argument, ready for
/// `rnnmem: error: <description>`.
public enum CurseOfMemoryError: Error, Equatable, CustomStringConvertible {
    /// `argument` has a value outside the domain of the computation.
    case invalidArgument(argument: String, message: String)

    public var description: String {
        switch self {
        case .invalidArgument(let argument, let message): return "invalid \(argument): \(message)"
        }
    }

    static func require(_ condition: Bool, _ argument: String, _ message: @autoclosure () -> String) throws {
        if !condition { throw CurseOfMemoryError.invalidArgument(argument: argument, message: message()) }
    }
}
