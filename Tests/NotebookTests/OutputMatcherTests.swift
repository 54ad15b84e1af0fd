import Testing

/// The matcher and the transcript parser of the notebook runner, on literal examples.
@Suite("Notebook runner: output matcher")
struct OutputMatcherTests {
    let matcher = OutputMatcher()

    @Test("identical text matches; different text does not")
    func text() {
        #expect(matcher.mismatch(expected: ["frequency,periodogram"], actual: ["frequency,periodogram"]) == nil)
        #expect(matcher.mismatch(expected: ["frequency,periodogram"], actual: ["frequency;periodogram"]) != nil)
        #expect(matcher.mismatch(expected: ["a  b"], actual: ["a b"]) != nil)  // spacing is text
    }

    @Test("trailing blanks and trailing empty lines are ignored")
    func trailing() {
        #expect(matcher.mismatch(expected: ["x 1  ", ""], actual: ["x 1"]) == nil)
        #expect(matcher.mismatch(expected: ["x"], actual: ["x", "", ""]) == nil)
        #expect(matcher.mismatch(expected: [" x"], actual: ["x"]) != nil)  // leading blanks count
    }

    @Test("numbers within the default relative tolerance 1e-6 match")
    func withinTolerance() {
        #expect(matcher.linesMatch("0.4", "0.40000000001"))
        #expect(matcher.linesMatch("1", "1.0"))
        #expect(matcher.linesMatch("1", "0.9999999999999998"))
        #expect(matcher.linesMatch("-0.041600000000000005", "-0.0416"))
        #expect(matcher.linesMatch("1e-05", "0.00001"))
        #expect(matcher.linesMatch("0.009476900915806314,56564.33", "0.0094769009,56564.3300001"))
        #expect(matcher.linesMatch("0", "1e-13"))  // absolute floor 1e-12
        #expect(matcher.linesMatch(#"  "d": 0.4,"#, #"  "d": 0.4000000001,"#))
    }

    @Test("numbers outside the tolerance do not match")
    func outsideTolerance() {
        #expect(!matcher.linesMatch("0.4", "0.4001"))  // relative 2.5e-4
        #expect(!matcher.linesMatch("1", "1.00001"))  // relative 1e-5
        #expect(!matcher.linesMatch("0", "1e-11"))  // above the absolute floor
        #expect(!matcher.linesMatch("-0.4", "0.4"))
        #expect(!matcher.linesMatch("0.4 0.5", "0.4"))  // token counts differ
        #expect(!matcher.linesMatch("x = 1", "y = 1"))
    }

    @Test("a per-block tolerance widens or narrows the comparison")
    func customTolerance() {
        let loose = OutputMatcher(tolerance: MatchTolerance(relative: 1e-3, absolute: 0))
        #expect(loose.linesMatch("0.4", "0.4001"))
        #expect(!loose.linesMatch("0.4", "0.401"))
        let strict = OutputMatcher(tolerance: MatchTolerance(relative: 0, absolute: 0))
        #expect(!strict.linesMatch("0.1", "0.10000000000000002"))
        #expect(strict.linesMatch("0.1", "0.1"))
    }

    @Test("'...' matches any number of lines, including none")
    func ellipsis() {
        #expect(matcher.mismatch(expected: ["1", "...", "5"], actual: ["1", "2", "3", "4", "5"]) == nil)
        #expect(matcher.mismatch(expected: ["1", "...", "2"], actual: ["1", "2"]) == nil)
        #expect(matcher.mismatch(expected: ["..."], actual: []) == nil)
        #expect(matcher.mismatch(expected: ["..."], actual: ["a", "b"]) == nil)
        #expect(matcher.mismatch(expected: ["a", "..."], actual: ["a", "b", "c"]) == nil)
        #expect(matcher.mismatch(expected: ["...", "c"], actual: ["a", "b", "c"]) == nil)
        #expect(matcher.mismatch(expected: ["...", "b", "...", "d"], actual: ["a", "b", "c", "b", "d"]) == nil)
        // The line after '...' must still appear, with its numbers within tolerance.
        #expect(matcher.mismatch(expected: ["1", "...", "5"], actual: ["1", "2", "3", "4", "6"]) != nil)
        #expect(matcher.mismatch(expected: ["...", "x"], actual: ["x", "y"]) != nil)
    }

    @Test("mismatch messages name the line and the values")
    func messages() throws {
        let m = try #require(matcher.mismatch(expected: ["1", "2.5", "3"], actual: ["1", "2.6", "3"]))
        #expect(m.expectedIndex == 1)
        #expect(m.message.contains("line 2"))
        #expect(m.message.contains("'2.5'") && m.message.contains("'2.6'"))
        #expect(m.message.contains("relative difference"))
        let short = try #require(matcher.mismatch(expected: ["1", "2"], actual: ["1"]))
        #expect(short.expectedIndex == 1)
        #expect(short.message.contains("ended after 1 line"))
        let long = try #require(matcher.mismatch(expected: ["1"], actual: ["1", "2"]))
        #expect(long.expectedIndex == nil)
        #expect(long.message.contains("unexpected output at line 2"))
        let afterEllipsis = try #require(
            matcher.mismatch(expected: ["...", "foo", "bar"], actual: ["x", "foo", "baz"]))
        #expect(afterEllipsis.expectedIndex == 2)
        #expect(afterEllipsis.message.contains("'baz'"))
    }

    @Test("number tokens: signs, exponents, identifiers")
    func tokens() {
        #expect(
            NumberTokens.split("x=-1.5e-3,y") == [.text("x="), .number(-1.5e-3, "-1.5e-3"), .text(",y")])
        #expect(NumberTokens.split("ar2 0.5") == [.text("ar2 "), .number(0.5, "0.5")])
        #expect(NumberTokens.split("2026-01") == [.number(2026, "2026"), .text("-"), .number(1, "01")])
        #expect(NumberTokens.split(".5") == [.number(0.5, ".5")])
        #expect(NumberTokens.split("1e") == [.number(1, "1"), .text("e")])
    }
}

@Suite("Notebook runner: transcript parser")
struct ConsoleTranscriptTests {
    @Test("commands, continuations, expected output, tolerance comments and other blocks")
    func parse() throws {
        let markdown = """
            # Title

            ```text
            $ not replayed
            ```

            <!-- tolerance: 1e-3 -->

            ```console
            $ rnnmem weights --d 0.4 \\
                --length 2
            1.0
            -0.4
            $ rnnmem fracdiff data/x.csv --d 0.5 --window 3 > notebooks-md/figures/y.csv
            rnnmem: note: a window
            ```

            ```console
            $ rnnmem acf 'my file.csv' --lags "1"
            ...
            ```
            """
        let blocks = try ConsoleTranscript.blocks(in: markdown)
        #expect(blocks.count == 2)
        let first = try #require(blocks.first)
        #expect(first.index == 1)
        #expect(first.line == 9)
        #expect(first.tolerance == MatchTolerance(relative: 1e-3, absolute: 1e-12))
        #expect(first.commands.count == 2)
        #expect(first.commands[0].arguments == ["weights", "--d", "0.4", "--length", "2"])
        #expect(first.commands[0].line == 10)
        #expect(first.commands[0].expected == ["1.0", "-0.4"])
        #expect(first.commands[0].expectedLines == [12, 13])
        #expect(first.commands[1].redirect == "notebooks-md/figures/y.csv")
        #expect(first.commands[1].arguments == ["fracdiff", "data/x.csv", "--d", "0.5", "--window", "3"])
        #expect(first.commands[1].expected == ["rnnmem: note: a window"])
        #expect(blocks[1].tolerance == MatchTolerance())
        #expect(blocks[1].commands[0].arguments == ["acf", "my file.csv", "--lags", "1"])
        #expect(blocks[1].commands[0].expected == ["..."])
    }

    @Test("tolerance comment with an absolute floor; unknown settings are errors")
    func toleranceComment() throws {
        let lines = ["<!-- tolerance: 1e-4, absolute: 1e-9 -->", "```console"]
        #expect(
            try ConsoleTranscript.toleranceComment(before: 1, in: lines)
                == MatchTolerance(relative: 1e-4, absolute: 1e-9))
        #expect(
            try ConsoleTranscript.toleranceComment(before: 1, in: ["<!-- figure 3 -->", "```console"])
                == MatchTolerance())
        #expect(throws: TranscriptError.self) {
            try ConsoleTranscript.toleranceComment(
                before: 1, in: ["<!-- tolerance: 1e-4, relativ: 2 -->", "```console"])
        }
        #expect(throws: TranscriptError.self) {
            try ConsoleTranscript.toleranceComment(before: 1, in: ["<!-- tolerance: abc -->", "```console"])
        }
    }

    @Test("unsupported shell syntax and other programs are errors naming the line")
    func unsupported() {
        for command in [
            "$ rnnmem acf x.csv --lags 3 | head", "$ head data/x.csv", "$ rnnmem acf x.csv 2> err.txt",
            "$ rnnmem acf x.csv >> out.csv", "$ rnnmem acf $FILE", "$ rnnmem acf x.csv; ls", "$ 'rnnmem' --help",
        ] {
            let markdown = "```console\n\(command)\n```\n"
            #expect(throws: TranscriptError.self, "\(command)") { try ConsoleTranscript.blocks(in: markdown) }
        }
        #expect(throws: TranscriptError(line: 1, message: "the ```console block is never closed")) {
            try ConsoleTranscript.blocks(in: "```console\n$ rnnmem --help\n")
        }
        #expect(throws: TranscriptError(line: 2, message: "output before any '$ rnnmem …' command")) {
            try ConsoleTranscript.blocks(in: "```console\n1.0\n```\n")
        }
    }

    @Test("shell words: quotes and escapes")
    func words() throws {
        let w = try ShellWords.split(#"rnnmem a\ b 'c d' "e \"f\"" >out.csv"#, line: 1)
        #expect(w.map(\.text) == ["rnnmem", "a b", "c d", #"e "f""#, ">out.csv"])
        #expect(w.map(\.quoted) == [false, true, true, true, false])
    }

    @Test("notebook file names")
    func names() {
        #expect(NotebookCatalog.isNotebookName("01-fractional-filters.md"))
        #expect(!NotebookCatalog.isNotebookName("README.md"))
        #expect(!NotebookCatalog.isNotebookName("1-x.md"))
        #expect(!NotebookCatalog.isNotebookName("01-x.txt"))
    }
}
