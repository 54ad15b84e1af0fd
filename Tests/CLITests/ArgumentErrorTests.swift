import Foundation
import Testing
import _TestSupport

/// Bad arguments: ArgumentParser's own usage errors and rnnmem's range checks all exit with status 2 and one
/// line on standard error (ArgumentParser alone would exit 64 and print the usage).
@Suite("Bad arguments")
struct ArgumentErrorTests {
    @Test("usage errors: missing option, bad value, unknown option, unknown subcommand")
    func usage() throws {
        let missing = try CLI.run(["weights", "--d", "0.4"])
        CLI.expectError(missing)
        #expect(
            missing.stderr
                == "rnnmem: error: missing expected argument '--length <N>' (see 'rnnmem weights --help')\n")
        CLI.expectError(try CLI.run(["weights", "--d", "abc", "--length", "3"]), "'abc' is invalid for '--d <d>'")
        CLI.expectError(try CLI.run(["weights", "--d", "0.4", "--length", "3", "--bogus"]), "unknown option '--bogus'")
        CLI.expectError(try CLI.run(["bogus"]), "unexpected argument 'bogus'", "(see 'rnnmem --help')")
        CLI.expectError(
            try CLI.run(["simulate", "arfima", "--d", "0.1", "--length", "4"]), "'--seed <seed>'",
            "see 'rnnmem simulate arfima --help'")
        CLI.expectError(try CLI.run(["acf", "--lags", "3"]), "missing expected argument '<file>'")
        CLI.expectError(
            try CLI.run(["simulate", "fgn", "--hurst", "0.7", "--length", "4", "--seed", "-1"]),
            "'-1' is invalid for '--seed <seed>'")
        CLI.expectError(
            try CLI.run(["simulate", "fgn", "--hurst", "0.7", "--length", "4", "--seed", "1", "--method", "fft"]),
            "'fft' is invalid for '--method <method>'")
        CLI.expectError(
            try CLI.run(["acvf", "--d", "0.2", "--ar", "0.5,abc", "--lags", "3"]),
            "'0.5,abc' is invalid for '--ar <list>'")
    }

    @Test("counts: negative or zero --count, --window, --lags, --n")
    func counts() throws {
        let dir = try CLI.folder(["x.csv": "1\n2\n4\n7\n0\n"])
        CLI.expectError(try CLI.run(["weights", "--d", "0.4", "--length", "-3"]), "invalid --length -3: must be ≥ 1")
        CLI.expectError(try CLI.run(["weights", "--d", "0.4", "--length", "0"]), "invalid --length 0: must be ≥ 1")
        CLI.expectError(
            try CLI.run(["weights", "--d", "0.4", "--length", "1000000000"]), "invalid --length 1000000000")
        CLI.expectError(
            try CLI.run(["fracdiff", "x.csv", "--d", "0.4", "--window", "0"], in: dir), "invalid --window 0")
        CLI.expectError(
            try CLI.run(["fracdiff", "x.csv", "--d", "0.4", "--window", "-2"], in: dir), "invalid --window -2")
        CLI.expectError(try CLI.run(["acf", "x.csv", "--lags", "-1"], in: dir), "invalid --lags -1: must be ≥ 0")
        CLI.expectError(try CLI.run(["acvf", "--d", "0.2", "--lags", "-1"]), "invalid --lags -1: must be ≥ 0")
        CLI.expectError(
            try CLI.run(["simulate", "fgn", "--hurst", "0.7", "--length", "0", "--seed", "1"]), "invalid --length 0")
        CLI.expectError(
            try CLI.run(["simulate", "fgn", "--hurst", "0.7", "--length", "1", "--seed", "1"]),
            "invalid --length 1: must be ≥ 2 for davies-harte")
        CLI.expectSuccess(
            try CLI.run([
                "simulate", "fgn", "--hurst", "0.7", "--length", "1", "--seed", "1", "--method", "durbin-levinson",
            ])
        )
    }

    @Test("model parameters out of range: d, sigma, hurst, non-stationary AR")
    func model() throws {
        CLI.expectError(try CLI.run(["weights", "--d", "nan", "--length", "3"]), "invalid --d nan: must be finite")
        CLI.expectError(try CLI.run(["acvf", "--d", "0.5", "--lags", "3"]), "invalid --d 0.5: must be in (−0.5, 0.5)")
        CLI.expectError(try CLI.run(["acvf", "--d", "-0.6", "--lags", "3"]), "invalid --d -0.6")
        CLI.expectError(
            try CLI.run(["simulate", "arfima", "--d", "0.7", "--length", "8", "--seed", "1"]), "invalid --d 0.7")
        CLI.expectError(try CLI.run(["acvf", "--d", "0.2", "--sigma", "0", "--lags", "3"]), "invalid --sigma 0.0")
        CLI.expectError(try CLI.run(["acvf", "--d", "0.2", "--sigma", "-1", "--lags", "3"]), "invalid --sigma -1.0")
        CLI.expectError(
            try CLI.run(["acvf", "--d", "0.2", "--ar", "1.2", "--lags", "3"]), "ar = 1.2", "not stationary")
        CLI.expectError(
            try CLI.run(["simulate", "fgn", "--hurst", "1", "--length", "8", "--seed", "1"]),
            "invalid --hurst 1.0: must be in (0, 1)")
        CLI.expectError(
            try CLI.run(["simulate", "fgn", "--hurst", "0", "--length", "8", "--seed", "1"]), "invalid --hurst 0.0")
    }

    @Test("negative numbers are accepted as option values")
    func negativeValues() throws {
        let r = try CLI.run(["acvf", "--d", "-0.3", "--ar", "-0.5", "--ma", "-0.2,0.1", "--lags", "2"])
        CLI.expectSuccess(r)
        #expect(CLI.numbers(r.stdout).count == 3)
    }

    // MARK: Issue 9

    @Test("a negative number after a value option is its value: --column -1, --window -1, --tolerance -1, --d -0.3")
    func negativeValuesAfterOptions() async throws {
        let dir = try CLI.folder(["x.csv": "x\n1\n2\n4\n7\n0\n"])
        let csv = dir.appendingPathComponent("x.csv").path
        CLI.expectError(await CLI.runInProcess(["acf", csv, "--lags", "2", "--column", "-1"]), "no column -1 in")
        CLI.expectError(
            await CLI.runInProcess(["fracdiff", csv, "--d", "0.3", "--window", "-1"]),
            "invalid --window -1: must be ≥ 1")
        CLI.expectError(
            await CLI.runInProcess(["lost-memory", "--d", "0.3", "--window", "10", "--tolerance", "-1"]), "--tolerance")
        let weights = await CLI.runInProcess(["weights", "--d", "-0.3", "--length", "3"])
        #expect(weights.status == 0)
        #expect(weights.stdout == "1.0\n0.3\n0.195\n")
        #expect(
            !(await CLI.runInProcess(["lost-memory", "--d", "0.3", "--window", "10", "--tolerance", "-1"]))
                .stderr.contains("missing value"))
    }

    @Test("enum values: the option and the accepted values as typed, on one line")
    func enumValues() async {
        let long = await CLI.runInProcess(["train", "--model", "foo", "--task", "lsi", "--output-dir", "/tmp/x"])
        CLI.expectError(long, "the value 'foo' is invalid for '--model <name>': use one of rnn, lstm, gru, linear")
        #expect(!long.stderr.contains("Please provide"))
        let short = await CLI.runInProcess(["test", "/tmp/x.csv", "--method", "bogus"])
        CLI.expectError(short, "'--method <method>': use one of lo, vs, kpss, wald")
    }

    @Test("no internal names: --sigma 1e308 names σ², lru's diagonal skip names --skip")
    func internalNames() async {
        let sigma = await CLI.runInProcess([
            "simulate", "arfima", "--d", "0.3", "--sigma", "1e308", "--length", "5",
            "--seed", "1",
        ])
        CLI.expectError(sigma, "invalid --sigma 1e+308: its square σ² overflows")
        #expect(!sigma.stderr.contains("sigma2"))
        let lru = await CLI.runInProcess(["grad-check", "--model", "lru", "--outputs", "3"])
        CLI.expectError(lru, "--model lru: the diagonal skip term", "give --skip matrix or --skip none")
        #expect(!lru.stderr.contains(".matrix"))
    }

    @Test("AR root within 1e-6 of the unit circle: the root and the remedy, at once")
    func nearUnitRoot() async {
        CLI.expectError(
            await CLI.runInProcess([
                "simulate", "arfima", "--d", "0.3", "--ar", "0.9999999", "--length", "100",
                "--seed", "1",
            ]),
            "invalid --ar 0.9999999: the root 1.00000010000001 of φ(z) lies within 1e-06 of the unit circle",
            "|φ₁| ≤ 0.999999")
    }

    @Test("bounded resources: Durbin–Levinson length, acvf lags, training tape, the memory limit variable")
    func resources() async {
        CLI.expectError(
            await CLI.runInProcess([
                "simulate", "fgn", "--hurst", "0.7", "--length", "200000", "--seed", "1",
                "--method", "durbin-levinson",
            ]),
            "invalid --length 200000: must be ≤ 100000 with --method durbin-levinson", "n²")
        let limit = ["RNNMEM_MEMORY_LIMIT": "64M"]
        CLI.expectError(
            await CLI.runInProcess(["acvf", "--d", "0.3", "--ar", "0.5", "--lags", "100000000"], environment: limit),
            "--lags 100000000 needs about 6.5 GB of memory", "RNNMEM_MEMORY_LIMIT")
        CLI.expectError(
            await CLI.runInProcess(
                [
                    "train", "--model", "lru", "--task", "lsi", "--length", "100000", "--batch",
                    "1000", "--hidden", "512", "--output-dir", "/nonexistent/x",
                ], environment: limit),
            "--length 100000 and batches of 1000 sequences", "needs about")
        CLI.expectError(
            await CLI.runInProcess(
                ["acvf", "--d", "0.3", "--lags", "3"], environment: ["RNNMEM_MEMORY_LIMIT": "lots"]),
            "RNNMEM_MEMORY_LIMIT='lots' is not a byte count")
        CLI.expectError(
            await CLI.runInProcess(
                ["simulate", "arfima", "--d", "0.3", "--length", "10000000", "--seed", "1"],
                environment: limit),
            "--length 10000000 with --method davies-harte needs about")
    }

    @Test("weights and fracdiff: a |d| whose weights overflow is refused with the first weight that does")
    func fractionalOrderRange() async throws {
        CLI.expectError(
            await CLI.runInProcess(["weights", "--d", "1e308", "--length", "4"]),
            "invalid --d 1e+308: the weight π_2 of (1−B)^d overflows")
        let dir = try CLI.folder(["x.csv": "x\n1\n2\n4\n7\n0\n"])
        CLI.expectError(
            await CLI.runInProcess(["fracdiff", dir.appendingPathComponent("x.csv").path, "--d", "1e308", "--json"]),
            "invalid --d 1e+308")
    }

    @Test("error lines: control characters escaped, long tokens cut, one line")
    func boundedErrorLines() async {
        let newline = await CLI.runInProcess(["acf", "/nonexistent/a\nb\u{1B}[31m.csv", "--lags", "2"])
        CLI.expectError(newline, "no such file: '/nonexistent/a\\nb\\u{1B}[31m.csv'")
        let digits = String(repeating: "9", count: 1_000_000)
        let long = await CLI.runInProcess(["acf", "/x.csv", "--lags", digits])
        CLI.expectError(long, "…(1000000 characters)…")  // the digits, not the quotes around them
        #expect(long.standardError.count < 1200)
    }

    @Test("the shared output check: an overflowing result is an error naming the quantity, in text and JSON")
    func nonFiniteResult() async {
        // γ(0) = σ²Γ(1 − 2d)/Γ(1 − d)² ≈ 1.6·10³⁰⁹ for d = 0.49, σ = 10¹⁵⁴: past the largest double.
        let arguments = ["acvf", "--d", "0.49", "--sigma", "1e154", "--lags", "3"]
        CLI.expectError(await CLI.runInProcess(arguments), "the result is not finite: line 1 of the output")
        CLI.expectError(await CLI.runInProcess(arguments + ["--json"]), "the result is not finite: 'acvf[0]' is inf")
    }

    @Test("Lyapunov exponents of the random tanh map at gain 0 are −∞: refused up front, not printed")
    func zeroGainLyapunov() async {
        CLI.expectError(
            await CLI.runInProcess([
                "spectrum", "lyapunov", "--random-tanh", "--n", "4", "--gain", "0", "--steps",
                "20", "--progress", "none",
            ]),
            "invalid --gain 0.0: must be > 0 with --random-tanh", "every exponent is −∞")
    }

    @Test("--gains a:b:step with a tiny step: refused by its count, not a trap converting 1e306 to Int")
    func tinyGainStep() async {
        CLI.expectError(
            await CLI.runInProcess(["spectrum", "lyapunov", "--random-tanh", "--n", "4", "--gains", "0.1:1e6:1e-300"]),
            "invalid --gains 0.1:1e6:1e-300: gives 9.99", "gains; at most 1000")
    }

    @Test("curse sensitivity: a work product past Int.max is refused, not a trap")
    func hugeMonteCarloWork() async {
        CLI.expectError(
            await CLI.runInProcess([
                "curse", "sensitivity", "--lambda", "0.9", "--rho", "0.5", "--monte-carlo",
                "--chains", "100000000", "--samples", "100000000", "--spacing", "1000",
            ]),
            "--chains × --samples × --spacing = 1e+19 is too much work (limit 1e10)")
    }

    @Test("ranges named by their option: lost-memory --tolerance 1e-300, spectrum density --variance 1e308")
    func namedRanges() async {
        CLI.expectError(
            await CLI.runInProcess(["lost-memory", "--d", "0.4", "--window", "10", "--tolerance", "1e-300"]),
            "invalid --tolerance 1e-300: the window it needs at d = 0.4 exceeds 2⁴⁰ weights")
        CLI.expectError(
            await CLI.runInProcess([
                "spectrum", "density", "--model", "rnn", "--hidden", "2", "--task", "recall",
                "--variance", "1e308",
            ]),
            "invalid --variance 1e+308: must lie in [1e-300, 1e300]")
    }

    @Test("train --task series: the tape of the whole series is bounded by the memory limit")
    func seriesTrainingTape() async throws {
        let values = (0..<2000).map { Double(($0 * 7919) % 101) / 10 }
        let dir = try CLI.folder(["s.csv": "x\n" + values.map { "\($0)" }.joined(separator: "\n") + "\n"])
        CLI.expectError(
            await CLI.runInProcess(
                [
                    "train", "--model", "rnn", "--hidden", "1024", "--task", "series", "--data",
                    dir.appendingPathComponent("s.csv").path, "--steps", "1", "--output-dir",
                    dir.appendingPathComponent("t").path, "--progress", "none",
                ],
                environment: ["RNNMEM_MEMORY_LIMIT": "16M"]),
            "training --model rnn on a series of 2000 values needs about", "RNNMEM_MEMORY_LIMIT")
    }
}
