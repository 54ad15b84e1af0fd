import Testing
import _TestSupport

/// The help text of every command, pinned. When a command's options or documentation change, update its literal
/// here (regenerate with `COLUMNS=80 rnnmem <command> --help`); the diff then shows the change to the interface.
@Suite("Help text")
struct HelpTextTests {
    static let expected: [String: String] = [
        "": #"""
        OVERVIEW: Memory in time series and recurrent networks: fractional filters,
        ARFIMA theory and simulation.

        Input files are CSV (comma, or tab/semicolon when unambiguous), with or without
        a header row; '-' reads standard input. Output is one value per line (exact
        shortest round-trip decimals), or one JSON object with --json. Errors print one
        line 'rnnmem: error: …' to standard error and exit with status 2.

        USAGE: rnnmem <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          weights                 Print the weights π_j of (1−B)^d, or ψ_j of (1−B)^−d
                                  with --inverse (j = 0, 1, …).
          lost-memory             Print the memory a K-term window of (1−B)^d discards:
                                  Γ(K−d)/(Γ(K)Γ(1−d)).
          fracdiff                Fractionally difference a series: y_t = Σ_{j<t}
                                  π_j(d) x_(t−j) (type II, exact, via FFT).
          simulate                Simulate exact Gaussian ARFIMA or fractional Gaussian
                                  noise samples.
          acvf                    Print the theoretical ARFIMA(p, d, q) autocovariance
                                  γ(0), γ(1), …, γ(L).
          acf                     Print the sample autocorrelation ρ̂(0), ρ̂(1), …, ρ̂(L)
                                  of a series.
          periodogram             Print the periodogram I(λ_j) = |Σ x_t e^(−iλ_j
                                  t)|²/(2πn), λ_j = 2πj/n, j = 1 … ⌊n/2⌋.
          columns                 Print the numeric columns read from a CSV file,
                                  validated, as a clean CSV table.

          See 'rnnmem help <subcommand>' for detailed help.
        """#,
        "weights": #"""
        OVERVIEW: Print the weights π_j of (1−B)^d, or ψ_j of (1−B)^−d with --inverse
        (j = 0, 1, …).

        π_0 = 1, π_j = π_(j−1)·(j − 1 − d)/j (Hosking 1981); ψ_j(d) = π_j(−d). Any real
        d.

        USAGE: rnnmem weights --d <d> --count <count> [--inverse] [--json] [--output <file>]

        OPTIONS:
          --d <d>                 Fractional order d (any real number).
          --count <count>         Number of weights to print (j = 0 … count − 1).
          --inverse               Print ψ_j of the fractional integration (1−B)^−d
                                  instead.
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "fracdiff": #"""
        OVERVIEW: Fractionally difference a series: y_t = Σ_{j<t} π_j(d) x_(t−j) (type
        II, exact, via FFT).

        The full-sample filter treats x_t = 0 for t ≤ 0; --inverse applies (1−B)^−d,
        its exact inverse. Nothing is demeaned unless --demean is given (R's diffseries
        always demeans). --window K keeps only K weights, a different operator that
        discards Γ(K−d)/(Γ(K)Γ(1−d)) of the filter's memory; that fraction is printed
        to standard error.

        USAGE: rnnmem fracdiff <file> [--column <name|index>] --d <d> [--window <K>] [--demean] [--inverse] [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).

        OPTIONS:
          --d <d>                 Fractional order d (any real number).
          --window <K>            Keep only the first K weights (fixed-window filter).
          --demean                Subtract the sample mean before filtering.
          --inverse               Apply the fractional integration (1−B)^−d instead.
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "simulate": #"""
        OVERVIEW: Simulate exact Gaussian ARFIMA or fractional Gaussian noise samples.

        Both methods are exact: Davies–Harte circulant embedding (Davies & Harte 1987)
        fails with an error when the embedding has a negative eigenvalue (then use
        --method durbin-levinson); Durbin–Levinson (Hosking 1981) works for every
        positive-definite autocovariance.

        USAGE: rnnmem simulate <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          arfima                  Simulate an exact ARFIMA(p, d, q) sample φ(B)(1−B)^d
                                  X_t = θ(B) ε_t (mean 0).
          fgn                     Simulate exact fractional Gaussian noise with Hurst
                                  exponent H (0 < H < 1).

          See 'rnnmem help simulate <subcommand>' for detailed help.
        """#,
        "simulate arfima": #"""
        OVERVIEW: Simulate an exact ARFIMA(p, d, q) sample φ(B)(1−B)^d X_t = θ(B) ε_t
        (mean 0).

        USAGE: rnnmem simulate arfima --d <d> [--ar <list>] [--ma <list>] [--sigma <sigma>] --n <n> --seed <seed> [--method <method>] [--json] [--output <file>]

        MODEL:
          --d <d>                 Memory parameter d, −0.5 < d < 0.5.
          --ar <list>             AR coefficients φ₁,…,φ_p of φ(z) = 1 − φ₁z − … − φ_p
                                  z^p, comma-separated.
          --ma <list>             MA coefficients θ₁,…,θ_q of θ(z) = 1 + θ₁z + … + θ_q
                                  z^q, comma-separated.
          --sigma <sigma>         Innovation standard deviation σ > 0. (default: 1.0)

        SIMULATION:
          --n <n>                 Length of the series.
          --seed <seed>           Seed of the random generator (same seed ⇒ same
                                  output, byte for byte).
          --method <method>       davies-harte (circulant embedding, O(n log n)) or
                                  durbin-levinson (O(n²)); both exact. (values:
                                  davies-harte, durbin-levinson; default: davies-harte)

        OPTIONS:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "simulate fgn": #"""
        OVERVIEW: Simulate exact fractional Gaussian noise with Hurst exponent H (0 < H
        < 1).

        USAGE: rnnmem simulate fgn --hurst <H> [--sigma <sigma>] --n <n> --seed <seed> [--method <method>] [--json] [--output <file>]

        SIMULATION:
          --n <n>                 Length of the series.
          --seed <seed>           Seed of the random generator (same seed ⇒ same
                                  output, byte for byte).
          --method <method>       davies-harte (circulant embedding, O(n log n)) or
                                  durbin-levinson (O(n²)); both exact. (values:
                                  davies-harte, durbin-levinson; default: davies-harte)

        OPTIONS:
          --hurst <H>             Hurst exponent H, 0 < H < 1.
          --sigma <sigma>         Standard deviation σ > 0. (default: 1.0)
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "acvf": #"""
        OVERVIEW: Print the theoretical ARFIMA(p, d, q) autocovariance γ(0), γ(1), …,
        γ(L).

        Exact: Hosking's product recursion for ARFIMA(0, d, 0), the MA convolution for
        p = 0, and Sowell (1992) in the Doornik–Ooms (2003) form with AR terms (complex
        roots allowed). No asymptotic switch-over.

        USAGE: rnnmem acvf --d <d> [--ar <list>] [--ma <list>] [--sigma <sigma>] --lags <L> [--json] [--output <file>]

        MODEL:
          --d <d>                 Memory parameter d, −0.5 < d < 0.5.
          --ar <list>             AR coefficients φ₁,…,φ_p of φ(z) = 1 − φ₁z − … − φ_p
                                  z^p, comma-separated.
          --ma <list>             MA coefficients θ₁,…,θ_q of θ(z) = 1 + θ₁z + … + θ_q
                                  z^q, comma-separated.
          --sigma <sigma>         Innovation standard deviation σ > 0. (default: 1.0)

        OPTIONS:
          --lags <L>              Largest lag L (prints lags 0 … L).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "acf": #"""
        OVERVIEW: Print the sample autocorrelation ρ̂(0), ρ̂(1), …, ρ̂(L) of a series.

        ρ̂(k) = γ̂(k)/γ̂(0) with γ̂(k) = (1/n) Σ_(t=1)^(n−k) (x_t − x̄)(x_(t+k) − x̄):
        demeaned, divisor n (positive semi-definite), computed by FFT.

        USAGE: rnnmem acf <file> [--column <name|index>] --lags <L> [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).

        OPTIONS:
          --lags <L>              Largest lag L (prints lags 0 … L; needs n > L).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "periodogram": #"""
        OVERVIEW: Print the periodogram I(λ_j) = |Σ x_t e^(−iλ_j t)|²/(2πn), λ_j =
        2πj/n, j = 1 … ⌊n/2⌋.

        Plain output is CSV with the header 'frequency,periodogram'. λ = 0 is excluded,
        so the mean does not matter; the scale is that of the spectral density f with
        γ(k) = ∫ e^(iλk) f(λ) dλ over (−π, π].

        USAGE: rnnmem periodogram <file> [--column <name|index>] [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).

        OPTIONS:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "columns": #"""
        OVERVIEW: Print the numeric columns read from a CSV file, validated, as a clean
        CSV table.

        Without --columns, every column in which at least half of the cells are numbers
        is printed, in file order; any non-numeric, empty, NaN or infinite cell among
        them is an error naming its file:line:column.

        USAGE: rnnmem columns <file> [--columns <list>] [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --columns <list>        Columns to use, comma-separated header names or
                                  1-based indices (default: every numeric column).

        OPTIONS:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "lost-memory": #"""
        OVERVIEW: Print the memory a K-term window of (1−B)^d discards:
        Γ(K−d)/(Γ(K)Γ(1−d)).

        A window of K weights keeps y_t = Σ_(j<K) π_j x_(t−j); its gain at frequency 0
        is Σ_(j<K) π_j instead of 0, i.e. it discards |Σ_(j≥K) π_j| =
        Γ(K−d)/(Γ(K)Γ(1−d)) ~ K^(−d)/Γ(1−d) of the filter's memory (0 < d < 1). Output:
        CSV with header window,lost_memory. With --tolerance, also the smallest window
        whose loss is at most the tolerance.

        USAGE: rnnmem lost-memory --d <d> [--window <K,…>] [--tolerance <τ>] [--json] [--output <file>]

        OPTIONS:
          --d <d>                 Fractional order d, 0 < d < 1.
          --window <K,…>          Comma-separated windows K ≥ 1. (default:
                                  10,100,1000,10000,100000,1000000)
          --tolerance <τ>         Also print the smallest window whose lost memory is ≤
                                  this tolerance.
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
    ]

    @Test(
        "--help of every command is pinned, exits 0, prints to standard output only", arguments: expected.keys.sorted())
    func help(command: String) throws {
        let words = command.split(separator: " ").map(String.init)
        let r = try CLI.run(words + ["--help"])
        CLI.expectSuccess(r)
        #expect(r.stdout == (Self.expected[command] ?? "") + "\n")
    }

    @Test("-h and 'rnnmem help <command>' print the same text")
    func shortHelpAndHelpCommand() throws {
        let h = try CLI.run(["weights", "-h"])
        CLI.expectSuccess(h)
        #expect(h.stdout == (Self.expected["weights"] ?? "") + "\n")
        let viaHelp = try CLI.run(["help", "simulate", "fgn"])
        CLI.expectSuccess(viaHelp)
        #expect(viaHelp.stdout == (Self.expected["simulate fgn"] ?? "") + "\n")
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let r = try CLI.run(["--version"])
        CLI.expectSuccess(r)
        #expect(r.stdout == "0.1.0\n")
    }

    @Test("no arguments prints the root help and exits 0")
    func noArguments() throws {
        let r = try CLI.run([])
        CLI.expectSuccess(r)
        #expect(r.stdout == (Self.expected[""] ?? "") + "\n")
    }
}
