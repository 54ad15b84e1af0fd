#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// POSIX `write(2)`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}

/// Writing a text file with POSIX calls (no Foundation in this module).
enum TextFile {
    static func write(_ text: String, to path: String) throws {
        guard !path.isEmpty else {
            throw RecurrentError.invalidArgument(argument: "path", message: "the file name is empty")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 {
            throw RecurrentError.invalidArgument(argument: "path", message: "cannot create \(path): \(reason())")
        }
        var text = text
        let failure: String? = text.withUTF8 { buffer in
            guard var base = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = posixWrite(fd, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return reason()
                }
                remaining -= written
                base += written
            }
            return nil
        }
        let closed = close(fd)
        if let failure {
            throw RecurrentError.invalidArgument(argument: "path", message: "cannot write \(path): \(failure)")
        }
        if closed != 0 {
            throw RecurrentError.invalidArgument(argument: "path", message: "cannot close \(path): \(reason())")
        }
    }

    static func reason() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message)
    }
}
