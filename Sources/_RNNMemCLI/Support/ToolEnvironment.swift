import Foundation

/// The environment variables rnnmem reads (`RNNMEM_MEMORY_LIMIT`, `RNNMEM_MAX_ROWS`): the process's environment,
/// under the overrides of one in-process invocation
/// (``CommandLineTool/run(_:standardInput:helpColumns:environment:)``), which are task-local so that concurrent invocations do not see each other's.
enum ToolEnvironment {
    @TaskLocal static var overrides: [String: String] = [:]

    /// The words of the invocation's arguments (split as ``FiniteOutput`` splits output lines), so that a value
    /// the user typed and the output echoes (a file named `inf`) is not taken for a computed non-finite number.
    @TaskLocal static var argumentWords: Set<String> = []

    /// The value of `name`: the invocation's override, else the process's environment.
    static func value(_ name: String) -> String? { overrides[name] ?? ProcessInfo.processInfo.environment[name] }
}
