import Foundation
import Testing
import _TestSupport

/// `rnnmem memory capacity|ipc|horizon|connectivity|response|states`: the documented JSON keys, the numbers
/// theory fixes (analytic against empirical capacity, no nonlinear capacity of a linear network, causality and the
/// two norms of connectivity, the tanh bound, memory passed through a network), and bad input.
@Suite("memory commands")
struct MemoryCommandTests {
    static func json(_ r: TestSupport.ProcessResult) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "stdout: \(r.stdout)")
    }

    static func numbers(_ value: Any?) -> [Double] {
        (value as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? []
    }

    /// The float64 values of a NumPy `.npy` file (version 1 or 2 header, little-endian '<f8').
    static func npy(_ path: String) throws -> (shape: [Int], values: [Double]) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try #require(bytes.count > 12 && bytes[0] == 0x93 && Array(bytes[1...5]) == Array("NUMPY".utf8))
        let major = bytes[6]
        let headerLength =
            major == 1
            ? Int(bytes[8]) | Int(bytes[9]) << 8
            : Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        let start = major == 1 ? 10 : 12
        let header = String(decoding: bytes[start..<(start + headerLength)], as: UTF8.self)
        #expect(header.contains("'descr': '<f8'") && header.contains("'fortran_order': False"), "\(header)")
        let shapeText = header.components(separatedBy: "'shape': (").last?.components(separatedBy: ")").first ?? ""
        let shape = shapeText.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let data = Array(bytes[(start + headerLength)...])
        let values = stride(from: 0, to: data.count, by: 8).map { i -> Double in
            var bits: UInt64 = 0
            for j in 0..<8 { bits |= UInt64(data[i + j]) << (8 * UInt64(j)) }
            return Double(bitPattern: bits)
        }
        return (shape, values)
    }

    // MARK: capacity

    /// Jaeger's capacity of a linear network: the empirical estimate agrees with the Stein-equation value within
    /// its sampling error (5 s.e. plus the readout's estimation bias 2(p + 1)/n_train) at every delay.
    @Test("capacity: analytic and empirical agree on a linear network; documented keys")
    func capacityAnalyticAgainstEmpirical() throws {
        let common = [
            "memory", "capacity", "--model", "linear", "--hidden", "6", "--seed", "3", "--max-delay", "15", "--json",
        ]
        let a = try CLI.run(common + ["--method", "analytic"])
        CLI.expectSuccess(a)
        let e = try CLI.run(common + ["--samples", "6000"])
        CLI.expectSuccess(e)
        let ja = try Self.json(a), je = try Self.json(e)
        for key in ["mc", "total", "method", "max_delay", "rank", "state_variables", "network"] {
            #expect(ja[key] != nil && je[key] != nil, "\(key)")
        }
        #expect(ja["method"] as? String == "analytic" && je["method"] as? String == "empirical")
        let mcA = Self.numbers(ja["mc"]), mcE = Self.numbers(je["mc"]), se = Self.numbers(je["standard_error"])
        #expect(mcA.count == 16 && mcE.count == 16 && se.count == 16)
        let nTrain = try #require(je["train_samples"] as? Int)
        for k in 0..<16 {
            #expect(abs(mcA[k] - mcE[k]) <= 5 * se[k] + 2.0 * 7 / Double(nTrain), "k = \(k): \(mcA[k]) vs \(mcE[k])")
            #expect(mcE[k] >= 0 && mcE[k] <= 1 && mcA[k] >= -1e-12 && mcA[k] <= 1 + 1e-12)
        }
        let totalA = try #require(ja["total"] as? Double)
        #expect(abs(totalA - mcA.reduce(0, +)) < 1e-9)
        #expect(totalA <= 6 + 1e-9)
        #expect(ja["rank"] as? Int == 6)
        // Same arguments, same bytes.
        #expect(try CLI.run(common + ["--samples", "6000"]).stdout == e.stdout)
    }

    @Test("capacity: a rank-deficient state matrix is stated and fitted with a reported ridge")
    func capacityRankDeficient() throws {
        // A period-4 input drives the state through 4 points: rank ≤ 4 of 8 state variables.
        let rows = (0..<400).map { t in String([0.9, -0.3, 0.5, -1.1][t % 4]) }.joined(separator: "\n") + "\n"
        let dir = try CLI.folder(["periodic.csv": rows])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run([
            "memory", "capacity", "--model", "rnn", "--hidden", "8", "--seed", "1", "--max-delay", "6",
            "--data", dir.appendingPathComponent("periodic.csv").path, "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("rank-deficient") && r.stderr.contains("ridge λ"), "\(r.stderr)")
        let o = try Self.json(r)
        #expect(((o["ridge"] as? Double) ?? 0) > 0)
        let rank = (o["rank"] as? Int) ?? 99
        #expect(rank <= 4)
        // The text names the rank as the bound on Σ MC_k, not the 8 state variables.
        let text = try CLI.run([
            "memory", "capacity", "--model", "rnn", "--hidden", "8", "--seed", "1", "--max-delay", "6",
            "--data", dir.appendingPathComponent("periodic.csv").path,
        ])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(
            text.stdout.contains("(bound: for i.i.d. input, rank \(rank) of the 8 state variables)"), "\(text.stdout)")

        // ipc on the same kind of input (values in [−1, 1]): the projection on the column space, reported as a
        // pseudo-inverse with ridge 0, consistently with capacity's keys.
        let inUnit = (0..<400).map { t in String([0.9, -0.3, 0.5, -0.7][t % 4]) }.joined(separator: "\n") + "\n"
        let unitDir = try CLI.folder(["periodic.csv": inUnit])
        defer { try? FileManager.default.removeItem(at: unitDir) }
        let ipc = try CLI.run([
            "memory", "ipc", "--model", "rnn", "--hidden", "8", "--seed", "1", "--max-degree", "2", "--max-delay",
            "3", "--data", unitDir.appendingPathComponent("periodic.csv").path, "--json",
        ])
        #expect(ipc.status == 0, "\(ipc.stderr)")
        #expect(ipc.stderr.contains("rank-deficient") && ipc.stderr.contains("ridge λ = 0"), "\(ipc.stderr)")
        let p = try Self.json(ipc)
        #expect(((p["rank"] as? Int) ?? 99) <= 4)
        #expect(p["readout_method"] as? String == "pseudo-inverse")
        #expect(p["ridge"] as? Double == 0)
        #expect(p["relative_ridge"] as? Double == 0)
    }

    @Test("capacity on a series too short for --max-delay: one line naming --max-delay and the washout")
    func capacityTooFewSamples() throws {
        let rows = (0..<30).map { t in String(sin(Double(t) * 0.7)) }.joined(separator: "\n") + "\n"
        let dir = try CLI.folder(["short.csv": rows])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run([
            "memory", "capacity", "--model", "rnn", "--hidden", "4", "--max-delay", "29",
            "--data", dir.appendingPathComponent("short.csv").path,
        ])
        CLI.expectError(r, "--max-delay 29 and the default washout 29 leave 1 sample of the 1 × 30 input steps")
        #expect(!r.stderr.contains("constant"), "\(r.stderr)")
        let explicit = try CLI.run([
            "memory", "capacity", "--model", "rnn", "--hidden", "4", "--max-delay", "3", "--washout", "25",
            "--data", dir.appendingPathComponent("short.csv").path,
        ])
        CLI.expectError(explicit, "--washout 25 leave 5 samples")
    }

    @Test(
        "capacity: bad input is one line naming the argument, exit 2",
        arguments: [
            (["--model", "gru", "--hidden", "4", "--method", "analytic"], "--method analytic"),
            (["--model", "linear", "--hidden", "4", "--method", "analytic", "--samples", "100"], "--samples"),
            (["--model", "rnn", "--hidden", "4", "--max-delay", "-1"], "--max-delay"),
            (["--model", "rnn", "--hidden", "4", "--max-delay", "10", "--washout", "5"], "--washout"),
            (["--model", "rnn", "--hidden", "4", "--training-fraction", "1"], "--training-fraction"),
            (["--model", "rnn", "--hidden", "4", "--input", "ar"], "--phi"),
            (["--model", "rnn", "--hidden", "4", "--input", "arfima", "--d", "0.7"], "--d"),
            (["--model", "rnn", "--hidden", "4", "--d", "0.3"], "--input arfima"),
            (["--model", "rnn", "--hidden", "4", "--length", "30"], "--length"),
            (["--hidden", "4"], "no network"),
        ])
    func capacityBadInput(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(try CLI.run(["memory", "capacity"] + extra), fragment)
    }

    @Test("a delay beyond the sequence length of --data names --max-delay")
    func delayBeyondData() throws {
        let rows = (0..<40).map { String(sin(Double($0))) }.joined(separator: "\n") + "\n"
        let dir = try CLI.folder(["x.csv": rows])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.csv").path
        CLI.expectError(
            try CLI.run([
                "memory", "capacity", "--model", "rnn", "--hidden", "3", "--data", path,
                "--max-delay", "40",
            ]), "--max-delay", "sequence length 40")
        CLI.expectError(
            try CLI.run([
                "memory", "response", "--model", "rnn", "--hidden", "3", "--data", path,
                "--lags", "5:45",
            ]), "--lags")
        CLI.expectError(
            try CLI.run([
                "memory", "connectivity", "--model", "rnn", "--hidden", "3", "--data", path,
                "--share-lags", "40",
            ]), "--share-lags")
    }

    @Test("a constant input has no capacity: one line, exit 2")
    func constantInput() throws {
        let dir = try CLI.folder(["c.csv": String(repeating: "0.5\n", count: 300)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.csv").path
        for verb in ["capacity", "ipc"] {
            CLI.expectError(
                try CLI.run(["memory", verb, "--model", "rnn", "--hidden", "3", "--data", path, "--max-delay", "3"]),
                "is constant")
        }
    }

    @Test("weights without the named tensors: one line naming the tensor")
    func missingTensors() throws {
        let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/RecurrentTests/Fixtures/gru_l1.safetensors")
            .path
        CLI.expectError(
            try CLI.run([
                "memory", "capacity", "--weights", fixture, "--pytorch", "--model", "gru",
                "--recurrent-prefix", "encoder.",
            ]), "encoder.weight_ih_l0")
        CLI.expectError(
            try CLI.run([
                "memory", "response", "--model", "rnn", "--hidden", "2", "--data", fixture,
                "--input-tensor", "missing",
            ]), "missing")
    }

    // MARK: ipc

    @Test("ipc: a linear network has degree-1 capacity only; the threshold is stated")
    func ipcLinear() throws {
        let r = try CLI.run([
            "memory", "ipc", "--model", "linear", "--hidden", "5", "--seed", "2", "--max-degree", "3",
            "--max-delay", "6", "--samples", "3000", "--json",
        ])
        CLI.expectSuccess(r)
        let o = try Self.json(r)
        let byDegree = Self.numbers(o["by_degree"])
        #expect(byDegree.count == 3)
        #expect(byDegree[1] == 0 && byDegree[2] == 0, "\(byDegree)")
        #expect(byDegree[0] > 3 && byDegree[0] <= 5 + 0.05)
        #expect(abs((o["total"] as? Double ?? 0) - byDegree[0]) < 1e-12)
        let threshold = try #require(o["threshold"] as? Double)
        #expect(threshold > 0 && threshold < 0.05)
        #expect((o["threshold_rule"] as? [String: Any])?["kind"] as? String == "chi-squared")
        #expect(o["within_bound"] as? Bool == true)
        let plain = try CLI.run([
            "memory", "ipc", "--model", "linear", "--hidden", "5", "--seed", "2", "--max-degree", "2",
            "--max-delay", "4", "--samples", "2000",
        ])
        #expect(plain.stdout.contains("threshold θ = 2·F⁻¹_χ²(5)(1 − 0.001)/2000"), "\(plain.stdout)")
    }

    @Test(
        "ipc: bad input",
        arguments: [
            (["--max-degree", "0"], "--max-degree"),
            (["--max-degree", "-2"], "--max-degree"),
            (["--threshold", "1.5"], "--threshold"),
            (["--tail-probability", "0"], "--tail-probability"),
            (["--input", "iid"], "--input iid"),
            (["--max-degree", "6", "--max-delay", "60"], "--max-terms"),
        ])
    func ipcBadInput(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(try CLI.run(["memory", "ipc", "--model", "rnn", "--hidden", "3"] + extra), fragment)
    }

    // MARK: horizon

    @Test("horizon from MC_k: k* is the largest delay with MC_k ≥ θ")
    func horizonFromCapacity() throws {
        let r = try CLI.run([
            "memory", "horizon", "--model", "linear", "--hidden", "6", "--seed", "3", "--max-delay", "15",
            "--method", "analytic", "--threshold", "0.5", "--json",
        ])
        CLI.expectSuccess(r)
        let o = try Self.json(r)
        let scores = Self.numbers(o["scores"])
        #expect(scores.count == 16)
        let expected = scores.indices.last { scores[$0] >= 0.5 }
        #expect(o["horizon"] as? Int == expected)
        #expect(o["threshold"] as? Double == 0.5)
        #expect(o["source"] as? String == "capacity")
        #expect(o["censored"] as? Bool == (expected == 15))
    }

    @Test("horizon at the largest delay scored is flagged censored (k* ≥ K) in JSON and text")
    func horizonCensored() throws {
        // θ = 0: every MC_k ≥ 0 reaches it, so k* is the last delay scored, --max-delay 4.
        let args = [
            "memory", "horizon", "--model", "linear", "--hidden", "6", "--seed", "3", "--max-delay", "4",
            "--method", "analytic", "--threshold", "0",
        ]
        let json = try CLI.run(args + ["--json"])
        CLI.expectSuccess(json)
        let o = try Self.json(json)
        #expect(o["horizon"] as? Int == 4)
        #expect(o["censored"] as? Bool == true)
        let text = try CLI.run(args)
        CLI.expectSuccess(text)
        #expect(text.stdout.contains("k*(θ = 0.0) = 4 (≥ 4: censored at the largest delay scored) (rule maximum)"))
    }

    @Test("horizon from trained recall cells: documented keys, same seed same bytes, memoryless R² = 1 at k = 0")
    func horizonFromRecall() throws {
        let args = [
            "memory", "horizon", "--scores", "recall", "--model", "rnn", "--hidden", "3", "--delays", "0,2",
            "--steps", "15", "--length", "8", "--batch", "8", "--eval-batch", "16", "--samples", "500",
            "--threshold", "0.4", "--seed", "5", "--progress", "none", "--json",
        ]
        let r = try CLI.run(args)
        CLI.expectSuccess(r)
        let o = try Self.json(r)
        for key in ["horizon", "threshold", "scores", "delays", "memoryless", "final_losses", "capacity", "training"] {
            #expect(o[key] != nil, "\(key)")
        }
        #expect(Self.numbers(o["delays"]) == [0, 2])
        #expect(Self.numbers(o["memoryless"]) == [1, 0])
        #expect(Self.numbers(o["scores"]).count == 2)
        #expect(try CLI.run(args).stdout == r.stdout)
    }

    @Test(
        "horizon: bad input",
        arguments: [
            (["--threshold", "1.5"], "--threshold"),
            (["--threshold", "-0.1"], "--threshold"),
            (["--threshold", "0.5", "--scores", "recall", "--length", "5", "--delays", "0:5"], "--length"),
            (["--threshold", "0.5", "--scores", "recall", "--correlation", "1"], "--correlation"),
            (["--threshold", "0.5", "--delays", "0:3"], "--delays"),
            (["--threshold", "0.5", "--scores", "recall", "--input", "iid"], "--input"),
        ])
    func horizonBadInput(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(try CLI.run(["memory", "horizon", "--model", "gru", "--hidden", "2"] + extra), fragment)
    }

    @Test("horizon: --threshold is required")
    func horizonNeedsThreshold() throws {
        CLI.expectError(try CLI.run(["memory", "horizon", "--model", "gru", "--hidden", "2"]), "--threshold")
    }

    // MARK: connectivity

    @Test("connectivity: causal, magnitude² = squared norm, shares and profile keys")
    func connectivityNorms() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = [
            "memory", "connectivity", "--model", "lstm", "--hidden", "4", "--outputs", "2", "--length", "12",
            "--sequences", "2", "--seed", "4", "--json",
        ]
        let m = try CLI.run(base + ["--save", dir.appendingPathComponent("m").path])
        CLI.expectSuccess(try CLI.run(base + ["--norm", "squared", "--save", dir.appendingPathComponent("s").path]))
        #expect(m.status == 0)
        let o = try Self.json(m)
        #expect(Self.numbers(o["profile"]).count == 12)
        let shares = try #require(o["share_at_lag"] as? [String: Any])
        #expect(Set(shares.keys) == ["5", "10"])
        #expect(o["norm"] as? String == "magnitude")
        let a = try Self.npy(dir.appendingPathComponent("m/conn.npy").path)
        let b = try Self.npy(dir.appendingPathComponent("s/conn.npy").path)
        #expect(a.shape == [2, 12, 12] && b.shape == [2, 12, 12])
        for i in a.values.indices {
            #expect(abs(a.values[i] * a.values[i] - b.values[i]) <= 1e-12 * max(1, b.values[i]))
        }
        for s in 0..<2 {
            for t in 0..<12 { for tau in (t + 1)..<12 { #expect(a.values[s * 144 + t * 12 + tau] == 0) } }
        }
        // The share at lag ≥ 0 is 1.
        let all = try CLI.run([
            "memory", "connectivity", "--model", "gru", "--hidden", "3", "--length", "8",
            "--share-lags", "0,3", "--json",
        ])
        let shareAll = try #require((try Self.json(all))["share_at_lag"] as? [String: Any])
        #expect(abs(((shareAll["0"] as? NSNumber)?.doubleValue ?? 0) - 1) < 1e-12)
    }

    @Test(
        "connectivity: bad input",
        arguments: [
            (["--output-unit", "3"], "--output-unit"),
            (["--target-class"], "--target-class"),
            (["--length", "10", "--share-lags", "10"], "--share-lags"),
            (["--length", "1"], "--length"),
            (["--sequence", "2"], "--sequence"),
        ])
    func connectivityBadInput(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(try CLI.run(["memory", "connectivity", "--model", "rnn", "--hidden", "2"] + extra), fragment)
    }

    // MARK: response

    @Test("response: a contracting tanh RNN decays geometrically and satisfies ‖U‖₂‖W‖₂^k")
    func responseTanh() throws {
        let r = try CLI.run([
            "memory", "response", "--model", "rnn", "--hidden", "6", "--seed", "2", "--lags", "3:25",
            "--length", "120", "--sequences", "2", "--magnitude", "mean-of-norm", "--json",
        ])
        CLI.expectSuccess(r)
        let o = try Self.json(r)
        #expect(Self.numbers(o["coefficients"]).count == 26)
        #expect(o["verdict"] as? String == "exponential", "\(o["reason"] ?? "")")
        #expect(((o["rate"] as? Double) ?? 0) > 0)
        #expect(o["exponent"] != nil)
        let bound = try #require(o["bound"] as? [String: Any])
        #expect(bound["holds"] as? Bool == true && bound["violations"] as? Int == 0)
    }

    @Test(
        "response: bad input",
        arguments: [
            (["--lags", "0:10"], "--lags"),
            (["--lags", "5:6"], "--lags"),
            (["--lags", "10:5"], "--lags"),
            (["--lags", "5:60", "--length", "50"], "--lags"),
            (["--min-r-squared", "2"], "--min-r-squared"),
            (["--dominance", "0.5"], "--dominance"),
            (["--burn-in", "-1"], "--burn-in"),
        ])
    func responseBadInput(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(try CLI.run(["memory", "response", "--model", "rnn", "--hidden", "2"] + extra), fragment)
    }

    // MARK: states

    @Test("states: long memory of the input passes through a contracting network (L7); white noise stays short (L6)")
    func statesPassThrough() throws {
        let base = ["memory", "states", "--model", "rnn", "--hidden", "8", "--seed", "1", "--length", "2048", "--json"]
        let long = try CLI.run(base + ["--input", "arfima", "--d", "0.4"])
        CLI.expectSuccess(long)
        let o = try Self.json(long)
        let x = try #require((o["inputs"] as? [[String: Any]])?.first)
        let y = try #require((o["outputs"] as? [[String: Any]])?.first)
        #expect(((x["d_lw"] as? Double) ?? 0) > 0.3)
        #expect(((y["d_lw"] as? Double) ?? 0) > 0.25)
        #expect(((o["units_median_d_lw"] as? Double) ?? 0) > 0.25)
        #expect((o["units"] as? [Any])?.count == 8)
        let white = try Self.json(try CLI.run(base))
        let yw = try #require((white["outputs"] as? [[String: Any]])?.first)
        #expect(abs((yw["d_lw"] as? Double) ?? 1) < 0.12)
    }

    @Test(
        "states: bad input",
        arguments: [
            (["--autonomous", "-1"], "--autonomous"),
            (["--segment", "c"], "--segment"),
            (["--length", "10"], "--length"),
            (["--sequences", "2"], "--sequences"),
            (["--autonomous", "0.1", "--input", "iid"], "--autonomous"),
        ])
    func statesBadInput(_ extra: [String], _ fragment: String) throws {
        CLI.expectError(try CLI.run(["memory", "states", "--model", "rnn", "--hidden", "2"] + extra), fragment)
    }

    // MARK: sweeps

    @Test(
        "the horizon grids in data/sweeps load, and their cell command runs",
        arguments: [
            ("memory-horizon.json", "126 cells"), ("memory-horizon-paper.json", "1080 cells"),
        ])
    func horizonSweeps(_ file: String, _ cells: String) throws {
        let path = TestSupport.packageRoot.appendingPathComponent("data/sweeps/\(file)").path
        let plan = try CLI.run(["sweep", "plan", path])
        CLI.expectSuccess(plan)
        #expect(plan.stdout.contains(cells), "\(plan.stdout)")
    }

    @Test("one cell of the machine-scale grid, shrunk, gives every metric the grid reads")
    func horizonSweepCell() throws {
        // The command of data/sweeps/memory-horizon.json with tiny sizes: the same flags and JSON paths.
        let r = try CLI.run([
            "memory", "horizon", "--scores", "recall", "--joint", "--model", "gru", "--hidden", "2", "--correlation",
            "0.8", "--delays", "0:4", "--steps", "3", "--lr", "0.005", "--threshold", "0.5", "--samples", "300",
            "--seed", "0", "--progress", "none", "--json", "--length", "10", "--eval-batch", "8", "--batch", "4",
        ])
        CLI.expectSuccess(r)
        let o = try Self.json(r)
        for key in ["horizon", "recalled", "score_total", "scores", "capacity", "trained_capacity"] {
            #expect(o.keys.contains(key), "\(key)")
        }
        let capacity = try #require(o["capacity"] as? [String: Any])
        let trained = try #require(o["trained_capacity"] as? [String: Any])
        for key in ["total", "horizon", "state_variables"] { #expect(capacity.keys.contains(key), "\(key)") }
        for key in ["total", "horizon"] { #expect(trained.keys.contains(key), "\(key)") }
        #expect(Self.numbers(o["scores"]).count == 5)
    }

    // MARK: figures

    @Test("--figures writes the CSV data and the gnuplot script (SVG when gnuplot is installed)")
    func figures() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.path
        let runs: [[String]] = [
            [
                "memory", "capacity", "--model", "gru", "--hidden", "3", "--max-delay", "5", "--samples", "500",
                "--figures", f,
            ],
            [
                "memory", "ipc", "--model", "rnn", "--hidden", "3", "--max-degree", "2", "--max-delay", "3",
                "--samples", "500", "--figures", f,
            ],
            [
                "memory", "horizon", "--model", "gru", "--hidden", "3", "--max-delay", "5", "--samples", "500",
                "--threshold", "0.5", "--figures", f,
            ],
            [
                "memory", "connectivity", "--model", "gru", "--hidden", "3", "--length", "8", "--share-lags", "2",
                "--figures", f,
            ],
            [
                "memory", "response", "--model", "rnn", "--hidden", "3", "--lags", "2:8", "--length", "40", "--figures",
                f,
            ],
            ["memory", "states", "--model", "rnn", "--hidden", "3", "--length", "256", "--figures", f],
        ]
        for args in runs {
            let r = try CLI.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: f))
        for name in [
            "capacity.csv", "capacity-figures.gp", "ipc.csv", "ipc-linear.csv", "horizon.csv",
            "connectivity-heatmap.csv", "connectivity-profile.csv", "response.csv", "states.csv",
        ] {
            #expect(files.contains(name), "\(name) missing from \(files.sorted())")
        }
        let csv = try String(contentsOfFile: dir.appendingPathComponent("capacity.csv").path, encoding: .utf8)
        #expect(csv.hasPrefix("k,mc,r_squared,standard_error\n0,"))
        #expect(CLI.lines(csv).count == 7)
        // The heat map, as its --help says: T × T, row t, column τ, NaN above the diagonal (τ > t).
        let heat = CLI.lines(
            try String(contentsOfFile: dir.appendingPathComponent("connectivity-heatmap.csv").path, encoding: .utf8)
        ).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(heat.count == 8 && heat.allSatisfy { $0.count == 8 })
        for (t, row) in heat.enumerated() {
            for (tau, cell) in row.enumerated() {
                #expect((cell == "NaN") == (tau > t), "row \(t), column \(tau): \(cell)")
            }
        }
    }
}
