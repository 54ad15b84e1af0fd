// rnnmem-bench — times rnnmem's workloads for Benchmarks/run.sh, which runs the peers (C/FFTW, numpy/scipy/
// statsmodels, R) on the same input in the same run and prints the side-by-side table.
//
// Contract (Benchmarks/README.md):
//   rnnmem-bench --workload fracdiff|acf100|periodogram|davies_harte --n N --input FILE [--repeats R]
//   rnnmem-bench --workload train_lstm|grad_gru|hvp_rnn|… --n HIDDEN [--repeats R]   (RecurrentWorkloads.swift)
//   rnnmem-bench --workload lw|hr|dfa|check_djia --n N --input FILE [--djia CSV] [--repeats R]   (MemoryWorkloads.swift)
//   rnnmem-bench --workload lyapunov|slq|hessian_linear25 --n N [--input FILE] [--repeats R]   (SpectraWorkloads.swift)
//       → `RESULT <workload> <n> rnnmem <median_seconds> <peak_rss_mb> base_rss_mb=… repeats=… batch=… min_s=… checksum=…`
//   rnnmem-bench --check DIR --n N --input FILE
//       → DIR/<workload>-rnnmem.txt, one value per line (%.17g), for peers/verify.py
// FILE holds raw little-endian float64 values; reading it is not timed. Without --input a fixed-seed Gaussian
// series is generated (SeededRandom). Peak memory is VmHWM in MB (10⁶ bytes).
import Foundation
import RNNMemory

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("rnnmem-bench: \(message)\n".utf8))
    exit(2)
}

func peakRSSMegabytes() -> Double {
    // VmHWM from /proc/self/status (kB), as the peers report it.
    if let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
        for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb * 1024 / 1e6
        }
    }
    return .nan
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

func readInput(_ path: String, count: Int) -> [Double] {
    guard let handle = FileHandle(forReadingAtPath: path) else { fail("cannot open --input \(path)") }
    let data = handle.readData(ofLength: count * 8)
    guard data.count == count * 8 else { fail("--input \(path) holds fewer than \(count) float64 values") }
    return data.withUnsafeBytes { raw in
        (0..<count).map {
            Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)))
        }
    }
}

// MARK: arguments
var options: [String: String] = [:]
var it = CommandLine.arguments.dropFirst().makeIterator()
while let a = it.next() {
    guard a.hasPrefix("--") else { fail("unexpected argument '\(a)'") }
    guard let v = it.next() else { fail("\(a) needs a value") }
    options[String(a.dropFirst(2))] = v
}
guard let nText = options["n"], let n = Int(nText), n >= 2 else { fail("--n must be an integer ≥ 2") }
// lyapunov, slq, hessian_linear25 and --spectra-check read their own inputs (SpectraWorkloads.swift).
if options["spectra-check"] != nil || options["workload"].map(SpectraWorkloads.names.contains) == true {
    SpectraWorkloads.main(options, n: n)
}
let x: [Double] =
    options["input"].map { readInput($0, count: n) }
    ?? {
        var rng = SeededRandom(seed: 12345)
        return rng.gaussians(n)
    }()

let curseSetting = CurseWorkloads.Setting(
    hidden: n, steps: options["steps"].flatMap(Int.init) ?? 2000, length: options["length"].flatMap(Int.init) ?? 200,
    batch: options["batch"].flatMap(Int.init) ?? 32)
if let dir = options["check-curse"] {
    do {
        try CurseWorkloads.writeCheck(curseSetting, directory: dir, updates: options["updates"].flatMap(Int.init) ?? 10)
    } catch {
        fail("check-curse failed: \(error)")
    }
    exit(0)
}

// MARK: workloads (each returns a checksum so the work cannot be optimised away)
let seriesWorkloads: [String: ([Double]) throws -> Double] = [
    // Same d on every call, as for many series of one length: rnnmem pools its FFT work arrays.
    "fracdiff": { x in try FractionalFilter.difference(x, d: 0.4).values.reduce(0, +) },
    "acf100": { x in try SampleStatistics.autocorrelation(x, maxLag: 100).reduce(0, +) },
    "periodogram": { x in try SampleStatistics.periodogram(x).values.reduce(0, +) },
    "davies_harte": { x in try Simulation.arfima(ARFIMAModel(d: 0.4), count: x.count, seed: 7).reduce(0, +) },
]
// train_/grad_/hvp_ rnn|lstm|gru: --n is the hidden width (RecurrentWorkloads.swift).
let workloads = seriesWorkloads.merging(RecurrentWorkloads.make(hidden: n)) { a, _ in a }
    // lw, hr, dfa, check_djia (MemoryWorkloads.swift); --djia PATH locates the DJIA CSV.
    .merging(MemoryWorkloads.make(djiaPath: options["djia"] ?? "data/djia_daily_1885_2023.csv")) { a, _ in a }
    // curse_linear, curse_lru: whole teacher–student training runs, --n = the student's width (CurseWorkloads.swift).
    .merging(CurseWorkloads.make(curseSetting)) { a, _ in a }

if let dir = options["check"] {
    // Verification outputs (see Benchmarks/README.md): fracdiff of the demeaned input, acf, periodogram, and
    // Davies–Harte with the noise read from the input file (a_k = input[k], b_k = input[M + k], M = 2(n − 1)).
    let fm = FileManager.default
    do {
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func write(_ name: String, _ v: [Double]) throws {
            let text = v.map { String(format: "%.17g", $0) }.joined(separator: "\n") + "\n"
            try text.write(toFile: "\(dir)/\(name)-rnnmem.txt", atomically: true, encoding: .utf8)
        }
        try write("fracdiff", FractionalFilter.difference(x, d: 0.4, demean: true).values)
        try write("acf100", SampleStatistics.autocorrelation(x, maxLag: min(100, n - 1)))
        try write("periodogram", SampleStatistics.periodogram(x).values)
        let m2 = 2 * (n - 1)
        guard let path = options["input"] else { fail("--check needs --input") }
        let noise = readInput(path, count: 2 * m2)
        let gamma = try Autocovariance.fractionalNoise(d: 0.4, lags: n - 1)
        let dh = try Simulation.daviesHarte(
            acvf: gamma, count: n, noiseReal: Array(noise[0..<m2]), noiseImaginary: Array(noise[m2..<(2 * m2)]))
        try write("davies_harte", dh.first)
        try MemoryWorkloads.writeChecks(x, write: write)
    } catch {
        fail("check failed: \(error)")
    }
    exit(0)
}

guard let name = options["workload"], let work = workloads[name] else {
    fail("--workload must be one of \(workloads.keys.sorted().joined(separator: ", "))")
}
let defaultRepeats = n <= 100_000 ? 15 : (n <= 1_000_000 ? 9 : 3)
let repeats = options["repeats"].flatMap(Int.init) ?? defaultRepeats
let baseRSS = peakRSSMegabytes()
do {
    var checksum = try work(x)  // warm-up: plans, pools, page faults
    let t0 = now()
    checksum = try work(x)
    let single = now() - t0
    let batch = single < 0.02 ? Int((0.02 / max(single, 1e-9)).rounded(.up)) : 1
    var samples: [Double] = []
    for _ in 0..<max(1, repeats) {
        let s = now()
        for _ in 0..<batch { checksum = try work(x) }
        samples.append((now() - s) / Double(batch))
    }
    samples.sort()
    let median = samples[samples.count / 2]
    print(
        String(
            format: "RESULT %@ %d rnnmem %.6e %.1f base_rss_mb=%.1f repeats=%d batch=%d min_s=%.6e checksum=%.17g",
            name, n, median, peakRSSMegabytes(), baseRSS, samples.count, batch, samples[0], checksum))
} catch {
    FileHandle.standardError.write(Data("rnnmem-bench: \(name) failed: \(error)\n".utf8))
    exit(1)
}
