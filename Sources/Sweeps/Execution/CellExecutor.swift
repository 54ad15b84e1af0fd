/// Runs one cell's rnnmem command. The runner (``SweepRunner``) decides which cells run, times them, reads their
/// metrics and writes their results; an executor only runs an argument list and captures its output.
///
/// Two executors ship: ``ProcessExecutor`` (a child process per cell: isolation, the default of
/// `rnnmem sweep run`) and ``InProcessExecutor`` (a closure, for the command-line tool's in-process entry point and
/// for tests).
public protocol CellExecutor: Sendable {
    /// A short name recorded in every result: `process`, `in-process`, ….
    var name: String { get }

    /// Runs rnnmem with `invocation.arguments`, leaves its standard output and standard error in
    /// `invocation.standardOutputFile` and `invocation.standardErrorFile`, and returns its exit status and output.
    /// - Throws: only when the command could not be run at all (for example the rnnmem binary is missing) or the
    ///   run was cancelled; the runner then stops starting cells and reports the error. A command that runs and
    ///   fails is not an error here: it returns its non-zero status.
    func execute(_ invocation: CellInvocation) async throws -> CellOutput
}

/// What an executor runs.
public struct CellInvocation: Sendable, Equatable {
    /// The cell number.
    public let cell: Int
    /// The rnnmem arguments (without the program name), placeholders resolved.
    public let arguments: [String]
    /// The cell's own directory (created empty before the call).
    public let cellDirectory: String

    /// Where the command's standard output is kept: `stdout.log` in the cell directory.
    public var standardOutputFile: String { cellDirectory + "/stdout.log" }

    /// Where the command's standard error is kept: `stderr.log` in the cell directory.
    public var standardErrorFile: String { cellDirectory + "/stderr.log" }

    /// An invocation of cell `cell`.
    public init(cell: Int, arguments: [String], cellDirectory: String) {
        self.cell = cell
        self.arguments = arguments
        self.cellDirectory = cellDirectory
    }
}

/// What a command produced.
public struct CellOutput: Sendable, Equatable {
    /// The exit status (128 + n when the process was killed by signal n).
    public let status: Int32
    /// Everything the command wrote to standard output.
    public let standardOutput: String
    /// Everything the command wrote to standard error.
    public let standardError: String

    /// An output from its parts.
    public init(status: Int32, standardOutput: String, standardError: String) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}
