import Foundation
import RNNMemory
import _RNNMemCLI

/// One fuzz case and its outcome, and the campaign that runs many: command lines built from templates of every
/// verb, their files generated or mutated (CSV, safetensors weights and data, sweep configurations), argument
/// values replaced by edge values, options dropped, duplicated or added; each run in-process through
/// ``CommandLineTool/run(_:standardInput:helpColumns:environment:)`` with a small memory limit, and checked:
///
/// * status 0 (or 1 for `grad-check`): no `nan`/`inf` word in standard output outside quotes;
/// * status 2: standard output empty, standard error notes or warnings then exactly one line
///   `rnnmem: error: …`, at most ``maximumErrorLength`` bytes, without control characters;
/// * any other status is a defect; a trap ends the process (the script `scripts/fuzz.sh` finds the case in the
///   trace file).
enum FuzzCampaign {
    /// The longest error line accepted (the tool bounds its messages at 1,000 characters).
    static let maximumErrorLength = 4200

    /// The memory limit of every case (`RNNMEM_MEMORY_LIMIT`): sizes past it must be refused, not allocated.
    static let environment = ["RNNMEM_MEMORY_LIMIT": "256M", "RNNMEM_MAX_ROWS": "100000"]

    struct Outcome {
        var cases = 0
        var succeeded = 0
        var failed = 0
        var defects: [String] = []
        /// The first error line of every case that exited with status 2 (kept when asked for).
        var errors: [String] = []
    }

    /// The templates: `{csv}`, `{csv2}` a generated CSV, `{weights}` a network's weights, `{data}` sequence data,
    /// `{config}` a sweep configuration, `{dir}` a fresh folder, `{out}` a file in it.
    static let templates: [[String]] = [
        ["weights", "--d", "0.3", "--length", "20"],
        ["weights", "--d", "-0.3", "--length", "8", "--inverse", "--json"],
        ["lost-memory", "--d", "0.4", "--window", "10,100"],
        ["fracdiff", "{csv}", "--d", "0.3"],
        ["fracdiff", "{csv}", "--d", "0.4", "--window", "5", "--demean"],
        ["simulate", "arfima", "--d", "0.3", "--ar", "0.5", "--length", "64", "--seed", "1"],
        ["simulate", "fgn", "--hurst", "0.7", "--length", "64", "--seed", "1", "--method", "durbin-levinson"],
        ["acvf", "--d", "0.3", "--ar", "0.5", "--ma", "0.2", "--lags", "20"],
        ["acf", "{csv}", "--lags", "10"],
        ["periodogram", "{csv}"],
        ["columns", "{csv}"],
        ["check", "{csv}", "--json"],
        ["estimate", "{csv}", "--method", "gph"],
        ["estimate", "{csv}", "--method", "aggvar", "--scales", "2,4,8"],
        ["estimate", "{csv}", "--method", "lw", "--json"],
        ["estimate", "{csv}", "--method", "dfa"],
        ["estimate", "{csv}", "--method", "whittle"],
        ["test", "{csv}", "--method", "lo"],
        ["test", "{csv}", "--method", "kpss", "--json"],
        [
            "train", "--model", "rnn", "--hidden", "2", "--task", "recall", "--steps", "2", "--length", "6", "--batch",
            "2",
            "--eval-batch", "2", "--output-dir", "{dir}", "--progress", "none",
        ],
        [
            "train", "--model", "linear", "--hidden", "2", "--task", "series", "--data", "{csv}", "--steps", "2",
            "--output-dir", "{dir}", "--progress", "none",
        ],
        ["eval", "--weights", "{weights}", "--data", "{data}"],
        ["run", "--weights", "{weights}", "--data", "{data}", "--json"],
        ["run", "--model", "rnn", "--hidden", "2", "--seed", "1", "--data", "{csv}"],
        ["export", "--weights", "{weights}", "--output", "{out}"],
        ["export", "--pytorch", "--model", "gru", "--hidden", "2", "--output", "{out}"],
        ["grad-check", "--model", "rnn", "--hidden", "2", "--length", "4", "--batch", "2"],
        ["spectrum", "jacobian", "--weights", "{weights}", "--data", "{data}"],
        ["spectrum", "products", "--weights", "{weights}", "--data", "{data}", "--lags", "3"],
        ["spectrum", "gradients", "--weights", "{weights}", "--data", "{data}"],
        ["spectrum", "lyapunov", "--random-tanh", "--n", "8", "--steps", "40", "--progress", "none"],
        [
            "spectrum", "lyapunov", "--random-rate", "--n", "4", "--gains", "0.5:1.5:0.5", "--steps", "20",
            "--progress",
            "none",
        ],
        ["spectrum", "hessian", "--weights", "{weights}", "--data", "{data}", "--top", "2"],
        ["spectrum", "density", "--weights", "{weights}", "--data", "{data}", "--points", "50"],
        ["curse", "sensitivity", "--lambda", "0.9", "--rho", "0.5"],
        ["curse", "gru", "--gate", "0.5"],
        ["curse", "hessian", "--length", "20", "--batch", "2"],
        ["memory", "capacity", "--model", "rnn", "--hidden", "2", "--delay", "5"],
        ["memory", "horizon", "--model", "gru", "--hidden", "2", "--threshold", "0.5"],
        ["memory", "connectivity", "--model", "rnn", "--hidden", "2", "--length", "8"],
        ["memory", "response", "--model", "rnn", "--hidden", "2"],
        ["memory", "states", "--model", "rnn", "--hidden", "2", "--length", "256"],
        ["forecast", "{csv}", "--model", "naive"],
        ["forecast", "{csv}", "--model", "arfima", "--ar-order", "0", "--ma-order", "0", "--json"],
        ["sweep", "plan", "{config}"],
        ["sweep", "slurm", "{config}", "--shards", "2", "--output", "{out}", "--output-dir", "{dir}"],
    ]

    /// Options added at random (with a value from ``FuzzInputs/edgeValues``).
    static let extraOptions = [
        "--d", "--length", "--lags", "--column", "--columns", "--last", "--transform", "--window", "--tolerance",
        "--seed", "--hidden", "--steps", "--batch", "--sigma", "--ar", "--ma", "--scales", "--method", "--model",
        "--output", "--bandwidth", "--level", "--splits", "--json", "--inverse", "--skip", "--outputs", "--inputs",
        "--chains", "--samples", "--spacing", "--gains", "--gate", "--n", "--delay", "--threshold", "--max-delay",
    ]

    /// Files given where a file is expected, in place of the generated one.
    static func oddPath(_ random: inout FuzzRandom, directory: String) -> String {
        random.pick([
            "/nonexistent/x.csv", directory, "/dev/null", directory + "/new\nline.csv", "",
            directory + "/" + String(repeating: "d", count: 300), "/proc/self/status", directory + "/plain/inside",
        ])
    }

    /// Options that name a file or a folder the command writes.
    static let outputOptions: Set<String> = ["--output", "-o", "--output-dir", "--save", "--figures"]

    /// The options of a command (`verb` and its subcommand, as in a template), read from ArgumentParser's
    /// description of it (`--experimental-dump-help`): name and whether it takes a value.
    static func options(of template: [String]) async -> [(name: String, takesValue: Bool)] {
        let path = Array(template.prefix { !$0.hasPrefix("-") && !$0.hasPrefix("{") && !$0.hasPrefix("/") })
        let result = await CommandLineTool.run(path + ["--experimental-dump-help"])
        guard let document = try? JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any],
            let command = document["command"] as? [String: Any]
        else { return [] }
        var out: [(String, Bool)] = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            let kind = argument["kind"] as? String
            guard kind == "option" || kind == "flag" else { continue }
            for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                if let text = name["name"] as? String, text != "help", text != "version" {
                    out.append(("--" + text, kind == "option"))
                }
            }
        }
        return out
    }

    /// Every path the command could write confined to `directory`: a relative value of an output option (an edge
    /// value such as `-1` or `abc`) would otherwise be written into the working directory.
    static func confined(_ arguments: [String], to directory: String) -> [String] {
        var out = arguments
        for i in out.indices {
            if i > 0, outputOptions.contains(out[i - 1]), !out[i].hasPrefix("/") {
                out[i] = directory + "/" + out[i]
            }
            if let equals = out[i].firstIndex(of: "="), outputOptions.contains(String(out[i][..<equals])) {
                let value = out[i][out[i].index(after: equals)...]
                if !value.hasPrefix("/") { out[i] = String(out[i][..<equals]) + "=" + directory + "/" + value }
            }
        }
        return out
    }

    /// The command line of case `seed`, with its files written into `directory`; `verbOptions` are the options of
    /// each template's command (``options(of:)``), from which added options are drawn.
    static func makeCase(
        seed: UInt64, directory: String, weights: [UInt8], verbOptions: [[(name: String, takesValue: Bool)]]
    ) throws -> [String] {
        var random = FuzzRandom(seed: seed)
        // Templates in turn, so that any `templates.count` consecutive seeds cover every verb.
        let templateIndex = Int(seed % UInt64(templates.count))
        var arguments = templates[templateIndex]
        // Files.
        var csv = FuzzInputs.csv(&random)
        if random.chance(0.2) { csv = FuzzInputs.mutate(csv, &random, rounds: 1 + random.below(6)) }
        var weightBytes = weights
        if random.chance(0.4) { weightBytes = FuzzInputs.mutate(weightBytes, &random, rounds: 1 + random.below(4)) }
        var data = FuzzInputs.sequenceData(&random)
        if random.chance(0.2) { data = FuzzInputs.mutate(data, &random, rounds: 1 + random.below(4)) }
        let sweep =
            #"{"name": "fz", "command": ["weights", "--d", "{d}", "--length", "{n}", "--json"], "#
            + #""axes": {"d": [0.1, -0.2], "n": [2, 3]}, "metrics": {"w1": "weights.1"}}"#
        var config = Array(sweep.utf8)
        if random.chance(0.5) { config = FuzzInputs.mutate(config, &random, rounds: 1 + random.below(5)) }
        let files: [String: [UInt8]] = [
            "series.csv": csv, "weights.safetensors": weightBytes, "data.safetensors": data, "sweep.json": config,
        ]
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("plain"))
        let substitutions = [
            "{csv}": directory + "/series.csv", "{weights}": directory + "/weights.safetensors",
            "{data}": directory + "/data.safetensors", "{config}": directory + "/sweep.json",
            "{dir}": directory + "/run", "{out}": directory + "/out.bin",
        ]
        arguments = arguments.map { token in
            guard let path = substitutions[token] else { return token }
            return random.chance(0.05) ? oddPath(&random, directory: directory) : path
        }
        // Argument mutations.
        // Half of the cases keep their arguments (the files alone vary), the others get one to three mutations.
        for _ in 0..<(random.chance(0.5) ? 0 : 1 + random.below(3)) {
            let valueIndices = arguments.indices.filter {
                $0 > 0 && arguments[$0 - 1].hasPrefix("--") && !arguments[$0].hasPrefix("--")
            }
            switch random.below(5) {
            case 0, 1:
                if let i = valueIndices.isEmpty ? nil : random.pick(valueIndices) {
                    arguments[i] = random.pick(FuzzInputs.edgeValues)
                }
            case 2 where arguments.count > 1:
                arguments.remove(at: 1 + random.below(arguments.count - 1))
            case 3:
                // An option of the command itself (a flag alone), or one of another command.
                let own = verbOptions[templateIndex]
                let (option, takesValue) =
                    !own.isEmpty && random.chance(0.7) ? random.pick(own) : (random.pick(extraOptions), true)
                let position = arguments.count <= 1 ? arguments.count : 1 + random.below(arguments.count)
                arguments.insert(
                    contentsOf: takesValue ? [option, random.pick(FuzzInputs.edgeValues)] : [option], at: position)
            default:
                if let i = valueIndices.isEmpty ? nil : random.pick(valueIndices) {
                    arguments += [arguments[i - 1], random.pick(FuzzInputs.edgeValues)]
                }
            }
        }
        if random.chance(0.15) { arguments.append("--json") }
        return confined(arguments, to: directory)
    }

    /// The problems of one outcome (empty when it satisfies the contract).
    static func problems(_ result: ToolResult, arguments: [String]) -> [String] {
        let command = arguments.prefix(2).joined(separator: " ")
        switch result.status {
        case 0, 1:
            if result.status == 1 && arguments.first != "grad-check" { return ["\(command): status 1"] }
            // A word the user typed (a file named -inf) may be echoed.
            if let word = nonFiniteWord(result.stdout), !arguments.contains(where: { $0.contains(word) }) {
                return ["\(command): status 0 with '\(word)' in the output"]
            }
            return []
        case 2:
            var issues: [String] = []
            if !result.standardOutput.isEmpty { issues.append("\(command): status 2 with standard output") }
            var lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() } else { issues.append("\(command): error without final newline") }
            let errors = lines.filter { $0.hasPrefix("rnnmem: error: ") }
            let others = lines.filter { !$0.hasPrefix("rnnmem: error: ") }
            if errors.count != 1 { issues.append("\(command): \(errors.count) error lines") }
            if others.contains(where: { !$0.hasPrefix("rnnmem: note: ") && !$0.hasPrefix("rnnmem: warning: ") }) {
                issues.append(
                    "\(command): stray line on standard error: \(others.first.map { String($0.prefix(200)) } ?? "")")
            }
            for line in errors {
                if line.utf8.count > maximumErrorLength {
                    issues.append("\(command): error line of \(line.utf8.count) bytes")
                }
                if line.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                    issues.append("\(command): control character in the error line")
                }
                for marker in ["NSCocoaErrorDomain", "Fatal error", "sigma2 =", ".matrix", "Please provide one of"]
                where line.contains(marker) {
                    issues.append("\(command): internal text '\(marker)': \(line.prefix(300))")
                }
            }
            return issues
        default:
            return ["\(command): status \(result.status)"]
        }
    }

    /// The first `nan`, `inf` or `-inf` word of `text` outside quotes.
    static func nonFiniteWord(_ text: String) -> String? {
        let words: Set<String> = ["nan", "-nan", "inf", "-inf", "+inf", "infinity", "-infinity"]
        for line in text.split(separator: "\n") {
            var quote: Character?
            var word = ""
            for character in line + " " {
                if let open = quote {
                    if character == open { quote = nil }
                    continue
                }
                if (character == "'" || character == "\"") && word.isEmpty {
                    quote = character
                } else if character.isLetter || character.isNumber || "-+.".contains(character) {
                    word.append(character)
                } else {
                    if words.contains(word.lowercased()) { return word }
                    word = ""
                }
            }
        }
        return nil
    }

    /// A valid weights file of a small network (the base of the mutated ones).
    static func baseWeights() throws -> [UInt8] {
        let model = try ModelSpecification(architecture: .tanhRNN, inputSize: 1, hiddenSize: 2, outputSize: 1)
            .makeModel(seed: 7)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/w.safetensors"
        try ModelIO.write(model, to: path)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "rnnmem-fuzz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs cases `first ..< first + count`; before each, writes its seed and command line to `trace` (when given)
    /// so that a trap can be traced to its case.
    static func run(first: UInt64, count: Int, trace: String? = nil, keepErrors: Bool = false) async throws -> Outcome {
        let weights = try baseWeights()
        var verbOptions: [[(name: String, takesValue: Bool)]] = []
        for template in templates { verbOptions.append(await options(of: template)) }
        var outcome = Outcome()
        for seed in first..<(first + UInt64(count)) {
            let directory = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let arguments = try makeCase(seed: seed, directory: directory, weights: weights, verbOptions: verbOptions)
            if let trace {
                let line = "\(seed)\t" + arguments.map { $0.debugDescription }.joined(separator: " ") + "\n"
                try? Data(line.utf8).write(to: URL(fileURLWithPath: trace))
            }
            let result = await CommandLineTool.run(arguments, environment: environment)
            outcome.cases += 1
            if result.status == 2, keepErrors {
                outcome.errors.append("\(arguments.prefix(2).joined(separator: " ")): \(result.stderr.prefix(160))")
            }
            if result.status == 2 {
                outcome.failed += 1
            } else if result.status == 0 || result.status == 1 {
                outcome.succeeded += 1
            }
            for problem in problems(result, arguments: arguments) {
                outcome.defects.append(
                    "seed \(seed): \(problem) — "
                        + arguments.map { String($0.debugDescription.prefix(80)) }.joined(separator: " "))
            }
        }
        return outcome
    }
}
