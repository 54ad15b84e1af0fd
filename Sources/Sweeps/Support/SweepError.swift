/// The one error type of the sweep runner. Each message is one line naming what is at fault: the configuration
/// file and key (`data/sweeps/x.json: axes.model: empty list …`), the file and position of a JSON syntax error
/// (`x.json:3:14: …`), the argument (`invalid --shard 2/2: …`) or the result file.
public struct SweepError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, one line.
    public let description: String

    /// An error with a one-line message.
    public init(_ description: String) { self.description = description }

    /// An error in a configuration file at a key path: `file: key: message`.
    static func configuration(_ source: String, _ key: String, _ message: String) -> SweepError {
        SweepError("\(source): \(key): \(message)")
    }
}
