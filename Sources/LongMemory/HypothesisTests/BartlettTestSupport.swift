import MemoryNumerics

/// The long-run variances a Bartlett-normalised test (Lo, V/S, KPSS) needs: the chosen q and the profile lags.
struct BartlettVariances {
    let q: Int
    let rule: String
    /// σ̂²(q) at the chosen q.
    let variance: Double
    /// (lag, σ̂²(lag)) for the profile lags (sorted, distinct, including q).
    let profile: [(lag: Int, variance: Double)]
    let notes: [String]

    /// - Parameters:
    ///   - y: the mean-zero series (demeaned data or regression residuals); autocovariances use divisor n, no
    ///     further demeaning.
    ///   - profileLags: extra lags at which σ̂² is wanted (values ≥ n are dropped).
    init(residuals y: [Double], lags choice: LagChoice, profileLags: [Int]) throws {
        let n = y.count
        for q in profileLags where q < 0 {
            throw LongMemoryError.invalidArgument(name: "profileLags", value: "\(q)", requirement: "lags must be ≥ 0")
        }
        let needed = min(n - 1, LongRunVariance.lagsNeededToResolve(choice, n: n))
        let pilot = try SampleStatistics.autocovariance(y, maxLag: needed, demean: false)
        let (q, rule) = try LongRunVariance.resolve(choice, n: n, autocovariances: pilot)
        let lags = Array(Set(profileLags.filter { $0 < n } + [q])).sorted()
        let maxLag = lags.last ?? q
        let g = maxLag < pilot.count ? pilot : try SampleStatistics.autocovariance(y, maxLag: maxLag, demean: false)
        var notes: [String] = []
        let v = try LongRunVariance.bartlett(autocovariances: g, lags: q)
        guard v > 0, v.isFinite else {
            throw LongMemoryError.numerical(
                "the Bartlett long-run variance σ̂²(\(q)) = \(v) is not positive: the test statistic is undefined")
        }
        if q >= n / 2 {
            notes.append(
                "the truncation lag q = \(q) is at least n/2: the long-run variance is poorly estimated and the test has little power"
            )
        }
        profile = try lags.map { ($0, try LongRunVariance.bartlett(autocovariances: g, lags: $0)) }
        self.q = q
        self.rule = rule
        self.variance = v
        self.notes = notes
    }
}

/// Formatting of significance levels ("5%").
enum LevelFormat {
    static func percent(_ level: Double) -> String { "\(EstimatorFormat.number(100 * level, digits: 3))%" }
}
