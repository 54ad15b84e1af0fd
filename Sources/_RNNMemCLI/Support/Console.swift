#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing to the process's standard streams and to files with POSIX calls, so that errors carry the system's
/// reason (`No such file or directory`, `Is a directory`, …) and output is never left in a buffer at exit.
enum Console {
    /// `rnnmem: note: <message>` on standard error (informational; the command still succeeds).
    static func note(_ message: String) { writeStandardError("rnnmem: note: \(message)\n") }

    /// `rnnmem: warning: <message>` on standard error.
    static func warning(_ message: String) { writeStandardError("rnnmem: warning: \(message)\n") }

    static func writeStandardError(_ text: String) { _ = writeAll(text, to: 2) }

    /// Write to standard output; a failure (for example a closed pipe) is reported as an error.
    static func writeStandardOutput(_ text: String) throws(CLIError) {
        if let reason = writeAll(text, to: 1) { throw CLIError("cannot write to standard output: \(reason)") }
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
