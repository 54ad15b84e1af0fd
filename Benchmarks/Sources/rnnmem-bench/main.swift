// rnnmem-bench — times rnnmem's workloads for Benchmarks/run.sh, which runs the peers (C/FFTW, numpy/scipy/
// statsmodels, R) in the same run and prints the side-by-side table.
//
// Usage: rnnmem-bench <workload> <n> [repeats]      one workload, one line of output
//        rnnmem-bench list                          workload names
// Output: `RESULT <workload> <n> rnnmem <median_seconds> <peak_rss_mb>` (peak RSS of this process, so run.sh starts
// one process per workload). Input series are fixed-seed Gaussian noise; generating them is not timed.
import Foundation
import RNNMemory

struct Workload {
    let name: String
    let run: (Int, inout [Double]) throws -> Void
}

func gaussianSeries(_ n: Int, seed: UInt64 = 12345) -> [Double] {
    var rng = SeededRandom(seed: seed)
    return rng.gaussians(n)
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

var sink = 0.0  // keeps results alive so the optimiser cannot drop the work

let workloads: [String: Workload] = [
    "fracdiff": Workload(name: "fracdiff") { _, x in
        let y = try FractionalFilter.difference(x, d: 0.4).values
        sink += y[y.count - 1]
    },
    "acf100": Workload(name: "acf100") { _, x in
        let r = try SampleStatistics.autocorrelation(x, maxLag: 100)
        sink += r[100]
    },
    "periodogram": Workload(name: "periodogram") { _, x in
        let p = try SampleStatistics.periodogram(x)
        sink += p.values[0]
    },
    "davies_harte": Workload(name: "davies_harte") { n, _ in
        let y = try Simulation.arfima(ARFIMAModel(d: 0.4), count: n, seed: 7)
        sink += y[0]
    },
]

let args = CommandLine.arguments.dropFirst()
guard let name = args.first else {
    FileHandle.standardError.write(Data("usage: rnnmem-bench <workload> <n> [repeats] | list\n".utf8))
    exit(2)
}
if name == "list" {
    print(workloads.keys.sorted().joined(separator: "\n"))
    exit(0)
}
guard let workload = workloads[name] else {
    FileHandle.standardError.write(Data("rnnmem-bench: unknown workload '\(name)'\n".utf8))
    exit(2)
}
guard args.count >= 2, let n = Int(args[args.startIndex + 1]), n >= 2 else {
    FileHandle.standardError.write(Data("rnnmem-bench: need a length n ≥ 2\n".utf8))
    exit(2)
}
let defaultRepeats = n >= 5_000_000 ? 3 : (n >= 500_000 ? 7 : 21)
let repeats = args.count >= 3 ? (Int(args[args.startIndex + 2]) ?? defaultRepeats) : defaultRepeats
var x = gaussianSeries(n)
do {
    try workload.run(n, &x)  // warm-up: plans, page faults
    var times: [Double] = []
    for _ in 0..<repeats {
        let t0 = now()
        try workload.run(n, &x)
        times.append(now() - t0)
    }
    times.sort()
    let median = times[times.count / 2]
    print("RESULT \(name) \(n) rnnmem \(median) \(peakRSSMegabytes())")
    if sink.isNaN { print("# sink NaN") }
} catch {
    FileHandle.standardError.write(Data("rnnmem-bench: \(name) failed: \(error)\n".utf8))
    exit(1)
}
