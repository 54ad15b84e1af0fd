import Foundation

/// Runs each cell as a child process of the `rnnmem` binary at ``executable``, capturing its standard output and
/// standard error (read concurrently, so a large output cannot block the child).
///
/// The child inherits the environment and the working directory of the runner, so relative paths in a command
/// (`--data data/nile.csv`) resolve against the directory `rnnmem sweep run` was started in; its standard input is
/// `/dev/null`. Each child runs on its own thread of Dispatch's global pool while it lives; the runner limits how
/// many run at once (`--jobs`).
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
    /// - Throws: ``SweepError`` when the process cannot be started; `CancellationError` when the task is cancelled
    ///   before the start.
    public func execute(_ invocation: CellInvocation) async throws -> CellOutput {
        try Task.checkCancellation()
        let executable = self.executable
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.runBlocking(executable, invocation.arguments) })
            }
        }
    }

    private static func runBlocking(_ executable: URL, _ arguments: [String]) throws -> CellOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SweepError("cannot run '\(executable.path)': \(error.localizedDescription)")
        }
        let errorBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorBox.data = errPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        var status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal { status = 128 + status }
        return CellOutput(
            status: status, standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: errorBox.data, as: UTF8.self))
    }
}

/// A slot written by one thread and read by another after a `DispatchGroup.wait()`, which orders the accesses.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
