import Foundation
import Testing
import _TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Every bad-input case of the CLI contract: exit status 2, empty standard output, and one line
/// `rnnmem: error: …` on standard error naming the file (with line and column) or the argument.
@Suite("Bad input files")
struct InputErrorTests {
    /// A header and 16 data rows, so that a bad cell in the last row sits on line 17, column 2.
    static func table(lastCell: String) -> String {
        var lines = ["year,min_level"]
        for i in 1...15 { lines.append("\(600 + i),\(1000 + i)") }
        lines.append("616,\(lastCell)")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("missing file: named")
    func missingFile() throws {
        let dir = try CLI.folder([:])
        let r = try CLI.run(["acf", "data.csv", "--lags", "3"], in: dir)
        CLI.expectError(r)
        #expect(r.stderr == "rnnmem: error: no such file: 'data.csv'\n")
    }

    @Test("a folder instead of a file")
    func directory() throws {
        let dir = try CLI.folder([:])
        CLI.expectError(try CLI.run(["fracdiff", ".", "--d", "0.4"], in: dir), "'.' is a directory, not a file")
    }

    @Test("unreadable file (permission denied)", .enabled(if: getuid() != 0, "root can read any file"))
    func unreadable() throws {
        let dir = try CLI.folder(["secret.csv": "1\n2\n"])
        let path = dir.appendingPathComponent("secret.csv").path
        #expect(chmod(path, 0) == 0)
        CLI.expectError(try CLI.run(["acf", "secret.csv", "--lags", "1"], in: dir), "cannot read 'secret.csv'")
    }

    @Test("binary (non-UTF-8) file")
    func binary() throws {
        let dir = try CLI.folder([:])
        try Data([0xFF, 0xFE, 0x00, 0x01, 0x80]).write(to: dir.appendingPathComponent("b.csv"))
        CLI.expectError(try CLI.run(["acf", "b.csv", "--lags", "1"], in: dir), "b.csv is not UTF-8 text")
    }

    @Test("empty file, blank file, empty standard input")
    func empty() throws {
        let dir = try CLI.folder(["e.csv": "", "blank.csv": "\n  \n\n"])
        let r = try CLI.run(["acf", "e.csv", "--lags", "1"], in: dir)
        CLI.expectError(r)
        #expect(r.stderr == "rnnmem: error: e.csv is empty: no rows to read\n")
        CLI.expectError(try CLI.run(["fracdiff", "blank.csv", "--d", "0.4"], in: dir), "blank.csv is empty")
        CLI.expectError(try CLI.run(["periodogram", "-"], stdin: ""), "<stdin> is empty")
    }

    @Test("header-only file")
    func headerOnly() throws {
        let dir = try CLI.folder(["h.csv": "year,min_level\n"])
        let r = try CLI.run(["acf", "h.csv", "--lags", "1"], in: dir)
        CLI.expectError(r)
        #expect(r.stderr == "rnnmem: error: h.csv has a header (year, min_level) but no data rows\n")
    }

    @Test("non-numeric cell in the chosen column: data.csv:17:2: 'abc' is not a number")
    func notANumber() throws {
        let dir = try CLI.folder(["data.csv": Self.table(lastCell: "abc")])
        let r = try CLI.run(["acf", "data.csv", "--lags", "3"], in: dir)
        CLI.expectError(r)
        #expect(r.stderr == "rnnmem: error: data.csv:17:2: 'abc' is not a number\n")
        // The same through --column and standard input.
        let named = try CLI.run(["fracdiff", "data.csv", "--d", "0.4", "--column", "min_level"], in: dir)
        #expect(named.stderr == "rnnmem: error: data.csv:17:2: 'abc' is not a number\n")
        let piped = try CLI.run(["periodogram", "-"], stdin: Self.table(lastCell: "abc"))
        #expect(piped.stderr == "rnnmem: error: <stdin>:17:2: 'abc' is not a number\n")
        // A bad cell in another column does not matter.
        let other = try CLI.run(["acf", "-", "--lags", "1"], stdin: "a,b\nx,1\ny,2\n")
        CLI.expectSuccess(other)
    }

    @Test("NaN and infinite cells: file:line:column")
    func nonFinite() throws {
        for cell in ["NaN", "nan", "inf", "-Infinity"] {
            let dir = try CLI.folder(["data.csv": Self.table(lastCell: cell)])
            let r = try CLI.run(["fracdiff", "data.csv", "--d", "0.4"], in: dir)
            CLI.expectError(r)
            #expect(r.stderr == "rnnmem: error: data.csv:17:2: '\(cell)' is not a finite number\n")
        }
    }

    @Test("empty cell (missing value)")
    func emptyCell() throws {
        let dir = try CLI.folder(["data.csv": "a,b\n1,2\n3,\n"])
        CLI.expectError(try CLI.run(["acf", "data.csv", "--lags", "1"], in: dir), "data.csv:3:2: empty cell")
    }

    @Test("missing column, by name and by index")
    func missingColumn() throws {
        let dir = try CLI.folder(["data.csv": "year,min_level\n1,2\n3,4\n", "plain.csv": "1,2\n3,4\n"])
        let r = try CLI.run(["acf", "data.csv", "--lags", "1", "--column", "foo"], in: dir)
        CLI.expectError(r)
        #expect(r.stderr == "rnnmem: error: no column 'foo' in data.csv; columns are: year, min_level\n")
        CLI.expectError(
            try CLI.run(["acf", "data.csv", "--lags", "1", "--column", "3"], in: dir), "no column 3 in data.csv",
            "year, min_level")
        CLI.expectError(
            try CLI.run(["acf", "data.csv", "--lags", "1", "--column", "0"], in: dir), "no column 0 in data.csv")
        CLI.expectError(
            try CLI.run(["acf", "plain.csv", "--lags", "1", "--column", "x"], in: dir), "no column 'x' in plain.csv",
            "no header row")
        CLI.expectError(
            try CLI.run(["columns", "data.csv", "--columns", "year,foo"], in: dir), "no column 'foo' in data.csv")
    }

    @Test("no numeric column at all")
    func noNumericColumn() throws {
        CLI.expectError(
            try CLI.run(["acf", "-", "--lags", "1"], stdin: "name,city\nann,rome\nbob,oslo\n"),
            "no numeric column in <stdin>; columns are: name, city")
    }

    @Test("ragged rows: the line and the field counts")
    func ragged() throws {
        let dir = try CLI.folder(["data.csv": "a,b\n1,2\n3,4,5\n"])
        let r = try CLI.run(["acf", "data.csv", "--lags", "1"], in: dir)
        CLI.expectError(r)
        #expect(r.stderr == "rnnmem: error: data.csv:3: row has 3 fields, expected 2 (as on line 1)\n")
        CLI.expectError(try CLI.run(["acf", "-", "--lags", "1"], stdin: "a,b\n1,2\n3\n"), "<stdin>:3: row has 1 field")
    }

    @Test("ambiguous delimiter (tabs and semicolons both split every row)")
    func ambiguousDelimiter() throws {
        CLI.expectError(
            try CLI.run(["acf", "-", "--lags", "1"], stdin: "a\tb;c\n1\t2;3\n4\t5;6\n"), "<stdin>: cannot tell whether")
    }

    @Test("series too short for the request: the argument and the length are named")
    func tooShort() throws {
        let fifty = (1...50).map { "\(Double($0).squareRoot())" }.joined(separator: "\n") + "\n"
        let dir = try CLI.folder(["data.csv": fifty, "one.csv": "x\n3\n"])
        let r = try CLI.run(["acf", "data.csv", "--lags", "100"], in: dir)
        CLI.expectError(r)
        #expect(
            r.stderr
                == "rnnmem: error: --lags 100 needs at least 101 observations; data.csv, column 'column 1' has 50\n")
        CLI.expectError(
            try CLI.run(["acf", "data.csv", "--lags", "50"], in: dir), "--lags 50", "data.csv, column 'column 1' has 50"
        )
        CLI.expectSuccess(try CLI.run(["acf", "data.csv", "--lags", "49"], in: dir))
        CLI.expectError(
            try CLI.run(["periodogram", "one.csv"], in: dir),
            "a periodogram needs at least 2 observations; one.csv, column 'x' has 1")
    }

    @Test("constant series: its autocorrelation is undefined")
    func constant() throws {
        CLI.expectError(try CLI.run(["acf", "-", "--lags", "1"], stdin: "v\n3\n3\n3\n"), "column 'v' is constant")
    }

    // MARK: Issue 9

    @Test("input bounds: /dev/zero stops at once (NUL), rows past RNNMEM_MAX_ROWS, bytes past the memory limit")
    func inputBounds() async throws {
        CLI.expectError(await CLI.runInProcess(["check", "/dev/zero"]), "/dev/zero is not UTF-8 text")
        let rows = String(repeating: "1\n2\n", count: 600)
        CLI.expectError(
            await CLI.runInProcess(["acf", "-", "--lags", "1"], stdin: rows, environment: ["RNNMEM_MAX_ROWS": "1000"]),
            "<stdin> has more than 1000 rows", "RNNMEM_MAX_ROWS")
        CLI.expectError(
            await CLI.runInProcess(
                ["acf", "-", "--lags", "1"], stdin: rows, environment: ["RNNMEM_MEMORY_LIMIT": "1K"]),
            "<stdin> is larger than 256 bytes", "RNNMEM_MEMORY_LIMIT")
        let r = try CLI.run(["check", "/dev/zero"])
        CLI.expectError(r, "/dev/zero is not UTF-8 text")
    }

    @Test("folders that cannot be created: the parent that is not a folder, no NSCocoaErrorDomain")
    func folderErrors() async throws {
        let column = (1...120).map { "\(Double($0 % 7))" }.joined(separator: "\n")
        let dir = try CLI.folder(["plain": "x", "x.csv": "x\n" + column])
        let plain = dir.appendingPathComponent("plain").path
        let r = await CLI.runInProcess(["check", dir.appendingPathComponent("x.csv").path, "--figures", plain + "/f"])
        CLI.expectError(r, "cannot create folder '\(plain)/f': '\(plain)' is not a folder")
        let train = await CLI.runInProcess([
            "train", "--model", "rnn", "--hidden", "2", "--task", "recall", "--steps", "1", "--length", "8",
            "--batch", "2", "--eval-batch", "2", "--output-dir", plain + "/a/b", "--progress", "none",
        ])
        CLI.expectError(train, "cannot create folder '\(plain)/a/b': '\(plain)' is not a folder")
        #expect(!train.stderr.contains("NSCocoaErrorDomain"))
    }
}
