import ArgumentParser
import RNNMemory

/// The network and the input sequences of a `memory` verb: the network from ``NetworkOptions``, the inputs from
/// `--data FILE` or `--task NAME` (``DataOptions``) or generated (``ProbeInputOptions``, from the data seed s + 1 of
/// `--seed s`, as a task's data are).
struct ProbeSetup {
    /// The network.
    let network: LoadedNetwork
    /// The inputs, T × B × d_in.
    let inputs: SequenceBatch
    /// The targets of `--data`/`--task` (nil for a generated input or a file without targets).
    let targets: SequenceBatch?
    /// The generated process (nil for `--data`/`--task`).
    let process: ProbeInput?
    /// The inputs in words, e.g. `i.i.d. N(0, 1), 1 sequence × 10100 steps, seed 1` or the file's path.
    let description: String

    /// Whether `--data` or `--task` was given.
    static func hasData(_ data: DataOptions) -> Bool { data.isTask || data.file.data != nil }

    /// Loads the network and the inputs. A generated input has `steps(model)` steps and `sequences` sequences
    /// (unless `--sequences` says otherwise) of the process `fallback` (unless `--input` says otherwise).
    static func load(
        network networkOptions: NetworkOptions, data: DataOptions, input: ProbeInputOptions, seed: UInt64,
        steps: (any RecurrentModel) throws(CLIError) -> Int, sequences: Int, fallback: ProbeInput,
        console: Console
    ) throws(CLIError) -> ProbeSetup {
        if hasData(data) {
            let loaded = try data.load(seed: seed, console: console)
            let network = try networkOptions.load(widths: loaded.widths, seed: seed, task: loaded.task?.specification)
            try loaded.validate(for: network.model)
            try checkBudget(network.model, steps: loaded.data.steps, sequences: loaded.data.batchSize)
            return ProbeSetup(
                network: network, inputs: loaded.data.inputs, targets: loaded.data.targets, process: nil,
                description: "\(loaded.description) (\(loaded.data.batchSize) × \(loaded.data.steps) steps)")
        }
        let widths = NetworkOptions.DataWidths(
            inputSize: networkOptions.inputs ?? 1, outputSize: nil,
            source: "the generated input")
        let network = try networkOptions.load(widths: widths, seed: seed)
        let process = input.process(fallback: fallback)
        let b = input.sequences ?? sequences
        let steps = try steps(network.model)
        let d = network.model.inputSize
        try MemoryBudget.check(
            bytes: 8 * Double(steps) * Double(b) * Double(d),
            for: "a generated input of \(b) × \(steps) steps")
        try checkBudget(network.model, steps: steps, sequences: b)
        let inputs: SequenceBatch
        do {
            inputs = try process.sample(steps: steps, batchSize: b, features: d, seed: RunSeeds(seed).task)
        } catch {
            throw ProbeErrors.cli(error, flags: [:])
        }
        let description =
            "\(ProbeInputOptions.describe(process)), \(b) sequence\(b == 1 ? "" : "s") × \(steps) steps, "
            + "seed \(RunSeeds(seed).task)"
        return ProbeSetup(network: network, inputs: inputs, targets: nil, process: process, description: description)
    }

    /// Throws when input feature 0 takes a single value over steps first + 1 … T of every sequence: no capacity
    /// (a squared correlation with a constant) is defined for it.
    func requireVariation(after first: Int) throws(CLIError) {
        let d = inputs.features, B = inputs.batchSize
        guard first < inputs.steps else { return }
        let x0 = inputs.values[d * B * first]
        for t in first..<inputs.steps {
            for b in 0..<B where inputs.values[d * (b + B * t)] != x0 { return }
        }
        throw CLIError(
            "the input (\(description)) is constant after the washout of \(first) steps: its capacity is undefined")
    }

    /// One forward pass over T × B steps must fit the memory budget.
    static func checkBudget(
        _ model: any RecurrentModel, steps: Int, sequences: Int,
        derivative: MemoryBudget.Derivative = .none
    ) throws(CLIError) {
        try MemoryBudget.check(
            bytes: MemoryBudget.networkBytes(
                steps: steps, batchSize: sequences, inputSize: model.inputSize,
                outputSize: model.outputSize, stateSize: model.stateSize,
                parameterCount: model.parameterCount, derivative: derivative),
            for: "running the network on \(sequences) × \(steps) steps")
    }

    /// The inputs' JSON description: {source, steps, sequences, process}.
    var json: JSONValue {
        .object([
            ("source", .string(description)), ("steps", .integer(inputs.steps)),
            ("sequences", .integer(inputs.batchSize)),
            ("process", process.map(ProbeInputOptions.json) ?? .null),
        ])
    }
}

/// Library errors of the probes as one-line CLI errors naming the command-line flag.
enum ProbeErrors {
    /// `error` as a ``CLIError``: a ``MemoryProbeError`` names its argument, replaced by the flag `flags[argument]`
    /// when there is one.
    static func cli(_ error: Error, flags: [String: String]) -> CLIError {
        if let e = error as? CLIError { return e }
        if let e = error as? MemoryProbeError {
            switch e {
            case let .invalidArgument(argument, message), let .unsupported(argument, message):
                if let flag = flags[argument] { return CLIError("\(flag): \(message)") }
                return CLIError(e.description)
            case .rankDeficient:
                return CLIError(e.description)
            }
        }
        return cliError(error, context: "memory")
    }

    /// Runs `body`, converting its errors with ``cli(_:flags:)``.
    static func run<T>(_ flags: [String: String], _ body: () throws -> T) throws(CLIError) -> T {
        do {
            return try body()
        } catch {
            throw cli(error, flags: flags)
        }
    }
}

/// The arrays a `memory` verb writes with `--save DIR` (one `.npy` file each, float64, C order).
struct ProbeArrays {
    private(set) var file = SafetensorsFile()

    /// Adds `values` (C order) under `name` with `shape`.
    mutating func add(_ name: String, shape: [Int], values: [Double]) throws(CLIError) {
        do {
            file.tensors[name] = try SafetensorsTensor(shape: shape, values: values)
        } catch {
            throw CLIError("internal: array \(name): \(error)")
        }
    }

    /// Adds a vector.
    mutating func add(_ name: String, _ values: [Double]) throws(CLIError) {
        try add(name, shape: [values.count], values: values)
    }

    /// Writes the arrays to `--save DIR` (nothing without it); returns the paths written.
    func write(_ save: SaveOptions, console: Console) throws(CLIError) -> [String] {
        try save.write(file)
    }
}
