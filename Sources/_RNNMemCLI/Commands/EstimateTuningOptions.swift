import ArgumentParser
import RNNMemory

/// `--bandwidth m|plug-in`.
enum BandwidthArgument: ExpressibleByArgument, Sendable, Equatable {
    case count(Int)
    case plugIn

    init?(argument: String) {
        if argument == "plug-in" {
            self = .plugIn
        } else if let m = Int(argument) {
            self = .count(m)
        } else {
            return nil
        }
    }
}

/// `--taper none|velasco|hurvich-chen`.
enum TaperArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case none, velasco
    case hurvichChen = "hurvich-chen"

    var taper: LocalWhittle.Taper {
        switch self {
        case .none: return .none
        case .velasco: return .velasco
        case .hurvichChen: return .hurvichChen(differences: 1)
        }
    }
}

/// The tuning options of the estimators of d, shared by `rnnmem estimate` and the Wald test of `rnnmem test`.
struct EstimatorTuningOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Number m of Fourier frequencies (gph, lw, elw, elw2), or 'plug-in' for the data-driven rule "
                + "(gph, lw).", valueName: "m|plug-in"))
    var bandwidth: BandwidthArgument?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Bandwidth exponent: m = ⌊n^α⌋, 0 < α < 1.", valueName: "α"))
    var alpha: Double?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Skip the lowest l Fourier frequencies (gph, lw).", valueName: "l"))
    var trim: Int?

    @Option(
        help: ArgumentHelp(
            "Data taper of lw: Velasco (1999) Kolmogorov taper of order 3, or Hurvich & Chen (2000) after one "
                + "difference.", valueName: "taper"))
    var taper: TaperArgument?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Bias-reduction order r = 0…4: Andrews–Guggenberger (gph), local polynomial order (lpw, default 1).",
            valueName: "r"))
    var biasReduction: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("AR order p of ARFIMA(p,d,q) (whittle, hr, mle, css).", valueName: "p"))
    var arOrder: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("MA order q of ARFIMA(p,d,q) (whittle, hr, mle, css).", valueName: "q"))
    var maOrder: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Polynomial detrending order 0…3 before estimating (elw2).", valueName: "k"))
    var detrend: Int?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Detrending polynomial order of DFA (default 1).", valueName: "q"))
    var dfaOrder: Int?

    @Option(
        help: ArgumentHelp("Block or window sizes, comma-separated (rs, dfa, aggvar).", valueName: "list"),
        transform: { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } })
    var scales: [String]?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Coverage of the confidence interval, 0 < level < 1.", valueName: "level"))
    var confidence: Double = 0.95

    /// Settings for `method`; an option that does not apply to it is an error, not silently ignored.
    func settings(for method: EstimationMethod) throws(CLIError) -> EstimatorSettings {
        func only(_ flag: String, _ present: Bool, _ methods: [EstimationMethod]) throws(CLIError) {
            guard present, !methods.contains(method) else { return }
            throw CLIError(
                "\(flag) does not apply to --method \(method.commandLineName); it is used by "
                    + methods.map(\.commandLineName).joined(separator: ", "))
        }
        try only(
            "--bandwidth", bandwidth != nil,
            [.gewekePorterHudak, .localWhittle, .localPolynomialWhittle, .exactLocalWhittle, .twoStepExactLocalWhittle])
        try only(
            "--alpha", alpha != nil,
            [.gewekePorterHudak, .localWhittle, .localPolynomialWhittle, .exactLocalWhittle, .twoStepExactLocalWhittle])
        try only("--trim", trim != nil, [.gewekePorterHudak, .localWhittle])
        try only("--taper", taper != nil, [.localWhittle])
        try only("--bias-reduction", biasReduction != nil, [.gewekePorterHudak, .localPolynomialWhittle])
        try only(
            "--ar-order", arOrder != nil,
            [.whittle, .haslettRaftery, .exactMaximumLikelihood, .conditionalSumOfSquares])
        try only(
            "--ma-order", maOrder != nil,
            [.whittle, .haslettRaftery, .exactMaximumLikelihood, .conditionalSumOfSquares])
        try only("--detrend", detrend != nil, [.twoStepExactLocalWhittle])
        try only("--dfa-order", dfaOrder != nil, [.detrendedFluctuationAnalysis])
        try only("--scales", scales != nil, [.rescaledRange, .detrendedFluctuationAnalysis, .aggregatedVariance])
        if bandwidth != nil && alpha != nil { throw CLIError("give --bandwidth or --alpha, not both") }
        guard confidence.isFinite, confidence > 0, confidence < 1 else {
            throw CLIError.invalidArgument("--confidence", NumberText.format(confidence), "must be in (0, 1)")
        }
        var s = EstimatorSettings(confidenceLevel: confidence)
        switch bandwidth {
        case .count(let m)?:
            guard m >= 1 else { throw CLIError.invalidArgument("--bandwidth", String(m), "must be ≥ 1 (or 'plug-in')") }
            s.bandwidth = .count(m)
        case .plugIn?:
            guard method == .gewekePorterHudak || method == .localWhittle else {
                throw CLIError("--bandwidth plug-in is available for gph and lw, not \(method.commandLineName)")
            }
            s.bandwidth = .plugIn
        case nil:
            break
        }
        if let alpha {
            guard alpha.isFinite, alpha > 0, alpha < 1 else {
                throw CLIError.invalidArgument("--alpha", NumberText.format(alpha), "must be in (0, 1)")
            }
            s.bandwidth = .exponent(alpha)
        }
        if let trim {
            guard trim >= 0 else { throw CLIError.invalidArgument("--trim", String(trim), "must be ≥ 0") }
            s.trimming = trim
        }
        if let taper { s.taper = taper.taper }
        if let biasReduction {
            guard (0...4).contains(biasReduction) else {
                throw CLIError.invalidArgument("--bias-reduction", String(biasReduction), "must be in 0…4")
            }
            s.biasReductionOrder = biasReduction
        }
        if let arOrder {
            guard (0...10).contains(arOrder) else {
                throw CLIError.invalidArgument("--ar-order", String(arOrder), "must be in 0…10")
            }
            s.parametric.p = arOrder
        }
        if let maOrder {
            guard (0...10).contains(maOrder) else {
                throw CLIError.invalidArgument("--ma-order", String(maOrder), "must be in 0…10")
            }
            s.parametric.q = maOrder
        }
        if let detrend {
            guard (0...3).contains(detrend) else {
                throw CLIError.invalidArgument("--detrend", String(detrend), "must be in 0…3")
            }
            s.detrendOrder = detrend
        }
        if let dfaOrder {
            guard (0...10).contains(dfaOrder) else {
                throw CLIError.invalidArgument("--dfa-order", String(dfaOrder), "must be in 0…10")
            }
            s.dfaOrder = dfaOrder
        }
        if let scales {
            var values: [Int] = []
            for text in scales {
                guard let v = Int(text), v >= 1 else {
                    throw CLIError.invalidArgument(
                        "--scales", "'\(text)'", "must be a comma-separated list of integers ≥ 1")
                }
                values.append(v)
            }
            s.scales = values
        }
        return s
    }
}
