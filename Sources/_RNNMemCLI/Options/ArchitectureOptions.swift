import ArgumentParser
import RNNMemory

/// The sizes and architecture options of a new network (with `--model NAME`): shared by `train`, `grad-check` and
/// the network group of `run`, `eval`, `export` (``NetworkOptions``). Every option is optional so that a verb can
/// tell which were given: each applies to some architectures only, and giving it to another is an error naming
/// both.
///
/// Initialisation: with `--task lsi` the students start as Zucchet & Orvieto's protocol prescribes
/// (``ModelSpecification/protocolInitialization(for:)``); `--ring-min`, `--ring-max`, `--max-phase` and
/// `--init-scheme` override single parts of it (or of the architecture's default initialisation).
struct ArchitectureOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden width N of each layer (default 32).", valueName: "N"))
    var hidden: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Number of stacked layers (default 1; mrnn, mrnnf, mrnnw: 1).", valueName: "L"))
    var layers: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Filter window K of mrnn, mrnnf, mrnnw, mlstm, mlstmf (default 100 for mrnn/mrnnf/mrnnw, 25 for mlstm/mlstmf).",
            valueName: "K"))
    var window: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "linear: number of diagonal blocks of the recurrent matrix (must divide --hidden; default 1).",
            valueName: "H"))
    var heads: Int?

    @Option(
        help: ArgumentHelp(
            "linear, cdiag, lru: readout skip term D x_t: none, diagonal (needs d_out = d_in) or matrix (default: matrix; lru diagonal).",
            valueName: "kind"))
    var skip: SkipConnection?

    @Option(
        help: ArgumentHelp(
            "cdiag: parametrization of λ: default (Re λ, Im λ), polar, exp, scaled-exp, optimal (lru: exp).",
            valueName: "name"))
    var parametrization: EigenvalueParametrization?

    @Option(
        help: ArgumentHelp(
            "cdiag: input normalisation γ: none (default), l2 = √(1 − |λ|²), l1 = 1 − |λ|, learned (lru: learned).",
            valueName: "name"))
    var normalization: NormalizationArgument?

    @Option(
        help: ArgumentHelp(
            "cdiag, lru: ring initialisation scheme, orvieto2023 (lru's default) or zucchet-orvieto2024 (cdiag's default; --task lsi).",
            valueName: "name"))
    var initScheme: DiagonalInitialization.Scheme?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "cdiag, lru: smallest |λ| of the ring (default 0; --task lsi: the teacher's ν₀); linear: ν₀ of the moduli ν₀ + (ν_max − ν₀)·tanh|l| (default 0).",
            valueName: "r"))
    var ringMin: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "cdiag, lru: largest |λ| of the ring, ≤ 1 (default 1); linear: ν_max (default 1).", valueName: "r"))
    var ringMax: Double?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "cdiag, lru, linear: largest eigenvalue phase φ_max (defaults: lru 6.28, cdiag and linear π; --task lsi: the teacher's, 3.14).",
            valueName: "phi"))
    var maxPhase: Double?

    @Flag(
        help:
            "mrnnf: apply tanh to the output, as the official MRNNF cell of Zhao et al. does (compatibility; default: linear readout)."
    )
    var outputTanh = false

    /// The hidden width (default 32).
    var hiddenSize: Int { hidden ?? 32 }
    /// The number of layers (default 1).
    var layerCount: Int { layers ?? 1 }

    /// The options that were given, by flag name (to reject them where no new network is built).
    var givenOptions: [String] {
        var given: [String] = []
        if hidden != nil { given.append("--hidden") }
        if layers != nil { given.append("--layers") }
        if window != nil { given.append("--window") }
        if heads != nil { given.append("--heads") }
        if skip != nil { given.append("--skip") }
        if parametrization != nil { given.append("--parametrization") }
        if normalization != nil { given.append("--normalization") }
        if initScheme != nil { given.append("--init-scheme") }
        if ringMin != nil { given.append("--ring-min") }
        if ringMax != nil { given.append("--ring-max") }
        if maxPhase != nil { given.append("--max-phase") }
        if outputTanh { given.append("--output-tanh") }
        return given
    }

    /// The largest parameter count a new network may have (checked before anything is allocated).
    static let maximumParameterCount = 50_000_000

    /// 4·N·(N + 2)·L + 4·N·(N + 1): a bound on the parameters of every architecture with small input/output widths.
    var estimatedParameterCount: Int {
        let n = hiddenSize, l = layerCount
        return 4 * n * (n + 2) * l + 4 * n * (n + 1)
    }

    /// Checks the values and that each option applies to `model`.
    func validateValues(for model: ModelArgument) throws(CLIError) {
        try Arguments.count(hiddenSize, "--hidden")
        guard hiddenSize <= 4096 else {
            throw CLIError.invalidArgument("--hidden", String(hiddenSize), "must be ≤ 4096")
        }
        try Arguments.count(layerCount, "--layers")
        guard layerCount <= 64 else { throw CLIError.invalidArgument("--layers", String(layerCount), "must be ≤ 64") }
        if [.mrnn, .mrnnf, .mrnnw].contains(model) && layerCount != 1 {
            throw CLIError.invalidArgument("--layers", String(layerCount), "\(model.rawValue) has one layer")
        }
        // A typo must give an error, not exhaust memory.
        guard estimatedParameterCount <= Self.maximumParameterCount else {
            throw CLIError(
                "--hidden \(hiddenSize) with --layers \(layerCount) is too large a model (about \(estimatedParameterCount) parameters; the limit is \(Self.maximumParameterCount))"
            )
        }
        func only(_ flag: String, _ given: Bool, _ models: [ModelArgument]) throws(CLIError) {
            guard !given || models.contains(model) else {
                throw CLIError(
                    "\(flag) applies to \(models.map(\.rawValue).joined(separator: ", ")), not \(model.rawValue)")
            }
        }
        try only("--window", window != nil, [.mrnn, .mrnnf, .mrnnw, .mlstm, .mlstmf])
        if let window {
            try Arguments.count(window, "--window")
            guard window <= 100_000 else {
                throw CLIError.invalidArgument("--window", String(window), "must be ≤ 100000")
            }
        }
        try only("--heads", heads != nil, [.linear])
        if let heads {
            try Arguments.count(heads, "--heads")
            guard hiddenSize % heads == 0 else {
                throw CLIError.invalidArgument("--heads", String(heads), "must divide --hidden \(hiddenSize)")
            }
        }
        try only("--skip", skip != nil, [.linear, .cdiag, .lru])
        try only("--init-scheme", initScheme != nil, [.cdiag, .lru])
        try only("--ring-min", ringMin != nil, [.cdiag, .lru, .linear])
        try only("--ring-max", ringMax != nil, [.cdiag, .lru, .linear])
        try only("--max-phase", maxPhase != nil, [.cdiag, .lru, .linear])
        try only("--output-tanh", outputTanh, [.mrnnf])
        if model == .lru {
            if let parametrization, parametrization != .exp {
                throw CLIError(
                    "--parametrization \(parametrization.commandLineName): the LRU is the exp parametrization with learned γ; use --model cdiag --parametrization \(parametrization.commandLineName) --normalization learned"
                )
            }
            if let normalization, normalization != .learned {
                throw CLIError(
                    "--normalization \(normalization.rawValue): the LRU's γ is learned; use --model cdiag --normalization \(normalization.rawValue) --parametrization exp"
                )
            }
        } else {
            try only("--parametrization", parametrization != nil, [.cdiag])
            try only("--normalization", normalization != nil, [.cdiag])
        }
        if let ringMin {
            guard ringMin.isFinite, ringMin >= 0, ringMin < 1 else {
                throw CLIError.invalidArgument("--ring-min", NumberText.format(ringMin), "must lie in [0, 1)")
            }
        }
        if let ringMax {
            guard ringMax.isFinite, ringMax > 0, ringMax <= 1 else {
                throw CLIError.invalidArgument("--ring-max", NumberText.format(ringMax), "must lie in (0, 1]")
            }
        }
        if let ringMin, let ringMax, ringMin > ringMax {
            throw CLIError("--ring-min \(NumberText.format(ringMin)) exceeds --ring-max \(NumberText.format(ringMax))")
        }
        if let maxPhase {
            guard maxPhase.isFinite, maxPhase > 0, maxPhase <= 2 * Double.pi else {
                throw CLIError.invalidArgument("--max-phase", NumberText.format(maxPhase), "must lie in (0, 2π]")
            }
        }
    }

    /// The specification of a new `model` with these widths; with a built-in task, its students' protocol
    /// initialisation (``ModelSpecification/protocolInitialization(for:)``), then the options given on top.
    func specification(model: ModelArgument, inputSize: Int, outputSize: Int, task: TaskSpecification? = nil) throws
        -> ModelSpecification
    {
        if [.linear, .cdiag, .lru].contains(model), (skip ?? (model == .lru ? .diagonal : .matrix)) == .diagonal,
            inputSize != outputSize
        {
            throw CLIError(
                "--model \(model.rawValue): the diagonal skip term D ⊙ x\(skip == nil ? " (the default --skip of lru)" : "")"
                    + " needs as many outputs as inputs, got \(outputSize) output\(outputSize == 1 ? "" : "s") and "
                    + "\(inputSize) input\(inputSize == 1 ? "" : "s"); give --skip matrix or --skip none")
        }
        var configuration = ComplexDiagonalConfiguration()
        if let parametrization { configuration.parametrization = parametrization }
        if let normalization { configuration.normalization = normalization.normalization }
        var spec = try ModelSpecification(
            architecture: model.architecture, inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
            layers: layerCount, window: window, outputTanh: outputTanh, heads: heads ?? 1, skip: skip,
            complexDiagonal: configuration)
        if let task { spec = spec.protocolInitialization(for: task) }
        switch model {
        case .cdiag, .lru:
            if initScheme != nil || ringMin != nil || ringMax != nil || maxPhase != nil {
                var ring = spec.diagonalInitialization ?? spec.defaultDiagonalInitialization
                if let initScheme {
                    // Another scheme brings its own default phase range unless --max-phase is given.
                    if initScheme != ring.scheme {
                        ring.maximumPhase = initScheme == .orvieto2023 ? 6.28 : Double.pi
                    }
                    ring.scheme = initScheme
                }
                if let ringMin { ring.minimumModulus = ringMin }
                if let ringMax { ring.maximumModulus = ringMax }
                if let maxPhase { ring.maximumPhase = maxPhase }
                spec.diagonalInitialization = ring
            }
        case .linear:
            if ringMin != nil || ringMax != nil || maxPhase != nil {
                var moduli = spec.linearInitialization ?? LinearRNNInitialization()
                if let ringMin { moduli.minimumModulus = ringMin }
                if let ringMax { moduli.maximumModulus = ringMax }
                if let maxPhase { moduli.maximumPhase = maxPhase }
                spec.linearInitialization = moduli
            }
        default:
            break
        }
        return spec
    }

    /// The initialisation in words, for reports and metadata (empty for architectures without options).
    static func initializationDescription(_ spec: ModelSpecification) -> String {
        switch spec.architecture {
        case .lru, .complexDiagonalRNN:
            let r = spec.diagonalInitialization ?? spec.defaultDiagonalInitialization
            return
                "\(r.scheme.commandLineName) ring |λ| ∈ [\(NumberText.format(r.minimumModulus)), \(NumberText.format(r.maximumModulus))], max phase \(NumberText.format(r.maximumPhase))"
        case .linearRNN:
            let m = spec.linearInitialization ?? LinearRNNInitialization()
            return
                "moduli \(NumberText.format(m.minimumModulus)) + (\(NumberText.format(m.maximumModulus)) − \(NumberText.format(m.minimumModulus)))·tanh|l|, max phase \(NumberText.format(m.maximumPhase))"
        default:
            return ""
        }
    }
}
