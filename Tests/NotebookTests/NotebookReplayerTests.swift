import Foundation
import Testing
import _TestSupport

/// The replayer end to end on small synthetic notebooks run in a temporary folder: it passes correct
/// transcripts and reports wrong ones with the notebook, block and line.
@Suite("Notebook runner: replay")
struct NotebookReplayerTests {
    static func replayer() throws -> NotebookReplayer {
        let dir = try TestSupport.temporaryDirectory()
        try Data("x\n1\n2\n4\n7\n0\n".utf8).write(to: dir.appendingPathComponent("x.csv"))
        return NotebookReplayer(root: dir)
    }

    static func fence(_ body: String, comment: String = "") -> String {
        "# Notebook\n\n\(comment)\n```console\n\(body)\n```\n"
    }

    @Test("a correct transcript replays: numbers within tolerance, '...', notes, expected errors")
    func passes() throws {
        let markdown = Self.fence(
            """
            $ rnnmem weights --d 0.4 \\
                --length 8
            1
            -0.4
            -0.12
            ...
            -0.01837056
            $ rnnmem fracdiff x.csv --d 0.5 --window 3
            rnnmem: note: a window of K = 3 weights discards 0.375 of the memory of (1−B)^0.5 (its gain at frequency 0)
            1
            1.5
            2.875
            4.75
            -4
            $ rnnmem acf x.csv --lags 10
            rnnmem: error: --lags 10 needs at least 11 observations; x.csv, column 'x' has 5
            """)
        let failures = try Self.replayer().failures(markdown: markdown, name: "01-test.md")
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("a wrong number is reported with notebook, block, command and line")
    func wrongNumber() throws {
        let markdown = Self.fence(
            """
            $ rnnmem weights --d 0.4 --length 3
            1
            -0.41
            -0.12
            """)
        let failures = try Self.replayer().failures(markdown: markdown, name: "01-test.md")
        #expect(failures.count == 1)
        let f = try #require(failures.first)
        #expect(f.line == 7)  // the line of '-0.41' in the notebook
        #expect(f.message.contains("01-test.md, console block 1 (line 4), command at line 5"))
        #expect(f.message.contains("expected '-0.41' but got '-0.4'"))
    }

    @Test("a block tolerance comment loosens the comparison")
    func toleranceComment() throws {
        let body = "$ rnnmem weights --d 0.4 --length 2\n1\n-0.4001\n"
        let strict = try Self.replayer().failures(markdown: Self.fence(body), name: "01-test.md")
        #expect(strict.count == 1)
        let loose = try Self.replayer().failures(
            markdown: Self.fence(body, comment: "<!-- tolerance: 1e-3 -->"), name: "01-test.md")
        #expect(loose.isEmpty, "\(loose)")
    }

    @Test("missing or extra lines, an unexpected error and a missing error are failures")
    func otherFailures() throws {
        let r = try Self.replayer()
        #expect(
            try r.failures(markdown: Self.fence("$ rnnmem weights --d 0.4 --length 3\n1\n-0.4\n"), name: "n").count == 1
        )
        #expect(
            try r.failures(markdown: Self.fence("$ rnnmem weights --d 0.4 --length 1\n1\n-0.4\n"), name: "n").count == 1
        )
        let unexpected = try r.failures(markdown: Self.fence("$ rnnmem acf x.csv --lags 10\n1\n"), name: "n")
        #expect(unexpected.count == 1)
        #expect(unexpected.first?.message.contains("exit status 2") == true)
        let missing = try r.failures(
            markdown: Self.fence("$ rnnmem weights --d 0.4 --length 1\nrnnmem: error: something\n"), name: "n")
        #expect(missing.first?.message.contains("expected exit status 2") == true)
        let syntax = try r.failures(markdown: Self.fence("$ rnnmem weights --d 0.4 --length 1 | head\n"), name: "n")
        #expect(syntax.first?.message.contains("not supported") == true)
    }

    @Test("'> FILE' writes standard output to the file, relative to the root")
    func redirect() throws {
        let r = try Self.replayer()
        let failures = try r.failures(
            markdown: Self.fence("$ rnnmem periodogram x.csv > figures/p.csv\n"), name: "n")
        #expect(failures.isEmpty, "\(failures)")
        let written = try String(contentsOf: r.root.appendingPathComponent("figures/p.csv"), encoding: .utf8)
        #expect(written.hasPrefix("frequency,periodogram\n"))
        #expect(NotebookReplayer.lines(written).count == 3)
    }
}
