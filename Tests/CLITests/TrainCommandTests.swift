import Foundation
import Testing
import _TestSupport

/// `rnnmem train`: tiny configurations (seconds in a debug build) and every input error.
@Suite("train command")
struct TrainCommandTests {
    /// A tiny recall run's arguments.
    static func tinyRecall(model: String = "lstm", output: String, seed: Int = 3, extra: [String] = []) -> [String] {
        var args = [
            "train", "--model", model, "--task", "recall", "--hidden", "3", "--steps", "4", "--delay", "2",
            "--length", "6", "--batch", "4", "--eval-batch", "8", "--seed", String(seed), "--progress", "none",
            "--output-dir", output,
        ]
        if ["mrnn", "mrnnf", "mlstm", "mlstmf"].contains(model) { args += ["--window", "3"] }
        return args + extra
    }

    @Test("writes weights.safetensors, loss.csv and summary.json; prints the losses and the checksum")
    func writesFiles() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("run/nested").path
        let r = try CLI.run(Self.tinyRecall(output: out))
        CLI.expectSuccess(r)
        let lines = CLI.lines(r.stdout)
        // W_ih 12·1, W_hh 12·3, b 2·12, C 3, c 1
        #expect(lines.first == "model lstm  hidden 3  layers 1  parameters 76")
        #expect(lines.contains("task recall  steps 4/4  stop completed  seed 3"))
        #expect(lines.contains { $0.hasPrefix("test loss ") })
        #expect(lines.contains { $0.hasPrefix("checksum fnv1a64:") })
        let csv = try String(contentsOfFile: out + "/loss.csv", encoding: .utf8)
        #expect(CLI.lines(csv).count == 5)
        #expect(csv.hasPrefix("step,train_loss,validation_loss,learning_rate,grad_norm,elapsed_seconds\n"))
        let summary = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
                as? [String: Any])
        #expect(summary["architecture"] as? String == "lstm")
        #expect(summary["steps"] as? Int == 4)
        let checksum = try #require(lines.first { $0.hasPrefix("checksum ") }).dropFirst("checksum ".count)
        #expect(summary["parameter_checksum"] as? String == String(checksum))
        #expect(FileManager.default.fileExists(atPath: out + "/weights.safetensors"))
        // summary.json: snake_case keys at every level (the library's Codable keys are camelCase).
        let keys = Self.allKeys(summary)
        #expect(keys.contains("stop_reason") && keys.contains("batch_size") && keys.contains("weights_metadata"))
        #expect(keys.allSatisfy { $0 == $0.lowercased() }, "camelCase keys: \(keys.filter { $0 != $0.lowercased() })")
        // The user's seed and the seeds derived from it, named (not the trainer's seed as "seed").
        #expect(summary["seed"] as? Int == 3)
        #expect(summary["seeds"] as? [String: Int] == ["model": 3, "task": 4, "trainer": 5])
        #expect(summary["trainer_seed"] as? Int == 5)
        #expect((summary["weights_metadata"] as? [String: String])?["seed"] == "3")
    }

    /// Every key of every object inside a parsed JSON value.
    static func allKeys(_ value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return Set(object.keys).union(object.values.flatMap { allKeys($0) })
        }
        if let array = value as? [Any] { return Set(array.flatMap { allKeys($0) }) }
        return []
    }

    @Test("--json: the documented keys, the same numbers as the plain report, and the same bytes on a rerun")
    func jsonReport() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("run").path
        let first = try CLI.run(Self.tinyRecall(output: out, extra: ["--json"]))
        CLI.expectSuccess(first)
        let again = try CLI.run(Self.tinyRecall(output: out, extra: ["--json"]))
        #expect(again.stdout == first.stdout)
        let o = try #require(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let documented = [
            "architecture", "hidden_size", "layer_count", "parameter_count", "task", "task_settings", "seed", "seeds",
            "steps", "requested_steps", "epochs", "stop_reason", "final_training_loss", "final_validation_loss",
            "best_validation_loss", "best_validation_step", "best_parameter_selection", "returned_parameters",
            "returned_validation_loss", "test_loss", "test_metrics", "parameter_checksum", "files",
        ]
        #expect(Set(o.keys) == Set(documented))
        #expect(o["seed"] as? Int == 3)
        #expect(o["seeds"] as? [String: Int] == ["model": 3, "task": 4, "trainer": 5])
        #expect(o["best_parameter_selection"] as? String == "evaluated")
        // The returned parameters are never worse on the validation data than the final ones.
        let returned = try #require(o["returned_validation_loss"] as? Double)
        #expect(returned <= (o["final_validation_loss"] as? Double ?? -1))
        #expect(o["parameter_count"] as? Int == 76)
        #expect((o["files"] as? [String: String])?["weights"] == out + "/weights.safetensors")
        let plain = CLI.lines(try CLI.run(Self.tinyRecall(output: out)).stdout)
        #expect(plain.contains("checksum \(o["parameter_checksum"] as? String ?? "?")"))
        #expect(plain.contains("test loss \((o["test_loss"] as? Double).map { "\($0)" } ?? "?")"))
    }

    @Test("same seed ⇒ identical weights files; another seed ⇒ different weights")
    func reproducible() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        let c = dir.appendingPathComponent("c").path
        CLI.expectSuccess(try CLI.run(Self.tinyRecall(model: "gru", output: a)))
        CLI.expectSuccess(try CLI.run(Self.tinyRecall(model: "gru", output: b)))
        CLI.expectSuccess(try CLI.run(Self.tinyRecall(model: "gru", output: c, seed: 4)))
        let wa = try Data(contentsOf: URL(fileURLWithPath: a + "/weights.safetensors"))
        let wb = try Data(contentsOf: URL(fileURLWithPath: b + "/weights.safetensors"))
        let wc = try Data(contentsOf: URL(fileURLWithPath: c + "/weights.safetensors"))
        #expect(wa == wb)
        #expect(wa != wc)
    }

    @Test(
        "every architecture trains a few steps on recall",
        arguments: [
            "rnn", "lstm", "gru", "linear", "cdiag", "lru", "mrnn", "mrnnf", "mlstm", "mlstmf",
        ])
    func everyArchitecture(_ model: String) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(Self.tinyRecall(model: model, output: dir.path))
        CLI.expectSuccess(r)
        #expect(r.stdout.hasPrefix("model \(model)  hidden 3"))
    }

    @Test("lsi and series tasks (tiny)")
    func otherTasks() throws {
        let values = (0..<60).map { String(Double.sin(Double($0) * 0.3) + 0.01 * Double($0)) }
        let dir = try CLI.folder(["s.csv": "x\n" + values.joined(separator: "\n") + "\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let lsi = try CLI.run([
            "train", "--model", "cdiag", "--task", "lsi", "--hidden", "3", "--steps", "3",
            "--length", "10", "--batch", "4", "--eval-batch", "4", "--teacher-size", "2",
            "--progress", "none", "--output-dir", dir.appendingPathComponent("lsi").path,
        ])
        CLI.expectSuccess(lsi)
        #expect(lsi.stdout.contains("task lsi  steps 3/3"))
        let series = try CLI.run([
            "train", "--model", "mrnnf", "--task", "series", "--data", dir.appendingPathComponent("s.csv").path,
            "--hidden", "2", "--window", "3", "--epochs", "3", "--progress", "none",
            "--output-dir", dir.appendingPathComponent("series").path,
        ])
        CLI.expectSuccess(series)
        #expect(series.stdout.contains("task series  steps 3/3"))
        #expect(series.stdout.contains("test rmse "))
        // Zhao et al.'s selection: the printed best loss is labelled as that of the parameters before the kept update,
        // and the kept parameters' own validation loss is printed beside them.
        let lines = CLI.lines(series.stdout)
        #expect(
            lines.contains {
                $0.hasPrefix("best validation loss ")
                    && $0.hasSuffix(
                        ", of the parameters before update \($0.split(separator: " ")[6].dropLast()) (kept: those after it)"
                    )
            },
            "\(series.stdout)")
        #expect(lines.contains { $0.hasPrefix("returned parameters bestValidation, validation loss ") })
    }

    /// Issue 8's defect (recall/rnn: the returned "best" model 3.356e-3 vs 3.129e-3 for the final one): with
    /// validation only at the first and the last update the final parameters beat both, so they are returned.
    @Test("the final parameters compete for best: the returned validation loss is ≤ the final one")
    func finalParametersCompete() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run([
            "train", "--model", "rnn", "--task", "recall", "--hidden", "6", "--delay", "2", "--length", "12",
            "--batch", "8", "--eval-batch", "32", "--steps", "40", "--validation-interval", "1000",
            "--seed", "2", "--progress", "none", "--json", "--output-dir", dir.path,
        ])
        CLI.expectSuccess(r)
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let final = try #require(o["final_validation_loss"] as? Double)
        let returned = try #require(o["returned_validation_loss"] as? Double)
        #expect(returned <= final)
        #expect(o["returned_parameters"] as? String == "final" && o["best_validation_step"] as? Int == 41)
        let plain = try CLI.run([
            "train", "--model", "rnn", "--task", "recall", "--hidden", "6", "--delay", "2", "--length", "12",
            "--batch", "8", "--eval-batch", "32", "--steps", "40", "--validation-interval", "1000",
            "--seed", "2", "--progress", "none", "--output-dir", dir.path,
        ])
        #expect(
            CLI.lines(plain.stdout).contains {
                $0.hasPrefix("best validation loss ") && $0.hasSuffix(": the final parameters")
            })
    }

    @Test("progress lines go to standard error with --progress lines")
    func progressLines() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var args = Self.tinyRecall(output: dir.path)
        args += ["--progress", "lines"]
        let r = try CLI.run(args)
        #expect(r.status == 0)
        #expect(r.stderr.contains("train lstm/recall 4/4"))
    }

    @Test(
        "argument errors: one line, status 2",
        arguments: [
            (["--model", "transformer"], "transformer"),
            (["--task", "translate"], "translate"),
            (["--steps", "0"], "--steps 0"),
            (["--epochs", "2"], "--steps or --epochs"),
            (["--lr", "-1"], "--lr"),
            (["--lr", "nan"], "--lr"),
            (["--lr", "abc"], "abc"),
            (["--hidden", "0"], "--hidden 0"),
            (["--layers", "0"], "--layers 0"),
            (["--delay", "-1"], "--delay -1"),
            (["--delay", "6"], "--length 6"),
            (["--correlation", "1"], "--correlation 1"),
            (["--data", "x.csv"], "--data"),
            (["--window", "0"], "--window"),
            (["--clip", "0"], "--clip"),
            (["--patience", "0"], "--patience 0"),
            (["--optimizer", "lbfgs"], "lbfgs"),
            (["--hidden", "4000", "--layers", "8"], "too large"),
        ] as [([String], String)])
    func argumentErrors(_ extra: [String], _ fragment: String) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Later options override the tiny defaults (ArgumentParser keeps the last value).
        let r = try CLI.run(Self.tinyRecall(output: dir.path, extra: extra))
        CLI.expectError(r, fragment)
    }

    @Test(
        "other errors: missing task/output, series without data, bad data file, --window on lstm, mrnn layers, output is a file"
    )
    func otherErrors() throws {
        let dir = try CLI.folder(["file.txt": "x\n", "bad.csv": "x\n1\nabc\n3\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("o").path
        CLI.expectError(try CLI.run(["train", "--model", "lstm", "--output-dir", out]), "--task")
        CLI.expectError(try CLI.run(["train", "--model", "lstm", "--task", "recall"]), "--output-dir")
        CLI.expectError(try CLI.run(["train", "--model", "lstm", "--task", "series", "--output-dir", out]), "--data")
        CLI.expectError(
            try CLI.run([
                "train", "--model", "lstm", "--task", "series", "--data", dir.appendingPathComponent("none.csv").path,
                "--output-dir", out,
            ]), "no such file")
        CLI.expectError(
            try CLI.run([
                "train", "--model", "lstm", "--task", "series", "--data", dir.appendingPathComponent("bad.csv").path,
                "--output-dir", out,
            ]), "bad.csv:3:1", "abc")
        CLI.expectError(
            try CLI.run(["train", "--model", "lstm", "--task", "recall", "--window", "3", "--output-dir", out]),
            "--window")
        CLI.expectError(
            try CLI.run(["train", "--model", "mrnn", "--task", "recall", "--layers", "2", "--output-dir", out]),
            "--layers 2")
        CLI.expectError(
            try CLI.run(Self.tinyRecall(output: dir.appendingPathComponent("file.txt").path)), "not a directory")
    }
}
