import ArgumentParser
import RNNMemory

/// `--lag-rule andrews|schwert4|schwert12|auto`.
enum LagRuleArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case andrews, schwert4, schwert12, auto

    var choice: LagChoice {
        switch self {
        case .andrews: return .andrewsAR1
        case .schwert4: return .schwert(multiplier: 4)
        case .schwert12: return .legacy
        case .auto: return .neweyWest
        }
    }
}

/// `rnnmem test FILE --method lo|vs|kpss|wald [--lags Q] [--trend] [--json]`: one test of memory.
struct TestCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Test a series for memory: Lo's modified R/S, V/S, KPSS, or a Wald test of d = 0.",
        discussion: """
            lo: Lo (1991) modified R/S, H0 short memory, critical values from the range of a Brownian bridge \
            (two-sided 5%: [0.809, 1.862]); vs: V/S (Giraitis et al. 2003), upper tail; kpss: KPSS (Kwiatkowski et al. \
            1992) H0 level (or, with --trend, trend) stationarity, Table 1 critical values; wald: z = d̂/s.e. on the \
            estimate of --estimator (default lw). Truncation lag q of the Bartlett long-run variance: --lags, or \
            --lag-rule (defaults: andrews for lo and vs, auto = Hobijn–Franses–Ooms for kpss); the statistic is also \
            reported at q = 0, 1, 2, 5, 10, 20, 50, 100 (up to n/4), since V(q) drifts toward H0 as q grows.

            Plain output: 'key: value' lines. JSON keys: input, column, transform, n, name, method, statistic, \
            critical_value ([c] one-sided, [lower, upper] two-sided), level, alternative, reject, rejection_side, \
            p_value, p_value_kind, p_value_bounds, null_hypothesis, alternative_hypothesis, lags, lag_rule, \
            bandwidth, estimate_method, critical_values, lag_profile, auxiliary, notes. Several columns: {input, \
            transform, columns: [one object per column]}.
            """)

    @OptionGroup(title: "Input") var input: SeriesInputOptions<LastNumericColumn>

    @Option(help: ArgumentHelp("Test of memory (see above).", valueName: "method"))
    var method: MemoryTestMethod

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Truncation lag q of the long-run variance (lo, vs, kpss).", valueName: "q"))
    var lags: Int?

    @Option(
        help: ArgumentHelp(
            "Rule for q (lo, vs, kpss): Andrews' AR(1) rule, ⌊4(n/100)^(1/4)⌋, ⌊12(n/100)^(1/4)⌋, or the "
                + "Hobijn–Franses–Ooms automatic rule.", valueName: "rule"))
    var lagRule: LagRuleArgument?

    @Flag(help: "KPSS: H0 trend stationarity instead of level stationarity.")
    var trend = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Significance level α, 0 < α < 0.5 (kpss: 0.01 … 0.10).", valueName: "α"))
    var level: Double = 0.05

    @Option(
        help: ArgumentHelp(
            "Alternative hypothesis (defaults: lo two-sided, vs and kpss greater, wald two-sided).", valueName: "side"))
    var alternative: TestAlternative?

    @Option(help: ArgumentHelp("Estimator of d behind the Wald test (default lw).", valueName: "method"))
    var estimator: EstimationMethod?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Bandwidth m of the Wald test's estimator, or 'plug-in'.", valueName: "m|plug-in"))
    var bandwidth: BandwidthArgument?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Bandwidth exponent of the Wald test's estimator: m = ⌊n^α⌋.", valueName: "α"))
    var alpha: Double?

    @OptionGroup var output: OutputOptions

    func settings() throws(CLIError) -> MemoryTestSettings {
        if lags != nil && lagRule != nil { throw CLIError("give --lags or --lag-rule, not both") }
        if (lags != nil || lagRule != nil) && method == .wald {
            throw CLIError("--lags and --lag-rule apply to lo, vs and kpss, not wald")
        }
        if trend && method != .kwiatkowskiPhillipsSchmidtShin { throw CLIError("--trend applies to kpss only") }
        if (estimator != nil || bandwidth != nil || alpha != nil) && method != .wald {
            throw CLIError("--estimator, --bandwidth and --alpha apply to the wald test only")
        }
        guard level.isFinite, level > 0, level < 0.5 else {
            throw CLIError.invalidArgument("--level", NumberText.format(level), "must be in (0, 0.5)")
        }
        var s = MemoryTestSettings(level: level, alternative: alternative)
        if let lags {
            guard lags >= 0 else { throw CLIError.invalidArgument("--lags", String(lags), "must be ≥ 0") }
            s.lags = .fixed(lags)
        }
        if let lagRule { s.lags = lagRule.choice }
        s.kpssKind = trend ? .trend : .level
        if method == .wald {
            let e = estimator ?? .localWhittle
            var tuning = EstimatorSettings()
            if bandwidth != nil && alpha != nil { throw CLIError("give --bandwidth or --alpha, not both") }
            if let bandwidth {
                guard [.gewekePorterHudak, .localWhittle, .exactLocalWhittle, .twoStepExactLocalWhittle].contains(e)
                else {
                    throw CLIError("--bandwidth does not apply to --estimator \(e.commandLineName)")
                }
                switch bandwidth {
                case .count(let m):
                    guard m >= 1 else { throw CLIError.invalidArgument("--bandwidth", String(m), "must be ≥ 1") }
                    tuning.bandwidth = .count(m)
                case .plugIn:
                    guard e == .gewekePorterHudak || e == .localWhittle else {
                        throw CLIError("--bandwidth plug-in is available for gph and lw")
                    }
                    tuning.bandwidth = .plugIn
                }
            }
            if let alpha {
                guard [.gewekePorterHudak, .localWhittle, .exactLocalWhittle, .twoStepExactLocalWhittle].contains(e)
                else {
                    throw CLIError("--alpha does not apply to --estimator \(e.commandLineName)")
                }
                guard alpha.isFinite, alpha > 0, alpha < 1 else {
                    throw CLIError.invalidArgument("--alpha", NumberText.format(alpha), "must be in (0, 1)")
                }
                tuning.bandwidth = .exponent(alpha)
            }
            s.waldEstimator = e
            s.estimatorSettings = tuning
        }
        return s
    }

    func run(console: Console) throws {
        let settings = try settings()
        let series = try input.read(console: console)
        var results: [(AnalysedSeries, MemoryTestResult)] = []
        for s in series {
            try s.requireUsable(atLeast: 2, for: "--method \(method.commandLineName)")
            do {
                results.append((s, try MemoryTester.test(s.values, method: method, settings: settings)))
            } catch {
                throw CLIError("\(s.label): \(method.commandLineName): \(error)")
            }
        }
        try output.emit(
            to: console,
            plain: { results.map { TestOutput.plain($0.1, label: $0.0.label) }.joined(separator: "\n") },
            json: {
                input.jsonResult(results.map { ($0.0, TestOutput.jsonFields($0.1).filter { $0.0 != "n" }) })
            })
    }
}
