#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing safetensors files on disk with POSIX calls (the library stays Foundation-free); failures
/// are ``SafetensorsError``s of kind `.io` carrying the system's reason.
extension SafetensorsFile {
    /// Largest file read (16 GiB): beyond it a wrong path would exhaust memory instead of giving an error.
    public static let maximumFileSize = 1 << 34

    /// Read and validate the safetensors file at `path` (see ``decode(_:source:)``).
    public static func read(contentsOf path: String) throws(SafetensorsError) -> SafetensorsFile {
        try decode(try FileBytes.readAll(path), source: path)
    }

    /// Write the file to `path` (created or truncated), see ``encoded()``.
    public func write(to path: String) throws(SafetensorsError) {
        var copy = self
        copy.source = path
        try FileBytes.writeAll(try copy.encoded(), to: path)
    }
}
