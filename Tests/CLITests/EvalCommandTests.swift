import Foundation
import RNNMemory
import Testing
import _TestSupport

/// `rnnmem eval`: trained weights, PyTorch fixtures (Tests/RecurrentTests/Fixtures, made by
/// scripts/make_torch_fixtures.py) and every way a weights file can be wrong.
@Suite("eval command")
struct EvalCommandTests {
    static func fixture(_ name: String) -> String {
        TestSupport.packageRoot.appendingPathComponent("Tests/RecurrentTests/Fixtures/\(name).safetensors").path
    }

    @Test("eval of trained weights reproduces train's test loss and checksum")
    func evalTrained() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let train = try CLI.run(TrainCommandTests.tinyRecall(output: dir.path))
        CLI.expectSuccess(train)
        let r = try CLI.run([
            "eval", "--weights", dir.appendingPathComponent("weights.safetensors").path, "--task", "recall",
            "--delay", "2", "--length", "6", "--eval-batch", "8", "--seed", "3",
        ])
        CLI.expectSuccess(r)
        let trained = CLI.lines(train.stdout), evaluated = CLI.lines(r.stdout)
        #expect(evaluated.first == "model lstm  input 1  hidden 3  output 1  layers 1  parameters 76  (rnnmem weights)")
        for prefix in ["checksum ", "test loss "] {
            let a = trained.first { $0.hasPrefix(prefix) }, b = evaluated.first { $0.hasPrefix(prefix) }
            #expect(a != nil && a == b, "\(prefix)")
        }
        // Another seed scores other held-out data.
        let other = try CLI.run([
            "eval", "--weights", dir.appendingPathComponent("weights.safetensors").path, "--task", "recall",
            "--delay", "2", "--length", "6", "--eval-batch", "8", "--seed", "4",
        ])
        #expect(
            CLI.lines(other.stdout).first { $0.hasPrefix("test loss ") } != trained.first { $0.hasPrefix("test loss ") }
        )
    }

    @Test("--json: documented keys; reference, compare and task objects hold the plain report's numbers")
    func jsonReport() throws {
        let weights = Self.fixture("lstm_l2")
        let args = [
            "eval", "--weights", weights, "--pytorch", "--model", "lstm", "--recurrent-prefix", "rnn.",
            "--readout-prefix", "fc.", "--data", weights, "--compare", weights,
        ]
        let plain = CLI.lines(try CLI.run(args).stdout)
        let r = try CLI.run(args + ["--json"])
        CLI.expectSuccess(r)
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(
            Set(o.keys) == [
                "weights", "kind", "architecture", "input_size", "hidden_size", "output_size", "layer_count",
                "parameter_count", "parameter_checksum", "data", "reference", "compare", "task",
            ])
        #expect(o["task"] is NSNull)
        let data = try #require(o["data"] as? [String: Any])
        #expect(data["steps"] as? Int == 5 && data["sequences"] as? Int == 3)
        #expect(data["loss"] is NSNull)  // the fixture holds reference outputs, not targets
        #expect(plain.contains("checksum \(o["parameter_checksum"] as? String ?? "?")"))
        let reference = try #require(o["reference"] as? [String: Any])
        let maxError = try #require(reference["max_abs_difference"] as? Double)
        #expect(maxError <= 1e-12)
        #expect(plain.contains("max |y − output| \(maxError)"))
        let compare = try #require(o["compare"] as? [String: Any])
        #expect(compare["identical"] as? Bool == true)
        #expect(compare["differing_parameters"] as? Int == 0)
    }

    @Test(
        "a PyTorch fixture reproduces its reference outputs to 1e-12",
        arguments: [
            ("rnn_l1", "rnn", [String]()),
            ("lstm_l2", "lstm", ["--recurrent-prefix", "rnn.", "--readout-prefix", "fc."]),
            ("gru_l2", "gru", ["--recurrent-prefix", "rnn.", "--readout-prefix", "fc."]), ("lstm_l1_f32", "lstm", []),
        ])
    func pytorchReference(_ name: String, _ model: String, _ extra: [String]) throws {
        let r = try CLI.run(
            ["eval", "--weights", Self.fixture(name), "--pytorch", "--model", model, "--data", Self.fixture(name)]
                + extra)
        CLI.expectSuccess(r)
        let line = try #require(CLI.lines(r.stdout).first { $0.hasPrefix("max |y − output| ") })
        let error = try #require(Double(line.dropFirst("max |y − output| ".count)))
        #expect(error <= 1e-12)
    }

    @Test("a PyTorch LSTM without readout evaluated on a compatible task")
    func pytorchOnTask() throws {
        // lstm_l1_f32: d_in = 2, so use a two-feature-free check: the no-readout model has d_out = N = 3 ≠ 1.
        let r = try CLI.run([
            "eval", "--weights", Self.fixture("lstm_l1_f32"), "--pytorch", "--model", "lstm", "--no-readout",
        ])
        CLI.expectSuccess(r)
        #expect(r.stdout.hasPrefix("model lstm  input 2  hidden 3  output 3  layers 1"))
        let bad = try CLI.run([
            "eval", "--weights", Self.fixture("lstm_l1_f32"), "--pytorch", "--model", "lstm", "--task", "recall",
        ])
        CLI.expectError(bad, "model.inputSize")
    }

    @Test("corrupt or wrong weights files: one line naming the file, status 2")
    func corruptFiles() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("lstm_l1")))
        let bytes = [UInt8](original)
        var mislabelled = bytes
        let header = Array(#""dtype":"F64""#.utf8), replacement = Array(#""dtype":"F32""#.utf8)
        let at = try #require(
            (0..<(bytes.count - header.count)).first { Array(bytes[$0..<($0 + header.count)]) == header })
        mislabelled.replaceSubrange(at..<(at + header.count), with: replacement)
        var unknown = bytes
        unknown.replaceSubrange(at..<(at + header.count), with: Array(#""dtype":"F65""#.utf8))
        let dir = try CLI.folder(["text.csv": "1,2,3\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ b: [UInt8]) throws -> String {
            let p = dir.appendingPathComponent(name).path
            try Data(b).write(to: URL(fileURLWithPath: p))
            return p
        }
        let truncated = try write("truncated.safetensors", Array(bytes[0..<(bytes.count - 10)]))
        let mis = try write("mislabelled.safetensors", mislabelled)
        let unk = try write("unknown.safetensors", unknown)
        let empty = try write("empty.safetensors", [])
        let pt = ["--pytorch", "--model", "lstm"]
        CLI.expectError(try CLI.run(["eval", "--weights", truncated] + pt), truncated, "truncated")
        CLI.expectError(try CLI.run(["eval", "--weights", mis] + pt), mis, "F32", "bytes")
        CLI.expectError(try CLI.run(["eval", "--weights", unk] + pt), unk, "unknown dtype \"F65\"")
        CLI.expectError(try CLI.run(["eval", "--weights", empty] + pt), empty)
        CLI.expectError(
            try CLI.run(["eval", "--weights", dir.appendingPathComponent("text.csv").path] + pt), "text.csv")
        CLI.expectError(
            try CLI.run(["eval", "--weights", dir.appendingPathComponent("none.safetensors").path]), "no such file")
        CLI.expectError(try CLI.run(["eval", "--weights", dir.path]), "not a regular file")
        // Wrong architecture: a GRU file read as an LSTM is a shape error naming the tensor.
        CLI.expectError(
            try CLI.run(["eval", "--weights", Self.fixture("gru_l1"), "--pytorch", "--model", "lstm"]),
            "weight_ih_l0", "shape")
        // Wrong prefix: the message suggests the right one.
        CLI.expectError(
            try CLI.run(["eval", "--weights", Self.fixture("lstm_l2"), "--pytorch", "--model", "lstm"]),
            "rnn.")
        // A PyTorch file without --pytorch.
        CLI.expectError(try CLI.run(["eval", "--weights", Self.fixture("lstm_l1")]), "--pytorch")
    }

    @Test(
        "option errors",
        arguments: [
            (["--pytorch"], "--model"),
            (["--model", "lstm"], "--pytorch"),
            (["--readout-prefix", "fc."], "--pytorch"),
            (["--pytorch", "--model", "mlstm"], "mlstm"),
        ] as [([String], String)])
    func optionErrors(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(try CLI.run(["eval", "--weights", Self.fixture("rnn_l1")] + extra), fragment)
    }

    @Test("--compare: identical weights from the same seed, different from another seed, error for another model")
    func compare() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        let c = dir.appendingPathComponent("c").path, d = dir.appendingPathComponent("d").path
        CLI.expectSuccess(try CLI.run(TrainCommandTests.tinyRecall(output: a)))
        CLI.expectSuccess(try CLI.run(TrainCommandTests.tinyRecall(output: b)))
        CLI.expectSuccess(try CLI.run(TrainCommandTests.tinyRecall(output: c, seed: 9)))
        CLI.expectSuccess(try CLI.run(TrainCommandTests.tinyRecall(model: "gru", output: d)))
        let same = try CLI.run([
            "eval", "--weights", a + "/weights.safetensors", "--compare", b + "/weights.safetensors",
        ])
        CLI.expectSuccess(same)
        #expect(
            CLI.lines(same.stdout).last
                == "compared with \(b)/weights.safetensors: identical, 76 of 76 parameters equal bit for bit")
        let other = try CLI.run([
            "eval", "--weights", a + "/weights.safetensors", "--compare", c + "/weights.safetensors",
        ])
        CLI.expectSuccess(other)
        #expect(CLI.lines(other.stdout).last?.contains(": different, ") == true)
        CLI.expectError(
            try CLI.run(["eval", "--weights", a + "/weights.safetensors", "--compare", d + "/weights.safetensors"]),
            "different model")
        CLI.expectError(
            try CLI.run([
                "eval", "--weights", a + "/weights.safetensors", "--compare", dir.appendingPathComponent("none").path,
            ]),
            "no such file")
    }

    @Test("--data needs the file's input tensor; the old --reference spelling is a clear error")
    func referenceMissing() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        CLI.expectSuccess(try CLI.run(TrainCommandTests.tinyRecall(output: dir.path)))
        let weights = dir.appendingPathComponent("weights.safetensors").path
        CLI.expectError(try CLI.run(["eval", "--weights", weights, "--data", weights]), weights, "no tensor \"input\"")
        CLI.expectError(
            try CLI.run(["eval", "--weights", weights, "--reference"]), "--reference was replaced by --data FILE")
    }
}

/// `eval --data`: losses on data files and every kind of bad data.
@Suite("eval --data")
struct EvalDataTests {
    @Test(
        "targets give the loss (--loss, --burn-in); widths that disagree, non-finite values, CSV cells: one line naming the file"
    )
    func data() throws {
        let (dir, data) = try RunCommandTests.dataFolder(inputs: 3, outputs: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        let weights = EvalCommandTests.fixture("rnn_l1")  // d_in = 3, d_out = 2
        let pt = ["--weights", weights, "--pytorch", "--model", "rnn"]
        let r = try CLI.run(["eval"] + pt + ["--data", data, "--loss", "mse", "--burn-in", "1", "--json"])
        CLI.expectSuccess(r)
        let model = try PyTorchImport.model(contentsOf: weights, architecture: .rnn)
        let d = try SequenceData.read(contentsOf: data)
        let expected = try model.loss(on: try d.taskBatch(loss: MeanSquaredError(mask: .fromStep(1), halved: false)))
        #expect(RunCommandTests.number(r.stdout, "loss") == expected)
        #expect(r.stdout.contains("\"loss_kind\": \"mse\"") && RunCommandTests.number(r.stdout, "burn_in") == 1)
        // Other widths.
        let (dir2, narrow) = try RunCommandTests.dataFolder(inputs: 2, outputs: 2)
        defer { try? FileManager.default.removeItem(at: dir2) }
        CLI.expectError(
            try CLI.run(["eval"] + pt + ["--data", narrow]), narrow, "tensor \"input\"", "expected 3 features")
        // A reference 'output' of the wrong shape.
        let (dir3, wrongOutput) = try RunCommandTests.dataFolder(
            inputs: 3, outputs: 2,
            extra: [
                "output": try SafetensorsTensor(shape: [6, 2, 1], values: [Double](repeating: 0, count: 12))
            ])
        defer { try? FileManager.default.removeItem(at: dir3) }
        CLI.expectError(
            try CLI.run(["eval"] + pt + ["--data", wrongOutput]), wrongOutput, "tensor \"output\"", "[6, 2, 1]")
        // Non-finite targets.
        let (dir4, inf) = try RunCommandTests.dataFolder(
            inputs: 3, outputs: 2,
            extra: [
                "target": try SafetensorsTensor(
                    shape: [6, 2, 2], values: [Double](repeating: 0, count: 23) + [.infinity])
            ])
        defer { try? FileManager.default.removeItem(at: dir4) }
        CLI.expectError(
            try CLI.run(["eval"] + pt + ["--data", inf]), inf, "tensor \"target\"", "non-finite value inf",
            "step 5, sequence 1, feature 1")
        // --loss without data, --split, the burn-in beyond the data.
        CLI.expectError(try CLI.run(["eval"] + pt + ["--loss", "mse"]), "--loss and --burn-in apply with --data FILE")
        CLI.expectError(
            try CLI.run(["eval"] + pt + ["--task", "recall", "--split", "test"]), "--split applies to 'run'")
        CLI.expectError(try CLI.run(["eval"] + pt + ["--data", data, "--burn-in", "6"]), "--burn-in 6", "6 steps")
    }
}
