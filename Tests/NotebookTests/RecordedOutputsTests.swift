import Foundation
import Testing
import _TestSupport

/// The notebooks' recorded ```text blocks against `figures/NN-recorded.txt`, and no unfilled `@@NAME@@` placeholder
/// (rules: top of `RecordedOutputs.swift`).
@Suite("Notebook recorded outputs")
struct RecordedOutputsTests {
    static func recordedFile(for notebook: String) -> URL {
        NotebookCatalog.folder.appendingPathComponent("figures/\(notebook.prefix(2))-recorded.txt")
    }

    @Test("no notebook contains an unfilled @@NAME@@ placeholder", arguments: NotebookCatalog.notebooks)
    func noPlaceholders(notebook: String) throws {
        let url = NotebookCatalog.folder.appendingPathComponent(notebook)
        let markdown = try String(contentsOf: url, encoding: .utf8)
        for found in RecordedOutputs.placeholders(in: markdown) {
            Issue.record(
                Comment(rawValue: "notebooks-md/\(notebook):\(found.line): unfilled placeholder \(found.text)"),
                sourceLocation: SourceLocation(
                    fileID: "rnnmem/notebooks-md/\(notebook)", filePath: url.path, line: found.line, column: 1))
        }
    }

    @Test("```text command blocks equal figures/NN-recorded.txt", arguments: NotebookCatalog.notebooks)
    func textBlocksMatchRecorder(notebook: String) throws {
        let recordedURL = Self.recordedFile(for: notebook)
        guard FileManager.default.fileExists(atPath: recordedURL.path) else { return }
        let url = NotebookCatalog.folder.appendingPathComponent(notebook)
        let markdown = try String(contentsOf: url, encoding: .utf8)
        let recorded = try String(contentsOf: recordedURL, encoding: .utf8)
        let name = "notebooks-md/figures/\(recordedURL.lastPathComponent)"
        #expect(!RecordedOutputs.commandTextBlocks(in: markdown).isEmpty, "\(notebook) shows nothing of \(name)")
        for failure in RecordedOutputs.failures(markdown: markdown, recorded: recorded, recordedName: name) {
            Issue.record(
                Comment(rawValue: "notebooks-md/\(notebook):\(failure.line): \(failure.message)"),
                sourceLocation: SourceLocation(
                    fileID: "rnnmem/notebooks-md/\(notebook)", filePath: url.path, line: max(1, failure.line),
                    column: 1))
        }
    }

    static let recorded = """
        $ rnnmem simulate arfima --d 0.4 --length 11 --seed 7 > run/x.csv
        $ rnnmem memory states --weights w.safetensors --residuals
        series  d_LW   d_GPH  verdict
        x1      0.434  0.366  long memory
        e1      0.017  -0.033  short memory

        $ rnnmem memory response --weights w.safetensors --lags 1:3
        k   a_k
        0   0.4
        1   0.2
        2   0.1
        3   0.05
        verdict: exponential

        total wall time 3 s
        """

    static func notebook(_ body: String) -> String { "# Notebook\n\nText.\n\n```text\n\(body)\n```\n\nMore.\n" }

    @Test("a block copied from the recorder passes: continuations, redirections, '...' for elided rows")
    func copiedBlockPasses() {
        let markdown = Self.notebook(
            """
            $ rnnmem simulate arfima --d 0.4 --length 11 --seed 7 > run/x.csv

            $ rnnmem memory states --weights w.safetensors \\
                --residuals
            series  d_LW   d_GPH  verdict
            x1      0.434  0.366  long memory
            e1      0.017  -0.033  short memory
            $ rnnmem memory response --weights w.safetensors --lags 1:3
            k   a_k
            0   0.4
            ...
            3   0.05
            verdict: exponential
            ...
            """)
        #expect(RecordedOutputs.failures(markdown: markdown, recorded: Self.recorded, recordedName: "r.txt").isEmpty)
    }

    @Test("a stale verdict, a changed number, a command the recorder never ran: each fails at its line")
    func driftFails() {
        let stale = Self.notebook(
            """
            $ rnnmem memory states --weights w.safetensors --residuals
            series  d_LW   d_GPH  verdict
            x1      0.434  0.366  long memory
            e1      0.017  -0.033  inconclusive
            """)
        let failures = RecordedOutputs.failures(markdown: stale, recorded: Self.recorded, recordedName: "r.txt")
        #expect(failures.count == 1)
        #expect(failures.first?.line == 9)
        #expect(failures.first?.message.contains("inconclusive") == true)

        let number = Self.notebook(
            """
            $ rnnmem memory response --weights w.safetensors --lags 1:3
            k   a_k
            0   0.4
            1   0.20001
            ...
            """)
        #expect(
            RecordedOutputs.failures(markdown: number, recorded: Self.recorded, recordedName: "r.txt").map(\.line)
                == [9])

        let unknown = Self.notebook("$ rnnmem memory response --weights w.safetensors --lags 1:4\nk   a_k\n...")
        let missing = RecordedOutputs.failures(markdown: unknown, recorded: Self.recorded, recordedName: "r.txt")
        #expect(missing.map(\.line) == [6])
        #expect(missing.first?.message.contains("is not in r.txt") == true)
    }

    @Test("```text blocks that are not rnnmem transcripts, and console blocks, are not compared")
    func otherBlocksIgnored() {
        let markdown =
            "```text\nrnnmem sweep slurm x.json\nsbatch x.sbatch\n```\n\n```console\n$ rnnmem weights --d 0.4\n1\n```\n"
        #expect(RecordedOutputs.commandTextBlocks(in: markdown).isEmpty)
    }

    @Test("placeholders are found with their line; other @ text is not")
    func placeholdersFound() {
        let found = RecordedOutputs.placeholders(
            in: "a\n@@CAPACITY@@\nmail@example.org @@ x @@\nx @@HORIZON_DISCUSSION@@")
        #expect(found.map(\.line) == [2, 4])
        #expect(found.map(\.text) == ["@@CAPACITY@@", "@@HORIZON_DISCUSSION@@"])
    }
}
