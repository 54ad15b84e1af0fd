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
        CLI.expectError(try CLI.run(["weights", "--d", "0.4", "--length", "1000000000"]), "invalid --length 1000000000")
        CLI.expectError(
            try CLI.run(["fracdiff", "x.csv", "--d", "0.4", "--window", "0"], in: dir), "invalid --window 0")
        CLI.expectError(
            try CLI.run(["fracdiff", "x.csv", "--d", "0.4", "--window", "-2"], in: dir), "invalid --window -2")
        CLI.expectError(try CLI.run(["acf", "x.csv", "--lags", "-1"], in: dir), "invalid --lags -1: must be ≥ 0")
        CLI.expectError(try CLI.run(["acvf", "--d", "0.2", "--lags", "-1"]), "invalid --lags -1: must be ≥ 0")
        CLI.expectError(try CLI.run(["simulate", "fgn", "--hurst", "0.7", "--length", "0", "--seed", "1"]), "invalid --length 0")
        CLI.expectError(
            try CLI.run(["simulate", "fgn", "--hurst", "0.7", "--length", "1", "--seed", "1"]),
            "invalid --length 1: must be ≥ 2 for davies-harte")
        CLI.expectSuccess(
            try CLI.run(["simulate", "fgn", "--hurst", "0.7", "--length", "1", "--seed", "1", "--method", "durbin-levinson"])
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
}
