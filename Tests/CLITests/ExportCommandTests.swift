import Foundation
import RNNMemory
import Testing
import _RNNMemCLI
import _TestSupport

/// `rnnmem export`: PyTorch state dicts that read back bit for bit, rnnmem weights of new networks, and the errors.
@Suite("export command")
struct ExportCommandTests {
    @Test(
        "rnnmem weights → export --pytorch → eval --pytorch --compare: identical parameters, every PyTorch architecture, 1 and 2 layers, both name schemes",
        arguments: ["rnn", "lstm", "gru"], [1, 2])
    func importOfExportIsIdentity(_ model: String, _ layers: Int) async throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let weights = dir.appendingPathComponent("weights.safetensors").path
        CLI.expectSuccess(
            await CLI.runInProcess([
                "export", "--model", model, "--layers", String(layers), "--hidden", "3", "--inputs", "2",
                "--seed", "4", "--output", weights,
            ]))
        for prefixes in [[String](), ["--recurrent-prefix", "rnn.", "--readout-prefix", "fc."]] {
            let exported = dir.appendingPathComponent("torch.safetensors").path
            let r = await CLI.runInProcess(
                ["export", "--pytorch", "--weights", weights, "--output", exported] + prefixes)
            CLI.expectSuccess(r)
            let g =
                layers == 1
                ? ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]
                : [
                    "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1",
                    "bias_ih_l1", "bias_hh_l1",
                ]
            let r0 = prefixes.isEmpty ? "" : "rnn.", o = prefixes.isEmpty ? "linear." : "fc."
            let file = try SafetensorsFile.read(contentsOf: exported)
            #expect(Set(file.names) == Set(g.map { r0 + $0 } + [o + "weight", o + "bias"]))
            #expect(file.tensors.values.allSatisfy { $0.dtype == .f64 })
            let back = await CLI.runInProcess(
                ["eval", "--weights", exported, "--pytorch", "--model", model, "--compare", weights] + prefixes)
            CLI.expectSuccess(back)
            #expect(CLI.lines(back.stdout).last?.contains(": identical, ") == true, "\(back.stdout)")
        }
    }

    @Test("a new network exported as rnnmem weights is the network run builds from the same seed; --json keys; f32")
    func newNetwork() async throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("w.safetensors").path
        let r = await CLI.runInProcess([
            "export", "--model", "cdiag", "--parametrization", "optimal", "--normalization", "l2",
            "--hidden", "4", "--inputs", "2", "--outputs", "3", "--seed", "6", "--output", out, "--json",
        ])
        CLI.expectSuccess(r)
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(
            Set(o.keys) == [
                "weights", "kind", "architecture", "input_size", "hidden_size", "output_size", "layer_count",
                "parameter_count", "parameter_checksum", "format", "module", "dtype", "output", "tensors",
            ])
        #expect(o["format"] as? String == "rnnmem" && o["module"] is NSNull)
        let model = try ModelIO.model(contentsOf: out)
        #expect(model.architecture == .complexDiagonalRNN)
        #expect((model as? ComplexDiagonalRNN)?.configuration.parametrization == .optimal)
        #expect(o["parameter_checksum"] as? String == ModelIO.checksum(model.parameters))
        let eval = await CLI.runInProcess(["eval", "--weights", out])
        CLI.expectSuccess(eval)
        #expect(CLI.lines(eval.stdout).contains("checksum \(ModelIO.checksum(model.parameters))"))
        // F32: the values rounded to float.
        let f32 = dir.appendingPathComponent("f32.safetensors").path
        CLI.expectSuccess(
            await CLI.runInProcess([
                "export", "--pytorch", "--model", "lstm", "--hidden", "3", "--seed", "1", "--dtype", "f32",
                "--output", f32,
            ]))
        let file = try SafetensorsFile.read(contentsOf: f32)
        #expect(file.tensors.values.allSatisfy { $0.dtype == .f32 })
        #expect(file.tensors["weight_ih_l0"]?.shape == [12, 1])
    }

    @Test("architectures without a PyTorch counterpart, and other errors: one line, status 2")
    func errors() async throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.safetensors").path
        for model in ["linear", "cdiag", "lru", "mrnn", "mrnnf", "mlstm", "mlstmf"] {
            CLI.expectError(
                await CLI.runInProcess(["export", "--pytorch", "--model", model, "--output", out]),
                "--model \(model) has no PyTorch counterpart")
        }
        let lru = dir.appendingPathComponent("lru.safetensors").path
        CLI.expectSuccess(await CLI.runInProcess(["export", "--model", "lru", "--hidden", "2", "--output", lru]))
        CLI.expectError(
            await CLI.runInProcess(["export", "--pytorch", "--weights", lru, "--output", out]), lru,
            "architecture lru, which has no PyTorch counterpart")
        CLI.expectError(
            await CLI.runInProcess([
                "export", "--pytorch", "--weights", EvalCommandTests.fixture("lstm_l1"), "--output", out,
            ]),
            "PyTorch state dict", "export reads rnnmem weights")
        CLI.expectError(
            await CLI.runInProcess(["export", "--pytorch", "--no-readout", "--model", "rnn", "--output", out]),
            "--no-readout")
        CLI.expectError(
            await CLI.runInProcess(["export", "--model", "rnn", "--readout-prefix", "fc.", "--output", out]),
            "apply with --pytorch")
        CLI.expectError(
            await CLI.runInProcess(["export", "--pytorch", "--weights", lru, "--hidden", "3", "--output", out]),
            "--hidden applies to a new network")
        CLI.expectError(await CLI.runInProcess(["export", "--model", "rnn", "--output", dir.path]), dir.path)
        CLI.expectError(await CLI.runInProcess(["export", "--model", "rnn"]), "--output")
    }

    @Test("--help names the architectures without a PyTorch counterpart")
    func help() async throws {
        let r = await CLI.runInProcess(["export", "--help"])
        #expect(r.status == 0)
        #expect(
            r.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ")
                .contains("linear, cdiag, lru, mrnn, mrnnf, mrnnw, mlstm and mlstmf have no PyTorch module"))
    }
}
