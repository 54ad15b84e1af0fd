import Foundation
import Sweeps
import Testing
import _TestSupport

/// Shared fixtures of the sweep tests: a small grid, a deterministic stand-in for rnnmem, and a call log.
enum Fixtures {
    /// A 2 × 2 × 3 grid (model, lr, seed) whose command prints JSON on standard output.
    static let gridText = """
        {
          "name": "fake",
          "command": ["train", "--model", "{model}", "--lr", "{lr}", "--seed", "{seed}", "--output", "{cell_dir}"],
          "axes": {"model": ["a", "b"], "lr": [0.1, 0.01], "seed": 3},
          "metrics": {"score": "result.score", "label": "label", "first": "values.0"}
        }
        """

    static func configuration(_ text: String = gridText, source: String = "fake.json") throws -> SweepConfiguration {
        try SweepConfiguration.parse(try JSONParser.parse(text), source: source)
    }

    /// The value of `--name` in an argument list.
    static func option(_ name: String, in arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    /// The deterministic score the fake command prints for its arguments.
    static func score(_ arguments: [String]) -> Double {
        let seed = Double(option("--seed", in: arguments) ?? "") ?? -1
        let lr = Double(option("--lr", in: arguments) ?? "") ?? -1
        let model = option("--model", in: arguments) == "b" ? 10.0 : 0.0
        return model + 100 * lr + seed / 8
    }

    /// The fake rnnmem: prints `{"result": {"score": …}, "label": "…", "values": [1, 2]}`; exit status 2 with an
    /// error line for the seeds in `failingSeeds`.
    static func entry(log: CallLog, failingSeeds: Set<String> = []) -> InProcessExecutor.Entry {
        { arguments in
            log.record(arguments)
            let seed = option("--seed", in: arguments) ?? ""
            if failingSeeds.contains(seed) {
                return (2, "", "progress line\nrnnmem: error: seed \(seed) diverged\n")
            }
            let label = "\(option("--model", in: arguments) ?? "?")-\(seed)"
            let stdout = "{\"result\": {\"score\": \(score(arguments))}, \"label\": \"\(label)\", \"values\": [1, 2]}\n"
            return (0, stdout, "")
        }
    }

    /// A fresh empty folder for a test.
    static func folder() throws -> String { try TestSupport.temporaryDirectory().path }

    /// The metrics of every complete result in a directory, by cell.
    static func metrics(in path: String) throws -> [Int: [JSONMember]] {
        let collection = try SweepCollection.collect(path)
        return Dictionary(uniqueKeysWithValues: collection.complete.map { ($0.cell, $0.metrics) })
    }
}

/// Records the calls of an executor (thread-safe: cells run concurrently).
final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [[String]] = []

    func record(_ arguments: [String]) {
        lock.lock()
        calls.append(arguments)
        lock.unlock()
    }

    var all: [[String]] {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }

    /// The seeds and models called, as "model/lr/seed" strings.
    var cells: Set<String> {
        Set(
            all.map { args in
                ["--model", "--lr", "--seed"].map { Fixtures.option($0, in: args) ?? "?" }.joined(separator: "/")
            })
    }
}

/// Runs cells through `base` and throws `CancellationError` from call `limit + 1` on: a run killed after `limit`
/// cells (the runner writes nothing for the cell that was interrupted).
struct InterruptingExecutor: CellExecutor {
    let name = "in-process"
    let base: InProcessExecutor
    let limit: Int
    let counter = Counter()

    func execute(_ invocation: CellInvocation) async throws -> CellOutput {
        if counter.next() > limit { throw CancellationError() }
        return try await base.execute(invocation)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
