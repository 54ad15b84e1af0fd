import Foundation
import Testing
import _RNNMemCLI
import _TestSupport

/// The in-process entry point `CommandLineTool.run` gives the same status and the same bytes as the built binary,
/// never exits, reads the standard input it is given, and is safe to call concurrently.
@Suite("In-process entry point")
struct InProcessTests {
    /// A command line and the standard input it reads.
    struct Invocation: Sendable, CustomStringConvertible {
        let arguments: [String]
        let stdin: String?
        init(_ arguments: [String], stdin: String? = nil) {
            self.arguments = arguments
            self.stdin = stdin
        }
        var description: String { "rnnmem " + arguments.joined(separator: " ") }
    }

    static let series: String = {
        var lines: [String] = []
        for t in 1...64 {
            let x: Double = sin(Double(t) * 0.7) + 0.01 * Double(t * t % 17)
            lines.append(String(x))
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Success and error paths, plain and JSON output, notes on standard error, help and version text.
    static let invocations: [Invocation] = [
        Invocation(["weights", "--d", "0.4", "--length", "8"]),
        Invocation(["simulate", "arfima", "--d", "0.3", "--ar", "0.5", "--length", "64", "--seed", "7", "--json"]),
        Invocation(["acf", "-", "--lags", "5"], stdin: series),
        Invocation(["periodogram", "-", "--json"], stdin: series),
        Invocation(["fracdiff", "-", "--d", "0.4", "--window", "3"], stdin: series),
        Invocation(["estimate", "-", "--method", "lw", "--json"], stdin: series),
        Invocation(["lost-memory", "--d", "0.4", "--window", "10,100"]),
        Invocation(["weights", "--d", "x", "--length", "3"]),
        Invocation(["acf", "/nonexistent/series.csv", "--lags", "3"]),
        Invocation(["acf", "-", "--lags", "3"], stdin: "1\nabc\n3\n"),
        Invocation(["acf", "-", "--lags", "3"]),
        Invocation(["frobnicate"]),
        Invocation(["--help"]),
        Invocation(["estimate", "--help"]),
        Invocation(["help", "simulate", "arfima"]),
        Invocation(["simulate"]),
        Invocation(["--version"]),
        Invocation(["grad-check", "--model", "rnn", "--hidden", "3", "--length", "4", "--batch", "2"]),
        Invocation(["run", "--model", "lstm", "--hidden", "2", "--data", "-", "--json"], stdin: series),
        Invocation(["export", "--pytorch", "--model", "lru", "--output", "/nonexistent/x.safetensors"]),
        Invocation([
            "spectrum", "lyapunov", "--random-tanh", "--n", "8", "--steps", "40", "--json", "--progress", "none",
        ]),
        Invocation([
            "spectrum", "hessian", "--model", "gru", "--hidden", "2", "--task", "recall", "--length", "6",
            "--eval-batch", "2", "--top", "99",
        ]),
    ]

    @Test("same status, standard output and standard error as the binary", arguments: invocations)
    func sameBytesAsBinary(_ invocation: Invocation) async throws {
        let binary = try CLI.run(invocation.arguments, stdin: invocation.stdin)
        let inProcess = await CommandLineTool.run(
            invocation.arguments, standardInput: invocation.stdin.map { Data($0.utf8) })
        #expect(inProcess.status == binary.status)
        #expect(inProcess.stdout == binary.stdout)
        #expect(inProcess.stderr == binary.stderr)
    }

    @Test("train in-process: the same report and weights as the binary; progress goes to the captured standard error")
    func trainInProcess() async throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("run").path
        let arguments = TrainCommandTests.tinyRecall(model: "gru", output: out)
        let binary = try CLI.run(arguments)
        let binaryWeights = try Data(contentsOf: URL(fileURLWithPath: out + "/weights.safetensors"))
        let inProcess = await CommandLineTool.run(arguments)
        #expect(inProcess.status == binary.status)
        #expect(inProcess.stdout == binary.stdout)
        #expect(inProcess.stderr == binary.stderr)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/weights.safetensors")) == binaryWeights)
        // --progress lines: the progress lines are captured, the report is unchanged.
        let withProgress = await CommandLineTool.run(
            arguments.filter { $0 != "none" && $0 != "--progress" } + ["--progress", "lines"])
        #expect(withProgress.stdout == binary.stdout)
        #expect(withProgress.stderr.hasPrefix("train "))
    }

    @Test("an error returns status 2 and one line on standard error instead of exiting")
    func errorsReturn() async {
        let r = await CommandLineTool.run(["weights", "--d", "0.4", "--length", "0"])
        #expect(r.status == CommandLineTool.failureStatus)
        #expect(r.standardOutput.isEmpty)
        #expect(r.stderr == "rnnmem: error: invalid --length 0: must be ≥ 1\n")
    }

    @Test("concurrent invocations each see only their own input and output")
    func concurrentInvocations() async {
        var inputs: [String] = []
        for k in 1...12 {
            var lines: [String] = []
            for t in 1...40 { lines.append(String(Double(t * k % 23) + Double(k))) }
            inputs.append(lines.joined(separator: "\n"))
        }
        var sequential: [ToolResult] = []
        for input in inputs {
            sequential.append(await CommandLineTool.run(["acf", "-", "--lags", "4"], standardInput: Data(input.utf8)))
        }
        let concurrent = await withTaskGroup(of: (Int, ToolResult).self) { group in
            for (i, input) in inputs.enumerated() {
                group.addTask {
                    (i, await CommandLineTool.run(["acf", "-", "--lags", "4"], standardInput: Data(input.utf8)))
                }
            }
            var results = [ToolResult?](repeating: nil, count: inputs.count)
            for await (i, r) in group { results[i] = r }
            return results
        }
        for (i, r) in concurrent.enumerated() {
            #expect(r == sequential[i], "input \(i)")
            #expect(r?.status == 0)
        }
        #expect(Set(sequential.map(\.standardOutput)).count == inputs.count)
    }
}
