/// Runs cells by calling a closure in the current process: the command-line tool's in-process entry point
/// (`rnnmem`'s commands called as a function), or a stub in tests.
///
/// The closure receives the rnnmem arguments (without the program name) and returns the exit status and the text
/// written to standard output and standard error. It must be safe to call concurrently when the runner uses more
/// than one job.
public struct InProcessExecutor: CellExecutor {
    /// The in-process entry point: arguments in; exit status, standard output and standard error out.
    public typealias Entry = @Sendable (_ arguments: [String]) async -> (status: Int32, stdout: String, stderr: String)

    /// The name recorded in every result (default `in-process`).
    public let name: String
    private let entry: Entry

    /// An executor calling `entry`; `name` is recorded in the results.
    public init(name: String = "in-process", _ entry: @escaping Entry) {
        self.name = name
        self.entry = entry
    }

    /// Calls the entry point with the invocation's arguments and writes what it returns to the log files.
    /// - Throws: `CancellationError` when the task is cancelled before the call; ``SweepError`` when a log file
    ///   cannot be written.
    public func execute(_ invocation: CellInvocation) async throws -> CellOutput {
        try Task.checkCancellation()
        let result = await entry(invocation.arguments)
        try FileAccess.writeText(result.stdout, to: invocation.standardOutputFile)
        try FileAccess.writeText(result.stderr, to: invocation.standardErrorFile)
        return CellOutput(status: result.status, standardOutput: result.stdout, standardError: result.stderr)
    }
}
