// rnnmem-calibrate — the calibration study of the verdict of `rnnmem check` (issue 10; Benchmarks/README.md,
// "Calibration of the check verdict"). For each process of `CalibrationProcess.studyGrid` and each length n, it
// simulates `--seeds` series (one SeededRandom stream per process, length and replication: reproducible on any
// number of threads), runs the verdict in-process (`MemoryCheck.run`, the code path of `rnnmem check`) and prints
// the confusion table: the shares of short / long / antipersistent / nonstationary / inconclusive, with the
// version of the verdict rule.
//
//   rnnmem-calibrate [--lengths 500,2000,10000] [--seeds 200] [--threads 2] [--seed 20261207]
//                    [--processes 0,1,…] [--time]
//
// --time prints the wall time of one `check` per process at each length instead of the study.
import Dispatch
import Foundation
import RNNMemory

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("rnnmem-calibrate: \(message)\n".utf8))
    exit(2)
}

struct Config: Sendable {
    var lengths = [500, 2000, 10000]
    var seeds = 200
    var threads = 2
    var studySeed: UInt64 = 20_261_207
    var processIndices = Array(CalibrationProcess.studyGrid.indices)
    var timeOnly = false
    var profile = false
}

func parse(_ args: [String]) -> Config {
    var c = Config()
    var arguments = args
    while !arguments.isEmpty {
        let flag = arguments.removeFirst()
        func value() -> String {
            guard !arguments.isEmpty else { fail("\(flag) needs a value") }
            return arguments.removeFirst()
        }
        func integers(_ s: String) -> [Int] {
            let parts = s.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                fail("\(flag): '\(s)' is not a list of integers")
            }
            return parts.compactMap { $0 }
        }
        switch flag {
        case "--lengths": c.lengths = integers(value())
        case "--seeds": c.seeds = integers(value()).first ?? 0
        case "--threads": c.threads = integers(value()).first ?? 0
        case "--seed":
            let v = value()
            guard let s = UInt64(v) else { fail("--seed: '\(v)' is not a nonnegative integer") }
            c.studySeed = s
        case "--processes": c.processIndices = integers(value())
        case "--time": c.timeOnly = true
        case "--profile": c.profile = true
        default: fail("unknown argument '\(flag)' (see the header of main.swift)")
        }
    }
    guard c.seeds >= 1, c.threads >= 1, c.lengths.allSatisfy({ $0 >= MemoryCheck.minimumLength }) else {
        fail("--seeds and --threads must be ≥ 1, every length ≥ \(MemoryCheck.minimumLength)")
    }
    guard c.processIndices.allSatisfy({ CalibrationProcess.studyGrid.indices.contains($0) }) else {
        fail("--processes: indices must lie in 0…\(CalibrationProcess.studyGrid.count - 1)")
    }
    return c
}

@Sendable func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

// Work items: (process, length, block of replications).
struct Item: Sendable {
    let processIndex: Int
    let length: Int
    let replications: Range<Int>
}
final class Tallies: @unchecked Sendable {
    let lock = NSLock()
    var cells: [String: VerdictTally] = [:]
    var seconds: [String: Double] = [:]
    var done = 0
    func add(_ key: String, _ t: VerdictTally, _ s: Double) {
        lock.lock()
        cells[key, default: VerdictTally()].merge(t)
        seconds[key, default: 0] += s
        done += 1
        lock.unlock()
    }
}
/// The study's first series (replication 0) of one cell, as the full study draws it: what `--profile` and
/// `--time-only` measure.
func firstReplication(_ config: Config, processIndex i: Int, length n: Int) throws -> [Double] {
    let process = CalibrationProcess.studyGrid[i]
    let acvf = try process.autocovariance(count: n)
    var rng = VerdictCalibration.generator(seed: config.studySeed, processIndex: i, length: n, replication: 0)
    return try process.simulate(count: n, acvf: acvf, rng: &rng)
}

func runStudy(_ config: Config) throws {
    if config.profile {
        for n in config.lengths {
            for i in config.processIndices {
                let process = CalibrationProcess.studyGrid[i]
                let x = try firstReplication(config, processIndex: i, length: n)
                func time(_ name: String, _ f: () throws -> Void) rethrows {
                    let start = now()
                    try f()
                    print("PROFILE n=\(n) \(process) \(name): \(String(format: "%.3f", now() - start)) s")
                }
                try time("bic") { _ = try ParametricEstimation.whittleOrderSelection(x, maxP: 3, maxQ: 3) }
                try time("whittle00") { _ = try ParametricEstimation.whittle(x) }
                try time("elw") { _ = try ExactLocalWhittle.estimate(x) }
                try time("lpw") { _ = try LocalPolynomialWhittle.estimate(x) }
                try time("qu") { _ = try QuTest.test(x, level: 0.025) }
                try time("split") { _ = try SampleSplittingTest.test(x) }
                try time("shift") { _ = try MeanShiftCheck.check(x) }
                for m in [
                    EstimationMethod.rescaledRange, .detrendedFluctuationAnalysis, .aggregatedVariance,
                    .gewekePorterHudak, .localWhittle,
                ] {
                    try time(m.rawValue) { _ = try MemoryEstimator.estimate(x, method: m) }
                }
                for m in [MemoryTestMethod.loModifiedRescaledRange, .rescaledVariance, .kwiatkowskiPhillipsSchmidtShin]
                {
                    try time(m.rawValue) { _ = try MemoryTester.test(x, method: m) }
                }
                try time("definition1") { _ = try PartialSumDiagnostics.sample(x) }
                try time("periodicity") {
                    _ = try PeriodicityDetection.check(periodogram: try SampleStatistics.periodogram(x))
                }
                try time("acfdecay") { _ = try ACFDecayFit.fit(x) }
                try time("check") { _ = try MemoryCheck.run(x) }
            }
        }
        return
    }
    if config.timeOnly {
        for n in config.lengths {
            for i in config.processIndices {
                let process = CalibrationProcess.studyGrid[i]
                let x = try firstReplication(config, processIndex: i, length: n)
                let start = now()
                let report = try MemoryCheck.run(x)
                let seconds = now() - start
                print(
                    "TIME n=\(n) \(process): \(String(format: "%.3f", seconds)) s, verdict \(report.verdict.rawValue), "
                        + "order \(report.evidence.selectedParametric?.order?.description ?? "—")")
            }
        }
        return
    }

    let block = 10
    var items: [Item] = []
    var autocovariances: [String: [Double]] = [:]
    for n in config.lengths {
        for i in config.processIndices {
            if let a = try CalibrationProcess.studyGrid[i].autocovariance(count: n) { autocovariances["\(i)/\(n)"] = a }
            var r = 0
            while r < config.seeds {
                items.append(Item(processIndex: i, length: n, replications: r..<min(config.seeds, r + block)))
                r += block
            }
        }
    }
    // Longest config.lengths first, so the tail of the run is short work.
    items.sort { $0.length > $1.length }
    let acvfs = autocovariances
    let tallies = Tallies()
    let started = now()
    let total = items.count
    let queue = DispatchQueue(label: "calibrate", attributes: .concurrent)
    let group = DispatchGroup()
    let semaphore = DispatchSemaphore(value: config.threads)
    for item in items {
        semaphore.wait()
        group.enter()
        queue.async {
            defer {
                semaphore.signal()
                group.leave()
            }
            let process = CalibrationProcess.studyGrid[item.processIndex]
            let acvf = acvfs["\(item.processIndex)/\(item.length)"]
            var tally = VerdictTally()
            let start = now()
            for r in item.replications {
                var rng = VerdictCalibration.generator(
                    seed: config.studySeed, processIndex: item.processIndex, length: item.length, replication: r)
                if let report = VerdictCalibration.report(process, acvf: acvf, length: item.length, rng: &rng) {
                    // Steps 4 and 6 are split by the tests against spurious memory that rejected: 10·step + 1 for Qu,
                    // + 2 for sample splitting (61: step 6 by Qu only, 40: step 4 with neither).
                    var step = report.decision.step
                    if step == 4 || step == 6 {
                        step =
                            10 * step + (report.evidence.qu?.reject == true ? 1 : 0)
                            + (report.evidence.sampleSplitting?.reject == true ? 2 : 0)
                    }
                    tally.add(report.verdict, step: step)
                } else {
                    tally.addFailure()
                }
            }
            tallies.add("\(item.processIndex)/\(item.length)", tally, now() - start)
            let done = tallies.done
            if done % 20 == 0 || done == total {
                FileHandle.standardError.write(
                    Data("rnnmem-calibrate: \(done)/\(total) blocks, \(Int(now() - started)) s\n".utf8))
            }
        }
    }
    group.wait()

    func stepName(_ step: Int) -> String {
        guard step >= 10 else { return String(step) }
        let tests = ["", " Qu", " split", " Qu+split"][step % 10]
        return "\(step / 10)\(tests)"
    }
    func share(_ t: VerdictTally, _ v: MemoryVerdict) -> String { String(format: "%.3f", t.share(v)) }
    print("# Calibration of the rnnmem check verdict (rule v\(VerdictRule.version))")
    print("")
    print(
        "\(config.seeds) series per cell, study seed \(config.studySeed), lengths \(config.lengths.map(String.init).joined(separator: ", ")); "
            + "shares of short / long / antipersistent / nonstationary / inconclusive; wall time \(Int(now() - started)) s "
            + "on \(config.threads) threads.")
    print("")
    print(
        "| process | n | short | long | antipersistent | nonstationary | inconclusive | inconclusive by step | failed "
            + "| s/check |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    for i in config.processIndices {
        for n in config.lengths {
            let key = "\(i)/\(n)"
            let t = tallies.cells[key] ?? VerdictTally()
            let perCheck = (tallies.seconds[key] ?? 0) / Double(max(1, t.total))
            print(
                "| \(CalibrationProcess.studyGrid[i]) | \(n) | \(share(t, .shortMemory)) | \(share(t, .longMemory)) | "
                    + "\(share(t, .antipersistent)) | \(share(t, .nonstationary)) | \(share(t, .inconclusive)) | "
                    + t.inconclusiveSteps.keys.sorted().map { "\(stepName($0)): \(t.inconclusiveSteps[$0] ?? 0)" }
                    .joined(separator: ", ")
                    + " | "
                    + "\(t.failures) | \(String(format: "%.3f", perCheck)) |")
        }
    }

}

do {
    try runStudy(parse(Array(CommandLine.arguments.dropFirst())))
} catch {
    fail("\(error)")
}
