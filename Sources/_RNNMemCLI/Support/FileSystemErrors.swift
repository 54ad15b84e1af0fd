import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Foundation's file-system errors in words a user can act on ("The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)" becomes "cannot create folder 'out/x': 'out' is not a folder").
enum FileSystemErrors {
    /// The reason of a Foundation or POSIX error: the system's reason when it carries one, else the meaning of its
    /// Cocoa code.
    static func reason(_ error: any Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return posixReason(Int32(underlying.code))
        }
        if error.domain == NSPOSIXErrorDomain { return posixReason(Int32(error.code)) }
        if error.domain == NSCocoaErrorDomain {
            switch error.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "no such file or folder"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileWriteOutOfSpaceError: return "no space left on the device"
            case NSFileWriteVolumeReadOnlyError: return "the volume is read-only"
            case NSFileWriteFileExistsError: return "a file of that name exists"
            case NSFileReadTooLargeError: return "the file is too large"
            case NSFileReadInapplicableStringEncodingError, NSFileReadCorruptFileError: return "the file is not valid"
            default: break
            }
        }
        return "the system refused the operation"
    }

    /// Whether `error` is one of Foundation's file-system errors (as opposed to an error of rnnmem's modules).
    static func isFoundationError(_ error: any Error) -> Bool {
        let domain = (error as NSError).domain
        return domain == NSCocoaErrorDomain || domain == NSPOSIXErrorDomain
    }

    /// The path an error of Foundation is about, if it names one.
    static func path(_ error: any Error) -> String? {
        let info = (error as NSError).userInfo
        if let path = info[NSFilePathErrorKey] as? String { return path }
        return (info[NSURLErrorKey] as? URL)?.path
    }

    /// "cannot create folder 'a/b/c': 'a/b' is not a folder" (or permission denied, …): the reason found by
    /// walking up to the nearest existing ancestor, else the reason of `error`.
    static func cannotCreateFolder(_ path: String, error: (any Error)?) -> CLIError {
        var ancestor = (path as NSString).deletingLastPathComponent
        while true {
            let probe = ancestor.isEmpty ? "." : ancestor
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: probe, isDirectory: &isDirectory) {
                if !isDirectory.boolValue {
                    return CLIError("cannot create folder '\(path)': '\(probe)' is not a folder")
                }
                if !FileManager.default.isWritableFile(atPath: probe) {
                    return CLIError("cannot create folder '\(path)': permission denied in '\(probe)'")
                }
                break
            }
            if ancestor.isEmpty || ancestor == "/" { break }
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        return CLIError("cannot create folder '\(path)': \(error.map(reason) ?? "the system refused the operation")")
    }

    private static func posixReason(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message).lowercased()
    }
}
