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
        autocovariances and exact simulation, sample ACF and periodogram, twelve
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
        finite differences; 'spectrum' gives Jacobian, Lyapunov and Hessian spectra;
        'curse' the curse of memory (sensitivities, landscapes, trained students);
        'memory' probes a network's memory (capacity, information processing capacity,
        horizon, connectivity, response coefficients, d of its states).

        Output: plain text (one value per line, a CSV table or a report), or one JSON
        object with --json (snake_case keys, listed in each command's help); --output
        FILE writes it to a file. Notes, warnings and progress go to standard error.
        The same arguments and --seed give the same bytes. Errors print one line
        'rnnmem: error: …' to standard error and exit with status 2.

        Limits: a command that would need more memory than RNNMEM_MEMORY_LIMIT
        (default: the smallest of half the physical memory, half the cgroup limit and
        80% of the address space left under 'ulimit -v'; e.g. RNNMEM_MEMORY_LIMIT=64G)
        is refused before it allocates; input files are read up to a quarter of that
        limit in bytes and RNNMEM_MAX_ROWS rows (default 100000000).

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
          curse                   The curse of memory: sensitivities of recurrent
                                  states to their parameters, landscapes, Hessians,
                                  trained students.
          memory                  Memory of a network: capacity, IPC, horizon,
                                  connectivity, response coefficients, d of its states.

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

        Computed (n ≥ 100, finite, not constant). Primary estimators: whittle — Whittle
        ARFIMA(p,d,q) with p, q ≤ 3 selected by BIC = −2ℓ̂ + (p + q + 2) log n (Schwarz
        1978; the fast Whittle likelihood, one periodogram for all 16 fits); lpw —
        local polynomial Whittle, r = 1 (Andrews & Sun 2004), robust to AR-type
        dynamics; elw — exact local Whittle, Shimotsu 2010 mean correction, valid for
        nonstationary d (Shimotsu & Phillips 2005); lpw and elw with m = ⌊n^0.65⌋.
        Corroborating: lw (local Whittle, Robinson 1995), the ARFIMA(0,d,0) Whittle fit
        when another order is selected, GPH (m = ⌊n^0.5⌋). Heuristics (supporting
        only): R/S, DFA-1, aggregated variance. Tests of short memory: Lo's modified
        R/S, V/S, KPSS (level); Wald tests of d = 0. Against spurious long memory: Qu's
        (2011) W (m = ⌊n^0.7⌋, ε = 0.02 for n > 500, else 0.05), the sample-splitting
        test of constant d (after Shimotsu 2006: lw on 4 blocks, 2 when n < 1000, χ²),
        the least-squares mean shift (Bai 1994) with elw on the adjusted series
        (descriptive). Also: the Definition-1 slope (signed partial sums of the sample
        ACF, K ≤ n/10), a periodicity check (periodogram peaks against a local
        power-law background, family-wise 1%), ACF decay.

        Verdict, rule v2 (first step that applies). A primary estimate is significant
        when |d̂/s.e.| > c_n = max(1.96, √(log n)) — for the ARFIMA fit, z² > log n is
        the Wald form of "adding d lowers BIC" (Schwarz 1978). (1) fewer than 2 primary
        estimates → inconclusive; (2) a significant periodogram peak inside the band j
        ≤ m of lpw/elw → inconclusive (a cycle is not a pole at λ = 0); (3) elw's 95%
        CI above ½ → nonstationary (Shimotsu & Phillips 2005); (4) the stationary
        Whittle fit within 0.001 of its bound ±0.499 → inconclusive (evidence that |d|
        ≥ ½, not an estimate; the reasons give elw's CI — at the boundary only when it
        holds values on both sides of ½ — and, when Qu's or the sample-splitting test
        rejects as in 6, "structural break or long memory — inconclusive" naming the
        test and the mean shift); (5) ARFIMA d significantly > 0 but lpw (Andrews & Sun
        2004) differs from it by more than c_n of its s.e. → inconclusive; (6) ARFIMA d
        significantly > 0 and Qu's test (Qu 2011) rejects at 2.5% or the
        sample-splitting test (after Shimotsu 2006) at 1% → inconclusive: "structural
        break or long memory — inconclusive", naming the test, its statistic and
        p-value, and the least-squares mean shift (Bai 1994) with elw on the series
        without it; (7) ARFIMA d significantly > 0 → long memory; (8) ARFIMA d
        significantly < 0 → antipersistent (inconclusive if lpw, Andrews & Sun 2004,
        disagrees as in 5); (9) otherwise → short memory, unless lpw is significant
        (inconclusive) or all 3 of Lo's modified R/S (Lo 1991), V/S (Giraitis et al.
        2003) and KPSS (Kwiatkowski et al. 1992) reject toward persistence
        (inconclusive). Measured error rates: the calibration study in the README.
        Several columns: one report each, then an overall verdict (nonstationary if any
        column is, else long memory if any column is — Zhao et al. 2020 — else
        inconclusive if any is, else antipersistent if all are, else short memory).

        --json keys: input, column, transform, n, verdict (short_memory, long_memory,
        antipersistent, nonstationary, inconclusive), verdict_text, rule_version,
        rule_step, threshold, d, d_method, hurst, reasons[], caveats[],
        primary_classes[], persistent_rejections, short_memory_tests, confidence_level,
        test_level, estimates[] (role, method, name, variant, d, se, ci [lower, upper],
        ci_level, n, bandwidth, trimming, order, scales, tuning, hurst,
        hurst_definition, alternative_se, auxiliary, objective, notes),
        failed_estimates[], tests[] (name, method, statistic, critical_value, level,
        alternative, reject, rejection_side, p_value, p_value_kind, p_value_bounds,
        null_hypothesis, alternative_hypothesis, n, lags, lag_rule, bandwidth,
        estimate_method, critical_values, lag_profile, auxiliary, notes),
        failed_tests[], order_selection {criterion, max_p, max_q, selected {p, q},
        candidates[] {p, q, bic, d}}, spurious {qu {statistic, critical_value, level,
        reject, p_value_bounds, bandwidth, trimming, d, scale}, sample_splitting
        {blocks, block_bandwidth, block_d, block_se, full_sample_d, statistic,
        degrees_of_freedom, p_value, level, reject}, differencing {d, bandwidth,
        demeaning, statistic, lags, p_value, p_value_kind, p_value_bounds,
        critical_value, rejects_at_5pct}, mean_shift {location, standardized_shift,
        statistic, adjusted}}, failed_checks[], definition1, periodicity, acf_decay,
        spectral_fit, figures. Several columns: {input, transform, n, verdict,
        verdict_text, columns: [one object per column]}. Non-finite numbers are null.

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
        ⌊n^0.65⌋), lpw (local polynomial Whittle of Andrews & Sun 2004, r = 1, m =
        ⌊n^0.65⌋; robust to AR-type dynamics), elw (exact local Whittle, Shimotsu 2010
        mean correction; valid for nonstationary d), elw2 (two-step ELW), whittle
        (parametric ARFIMA(p,d,q) Whittle), hr (Haslett–Raftery approximate MLE), mle
        (exact Gaussian MLE, n ≤ 20000), css (conditional sum of squares), rs (R/S,
        Anis–Lloyd–Peters), dfa (DFA-q), aggvar (aggregated variance). Standard errors:
        1/(2√m) for lw/elw, √(c_r/(4m)) for lpw (c₁ = 9/4), (π²/6)/Σ(X_j − X̄)² for gph,
        the Whittle Fisher information for the parametric fits; the heuristics' s.e.
        are regression s.e. and unreliable.

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
          --bias-reduction <r>    Bias-reduction order r = 0…4: Andrews–Guggenberger
                                  (gph), local polynomial order (lpw, default 1).
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
          --method <method>       Estimator of d (see above). (values: gph, lw, lpw,
                                  elw, elw2, whittle, hr, mle, css, rs, dfa, aggvar)
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
                                  (values: gph, lw, lpw, elw, elw2, whittle, hr, mle,
                                  css, rs, dfa, aggvar)
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
        task settings and seed in its metadata), loss.csv (the loss curve),
        summary.json (the training summary, snake_case keys) and, for --optimizer adam
        or adamw, optimizer.safetensors: Adam's state after the last update, read by
        `spectrum hessian --adam-state` (tensors second_moment and first_moment [P];
        metadata optimizer, step_count, beta1, beta2, epsilon, weight_decay,
        learning_rate of the last update, parameter_checksum of weights.safetensors,
        returned_parameters: with bestValidation the state belongs to the later, final
        parameters). SGD keeps no second moment: no optimizer.safetensors then. Best
        parameters: every evaluated parameter set competes, the final one included
        (best_validation_step = steps + 1 then: step s evaluates the parameters before
        update s), so the returned model is never worse on the validation data than the
        final one; for series, Zhao et al.'s selection keeps the parameters after the
        best-scoring update, so its best_validation_loss belongs to the parameters
        before that update (best_parameter_selection after_update) and
        returned_validation_loss is the kept parameters' own.

        Standard output: a report of the run; with --json one object with the keys
        architecture, hidden_size, layer_count, parameter_count, task, task_settings,
        seed (--seed), seeds {model, task, trainer} (the seeds derived from it), steps,
        requested_steps, epochs, stop_reason, final_training_loss,
        final_validation_loss, best_validation_loss, best_validation_step,
        best_parameter_selection (evaluated or after_update), returned_parameters
        (final or best_validation), returned_validation_loss, test_loss, test_metrics,
        parameter_checksum, files {weights, loss, summary, optimizer (null without
        Adam's state)} (absent losses are null). summary.json holds the library's
        training summary (snake_case keys and values; its configuration's seed is named
        trainer_seed), seed and seeds as here, the checksum and the weights' metadata.

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
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
        rnn, lstm and gru only: linear, cdiag, lru, mrnn, mrnnf, mrnnw, mlstm and
        mlstmf have no PyTorch module and are an error with --pytorch. Reading the file
        back with 'rnnmem eval --weights FILE --pytorch --model NAME' gives the same
        parameters, bit for bit (F64). Without --pytorch the file is rnnmem weights
        (any architecture).

        JSON keys: weights, kind, architecture, input_size, hidden_size, output_size,
        layer_count, parameter_count, parameter_checksum, format (pytorch or rnnmem),
        module (nn.RNN, nn.LSTM, nn.GRU or null), dtype, output, tensors (the names
        written).

        USAGE: rnnmem export [<options>] --output <file>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
        status, exit_status, wall_time_seconds, error), failed[], rerun[] (cell,
        reason: the failed or corrupt result it replaced; said on standard error even
        with --progress none). Exit status 2 when a cell failed (its result is kept and
        it is rerun next time).

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
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
        where it holds). '-inf (zero)' is an exactly zero singular value (log 0, e.g.
        with a zero recurrent matrix); where the product itself is zero the bound holds
        trivially and the margin cell is left blank (undefined).

        JSON keys: the network and data (as 'jacobian'), sequence, anchor, time,
        state_size, lags, log_singular_values (per lag, descending),
        log_spectral_norms, finite_time_exponents ((1/ℓ)·log σ_i at the largest lag),
        pascanu {applicable, reason, gamma, recurrent_norm, holds, first_violation
        {lag, t, k} or null, log_margins}, figures, saved. A logarithm of an exactly
        zero value ('-inf (zero)' in the report) is null in JSON, and so is the margin
        of a zero product; any other non-finite result is an error.

        --figures DIR: products-singular-values.svg (σ_i against the lag, log axis,
        with the Pascanu bound; products-singular-values.csv holds log10 σ_i per lag).
        --save DIR: lags [L], log_singular_values [L, S], pascanu_log_margins [L] (when
        applicable).

        USAGE: rnnmem spectrum products <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
        exactly zero gradient, '-inf (zero)' in the report), log_norm_slope (null with
        fewer than two non-zero norms), figures, saved.

        --figures DIR: gradients.svg (both norms against ℓ, log axis; gradients.csv
        holds log10 of them). --save DIR: lags, log_state_norms, log_hidden_norms.

        USAGE: rnnmem spectrum gradients <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
        two_trajectory_lambda1 (null when not computed or undefined: when the perturbed
        trajectory overflows or merges with the reference one, the reason is a note on
        standard error and 'undefined (reason)' in the report; the QR exponents stand),
        identity_error (|sum − mean_log_abs_det|), mean_field_lambda1 (random tanh;
        else null), origin_exponents (random networks: the exponents of the fixed point
        h = 0, the Lyapunov exponents when it attracts; else null),
        exponent_standard_deviations (over sequences; zeros for one),
        kaplan_yorke_dimension (null if undetermined), positive_exponent_sum,
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
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
        --diagonal: the diagonal of the matrix, summarised per group by its mean —
        exact with the full method (standard error 0), else the estimate of Bekas,
        Kokiopoulou & Saad (2007) Σ z⊙Az / Σ z⊙z with --probes Rademacher vectors, the
        group mean's standard error from the spread of its per-probe values.

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
        mean, median, minimum, maximum, geometric_mean}]} or null, diagonal {method
        (exact or bekas-kokiopoulou-saad), probes, by_group [{group, size, mean,
        standard_error}]} or null (without --diagonal), figures, saved.

        --figures DIR: hessian-localization.svg (heat map of each top eigenvector's
        share per group; hessian-localization.csv) and hessian-eigenvalues.svg (every
        eigenvalue against its index with the full method, the top and bottom ones with
        Lanczos; hessian-eigenvalues.csv). --save DIR: eigenvalues [P] and eigenvectors
        [P, P] (column j for eigenvalue j; full method), top_eigenvalues,
        top_eigenvectors [P, k], top_residuals, bottom_eigenvalues,
        bottom_eigenvectors, bottom_residuals, group_shares [k, groups], adam_rates
        [P], diagonal [P] and (estimate) diagonal_standard_errors [P] with --diagonal.

        USAGE: rnnmem spectrum hessian <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
          --adam-state <file>     Adam's state (train's optimizer.safetensors:
                                  second_moment [P], metadata step_count, beta2,
                                  epsilon, learning_rate): effective learning rates per
                                  group.
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
          --diagonal              Diagonal per group: exact with --method full, else
                                  estimated with --probes Rademacher vectors.
          --seed <seed>           Seed of a new network and task data (as 'train');
                                  start and probe vectors from s + 3. (default: 0)
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "spectrum density": #"""
        OVERVIEW: Spectral density of the loss Hessian (or Gauss–Newton, empirical
        Fisher) by stochastic Lanczos quadrature.

        Loss, matrices and --groups as in 'spectrum hessian'. Method: full when P ≤
        1500, lanczos above, unless --method says otherwise. --method lanczos:
        stochastic Lanczos quadrature (Ubaru, Chen & Saad 2017; Lin, Saad & Yang 2016):
        for each of --probes Rademacher vectors, --lanczos-steps m steps of Lanczos
        with full reorthogonalisation give a Gauss quadrature rule whose nodes are the
        Ritz values θ_k and whose weights are the squared first components of the
        tridiagonal's eigenvectors (Σ w_k = 1 per probe). --method full: the exact
        eigenvalues, each with weight 1/P; --probes and --lanczos-steps belong to SLQ:
        --lanczos-steps is refused with the full method, and so is --probes with an
        explicit --method full (when the full method is the default for a small P,
        --probes is ignored with a note). The density φ(t) = mean over probes of Σ_k
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
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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
          --probes <n>            SLQ: number of Rademacher probe vectors (default 4).
          --variance <s2>         Variance σ² of the Gaussian kernel (default
                                  1e-5·max(1, range)).
          --points <n>            Number of grid points (default 2000). (default: 2000)
          --seed <seed>           Seed of a new network and task data (as 'train');
                                  probe vectors from s + 3. (default: 0)
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "curse": #"""
        OVERVIEW: The curse of memory: sensitivities of recurrent states to their
        parameters, landscapes, Hessians, trained students.

        As a recurrent network's memory grows, its states become ever more sensitive to
        its recurrent parameters, even without exploding gradients (Zucchet & Orvieto
        2024, NeurIPS, arXiv 2405.21064). For h_t = λh_(t−1) + x_t with input
        autocorrelation ρ^|Δ|, E[h²] grows like (1 − λ)^−1 but E[(d_λh)²] like (1 −
        λ)^−3, and (1 − λ)^−4 at ρ = 1; normalisation by γ = √(1 − |λ|²) and the exp
        (LRU) or optimal parametrisations tame the modulus direction.

        'sensitivity' prints a closed form beside a Monte-Carlo estimate; 'gru' does
        the same for a constant-gate GRU and measures it on the engine's GRU;
        'landscape' writes the one-dimensional teacher–student loss and its curvature
        (Fig. 1, 6) or a grid with Adam's paths (Fig. 7); 'hessian' analyses the
        Hessians at the optimum of a dense and a complex-diagonal network (Fig. 4, 9);
        'propagation' measures activity and gradients of a deep stack at initialisation
        against memory (Fig. 5); 'teacher-student' trains a student on linear-system
        identification and reports its final loss and Adam's effective learning rates
        (Fig. 3, 4).

        USAGE: rnnmem curse <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          sensitivity             Print a closed-form sensitivity E[(∂h̃/∂ω)²] of h_t =
                                  λh_(t−1) + x_t, with a Monte-Carlo check.
          gru                     Print E[h²] and E[(d_z h)²] of a constant-gate GRU:
                                  closed form, Monte Carlo, the engine's GRU.
          landscape               Write the teacher–student loss and its curvature
                                  along |λ| or θ (Fig. 1, 6), or a grid with Adam paths
                                  (Fig. 7).
          hessian                 Compare the Hessians at the optimum of a dense and a
                                  complex-diagonal linear RNN (Fig. 4, 9).
          propagation             Print activity and gradient magnitudes per layer of a
                                  deep complex-diagonal stack at initialisation,
                                  against memory.
          teacher-student         Train a student on linear-system identification;
                                  print its final loss and Adam's effective learning
                                  rates.

          See 'rnnmem help curse <subcommand>' for detailed help.
        """#,
        "curse sensitivity": #"""
        OVERVIEW: Print a closed-form sensitivity E[(∂h̃/∂ω)²] of h_t = λh_(t−1) + x_t,
        with a Monte-Carlo check.

        The unit h_t = λh_(t−1) + x_t, λ = νe^(iθ), is driven by a stationary zero-mean
        input with autocorrelation ρ^|Δ| (--rho) or Σ c_k ρ_k^|Δ| (--acf); h̃ = γh with
        γ = √(1 − |λ|²) under --normalized. The quantity is an entry of E[Re(∂_(ω_i)h̃
        conj ∂_(ω_j)h̃)] in the coordinates ω of --param (none: ω = (Re λ, Im λ); polar:
        (ν, θ); exp: ν = exp(−e^ω₁), θ = e^ω₂ as the LRU; optimal: ν = tanh ω₁, θ =
        ω₂(1 − ν²)/(ν√(1 + ν²))), i.e. the Hessian at the optimum of the one-unit
        teacher–student loss (Zucchet & Orvieto 2024, NeurIPS, §2–3), or the activity
        E|h̃|². For a real λ, --param none, the first entry is E[(d_λh)²] =
        [(1+λ²)(1−λ²ρ²) + 2λρ(1−λ²)]/[(1−λ²)³(1−λρ)²]. --lambda is a real λ in (−1, 1),
        or with --theta the modulus ν ∈ [0, 1).

        --limit reports the leading behaviour as |λ| → 1 at the given phase instead: a
        divergence C·(1 − |λ|)^−p (e.g. p = 3 for E[(d_λh)²] at ρ < 1, p = 4 at ρ = 1),
        printed 'infinite' with its order, or a finite limit (¼ for the exp modulus
        entry at ρ = 0). Values are never NaN.

        --monte-carlo simulates the forward-mode recursion s_t = λs_(t−1) + h_(t−1)
        over --chains independent chains (burn-in ⌈30/(1 − ν) + 30/(1 − ρ_max)⌉ unless
        --burn-in), --samples samples per chain --spacing steps apart, and prints the
        estimate, its standard error (standard deviation of the chains' averages over
        √chains) and z = (estimate − closed form)/standard error. The same --seed gives
        the same bytes, with any number of threads. A run longer than 2 s reports the
        chains done on standard error (--progress). A --burn-in below the rule gives a
        note (the estimate then carries the transient); an estimate with a zero
        standard error (every chain equal, e.g. --burn-in 0) is refused: it has no z.

        JSON (--json): quantity, description, lambda (null with --limit), theta, acf,
        parametrization, normalized, closed_form (a number, or "infinite"), asymptotic
        {order, coefficient} (the leading behaviour C·(1 − |λ|)^−order as |λ| → 1;
        order 0: the finite limit C), and with --monte-carlo monte_carlo {estimate,
        standard_error, z}, chains, burn_in, seed. --figures DIR draws the quantity
        against 1 − |λ| ∈ [10^−6, 0.99] at this phase beside its leading term
        (sensitivity.csv/svg); --save DIR writes closed_form, monte_carlo (estimate,
        standard error, z) and that curve as .npy.

        USAGE: rnnmem curse sensitivity <options>

        INPUT:
          --rho <rho>             Input autocorrelation ρ^|Δ| (unit variance), 0 ≤ ρ ≤
                                  1 (default 0: white noise).
          --acf <list>            Input autocorrelation Σ c_k ρ_k^|Δ| as
                                  'c1:rho1,c2:rho2' (c > 0, 0 ≤ ρ ≤ 1), or 'bert' =
                                  0.04306·0.99701^|Δ| + 0.332·1[Δ = 0] (Zucchet &
                                  Orvieto's fit to BERT embeddings).

        OPTIONS:
          --lambda <lambda>       Eigenvalue λ ∈ (−1, 1), or its modulus ν ∈ [0, 1)
                                  with --theta.
          --theta <theta>         Phase θ of λ = νe^(iθ) in radians (default 0).
          --param <name>          Coordinates of λ: none, polar, exp, optimal (default
                                  none). (default: none)
          --normalized            Normalise the state by γ = √(1 − |λ|²)
                                  (differentiated with λ).
          --quantity <name>       Entry: first (ω₁: Re λ, ν or ω_ν), second (ω₂: Im λ,
                                  θ or ω_θ), cross, or activity E|h̃|² (default first).
                                  (values: first, second, cross, activity; default:
                                  first)
          --limit                 Report the leading behaviour as |λ| → 1 at the given
                                  phase (order and coefficient).
          --monte-carlo           Also estimate the quantity by simulation.
          --chains <n>            Monte Carlo: number of chains ≥ 2 (default 20000).
                                  (default: 20000)
          --samples <n>           Monte Carlo: samples averaged per chain (default 1).
                                  (default: 1)
          --spacing <k>           Monte Carlo: steps between samples (default 1).
                                  (default: 1)
          --burn-in <k>           Monte Carlo: burn-in steps (default ⌈30/(1 − ν) +
                                  30/(1 − ρ_max)⌉).
          --seed <seed>           Monte Carlo: seed (default 1). (default: 1)
          --progress <style>      Monte Carlo progress (chains done) on standard error
                                  after 2 s: auto, bar, lines, none. (values: auto,
                                  bar, lines, none; default: auto)
          --figures <dir>         Write the quantity against 1 − |λ| (closed form and
                                  leading term) as CSV and SVG to this directory.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "curse gru": #"""
        OVERVIEW: Print E[h²] and E[(d_z h)²] of a constant-gate GRU: closed form,
        Monte Carlo, the engine's GRU.

        The GRU with a constant update gate z = σ(b) and candidate n_t = x_t is h_t = z
        h_(t−1) + (1 − z)x_t. With A(α, β) = Σ_k c_k(1 − α)(1 − β)(1 − ρ_k²αβ)/((1 −
        ρ_kα)(1 − ρ_kβ)(1 − αβ)) for the input autocorrelation Σ_k c_k ρ_k^|Δ|, E[h²] =
        A(z, z) and E[(d_z h)²] is the mixed derivative ∂_α∂_βA at α = β = z (not A +
        2∂A + ∂²A, as the official notebook of Zucchet & Orvieto 2024 computes), and
        E[(d_b h)²] = z²(1 − z)²·E[(d_z h)²]. The default input is their fit to BERT
        embeddings (--acf bert).

        --monte-carlo simulates the recursion (burn-in ⌈30/(1 − z) + 30/(1 − ρ_max)⌉)
        over --chains chains, --samples samples --spacing steps apart. --engine builds
        the recurrent engine's GRU (PyTorch's cell) with every weight zero except the
        update-gate bias logit(z) and a candidate input weight 10^−3 (so n_t =
        tanh(10^−3 x_t)), and measures E[h²] and E[(d_z h)²] (rescaled by 10^6) from
        its exact forward-mode tangents on --sequences stationary input sequences,
        --samples steps each after a burn-in of ⌈30/(1 − z)⌉. Standard errors are the
        standard deviation of per-chain (per-sequence) averages over √n.

        JSON: gate, acf, closed_form {activity, gate_sensitivity, bias_sensitivity},
        and with --monte-carlo monte_carlo {activity, gate_sensitivity}, with --engine
        engine {activity, gate_sensitivity, sequences, samples, burn_in}; each measured
        entry is {estimate, standard_error, z}. --figures DIR draws the closed forms
        against z with the measured points (gru.csv, gru-measured.csv, gru.svg); --save
        DIR writes closed_form, monte_carlo, engine (rows estimate, standard error, z)
        and the curves as .npy.

        USAGE: rnnmem curse gru [<options>] --gate <z>

        INPUT (DEFAULT: --ACF BERT):
          --rho <rho>             Input autocorrelation ρ^|Δ| (unit variance), 0 ≤ ρ ≤
                                  1 (default 0: white noise).
          --acf <list>            Input autocorrelation Σ c_k ρ_k^|Δ| as
                                  'c1:rho1,c2:rho2' (c > 0, 0 ≤ ρ ≤ 1), or 'bert' =
                                  0.04306·0.99701^|Δ| + 0.332·1[Δ = 0] (Zucchet &
                                  Orvieto's fit to BERT embeddings).

        OPTIONS:
          --gate <z>              Constant update gate z ∈ (0, 1).
          --monte-carlo           Estimate by simulating the recursion.
          --engine                Measure the engine's GRU with a constant gate.
          --chains <n>            Monte Carlo: number of chains ≥ 2 (default 256).
                                  (default: 256)
          --sequences <n>         --engine: number of input sequences ≥ 2 (default
                                  128). (default: 128)
          --samples <n>           Samples per chain (default 48) or steps sampled per
                                  sequence with --engine (default 4000).
          --spacing <k>           Monte Carlo: steps between samples (default 128).
                                  (default: 128)
          --seed <seed>           Seed of the simulations (default 1). (default: 1)
          --figures <dir>         Write the closed forms against z ∈ [0.01, 0.99] (CSV
                                  and SVG) to this directory.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "curse landscape": #"""
        OVERVIEW: Write the teacher–student loss and its curvature along |λ| or θ (Fig.
        1, 6), or a grid with Adam paths (Fig. 7).

        The loss is L(λ) = ½E|h̃ − h̃*|² of a student h_t = λh_(t−1) + x_t learning a
        teacher with eigenvalue λ* from the same input (Zucchet & Orvieto 2024,
        NeurIPS, §4.1), in closed form for the input of --rho or --acf (h̃ = γh, γ = √(1
        − |λ|²), under --normalized). Curvatures are the exact second derivatives in
        the coordinates of --param (none, polar, exp, optimal; default polar).

        --direction modulus (default): for every teacher λ* = ν* of --teachers (default
        0.99, 0.98, 0.96, 0.92, 0.84, 0.68, 0.36, Fig. 1), a real student with ν on
        --points values in [--from, --to] (default [0.2, 0.999]): columns teacher, x =
        ν, omega = ω₁(ν), loss, curvature ∂²L/∂ω₁². --direction angle: teachers λ* =
        ν*e^(iθ*) (--teacher-phase, default π/100), students with the teacher's modulus
        and θ in [--from, --to] (default [0.001, 0.2]): x = θ, omega = ω₂, curvature
        ∂²L/∂ω₂². Standard output: that table (CSV).

        --direction grid: L on a --points × --points grid of (ν, θ) ∈ [--from, --to] ×
        [--theta-from, --theta-to] for the teacher
        --teacher-modulus·e^(i·--teacher-phase) (defaults 0.99, π/100, the unnormalised
        loss of Fig. 7); with --adam-steps n, Adam's paths (learning rate --lr, default
        1e-3) from --start-modulus·e^(i·--start-phase) (default 0.99e^(iπ/4)) under the
        three parametrisations of Fig. 7 as the official notebook codes them (ν = tanh
        ω₁ with θ = ω₂, θ = e^ω₂, θ = ω₂(1 − ν²)/(ν√(1 + ν²))). Standard output: the
        grid (CSV nu,theta,loss), or with --adam-steps a summary of each path.

        JSON: direction, parametrization, normalized, acf, and slices
        [{teacher_modulus, teacher_phase, x, omega, loss, curvature}] (modulus, angle)
        or grid {nu, theta, loss (row-major, θ fastest)} and paths [{parametrization,
        steps, nu, theta, loss, left_domain_at_step}] (grid). --figures DIR writes the
        CSVs and SVGs of loss and curvature (landscape-*.csv/svg); --save DIR the
        arrays as .npy.

        USAGE: rnnmem curse landscape <options>

        INPUT:
          --rho <rho>             Input autocorrelation ρ^|Δ| (unit variance), 0 ≤ ρ ≤
                                  1 (default 0: white noise).
          --acf <list>            Input autocorrelation Σ c_k ρ_k^|Δ| as
                                  'c1:rho1,c2:rho2' (c > 0, 0 ≤ ρ ≤ 1), or 'bert' =
                                  0.04306·0.99701^|Δ| + 0.332·1[Δ = 0] (Zucchet &
                                  Orvieto's fit to BERT embeddings).

        OPTIONS:
          --direction <name>      modulus, angle (Fig. 1, 6) or grid (Fig. 7). (values:
                                  modulus, angle, grid; default: modulus)
          --param <name>          Coordinates of the curvature: none, polar, exp,
                                  optimal (default polar). (default: polar)
          --normalized            γ-normalise student and teacher states.
          --teachers <list>       Teacher moduli ν* for the slices (comma-separated,
                                  each in (0, 1)). (default:
                                  0.99,0.98,0.96,0.92,0.84,0.68,0.36)
          --teacher-phase <theta> Teacher phase θ* (angle slices and grid; default
                                  π/100). (default: 0.031415926535897934)
          --teacher-modulus <nu>  Grid: teacher modulus (default 0.99). (default: 0.99)
          --points <n>            Number of points per axis (default 200 for slices, 81
                                  for the grid).
          --from <x>              Start of the ν (modulus, grid) or θ (angle) range.
          --to <x>                End of the ν or θ range.
          --theta-from <theta>    Grid: start of the θ range (default 0). (default: 0.0)
          --theta-to <theta>      Grid: end of the θ range (default 1). (default: 1.0)
          --adam-steps <n>        Grid: Adam updates per path (default 0: no paths).
                                  (default: 0)
          --lr <lr>               Grid: Adam's learning rate (default 0.001). (default:
                                  0.001)
          --start-modulus <nu>    Grid: modulus of the paths' start (default 0.99).
                                  (default: 0.99)
          --start-phase <theta>   Grid: phase of the paths' start (default π/4).
                                  (default: 0.7853981633974483)
          --record-every <n>      Grid: record every n-th point of a path (default
                                  steps/500).
          --figures <dir>         Write CSV tables and SVG figures to this directory.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "curse hessian": #"""
        OVERVIEW: Compare the Hessians at the optimum of a dense and a complex-diagonal
        linear RNN (Fig. 4, 9).

        A teacher of dimension d = 2·--pairs made of conjugate eigenvalue pairs, |λ| =
        --modulus + --spread·U[0, 1], phases U[0, 2π), A = P·blockdiag·P⁻¹ with a
        Gaussian basis P, B ~ N(0, 1), C ~ N(0, 1)/√d, D ~ N(0, 1); the students are
        the teacher itself as a dense linear RNN and as the complex-diagonal network
        computing the same function (zero loss). On --batch sequences of --length
        stationary Gaussian inputs (i.i.d. N(0, 1) by default; autocorrelation ρ^|Δ|
        with --rho or Σ c_k ρ_k^|Δ| with --acf), the full Hessians of ½·MSE (exact,
        from Hessian-vector products, Float64) are analysed: eigenvalues, the top
        eigenvectors' mass per parameter group and participation ratio 1/Σv_i⁴ (the
        number of coordinates they occupy), and the Gauss–Newton identity H = JᵀJ/n at
        zero loss. The diagonal network's Hessian is also compared with its closed-form
        expectation at this T (finite horizon, h₀ = 0, the same input autocorrelation).
        Defaults: the paper's two pairs, |λ| ∈ [0.99, 0.993], T = 300, batch 64.

        JSON: pairs, teacher_eigenvalues [{re, im}], length, batch, seed, acf,
        output_mismatch, dense and diagonal {parameter_count, loss, eigenvalues,
        gauss_newton_mismatch, asymmetry, top_eigenvectors [{eigenvalue,
        participation_ratio, groups {name: mass}}]}, diagonal_prediction_error,
        diagonal_stationary_prediction_error. --save DIR: dense_hessian,
        diagonal_hessian, dense_eigenvalues, diagonal_eigenvalues,
        dense_top_eigenvectors, diagonal_top_eigenvectors, diagonal_prediction,
        diagonal_stationary_prediction (.npy). --figures DIR: the two spectra and the
        top eigenvectors' coordinates (hessian-*.csv/svg).

        USAGE: rnnmem curse hessian <options>

        INPUT:
          --rho <rho>             Input autocorrelation ρ^|Δ| (unit variance), 0 ≤ ρ ≤
                                  1 (default 0: white noise).
          --acf <list>            Input autocorrelation Σ c_k ρ_k^|Δ| as
                                  'c1:rho1,c2:rho2' (c > 0, 0 ≤ ρ ≤ 1), or 'bert' =
                                  0.04306·0.99701^|Δ| + 0.332·1[Δ = 0] (Zucchet &
                                  Orvieto's fit to BERT embeddings).

        OPTIONS:
          --pairs <n>             Number of conjugate pairs (default 2). (default: 2)
          --modulus <nu>          Smallest teacher modulus (default 0.99). (default:
                                  0.99)
          --spread <w>            Width of the modulus range (default 0.003). (default:
                                  0.003)
          --length <T>            Sequence length T (default 300). (default: 300)
          --batch <B>             Number of sequences (default 64). (default: 64)
          --top <k>               Eigenvectors analysed per network (default 3).
                                  (default: 3)
          --seed <seed>           Seed of the teacher and the inputs (default 0).
                                  (default: 0)
          --figures <dir>         Write CSV tables and SVG figures to this directory.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "curse teacher-student": #"""
        OVERVIEW: Train a student on linear-system identification; print its final loss
        and Adam's effective learning rates.

        The task is train's --task lsi (Zucchet & Orvieto 2024, NeurIPS, §4): a dense
        linear teacher of size --teacher-size whose eigenvalue moduli lie in [ν₀, 1)
        (--min-modulus ν₀), i.i.d. N(0, 1) inputs, fresh batches every update, loss
        ½·MSE over every step. The student (--model linear, cdiag or lru, and the
        architecture options) is initialised by the protocol (dense: moduli tanh|l|;
        cdiag, lru: ring [ν₀, 1), the repository scheme) unless
        --ring-min/--ring-max/--max-phase/--init-scheme say otherwise. Training is
        train's, update for update (same seeds: model s, teacher s + 1, batches s + 2;
        Adam with PyTorch's defaults; --schedule cosine = the warm-up–cosine schedule
        1e-7 → --lr → 1e-7, or constant), and keeps Adam's state: the effective
        learning rate of parameter i is η/(√V̂_i + ε), η = --lr, V̂ the bias-corrected
        second moment after the last update, summarised per parameter group by its
        geometric mean.

        final_loss is the loss of the final parameters on the task's fixed test batch
        (--eval-batch sequences); final_training_loss the mean of the last tenth of the
        training losses. A run whose loss or parameters become non-finite stops:
        diverged is true and both losses are null.

        JSON: model, hidden_size, parameter_count, min_modulus, teacher_size, length,
        batch, steps, learning_rate, schedule, seed, initialization, diverged,
        final_loss, final_training_loss, recurrent_effective_learning_rate (geometric
        mean over the recurrent groups: A, or the eigenvalue coordinates),
        effective_learning_rates [{group, kind, geometric_mean, minimum, maximum}].
        --save DIR: training_loss, learning_rate, effective_learning_rate, parameters
        (.npy); --figures DIR: the loss curve and the effective learning rates per
        parameter (teacher-student-*.csv/svg).

        USAGE: rnnmem curse teacher-student [<options>] --model <name>

        STUDENT:
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

        TEACHER (--TASK LSI):
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

        OPTIONS:
          --steps <n>             Number of updates (default 1000). (default: 1000)
          --lr <lr>               Peak learning rate η (default 0.001). (default: 0.001)
          --schedule <name>       Learning-rate schedule: cosine (warm-up–cosine,
                                  default) or constant. (values: cosine, constant;
                                  default: cosine)
          --seed <seed>           Seed (as train's --seed). (default: 0)
          --progress <style>      Progress on standard error: auto, bar, lines, none.
                                  (values: auto, bar, lines, none; default: auto)
          --figures <dir>         Write CSV tables and SVG figures to this directory.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "curse propagation": #"""
        OVERVIEW: Print activity and gradient magnitudes per layer of a deep
        complex-diagonal stack at initialisation, against memory.

        Signal propagation at initialisation (Zucchet & Orvieto 2024, NeurIPS, §5, Fig.
        5): --layers stacked layers of --hidden complex units (the engine's
        complex-diagonal layers; layer ℓ ≥ 1 reads [Re h; Im h] of the layer below; no
        nonlinearity, GLU or LayerNorm between them), eigenvalues on the ring |λ| ∈ [1
        − 1/T, 1 − 1/(2T)] for each memory T of --memories, B ~ CN(0, 1/d). Three
        networks: cdiag (λ = a + ib, no normalisation), cdiag-l2 (fixed γ = √(1 −
        |λ|²)) and lru (exp parametrisation, learned γ). Inputs: --sequences stationary
        sequences of --length steps with the autocorrelation of --rho/--acf (default:
        --acf bert); loss ½·MSE of predicting x_(t+1).

        Standard output: a CSV table variant, memory, nu_min, nu_max, layer, activity
        (E|h|²), recurrent_gradient (mean squared gradient of the layer's eigenvalue
        parameters), other_gradient (of its B and γ). JSON: the same rows as objects
        under 'rows', with the settings. --figures DIR: propagation.csv and
        propagation-{activity,gradient}.svg; --save DIR: the arrays.

        USAGE: rnnmem curse propagation [--layers <L>] [--hidden <N>] [--length <T>] [--sequences <B>] [--memories <list>] [--rho <rho>] [--acf <list>] [--seed <seed>] [--figures <dir>] [--save <dir>] [--json] [--output <file>]

        INPUT (DEFAULT: --ACF BERT):
          --rho <rho>             Input autocorrelation ρ^|Δ| (unit variance), 0 ≤ ρ ≤
                                  1 (default 0: white noise).
          --acf <list>            Input autocorrelation Σ c_k ρ_k^|Δ| as
                                  'c1:rho1,c2:rho2' (c > 0, 0 ≤ ρ ≤ 1), or 'bert' =
                                  0.04306·0.99701^|Δ| + 0.332·1[Δ = 0] (Zucchet &
                                  Orvieto's fit to BERT embeddings).

        OPTIONS:
          --layers <L>            Number of layers (default 4). (default: 4)
          --hidden <N>            Complex units per layer (default 32). (default: 32)
          --length <T>            Sequence length (default 256). (default: 256)
          --sequences <B>         Number of sequences (default 16). (default: 16)
          --memories <list>       Memories T ≥ 1, comma-separated (default
                                  1,3.16,10,31.6,100). (default:
                                  1,3.1622776601683795,10,31.622776601683793,100)
          --seed <seed>           Seed (default 0). (default: 0)
          --figures <dir>         Write CSV tables and SVG figures to this directory.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "memory": #"""
        OVERVIEW: Memory of a network: capacity, IPC, horizon, connectivity, response
        coefficients, d of its states.

        Every verb takes a network — --weights FILE (rnnmem weights), --weights FILE
        --pytorch --model rnn|lstm|gru, or a new --model NAME [--hidden N …]
        initialised from --seed — and its inputs: --data FILE (safetensors 'input' [T,
        B, d_in] and optionally 'target'; or a CSV holding one sequence), a built-in
        --task's batch, or a generated input (--input iid|uniform|ar|arfima, drawn from
        the data seed s + 1 of --seed s). Conventions: x_t enters the state s_t, so
        delay k = 0 (the current input) counts; a delay is never allowed to reach the
        sequence length.

          capacity      Jaeger's memory capacity MC_k and MC = Σ MC_k (analytic or
        empirical)
          ipc           Dambre et al.'s information processing capacity by degree
          horizon       k*(θ) = max{k : score_k ≥ θ} from MC_k or from networks trained
        to recall x_(t−k)
          connectivity  Madsen's conn(t, τ) = ‖∂y_t/∂x_τ‖, its lag profile and
        long-range share
          response      Zhao et al.'s response coefficients A_k and the
        exponential/power-law verdict
          states        d of the inputs, hidden units and outputs (driven, autonomous,
        residuals)

        USAGE: rnnmem memory <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          capacity                Jaeger's memory capacity MC_k (k = 0 … K) and MC = Σ
                                  MC_k of a network, analytic or empirical.
          ipc                     Information processing capacity (Dambre et al. 2012):
                                  capacities of Legendre products, by degree.
          horizon                 Memory horizon k*(θ) = max{k : score_k ≥ θ}, from
                                  MC_k or from networks trained to recall x_(t−k).
          connectivity            Connectivity conn(t, τ) = ‖∂y_t/∂x_τ‖ (Madsen 2019):
                                  heat map, profile against lag, long-range share.
          response                Response coefficients A_k = ∂y_t/∂x_(t−k) (Zhao et
                                  al. 2020, Definition 3) and their decay verdict.
          states                  Memory parameter d of a network's inputs, state units
                                  and outputs, with 'check' verdicts.

          See 'rnnmem help memory <subcommand>' for detailed help.
        """#,
        "memory capacity": #"""
        OVERVIEW: Jaeger's memory capacity MC_k (k = 0 … K) and MC = Σ MC_k of a
        network, analytic or empirical.

        MC_k = corr²(ŷ_k(t), x_(t−k)), the squared correlation between the input k
        steps back and its best linear readout ŷ_k(t) = w_kᵀ[s_t; 1] of the state
        (Jaeger 2002, GMD Report 152); MC = Σ_k MC_k ≤ N, the number of state
        variables, for i.i.d. input. x_t enters s_t, so k = 0 counts (tools starting at
        k = 1 miss MC_0).

        --method analytic (linear networks: linear, cdiag, lru without nonlinearity):
        MC_k = (A^k b)ᵀΣ⁺(A^k b) with Σ = AΣAᵀ + bbᵀ, the stationary covariance under
        i.i.d. unit-variance input; Σ_(k≥0) MC_k = rank of the controllability matrix
        (reported as rank; Gonon, Grigoryeva & Ortega 2020). A network whose state
        update is not linear is refused. --method empirical (default, any network):
        drive it with the input, drop the washout, fit one least-squares readout per
        delay on the first --training-fraction of the samples and score it on the rest;
        a rank-deficient state matrix (dead or duplicated units) is stated on standard
        error and fitted with a ridge λ = 1e-8 × the largest covariance eigenvalue,
        reported. The input is --data/--task (delays must stay below its length) or
        generated: --input iid (default) with --samples n after the washout. A
        correlated input is allowed and noted (MC ≤ N assumes i.i.d. input).

        JSON keys: mc (list over k = 0 … K), total, method, max_delay, washout,
        readout, state_variables, rank, covariance_condition (analytic), r_squared
        (held-out R²_k, empirical), standard_error (of each MC_k, empirical),
        train_samples, test_samples, ridge, relative_ridge (0: ordinary least squares),
        notes, input {source, steps, sequences, process}, network {weights, kind,
        architecture, input_size, hidden_size, output_size, layer_count,
        parameter_count, parameter_checksum}, figures, saved (absent values are null).
        --figures DIR: capacity.csv (k, mc, r_squared, standard_error) and
        capacity.svg, MC_k against k. --save DIR: mc.npy, r_squared.npy.

        USAGE: rnnmem memory capacity <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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

        GENERATED INPUT:
          --input <kind>          Generated input (without --data/--task): iid = i.i.d.
                                  N(0, 1), uniform = i.i.d. U[−1, 1], ar = AR(1) with
                                  --phi, arfima = ARFIMA(p, d, q) with --d [--ar,
                                  --ma]; unit variance (uniform: ⅓). (values: iid,
                                  uniform, ar, arfima)
          --d <d>                 --input arfima: memory parameter d, −0.5 < d < 0.5.
          --ar <list>             --input arfima: AR coefficients φ₁,…,φ_p of φ(z) = 1
                                  − φ₁z − … − φ_p z^p.
          --ma <list>             --input arfima: MA coefficients θ₁,…,θ_q of θ(z) = 1
                                  + θ₁z + … + θ_q z^q.
          --phi <phi>             --input ar: lag-one correlation φ, −1 < φ < 1.
          --sequences <B>         Generated input: number of independent sequences B
                                  (default per verb); their length is --length T where
                                  the verb says so.

        CAPACITY:
          --method <method>       Capacity: analytic (linear networks: stationary
                                  covariance from the Stein equation) or empirical (any
                                  network: held-out linear readouts). (values:
                                  analytic, empirical; default: empirical)
          --max-delay <K>         Largest delay K: delays k = 0 … K (default: 2 × state
                                  variables, between 20 and 200).
          --samples <n>           Empirical, generated input: samples n after the
                                  washout (default 10000; half fit the readouts, half
                                  score them).
          --washout <w>           Empirical: steps dropped at the start of every
                                  sequence, ≥ K (default max(K, 100); data: max(K,
                                  min(100, T/4))).
          --readout <vars>        Empirical: variables the readouts see: state (the
                                  joint state, LSTM h and c), hidden (last layer's h),
                                  outputs. (values: state, hidden, outputs; default:
                                  state)
          --training-fraction <f> Empirical: fraction of the samples the readouts are
                                  fitted on; the rest scores them. (default: 0.5)

        OPTIONS:
          --seed <seed>           Seed: a new network from s, the generated input or
                                  the task's data from s + 1. (default: 0)
          --figures <dir>         Write the figures (CSV data, gnuplot script, SVG when
                                  gnuplot is installed) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "memory ipc": #"""
        OVERVIEW: Information processing capacity (Dambre et al. 2012): capacities of
        Legendre products, by degree.

        Drive the network with i.i.d. U[−1, 1] input u_t; for every product of
        normalised Legendre polynomials y_t = Π_i P̃_(d_i)(u_(t−k_i)) of total degree D
        ≤ --max-degree and delays k_i ≤ --max-delay, fit a least-squares readout of the
        state and take C[y] = 1 − min_w ⟨(y − ŷ)²⟩/⟨y²⟩ (Dambre, Verstraeten, Schrauwen
        & Massar 2012, Sci. Rep. 2:514). The capacities of this orthogonal family sum
        to at most r, the rank of the state matrix; degree 1 is Jaeger's linear memory
        capacity. A linear network has no capacity above degree 1. The readouts are the
        exact projection on the state matrix's column space (pseudo-inverse over its
        numerical rank r: singular values below 10⁻¹⁰ of the largest count as 0), so a
        rank-deficient state matrix (dead or duplicated units) needs no ridge — the
        ridge λ is 0, the λ → 0 limit of ridge regression — and is stated on standard
        error with its rank.

        Threshold (stated in the output): with T samples every capacity is biased
        upward by about r/T, so a capacity below θ = 2·F⁻¹_χ²(r)(1 − p)/T counts as 0 —
        the level an independent target exceeds with probability below p
        (--tail-probability, default 0.001), doubled for the dependence between samples
        of a recurrent state; --threshold θ fixes θ ∈ [0, 1] instead. The finite-sample
        bias of the counted capacities, ≈ Σ(1 − C_i)·r/T, is reported and allowed for
        in the check total ≤ r. Input: generated (--input uniform, the default and the
        only generated input the basis is orthonormal for) with --samples n after the
        washout, or --data/--task whose inputs lie in [−1, 1].

        JSON keys: total, by_degree (list over D = 1 … max_degree), threshold,
        threshold_rule, max_degree, max_delay, samples, washout, state_variables, rank,
        readout_method (pseudo-inverse), ridge and relative_ridge (0: the projection
        has no ridge; as 'memory capacity' reports them), finite_sample_bias,
        within_bound (total − bias ≤ rank), linear_memory (degree-1 capacities by
        delay), terms_evaluated and terms_counted (by degree), counted [{term, degree,
        capacity}] (every counted basis function, largest first), input, network,
        figures, saved. --figures DIR: ipc.csv (degree, capacity, counted, evaluated),
        ipc-linear.csv (k, capacity) and ipc.svg. --save DIR: by_degree.npy,
        linear_memory.npy, estimates.npy and capacities.npy (every basis function
        before and after the threshold, in the order of the counted list's enumeration).

        USAGE: rnnmem memory ipc <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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

        GENERATED INPUT:
          --input <kind>          Generated input (without --data/--task): iid = i.i.d.
                                  N(0, 1), uniform = i.i.d. U[−1, 1], ar = AR(1) with
                                  --phi, arfima = ARFIMA(p, d, q) with --d [--ar,
                                  --ma]; unit variance (uniform: ⅓). (values: iid,
                                  uniform, ar, arfima)
          --d <d>                 --input arfima: memory parameter d, −0.5 < d < 0.5.
          --ar <list>             --input arfima: AR coefficients φ₁,…,φ_p of φ(z) = 1
                                  − φ₁z − … − φ_p z^p.
          --ma <list>             --input arfima: MA coefficients θ₁,…,θ_q of θ(z) = 1
                                  + θ₁z + … + θ_q z^q.
          --phi <phi>             --input ar: lag-one correlation φ, −1 < φ < 1.
          --sequences <B>         Generated input: number of independent sequences B
                                  (default per verb); their length is --length T where
                                  the verb says so.

        OPTIONS:
          --max-degree <D>        Largest total degree D ≥ 1 (default 3). (default: 3)
          --max-delay <K>         Largest delay K ≥ 0 of a factor (default 10).
                                  (default: 10)
          --samples <n>           Generated input: samples T after the washout (default
                                  10000).
          --washout <w>           Steps dropped at the start of every sequence, ≥ K
                                  (default max(K, 100); data: max(K, min(100, T/4))).
          --readout <vars>        Variables the readouts see: state, hidden, outputs.
                                  (values: state, hidden, outputs; default: state)
          --threshold <theta>     Fixed threshold θ ∈ [0, 1] (default: the χ² rule, see
                                  above).
          --tail-probability <p>  χ² rule: tail probability p, 0 < p < 1 (default
                                  0.001).
          --max-terms <n>         Refuse more basis functions than this (default
                                  200000). (default: 200000)
          --seed <seed>           Seed: a new network from s, the generated input or
                                  the task's data from s + 1. (default: 0)
          --figures <dir>         Write the figures (CSV data, gnuplot script, SVG when
                                  gnuplot is installed) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "memory horizon": #"""
        OVERVIEW: Memory horizon k*(θ) = max{k : score_k ≥ θ}, from MC_k or from
        networks trained to recall x_(t−k).

        θ ∈ [0, 1] is always given (--threshold): horizons at different θ are different
        quantities. --rule maximum (default) takes the largest delay reaching θ
        wherever it lies; contiguous the largest k such that every scored delay ≤ k
        reaches θ.

        --scores capacity (default): score_k = MC_k, Jaeger's memory capacity of the
        network (every option of 'memory capacity': --method, --max-delay, --samples,
        --washout, --readout, --training-fraction, the network and its input).

        --scores recall: the random memorisation task of Illium et al. (2022, ICAART,
        arXiv 2212.11085). For every delay k in --delays (default 0 … --max-delay,
        default 0 … 20) a new network (--model, --hidden, …, initialised from --seed s
        as 'train --seed s' does) is trained to output x_(t−k) from inputs x_t — i.i.d.
        N(0, 1), or AR(1) with lag-one correlation --correlation ρ — with Adam
        (--steps, --lr, --clip) on fresh batches of --batch sequences of length
        --length (default k_max + 50), the loss ½·MSE over the steps t > k_max, and
        scored by the held-out R² on a fixed test batch of --eval-batch sequences (task
        data from s + 1, batches from s + 2). --joint trains one network with one
        output per delay instead. For correlated inputs the memoryless predictor ρ^k
        x_t already reaches R² = ρ^(2k) (reported as memoryless). Beside the horizon:
        the memory capacity of the same network before training (empirical, i.i.d.
        input, --samples), its total and its horizon at the same θ.

        When k* is the largest delay scored, the scores bound the horizon only from
        below (k* ≥ K: censored at the largest delay scored); the output says so —
        score more delays to locate it.

        JSON keys: horizon (k*, null when no delay reaches θ), censored (true when k*
        is the largest delay scored, so the horizon is only known to be ≥ k*),
        threshold, scores (score_k for each delay), delays, rule, source (capacity or
        recall), memoryless (recall: ρ^(2k)), final_losses (recall: the final training
        loss of each network, one per delay or one for --joint), recalled (the number
        of delays reaching θ), score_total (Σ_k max(0, score_k)), capacity ({method,
        total, mc, horizon, state_variables} of the untrained network for recall; of
        the network for capacity), trained_capacity ({total, mc, horizon} of the
        --joint network after training, fresh readouts of its state; else null),
        training ({steps, learning_rate, clip, batch, eval_batch, length, correlation,
        joint, seeds} or null), input, network, figures, saved. --figures DIR:
        horizon.csv (k, score, memoryless) and horizon.svg, score_k against k with θ
        and k*. --save DIR: delays.npy, scores.npy.

        USAGE: rnnmem memory horizon [<options>] --threshold <theta>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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

        GENERATED INPUT:
          --input <kind>          Generated input (without --data/--task): iid = i.i.d.
                                  N(0, 1), uniform = i.i.d. U[−1, 1], ar = AR(1) with
                                  --phi, arfima = ARFIMA(p, d, q) with --d [--ar,
                                  --ma]; unit variance (uniform: ⅓). (values: iid,
                                  uniform, ar, arfima)
          --d <d>                 --input arfima: memory parameter d, −0.5 < d < 0.5.
          --ar <list>             --input arfima: AR coefficients φ₁,…,φ_p of φ(z) = 1
                                  − φ₁z − … − φ_p z^p.
          --ma <list>             --input arfima: MA coefficients θ₁,…,θ_q of θ(z) = 1
                                  + θ₁z + … + θ_q z^q.
          --phi <phi>             --input ar: lag-one correlation φ, −1 < φ < 1.
          --sequences <B>         Generated input: number of independent sequences B
                                  (default per verb); their length is --length T where
                                  the verb says so.

        CAPACITY:
          --method <method>       Capacity: analytic (linear networks: stationary
                                  covariance from the Stein equation) or empirical (any
                                  network: held-out linear readouts). (values:
                                  analytic, empirical; default: empirical)
          --max-delay <K>         Largest delay K: delays k = 0 … K (default: 2 × state
                                  variables, between 20 and 200).
          --samples <n>           Empirical, generated input: samples n after the
                                  washout (default 10000; half fit the readouts, half
                                  score them).
          --washout <w>           Empirical: steps dropped at the start of every
                                  sequence, ≥ K (default max(K, 100); data: max(K,
                                  min(100, T/4))).
          --readout <vars>        Empirical: variables the readouts see: state (the
                                  joint state, LSTM h and c), hidden (last layer's h),
                                  outputs. (values: state, hidden, outputs; default:
                                  state)
          --training-fraction <f> Empirical: fraction of the samples the readouts are
                                  fitted on; the rest scores them. (default: 0.5)

        OPTIONS:
          --threshold <theta>     Threshold θ ∈ [0, 1] of k*(θ) = max{k : score_k ≥ θ}.
          --rule <rule>           maximum: the largest k with score_k ≥ θ; contiguous:
                                  every delay up to k reaches θ. (values: maximum,
                                  contiguous; default: maximum)
          --scores <source>       Scores: capacity (MC_k of the network) or recall
                                  (networks trained to output x_(t−k)). (values:
                                  capacity, recall; default: capacity)
          --delays <list>         Recall: the delays scored, e.g. 0:20 or 1,2,4,8,16
                                  (default 0 … --max-delay).
          --steps <n>             Recall: Adam updates per network (default 500).
                                  (default: 500)
          --lr <lr>               Recall: constant learning rate (default 0.005).
                                  (default: 0.005)
          --clip <norm>           Recall: clip the gradient to this global ℓ2 norm
                                  (default 1; 0: no clipping). (default: 1.0)
          --joint                 Recall: one network with one output per delay instead
                                  of one network per delay.
          --seed <seed>           Seed: the network from s, the task's or generated
                                  data from s + 1, training batches from s + 2.
                                  (default: 0)
          --progress <style>      Recall: progress on standard error: auto, bar, lines,
                                  none. (values: auto, bar, lines, none; default: auto)
          --figures <dir>         Write the figures (CSV data, gnuplot script, SVG when
                                  gnuplot is installed) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "memory connectivity": #"""
        OVERVIEW: Connectivity conn(t, τ) = ‖∂y_t/∂x_τ‖ (Madsen 2019): heat map,
        profile against lag, long-range share.

        How strongly the output at t depends on the input at τ ≤ t (Madsen 2019,
        "Visualizing memorization in RNNs", Distill): the gradient of the selected
        output with respect to the input vector x_τ, exact by one backward pass per
        output position (cost O(T²) steps per sequence and selected output). Selection:
        every output (default; the Frobenius norm of the d_out × d_in Jacobian block),
        --output-unit j (1-based), or --target-class (per step the output unit of the
        largest target value — Madsen's "correct class" — from --data/--task targets).
        --norm magnitude (default) is the article's ‖·‖; --norm squared is the squared
        norm returned by the article's published code (halves the apparent decay rate
        on a log scale and inflates the share of the nearest lags).

        Summaries: the profile against lag ℓ = t − τ (the mean of conn(t, t − ℓ) over
        every sequence and every t > ℓ) and the share of connectivity at lags ≥ L,
        Σ_(t−τ≥L) conn / Σ_(τ≤t) conn, for L in --share-lags (each below the sequence
        length; default 5,10,20, those below it). Input: --data/--task, or generated
        (--input, default iid) of --sequences B (default 1) × --length T (default 50)
        steps.

        JSON keys: profile (list over lag ℓ = 0 … T − 1), share_at_lag ({"L": share}),
        norm (magnitude or squared), selection, steps, sequences, input, network,
        figures, saved. --figures DIR: connectivity-heatmap.csv (the T × T matrix of
        --sequence b, row t, column τ; NaN above the diagonal, where τ > t),
        connectivity-profile.csv (lag, profile), connectivity.svg (heat map over (t,
        τ)) and connectivity-profile.svg (profile against lag, logarithmic). --save
        DIR: conn.npy [B, T, T] (row t − 1, column τ − 1, in the chosen norm),
        profile.npy.

        USAGE: rnnmem memory connectivity <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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

        GENERATED INPUT:
          --input <kind>          Generated input (without --data/--task): iid = i.i.d.
                                  N(0, 1), uniform = i.i.d. U[−1, 1], ar = AR(1) with
                                  --phi, arfima = ARFIMA(p, d, q) with --d [--ar,
                                  --ma]; unit variance (uniform: ⅓). (values: iid,
                                  uniform, ar, arfima)
          --d <d>                 --input arfima: memory parameter d, −0.5 < d < 0.5.
          --ar <list>             --input arfima: AR coefficients φ₁,…,φ_p of φ(z) = 1
                                  − φ₁z − … − φ_p z^p.
          --ma <list>             --input arfima: MA coefficients θ₁,…,θ_q of θ(z) = 1
                                  + θ₁z + … + θ_q z^q.
          --phi <phi>             --input ar: lag-one correlation φ, −1 < φ < 1.
          --sequences <B>         Generated input: number of independent sequences B
                                  (default per verb); their length is --length T where
                                  the verb says so.

        OPTIONS:
          --norm <norm>           magnitude (‖·‖, the article's definition) or squared
                                  (‖·‖², the article's code). (values: magnitude,
                                  squared; default: magnitude)
          --output-unit <j>       Take the gradient of output unit j (1-based) only.
          --target-class          Per step, the output unit with the largest target
                                  value (Madsen's correct class; needs targets).
          --share-lags <list>     Lags L of the long-range shares, comma-separated
                                  (default 5,10,20).
          --sequence <b>          The sequence b (1-based) of the heat map. (default: 1)
          --seed <seed>           Seed: a new network from s, the generated input or
                                  the task's data from s + 1. (default: 0)
          --figures <dir>         Write the figures (CSV data, gnuplot script, SVG when
                                  gnuplot is installed) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "memory response": #"""
        OVERVIEW: Response coefficients A_k = ∂y_t/∂x_(t−k) (Zhao et al. 2020,
        Definition 3) and their decay verdict.

        Writing y_t ≈ Σ_(k≥0) A_k x_(t−k), a network has long memory when A_k decays
        polynomially rather than geometrically (Zhao, Huang, Li & Chen 2020, "Do RNN
        and LSTM have long memory?", ICML, Definition 3). Here Ā_k = (1/n) Σ_t
        ∂y_t/∂x_(t−k), exact by forward mode, averaged over the same time points t =
        burn-in + b + 1 … T of every sequence for every k = 0 … b; for Gaussian i.i.d.
        inputs it is the coefficient of x_(t−k) in the best linear predictor of y_t
        (Stein's lemma). a_k = ‖Ā_k‖_F (--magnitude norm-of-mean, the default) or the
        mean norm E‖∂y_t/∂x_(t−k)‖_F (mean-of-norm, which cannot cancel between time
        points — the robust choice for gated cells); --target hidden or state takes the
        last layer's h or the joint state instead of the output.

        Verdict over the k range --lags a:b (default 5:60): least-squares lines of log
        a_k against k (exponential, rate r per step, ratio e^(−r)) and against log(k +
        k₀) (power law, exponent p; k₀ = --lag-offset, default 0). exponential if
        R²_exp ≥ --min-r-squared (0.99) and the power law leaves at least --dominance
        (2) times as much unexplained variance; power-law symmetrically; inconclusive
        otherwise. A contracting RNN or LSTM decays geometrically (Zhao et al.'s
        Theorem 1 and Corollaries); the fractional filter of MRNNF has taps w_j(d) ~
        j^(−1−d). For a one-layer tanh RNN the exact bound ‖∂h_t/∂x_(t−k)‖₂ ≤
        ‖U‖₂‖W‖₂^k is checked at every (t, k). Input: generated --input iid (default)
        of --sequences B (default 4) × --length T (default b + 250), or --data/--task.

        JSON keys: coefficients (a_k, k = 0 … b), verdict (exponential, power-law or
        inconclusive), rate, exponent (both fits are always reported), ratio
        (e^(−rate)), lags [a, b], target, magnitude, exponential_fit and power_law_fit
        {intercept, slope, r_squared}, criterion {min_r_squared, dominance,
        lag_offset}, reason, bound ({recurrent_norm, input_norm, pairs, violations,
        worst_ratio, holds}, tanh RNN only, else null), times [first, last], sequences,
        input, network, figures, saved. --figures DIR: response.csv (k, coefficient,
        exponential_fit, power_law_fit), response-log.svg (logarithmic a_k against k)
        and response-loglog.svg (log–log axes), both with the two fits. --save DIR:
        coefficients.npy, mean_coefficients.npy [b + 1, rows, d_in] (Ā_k of the
        target), mean_norm.npy.

        USAGE: rnnmem memory response <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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

        GENERATED INPUT:
          --input <kind>          Generated input (without --data/--task): iid = i.i.d.
                                  N(0, 1), uniform = i.i.d. U[−1, 1], ar = AR(1) with
                                  --phi, arfima = ARFIMA(p, d, q) with --d [--ar,
                                  --ma]; unit variance (uniform: ⅓). (values: iid,
                                  uniform, ar, arfima)
          --d <d>                 --input arfima: memory parameter d, −0.5 < d < 0.5.
          --ar <list>             --input arfima: AR coefficients φ₁,…,φ_p of φ(z) = 1
                                  − φ₁z − … − φ_p z^p.
          --ma <list>             --input arfima: MA coefficients θ₁,…,θ_q of θ(z) = 1
                                  + θ₁z + … + θ_q z^q.
          --phi <phi>             --input ar: lag-one correlation φ, −1 < φ < 1.
          --sequences <B>         Generated input: number of independent sequences B
                                  (default per verb); their length is --length T where
                                  the verb says so.

        OPTIONS:
          --lags <a:b>            The k range a:b of the fits (coefficients are
                                  computed for k = 0 … b; default 5:60).
          --target <target>       output (∂y_t/∂x_(t−k)), hidden (last layer's h) or
                                  state (the joint state). (values: output, hidden,
                                  state; default: output)
          --magnitude <kind>      norm-of-mean (‖Ā_k‖_F, Definition 3's A_k) or
                                  mean-of-norm (E‖∂·/∂x_(t−k)‖_F). (values:
                                  norm-of-mean, mean-of-norm; default: norm-of-mean)
          --burn-in <n>           Steps before the first averaged window (default:
                                  generated input 50, at most half the steps left after
                                  b; data 0).
          --min-r-squared <r2>    R² the winning fit must reach, in [0, 1] (default
                                  0.99). (default: 0.99)
          --dominance <x>         How many times more unexplained variance the losing
                                  fit must leave, ≥ 1 (default 2). (default: 2.0)
          --lag-offset <k0>       k₀ of the power law (k + k₀)^(−p), ≥ 0 (default 0).
                                  (default: 0.0)
          --seed <seed>           Seed: a new network from s, the generated input or
                                  the task's data from s + 1. (default: 0)
          --figures <dir>         Write the figures (CSV data, gnuplot script, SVG when
                                  gnuplot is installed) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
          --version               Show the version.
          -h, --help              Show help information.
        """#,
        "memory states": #"""
        OVERVIEW: Memory parameter d of a network's inputs, state units and outputs,
        with 'check' verdicts.

        Runs the network on one sequence, drops --burn-in steps and estimates d of
        every input feature, every unit of the last layer's state segment --segment
        (default h, the hidden output; e.g. c of an LSTM, m of an MRNN) and every
        output, by local Whittle (Robinson 1995; m = ⌊n^0.65⌋) and GPH (Geweke &
        Porter-Hudak 1983; m = ⌊n^0.5⌋), with the verdict of 'rnnmem check' on each
        series (short memory, long memory, antipersistent, nonstationary,
        inconclusive). Short-memory persistence biases both estimators upward, LW more:
        for slowly contracting networks prefer GPH.

        What theory predicts (Zhao, Huang, Li & Chen 2020, ICML): a contracting network
        driven by white noise has short-memory states and outputs; driven by a
        long-memory input it passes the memory through (every direction with A(1) ≠ 0
        keeps the input's d); run autonomously, y_t = g(s_t) + σε_t fed back as the
        next input (--autonomous σ, their Theorem 1), it has short memory under their
        contraction conditions. --residuals adds d of the residuals e_t = target_t −
        y_t (with targets, e.g. --task series, whose targets are x_(t+1)) or e_(t+1) =
        x_(t+1) − y_t (a one-input, one-output predictor without targets): a predictor
        with summable coefficients leaves the input's d in its residuals; the
        fractional filter of MRNN/MRNNF can remove it.

        Input: --data/--task (one sequence, --sequence b), or generated (--input iid by
        default; --input arfima --d 0.4 for long memory) of --burn-in + --length n
        steps (defaults 100 + 4096). JSON keys: mode (driven or autonomous), samples,
        burn_in, segment, inputs, units, outputs, residuals (each a list of {d_lw,
        se_lw, d_gph, se_gph, verdict}, null when absent; a failed estimate is null
        with its reason in failure), units_median_d_lw, units_median_d_gph,
        unit_verdicts ({verdict: count}), input, network, figures, saved. --figures
        DIR: states.csv (unit, d_lw, se_lw, d_gph, se_gph) and states.svg. --save DIR:
        units.npy [n, units], outputs.npy [n, d_out], inputs.npy [n, d_in],
        residuals.npy.

        USAGE: rnnmem memory states <options>

        NETWORK:
          --weights <file>        Weights file (safetensors): rnnmem weights, or a
                                  PyTorch state dict with --pytorch.
          --pytorch               PyTorch state dict: the --weights file is one (give
                                  --model rnn|lstm|gru); in export, the file written is
                                  one.
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

        GENERATED INPUT:
          --input <kind>          Generated input (without --data/--task): iid = i.i.d.
                                  N(0, 1), uniform = i.i.d. U[−1, 1], ar = AR(1) with
                                  --phi, arfima = ARFIMA(p, d, q) with --d [--ar,
                                  --ma]; unit variance (uniform: ⅓). (values: iid,
                                  uniform, ar, arfima)
          --d <d>                 --input arfima: memory parameter d, −0.5 < d < 0.5.
          --ar <list>             --input arfima: AR coefficients φ₁,…,φ_p of φ(z) = 1
                                  − φ₁z − … − φ_p z^p.
          --ma <list>             --input arfima: MA coefficients θ₁,…,θ_q of θ(z) = 1
                                  + θ₁z + … + θ_q z^q.
          --phi <phi>             --input ar: lag-one correlation φ, −1 < φ < 1.
          --sequences <B>         Generated input: number of independent sequences B
                                  (default per verb); their length is --length T where
                                  the verb says so.

        OPTIONS:
          --autonomous <sigma>    Autonomous run: feed y_t + σε_t back as the next
                                  input (needs d_in = d_out), noise scale σ ≥ 0.
          --residuals             Also estimate d of the residuals (target − output, or
                                  x_(t+1) − y_t for a one-step predictor).
          --segment <name>        The last layer's state segment analysed (default h;
                                  e.g. c, m). (default: h)
          --burn-in <n>           Steps dropped at the start (default: generated 100,
                                  data 0).
          --sequence <b>          --data/--task: the sequence b (1-based) analysed.
                                  (default: 1)
          --seed <seed>           Seed: a new network from s, the generated input, the
                                  task's data or the noise from s + 1. (default: 0)
          --figures <dir>         Write the figures (CSV data, gnuplot script, SVG when
                                  gnuplot is installed) to this folder.
          --save <dir>            Write the arrays as NumPy .npy files (float64) to
                                  this directory (created if needed).
          --json                  Print one JSON object instead of plain text.
          -o, --output <file>     Write the result to this file instead of standard
                                  output.
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
                                  (values: gph, lw, lpw, elw, elw2, whittle, hr, mle,
                                  css, rs, dfa, aggvar; default: whittle)
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
