// Estimator workloads of rnnmem-bench, timed beside R fracdiff, pyelw/numpy, nolds and fathon:
//   lw          local Whittle d̂ (Robinson 1995), m = ⌊n^0.65⌋, search [−1, 2.2], on the input x (n = 1e6)
//   hr          Haslett–Raftery ARFIMA(0,d,0) fit, M = 100 (R fracdiff's default), on the FI(0.3) series
//               y = (1 − B)^{−0.3} x (type-II filter of the input; made once, not timed) (n = 1e5)
//   hr_rtol     hr with Brent stopped at R fracdiff's default d tolerance eps^(1/4) = 1.2e-4 (rnnmem: 1e-9)
//   dfa         DFA-1, non-overlapping windows from the start, window sizes ⌊4·1.2^i⌋ (distinct) up to n/10
//               (nolds' logarithmic_n(4, 0.1n, 1.2)), α = least-squares slope of log F on log s, on x (n = 1e5)
//   check_djia  the whole `rnnmem check` computation (MemoryCheck.run: every estimator, test and diagnostic) on the
//               absolute daily log-returns of the DJIA (data/djia_daily_1885_2023.csv, n = 37930; --djia PATH);
//               the input file is ignored. Reading and transforming the CSV is not timed here; run.sh also times
//               the `rnnmem check` process end to end.
// Check mode writes lw-rnnmem.txt (d̂), hr-rnnmem.txt (d̂) and dfa-rnnmem.txt (α, then F(s) for each window size).
import Foundation
import RNNMemory

enum MemoryWorkloads {
    /// d of the fractional integration that makes the `hr` input.
    static let integrationD = 0.3

    /// DFA window sizes for length n: nolds' `logarithmic_n(4, 0.1·n, 1.2)`.
    static func dfaWindows(n: Int) -> [Int] {
        let maxN = 0.1 * Double(n)
        let maxI = Int((Double.log(maxN / 4) / Double.log(1.2)).rounded(.down))
        var out = [4]
        if maxI >= 0 {
            for i in 0...maxI {
                let s = Int((4 * Double.pow(1.2, Double(i))).rounded(.down))
                if s > out[out.count - 1] { out.append(s) }
            }
        }
        return out
    }

    static func dfa(_ x: [Double]) throws -> MemoryEstimate {
        try DFA.estimate(x, order: 1, windowSizes: dfaWindows(n: x.count), placement: .nonOverlapping)
    }

    static func integrated(_ x: [Double]) throws -> [Double] {
        try FractionalFilter.difference(x, d: -integrationD).values
    }

    /// |log x_t − log x_{t−1}| of the `close` column of the DJIA CSV.
    static func djiaAbsoluteReturns(path: String) throws -> [Double] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var closes: [Double] = []
        for line in text.split(separator: "\n").dropFirst() {
            guard let cell = line.split(separator: ",").last, let v = Double(cell) else {
                throw NSError(
                    domain: "rnnmem-bench", code: 1,
                    userInfo: [NSLocalizedDescriptionKey: "bad line '\(line)' in \(path)"])
            }
            closes.append(v)
        }
        return (1..<closes.count).map { abs(Double.log(closes[$0]) - Double.log(closes[$0 - 1])) }
    }

    /// Prepared inputs, made on the first (untimed warm-up) call and reused.
    final class Cache: @unchecked Sendable {
        nonisolated(unsafe) static var integrated: [Double]? = nil
        nonisolated(unsafe) static var djia: [Double]? = nil
    }

    /// R fracdiff's default `dtol`, .Machine$double.eps^(1/4).
    static let rFracdiffTolerance = 1.220703125e-4

    /// (1 − B)^{−0.3} x, made on the first (untimed) call for this length and reused.
    static func integratedCached(_ x: [Double]) throws -> [Double] {
        if let cached = Cache.integrated, cached.count == x.count { return cached }
        let y = try integrated(x)
        Cache.integrated = y
        return y
    }

    static func make(djiaPath: String) -> [String: ([Double]) throws -> Double] {
        [
            "lw": { x in try LocalWhittle.estimate(x).d },
            "hr": { x in try ParametricEstimation.haslettRaftery(try integratedCached(x)).estimate.d },
            "hr_rtol": { x in
                var options = ARFIMAFitOptions()
                options.tolerance = rFracdiffTolerance
                return try ParametricEstimation.haslettRaftery(try integratedCached(x), options: options).estimate.d
            },
            "dfa": { x in try dfa(x).d },
            "check_djia": { _ in
                let y: [Double]
                if let cached = Cache.djia {
                    y = cached
                } else {
                    y = try djiaAbsoluteReturns(path: djiaPath)
                    Cache.djia = y
                }
                let r = try MemoryCheck.run(y)
                return r.decision.headline?.d ?? .nan
            },
        ]
    }

    /// Verification outputs for peers/verify.py.
    static func writeChecks(_ x: [Double], write: (String, [Double]) throws -> Void) throws {
        try write("lw", [try LocalWhittle.estimate(x).d])
        try write("hr", [try ParametricEstimation.haslettRaftery(try integrated(x)).estimate.d])
        let windows = dfaWindows(n: x.count)
        let fluct = DFA.fluctuations(x, order: 1, windowSizes: windows, placement: .nonOverlapping)
        try write("dfa", [try dfa(x).hurst ?? .nan] + fluct.map(\.value))
    }
}
