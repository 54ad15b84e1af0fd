/// The one error type of the command-line tool. Every failure the user can cause (a missing or malformed file, a
/// bad argument, a series too short for the request) becomes one of these; the entry point prints its
/// `description` as `rnnmem: error: <description>` on one line of standard error and exits with status 2.
///
/// Messages name the problem precisely: the file, and for a bad cell its `file:line:column` position (1-based,
/// physical lines of the file), or the command-line argument and the value given.
struct CLIError: Error, CustomStringConvertible, Equatable {
    let description: String

    init(_ description: String) { self.description = description }

    // MARK: Files

    static func noSuchFile(_ path: String) -> CLIError { CLIError("no such file: '\(path)'") }

    static func isDirectory(_ path: String) -> CLIError { CLIError("'\(path)' is a directory, not a file") }

    static func unreadable(_ path: String, reason: String) -> CLIError { CLIError("cannot read '\(path)': \(reason)") }

    static func notText(_ source: String) -> CLIError {
        CLIError("\(source) is not UTF-8 text (is it a binary file?)")
    }

    static func emptyInput(_ source: String) -> CLIError { CLIError("\(source) is empty: no rows to read") }

    static func headerOnly(_ source: String, header: [String]) -> CLIError {
        CLIError("\(source) has a header (\(header.joined(separator: ", "))) but no data rows")
    }

    static func unwritable(_ path: String, reason: String) -> CLIError {
        CLIError("cannot write '\(path)': \(reason)")
    }

    // MARK: Cells and rows

    /// `file:line:column: 'text' is not a number`.
    static func notANumber(_ source: String, line: Int, column: Int, text: String) -> CLIError {
        CLIError("\(source):\(line):\(column): '\(text)' is not a number")
    }

    /// `file:line:column: 'NaN' is not a finite number`.
    static func notFinite(_ source: String, line: Int, column: Int, text: String) -> CLIError {
        CLIError("\(source):\(line):\(column): '\(text)' is not a finite number")
    }

    static func emptyCell(_ source: String, line: Int, column: Int) -> CLIError {
        CLIError("\(source):\(line):\(column): empty cell (missing value)")
    }

    static func raggedRow(_ source: String, line: Int, found: Int, expected: Int, firstLine: Int) -> CLIError {
        CLIError(
            "\(source):\(line): row has \(found) field\(found == 1 ? "" : "s"), expected \(expected) "
                + "(as on line \(firstLine))")
    }

    // MARK: Arguments

    /// An argument outside its valid range: `invalid --length -3: must be ≥ 1`.
    static func invalidArgument(_ name: String, _ value: String, _ requirement: String) -> CLIError {
        CLIError("invalid \(name) \(value): \(requirement)")
    }
}
