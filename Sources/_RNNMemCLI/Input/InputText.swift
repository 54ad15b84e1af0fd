import Foundation

/// The bytes of an input named on the command line: a file path, or `-` for standard input; checked to be
/// UTF-8 text.
struct InputText {
    /// How messages name the input: the path as given, or `<stdin>`.
    let source: String
    /// UTF-8 bytes without a leading byte-order mark.
    let bytes: [UInt8]

    /// The name under which standard input is reported in messages.
    static let standardInputName = "<stdin>"

    /// Read the whole input (`-`: the console's standard input). Missing files, directories, unreadable files and
    /// non-UTF-8 bytes are `CLIError`s.
    static func read(_ path: String, console: Console) throws(CLIError) -> InputText {
        if path == "-" {
            let data = console.readStandardInput()
            return InputText(source: standardInputName, bytes: try validate(data, source: standardInputName))
        }
        if path.isEmpty { throw CLIError("the input file name is empty (use '-' for standard input)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError.noSuchFile(path)
        }
        if isDirectory.boolValue { throw CLIError.isDirectory(path) }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CLIError.unreadable(path, reason: "permission denied")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError.unreadable(path, reason: "it could not be opened")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw CLIError.unreadable(path, reason: error.localizedDescription)
        }
        return InputText(source: path, bytes: try validate(data, source: path))
    }

    private static func validate(_ data: Data, source: String) throws(CLIError) -> [UInt8] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // byte-order mark of some spreadsheets
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else {
            throw CLIError.notText(source)
        }
        return bytes
    }
}
