import Foundation
import RNNMemory
import Testing
import _TestSupport

/// The architecture options of new networks (`train`, `run`, `eval`, `export`, `grad-check`) and the protocol
/// initialisation of the lsi students.
@Suite("Architecture options")
struct ArchitectureOptionsTests {
    /// Trains one negligible step (lr 1e-300: Adam moves each parameter by ~1e-300) so that the weights file holds
    /// the initialisation.
    static func initialWeights(_ arguments: [String], in dir: URL) throws -> (any RecurrentModel, [String: String]) {
        let r = try CLI.run(
            ["train", "--steps", "1", "--lr", "1e-300", "--progress", "none", "--output-dir", dir.path]
                + arguments)
        CLI.expectSuccess(r)
        let file = try SafetensorsFile.read(contentsOf: dir.appendingPathComponent("weights.safetensors").path)
        return (try ModelIO.model(from: file), file.metadata)
    }

    static let tinyLSI = ["--task", "lsi", "--length", "8", "--batch", "2", "--eval-batch", "2", "--teacher-size", "4"]

    @Test(
        "train --model lru --task lsi: every student |λ| on the ring [ν₀, 1) of the teacher (not [0, 1)); recorded in the metadata"
    )
    func lruStudentRing() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (model, metadata) = try Self.initialWeights(
            ["--model", "lru", "--hidden", "64", "--min-modulus", "0.95"] + Self.tinyLSI, in: dir)
        let lru = try #require(model as? LRU)
        let moduli = try lru.eigenvalues().map(\.length)
        #expect(moduli.allSatisfy { $0 >= 0.95 - 1e-12 && $0 < 1 }, "\(moduli.min() ?? -1)")
        let phases = try lru.eigenvalues().map { abs(Double.atan2(y: $0.imaginary, x: $0.real)) }
        #expect(phases.allSatisfy { $0 <= 3.14 + 1e-12 })
        #expect(metadata["initialization"] == "zucchet-orvieto2024 ring |λ| ∈ [0.95, 1.0], max phase 3.14")
        // The options override parts of the protocol: radii, phase range, scheme.
        let (custom, m2) = try Self.initialWeights(
            [
                "--model", "lru", "--hidden", "64", "--ring-min", "0.5", "--ring-max", "0.8",
                "--max-phase", "1",
            ] + Self.tinyLSI, in: dir)
        let c = try #require(custom as? LRU).eigenvalues()
        #expect(c.allSatisfy { $0.length >= 0.5 - 1e-12 && $0.length <= 0.8 + 1e-12 })
        #expect(c.allSatisfy { abs(Double.atan2(y: $0.imaginary, x: $0.real)) <= 1 + 1e-12 })
        #expect(m2["initialization"] == "zucchet-orvieto2024 ring |λ| ∈ [0.5, 0.8], max phase 1.0")
        // Without a task protocol (recall), the LRU keeps the paper's ring [0, 1].
        let (recall, m3) = try Self.initialWeights(
            [
                "--model", "lru", "--hidden", "4", "--task", "recall", "--length", "6",
                "--batch", "2", "--eval-batch", "2", "--delay", "1",
            ], in: dir)
        #expect(recall is LRU)
        #expect(m3["initialization"] == "orvieto2023 ring |λ| ∈ [0.0, 1.0], max phase 6.28")
    }

    @Test("cdiag parametrization and normalisation, linear heads and skip, mrnnf's output tanh reach the model")
    func optionsReachTheModel() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (cdiag, m) = try Self.initialWeights(
            [
                "--model", "cdiag", "--hidden", "6", "--parametrization", "polar",
                "--normalization", "l2", "--skip", "none",
            ] + Self.tinyLSI, in: dir)
        let cd = try #require(cdiag as? ComplexDiagonalRNN)
        #expect(
            cd.configuration.parametrization == .polar && cd.configuration.normalization == .l2
                && cd.configuration.skip == .none)
        #expect(m["parametrization"] == "polar" && m["normalization"] == "l2")
        #expect(try cd.eigenvalues().allSatisfy { $0.length >= 0.99 - 1e-12 })  // lsi's default ν₀ = 0.99
        let (optimal, _) = try Self.initialWeights(
            [
                "--model", "cdiag", "--hidden", "4", "--parametrization", "scaled-exp",
                "--normalization", "learned",
            ] + Self.tinyLSI, in: dir)
        #expect((optimal as? ComplexDiagonalRNN)?.configuration.parametrization == .scaledExp)
        let (linear, _) = try Self.initialWeights(
            ["--model", "linear", "--hidden", "4", "--heads", "2", "--skip", "none"]
                + Self.tinyLSI, in: dir)
        #expect((linear as? LinearRNN)?.headCount == 2)
        let (mrnnf, mm) = try Self.initialWeights(
            [
                "--model", "mrnnf", "--hidden", "3", "--window", "4", "--output-tanh",
                "--task", "recall", "--length", "6", "--batch", "2", "--eval-batch", "2",
                "--delay", "1",
            ], in: dir)
        #expect((mrnnf as? MRNNF)?.outputTanh == true && mm["output_tanh"] == "true")
    }

    @Test(
        "options for other architectures and out-of-range values: one line naming the option",
        arguments: [
            (["--model", "lru", "--parametrization", "polar"], "use --model cdiag --parametrization polar"),
            (["--model", "lru", "--normalization", "none"], "the LRU's γ is learned"),
            (["--model", "linear", "--hidden", "8", "--heads", "3"], "--heads 3: must divide --hidden 8"),
            (["--model", "lstm", "--output-tanh"], "--output-tanh applies to mrnnf, not lstm"),
            (["--model", "gru", "--parametrization", "exp"], "--parametrization applies to cdiag, not gru"),
            (["--model", "linear", "--init-scheme", "orvieto2023"], "--init-scheme applies to cdiag, lru, not linear"),
            (["--model", "cdiag", "--ring-min", "1"], "--ring-min 1.0: must lie in [0, 1)"),
            (["--model", "cdiag", "--ring-max", "0"], "--ring-max 0.0: must lie in (0, 1]"),
            (["--model", "cdiag", "--ring-min", "0.9", "--ring-max", "0.5"], "--ring-min 0.9 exceeds --ring-max 0.5"),
            (["--model", "lru", "--max-phase", "-1"], "--max-phase -1.0: must lie in (0, 2π]"),
            (["--model", "rnn", "--skip", "matrix"], "--skip applies to linear, cdiag, lru, not rnn"),
            (["--model", "cdiag", "--parametrization", "cartesian"], "--parametrization"),
        ] as [([String], String)])
    func optionErrors(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(
            try CLI.run(["train", "--task", "recall", "--output-dir", "/nonexistent/never"] + extra), fragment)
    }

    @Test("eval warns on standard error when the task or its settings differ from the weights' metadata")
    func evalWarnsOnOtherTask() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        CLI.expectSuccess(try CLI.run(TrainCommandTests.tinyRecall(output: dir.path)))
        let weights = dir.appendingPathComponent("weights.safetensors").path
        let same = try CLI.run([
            "eval", "--weights", weights, "--task", "recall", "--delay", "2", "--length", "6",
            "--eval-batch", "8", "--seed", "3",
        ])
        CLI.expectSuccess(same)
        let other = try CLI.run(["eval", "--weights", weights, "--task", "lsi", "--length", "6", "--eval-batch", "4"])
        #expect(other.status == 0)
        #expect(other.stderr == "rnnmem: warning: \(weights) were trained on --task recall, not lsi\n")
        let settings = try CLI.run([
            "eval", "--weights", weights, "--task", "recall", "--delay", "3", "--length", "6",
            "--eval-batch", "8", "--seed", "3",
        ])
        #expect(settings.status == 0)
        #expect(
            settings.stderr
                == "rnnmem: warning: \(weights) were trained on --task recall with other settings: delay 2 (now 3)\n")
        #expect(settings.stdout.contains("test loss "))
    }
}
