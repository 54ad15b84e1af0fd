import Testing
import _TestSupport

/// The help text of every command, pinned. When a command's options or documentation change, update its literal
/// here (regenerate with `COLUMNS=80 rnnmem <command> --help`); the diff then shows the change to the interface.
@Suite("Help text")
struct HelpTextTests {
    static let expected: [String: String] = [
        "": #"""
        OVERVIEW: Memory in time series and recurrent networks: long memory of series
        and recurrent models.

        Series: the fractional filter (1−B)^d and its lost memory, ARFIMA
        autocovariances and exact simulation, sample ACF and periodogram, eleven
        estimators of the memory parameter d (H = d + ½), tests of memory, and 'check',
        a verdict on whether a series has long memory. Series are read from CSV files
        (comma, or tab/semicolon when unambiguous), with or without a header row; '-'
        reads standard input; --column or --columns chooses the series, --transform and
        --last prepare it.

        Networks: 'train' trains a recurrent model (RNN, LSTM, GRU, linear,
        complex-diagonal, LRU, MRNN/MLSTM) on a built-in task and writes its weights,
        loss curve and summary to --output-dir; 'eval' scores saved weights (rnnmem or
        PyTorch safetensors) on a task or on reference data; 'grad-check' checks a
        model's exact gradient and Hessian-vector product against finite differences.

        Output: plain text (one value per line, a CSV table or a report), or one JSON
        object with --json (snake_case keys, listed in each command's help); --output
        FILE writes it to a file. Notes, warnings and progress go to standard error.
        The same arguments and --seed give the same bytes. Errors print one line
        'rnnmem: error: …' to standard error and exit with status 2.

        USAGE: rnnmem <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SERIES SUBCOMMANDS:
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
          check                   Report whether a series has long memory: verdict,
                                  estimates of d, tests, diagnostics, figures.
          estimate                Estimate the memory parameter d (H = d + ½) of a
                                  series with one estimator.
          test                    Test a series for memory: Lo's modified R/S, V/S,
                                  KPSS, or a Wald test of d = 0.

        NETWORKS SUBCOMMANDS:
          train                   Train a recurrent model on a task; write
                                  weights.safetensors, loss.csv and summary.json.
          eval                    Evaluate a network (rnnmem or PyTorch weights, or a
                                  new one) on a task or on sequence data.
          grad-check              Check a model's BPTT gradient and exact
                                  Hessian-vector product against finite differences.

        EXPERIMENTS SUBCOMMANDS:
          sweep                   Run a grid of rnnmem commands in shards (one machine,
                                  GNU parallel, Slurm), resumable, merged.
          forecast                One-step forecast baselines (fitted ARFIMA, naive) on
                                  the splits of 'train --task series'.

          See 'rnnmem help <subcommand>' for detailed help.
        """#,
        "weights": #"""
        OVERVIEW: Print the weights π_j of (1−B)^d, or ψ_j of (1−B)^−d with --inverse
        (j = 0, 1, …).

        π_0 = 1, π_j = π_(j−1)·(j − 1 − d)/j (Hosking 1981); ψ_j(d) = π_j(−d). Any real
        d.

        Plain output: one weight per line. JSON keys: d, inverse, length, weights.

        USAGE: rnnmem weights --d <d> --length <N> [--inverse] [--json] [--output <file>]

        OPTIONS:
          --d <d>                 Fractional order d (any real number).
          --length <N>            Number N of weights to print (j = 0 … N − 1).
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

        Plain output: one value per line; with several columns, a CSV table with one
        column per series (header: the column names). JSON keys: input, column,
        transform, n, d, inverse, demean, window, lost_memory, values; several columns:
        {input, transform, columns: [one object per column]}.

        USAGE: rnnmem fracdiff <file> [--column <name|index>] [--columns <list>] [--transform <name>] [--last <N>] --d <d> [--window <K>] [--demean] [--inverse] [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).
          --columns <list>        Several columns, comma-separated names or indices:
                                  one result per column (default: the last numeric
                                  column).
          --transform <name>      Use a transformation of each column (log and returns
                                  need positive values). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns;
                                  default: none)
          --last <N>              Keep only the last N observations (after --transform).

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
        positive-definite autocovariance. The same seed gives the same values, byte for
        byte.

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

        Plain output: one value per line. JSON keys: model ("arfima"), d, ar, ma,
        sigma, length, seed, method, values.

        USAGE: rnnmem simulate arfima --d <d> [--ar <list>] [--ma <list>] [--sigma <sigma>] --length <N> --seed <seed> [--method <method>] [--json] [--output <file>]

        MODEL:
          --d <d>                 Memory parameter d, −0.5 < d < 0.5.
          --ar <list>             AR coefficients φ₁,…,φ_p of φ(z) = 1 − φ₁z − … − φ_p
                                  z^p, comma-separated.
          --ma <list>             MA coefficients θ₁,…,θ_q of θ(z) = 1 + θ₁z + … + θ_q
                                  z^q, comma-separated.
          --sigma <sigma>         Innovation standard deviation σ > 0. (default: 1.0)

        SIMULATION:
          --length <N>            Number N of values to generate.
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

        Plain output: one value per line. JSON keys: model ("fgn"), hurst, sigma,
        length, seed, method, values.

        USAGE: rnnmem simulate fgn --hurst <H> [--sigma <sigma>] --length <N> --seed <seed> [--method <method>] [--json] [--output <file>]

        SIMULATION:
          --length <N>            Number N of values to generate.
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

        Plain output: one value per line. JSON keys: d, ar, ma, sigma, lags, acvf.

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

        Plain output: one value per line; with several columns, a CSV table with one
        column per series (header: the column names). JSON keys: input, column,
        transform, n, lags, acf; several columns: {input, transform, columns: [one
        object per column]}.

        USAGE: rnnmem acf <file> [--column <name|index>] [--columns <list>] [--transform <name>] [--last <N>] --lags <L> [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).
          --columns <list>        Several columns, comma-separated names or indices:
                                  one result per column (default: the last numeric
                                  column).
          --transform <name>      Use a transformation of each column (log and returns
                                  need positive values). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns;
                                  default: none)
          --last <N>              Keep only the last N observations (after --transform).

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

        λ = 0 is excluded, so the mean does not matter; the scale is that of the
        spectral density f with γ(k) = ∫ e^(iλk) f(λ) dλ over (−π, π].

        Plain output: CSV with the header 'frequency,periodogram'; with several
        columns, 'frequency' and one column per series (header: the column names). JSON
        keys: input, column, transform, n, frequency, periodogram; several columns:
        {input, transform, columns: [one object per column]}.

        USAGE: rnnmem periodogram <file> [--column <name|index>] [--columns <list>] [--transform <name>] [--last <N>] [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).
          --columns <list>        Several columns, comma-separated names or indices:
                                  one result per column (default: the last numeric
                                  column).
          --transform <name>      Use a transformation of each column (log and returns
                                  need positive values). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns;
                                  default: none)
          --last <N>              Keep only the last N observations (after --transform).

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

        Without --column or --columns, every column in which at least half of the cells
        are numbers is printed, in file order; any non-numeric, empty, NaN or infinite
        cell among them is an error naming its file:line:column. --transform and --last
        show the series exactly as the analysis commands see it.

        Plain output: CSV with the column names as header. JSON keys: input, transform,
        n, columns[] (name, column (1-based index), values).

        USAGE: rnnmem columns <file> [--column <name|index>] [--columns <list>] [--transform <name>] [--last <N>] [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: every numeric column).
          --columns <list>        Several columns, comma-separated names or indices:
                                  one result per column (default: every numeric column).
          --transform <name>      Use a transformation of each column (log and returns
                                  need positive values). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns;
                                  default: none)
          --last <N>              Keep only the last N observations (after --transform).

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
        Γ(K−d)/(Γ(K)Γ(1−d)) ~ K^(−d)/Γ(1−d) of the filter's memory (0 < d < 1). With
        --tolerance, also the smallest window whose loss is at most the tolerance (on
        standard error, so that standard output stays a clean CSV table; in JSON as
        window_for_tolerance).

        Plain output: CSV with the header 'window,lost_memory'. JSON keys: d, windows,
        lost_memory, and with --tolerance: tolerance, window_for_tolerance.

        USAGE: rnnmem lost-memory --d <d> [--window <K,…>] [--tolerance <τ>] [--json] [--output <file>]

        OPTIONS:
          --d <d>                 Fractional order d, 0 < d < 1.
          --window <K,…>          Comma-separated windows K ≥ 1. (default:
                                  10,100,1000,10000,100000,1000000)
          --tolerance <τ>         Also report the smallest window whose lost memory is
                                  ≤ this tolerance, 0 < τ < 1.
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "check": #"""
        OVERVIEW: Report whether a series has long memory: verdict, estimates of d,
        tests, diagnostics, figures.

        Computed (n ≥ 100, finite, not constant): exact local Whittle (elw) and local
        Whittle (lw) with m = ⌊n^0.65⌋ and parametric Whittle ARFIMA(0,d,0) (whittle) —
        the primary estimators; GPH with m = ⌊n^0.5⌋ (corroborating); R/S, DFA-1 and
        aggregated variance (heuristics: regression s.e., supporting only); Lo's
        modified R/S, V/S and KPSS (level) tests of short memory and Wald tests of d =
        0; the Definition-1 slope (signed partial sums of the sample ACF, K ≤ n/10); a
        periodicity check (periodogram peaks against a local power-law background,
        family-wise 1%).

        Verdict (first rule that applies): (1) fewer than 2 primary estimates →
        inconclusive; (2) a significant periodogram peak inside the band j ≤ m of the
        local Whittle estimators → inconclusive (a cycle is not a pole at λ = 0); (3)
        elw d̂ ≥ ½ → nonstationary; (4) another primary d̂ ≥ ½ → inconclusive; (5) every
        primary 95% CI above 0 → long memory if at least 2 of the 3 short-memory tests
        reject toward persistence, else inconclusive; (6) every CI contains 0 → short
        memory if fewer than 2 reject, else inconclusive; (7) every CI below 0 →
        antipersistent (unless 2 reject toward persistence); (8) the estimators
        disagree → inconclusive. Several columns: one report each, then an overall
        verdict (nonstationary if any column is, else long memory if any column is —
        Zhao et al. 2020 — else inconclusive if any is, else antipersistent if all are,
        else short memory).

        --json keys: input, column, transform, n, verdict (short_memory, long_memory,
        antipersistent, nonstationary, inconclusive), verdict_text, rule_step, d,
        d_method, hurst, reasons[], caveats[], primary_classes[],
        persistent_rejections, short_memory_tests, confidence_level, test_level,
        estimates[] (role, method, name, variant, d, se, ci [lower, upper], ci_level,
        n, bandwidth, trimming, order, scales, tuning, hurst, hurst_definition,
        alternative_se, auxiliary, objective, notes), failed_estimates[], tests[]
        (name, method, statistic, critical_value, level, alternative, reject,
        rejection_side, p_value, p_value_kind, p_value_bounds, null_hypothesis,
        alternative_hypothesis, n, lags, lag_rule, bandwidth, estimate_method,
        critical_values, lag_profile, auxiliary, notes), failed_tests[], definition1,
        periodicity, acf_decay, spectral_fit, figures. Several columns: {input,
        transform, n, verdict, verdict_text, columns: [one object per column]}.
        Non-finite numbers are null.

        --figures DIR writes, per column NAME, NAME-acf.csv and NAME-periodogram.csv
        (the plotted data), NAME-figures.gp, and with gnuplot (apt-get install
        gnuplot-nox) NAME-acf.svg and NAME-periodogram.svg: the ACF on log–log axes
        with the fitted power law and exponential, the periodogram with the local
        Whittle slope.

        USAGE: rnnmem check <file> [--column <name|index>] [--columns <list>] [--transform <name>] [--last <N>] [--figures <dir>] [--json] [--output <file>]

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).
          --columns <list>        Several columns, comma-separated names or indices:
                                  one result per column (default: the last numeric
                                  column).
          --transform <name>      Use a transformation of each column (log and returns
                                  need positive values). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns;
                                  default: none)
          --last <N>              Keep only the last N observations (after --transform).

        OPTIONS:
          --figures <dir>         Write the figures (CSV data, gnuplot script, SVG when
                                  gnuplot is installed) to this folder.
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "estimate": #"""
        OVERVIEW: Estimate the memory parameter d (H = d + ½) of a series with one
        estimator.

        Methods: gph (log-periodogram regression, m = ⌊n^0.5⌋), lw (local Whittle, m =
        ⌊n^0.65⌋), elw (exact local Whittle, Shimotsu 2010 mean correction; valid for
        nonstationary d), elw2 (two-step ELW), whittle (parametric ARFIMA(p,d,q)
        Whittle), hr (Haslett–Raftery approximate MLE), mle (exact Gaussian MLE, n ≤
        20000), css (conditional sum of squares), rs (R/S, Anis–Lloyd–Peters), dfa
        (DFA-q), aggvar (aggregated variance). Standard errors: 1/(2√m) for lw/elw,
        (π²/6)/Σ(X_j − X̄)² for gph, the Whittle Fisher information for the parametric
        fits; the heuristics' s.e. are regression s.e. and unreliable.

        Plain output: 'key: value' lines with exact numbers. JSON keys: input, column,
        transform, n, method, name, variant, d, se, ci ([lower, upper]), ci_level,
        bandwidth, trimming, order ({p, q}), scales, tuning, hurst, hurst_definition,
        alternative_se, auxiliary, objective, notes (non-finite numbers are null). With
        --columns: {input, transform, columns: [one object per column]}.

        USAGE: rnnmem estimate [<options>] <file> --method <method>

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).
          --columns <list>        Several columns, comma-separated names or indices:
                                  one result per column (default: the last numeric
                                  column).
          --transform <name>      Use a transformation of each column (log and returns
                                  need positive values). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns;
                                  default: none)
          --last <N>              Keep only the last N observations (after --transform).

        ESTIMATOR TUNING:
          --bandwidth <m|plug-in> Number m of Fourier frequencies (gph, lw, elw, elw2),
                                  or 'plug-in' for the data-driven rule (gph, lw).
          --alpha <α>             Bandwidth exponent: m = ⌊n^α⌋, 0 < α < 1.
          --trim <l>              Skip the lowest l Fourier frequencies (gph, lw).
          --taper <taper>         Data taper of lw: Velasco (1999) Kolmogorov taper of
                                  order 3, or Hurvich & Chen (2000) after one
                                  difference. (values: none, velasco, hurvich-chen)
          --bias-reduction <r>    Andrews–Guggenberger bias-reduction order r = 0…4
                                  (gph).
          --ar-order <p>          AR order p of ARFIMA(p,d,q) (whittle, hr, mle, css).
          --ma-order <q>          MA order q of ARFIMA(p,d,q) (whittle, hr, mle, css).
          --detrend <k>           Polynomial detrending order 0…3 before estimating
                                  (elw2).
          --dfa-order <q>         Detrending polynomial order of DFA (default 1).
          --scales <list>         Block or window sizes, comma-separated (rs, dfa,
                                  aggvar).
          --confidence <level>    Coverage of the confidence interval, 0 < level < 1.
                                  (default: 0.95)

        OPTIONS:
          --method <method>       Estimator of d (see above). (values: gph, lw, elw,
                                  elw2, whittle, hr, mle, css, rs, dfa, aggvar)
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "test": #"""
        OVERVIEW: Test a series for memory: Lo's modified R/S, V/S, KPSS, or a Wald
        test of d = 0.

        lo: Lo (1991) modified R/S, H0 short memory, critical values from the range of
        a Brownian bridge (two-sided 5%: [0.809, 1.862]); vs: V/S (Giraitis et al.
        2003), upper tail; kpss: KPSS (Kwiatkowski et al. 1992) H0 level (or, with
        --trend, trend) stationarity, Table 1 critical values; wald: z = d̂/s.e. on the
        estimate of --estimator (default lw). Truncation lag q of the Bartlett long-run
        variance: --lags, or --lag-rule (defaults: andrews for lo and vs, auto =
        Hobijn–Franses–Ooms for kpss); the statistic is also reported at q = 0, 1, 2,
        5, 10, 20, 50, 100 (up to n/4), since V(q) drifts toward H0 as q grows.

        Plain output: 'key: value' lines. JSON keys: input, column, transform, n, name,
        method, statistic, critical_value ([c] one-sided, [lower, upper] two-sided),
        level, alternative, reject, rejection_side, p_value, p_value_kind,
        p_value_bounds, null_hypothesis, alternative_hypothesis, lags, lag_rule,
        bandwidth, estimate_method, critical_values, lag_profile, auxiliary, notes.
        Several columns: {input, transform, columns: [one object per column]}.

        USAGE: rnnmem test [<options>] <file> --method <method>

        INPUT:
          <file>                  CSV file holding the series, or '-' to read standard
                                  input.
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).
          --columns <list>        Several columns, comma-separated names or indices:
                                  one result per column (default: the last numeric
                                  column).
          --transform <name>      Use a transformation of each column (log and returns
                                  need positive values). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns;
                                  default: none)
          --last <N>              Keep only the last N observations (after --transform).

        OPTIONS:
          --method <method>       Test of memory (see above). (values: lo, vs, kpss,
                                  wald)
          --lags <q>              Truncation lag q of the long-run variance (lo, vs,
                                  kpss).
          --lag-rule <rule>       Rule for q (lo, vs, kpss): Andrews' AR(1) rule,
                                  ⌊4(n/100)^(1/4)⌋, ⌊12(n/100)^(1/4)⌋, or the
                                  Hobijn–Franses–Ooms automatic rule. (values: andrews,
                                  schwert4, schwert12, auto)
          --trend                 KPSS: H0 trend stationarity instead of level
                                  stationarity.
          --level <α>             Significance level α, 0 < α < 0.5 (kpss: 0.01 …
                                  0.10). (default: 0.05)
          --alternative <side>    Alternative hypothesis (defaults: lo two-sided, vs
                                  and kpss greater, wald two-sided). (values:
                                  two-sided, greater, less)
          --estimator <method>    Estimator of d behind the Wald test (default lw).
                                  (values: gph, lw, elw, elw2, whittle, hr, mle, css,
                                  rs, dfa, aggvar)
          --bandwidth <m|plug-in> Bandwidth m of the Wald test's estimator, or
                                  'plug-in'.
          --alpha <α>             Bandwidth exponent of the Wald test's estimator: m =
                                  ⌊n^α⌋.
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "train": #"""
        OVERVIEW: Train a recurrent model on a task; write weights.safetensors,
        loss.csv and summary.json.

        Defaults per task: recall — 500 steps, Adam, constant lr 0.01, T = 50, batch
        32, delay 5; lsi — 1000 steps, Adam with the warm-up–cosine schedule of Zucchet
        & Orvieto (2024) peaking at lr 0.001, T = 300, batch 128; series — the protocol
        of Zhao et al. (2020): full-sequence Adam updates at lr 0.01 for at most 1000
        epochs, early stopping after 100 epochs without improvement of the training
        loss, best validation model kept. Seeds: the model is initialised from --seed
        s, the task's fixed data from s + 1 and the training batches from s + 2; the
        same command gives the same weights, byte for byte (compare the printed
        checksums). Progress goes to standard error (a bar on a terminal, lines
        otherwise).

        Files in --output-dir: weights.safetensors (the returned parameters, with the
        task settings and seed in its metadata), loss.csv (the loss curve) and
        summary.json (the training summary, snake_case keys). Standard output: a report
        of the run; with --json one object with the keys architecture, hidden_size,
        layer_count, parameter_count, task, task_settings, seed (--seed), steps,
        requested_steps, epochs, stop_reason, final_training_loss,
        final_validation_loss, best_validation_loss, best_validation_step,
        returned_parameters, test_loss, test_metrics, parameter_checksum, files
        {weights, loss, summary} (absent losses are null).

        USAGE: rnnmem train [<options>] --model <name> --output-dir <dir>

        MODEL:
          --model <name>          Architecture. (values: rnn, lstm, gru, linear, cdiag,
                                  lru, mrnn, mrnnf, mrnnw, mlstm, mlstmf)
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf,
                                  mrnnw: 1).
          --window <K>            Filter window K of mrnn, mrnnf, mrnnw, mlstm, mlstmf
                                  (default 100 for mrnn/mrnnf/mrnnw, 25 for
                                  mlstm/mlstmf).
          --heads <H>             linear: number of diagonal blocks of the recurrent
                                  matrix (must divide --hidden; default 1).
          --skip <kind>           linear, cdiag, lru: readout skip term D x_t: none,
                                  diagonal (needs d_out = d_in) or matrix (default:
                                  matrix; lru diagonal). (values: none, diagonal,
                                  matrix)
          --parametrization <name>
                                  cdiag: parametrization of λ: default (Re λ, Im λ),
                                  polar, exp, scaled-exp, optimal (lru: exp). (values:
                                  default, polar, exp, scaled-exp, optimal)
          --normalization <name>  cdiag: input normalisation γ: none (default), l2 =
                                  √(1 − |λ|²), l1 = 1 − |λ|, learned (lru: learned).
                                  (values: none, l2, l1, learned)
          --init-scheme <name>    cdiag, lru: ring initialisation scheme, orvieto2023
                                  (lru's default) or zucchet-orvieto2024 (cdiag's
                                  default; --task lsi). (values: orvieto2023,
                                  zucchet-orvieto2024)
          --ring-min <r>          cdiag, lru: smallest |λ| of the ring (default 0;
                                  --task lsi: the teacher's ν₀); linear: ν₀ of the
                                  moduli ν₀ + (ν_max − ν₀)·tanh|l| (default 0).
          --ring-max <r>          cdiag, lru: largest |λ| of the ring, ≤ 1 (default 1);
                                  linear: ν_max (default 1).
          --max-phase <phi>       cdiag, lru, linear: largest eigenvalue phase φ_max
                                  (defaults: lru 6.28, cdiag and linear π; --task lsi:
                                  the teacher's, 3.14).
          --output-tanh           mrnnf: apply tanh to the output, as the official
                                  MRNNF cell of Zhao et al. does (compatibility;
                                  default: linear readout).

        TASK:
          --task <name>           Task: lsi = linear-system identification (Zucchet &
                                  Orvieto), series = one-step prediction of a CSV
                                  column (Zhao et al.), recall = output x_(t−k).
                                  (values: lsi, series, recall)
          --delay <k>             recall: delay k ≥ 0. (default: 5)
          --correlation <rho>     recall: lag-one correlation ρ of the inputs, −1 < ρ <
                                  1 (0: i.i.d.). (default: 0.0)
          --length <T>            recall, lsi: sequence length T (default 50; lsi 300).
          --batch <B>             recall, lsi: training batch size (default 32; lsi
                                  128).
          --eval-batch <B>        recall, lsi: size of the fixed validation and test
                                  batches (default 256; lsi 128).
          --teacher-size <d>      lsi: teacher state size d. (default: 10)
          --min-modulus <nu0>     lsi: smallest teacher eigenvalue modulus ν₀, 0 ≤ ν₀ <
                                  1 (also the cdiag/lru students' ring minimum).
                                  (default: 0.99)
          --teacher-max-phase <phi>
                                  lsi: teacher phases angle(l)·φ/π (also the students'
                                  --max-phase default). (default: 3.14)
          --scaler <whole|train>  series: fit the min–max scaler on the whole series
                                  (Zhao et al.) or on the training split. (values:
                                  whole, train; default: whole)
          --splits <a,b,c>        series: train,validation,test sizes in input–target
                                  pairs (default: Zhao et al.'s sizes for their
                                  data-set names arfima, DJI, traffic, tree7; else
                                  50/30/20 per cent of the n − 1 pairs).
          --transform <name>      series: use a transformation of the column (as the
                                  series verbs' --transform). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns)
          --last <N>              series: keep only the last N observations (after
                                  --transform).

        TASK DATA:
          --data <file>           Data: safetensors with tensors 'input' [T, B, d_in]
                                  and optionally 'target' [T, B, d_out] (F32 or F64),
                                  or a CSV holding one sequence ('-': standard input);
                                  with --task series, the CSV holding the series.
          --column <name|index>   CSV column: a header name or a 1-based index
                                  (default: the last numeric column not used as a
                                  target).

        OPTIONS:
          --steps <n>             Number of updates (default per task, see above).
          --epochs <n>            Number of epochs instead of --steps.
          --lr <lr>               Learning rate (peak rate for lsi's schedule).
          --optimizer <name>      Optimiser: adam, adamw, sgd. (values: adam, adamw,
                                  sgd; default: adam)
          --clip <norm>           Clip the gradient to this global ℓ2 norm.
          --patience <n>          Early stopping: stop after this many validation
                                  checks without improvement.
          --validation-interval <n>
                                  Evaluate the validation loss every n updates.
          --seed <seed>           Seed (same seed ⇒ same weights, byte for byte).
                                  (default: 0)
          --progress <style>      Progress on standard error: auto, bar, lines, none.
                                  (values: auto, bar, lines, none; default: auto)
          --output-dir <dir>      Directory for the results (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "eval": #"""
        OVERVIEW: Evaluate a network (rnnmem or PyTorch weights, or a new one) on a
        task or on sequence data.

        Network: rnnmem weights files (written by 'train' or 'export') describe their
        model in their metadata; a PyTorch state dict saved with safetensors (nn.RNN
        with tanh, nn.LSTM or nn.GRU, plus an nn.Linear readout) is read with --pytorch
        --model rnn|lstm|gru: tensors <prefix>weight_ih_l<k>, weight_hh_l<k>,
        bias_ih_l<k>, bias_hh_l<k> and <readout-prefix>weight, <readout-prefix>bias
        (defaults: no prefix and 'linear.'; e.g. --recurrent-prefix rnn.
        --readout-prefix fc. for a module with attributes rnn and fc); --model NAME
        without --weights builds a new network from --seed. Always printed: the model
        and the checksum of its parameters (identical parameters ⇒ identical checksum).

        Data: --task uses the same task options and --seed as 'train', so 'eval --seed
        s' scores the validation and test data that 'train --seed s' held out (a
        warning goes to standard error when the weights' metadata record another task
        or other task settings). --data FILE runs the network on the file's 'input' [T,
        B, d_in] (safetensors; or one CSV sequence) and reports the loss on its
        'target' when present (--loss, --burn-in) and, for safetensors, the difference
        from its 'output' tensor [T, B, d_out] when present (reference outputs, e.g.
        PyTorch's; a PyTorch fixture can be its own --data). 'rnnmem run' writes the
        outputs, states and derivatives themselves.

        JSON keys: weights, kind, architecture, input_size, hidden_size, output_size,
        layer_count, parameter_count, parameter_checksum, data ({source, steps,
        sequences, loss_kind, burn_in, loss} or null; loss null without targets),
        reference ({steps, sequences, max_abs_difference, mean_squared_difference} or
        null), compare ({file, identical, differing_parameters, max_abs_difference} or
        null), task ({name, seed, validation_loss, test_loss, test_metrics} or null).

        USAGE: rnnmem eval <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mrnnw, mlstm,
                                  mlstmf), or with --pytorch the module (rnn = tanh,
                                  lstm, gru). (values: rnn, lstm, gru, linear, cdiag,
                                  lru, mrnn, mrnnf, mrnnw, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf,
                                  mrnnw: 1).
          --window <K>            Filter window K of mrnn, mrnnf, mrnnw, mlstm, mlstmf
                                  (default 100 for mrnn/mrnnf/mrnnw, 25 for
                                  mlstm/mlstmf).
          --heads <H>             linear: number of diagonal blocks of the recurrent
                                  matrix (must divide --hidden; default 1).
          --skip <kind>           linear, cdiag, lru: readout skip term D x_t: none,
                                  diagonal (needs d_out = d_in) or matrix (default:
                                  matrix; lru diagonal). (values: none, diagonal,
                                  matrix)
          --parametrization <name>
                                  cdiag: parametrization of λ: default (Re λ, Im λ),
                                  polar, exp, scaled-exp, optimal (lru: exp). (values:
                                  default, polar, exp, scaled-exp, optimal)
          --normalization <name>  cdiag: input normalisation γ: none (default), l2 =
                                  √(1 − |λ|²), l1 = 1 − |λ|, learned (lru: learned).
                                  (values: none, l2, l1, learned)
          --init-scheme <name>    cdiag, lru: ring initialisation scheme, orvieto2023
                                  (lru's default) or zucchet-orvieto2024 (cdiag's
                                  default; --task lsi). (values: orvieto2023,
                                  zucchet-orvieto2024)
          --ring-min <r>          cdiag, lru: smallest |λ| of the ring (default 0;
                                  --task lsi: the teacher's ν₀); linear: ν₀ of the
                                  moduli ν₀ + (ν_max − ν₀)·tanh|l| (default 0).
          --ring-max <r>          cdiag, lru: largest |λ| of the ring, ≤ 1 (default 1);
                                  linear: ν_max (default 1).
          --max-phase <phi>       cdiag, lru, linear: largest eigenvalue phase φ_max
                                  (defaults: lru 6.28, cdiag and linear π; --task lsi:
                                  the teacher's, 3.14).
          --output-tanh           mrnnf: apply tanh to the output, as the official
                                  MRNNF cell of Zhao et al. does (compatibility;
                                  default: linear readout).
          --inputs <d>            New network: input width d_in (default: the data's).
          --outputs <d>           New network: output width d_out (default: the
                                  targets', else d_in).

        DATA:
          --data <file>           Data: safetensors with tensors 'input' [T, B, d_in]
                                  and optionally 'target' [T, B, d_out] (F32 or F64),
                                  or a CSV holding one sequence ('-': standard input);
                                  with --task series, the CSV holding the series.
          --column <name|index>   CSV column: a header name or a 1-based index
                                  (default: the last numeric column not used as a
                                  target).
          --columns <list>        CSV: several input columns, comma-separated names or
                                  indices.
          --target-column <name|index>
                                  CSV: the column holding the targets y_t (default:
                                  none, no targets).
          --input-tensor <name>   Safetensors: name of the input tensor. (default:
                                  input)
          --target-tensor <name>  Safetensors: name of the target tensor (optional in
                                  the file). (default: target)
          --split <test|validation|train>
                                  With --task: the task's fixed test or validation
                                  batch, or its first training batch. (values: test,
                                  validation, train)
          --task <name>           Task: lsi = linear-system identification (Zucchet &
                                  Orvieto), series = one-step prediction of a CSV
                                  column (Zhao et al.), recall = output x_(t−k).
                                  (values: lsi, series, recall)
          --delay <k>             recall: delay k ≥ 0. (default: 5)
          --correlation <rho>     recall: lag-one correlation ρ of the inputs, −1 < ρ <
                                  1 (0: i.i.d.). (default: 0.0)
          --length <T>            recall, lsi: sequence length T (default 50; lsi 300).
          --batch <B>             recall, lsi: training batch size (default 32; lsi
                                  128).
          --eval-batch <B>        recall, lsi: size of the fixed validation and test
                                  batches (default 256; lsi 128).
          --teacher-size <d>      lsi: teacher state size d. (default: 10)
          --min-modulus <nu0>     lsi: smallest teacher eigenvalue modulus ν₀, 0 ≤ ν₀ <
                                  1 (also the cdiag/lru students' ring minimum).
                                  (default: 0.99)
          --teacher-max-phase <phi>
                                  lsi: teacher phases angle(l)·φ/π (also the students'
                                  --max-phase default). (default: 3.14)
          --scaler <whole|train>  series: fit the min–max scaler on the whole series
                                  (Zhao et al.) or on the training split. (values:
                                  whole, train; default: whole)
          --splits <a,b,c>        series: train,validation,test sizes in input–target
                                  pairs (default: Zhao et al.'s sizes for their
                                  data-set names arfima, DJI, traffic, tree7; else
                                  50/30/20 per cent of the n − 1 pairs).
          --transform <name>      series: use a transformation of the column (as the
                                  series verbs' --transform). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns)
          --last <N>              series: keep only the last N observations (after
                                  --transform).

        LOSS:
          --loss <kind>           Loss on --data targets: half-mse = ½·mean (ŷ − y)²
                                  over steps, sequences and outputs (default), mse =
                                  mean (ŷ − y)². (values: half-mse, mse)
          --burn-in <k>           Leave the first k steps out of the loss (burn-in;
                                  default 0).

        OPTIONS:
          --seed <seed>           Seed of the task data (as given to 'train') and of a
                                  new network. (default: 0)
          --compare <file>        Compare the parameters bit for bit with those of
                                  another weights file (read the same way).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "grad-check": #"""
        OVERVIEW: Check a model's BPTT gradient and exact Hessian-vector product
        against finite differences.

        A model of the given architecture is initialised from --seed, with Gaussian
        inputs and targets (also from --seed) and the loss ½·mean squared error. The
        gradient ∇L by backpropagation through time is compared with central
        differences (L(θ + h_i e_i) − L(θ − h_i e_i))/(2h_i), h_i = 1e-6·max(1, |θ_i|);
        the Hessian-vector product Hv by forward-over-reverse differentiation
        (Pearlmutter 1994), along a random unit direction v, with (∇L(θ + εv) − ∇L(θ −
        εv))/(2ε), ε = 1e-5. Each error is max_i |exact_i − difference_i| / max_i
        |difference_i|. Exit status 1 when an error exceeds its tolerance (defaults
        1e-6 and 1e-5; the report is printed either way).

        JSON keys: architecture, hidden_size, layer_count, parameter_count, input_size,
        output_size, length, batch, seed, gradient_error, gradient_tolerance,
        gradient_ok, hvp_error, hvp_tolerance, hvp_ok.

        USAGE: rnnmem grad-check [<options>] --model <name>

        MODEL:
          --model <name>          Architecture. (values: rnn, lstm, gru, linear, cdiag,
                                  lru, mrnn, mrnnf, mrnnw, mlstm, mlstmf)
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf,
                                  mrnnw: 1).
          --window <K>            Filter window K of mrnn, mrnnf, mrnnw, mlstm, mlstmf
                                  (default 100 for mrnn/mrnnf/mrnnw, 25 for
                                  mlstm/mlstmf).
          --heads <H>             linear: number of diagonal blocks of the recurrent
                                  matrix (must divide --hidden; default 1).
          --skip <kind>           linear, cdiag, lru: readout skip term D x_t: none,
                                  diagonal (needs d_out = d_in) or matrix (default:
                                  matrix; lru diagonal). (values: none, diagonal,
                                  matrix)
          --parametrization <name>
                                  cdiag: parametrization of λ: default (Re λ, Im λ),
                                  polar, exp, scaled-exp, optimal (lru: exp). (values:
                                  default, polar, exp, scaled-exp, optimal)
          --normalization <name>  cdiag: input normalisation γ: none (default), l2 =
                                  √(1 − |λ|²), l1 = 1 − |λ|, learned (lru: learned).
                                  (values: none, l2, l1, learned)
          --init-scheme <name>    cdiag, lru: ring initialisation scheme, orvieto2023
                                  (lru's default) or zucchet-orvieto2024 (cdiag's
                                  default; --task lsi). (values: orvieto2023,
                                  zucchet-orvieto2024)
          --ring-min <r>          cdiag, lru: smallest |λ| of the ring (default 0;
                                  --task lsi: the teacher's ν₀); linear: ν₀ of the
                                  moduli ν₀ + (ν_max − ν₀)·tanh|l| (default 0).
          --ring-max <r>          cdiag, lru: largest |λ| of the ring, ≤ 1 (default 1);
                                  linear: ν_max (default 1).
          --max-phase <phi>       cdiag, lru, linear: largest eigenvalue phase φ_max
                                  (defaults: lru 6.28, cdiag and linear π; --task lsi:
                                  the teacher's, 3.14).
          --output-tanh           mrnnf: apply tanh to the output, as the official
                                  MRNNF cell of Zhao et al. does (compatibility;
                                  default: linear readout).

        OPTIONS:
          --inputs <d>            Input width d_in. (default: 2)
          --outputs <d>           Output width d_out (lru: must equal d_in). (default:
                                  2)
          --length <T>            Sequence length T. (default: 12)
          --batch <B>             Number of sequences B. (default: 3)
          --seed <seed>           Seed of the model, data and direction. (default: 1)
          --tolerance <tol>       Tolerance of the gradient's relative error. (default:
                                  1e-06)
          --hvp-tolerance <tol>   Tolerance of the HVP's relative error. (default:
                                  1e-05)
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "sweep": #"""
        OVERVIEW: Run a grid of rnnmem commands in shards (one machine, GNU parallel,
        Slurm), resumable, merged.

        A sweep configuration (JSON, e.g. data/sweeps/smoke.json) gives the rnnmem
        command run per cell, with {axis} placeholders, and the axes: {"command":
        ["train", "--model", "{model}", "--seed", "{seed}", "--output-dir",
        "{cell_dir}", …], "axes": {"model": ["rnn", "gru"], "seed": 3}, "metrics":
        {"test_loss": "test_loss"}, "metrics_file": "summary.json"}. Optional keys:
        name, description, fixed (constants for placeholders). "seed" may be a count n
        (seeds 0 … n−1). Built-in placeholders: {cell} (the cell number) and {cell_dir}
        (the cell's own empty directory). Cells are numbered row-major over the axes in
        file order (the last axis varies fastest); shard i of N runs the cells c with c
        mod N = i.

        Workflow: 'sweep plan CONFIG' lists the cells; 'sweep run CONFIG --shard i/N'
        runs a share into an output directory (one result file per cell, written
        atomically; rerunning skips complete cells and reruns missing, failed and
        corrupt ones; a directory holding another configuration's results is refused);
        'sweep collect DIR' merges the results and aggregates over seeds; 'sweep slurm
        CONFIG --shards N' writes a Slurm job-array script. On one machine with GNU
        parallel:
          parallel rnnmem sweep run CONFIG --shard {}/4 --output-dir DIR ::: 0 1 2 3

        USAGE: rnnmem sweep <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          plan                    Print the numbered cells of a sweep configuration and
                                  the command each runs.
          run                     Run the cells of one shard of a sweep, skipping those
                                  already complete.
          collect                 Merge a sweep's results into one table, report
                                  missing and failed cells, aggregate over seeds.
          slurm                   Write a Slurm job-array batch script that runs a
                                  sweep in N shards.

          See 'rnnmem help sweep <subcommand>' for detailed help.
        """#,
        "sweep plan": #"""
        OVERVIEW: Print the numbered cells of a sweep configuration and the command
        each runs.

        Validates the configuration and prints one row per cell: its number, its axis
        values and its rnnmem command ({cell_dir} stays unresolved: it becomes a folder
        of the output directory). With --shards N a column gives each cell's shard
        (cell mod N). JSON keys: sweep, config_hash, cell_count, axes[] (name, values),
        fixed, metrics[] (name, path), metrics_file, shards, default_output_dir,
        cells[] (cell, values, shard, command).

        USAGE: rnnmem sweep plan <config> [--shards <N>] [--json]

        ARGUMENTS:
          <config>                Sweep configuration (JSON).

        OPTIONS:
          --shards <N>            Show the shard of each cell for N shards.
          --json                  Print one JSON object.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "sweep run": #"""
        OVERVIEW: Run the cells of one shard of a sweep, skipping those already
        complete.

        Shard i of N runs the cells c with c mod N = i (default 0/1: every cell), J at
        a time, each as a child process of this rnnmem binary (relative paths in the
        command resolve against the current directory). Every finished cell gets a
        result file DIR/results/cell-NNNNNN.json, written atomically (temporary file,
        fsync, rename): its exact command, seed, rnnmem version, config hash, wall
        time, exit status, the tail of its standard error and its metrics. The cell's
        own folder DIR/cells/cell-NNNNNN ({cell_dir}) also keeps its stdout.log and
        stderr.log. A rerun skips complete cells and reruns missing, failed and corrupt
        ones, so a killed or pre-empted run resumes where it stopped. DIR defaults to
        run/sweeps/<name>-<config hash>; a DIR holding another configuration's results
        is refused. Shards may run at the same time on one machine or many (shared file
        system):
          parallel rnnmem sweep run CONFIG --shard {}/4 --output-dir DIR ::: 0 1 2 3
        Progress goes to standard error; a summary to standard output. JSON keys:
        sweep, config_hash, shard, output_dir, shard_cells, skipped[], ran[] (cell,
        status, exit_status, wall_time_seconds, error), failed[]. Exit status 2 when a
        cell failed (its result is kept and it is rerun next time).

        --executor in-process runs each cell's command inside this process
        (CommandLineTool.run: the same bytes as the binary, output captured per call,
        --jobs cells on concurrent tasks) instead of a child process: it saves the
        process start per cell (milliseconds; useful for grids of many very short
        cells), but a cell that crashes takes the whole shard down (complete results
        stay; a rerun resumes) and every cell shares this process's memory. The results
        record the executor ("process" or "in-process"); the metrics are identical.

        USAGE: rnnmem sweep run <config> [--shard <i/N>] [--jobs <J>] [--output-dir <dir>] [--progress <style>] [--executor <process|in-process>] [--json]

        ARGUMENTS:
          <config>                Sweep configuration (JSON).

        OPTIONS:
          --shard <i/N>           The shard to run: i/N with 0 ≤ i < N. (default: 0/1)
          --jobs <J>              Cells run at the same time. (default: 1)
          --output-dir <dir>      Output directory (default run/sweeps/<name>-<config
                                  hash>).
          --progress <style>      Progress on standard error: lines, none. (values:
                                  lines, none; default: lines)
          --executor <process|in-process>
                                  Run each cell as a child process (default) or inside
                                  this process (see above). (values: process,
                                  in-process; default: process)
          --json                  Print the summary as one JSON object.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "sweep collect": #"""
        OVERVIEW: Merge a sweep's results into one table, report missing and failed
        cells, aggregate over seeds.

        Reads DIR/sweep.json and every result file. Prints the aggregates over seeds:
        one row per combination of the other axes and numeric metric, with the number
        of cells and complete cells, the mean, the sample standard deviation (n − 1),
        the minimum, the maximum and the standard error of the mean s/√n (text rounded
        to 6 significant digits; JSON and CSV exact). Missing and failed cells are
        listed on standard error. --output FILE writes the cell table as CSV (columns
        cell, the axes, status ok|failed|missing, exit_status, wall_time_seconds, the
        metrics, error); --aggregates FILE writes the aggregates as CSV (the non-seed
        axes, cells, complete, and per metric m: m_mean, m_std, m_min, m_max, m_sem,
        m_count). JSON keys: sweep, config_hash, output_dir, axes[], metrics[],
        cell_count, complete_count, missing[], failed[] (cell, error), cells[] (cell,
        values, status, exit_status, wall_time_seconds, metrics, error), aggregates[]
        (values, cells, complete, metrics: {m: {count, mean, std, min, max, sem}}). A
        result of another configuration in DIR is an error.

        --compare AXIS=B1[,B2…] adds Welch two-sample t-tests (unequal variances,
        Welch–Satterthwaite degrees of freedom; the numbers of scipy.stats.ttest_ind(x,
        y, equal_var=False)) of every value of AXIS against each baseline value B, per
        numeric metric (or --compare-metrics LIST), within every combination of the
        other non-seed axes, the samples being the complete cells over the seeds:
        printed after the aggregates (p = two-sided, p_less = one-sided for mean(value)
        < mean(baseline), e.g. a smaller error), written as CSV with --comparisons FILE
        (the group axes, AXIS, baseline, metric, n, n_baseline, mean, baseline_mean,
        difference, t, df, p_value, p_less, p_greater; empty where a test is
        undefined), and in JSON under comparisons {axis, group_axes[], rows[] {group,
        value, baseline, metric, n, n_baseline, mean, baseline_mean, difference, t, df,
        p_value, p_less, p_greater, undefined}} (null without --compare). A test needs
        two complete cells on each side and a non-constant sample. The Zhao et al.
        table: rnnmem sweep collect DIR --compare model=rnn,lstm --compare-metrics
        rmse,mae.

        USAGE: rnnmem sweep collect <dir> [--output <file>] [--aggregates <file>] [--compare <axis=b1,b2>] [--compare-metrics <list>] [--comparisons <file>] [--require-complete] [--json]

        ARGUMENTS:
          <dir>                   Output directory of the sweep.

        OPTIONS:
          -o, --output <file>     Write the cell table (CSV) to this file.
          --aggregates <file>     Write the aggregates over seeds (CSV) to this file.
          --compare <axis=b1,b2>  Welch t-tests of each value of AXIS against the
                                  baseline values (see above).
          --compare-metrics <list>
                                  The metrics compared (default: every numeric metric).
          --comparisons <file>    Write the comparisons (CSV) to this file (needs
                                  --compare).
          --require-complete      Exit with status 2 (after writing the tables) when a
                                  cell is missing or failed.
          --json                  Print one JSON object.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "sweep slurm": #"""
        OVERVIEW: Write a Slurm job-array batch script that runs a sweep in N shards.

        Array task i (#SBATCH --array=0-(N−1)) runs 'rnnmem sweep run CONFIG --shard
        i/N --jobs J --output-dir DIR' with this rnnmem binary, from the current
        directory; N is written into the script (not read from $SLURM_ARRAY_TASK_COUNT)
        so that failed tasks can be resubmitted alone with 'sbatch --array=3,7 FILE'.
        The output directory is prepared now (sweep.json, and logs/ for Slurm's
        per-task output slurm-%A_%a.out), so a directory of another configuration is
        refused before submission. Submit with 'sbatch FILE' ('sbatch --wait FILE'
        blocks until every task has ended), then run 'rnnmem sweep collect DIR'. The
        script goes to --output FILE (made executable) or to standard output. JSON
        keys: sweep, config_hash, shards, array, cells_per_shard[], output_dir, rnnmem,
        file, script.

        USAGE: rnnmem sweep slurm <config> --shards <N> [--partition <name>] [--time <time>] [--cpus <C>] [--jobs <J>] [--sbatch <option> ...] [--output-dir <dir>] [--rnnmem <path>] [--output <file>] [--json]

        ARGUMENTS:
          <config>                Sweep configuration (JSON).

        OPTIONS:
          --shards <N>            Number of shards N (array tasks 0 … N−1).
          --partition <name>      Slurm partition.
          --time <time>           Time limit per array task, e.g. 30, 2:00:00,
                                  1-12:00:00.
          --cpus <C>              CPUs per array task. (default: 1)
          --jobs <J>              Cells run at the same time in each task (default:
                                  --cpus).
          --sbatch <option>       An extra #SBATCH option, e.g. --mem=4G (repeatable).
          --output-dir <dir>      Output directory (default run/sweeps/<name>-<config
                                  hash>).
          --rnnmem <path>         The rnnmem binary the tasks run (default: this one).
          -o, --output <file>     Write the script to this file.
          --json                  Print one JSON object (the script under 'script').
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "forecast": #"""
        OVERVIEW: One-step forecast baselines (fitted ARFIMA, naive) on the splits of
        'train --task series'.

        Reads the series as 'train --task series --data FILE' does (--column,
        --transform, --last), splits its n − 1 input–target pairs (y_t, y_(t+1)) into
        train, validation and test in time order (--splits a,b,c; default Zhao et al.'s
        sizes for their data-set names arfima, DJI, traffic, tree7, else 50/30/20 per
        cent), and scores one-step predictions of the test targets in original units:
        RMSE, MAE, MAPE (when no target is 0) and the MSE of the min–max-scaled values
        (--scaler, as train's; comparable with the networks' test loss).

        --model naive predicts y_(t+1) by y_t (the ceiling a forecaster must beat).
        --model arfima fits ARFIMA(p, d, q) to the training values y_1 … y_(train+1)
        (--fit train-validation: also the validation values) with --method (default
        whittle; mle, hr, css), p and q fixed by --ar-order/--ma-order or selected by
        BIC over p, q ≤ --max-order (default 2), subtracts the fitting values' mean,
        and predicts every y_(t+1) from all of y_1 … y_t: --predictor exact is the best
        linear predictor from the finite past under the fitted model (Durbin–Levinson
        on its autocovariance; the floor of linear one-step forecasts), --predictor
        ar-infinity the AR(∞) form −Σ_(j≤K) π_j (y_(t+1−j) − μ) truncated at --window
        K.

        Plain output: 'key: value' lines. JSON keys: input, column, transform, n,
        dataset, splits {train, validation, test}, scaler, model, predictor (null for
        naive), fit (null for naive; else method, values, p, q, d, ar, ma, sigma2,
        mean, log_likelihood, bic, candidates[] {p, q, bic}), test_pairs, rmse, mae,
        mape (null when a target is 0), scaled_mse. --save DIR writes predictions.npy
        and targets.npy (the test pairs); --figures DIR writes forecast.csv (t, target,
        prediction) and forecast.svg.

        USAGE: rnnmem forecast [<options>] <file> --model <name>

        ARGUMENTS:
          <file>                  CSV file holding the series.

        OPTIONS:
          --column <name|index>   Column to use: a header name or a 1-based index
                                  (default: the last numeric column).
          --transform <name>      Use a transformation of the column (log and returns
                                  need positive values). (values: none, diff, log,
                                  log-returns, abs-log-returns, squared-log-returns;
                                  default: none)
          --last <N>              Keep only the last N observations (after --transform).
          --splits <a,b,c>        train,validation,test sizes in input–target pairs
                                  (see above).
          --scaler <whole|train>  Min–max scaler of the scaled MSE: fitted on the whole
                                  series or the training values. (values: whole, train;
                                  default: whole)
          --model <name>          Forecaster: arfima (fitted ARFIMA(p, d, q)) or naive
                                  (y_t predicts y_(t+1)). (values: arfima, naive)
          --method <method>       arfima: estimator of the fit: whittle, mle, hr, css.
                                  (values: gph, lw, elw, elw2, whittle, hr, mle, css,
                                  rs, dfa, aggvar; default: whittle)
          --ar-order <p>          arfima: AR order p (with --ma-order; default: BIC
                                  selection).
          --ma-order <q>          arfima: MA order q (with --ar-order).
          --max-order <k>         arfima: largest p and q of the BIC selection (0…3).
          --fit <split>           arfima: values the model is fitted on: train or
                                  train-validation. (values: train, train-validation;
                                  default: train)
          --predictor <name>      arfima: exact (finite-past best linear predictor) or
                                  ar-infinity (truncated AR(∞)). (values: exact,
                                  ar-infinity; default: exact)
          --window <K>            arfima --predictor ar-infinity: truncation K (default
                                  100).
          --figures <dir>         Write forecast.csv and forecast.svg (test targets and
                                  predictions) to this directory.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
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
