/// Checks of argument values shared by the commands; each failure names the argument and the value.
enum Arguments {
    /// The largest count of values a command will produce (8·10⁸ bytes of doubles): beyond it a typo would
    /// exhaust memory instead of giving an error.
    static let maximumCount = 100_000_000

    static func finite(_ value: Double, _ name: String) throws(CLIError) {
        guard value.isFinite else { throw CLIError.invalidArgument(name, NumberText.format(value), "must be finite") }
    }

    /// A count of values: 1 … `maximumCount`.
    static func count(_ value: Int, _ name: String, minimum: Int = 1) throws(CLIError) {
        guard value >= minimum else { throw CLIError.invalidArgument(name, String(value), "must be ≥ \(minimum)") }
        guard value <= maximumCount else {
            throw CLIError.invalidArgument(name, String(value), "must be ≤ \(maximumCount)")
        }
    }
}
