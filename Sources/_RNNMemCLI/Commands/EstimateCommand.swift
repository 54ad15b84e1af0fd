import ArgumentParser
import RNNMemory

/// `rnnmem estimate FILE --method M [tuning] [--json]`: one estimator of the memory parameter d.
struct EstimateCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate the memory parameter d (H = d + ½) of a series with one estimator.",
        discussion: """
            Methods: gph (log-periodogram regression, m = ⌊n^0.5⌋), lw (local Whittle, m = ⌊n^0.65⌋), lpw (local \
            polynomial Whittle of Andrews & Sun 2004, r = 1, m = ⌊n^0.65⌋; robust to AR-type dynamics), elw (exact \
            local Whittle, Shimotsu 2010 mean correction; valid for nonstationary d), elw2 (two-step ELW), whittle \
            (parametric ARFIMA(p,d,q) Whittle), hr (Haslett–Raftery approximate MLE), mle (exact Gaussian MLE, \
            n ≤ 20000), css (conditional sum of squares), rs (R/S, Anis–Lloyd–Peters), dfa (DFA-q), aggvar \
            (aggregated variance). Standard errors: 1/(2√m) for lw/elw, √(c_r/(4m)) for lpw (c₁ = 9/4), \
            (π²/6)/Σ(X_j − X̄)² for gph, the Whittle Fisher information for the parametric fits; the heuristics' s.e. are regression s.e. and unreliable.

            Plain output: 'key: value' lines with exact numbers. JSON keys: input, column, transform, n, method, \
            name, variant, d, se, ci ([lower, upper]), ci_level, bandwidth, trimming, order ({p, q}), scales, \
            tuning, hurst, hurst_definition, alternative_se, auxiliary, objective, notes (non-finite numbers are \
            null). With --columns: {input, transform, columns: [one object per column]}.
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions<LastNumericColumn>

    @Option(
        help: ArgumentHelp(
            "Estimator of d (see above).", valueName: "method"))
    var method: EstimationMethod

    @OptionGroup(title: "Estimator tuning") var tuning: EstimatorTuningOptions

    @OptionGroup var output: OutputOptions

    func run(console: Console) throws {
        let settings = try tuning.settings(for: method)
        let series = try input.read(console: console)
        var results: [(AnalysedSeries, MemoryEstimate)] = []
        for s in series {
            try s.requireUsable(atLeast: 2, for: "--method \(method.commandLineName)")
            do {
                results.append((s, try MemoryEstimator.estimate(s.values, method: method, settings: settings)))
            } catch {
                throw CLIError("\(s.label): \(method.commandLineName): \(error)")
            }
        }
        try output.emit(
            to: console,
            plain: {
                results.map { EstimateOutput.plain($0.1, label: $0.0.label) }.joined(separator: "\n")
            },
            json: {
                input.jsonResult(results.map { ($0.0, EstimateOutput.jsonFields($0.1).filter { $0.0 != "n" }) })
            })
    }
}
