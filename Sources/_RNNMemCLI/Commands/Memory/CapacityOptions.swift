import ArgumentParser
import RNNMemory

/// `--method analytic|empirical`.
enum CapacityMethodArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case analytic, empirical
}

/// The settings of Jaeger's memory capacity, shared by `memory capacity` and `memory horizon`.
struct CapacityOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Capacity: analytic (linear networks: stationary covariance from the Stein equation) or empirical (any network: held-out linear readouts).",
            valueName: "method"))
    var method: CapacityMethodArgument = .empirical

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Largest delay K: delays k = 0 … K (default: 2 × state variables, between 20 and 200).",
            valueName: "K"))
    var maxDelay: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Empirical, generated input: samples n after the washout (default 10000; half fit the readouts, half score them).",
            valueName: "n"))
    var samples: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Empirical: steps dropped at the start of every sequence, ≥ K (default max(K, 100); data: max(K, min(100, T/4))).",
            valueName: "w"))
    var washout: Int?

    @Option(
        help: ArgumentHelp(
            "Empirical: variables the readouts see: state (the joint state, LSTM h and c), hidden (last layer's h), outputs.",
            valueName: "vars"))
    var readout: ReadoutArgument = .state

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Empirical: fraction of the samples the readouts are fitted on; the rest scores them.", valueName: "f"))
    var trainingFraction: Double = 0.5

    /// Library argument names → flags.
    static let flags = [
        "maxDelay": "--max-delay", "washout": "--washout", "trainingFraction": "--training-fraction",
        "steps": "--samples", "model": "--method analytic", "states": "--readout", "feature": "--inputs",
        "threshold": "--threshold",
    ]

    /// Checks the values; `hasData` tells whether --data/--task supply the inputs, `generatedOptions` lists the
    /// generated-input options given.
    func validateValues(hasData: Bool, generatedOptions: [String]) throws(CLIError) {
        if let maxDelay {
            guard maxDelay >= 0 else { throw CLIError.invalidArgument("--max-delay", String(maxDelay), "must be ≥ 0") }
            guard maxDelay <= 100_000 else {
                throw CLIError.invalidArgument("--max-delay", String(maxDelay), "must be ≤ 100000")
            }
        }
        if let samples { try Arguments.count(samples, "--samples", minimum: 4) }
        if let washout {
            guard washout >= 0 else { throw CLIError.invalidArgument("--washout", String(washout), "must be ≥ 0") }
            if let maxDelay, washout < maxDelay {
                throw CLIError.invalidArgument(
                    "--washout", String(washout),
                    "must be ≥ --max-delay \(maxDelay) so that every target x_(t−k) exists")
            }
        }
        guard trainingFraction.isFinite, trainingFraction > 0, trainingFraction < 1 else {
            throw CLIError.invalidArgument(
                "--training-fraction", NumberText.format(trainingFraction), "must lie in (0, 1)")
        }
        if hasData, samples != nil {
            throw CLIError("--samples applies to a generated input; --data/--task give their own length")
        }
        if method == .analytic {
            if hasData {
                throw CLIError("--method analytic takes no --data/--task: it assumes i.i.d. unit-variance input")
            }
            let empiricalOnly =
                [
                    ("--samples", samples != nil), ("--washout", washout != nil), ("--readout", readout != .state),
                    ("--training-fraction", trainingFraction != 0.5),
                ] + generatedOptions.map { ($0, true) }
            if let (flag, _) = empiricalOnly.first(where: \.1) {
                throw CLIError(
                    "\(flag) applies to --method empirical (the analytic capacity assumes i.i.d. unit-variance input and reads the whole state)"
                )
            }
        }
    }

    /// K for `model`: --max-delay, else 2 × the readout's state variables clamped to [20, 200].
    func delay(for model: any RecurrentModel) -> Int {
        maxDelay ?? min(200, max(20, 2 * (method == .analytic ? model.stateSize : readout.features.width(of: model))))
    }

    /// The washout for K on sequences of T steps (generated: T unknown, nil).
    func washout(maxDelay k: Int, steps: Int?) -> Int {
        if let washout { return washout }
        guard let steps else { return max(k, 100) }
        return max(k, min(100, steps / 4))
    }

    /// The samples left after the washout must fit the readouts (at least state variables + 2) and score them
    /// (at least 2), split by --training-fraction; else one line naming --max-delay and --washout.
    private func requireSamples(
        _ model: any RecurrentModel, setup: ProbeSetup, maxDelay k: Int, washout w: Int
    ) throws(CLIError) {
        let t = setup.inputs.steps, b = setup.inputs.batchSize
        let p = readout.features.width(of: model)
        func enough(_ n: Int) -> Bool {
            let fit = Int((Double(n) * trainingFraction).rounded(.down))
            return fit >= p + 2 && n - fit >= 2
        }
        let n = (t - w) * b
        guard !enough(n) else { return }
        var needed = p + 4
        while !enough(needed) && needed < Int.max / 4 { needed += 1 }
        let washoutText = washout == nil ? "the default washout \(w)" : "--washout \(w)"
        let remedy = setup.process == nil ? "a longer series" : "more --samples"
        throw CLIError(
            "--max-delay \(k) and \(washoutText) leave \(n) sample\(n == 1 ? "" : "s") of the \(b) × \(t) input steps; "
                + "fitting \(p) state variables and scoring the readouts needs at least \(needed): lower --max-delay or "
                + "set a shorter --washout, or give \(remedy)")
    }

    /// Steps of a generated input: washout + samples.
    func generatedSteps(for model: any RecurrentModel) throws(CLIError) -> Int {
        let k = delay(for: model)
        let total = washout(maxDelay: k, steps: nil) + (samples ?? 10_000)
        try Arguments.count(total, "--samples")
        return total
    }

    /// The capacity of `model` (analytic) or on `setup`'s inputs (empirical), and the washout used (nil: analytic).
    func compute(_ model: any RecurrentModel, setup: ProbeSetup?) throws(CLIError) -> (MemoryCapacity, Int?) {
        let k = delay(for: model)
        switch method {
        case .analytic:
            return (try ProbeErrors.run(Self.flags) { try MemoryCapacity.analytic(model: model, maxDelay: k) }, nil)
        case .empirical:
            guard let setup else { throw CLIError("internal: no inputs for the empirical capacity") }
            let t = setup.inputs.steps
            if k >= t {
                throw CLIError.invalidArgument(
                    "--max-delay", String(k), "must be smaller than the sequence length \(t)")
            }
            let w = washout(maxDelay: k, steps: setup.process == nil ? t : nil)
            if w >= t {
                throw CLIError.invalidArgument("--washout", String(w), "leaves no step of the sequence length \(t)")
            }
            try requireSamples(model, setup: setup, maxDelay: k, washout: w)
            try setup.requireVariation(after: w)
            let result = try ProbeErrors.run(Self.flags) {
                try MemoryCapacity.empirical(
                    model: model, inputs: setup.inputs, maxDelay: k, washout: w,
                    features: readout.features, trainingFraction: trainingFraction)
            }
            return (result, w)
        }
    }
}
