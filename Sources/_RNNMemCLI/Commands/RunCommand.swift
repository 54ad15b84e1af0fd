import ArgumentParser
import Foundation
import RNNMemory

/// `rnnmem run`: run a network on data and write its outputs, states, loss, gradient and Hessian-vector product.
struct RunCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a network on data: outputs, states of every layer, loss, gradient and Hessian-vector product.",
        discussion: """
            Network: --weights FILE (rnnmem weights), --weights FILE --pytorch --model rnn|lstm|gru (a PyTorch state \
            dict), or a new --model NAME initialised from --seed as 'train --seed' does (widths from the data, or \
            --inputs/--outputs). Data: --data FILE, safetensors with 'input' [T, B, d_in] and optionally 'target' \
            [T, B, d_out] (F32 or F64; the layout of a contiguous PyTorch tensor (T, B, d)), or a CSV holding one \
            sequence, one row per step (inputs --column/--columns, default the last numeric column; targets \
            --target-column, default none); or a built-in --task with its options, whose --split test|validation|\
            train batch (drawn from --seed as 'train --seed' draws it) is scored by the task's own loss.

            Always computed: the outputs y_1 … y_T and the states s_1 … s_T of every layer (h_0 = 0). With targets: \
            the loss, ½·mean (ŷ − y)² by default (--loss mse: without the ½; --burn-in k: steps k+1 … T only). \
            --gradient: ∂L/∂θ by backpropagation through time. --direction: the exact Hessian-vector product Hv \
            (forward-over-reverse, Pearlmutter 1994) along v = a safetensors FILE with one tensor per parameter \
            group, named and shaped as in rnnmem weights files (absent groups are 0; --direction-prefix P reads \
            tensors P<group>, e.g. 'gradient.' of an earlier run's --output), or random entries drawn from --seed: \
            'rademacher' (±1, also 'random') or 'gaussian' (N(0, 1)). A file named like a keyword is given as \
            ./NAME.

            Arrays (--output FILE: one safetensors file, F64; --save DIR: one NumPy .npy file per array, float64, \
            C order): output [T, B, d_out]; layer<ℓ>.<segment> [T, B, rows] for the states — h (rnn, gru, lstm, \
            linear, mrnn, mlstm; all of the state of rnn, gru and linear), c (lstm, mlstm), m and d (mrnn, mlstm's \
            d), re and im (cdiag, lru: Re h and Im h); the K-step windows of the fractional cells are not written; \
            --no-states leaves the states out; loss [] (with targets); gradient.<group>, direction.<group>, \
            hvp.<group> (group shapes, C order). Progress of long stages goes to standard error (--progress).

            Standard output: a report, or with --json one object with the keys weights, kind, architecture, \
            input_size, hidden_size, output_size, layer_count, parameter_count, parameter_checksum, data {source, \
            steps, sequences}, loss_kind (half-mse, mse, or custom for a task's weighted loss), burn_in (steps left \
            out, null for a task's last-step or weighted loss), loss, gradient_norm, gradient_norms {group: ‖∂L/∂θ_g‖}, \
            direction, direction_norm, directional_derivative (vᵀ∇L), curvature (vᵀHv), rayleigh_quotient \
            (vᵀHv/vᵀv), hvp_norm, arrays (names written), files {output, save} (absent values are null).
            """)

    @OptionGroup(title: "Network") var network: NetworkOptions

    @OptionGroup(title: "Data") var data: DataOptions

    @OptionGroup(title: "Loss") var lossOptions: LossOptions

    @Flag(help: "Compute the gradient ∂L/∂θ of the loss (needs targets).")
    var gradient = false

    @Option(
        help: ArgumentHelp(
            "Hessian-vector product along: a safetensors FILE of per-group tensors, or rademacher (also random), gaussian (drawn from --seed).",
            valueName: "file|rademacher|gaussian"))
    var direction: String?

    @Option(help: ArgumentHelp("With --direction FILE: read the tensors named <prefix><group>.", valueName: "prefix"))
    var directionPrefix: String = ""

    @Flag(help: "Leave the states out of --output and --save.")
    var noStates = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed of a new network (s), a task's data (s + 1) and a random direction.", valueName: "seed"))
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Write the arrays to this safetensors file.", valueName: "file"))
    var output: String?

    @OptionGroup var save: SaveOptions

    @Flag(help: "Print one JSON object instead of the report.")
    var json = false

    @Option(
        help: ArgumentHelp("Progress of long stages on standard error: auto, bar, lines, none.", valueName: "style"))
    var progress: ProgressArgument = .auto

    /// A random direction's distribution, or nil for a file.
    enum RandomDirection: String {
        case rademacher, gaussian
    }

    /// `--direction` as a keyword (nil for a file).
    var randomDirection: RandomDirection? {
        switch direction {
        case "random", "rademacher": return .rademacher
        case "gaussian": return .gaussian
        default: return nil
        }
    }

    func validateValues() throws(CLIError) {
        try network.validateValues()
        try data.validateValues()
        try lossOptions.validateValues(isTask: data.isTask)
        if let direction {
            if direction.isEmpty { throw CLIError("--direction is empty: give a file, rademacher or gaussian") }
            if randomDirection != nil && directionPrefix != "" {
                throw CLIError("--direction-prefix applies to a --direction FILE, not to \(direction)")
            }
        } else if directionPrefix != "" {
            throw CLIError("--direction-prefix applies with --direction FILE")
        }
        if let output, output.isEmpty { throw CLIError("--output is empty: give a file") }
    }

    func run(console: Console) throws {
        try validateValues()
        let loadedData = try data.load(seed: seed, console: console)
        let loaded = try network.load(widths: loadedData.widths, seed: seed, task: loadedData.task?.specification)
        let model = loaded.model
        try loadedData.validate(for: model)
        if let task = loadedData.task {
            do {
                try task.task.validateCompatible(model)
            } catch {
                throw cliError(error, context: "--task \(task.name.rawValue)")
            }
        }
        let d = loadedData.data
        let wantsHVP = direction != nil
        if (gradient || wantsHVP) && d.targets == nil {
            throw CLIError(
                "\(gradient ? "--gradient" : "--direction") needs targets: \(loadedData.description) has no \(d.targetName) (give --target-column for CSV data)"
            )
        }
        if d.targets == nil && (lossOptions.loss != nil || lossOptions.burnIn != nil) {
            throw CLIError("--loss and --burn-in need targets: \(loadedData.description) has no \(d.targetName)")
        }
        let derivative: MemoryBudget.Derivative = wantsHVP ? .hessianVectorProduct : (gradient ? .gradient : .none)
        let bytes = MemoryBudget.networkBytes(
            steps: d.steps, batchSize: d.batchSize, inputSize: model.inputSize, outputSize: model.outputSize,
            stateSize: model.stateSize, parameterCount: model.parameterCount, derivative: derivative)
        // The arrays written are about as large again as the tape.
        try MemoryBudget.check(
            bytes: 2 * bytes,
            for:
                "running the \(model.architecture) network on \(loadedData.description) (\(d.steps) steps × \(d.batchSize) sequences)"
        )
        let loss: (any OutputLoss)?
        if let taskLoss = loadedData.loss {
            loss = taskLoss
        } else if d.targets != nil {
            loss = try lossOptions.outputLoss(steps: d.steps)
        } else {
            loss = nil
        }
        let v = try directionVector(for: model)
        let work =
            Double(d.steps) * Double(d.batchSize) * Double(model.parameterCount)
            * (wantsHVP ? 6 : (gradient ? 3 : 1))
        let stages = StageProgress(label: "run", style: progress, estimatedWork: work, console: console)

        let trajectory: RecurrentTrajectory
        do {
            trajectory = try stages.stage("forward pass (\(d.steps) steps × \(d.batchSize) sequences)") {
                try model.forward(d.inputs)
            }
        } catch {
            throw cliError(error, context: "running the network")
        }
        try Self.requireFinite(trajectory.outputs, what: "the network's output", source: loadedData.description)

        var result = Results()
        if let loss {
            let batch: TaskBatch
            do {
                batch = try d.taskBatch(loss: loss)
                if let v {
                    let hvp = try stages.stage("Hessian-vector product") {
                        try model.hessianVectorProduct(on: batch, direction: v)
                    }
                    result.loss = hvp.loss
                    if gradient { result.gradient = hvp.gradient }
                    result.hvp = hvp.product
                    result.directionalDerivative = hvp.directionalDerivative
                } else if gradient {
                    let (l, g) = try stages.stage("gradient") { try model.lossAndGradient(on: batch) }
                    result.loss = l
                    result.gradient = g
                } else {
                    result.loss = try model.loss(on: batch)
                }
            } catch {
                throw cliError(error, context: "the loss on \(loadedData.description)")
            }
            guard let l = result.loss, l.isFinite else {
                throw CLIError(
                    "the loss on \(loadedData.description) is not finite (\(result.loss.map { NumberText.format($0) } ?? "none")): the outputs or targets are too large"
                )
            }
            for (name, vector) in [("gradient", result.gradient), ("Hessian-vector product", result.hvp)] {
                if let vector, let i = vector.firstIndex(where: { !$0.isFinite }) {
                    let group = model.parameterGroups.first { $0.range.contains(i) }?.name ?? "?"
                    throw CLIError(
                        "the \(name) is not finite (entry \(i), group \(group)): the network or the data overflow")
                }
            }
        }

        // The arrays.
        var tensors: [String: SafetensorsTensor] = [:]
        do {
            let y = trajectory.outputs
            tensors["output"] = try SafetensorsTensor(shape: [y.steps, y.batchSize, y.features], values: y.values)
            if !noStates { tensors.merge(try Self.stateTensors(trajectory)) { a, _ in a } }
            if let l = result.loss { tensors["loss"] = try SafetensorsTensor(shape: [], values: [l]) }
            let groups = model.parameterGroups
            if let g = result.gradient {
                tensors.merge(try ModelIO.tensors(of: g, groups: groups, prefix: "gradient.")) { a, _ in a }
            }
            if let v, let hv = result.hvp {
                tensors.merge(try ModelIO.tensors(of: v, groups: groups, prefix: "direction.")) { a, _ in a }
                tensors.merge(try ModelIO.tensors(of: hv, groups: groups, prefix: "hvp.")) { a, _ in a }
            }
        } catch {
            throw cliError(error, context: "collecting the arrays")
        }
        var metadata = [
            "format": "rnnmem-run", "architecture": model.architecture.rawValue,
            "parameter_checksum": ModelIO.checksum(model.parameters), "network": loaded.source ?? loaded.kind,
            "data": loadedData.description, "steps": String(d.steps), "sequences": String(d.batchSize),
        ]
        if let loss { metadata["loss"] = Self.lossDescription(loss).text }
        if let direction { metadata["direction"] = directionDescription(direction) }
        let arrays = SafetensorsFile(tensors: tensors, metadata: metadata, source: output ?? "<run>")
        if let output {
            do {
                try arrays.write(to: output)
            } catch {
                throw CLIError(error.description)
            }
        }
        let saved = try save.write(arrays)

        if json {
            let document = json(
                loaded, loadedData, loss: loss, result: result, direction: v, arrays: arrays, saved: saved)
            try FiniteOutput.check(document)
            try console.writeStandardOutput(document.serialized)
        } else {
            let text = report(
                loaded, loadedData, loss: loss, result: result, direction: v, arrays: arrays, saved: saved)
            try FiniteOutput.check(text: text)
            try console.writeStandardOutput(text)
        }
    }

    /// What was computed beyond the forward pass.
    struct Results {
        var loss: Double?
        var gradient: [Double]?
        var hvp: [Double]?
        var directionalDerivative: Double?
    }

    /// The direction v of the HVP (nil without `--direction`).
    func directionVector(for model: any RecurrentModel) throws(CLIError) -> [Double]? {
        guard let direction else { return nil }
        let p = model.parameterCount
        if let random = randomDirection {
            var rng = SeededRandom(seed: seed, stream: 2)
            switch random {
            case .rademacher: return (0..<p).map { _ in rng.rademacher() }
            case .gaussian: return rng.gaussians(p)
            }
        }
        let path = direction
        do {
            let file = try SafetensorsFile.read(contentsOf: path)
            return try ModelIO.vector(
                from: file, groups: model.parameterGroups, prefix: directionPrefix,
                missingGroupsAreZero: true)
        } catch {
            throw CLIError("--direction \(error.description)")
        }
    }

    /// `rademacher (±1, seed 3)` or the file.
    func directionDescription(_ direction: String) -> String {
        switch randomDirection {
        case .rademacher: return "rademacher (±1 entries, seed \(seed))"
        case .gaussian: return "gaussian (N(0, 1) entries, seed \(seed))"
        case nil: return directionPrefix.isEmpty ? direction : "\(direction) (tensors \(directionPrefix)<group>)"
        }
    }

    /// The states s_1 … s_T of every layer, one tensor per named segment (without the fractional cells' windows).
    static func stateTensors(_ trajectory: RecurrentTrajectory) throws -> [String: SafetensorsTensor] {
        var out: [String: SafetensorsTensor] = [:]
        for (l, states) in trajectory.states.enumerated() {
            let layout = trajectory.stateLayouts[l]
            let b = states.batchSize, s = states.features, t = states.steps - 1
            let later = try SequenceBatch(steps: t, batchSize: b, features: s, values: Array(states.values[(b * s)...]))
            for segment in layout.segments where !segment.name.hasSuffix("History") {
                let part = try later.selectingFeatures(segment.rows)
                out["layer\(l).\(segment.name)"] = try SafetensorsTensor(
                    shape: [t, b, part.features], values: part.values)
            }
        }
        return out
    }

    /// The loss in words and its kind and burn-in for JSON.
    static func lossDescription(_ loss: any OutputLoss) -> (text: String, kind: String, burnIn: Int?) {
        guard let mse = loss as? MeanSquaredError else { return ("custom loss", "custom", nil) }
        let kind = mse.halved ? "half-mse" : "mse"
        switch mse.mask {
        case .allSteps: return (kind, kind, 0)
        case .fromStep(let k): return ("\(kind), burn-in \(k)", kind, k)
        case .lastStep: return ("\(kind), last step only", kind, nil)
        case .weights: return ("\(kind), weighted steps", "custom", nil)
        }
    }

    /// An error at the first non-finite value of `batch`.
    static func requireFinite(_ batch: SequenceBatch, what: String, source: String) throws(CLIError) {
        guard let i = batch.values.firstIndex(where: { !$0.isFinite }) else { return }
        let d = batch.features, b = batch.batchSize
        throw CLIError(
            "\(what) on \(source) is not finite at step \(i / (b * d)), sequence \((i / d) % b), feature \(i % d) (0-based): the network or the data overflow"
        )
    }

    static func norm(_ v: some Collection<Double>) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    /// Scalars of the HVP: ‖v‖, vᵀHv, vᵀHv/vᵀv, ‖Hv‖.
    static func hvpScalars(_ v: [Double], _ hv: [Double]) -> (
        directionNorm: Double, curvature: Double, rayleigh: Double, hvpNorm: Double
    ) {
        let vv = dot(v, v), vhv = dot(v, hv)
        return (vv.squareRoot(), vhv, vv > 0 ? vhv / vv : NumberText.missing, norm(hv))
    }

    func report(
        _ loaded: LoadedNetwork, _ loadedData: LoadedData, loss: (any OutputLoss)?, result: Results,
        direction v: [Double]?, arrays: SafetensorsFile, saved: [String]
    ) -> String {
        let d = loadedData.data
        var lines = [loaded.summaryLine, "checksum \(ModelIO.checksum(loaded.model.parameters))"]
        if !loaded.initialization.isEmpty { lines.append("initialisation \(loaded.initialization)") }
        lines.append("data \(loadedData.description): \(LoadedData.shapeText(d))")
        if let loss, let l = result.loss {
            lines.append("loss (\(Self.lossDescription(loss).text)) \(NumberText.format(l))")
        } else {
            lines.append("no targets (\(d.targetName)): no loss")
        }
        if let g = result.gradient {
            lines.append("gradient norm \(NumberText.format(Self.norm(g)))")
            for group in loaded.model.parameterGroups {
                lines.append("  \(group.name) \(NumberText.format(Self.norm(g[group.range])))")
            }
        }
        if let v, let hv = result.hvp, let direction {
            let s = Self.hvpScalars(v, hv)
            lines.append("direction \(directionDescription(direction)), norm \(NumberText.format(s.directionNorm))")
            lines.append("vᵀ∇L \(NumberText.format(result.directionalDerivative ?? NumberText.missing))")
            lines.append(
                "vᵀHv \(NumberText.format(s.curvature))  vᵀHv/vᵀv \(NumberText.format(s.rayleigh))  ‖Hv‖ \(NumberText.format(s.hvpNorm))"
            )
        }
        if let output { lines.append("wrote \(output) (\(arrays.tensors.count) arrays)") }
        if let dir = save.save { lines.append("saved \(saved.count) .npy files to \(dir)") }
        return lines.joined(separator: "\n") + "\n"
    }

    func json(
        _ loaded: LoadedNetwork, _ loadedData: LoadedData, loss: (any OutputLoss)?, result: Results,
        direction v: [Double]?, arrays: SafetensorsFile, saved: [String]
    ) -> JSONValue {
        let d = loadedData.data
        var fields = loaded.jsonFields
        fields.append(
            (
                "data",
                .object([
                    ("source", .string(loadedData.description)), ("steps", .integer(d.steps)),
                    ("sequences", .integer(d.batchSize)),
                ])
            ))
        let described = loss.map { Self.lossDescription($0) }
        fields.append(("loss_kind", described.map { .string($0.kind) } ?? .null))
        fields.append(("burn_in", .optional(described?.burnIn)))
        fields.append(("loss", .optional(result.loss)))
        fields.append(("gradient_norm", .optional(result.gradient.map { Self.norm($0) })))
        if let g = result.gradient {
            fields.append(
                (
                    "gradient_norms",
                    .object(loaded.model.parameterGroups.map { ($0.name, .number(Self.norm(g[$0.range]))) })
                ))
        } else {
            fields.append(("gradient_norms", .null))
        }
        if let v, let hv = result.hvp, let direction {
            let s = Self.hvpScalars(v, hv)
            fields += [
                ("direction", .string(directionDescription(direction))), ("direction_norm", .number(s.directionNorm)),
                ("directional_derivative", .optional(result.directionalDerivative)),
                ("curvature", .number(s.curvature)),
                ("rayleigh_quotient", .optional(NumberText.isMissing(s.rayleigh) ? nil : s.rayleigh)),
                ("hvp_norm", .number(s.hvpNorm)),
            ]
        } else {
            fields += [
                ("direction", .null), ("direction_norm", .null), ("directional_derivative", .null),
                ("curvature", .null), ("rayleigh_quotient", .null), ("hvp_norm", .null),
            ]
        }
        fields.append(("arrays", .array(arrays.names.map { .string($0) })))
        fields.append(
            (
                "files",
                .object([
                    ("output", output.map { .string($0) } ?? .null),
                    ("save", save.save.map { _ in .array(saved.map { .string($0) }) } ?? .null),
                ])
            ))
        return .object(fields)
    }
}
