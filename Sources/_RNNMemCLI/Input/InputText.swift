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

    /// The most data rows (lines) an input may have: ``Arguments/maximumCount`` (10⁸), or the environment
    /// variable `RNNMEM_MAX_ROWS`.
    static func rowLimit() throws(CLIError) -> Int {
        guard let text = ToolEnvironment.value(rowLimitVariable) else { return Arguments.maximumCount }
        guard let rows = Int(text.trimmingCharacters(in: .whitespaces)), rows >= 1 else {
            throw CLIError("\(rowLimitVariable)='\(text)' is not a row count ≥ 1")
        }
        return rows
    }

    /// The environment variable that overrides ``rowLimit()``.
    static let rowLimitVariable = "RNNMEM_MAX_ROWS"

    /// Read the whole input (`-`: the console's standard input), streamed in chunks with bounds: a NUL byte
    /// stops the read at once (a binary file, `/dev/zero`), and so do more bytes than
    /// ``MemoryBudget/inputByteLimit()`` (a quarter of the memory limit, `RNNMEM_MEMORY_LIMIT`) or more lines than
    /// ``rowLimit()`` (`RNNMEM_MAX_ROWS`). Missing files, directories, unreadable files and non-UTF-8 bytes are
    /// `CLIError`s.
    static func read(_ path: String, console: Console) throws(CLIError) -> InputText {
        let byteLimit = try MemoryBudget.inputByteLimit()
        let rowLimit = try rowLimit()
        if path == "-" {
            if let data = console.capturedStandardInput {
                let bytes = [UInt8](data)
                try checkBounds(bytes, source: standardInputName, byteLimit: byteLimit, rowLimit: rowLimit)
                return InputText(source: standardInputName, bytes: try validate(bytes, source: standardInputName))
            }
            let bytes = try stream(
                FileHandle.standardInput, source: standardInputName, byteLimit: byteLimit, rowLimit: rowLimit)
            return InputText(source: standardInputName, bytes: try validate(bytes, source: standardInputName))
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
        let bytes = try stream(handle, source: path, byteLimit: byteLimit, rowLimit: rowLimit)
        return InputText(source: path, bytes: try validate(bytes, source: path))
    }

    /// The bytes of `handle` up to its end, read 1 MiB at a time and checked as they come.
    private static func stream(_ handle: FileHandle, source: String, byteLimit: Int, rowLimit: Int)
        throws(CLIError) -> [UInt8]
    {
        var bytes: [UInt8] = []
        var lines = 0
        while true {
            let chunk: Data
            do {
                guard let next = try handle.read(upToCount: 1 << 20), !next.isEmpty else { break }
                chunk = next
            } catch {
                throw CLIError.unreadable(source, reason: FileSystemErrors.reason(error))
            }
            if chunk.contains(0) { throw CLIError.notText(source) }
            lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            bytes.append(contentsOf: chunk)
            try checkSize(bytes.count, lines: lines, source: source, byteLimit: byteLimit, rowLimit: rowLimit)
        }
        return bytes
    }

    private static func checkBounds(_ bytes: [UInt8], source: String, byteLimit: Int, rowLimit: Int)
        throws(CLIError)
    {
        let lines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        try checkSize(bytes.count, lines: lines, source: source, byteLimit: byteLimit, rowLimit: rowLimit)
    }

    /// A header line is allowed beyond the row limit.
    private static func checkSize(_ count: Int, lines: Int, source: String, byteLimit: Int, rowLimit: Int)
        throws(CLIError)
    {
        if count > byteLimit {
            throw CLIError(
                "\(source) is larger than \(byteLimit) bytes, the most rnnmem reads (a quarter of the memory "
                    + "limit; set \(MemoryBudget.environmentVariable) to raise it)")
        }
        if lines > rowLimit + 1 {
            throw CLIError(
                "\(source) has more than \(rowLimit) rows, the most rnnmem reads (set \(rowLimitVariable) to raise it)")
        }
    }

    private static func validate(_ bytes: [UInt8], source: String) throws(CLIError) -> [UInt8] {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // byte-order mark of some spreadsheets
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else {
            throw CLIError.notText(source)
        }
        return bytes
    }
}
