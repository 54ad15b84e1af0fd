import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The standard streams of one invocation of rnnmem: where it reads standard input and writes standard output
/// and standard error.
///
/// Every command receives its console from the entry point and never touches the process's streams directly, so
/// that the same command runs in a process (``standardStreams``: POSIX writes to descriptors 1 and 2, errors
/// carrying the system's reason, nothing left in a buffer at exit) or in-process (``capturing(standardInput:)``:
/// the output collected in memory, standard input taken from given bytes). A capturing console belongs to one
/// invocation, so concurrent invocations never share output.
final class Console: Sendable {
    private enum Destination: Sendable {
        case process
        case capture(input: Data, buffers: CaptureBuffers)
    }

    /// What a capturing console has been given to write, behind a lock (a command may write from several threads,
    /// e.g. a progress callback).
    private final class CaptureBuffers: Sendable {
        struct Contents {
            var output: [UInt8] = []
            var error: [UInt8] = []
        }
        let contents = Mutex(Contents())
    }

    private let destination: Destination

    private init(_ destination: Destination) { self.destination = destination }

    /// The process's standard input, output and error.
    static let standardStreams = Console(.process)

    /// A console that reads `standardInput` (empty when nil) and keeps what is written, for
    /// ``capturedOutput`` and ``capturedError``.
    static func capturing(standardInput: Data?) -> Console {
        Console(.capture(input: standardInput ?? Data(), buffers: CaptureBuffers()))
    }

    /// Whether this console writes to the process's streams (progress bars are drawn only then).
    var isStandardStreams: Bool {
        if case .process = destination { return true }
        return false
    }

    /// Everything written to standard output so far (empty for the process's streams).
    var capturedOutput: Data {
        guard case .capture(_, let buffers) = destination else { return Data() }
        return buffers.contents.withLock { Data($0.output) }
    }

    /// Everything written to standard error so far (empty for the process's streams).
    var capturedError: Data {
        guard case .capture(_, let buffers) = destination else { return Data() }
        return buffers.contents.withLock { Data($0.error) }
    }

    /// The standard input given to a capturing console; nil for the process's streams (read them from
    /// `FileHandle.standardInput`, in chunks).
    var capturedStandardInput: Data? {
        switch destination {
        case .process: return nil
        case .capture(let input, _): return input
        }
    }

    /// `rnnmem: note: <message>` on standard error (informational; the command still succeeds).
    func note(_ message: String) { writeStandardError("rnnmem: note: \(message)\n") }

    /// `rnnmem: warning: <message>` on standard error.
    func warning(_ message: String) { writeStandardError("rnnmem: warning: \(message)\n") }

    /// Write to standard error (a failure to write there cannot be reported anywhere and is ignored).
    func writeStandardError(_ text: String) {
        switch destination {
        case .process: _ = Self.writeAll(text, to: 2)
        case .capture(_, let buffers): buffers.contents.withLock { $0.error.append(contentsOf: text.utf8) }
        }
    }

    /// Write to standard output; a failure (for example a closed pipe) is reported as an error.
    func writeStandardOutput(_ text: String) throws(CLIError) {
        switch destination {
        case .process:
            if let reason = Self.writeAll(text, to: 1) {
                throw CLIError("cannot write to standard output: \(reason)")
            }
        case .capture(_, let buffers):
            buffers.contents.withLock { $0.output.append(contentsOf: text.utf8) }
        }
    }

    /// Create or truncate `path` and write `text` to it.
    static func writeFile(_ text: String, path: String) throws(CLIError) {
        if path.isEmpty { throw CLIError.unwritable(path, reason: "the file name is empty") }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw CLIError.unwritable(path, reason: systemReason()) }
        let failure = writeAll(text, to: fd)
        let closed = close(fd)
        if let failure { throw CLIError.unwritable(path, reason: failure) }
        if closed != 0 { throw CLIError.unwritable(path, reason: systemReason()) }
    }

    /// Writes every byte, retrying short writes; returns the system's reason on failure.
    private static func writeAll(_ text: String, to fd: Int32) -> String? {
        var text = text
        return text.withUTF8 { buffer -> String? in
            guard var base = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(fd, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return systemReason()
                }
                remaining -= written
                base += written
            }
            return nil
        }
    }

    private static func systemReason() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message).lowercased()
    }
}
