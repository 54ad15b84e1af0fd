#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and writes of bytes.
enum FileBytes {
    static func reason() -> String {
        guard let m = strerror(errno) else { return "error \(errno)" }
        return String(cString: m).lowercased()
    }

    static func readAll(_ path: String) throws(SafetensorsError) -> [UInt8] {
        func fail(_ message: String) -> SafetensorsError { SafetensorsError(.io, source: path, message) }
        guard !path.isEmpty else { throw fail("the file name is empty") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw fail("cannot open: \(reason())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw fail("cannot stat: \(reason())") }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw fail("not a regular file") }
        let size = Int(st.st_size)
        guard size <= SafetensorsFile.maximumFileSize else {
            throw fail("file of \(size) bytes exceeds the limit of \(SafetensorsFile.maximumFileSize) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        var failure: String?
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while filled < size {
                let r = read(fd, base + filled, size - filled)
                if r < 0 {
                    if errno == EINTR { continue }
                    failure = reason()
                    return
                }
                if r == 0 { break }
                filled += r
            }
        }
        if let failure { throw fail("cannot read: \(failure)") }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    static func writeAll(_ bytes: [UInt8], to path: String) throws(SafetensorsError) {
        func fail(_ message: String) -> SafetensorsError { SafetensorsError(.io, source: path, message) }
        guard !path.isEmpty else { throw fail("the file name is empty") }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw fail("cannot create: \(reason())") }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var done = 0
            while done < buffer.count {
                let w = write(fd, base + done, buffer.count - done)
                if w < 0 {
                    if errno == EINTR { continue }
                    failure = reason()
                    return
                }
                done += w
            }
        }
        let closed = close(fd)
        if let failure { throw fail("cannot write: \(failure)") }
        if closed != 0 { throw fail("cannot write: \(reason())") }
    }
}
