import Foundation
import Testing
import _TestSupport

/// `rnnmem grad-check`: exit 0 with "ok" for every architecture, exit 1 above the tolerance, exit 2 on bad input.
@Suite("grad-check command")
struct GradCheckCommandTests {
    static func args(_ model: String, _ extra: [String] = []) -> [String] {
        var a = ["grad-check", "--model", model, "--hidden", "3", "--length", "5", "--batch", "2"]
        if ["mrnn", "mrnnf", "mlstm", "mlstmf"].contains(model) { a += ["--window", "3"] }
        return a + extra
    }

    @Test(
        "gradient and HVP agree with finite differences for every architecture",
        arguments: [
            "rnn", "lstm", "gru", "linear", "cdiag", "lru", "mrnn", "mrnnf", "mlstm", "mlstmf",
        ])
    func agreement(_ model: String) throws {
        let r = try CLI.run(Self.args(model))
        CLI.expectSuccess(r)
        let lines = CLI.lines(r.stdout)
        #expect(lines.first?.hasPrefix("model \(model)  hidden 3") == true)
        #expect(lines[1].hasPrefix("gradient vs central differences: max relative error ") && lines[1].hasSuffix(" ok"))
        #expect(lines[2].hasPrefix("Hessian-vector product vs differences of gradients: ") && lines[2].hasSuffix(" ok"))
        #expect(lines[1].contains(", worst tensor ") && lines[2].contains(", worst tensor "))
        // One line per parameter group: name, gradient error, HVP error.
        #expect(lines[3] == "relative error per tensor (gradient, HVP):")
        #expect(
            lines.count > 4
                && lines.dropFirst(4).allSatisfy { $0.hasPrefix("  ") && $0.split(separator: " ").count == 3 })
    }

    @Test("an impossible tolerance fails with status 1 and says FAIL")
    func failure() throws {
        let r = try CLI.run(Self.args("rnn", ["--tolerance", "1e-300"]))
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL"))
        #expect(r.stderr.isEmpty)
    }

    @Test("--json: documented keys and the plain report's verdicts; status 1 still reported on failure")
    func jsonReport() throws {
        let r = try CLI.run(Self.args("gru", ["--json"]))
        CLI.expectSuccess(r)
        let o = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(
            Set(o.keys) == [
                "architecture", "hidden_size", "layer_count", "parameter_count", "input_size", "output_size", "length",
                "batch", "seed", "gradient_error", "gradient_tolerance", "gradient_ok", "hvp_error", "hvp_tolerance",
                "hvp_ok", "worst_gradient_tensor", "worst_gradient_tensor_error", "worst_hvp_tensor",
                "worst_hvp_tensor_error", "tensors",
            ])
        let tensors = try #require(o["tensors"] as? [[String: Any]])
        #expect(
            tensors.map { $0["name"] as? String } == [
                "layer0.W_ih", "layer0.W_hh", "layer0.b_ih", "layer0.b_hh", "readout.C", "readout.c",
            ])
        let worst = try #require(o["worst_gradient_tensor_error"] as? Double)
        #expect(worst == tensors.compactMap { $0["gradient_error"] as? Double }.max())
        #expect(
            o["worst_gradient_tensor"] as? String == tensors.first { $0["gradient_error"] as? Double == worst }?["name"]
                as? String)
        #expect(worst <= 1e-6)
        #expect(o["gradient_ok"] as? Bool == true && o["hvp_ok"] as? Bool == true)
        #expect((o["gradient_error"] as? Double).map { $0 <= 1e-6 } == true)
        let failing = try CLI.run(Self.args("rnn", ["--tolerance", "1e-300", "--json"]))
        #expect(failing.status == 1)
        let f = try #require(JSONSerialization.jsonObject(with: Data(failing.stdout.utf8)) as? [String: Any])
        #expect(f["gradient_ok"] as? Bool == false)
    }

    @Test(
        "bad input: status 2, one line",
        arguments: [
            (["--hidden", "0"], "--hidden 0"),
            (["--length", "0"], "--length 0"),
            (["--tolerance", "-1"], "--tolerance"),
            (["--hvp-tolerance", "inf"], "--hvp-tolerance"),
            (["--outputs", "3"], "needs as many outputs as inputs"),  // lru's diagonal skip needs d_out = d_in
            (["--seed", "-1"], "-1"),
            (["--hidden", "400"], "too large"),
        ] as [([String], String)])
    func badInput(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(try CLI.run(Self.args("lru", extra)), fragment)
    }

    @Test("unknown model")
    func unknownModel() throws {
        CLI.expectError(try CLI.run(["grad-check", "--model", "transformer"]), "transformer")
    }
}
