import Foundation

/// The text of an input named on the command line: a file path, or `-` for standard input.
struct InputText {
    /// How messages name the input: the path as given, or `<stdin>`.
    let source: String
    let text: String

    /// The name under which standard input is reported in messages.
    static let standardInputName = "<stdin>"

    /// Read the whole input. Missing files, directories, unreadable files and non-UTF-8 bytes are `CLIError`s.
    static func read(_ path: String) throws(CLIError) -> InputText {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return InputText(source: standardInputName, text: try decode(data, source: standardInputName))
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
        return InputText(source: path, text: try decode(data, source: path))
    }

    private static func decode(_ data: Data, source: String) throws(CLIError) -> String {
        guard var text = String(data: data, encoding: .utf8) else { throw CLIError.notText(source) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // byte-order mark written by some spreadsheets
        if text.contains("\0") { throw CLIError.notText(source) }
        return text
    }
}
