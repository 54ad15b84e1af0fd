import Foundation

/// Runs each cell as a child process of the `rnnmem` binary at ``executable``.
///
/// The child's standard output and standard error go straight to the cell's `stdout.log` and `stderr.log` (no
/// pipes to drain, so a large output cannot block the child and no thread waits on it), and are read back when it
/// exits; its standard input is `/dev/null`. The child inherits the environment and the working directory of the
/// runner, so relative paths in a command (`--data data/nile.csv`) resolve against the directory
/// `rnnmem sweep run` was started in. The runner limits how many children run at once (`--jobs`).
public struct ProcessExecutor: CellExecutor {
    /// `process`, recorded in every result.
    public let name = "process"
    /// The rnnmem binary.
    public let executable: URL

    /// An executor running the binary at `executable`.
    /// - Throws: ``SweepError`` when the file does not exist or is not executable.
    public init(executable: URL) throws(SweepError) {
        let path = executable.path
        guard FileManager.default.fileExists(atPath: path), !FileAccess.isDirectory(path) else {
            throw SweepError("no rnnmem binary at '\(path)'")
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SweepError("'\(path)' is not executable")
        }
        self.executable = executable
    }

    /// Runs the binary with the invocation's arguments and waits for it to exit.
    /// - Throws: ``SweepError`` when the process cannot be started or its logs cannot be written;
    ///   `CancellationError` when the task is cancelled before the start.
    public func execute(_ invocation: CellInvocation) async throws -> CellOutput {
        try Task.checkCancellation()
        let output = try Self.openLog(invocation.standardOutputFile)
        defer { try? output.close() }
        let error = try Self.openLog(invocation.standardErrorFile)
        defer { try? error.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = invocation.arguments
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let path = executable.path
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in
                let code = finished.terminationStatus
                continuation.resume(returning: finished.terminationReason == .uncaughtSignal ? 128 + code : code)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: SweepError("cannot run '\(path)': \(error.localizedDescription)"))
            }
        }
        return CellOutput(
            status: status,
            standardOutput: String(decoding: try FileAccess.read(invocation.standardOutputFile), as: UTF8.self),
            standardError: String(decoding: try FileAccess.read(invocation.standardErrorFile), as: UTF8.self))
    }

    private static func openLog(_ path: String) throws(SweepError) -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw SweepError("cannot write '\(path)'") }
        return handle
    }
}
