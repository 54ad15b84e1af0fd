import Foundation
import Testing
import _TestSupport

/// Helpers for running the built `rnnmem` binary and checking its three outputs.
enum CLI {
    /// Run rnnmem with a fixed terminal width (help text wraps at 80 columns), optionally in `directory`.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws
        -> TestSupport.ProcessResult
    {
        try TestSupport.runRNNMem(arguments, stdin: stdin, directory: directory, environment: ["COLUMNS": "80"])
    }

    /// The numbers printed one per line.
    static func numbers(_ text: String) -> [Double] {
        text.split(separator: "\n").compactMap { Double($0) }
    }

    /// The lines of a text, without the final newline.
    static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// A fresh temporary folder holding the given files (name → contents).
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        for (name, contents) in files {
            try Data(contents.utf8).write(to: dir.appendingPathComponent(name))
        }
        return dir
    }

    /// Status 2, nothing on standard output, exactly one line `rnnmem: error: …` on standard error containing
    /// every fragment.
    static func expectError(
        _ result: TestSupport.ProcessResult, _ fragments: String...,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            result.status == 2, "exit status \(result.status); stderr: \(result.stderr)", sourceLocation: sourceLocation
        )
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("rnnmem: error: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.hasSuffix("\n") && result.stderr.filter { $0 == "\n" }.count == 1,
            "not exactly one line: \(result.stderr)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                result.stderr.contains(fragment), "'\(fragment)' missing from: \(result.stderr)",
                sourceLocation: sourceLocation)
        }
    }

    /// Status 0 and no standard error.
    static func expectSuccess(_ result: TestSupport.ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            result.status == 0, "exit status \(result.status); stderr: \(result.stderr)", sourceLocation: sourceLocation
        )
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// max_i |a_i − b_i|, ∞ when the lengths differ.
    static func maxAbsError(_ a: [Double], _ b: [Double]) -> Double { TestSupport.maxAbsError(a, b) }
}

import _RNNMemCLI

extension CLI {
    /// Run rnnmem in-process (``CommandLineTool/run(_:standardInput:helpColumns:)``: the binary's status and bytes,
    /// without starting a process; `InProcessTests` checks the equivalence). Paths must be absolute.
    static func runInProcess(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) async
        -> ToolResult
    {
        await CommandLineTool.run(
            arguments, standardInput: stdin.map { Data($0.utf8) }, helpColumns: 80, environment: environment)
    }

    /// ``expectError(_:_:sourceLocation:)`` for an in-process run.
    static func expectError(
        _ result: ToolResult, _ fragments: String..., sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            result.status == 2, "exit status \(result.status); stderr: \(result.stderr)", sourceLocation: sourceLocation
        )
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(
            result.stderr.hasPrefix("rnnmem: error: ") && result.stderr.filter { $0 == "\n" }.count == 1
                && result.stderr.hasSuffix("\n"), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(
                result.stderr.contains(fragment), "'\(fragment)' missing from: \(result.stderr)",
                sourceLocation: sourceLocation)
        }
    }

    /// ``expectSuccess(_:sourceLocation:)`` for an in-process run.
    static func expectSuccess(_ result: ToolResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            result.status == 0, "exit status \(result.status); stderr: \(result.stderr)", sourceLocation: sourceLocation
        )
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }
}
