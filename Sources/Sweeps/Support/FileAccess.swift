import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File operations with POSIX calls, so that failures carry the system's reason, and the atomic write that makes
/// a result either absent or complete.
enum FileAccess {
    /// The contents of a regular file.
    static func read(_ path: String) throws(SweepError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SweepError("no such file: '\(path)'")
        }
        if isDirectory.boolValue { throw SweepError("'\(path)' is a directory, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SweepError("cannot read '\(path)': permission denied or unreadable")
        }
        return data
    }

    /// True when `path` exists and is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Creates `path` and its parents when missing.
    static func createDirectory(_ path: String) throws(SweepError) {
        if isDirectory(path) { return }
        if FileManager.default.fileExists(atPath: path) { throw SweepError("'\(path)' exists and is not a directory") }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            // Another shard may have created it in the meantime.
            if isDirectory(path) { return }
            throw SweepError("cannot create the directory '\(path)': \(reason(error))")
        }
    }

    /// Removes `path` (file or directory tree) if it exists.
    static func remove(_ path: String) throws(SweepError) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw SweepError("cannot remove '\(path)': \(reason(error))")
        }
    }

    /// The names in a directory (empty when it does not exist).
    static func contents(of directory: String) throws(SweepError) -> [String] {
        guard isDirectory(directory) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw SweepError("cannot list '\(directory)': \(reason(error))")
        }
    }

    /// Creates or truncates `path` and writes `text` to it (not atomically: for logs).
    static func writeText(_ text: String, to path: String) throws(SweepError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw SweepError("cannot write '\(path)': \(reason(error))")
        }
    }

    /// Writes `text` to `path` so that readers see either the old file or the complete new one: the bytes go to a
    /// temporary file in the same directory, which is flushed to disk (`fsync`) and renamed over `path` (an atomic
    /// replacement on POSIX file systems); the directory is then flushed so the rename itself survives a crash.
    static func writeAtomically(_ text: String, to path: String) throws(SweepError) {
        let temporary = try writeTemporary(text, beside: path)
        if rename(temporary, path) != 0 {
            let why = systemReason()
            unlink(temporary)
            throw SweepError("cannot write '\(path)': \(why)")
        }
        syncDirectory(of: path)
    }

    /// Creates `path` holding `text` only if no file of that name exists (atomic: a hard link of a complete
    /// temporary file, which fails when the name is taken). Returns false when the file already existed.
    static func createExclusively(_ text: String, at path: String) throws(SweepError) -> Bool {
        let temporary = try writeTemporary(text, beside: path)
        defer { unlink(temporary) }
        if link(temporary, path) == 0 {
            syncDirectory(of: path)
            return true
        }
        if errno == EEXIST { return false }
        let why = systemReason()
        // Some file systems lack hard links: fall back to an existence check and a rename.
        if errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP {
            if FileManager.default.fileExists(atPath: path) { return false }
            try writeAtomically(text, to: path)
            return true
        }
        throw SweepError("cannot write '\(path)': \(why)")
    }

    /// The prefix of the temporary files written for `path`: a hidden name in the same directory.
    static func temporaryPrefix(for path: String) -> (directory: String, prefix: String) {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, "." + url.lastPathComponent + ".tmp-")
    }

    private static func writeTemporary(_ text: String, beside path: String) throws(SweepError) -> String {
        let (directory, prefix) = temporaryPrefix(for: path)
        let temporary = directory + "/" + prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd < 0 { throw SweepError("cannot write '\(path)': \(systemReason())") }
        var failure: String?
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            guard var base = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(fd, base, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = systemReason()
                    return
                }
                remaining -= written
                base += written
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = systemReason() }
        if close(fd) != 0 && failure == nil { failure = systemReason() }
        if let failure {
            unlink(temporary)
            throw SweepError("cannot write '\(path)': \(failure)")
        }
        return temporary
    }

    private static func syncDirectory(of path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = open(directory, O_RDONLY)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
    }

    static func systemReason() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(cString: message).lowercased()
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let message = strerror(Int32(underlying.code))
        {
            return String(cString: message).lowercased()
        }
        return nsError.localizedDescription
    }
}
