import ArgumentParser
import Foundation
import RNNMemory

/// The network of a `spectrum` verb: ``NetworkOptions`` and, for a new vanilla RNN, `--recurrent-gain g`.
struct SpectrumNetworkOptions: ParsableArguments {
    @OptionGroup(title: "Network") var network: NetworkOptions

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "New --model rnn: redraw every layer's W_hh with i.i.d. N(0, g²/N) entries from the seed (spectral radius ≈ g).",
            valueName: "g"))
    var recurrentGain: Double?

    func validateValues() throws(CLIError) {
        try network.validateValues()
        if let g = recurrentGain {
            guard network.isNew, network.model == .rnn else {
                throw CLIError(
                    "--recurrent-gain applies to a new --model rnn (the vanilla tanh RNN), not to \(network.isNew ? "--model \(network.model?.rawValue ?? "")" : "--weights")"
                )
            }
            guard g.isFinite, g >= 0, g <= 1e6 else {
                throw CLIError.invalidArgument(
                    "--recurrent-gain", NumberText.format(g), "must be finite, ≥ 0 and ≤ 1e6")
            }
        }
    }

    /// The network (a new one from `seed`, with W_hh redrawn when `--recurrent-gain` is given).
    func load(widths: NetworkOptions.DataWidths, seed: UInt64, task: TaskSpecification?) throws(CLIError)
        -> LoadedNetwork
    {
        let loaded = try network.load(widths: widths, seed: seed, task: task)
        guard let g = recurrentGain else { return loaded }
        var model = loaded.model
        do {
            var p = model.parameters
            for layer in 0..<model.layerCount {
                let group = try model.parameterGroup(named: "layer\(layer).W_hh")
                // The couplings of layer ℓ come from seed s + 4 + ℓ (frames and probes use s + 3).
                let w = try GaussianCouplings.matrix(
                    size: group.rows, gain: g, seed: SpectrumSeeds(seed).couplings &+ UInt64(layer))
                for (k, i) in group.range.enumerated() { p[i] = w.elements[k] }
            }
            try model.setParameters(p)
        } catch {
            throw cliError(error, context: "--recurrent-gain")
        }
        return LoadedNetwork(
            model: model, kind: loaded.kind, source: loaded.source, metadata: loaded.metadata,
            initialization: (loaded.initialization.isEmpty ? "" : loaded.initialization + "; ")
                + "W_hh ~ N(0, g²/N), g = \(NumberText.format(g))")
    }
}

/// The seeds of a `spectrum` verb with `--seed s`: a new network from s, task data from s + 1 (as `train`), random
/// frames, perturbations and probe vectors from s + 3, the W_hh of `--recurrent-gain` from s + 4 (+ layer).
struct SpectrumSeeds {
    let seed: UInt64
    init(_ seed: UInt64) { self.seed = seed }
    /// Frames, perturbations, probes: s + 3.
    var random: UInt64 { seed &+ 3 }
    /// Couplings of `--recurrent-gain`: s + 4 (layer ℓ: s + 4 + ℓ).
    var couplings: UInt64 { seed &+ 4 }
}

/// A network with its data, checked against each other, for the `spectrum` verbs.
struct SpectrumSubject {
    let network: LoadedNetwork
    let data: LoadedData

    var model: any RecurrentModel { network.model }

    /// Loads the data, then the network (a new one takes its widths from the data), and checks that they fit.
    static func load(network: SpectrumNetworkOptions, data: DataOptions, seed: UInt64, console: Console)
        throws(CLIError) -> SpectrumSubject
    {
        try network.validateValues()
        try data.validateValues()
        let d = try data.load(seed: seed, console: console)
        let n = try network.load(widths: d.widths, seed: seed, task: d.task?.specification)
        try d.validate(for: n.model)
        return SpectrumSubject(network: n, data: d)
    }

    /// Runs the network over the data once and refuses a trajectory that overflows, with the same one-line error
    /// for every verb: `DATA: divergent trajectory at step t (sequence b): …` (t counts the states s_1 … s_T from
    /// the zero state s_0, as the Lyapunov iteration does). Only the sequences in `sequences` (default: all) count.
    /// Without this check each computation would fail at its own place (an initial state, a cotangent, an
    /// operator product) with a message that does not say what happened.
    func requireFiniteTrajectory(sequences: Range<Int>? = nil) throws(CLIError) {
        let d = data.data
        let selected = sequences ?? 0..<d.batchSize
        let trajectory: RecurrentTrajectory
        do {
            trajectory = try model.forward(d.inputs)
        } catch {
            throw cliError(error, context: data.description)
        }
        let batch = d.batchSize
        for t in 1...max(1, d.steps) where t <= d.steps {
            for b in selected {
                var offset = 0
                for states in trajectory.states {
                    let size = states.features
                    let base = size * (b + batch * t)
                    for i in 0..<size where !states.values[base + i].isFinite {
                        throw Self.divergence(
                            data.description, step: t, sequence: b,
                            "state component \(offset + i) is \(NumberText.format(states.values[base + i]))")
                    }
                    offset += size
                }
                let outputs = trajectory.outputs
                let base = outputs.features * (b + batch * (t - 1))
                for k in 0..<outputs.features where !outputs.values[base + k].isFinite {
                    throw Self.divergence(
                        data.description, step: t, sequence: b,
                        "output \(k) is \(NumberText.format(outputs.values[base + k]))")
                }
            }
        }
    }

    static func divergence(_ context: String, step: Int, sequence: Int, _ what: String) -> CLIError {
        CLIError(
            "\(context): divergent trajectory at step \(step) (sequence \(sequence)): \(what) (the network's state "
                + "overflows on these data; no result)")
    }

    /// Sequence b of the data (inputs, and targets when present) as one-sequence batches.
    func sequence(_ b: Int, option: String = "--sequence") throws(CLIError) -> (
        inputs: SequenceBatch, targets: SequenceBatch?
    ) {
        let d = data.data
        guard b >= 0 && b < d.batchSize else {
            throw CLIError.invalidArgument(
                option, String(b), "the data (\(data.description)) have sequences 0…\(d.batchSize - 1)")
        }
        do {
            let x = try SequenceBatch(sequence: d.inputs.sequence(b))
            let y = try d.targets.map { t in try SequenceBatch(sequence: t.sequence(b)) }
            return (x, y)
        } catch {
            throw cliError(error, context: data.description)
        }
    }

    /// The network and data in two lines of the plain report.
    var headerLines: [String] {
        var lines = [network.summaryLine]
        if !network.initialization.isEmpty { lines.append("initialisation \(network.initialization)") }
        lines.append("data \(data.description): \(data.data.steps) steps × \(data.data.batchSize) sequences")
        return lines
    }

    /// JSON fields of the network and the data.
    var jsonFields: [(String, JSONValue)] {
        network.jsonFields + [
            (
                "data",
                .object([
                    ("source", .string(data.description)), ("steps", .integer(data.data.steps)),
                    ("sequences", .integer(data.data.batchSize)),
                ])
            )
        ]
    }
}

/// Errors of the Spectra, Krylov and engine code as the tool's one-line errors: the library's argument names
/// become the verb's flags, a divergence names the step and what overflowed.
enum SpectrumErrors {
    /// Runs `body`, mapping its errors: `flags` maps library argument names (`exponents`, `steps`) to the verb's
    /// flags; `context` (e.g. `--data FILE, sequence 0`) prefixes divergences and unmapped messages.
    static func checked<T>(context: String, flags: [String: String] = [:], _ body: () throws -> T) throws(CLIError) -> T
    {
        do {
            return try body()
        } catch {
            throw map(error, context: context, flags: flags)
        }
    }

    static func map(_ error: Error, context: String, flags: [String: String]) -> CLIError {
        if let e = error as? CLIError { return e }
        if let e = error as? SpectraError {
            switch e {
            case let .invalidArgument(argument, message):
                if let flag = flags[argument] { return CLIError("\(flag): \(message)") }
                return CLIError("\(context): \(argument): \(message)")
            case .divergence:
                return CLIError(
                    "\(context): \(e.description) (the network's state or its derivatives overflowed; no result)")
            }
        }
        if let e = error as? NumericsError { return CLIError("\(context): \(e)") }
        return cliError(error, context: context)
    }
}

/// Progress of a long computation on standard error, shown only once it has taken more than two seconds (short
/// runs print nothing), in the style chosen by `--progress`.
final class SpectrumProgress: @unchecked Sendable {  // used from one thread at a time
    let reporter: ProgressReporter?
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var visible = false
    let delaySeconds = 2.0

    init(total: Int, label: String, style: ProgressArgument, console: Console) {
        reporter =
            style == .none
            ? nil : ProgressReporter(total: total, label: label, options: style.options(console: console))
        start = clock.now
    }

    /// `done` of the total units are complete.
    func update(_ done: Int, status: String = "") {
        guard let reporter else { return }
        if !visible {
            guard ProgressReporter.seconds(clock.now - start) >= delaySeconds else { return }
            visible = true
        }
        reporter.update(completed: done, status: status)
    }

    /// The end of the computation (a final line only if progress was shown).
    func finish(_ done: Int, status: String = "") {
        guard let reporter, visible else { return }
        reporter.finish(completed: done, status: status)
    }
}

/// Shared formatting of the `spectrum` reports.
enum SpectrumFormat {
    /// A natural logarithm for the plain report: the number, or `-inf (zero)` for an exactly zero value.
    static func log(_ x: Double) -> String {
        x == -.infinity ? FiniteOutput.logOfZero : NumberText.format(x)
    }

    /// A logarithm for JSON: null for −∞ (an exactly zero singular value or gradient, documented in the help); any
    /// other non-finite value stays a number, which ``FiniteOutput`` refuses (an overflow is not a zero).
    static func jsonLog(_ x: Double) -> JSONValue { x == -.infinity ? .null : .number(x) }

    /// A list of logarithms for JSON (null entries for −∞).
    static func jsonLogs(_ xs: [Double]) -> JSONValue {
        xs.contains(-.infinity) ? .array(xs.map(jsonLog)) : .numbers(xs)
    }

    /// Fixed notation with `digits` decimals (for aligned tables).
    static func fixed(_ x: Double, _ digits: Int = 6) -> String {
        guard x.isFinite else { return x == -.infinity ? "-inf" : "inf" }
        return String(format: "%.\(digits)f", x)
    }
}
