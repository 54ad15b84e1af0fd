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
        PyTorch safetensors) on a task or on sequence data; 'run' runs a network on
        data and writes its outputs, states, loss, gradient and Hessian-vector products
        (safetensors, NumPy .npy); 'export' writes a network as a PyTorch state dict;
        'grad-check' checks a model's exact gradient and Hessian-vector product against
        finite differences.

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
          run                     Run a network on data: outputs, states of every
                                  layer, loss, gradient and Hessian-vector product.
          export                  Write a network as a PyTorch state dict (--pytorch)
                                  or as an rnnmem weights file.
          grad-check              Check a model's BPTT gradient and exact
                                  Hessian-vector product against finite differences.
          spectrum                Jacobian, Lyapunov and Hessian spectra of a recurrent
                                  network on a task or on your data.

        EXPERIMENTS SUBCOMMANDS:
          sweep                   Run a grid of rnnmem commands in shards (one machine,
                                  GNU parallel, Slurm), resumable, merged.

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
        summary.json (the training summary, snake_case keys). Best parameters: every
        evaluated parameter set competes, the final one included (best_validation_step
        = steps + 1 then: step s evaluates the parameters before update s), so the
        returned model is never worse on the validation data than the final one; for
        series, Zhao et al.'s selection keeps the parameters after the best-scoring
        update, so its best_validation_loss belongs to the parameters before that
        update (best_validation_selection afterUpdate) and returned_validation_loss is
        the kept parameters' own.

        Standard output: a report of the run; with --json one object with the keys
        architecture, hidden_size, layer_count, parameter_count, task, task_settings,
        seed (--seed), seeds {model, task, trainer} (the seeds derived from it), steps,
        requested_steps, epochs, stop_reason, final_training_loss,
        final_validation_loss, best_validation_loss, best_validation_step,
        best_validation_selection (evaluated or afterUpdate), returned_parameters,
        returned_validation_loss, test_loss, test_metrics, parameter_checksum, files
        {weights, loss, summary} (absent losses are null). summary.json holds the
        library's training summary (snake_case), seed and seeds as here, the checksum
        and the weights' metadata.

        USAGE: rnnmem train [<options>] --model <name> --output-dir <dir>

        MODEL:
          --model <name>          Architecture. (values: rnn, lstm, gru, linear, cdiag,
                                  lru, mrnn, mrnnf, mlstm, mlstmf)
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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
        |difference_i|, and per tensor (parameter group g) max_(i∈g) |exact_i −
        difference_i| / max(max_(i∈g) |difference_i|, 1e-3·max_i |difference_i|) (the
        floor keeps a tensor whose derivative vanishes from reporting rounding noise),
        so that an error in a small tensor is not hidden by the large entries of
        another. Exit status 1 when the overall or the worst tensor's error exceeds its
        tolerance (defaults 1e-6 and 1e-5; the report is printed either way).

        JSON keys: architecture, hidden_size, layer_count, parameter_count, input_size,
        output_size, length, batch, seed, gradient_error, gradient_tolerance,
        gradient_ok, hvp_error, hvp_tolerance, hvp_ok, worst_gradient_tensor,
        worst_gradient_tensor_error, worst_hvp_tensor, worst_hvp_tensor_error, tensors
        [{name, gradient_error, hvp_error}].

        USAGE: rnnmem grad-check [<options>] --model <name>

        MODEL:
          --model <name>          Architecture. (values: rnn, lstm, gru, linear, cdiag,
                                  lru, mrnn, mrnnf, mlstm, mlstmf)
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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
        "run": #"""
        OVERVIEW: Run a network on data: outputs, states of every layer, loss, gradient
        and Hessian-vector product.

        Network: --weights FILE (rnnmem weights), --weights FILE --pytorch --model
        rnn|lstm|gru (a PyTorch state dict), or a new --model NAME initialised from
        --seed as 'train --seed' does (widths from the data, or --inputs/--outputs).
        Data: --data FILE, safetensors with 'input' [T, B, d_in] and optionally
        'target' [T, B, d_out] (F32 or F64; the layout of a contiguous PyTorch tensor
        (T, B, d)), or a CSV holding one sequence, one row per step (inputs
        --column/--columns, default the last numeric column; targets --target-column,
        default none); or a built-in --task with its options, whose --split
        test|validation|train batch (drawn from --seed as 'train --seed' draws it) is
        scored by the task's own loss.

        Always computed: the outputs y_1 … y_T and the states s_1 … s_T of every layer
        (h_0 = 0). With targets: the loss, ½·mean (ŷ − y)² by default (--loss mse:
        without the ½; --burn-in k: steps k+1 … T only). --gradient: ∂L/∂θ by
        backpropagation through time. --direction: the exact Hessian-vector product Hv
        (forward-over-reverse, Pearlmutter 1994) along v = a safetensors FILE with one
        tensor per parameter group, named and shaped as in rnnmem weights files (absent
        groups are 0; --direction-prefix P reads tensors P<group>, e.g. 'gradient.' of
        an earlier run's --output), or random entries drawn from --seed: 'rademacher'
        (±1, also 'random') or 'gaussian' (N(0, 1)). A file named like a keyword is
        given as ./NAME.

        Arrays (--output FILE: one safetensors file, F64; --save DIR: one NumPy .npy
        file per array, float64, C order): output [T, B, d_out]; layer<ℓ>.<segment> [T,
        B, rows] for the states — h (rnn, gru, lstm, linear, mrnn, mlstm; all of the
        state of rnn, gru and linear), c (lstm, mlstm), m and d (mrnn, mlstm's d), re
        and im (cdiag, lru: Re h and Im h); the K-step windows of the fractional cells
        are not written; --no-states leaves the states out; loss [] (with targets);
        gradient.<group>, direction.<group>, hvp.<group> (group shapes, C order).
        Progress of long stages goes to standard error (--progress).

        Standard output: a report, or with --json one object with the keys weights,
        kind, architecture, input_size, hidden_size, output_size, layer_count,
        parameter_count, parameter_checksum, data {source, steps, sequences}, loss_kind
        (half-mse, mse, or custom for a task's weighted loss), burn_in (steps left out,
        null for a task's last-step or weighted loss), loss, gradient_norm,
        gradient_norms {group: ‖∂L/∂θ_g‖}, direction, direction_norm,
        directional_derivative (vᵀ∇L), curvature (vᵀHv), rayleigh_quotient (vᵀHv/vᵀv),
        hvp_norm, arrays (names written), files {output, save} (absent values are null).

        USAGE: rnnmem run <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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

        LOSS:
          --loss <kind>           Loss on --data targets: half-mse = ½·mean (ŷ − y)²
                                  over steps, sequences and outputs (default), mse =
                                  mean (ŷ − y)². (values: half-mse, mse)
          --burn-in <k>           Leave the first k steps out of the loss (burn-in;
                                  default 0).

        OPTIONS:
          --gradient              Compute the gradient ∂L/∂θ of the loss (needs
                                  targets).
          --direction <file|rademacher|gaussian>
                                  Hessian-vector product along: a safetensors FILE of
                                  per-group tensors, or rademacher (also random),
                                  gaussian (drawn from --seed).
          --direction-prefix <prefix>
                                  With --direction FILE: read the tensors named
                                  <prefix><group>.
          --no-states             Leave the states out of --output and --save.
          --seed <seed>           Seed of a new network (s), a task's data (s + 1) and
                                  a random direction. (default: 0)
          --output <file>         Write the arrays to this safetensors file.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of the report.
          --progress <style>      Progress of long stages on standard error: auto, bar,
                                  lines, none. (values: auto, bar, lines, none;
                                  default: auto)
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "export": #"""
        OVERVIEW: Write a network as a PyTorch state dict (--pytorch) or as an rnnmem
        weights file.

        The network: --weights FILE (rnnmem weights, e.g. from 'train'), or a new
        --model NAME initialised from --seed (widths --inputs, --outputs; default 1 and
        d_in). With --pytorch the file is a PyTorch state dict in safetensors form with
        PyTorch's names, shapes and gate order: <recurrent-prefix>weight_ih_l<k>,
        weight_hh_l<k>, bias_ih_l<k>, bias_hh_l<k> for layers k = 0 … L−1 and
        <readout-prefix>weight, <readout-prefix>bias (defaults: no prefix and
        'linear.'). It loads into nn.RNN(d_in, N, L, nonlinearity='tanh') /
        nn.LSTM(d_in, N, L) / nn.GRU(d_in, N, L) (sequence-first, h_0 = 0) plus
        nn.Linear(N, d_out): state = safetensors.torch.load_file(FILE);
        rnn.load_state_dict({k: v for k, v in state.items() if not
        k.startswith('linear.')}); linear.load_state_dict({k[7:]: v for k, v in
        state.items() if k.startswith('linear.')}) (after .double(), or --dtype f32).
        rnn, lstm and gru only: linear, cdiag, lru, mrnn, mrnnf, mlstm and mlstmf have
        no PyTorch module and are an error with --pytorch. Reading the file back with
        'rnnmem eval --weights FILE --pytorch --model NAME' gives the same parameters,
        bit for bit (F64). Without --pytorch the file is rnnmem weights (any
        architecture).

        JSON keys: weights, kind, architecture, input_size, hidden_size, output_size,
        layer_count, parameter_count, parameter_checksum, format (pytorch or rnnmem),
        module (nn.RNN, nn.LSTM, nn.GRU or null), dtype, output, tensors (the names
        written).

        USAGE: rnnmem export [<options>] --output <file>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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

        OPTIONS:
          --seed <seed>           Seed of a new network. (default: 0)
          --dtype <f64|f32>       Element type of the file: f64 (exact) or f32
                                  (rounded). (values: f64, f32; default: f64)
          --output <file>         The file to write (safetensors).
          --json                  Print one JSON object instead of the report.
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

        USAGE: rnnmem sweep run <config> [--shard <i/N>] [--jobs <J>] [--output-dir <dir>] [--progress <style>] [--json]

        ARGUMENTS:
          <config>                Sweep configuration (JSON).

        OPTIONS:
          --shard <i/N>           The shard to run: i/N with 0 ≤ i < N. (default: 0/1)
          --jobs <J>              Cells run at the same time. (default: 1)
          --output-dir <dir>      Output directory (default run/sweeps/<name>-<config
                                  hash>).
          --progress <style>      Progress on standard error: lines, none. (values:
                                  lines, none; default: lines)
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

        USAGE: rnnmem sweep collect <dir> [--output <file>] [--aggregates <file>] [--require-complete] [--json]

        ARGUMENTS:
          <dir>                   Output directory of the sweep.

        OPTIONS:
          -o, --output <file>     Write the cell table (CSV) to this file.
          --aggregates <file>     Write the aggregates over seeds (CSV) to this file.
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
        "spectrum": #"""
        OVERVIEW: Jacobian, Lyapunov and Hessian spectra of a recurrent network on a
        task or on your data.

        Along a trajectory: 'jacobian' (eigenvalues, spectral radius and norm of each
        step's state Jacobian D_t = ∂s_t/∂s_(t−1)), 'products' (singular values of
        J_(t,k) = ∂s_t/∂s_k against the lag t − k, from QR-renormalised products, and
        the bound of Pascanu, Mikolov & Bengio 2013), 'gradients' (‖∂L_t/∂s_(t−ℓ)‖
        against ℓ: vanishing or exploding gradients), 'lyapunov' (Lyapunov spectrum by
        the QR method: of the network driven by its input, or of a random tanh map or
        rate network). Curvature of the loss: 'hessian' (eigenvalues of the Hessian,
        Gauss–Newton or empirical Fisher matrix, full or by Lanczos, trace,
        localisation of the top eigenvectors among the parameter groups, Adam's
        effective learning rates), 'density' (spectral density by stochastic Lanczos
        quadrature).

        Networks: --weights FILE (rnnmem, or PyTorch with --pytorch --model
        rnn|lstm|gru) or a new --model. Data: --task (as 'train', 'eval') or --data
        FILE (safetensors 'input' [T, B, d_in] and 'target' [T, B, d_out], or CSV). The
        state s_t is the joint state of all layers (for the LSTM each layer's [h; c]).
        Every verb has --json (keys in its help), --figures DIR (SVG by gnuplot + the
        CSV beside it) and --save DIR (NumPy .npy arrays). Seeds: with --seed s a new
        network comes from s and task data from s + 1 (as 'train'); random frames,
        perturbations and probe vectors from s + 3; the W_hh of --recurrent-gain from s
        + 4.

        USAGE: rnnmem spectrum <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          jacobian                Eigenvalues, spectral radius and norm of each step's
                                  state Jacobian ∂s_t/∂s_(t−1).
          products                Singular values of the Jacobian products ∂s_t/∂s_k
                                  against the lag t − k; the Pascanu bound.
          gradients               Norm of the gradient ∂L_t/∂s_(t−ℓ) of one step's loss
                                  against the lag ℓ (vanishing, exploding).
          lyapunov                Lyapunov spectrum by the QR method: of a network on
                                  its input, or of a random tanh/rate network.
          hessian                 Eigenvalues, trace and localisation of the loss
                                  Hessian (or Gauss–Newton, empirical Fisher).
          density                 Spectral density of the loss Hessian (or
                                  Gauss–Newton, empirical Fisher) by stochastic Lanczos
                                  quadrature.

          See 'rnnmem help spectrum <subcommand>' for detailed help.
        """#,
        "spectrum jacobian": #"""
        OVERVIEW: Eigenvalues, spectral radius and norm of each step's state Jacobian
        ∂s_t/∂s_(t−1).

        The exact state Jacobian D_t = ∂s_t/∂s_(t−1) (S × S, forward-mode derivatives)
        along one sequence of the data (--sequence), at t = k, 2k, … ≤ T (--stride k).
        Its eigenvalues (LAPACK dgeev, complex, by decreasing modulus), spectral radius
        ρ and largest singular value σ_max, for the joint state and for each layer's
        diagonal block (D_t is block lower triangular in the layers, so its eigenvalues
        are the union of the blocks'). ρ > 1 or σ_max > 1 marks a step that can expand
        a perturbation; σ_max ≫ ρ a non-normal Jacobian (transient growth).

        Report: per block the mean and largest ρ and σ_max and the number of steps
        above 1, the leading eigenvalues at the last step, and one row per step (t, ρ,
        σ_max, then ρ and σ_max of each layer).

        JSON keys: the network (weights, kind, architecture, input_size, hidden_size,
        output_size, layer_count, parameter_count, parameter_checksum), data {source,
        steps, sequences}, sequence, stride, state_size, layer_state_sizes, time,
        spectral_radius, spectral_norm, eigenvalues_real, eigenvalues_imaginary (per
        step, by decreasing modulus), layers [{spectral_radius, spectral_norm}],
        summary [{block, mean_spectral_radius, max_spectral_radius, mean_spectral_norm,
        max_spectral_norm, steps_radius_above_one, steps_norm_above_one}], figures,
        saved.

        --figures DIR: jacobian-eigenvalues.svg (the eigenvalues of up to 40 evenly
        spaced steps in the complex plane, coloured by t, with the unit circle;
        jacobian-eigenvalues.csv holds every step) and jacobian-norms.svg (ρ and σ_max
        against t; jacobian-norms.csv). --save DIR: time, eigenvalues_real,
        eigenvalues_imaginary [steps, S], spectral_radius, spectral_norm [steps],
        layer_spectral_radius, layer_spectral_norm [steps, layers].

        USAGE: rnnmem spectrum jacobian <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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

        OUTPUT:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --figures <dir>         Write the figures (SVG by gnuplot, and the CSV data
                                  beside each) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --progress <style>      Progress on standard error for runs longer than 2 s:
                                  auto, bar, lines, none. (values: auto, bar, lines,
                                  none; default: auto)

        OPTIONS:
          --recurrent-gain <g>    New --model rnn: redraw every layer's W_hh with
                                  i.i.d. N(0, g²/N) entries from the seed (spectral
                                  radius ≈ g).
          --sequence <b>          Which sequence of the data (0-based; default 0).
                                  (default: 0)
          --stride <k>            Analyse every k-th step (default 1). (default: 1)
          --seed <seed>           Seed of a new network and of task data (as 'train').
                                  (default: 0)
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "spectrum products": #"""
        OVERVIEW: Singular values of the Jacobian products ∂s_t/∂s_k against the lag t
        − k; the Pascanu bound.

        The products J_(t,k) = D_t D_(t−1) ⋯ D_(k+1) = ∂s_t/∂s_k of the exact state
        Jacobians along one sequence (--sequence), for lags ℓ = t − k = 1 … K (--lags
        K; default every lag the sequence allows). With --anchor end (default) t is
        fixed (--time, default T) and k = t − ℓ: how the gradient at t reaches back;
        with --anchor start k is fixed (--time k, default 0) and t = k + ℓ: how a
        perturbation at k grows. The products are kept as Q·diag(e^ℓ)·U with QR
        re-orthonormalisation after every factor, never formed raw, so singular values
        far outside the floating-point range are exact; they are reported as natural
        logarithms log σ_1 ≥ … ≥ log σ_S. (1/ℓ)·log σ_i are finite-time Lyapunov
        exponents; σ_1 falling or rising geometrically in ℓ is the vanishing or
        exploding gradient (Bengio, Simard & Frasconi 1994).

        Pascanu, Mikolov & Bengio (2013, ICML, §2.1): for a one-layer tanh RNN,
        ‖J_(t,k)‖₂ ≤ σ_max(W_hh)^(t−k). It is checked at every lag and reported as
        holding, or violated at the first lag where it fails (with t and k); for other
        networks it is reported as not applicable.

        Report: the anchor, the bound, then one row per lag: lag, t, k, log σ_max, log
        σ_min, (1/ℓ)·log σ_max and the bound's margin ℓ·log σ_max(W) − log σ_max (≥ 0
        where it holds). '-inf (zero)' is an exactly zero singular value.

        JSON keys: the network and data (as 'jacobian'), sequence, anchor, time,
        state_size, lags, log_singular_values (per lag, descending; null for an exactly
        zero value), log_spectral_norms, finite_time_exponents ((1/ℓ)·log σ_i at the
        largest lag), pascanu {applicable, reason, gamma, recurrent_norm, holds,
        first_violation {lag, t, k} or null, log_margins}, figures, saved.

        --figures DIR: products-singular-values.svg (σ_i against the lag, log axis,
        with the Pascanu bound; products-singular-values.csv holds log10 σ_i per lag).
        --save DIR: lags [L], log_singular_values [L, S], pascanu_log_margins [L] (when
        applicable).

        USAGE: rnnmem spectrum products <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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

        OUTPUT:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --figures <dir>         Write the figures (SVG by gnuplot, and the CSV data
                                  beside each) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --progress <style>      Progress on standard error for runs longer than 2 s:
                                  auto, bar, lines, none. (values: auto, bar, lines,
                                  none; default: auto)

        OPTIONS:
          --recurrent-gain <g>    New --model rnn: redraw every layer's W_hh with
                                  i.i.d. N(0, g²/N) entries from the seed (spectral
                                  radius ≈ g).
          --sequence <b>          Which sequence of the data (0-based; default 0).
                                  (default: 0)
          --anchor <end|start>    Fix the end t of the products (end, default) or their
                                  start k (start). (values: end, start; default: end)
          --time <t>              The fixed time: t with --anchor end (default T), k
                                  with --anchor start (default 0).
          --lags <K>              Largest lag K (default: every lag possible).
          --seed <seed>           Seed of a new network and of task data (as 'train').
                                  (default: 0)
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "spectrum gradients": #"""
        OVERVIEW: Norm of the gradient ∂L_t/∂s_(t−ℓ) of one step's loss against the lag
        ℓ (vanishing, exploding).

        For the loss term of step t (--time, default T) of one sequence (--sequence),
        L_t = (c/d_out)·Σ_k (ŷ_(t,k) − y_(t,k))² with c = ½ (half-mse, the default and
        the tasks' loss) or 1 (--loss mse), the gradient with respect to the state ℓ
        steps earlier, ∂L_t/∂s_(t−ℓ) = (∂L_t/∂y_t)(∂y_t/∂s_(t−1)) D_(t−1) ⋯ D_(t−ℓ+1),
        is propagated by exact Jacobian transposes with its scale kept apart, so norms
        far below 1e-308 or above 1e308 are exact (reported as natural logarithms;
        '-inf (zero)' for an exactly zero gradient). Data without targets use the unit
        cotangent ∂L_t/∂y_t = (1, …, 1)/√d_out. The norms are given over the joint
        state of all layers and over the hidden part h of the last layer (for the LSTM
        without its cell state). The slope of log‖∂L_t/∂s_(t−ℓ)‖ against ℓ (least
        squares over the lags) is the rate per step at which the gradient decays
        (negative: vanishing) or grows (positive: exploding) (Bengio, Simard & Frasconi
        1994; Pascanu, Mikolov & Bengio 2013).

        JSON keys: the network and data (as 'jacobian'), sequence, time, cotangent
        (loss or unit), loss_kind, lags, log_state_norms, log_hidden_norms (null for an
        exactly zero gradient), log_norm_slope, figures, saved.

        --figures DIR: gradients.svg (both norms against ℓ, log axis; gradients.csv
        holds log10 of them). --save DIR: lags, log_state_norms, log_hidden_norms.

        USAGE: rnnmem spectrum gradients <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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

        LOSS:
          --loss <kind>           Loss on --data targets: half-mse = ½·mean (ŷ − y)²
                                  over steps, sequences and outputs (default), mse =
                                  mean (ŷ − y)². (values: half-mse, mse)
          --burn-in <k>           Leave the first k steps out of the loss (burn-in;
                                  default 0).

        OUTPUT:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --figures <dir>         Write the figures (SVG by gnuplot, and the CSV data
                                  beside each) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --progress <style>      Progress on standard error for runs longer than 2 s:
                                  auto, bar, lines, none. (values: auto, bar, lines,
                                  none; default: auto)

        OPTIONS:
          --recurrent-gain <g>    New --model rnn: redraw every layer's W_hh with
                                  i.i.d. N(0, g²/N) entries from the seed (spectral
                                  radius ≈ g).
          --sequence <b>          Which sequence of the data (0-based; default 0).
                                  (default: 0)
          --time <t>              The step t of the loss term (default T).
          --lags <K>              Largest lag K ≤ t (default t).
          --seed <seed>           Seed of a new network and of task data (as 'train').
                                  (default: 0)
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "spectrum lyapunov": #"""
        OVERVIEW: Lyapunov spectrum by the QR method: of a network on its input, or of
        a random tanh/rate network.

        Method (Benettin et al. 1980; Engelken, Wolf & Abbott 2023): a random
        orthonormal frame of k tangent vectors (--exponents k, default all n) is
        carried along the trajectory, Q ← D_t Q, and re-orthonormalised by Householder
        QR every t_ONS steps (--renormalize-every, default 1), R_ii ≥ 0; λ_i = Σ log
        R_ii / (steps · Δt). Phases: --transient (the state alone), --warm-up (frame
        evolved, nothing accumulated; default steps/10), --steps (accumulated). Checks
        reported with every run: Σ_i λ_i = ⟨log|det D_t|⟩ (with all n exponents), λ₁
        from two trajectories at distance --perturbation (renormalised every step), the
        participation ratio 1/Σ q_i⁴ of the leading Lyapunov vector, the Kaplan–Yorke
        dimension; finite-time exponents over windows of --window-steps.

        Systems: (1) a network (--weights or --model) driven by its data (--task or
        --data): the conditional spectrum of the joint state along each of the first
        --sequences sequences from the zero state (exponents per step; default steps:
        the whole sequence after the transient, 10/11 accumulated and 1/11 warm-up);
        with several sequences the mean and the sample standard deviation over them.
        (2) --random-tanh: h ← J tanh(h), J_ij ~ N(0, g²/N) (--n N, --gain g; exponents
        per step; default 1000 steps after a 200-step transient); the annealed
        mean-field λ₁ = ½ ln(g² E[sech⁴ h]) is printed beside (0 < λ₁ marks chaos; ln g
        for g ≤ 1 as N → ∞). (3) --random-rate: τ dh/dt = −h + J tanh(h), J_ii = 0,
        Euler step --dt (in units of τ, default 0.1; exponents per τ; default 1000
        steps after a 1000-step transient); a chaotic flow has one exponent ≈ 0. Random
        couplings and h_0 come from --seed s, frames and perturbations from s + 3.
        --gains a:b:step (or a list a,b,c) runs (2) or (3) for each gain with the same
        couplings scaled (default --exponents 1): λ₁ against the gain.

        JSON keys (one run): system {kind, state_size, gain, dt, seed, sequences},
        exponents (descending), sum, mean_log_abs_det (null unless all n exponents),
        two_trajectory_lambda1, identity_error (|sum − mean_log_abs_det|),
        mean_field_lambda1 (random tanh; else null), origin_exponents (random networks:
        the exponents of the fixed point h = 0, the Lyapunov exponents when it
        attracts; else null), exponent_standard_deviations (over sequences; zeros for
        one), kaplan_yorke_dimension (null if undetermined), positive_exponent_sum,
        leading_vector_participation_ratio, dimension, steps, transient_steps,
        warm_up_steps, renormalization_interval, time_step, window_steps,
        finite_time_exponents (per window, frame order), figures, saved; with a network
        also its fields and data. With --gains: system, gains, lambda1,
        two_trajectory_lambda1, mean_field_lambda1 (null entries for the rate network),
        exponents (per gain), steps, transient_steps, warm_up_steps, figures, saved.

        --figures DIR: lyapunov-spectrum.svg (λ_i against i; lyapunov-spectrum.csv),
        with windows lyapunov-finite-time.svg (.csv); with --gains lyapunov-gain.svg
        (λ₁ against g, two-trajectory and mean-field; lyapunov-gain.csv). --save DIR:
        exponents, finite_time_exponents [windows, k], leading_vector; with --gains
        gains, lambda1, two_trajectory_lambda1, mean_field_lambda1, exponents [gains,
        k].

        USAGE: rnnmem spectrum lyapunov <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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

        OUTPUT:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --figures <dir>         Write the figures (SVG by gnuplot, and the CSV data
                                  beside each) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --progress <style>      Progress on standard error for runs longer than 2 s:
                                  auto, bar, lines, none. (values: auto, bar, lines,
                                  none; default: auto)

        OPTIONS:
          --recurrent-gain <g>    New --model rnn: redraw every layer's W_hh with
                                  i.i.d. N(0, g²/N) entries from the seed (spectral
                                  radius ≈ g).
          --random-tanh           The random tanh map h ← J tanh(h), J_ij ~ N(0, g²/N),
                                  instead of a network.
          --random-rate           The random rate network τ dh/dt = −h + J tanh(h)
                                  (Euler, J_ii = 0), instead of a network.
          --n <N>                 Random network: size N (default 200). (default: 200)
          --gain <g>              Random network: gain g (default 1.5 for
                                  --random-tanh, 4 for --random-rate).
          --gains <gains>         Random network: a sweep of gains, a:b:step or a list
                                  a,b,… (λ₁ against g).
          --dt <dt>               --random-rate: Euler step Δt/τ in (0, 1] (default
                                  0.1). (default: 0.1)
          --steps <n>             Steps accumulated (see above for the defaults).
          --transient <n>         Steps of the state alone first (see above).
          --warm-up <n>           Steps with the frame but no accumulation (default
                                  steps/10).
          --exponents <k>         Number k of leading exponents (default all; 1 with
                                  --gains).
          --renormalize-every <t> Re-orthonormalise every t_ONS steps (default 1).
                                  (default: 1)
          --window-steps <w>      Finite-time exponents over windows of this many steps.
          --perturbation <eps>    Distance of the two-trajectory estimate of λ₁
                                  (default 1e-6). (default: 1e-06)
          --sequences <n>         Network: the first this many sequences of the data
                                  (default 1). (default: 1)
          --seed <seed>           Seed: random couplings, new network, task data;
                                  frames from s + 3. (default: 0)
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "spectrum hessian": #"""
        OVERVIEW: Eigenvalues, trace and localisation of the loss Hessian (or
        Gauss–Newton, empirical Fisher).

        The loss is the engine's mean squared error over every scored step, sequence
        and output of the data (½·MSE by default and for the tasks; --loss mse,
        --burn-in k for --data files; a task uses its own loss). Matrices (--matrix):
        hessian = ∂²L/∂θ² (exact Hessian-vector products, forward-over-reverse),
        gauss-newton = JᵀH_ℓJ (positive semidefinite, = the Hessian at a zero-loss
        optimum), fisher = the empirical Fisher Σ_n π_n g_n g_nᵀ of the per-sequence
        gradients (not the Fisher information in general: Kunstner, Balles & Hennig
        2019). --groups restricts the matrix to some parameter groups (its principal
        submatrix).

        --method full (default for P ≤ 1500; P ≤ 4096): P products assemble the matrix,
        LAPACK dsyevd gives every eigenvalue; --method lanczos: the --top k most
        positive and --bottom k most negative eigenpairs by Lanczos with full
        reorthogonalisation (by sign, not magnitude), at most --lanczos-steps steps;
        every returned pair has its residual ‖Av − λv‖ from an explicit product. Trace:
        exact with the full method; otherwise (or with --trace) Hutchinson with
        --probes Rademacher vectors, or Hutch++ with --probes products in all (≥ 6),
        with its standard error. Localisation of each top eigenvector v (unit): inverse
        participation ratio Σ v_i⁴ (1/P spread, 1 one parameter), participation ratio
        1/IPR, and per parameter group the share Σ_(i∈g) v_i² (shares sum to 1), the
        IPR within the group and the enrichment share/(|g|/P). --adam-state FILE:
        Adam's effective learning rates lr/(√v̂ + ε) per group (see --adam-state).

        JSON keys: the network and data (as 'jacobian'), loss {kind, burn_in, value},
        matrix, method, dimension, groups, eigenvalues (ascending; full method, else
        null), top (descending) and bottom (ascending) eigenvalues, residuals {top,
        bottom}, trace {estimate, standard_error, method, probes, operator_products}
        (method exact for the full method without --trace), exact_trace (full) or null,
        lanczos {steps, converged, restarts, operator_products} or null,
        relative_asymmetry (full) or null, localization {groups [{name, size}], vectors
        [{eigenvalue, inverse_participation_ratio, participation_ratio, group_shares,
        group_inverse_participation_ratios, group_enrichments}]}, adam {file,
        optimizer, learning_rate, step_count, beta2, epsilon, groups [{name, count,
        mean, median, minimum, maximum, geometric_mean}]} or null, figures, saved.

        --figures DIR: hessian-localization.svg (heat map of each top eigenvector's
        share per group; hessian-localization.csv) and hessian-eigenvalues.svg (every
        eigenvalue against its index with the full method, the top and bottom ones with
        Lanczos; hessian-eigenvalues.csv). --save DIR: eigenvalues [P] and eigenvectors
        [P, P] (column j for eigenvalue j; full method), top_eigenvalues,
        top_eigenvectors [P, k], top_residuals, bottom_eigenvalues,
        bottom_eigenvectors, bottom_residuals, group_shares [k, groups], adam_rates [P].

        USAGE: rnnmem spectrum hessian <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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

        LOSS:
          --loss <kind>           Loss on --data targets: half-mse = ½·mean (ŷ − y)²
                                  over steps, sequences and outputs (default), mse =
                                  mean (ŷ − y)². (values: half-mse, mse)
          --burn-in <k>           Leave the first k steps out of the loss (burn-in;
                                  default 0).

        CURVATURE:
          --matrix <name>         Matrix: hessian (exact HVPs), gauss-newton (JᵀH_ℓJ),
                                  fisher (empirical Fisher, not the Fisher
                                  information). (values: hessian, gauss-newton, fisher;
                                  default: hessian)
          --method <full|lanczos> full (every eigenvalue, P ≤ 4096) or lanczos
                                  (matrix-free; default when P > 1500). (values: full,
                                  lanczos)
          --groups <list>         Restrict to these parameter groups (comma-separated
                                  names, e.g. layer0.W_hh): the principal submatrix.

        ADAM:
          --adam-state <file>     Adam's state (safetensors: second_moment [P],
                                  metadata step_count, beta2, epsilon, learning_rate):
                                  effective learning rates per group.
          --adam-lr <lr>          With --adam-state: the learning rate lr (default: the
                                  file's).

        OUTPUT:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --figures <dir>         Write the figures (SVG by gnuplot, and the CSV data
                                  beside each) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --progress <style>      Progress on standard error for runs longer than 2 s:
                                  auto, bar, lines, none. (values: auto, bar, lines,
                                  none; default: auto)

        OPTIONS:
          --recurrent-gain <g>    New --model rnn: redraw every layer's W_hh with
                                  i.i.d. N(0, g²/N) entries from the seed (spectral
                                  radius ≈ g).
          --top <k>               Number of most positive eigenpairs (default 5).
                                  (default: 5)
          --bottom <k>            Number of most negative eigenpairs (default 5).
                                  (default: 5)
          --trace <name>          Trace estimator: hutchinson or hutch++ (default:
                                  exact with --method full, else hutchinson). (values:
                                  hutchinson, hutch++)
          --probes <n>            Trace: Hutchinson's probe vectors, or Hutch++'s
                                  products in all (default 30). (default: 30)
          --lanczos-steps <m>     Lanczos: largest number of steps (default min(P,
                                  max(80, 4(top + bottom) + 20))).
          --seed <seed>           Seed of a new network and task data (as 'train');
                                  start and probe vectors from s + 3. (default: 0)
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "spectrum density": #"""
        OVERVIEW: Spectral density of the loss Hessian (or Gauss–Newton, empirical
        Fisher) by stochastic Lanczos quadrature.

        Loss, matrices and --groups as in 'spectrum hessian'. --method lanczos
        (default): stochastic Lanczos quadrature (Ubaru, Chen & Saad 2017; Lin, Saad &
        Yang 2016): for each of --probes Rademacher vectors, --lanczos-steps m steps of
        Lanczos with full reorthogonalisation give a Gauss quadrature rule whose nodes
        are the Ritz values θ_k and whose weights are the squared first components of
        the tridiagonal's eigenvectors (Σ w_k = 1 per probe). --method full: the exact
        eigenvalues, each with weight 1/P. The density φ(t) = mean over probes of Σ_k
        w_k N(t; θ_k, σ²) integrates to 1 (multiply by P for a count density); σ² is a
        variance (--variance; default 1e-5·max(1, θ_max − θ_min), PyHessian's),
        evaluated on --points equally spaced points from θ_min − 5σ to θ_max + 5σ. Also
        reported: the SLQ estimate of the trace P·mean Σ_k w_k θ_k (exact with --method
        full).

        JSON keys: the network, data, loss, matrix, method, dimension, groups (as
        'hessian'), grid, density, variance, probes, lanczos_steps, nodes (per probe),
        node_weights (per probe), node_range [min, max], trace_estimate, figures,
        saved.

        --figures DIR: density.svg (φ on a log axis; density.csv). --save DIR: grid,
        density [points], nodes, node_weights, probe (the probe of each node) [nodes].

        USAGE: rnnmem spectrum density <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               The weights file is a PyTorch state dict (give
                                  --model rnn|lstm|gru).
          --model <name>          Architecture: of a new network (rnn, lstm, gru,
                                  linear, cdiag, lru, mrnn, mrnnf, mlstm, mlstmf), or
                                  with --pytorch the module (rnn = tanh, lstm, gru).
                                  (values: rnn, lstm, gru, linear, cdiag, lru, mrnn,
                                  mrnnf, mlstm, mlstmf)
          --recurrent-prefix <prefix>
                                  With --pytorch: prefix of the recurrent module's
                                  tensors (e.g. 'rnn.').
          --readout-prefix <prefix>
                                  With --pytorch: prefix of the readout's weight and
                                  bias (e.g. 'fc.'). (default: linear.)
          --no-readout            With --pytorch: the file has no readout; the model
                                  outputs the top layer's h.
          --hidden <N>            Hidden width N of each layer (default 32).
          --layers <L>            Number of stacked layers (default 1; mrnn, mrnnf: 1).
          --window <K>            Fractional filter window K of mrnn, mrnnf, mlstm,
                                  mlstmf (default 100 for mrnn/mrnnf, 25 for
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

        LOSS:
          --loss <kind>           Loss on --data targets: half-mse = ½·mean (ŷ − y)²
                                  over steps, sequences and outputs (default), mse =
                                  mean (ŷ − y)². (values: half-mse, mse)
          --burn-in <k>           Leave the first k steps out of the loss (burn-in;
                                  default 0).

        CURVATURE:
          --matrix <name>         Matrix: hessian (exact HVPs), gauss-newton (JᵀH_ℓJ),
                                  fisher (empirical Fisher, not the Fisher
                                  information). (values: hessian, gauss-newton, fisher;
                                  default: hessian)
          --method <full|lanczos> full (every eigenvalue, P ≤ 4096) or lanczos
                                  (matrix-free; default when P > 1500). (values: full,
                                  lanczos)
          --groups <list>         Restrict to these parameter groups (comma-separated
                                  names, e.g. layer0.W_hh): the principal submatrix.

        OUTPUT:
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --figures <dir>         Write the figures (SVG by gnuplot, and the CSV data
                                  beside each) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --progress <style>      Progress on standard error for runs longer than 2 s:
                                  auto, bar, lines, none. (values: auto, bar, lines,
                                  none; default: auto)

        OPTIONS:
          --recurrent-gain <g>    New --model rnn: redraw every layer's W_hh with
                                  i.i.d. N(0, g²/N) entries from the seed (spectral
                                  radius ≈ g).
          --lanczos-steps <m>     Lanczos steps per probe (default min(P, 100)).
          --probes <n>            Number of Rademacher probe vectors (default 4).
                                  (default: 4)
          --variance <s2>         Variance σ² of the Gaussian kernel (default
                                  1e-5·max(1, range)).
          --points <n>            Number of grid points (default 2000). (default: 2000)
          --seed <seed>           Seed of a new network and task data (as 'train');
                                  probe vectors from s + 3. (default: 0)
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
