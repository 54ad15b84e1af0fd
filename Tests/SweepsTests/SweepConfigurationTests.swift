import Foundation
import Sweeps
import Testing
import _TestSupport

@Suite("Sweep configuration")
struct SweepConfigurationTests {
    static let verbs: Set<String> = ["train", "simulate", "weights", "sweep", "help"]

    func parse(_ text: String) throws -> SweepConfiguration {
        try SweepConfiguration.parse(try JSONParser.parse(text), source: "grid.json", knownCommands: Self.verbs)
    }

    @Test("The shipped smoke grid: 12 cells numbered row-major over model, delay, seed")
    func smokeGrid() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("data/sweeps/smoke.json").path
        let config = try SweepConfiguration.load(path: path, knownCommands: ["train"])
        #expect(config.name == "smoke")
        #expect(config.cellCount == 12)
        #expect(config.axes.map(\.name) == ["model", "delay", "seed"])
        #expect(config.cell(0).values == [.string("rnn"), .integer(1), .integer(0)])
        #expect(config.cell(1).values == [.string("rnn"), .integer(1), .integer(1)])
        #expect(config.cell(3).values == [.string("rnn"), .integer(3), .integer(0)])
        #expect(config.cell(11).values == [.string("gru"), .integer(3), .integer(2)])
        #expect(config.metricsFile == "summary.json")
        let arguments = config.arguments(of: config.cell(10), cellDirectory: "/out/cells/cell-000010")
        #expect(Array(arguments.prefix(5)) == ["train", "--task", "recall", "--model", "gru"])
        #expect(Fixtures.option("--seed", in: arguments) == "1")
        #expect(Fixtures.option("--delay", in: arguments) == "3")
        #expect(Fixtures.option("--steps", in: arguments) == "20")
        #expect(arguments.last == "/out/cells/cell-000010")
    }

    @Test("Row-major numbering: the last axis varies fastest, and cell(i) inverts the numbering")
    func numbering() throws {
        let config = try parse(
            #"{"command": ["train", "{a}", "{b}", "{c}"], "axes": {"a": [1, 2], "b": ["x", "y", "z"], "c": [true, false]}}"#
        )
        #expect(config.cellCount == 12)
        var index = 0
        for a in [JSONValue.integer(1), .integer(2)] {
            for b in ["x", "y", "z"] {
                for c in [true, false] {
                    #expect(config.cell(index).values == [a, .string(b), .bool(c)])
                    index += 1
                }
            }
        }
        #expect(config.arguments(of: config.cell(5), cellDirectory: nil) == ["train", "1", "z", "false"])
        #expect(config.seedAxisIndex == nil)
        #expect(config.cellName(7) == "cell-000007")
    }

    @Test("The hash ignores cosmetics and changes with anything that changes the cells")
    func configHash() throws {
        let base = try parse(
            #"{"name": "a", "command": ["train", "--seed", "{seed}", "--lr", "{lr}"], "axes": {"lr": [0.1, 1e-3], "seed": 3}, "metrics": ["testLoss"]}"#
        )
        let cosmetic = try parse(
            """
            {
              "metrics": ["testLoss"], "description": "same cells",
              "axes": {"lr": [0.1, 0.001], "seed": [0, 1, 2]},
              "name": "b", "command": ["rnnmem", "train", "--seed", "{seed}", "--lr", "{lr}"]
            }
            """)
        #expect(base.configHash == cosmetic.configHash)
        #expect(base.configHash.count == 64)
        let variants = [
            #"{"command": ["train", "--seed", "{seed}", "--lr", "{lr}"], "axes": {"seed": 3, "lr": [0.1, 1e-3]}, "metrics": ["testLoss"]}"#,
            #"{"command": ["train", "--seed", "{seed}", "--lr", "{lr}"], "axes": {"lr": [0.1, 1e-3], "seed": 4}, "metrics": ["testLoss"]}"#,
            #"{"command": ["train", "--seed", "{seed}", "--lr", "{lr}"], "axes": {"lr": [0.1, 2e-3], "seed": 3}, "metrics": ["testLoss"]}"#,
            #"{"command": ["train", "--seed", "{seed}", "--lr={lr}"], "axes": {"lr": [0.1, 1e-3], "seed": 3}, "metrics": ["testLoss"]}"#,
            #"{"command": ["train", "--seed", "{seed}", "--lr", "{lr}"], "axes": {"lr": [0.1, 1e-3], "seed": 3}, "metrics": ["bestLoss"]}"#,
            #"{"command": ["train", "--seed", "{seed}", "--lr", "{lr}"], "axes": {"lr": [0.1, 1e-3], "seed": 3}, "metrics": {"loss": "testLoss"}}"#,
            #"{"command": ["train", "--seed", "{seed}", "--lr", "{lr}"], "axes": {"lr": [0.1, 1e-3], "seed": 3}}"#,
            #"{"command": ["train", "--seed", "{seed}", "--lr", "{lr}"], "axes": {"lr": ["0.1", 1e-3], "seed": 3}, "metrics": ["testLoss"]}"#,
        ]
        var hashes = Set([base.configHash])
        for text in variants { hashes.insert(try parse(text).configHash) }
        #expect(hashes.count == variants.count + 1)
    }

    @Test("Seeds as a count equal the list 0 … n−1; numbers substitute as written (4 vs 4.0)")
    func seedsAndNumbers() throws {
        let config = try parse(
            #"{"command": ["train", "{seed}", "{x}", "{y}"], "axes": {"seed": 2, "x": [4, 4.0, 1e-5], "y": [true]}}"#)
        #expect(config.axes[0].values == [.integer(0), .integer(1)])
        #expect(
            config.cells.map { config.arguments(of: $0, cellDirectory: nil)[2] } == [
                "4", "4.0", "1e-05", "4", "4.0", "1e-05",
            ])
        #expect(config.arguments(of: config.cell(0), cellDirectory: nil)[3] == "true")
        #expect(config.seed(of: config.cell(4)) == 1)
    }

    @Test("Placeholders: embedded, escaped braces, fixed parameters and built-ins")
    func placeholders() throws {
        let config = try parse(
            #"{"command": ["train", "--data=data/{set}.csv", "{{literal}}", "--output", "{cell_dir}/x", "--tag", "c{cell}-{steps}"], "axes": {"set": ["nile"]}, "fixed": {"steps": 20}}"#
        )
        #expect(
            config.arguments(of: config.cell(0), cellDirectory: "/o/c") == [
                "train", "--data=data/nile.csv", "{literal}", "--output", "/o/c/x", "--tag", "c0-20",
            ])
        #expect(config.arguments(of: config.cell(0), cellDirectory: nil)[4] == "{cell_dir}/x")
        #expect(config.command.placeholders == ["set", "cell_dir", "cell", "steps"])
    }

    /// Each bad configuration → one line naming the file and the key.
    static let invalid: [(text: String, fragments: [String])] = [
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2}, "metric": ["x"]}"#,
            ["grid.json: metric: unknown key"]
        ),
        (
            #"{"command": ["train", "{model}"], "axes": {"seed": 2}}"#,
            ["grid.json: command: unknown placeholder '{model}'", "axes: seed"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2, "delay": [1, 2]}}"#,
            ["grid.json: axes.delay: not used in the command"]
        ),
        (#"{"command": ["train", "{seed}"], "axes": {}}"#, ["grid.json: axes: empty grid"]),
        (#"{"command": ["train", "{seed}", "{m}"], "axes": {"seed": 2, "m": []}}"#, ["grid.json: axes.m: empty list"]),
        (
            #"{"command": ["python3", "{seed}"], "axes": {"seed": 2}}"#,
            ["grid.json: command: 'python3' is not an rnnmem command", "train"]
        ),
        (
            #"{"command": ["/usr/bin/rnnmem", "{seed}"], "axes": {"seed": 2}}"#,
            ["grid.json: command: '/usr/bin/rnnmem' is not an rnnmem command"]
        ),
        (
            #"{"command": ["--seed", "{seed}"], "axes": {"seed": 2}}"#,
            ["grid.json: command: '--seed' is not an rnnmem command"]
        ),
        (
            #"{"command": ["sweep", "run", "{seed}"], "axes": {"seed": 2}}"#,
            ["grid.json: command: 'sweep' cannot run as a sweep cell"]
        ),
        (#"{"command": [], "axes": {"seed": 2}}"#, ["grid.json: command: empty"]),
        (
            #"{"command": "train --seed {seed}", "axes": {"seed": 2}}"#,
            ["grid.json: command: a string, expected a list of strings"]
        ),
        (
            #"{"command": ["train", 20, "{seed}"], "axes": {"seed": 2}}"#,
            ["grid.json: command[1]: a number, expected a string"]
        ),
        (#"{"axes": {"seed": 2}}"#, ["grid.json: command: missing"]),
        (#"{"command": ["train"]}"#, ["grid.json: axes: missing"]),
        (#"{"command": ["train", "{seed}"], "axes": {"seed": 0}}"#, ["grid.json: axes.seed: seed count 0"]),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": [1, -2]}}"#,
            ["grid.json: axes.seed[1]: -2 is not a seed"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": [1, 1]}}"#,
            ["grid.json: axes.seed[1]: duplicate value 1"]
        ),
        (
            #"{"command": ["train", "{d}"], "axes": {"d": 3}}"#,
            ["grid.json: axes.d: a number, expected a list of values"]
        ),
        (
            #"{"command": ["train", "{d}"], "axes": {"d": [[1]]}}"#,
            ["grid.json: axes.d[0]: an array is not a valid value"]
        ),
        (#"{"command": ["train", "{d}"], "axes": {"d": [null]}}"#, ["grid.json: axes.d[0]: null is not a valid value"]),
        (
            #"{"command": ["train", "{cell_dir}"], "axes": {"cell_dir": [1]}}"#,
            ["grid.json: axes.cell_dir: 'cell_dir' is filled by the runner"]
        ),
        (
            #"{"command": ["train", "{status}"], "axes": {"status": [1]}}"#,
            ["grid.json: axes.status: 'status' is a reserved column name"]
        ),
        (
            #"{"command": ["train", "{seed}", "{x}"], "axes": {"seed": 2}, "fixed": {"x": {"a": 1}}}"#,
            ["grid.json: fixed.x: an object is not a valid value"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2}, "fixed": {"x": 1}}"#,
            ["grid.json: fixed.x: not used in the command"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2}, "fixed": {"seed": 1}}"#,
            ["grid.json: fixed.seed: already an axis"]
        ),
        (#"{"command": ["train", "{seed"], "axes": {"seed": 2}}"#, ["grid.json: command[1]: unmatched '{'"]),
        (#"{"command": ["train", "seed}", "{seed}"], "axes": {"seed": 2}}"#, ["grid.json: command[1]: unmatched '}'"]),
        (
            #"{"command": ["train", "{se ed}"], "axes": {"seed": 2}}"#,
            ["grid.json: command[1]: '{se ed}'", "is not a placeholder"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2}, "metrics": ["a..b"]}"#,
            ["grid.json: metrics[0]: 'a..b' is not a key path"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2}, "metrics": {"seed": "x"}}"#,
            ["grid.json: metrics.seed: the column name 'seed' is already taken"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2}, "metrics": ["x", "x"]}"#,
            ["grid.json: metrics[1]: duplicate metric 'x'"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2}, "metrics": [3]}"#,
            ["grid.json: metrics[0]: a number, expected a key path"]
        ),
        (
            #"{"command": ["train", "{seed}"], "axes": {"seed": 2}, "metrics": ["x"], "metrics_file": "s.json"}"#,
            ["grid.json: metrics_file: the command does not use '{cell_dir}'"]
        ),
        (
            #"{"command": ["train", "{seed}", "{cell_dir}"], "axes": {"seed": 2}, "metrics": ["x"], "metrics_file": "../s.json"}"#,
            ["grid.json: metrics_file: '../s.json' is not a relative path"]
        ),
        (
            #"{"command": ["train", "{seed}", "{cell_dir}"], "axes": {"seed": 2}, "metrics_file": "s.json"}"#,
            ["grid.json: metrics_file: given without any metrics"]
        ),
        (
            #"{"name": "my sweep", "command": ["train", "{seed}"], "axes": {"seed": 2}}"#,
            ["grid.json: name: 'my sweep' is not a valid sweep name"]
        ),
        (#"["train"]"#, ["grid.json: the configuration must be a JSON object, not an array"]),
    ]

    @Test("Invalid configurations give one-line errors naming the file and key", arguments: invalid.indices)
    func invalidConfigurations(_ index: Int) throws {
        let (text, fragments) = Self.invalid[index]
        let error = #expect(throws: SweepError.self) { try parse(text) }
        let message = error?.description ?? ""
        #expect(!message.contains("\n"))
        for fragment in fragments { #expect(message.contains(fragment), "\(message)") }
    }

    @Test("A grid larger than the limit is refused")
    func tooLarge() throws {
        let values = "[" + (0..<1000).map(String.init).joined(separator: ",") + "]"
        let text =
            #"{"command": ["train", "{a}", "{b}", "{c}"], "axes": {"a": \#(values), "b": \#(values), "c": \#(values)}}"#
        let error = #expect(throws: SweepError.self) { try parse(text) }
        #expect(error?.description.contains("grid.json: axes: the grid has more than 10000000 cells") == true)
    }

    @Test("File errors: missing file, directory, JSON syntax with line and column")
    func fileErrors() throws {
        let folder = try Fixtures.folder()
        #expect(throws: SweepError("no such file: '\(folder)/nope.json'")) {
            try SweepConfiguration.load(path: folder + "/nope.json")
        }
        #expect(throws: SweepError("'\(folder)' is a directory, not a file")) {
            try SweepConfiguration.load(path: folder)
        }
        let bad = folder + "/bad.json"
        try Data("{\n  \"command\": [\"train\",]\n}".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(throws: SweepError("\(bad):2:23: expected a value, found ']'")) {
            try SweepConfiguration.load(path: bad)
        }
    }
}
