import LongMemory

/// The memory parameter d of one series by the two semiparametric estimators of LongMemory: local Whittle
/// (Robinson 1995, Ann. Statist. 23(5):1630–1661; default m = ⌊n^0.65⌋) and GPH log-periodogram regression
/// (Geweke & Porter-Hudak 1983, JTSA 4(4):221–238; default m = ⌊n^0.5⌋). Short-memory persistence (AR-like
/// dynamics, e.g. a slowly contracting network) biases both upward as m grows, LW with its larger m more: for
/// such series prefer GPH with m = ⌊n^0.5⌋.
public struct SeriesMemory: Sendable, Equatable {
    /// Local Whittle estimate (nil if it failed, see ``failure``).
    public let localWhittle: MemoryEstimate?
    /// GPH estimate (nil if it failed).
    public let logPeriodogram: MemoryEstimate?
    /// Why an estimator failed (e.g. a constant series from a dead unit), or nil.
    public let failure: String?

    /// Bandwidth exponents of the two estimators.
    public struct Bandwidths: Sendable, Equatable {
        /// α of m = ⌊n^α⌋ for local Whittle.
        public var localWhittle: Double
        /// α of m = ⌊n^α⌋ for GPH.
        public var logPeriodogram: Double
        /// The defaults 0.65 (LW) and 0.5 (GPH).
        public init(localWhittle: Double = 0.65, logPeriodogram: Double = 0.5) {
            self.localWhittle = localWhittle
            self.logPeriodogram = logPeriodogram
        }
    }

    /// Estimate d of `x` (failures are recorded, not thrown: a constant hidden unit must not stop a report).
    public init(_ x: [Double], bandwidths: Bandwidths = Bandwidths()) {
        var failures: [String] = []
        do { localWhittle = try LongMemoryBridge.localWhittle(x, exponent: bandwidths.localWhittle) } catch {
            localWhittle = nil
            failures.append("local Whittle: \(error)")
        }
        do { logPeriodogram = try LongMemoryBridge.logPeriodogram(x, exponent: bandwidths.logPeriodogram) } catch {
            logPeriodogram = nil
            failures.append("GPH: \(error)")
        }
        failure = failures.isEmpty ? nil : failures.joined(separator: "; ")
    }
}
