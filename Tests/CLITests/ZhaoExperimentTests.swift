import Foundation
import Testing
import _TestSupport

/// The pieces of the Zhao et al. (2020, ICML) experiment on the command line: `forecast` (the fitted-ARFIMA floor
/// and the naive ceiling on the splits of `train --task series`), `train --task series --splits/--transform/--last`,
/// and `sweep collect --compare` (Welch t-tests over seeds).
@Suite("Zhao experiment commands")
struct ZhaoExperimentTests {
    /// A short series file: y_t = 10 + t mod 7 + small deterministic wiggle, n = 41 (40 pairs).
    static func value(_ t: Int) -> Double {
        let a: Double = Double(t % 7)
        let b: Double = Double((t * 37) % 11)
        return 10 + a + 0.1 * b
    }

    static let values: [Double] = (0..<41).map(value)

    static func series() throws -> URL {
        let lines: [String] = values.map { String($0) }
        return try CLI.folder(["s.csv": "y\n" + lines.joined(separator: "\n") + "\n"])
    }

    @Test("forecast --model naive: y_t predicts y_(t+1) on the test pairs of the 50/30/20 split; --json keys")
    func naive() throws {
        let dir = try Self.series()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["forecast", "s.csv", "--model", "naive", "--json"], in: dir)
        CLI.expectSuccess(r)
        #expect(
            JSONTests.keys(r.stdout) == [
                "input", "column", "transform", "n", "dataset", "splits", "scaler", "model", "predictor", "fit",
                "test_pairs",
                "rmse", "mae", "mape", "scaled_mse",
            ])
        let o = try JSONTests.object(r.stdout)
        let values = Self.values
        // 40 pairs: train 20, validation 12, test 8; targets y_33 … y_40 (0-based), predictions y_32 … y_39.
        #expect((o["splits"] as? [String: Int]) == ["train": 20, "validation": 12, "test": 8])
        let errors: [Double] = (33...40).map { (i: Int) -> Double in values[i - 1] - values[i] }
        let squares: [Double] = errors.map { $0 * $0 }
        let rmse: Double = (squares.reduce(0, +) / 8).squareRoot()
        let mae: Double = errors.map { abs($0) }.reduce(0, +) / 8
        #expect(abs((o["rmse"] as? Double ?? 0) - rmse) < 1e-12)
        #expect(abs((o["mae"] as? Double ?? 0) - mae) < 1e-12)
        #expect(o["fit"] is NSNull && o["predictor"] is NSNull)
        // Same bytes on a rerun.
        #expect(try CLI.run(["forecast", "s.csv", "--model", "naive", "--json"], in: dir).stdout == r.stdout)
    }

    @Test("forecast --model arfima on the bundled ARFIMA series: floor below the naive ceiling, BIC over 9 orders")
    func arfimaFloor() throws {
        let root = TestSupport.packageRoot
        let a = try CLI.run(["forecast", "data/zhao/arfima.csv", "--model", "arfima", "--json"], in: root)
        CLI.expectSuccess(a)
        let n = try CLI.run(["forecast", "data/zhao/arfima.csv", "--model", "naive", "--json"], in: root)
        let fa = try JSONTests.object(a.stdout), fn = try JSONTests.object(n.stdout)
        let floor = try #require(fa["rmse"] as? Double), ceiling = try #require(fn["rmse"] as? Double)
        #expect(floor < ceiling)
        // ARFIMA(1, 0.3, 0), σ = 1: the one-step error of the best predictor is about σ.
        #expect(abs(floor - 1) < 0.1, "floor \(floor)")
        let fit = try #require(fa["fit"] as? [String: Any])
        #expect((fit["candidates"] as? [Any])?.count == 9)
        #expect(fit["values"] as? Int == 2001 && (fa["splits"] as? [String: Int])?["test"] == 800)
        // A fixed order and the truncated AR(∞) predictor agree with the exact predictor to a few per mille.
        let t = try CLI.run(
            [
                "forecast", "data/zhao/arfima.csv", "--model", "arfima", "--ar-order", "0", "--ma-order", "0",
                "--predictor", "ar-infinity", "--window", "200", "--json",
            ], in: root)
        CLI.expectSuccess(t)
        let ft = try JSONTests.object(t.stdout)
        #expect(abs((ft["rmse"] as? Double ?? 0) - floor) < 0.01 * floor)
        #expect(((ft["fit"] as? [String: Any])?["candidates"] as? [Any])?.count == 1)
    }

    @Test("forecast and train: input errors are one line naming the argument")
    func errors() throws {
        let dir = try Self.series()
        defer { try? FileManager.default.removeItem(at: dir) }
        CLI.expectError(
            try CLI.run(["forecast", "s.csv", "--model", "naive", "--splits", "20,12"], in: dir), "--splits", "three")
        CLI.expectError(
            try CLI.run(["forecast", "s.csv", "--model", "naive", "--splits", "20,12,9"], in: dir), "--splits",
            "40 pairs")
        CLI.expectError(
            try CLI.run(["forecast", "s.csv", "--model", "naive", "--splits", "20,0,8"], in: dir), "--splits",
            "validation")
        CLI.expectError(
            try CLI.run(["forecast", "s.csv", "--model", "naive", "--max-order", "1"], in: dir), "--max-order", "arfima"
        )
        CLI.expectError(
            try CLI.run(["forecast", "s.csv", "--model", "arfima", "--ar-order", "1"], in: dir), "--ma-order")
        CLI.expectError(
            try CLI.run(["forecast", "s.csv", "--model", "arfima", "--window", "5"], in: dir), "--window", "ar-infinity"
        )
        CLI.expectError(
            try CLI.run(["forecast", "s.csv", "--model", "arfima", "--method", "gph"], in: dir), "--method")
        CLI.expectError(try CLI.run(["forecast", "missing.csv", "--model", "naive"], in: dir), "missing.csv")
        CLI.expectError(
            try CLI.run(
                ["train", "--task", "recall", "--model", "rnn", "--splits", "1,1,1", "--output-dir", "o"],
                in: dir), "--splits", "--task series")
        CLI.expectError(
            try CLI.run(
                [
                    "train", "--task", "series", "--data", "s.csv", "--model", "rnn", "--splits", "30,9,2",
                    "--output-dir", "o",
                ], in: dir), "--splits", "40 pairs")
    }

    @Test("train --task series --splits/--last: the sizes reach the task; mrnnw trains and reports RMSE and MAE")
    func trainSplits() throws {
        let dir = try Self.series()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(
            [
                "train", "--task", "series", "--data", "s.csv", "--last", "31", "--splits", "15,9,6",
                "--model", "mrnnw", "--hidden", "1", "--window", "4", "--epochs", "3", "--seed", "2",
                "--progress", "none", "--output-dir", "o", "--json",
            ], in: dir)
        CLI.expectSuccess(r)
        let o = try JSONTests.object(r.stdout)
        let settings = try #require(o["task_settings"] as? [String: String])
        #expect(
            settings["values"] == "31" && settings["train_pairs"] == "15" && settings["validation_pairs"] == "9"
                && settings["test_pairs"] == "6")
        let metrics = try #require(o["test_metrics"] as? [String: Double])
        #expect(metrics["rmse"] != nil && metrics["mae"] != nil)
        #expect(o["architecture"] as? String == "mrnnw" && o["parameter_count"] as? Int == 4 + 3 + 3 + 3)
        // The naive forecast on the same splits scores the same test targets.
        let f = try CLI.run(
            ["forecast", "s.csv", "--last", "31", "--splits", "15,9,6", "--model", "naive", "--json"], in: dir)
        #expect(try JSONTests.object(f.stdout)["test_pairs"] as? Int == 6)
    }

    /// A grid with a seed axis whose metric is random: the first value of an ARFIMA sample.
    static let grid = #"""
        {"name": "cmp", "command": ["simulate", "arfima", "--d", "{d}", "--length", "4", "--seed", "{seed}", "--json"],
         "axes": {"d": [0.1, 0.3, 0.45], "seed": 4}, "metrics": {"v0": "values.0", "v1": "values.1"}}
        """#

    @Test("sweep collect --compare: Welch t-tests per value and baseline; CSV, text and JSON agree with the formula")
    func compare() throws {
        let dir = try CLI.folder(["grid.json": Self.grid])
        defer { try? FileManager.default.removeItem(at: dir) }
        CLI.expectSuccess(
            try CLI.run(["sweep", "run", "grid.json", "--output-dir", "out", "--progress", "none"], in: dir))
        let r = try CLI.run(
            [
                "sweep", "collect", "out", "--compare", "d=0.1", "--compare-metrics", "v0",
                "--comparisons", "cmp.csv", "--json",
            ], in: dir)
        CLI.expectSuccess(r)
        let o = try JSONTests.object(r.stdout)
        let comparisons = try #require(o["comparisons"] as? [String: Any])
        #expect(comparisons["axis"] as? String == "d")
        let rows = try #require(comparisons["rows"] as? [[String: Any]])
        #expect(rows.count == 2)  // d = 0.3 and 0.45 against 0.1, metric v0
        // Recompute t from the cells.
        let cells = try #require(o["cells"] as? [[String: Any]])
        func sample(_ d: Double) -> [Double] {
            cells.filter { (($0["values"] as? [String: Any])?["d"] as? Double) == d }
                .compactMap { ($0["metrics"] as? [String: Any])?["v0"] as? Double }
        }
        let x = sample(0.3), y = sample(0.1)
        func meanVar(_ s: [Double]) -> (Double, Double) {
            let m = s.reduce(0, +) / Double(s.count)
            return (m, s.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(s.count - 1))
        }
        let (mx, vx) = meanVar(x), (my, vy) = meanVar(y)
        let t = (mx - my) / (vx / 4 + vy / 4).squareRoot()
        let first = rows[0]
        #expect(abs((first["t"] as? Double ?? .nan) - t) < 1e-12 * max(1, abs(t)))
        let p = try #require(first["p_value"] as? Double)
        #expect(p > 0 && p <= 1)
        let csv = try String(contentsOf: dir.appendingPathComponent("cmp.csv"), encoding: .utf8)
        #expect(
            CLI.lines(csv).first
                == "d,baseline,metric,n,n_baseline,mean,baseline_mean,difference,t,df,p_value,p_less,p_greater")
        #expect(CLI.lines(csv).count == 3)
        let text = try CLI.run(["sweep", "collect", "out", "--compare", "d=0.1"], in: dir)
        CLI.expectSuccess(text)
        #expect(text.stdout.contains("Welch t-tests of d against the baselines"))
        // Bad input.
        CLI.expectError(
            try CLI.run(["sweep", "collect", "out", "--compare", "model=rnn"], in: dir), "--compare", "no axis 'model'")
        CLI.expectError(
            try CLI.run(["sweep", "collect", "out", "--compare", "d=0.2"], in: dir), "--compare", "'0.2' is not a value"
        )
        CLI.expectError(try CLI.run(["sweep", "collect", "out", "--compare", "seed=0"], in: dir), "--compare", "seed")
        CLI.expectError(try CLI.run(["sweep", "collect", "out", "--compare", "d"], in: dir), "--compare", "AXIS=")
        CLI.expectError(
            try CLI.run(["sweep", "collect", "out", "--compare", "d=0.1", "--compare-metrics", "v9"], in: dir),
            "--compare-metrics", "v9")
        CLI.expectError(try CLI.run(["sweep", "collect", "out", "--comparisons", "x.csv"], in: dir), "--compare")
    }
}
