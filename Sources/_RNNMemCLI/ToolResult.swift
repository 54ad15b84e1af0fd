import Foundation

/// The outcome of one in-process run of rnnmem (``CommandLineTool/run(_:standardInput:helpColumns:)``): what the
/// process would have exited with and written.
public struct ToolResult: Sendable, Equatable {
    /// The exit status: 0 on success, 2 (``CommandLineTool/failureStatus``) on every error, 1 when `grad-check`
    /// finds an error above its tolerance.
    public let status: Int32
    /// The bytes written to standard output.
    public let standardOutput: Data
    /// The bytes written to standard error.
    public let standardError: Data

    public init(status: Int32, standardOutput: Data, standardError: Data) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Standard output as text (invalid UTF-8 repaired).
    public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }

    /// Standard error as text (invalid UTF-8 repaired).
    public var stderr: String { String(decoding: standardError, as: UTF8.self) }
}
