import Foundation
import LongMemory
import Testing
import _TestSupport

/// The transforms applied before an analysis (levels, differences, logarithms, log returns and their absolute
/// values and squares): closed-form values, lengths, and the errors that name the observation at fault.
@Suite("Series transforms")
struct SeriesTransformTests {
    /// Prices 100 → 110 → 99 → 99: returns log 1.1, log 0.9, 0.
    static let prices = [100.0, 110, 99, 99]

    @Test("identity, difference and logarithm on a short series")
    func levelsDifferencesLogarithms() throws {
        #expect(try SeriesTransform.identity.apply(to: Self.prices) == Self.prices)
        #expect(try SeriesTransform.difference.apply(to: Self.prices) == [10, -11, 0])
        let logs = try SeriesTransform.logarithm.apply(to: Self.prices)
        #expect(TestSupport.maxAbsError(logs, Self.prices.map { Foundation.log($0) }) <= 1e-15)
    }

    /// log x_t − log x_{t−1} carries the rounding of log 110 ≈ 4.7 (ulp 8.9e-16), hence abs 2e-15 for the returns
    /// and 2·|r|·2e-15 < 5e-16 for their squares.
    @Test("log returns, absolute and squared: log(1.1), log(0.9), 0 (abs 2e-15)")
    func logReturns() throws {
        let r = [Foundation.log(1.1), Foundation.log(0.9), 0]
        #expect(TestSupport.maxAbsError(try SeriesTransform.logReturns.apply(to: Self.prices), r) <= 2e-15)
        #expect(
            TestSupport.maxAbsError(try SeriesTransform.absoluteLogReturns.apply(to: Self.prices), r.map(abs))
                <= 2e-15)
        #expect(
            TestSupport.maxAbsError(try SeriesTransform.squaredLogReturns.apply(to: Self.prices), r.map { $0 * $0 })
                <= 5e-16)
        // Returns of a geometric series are constant: x_t = 2^t gives log 2 at every step.
        let doubling = (0..<10).map { pow(2.0, Double($0)) }
        #expect(
            TestSupport.maxAbsError(
                try SeriesTransform.logReturns.apply(to: doubling), Array(repeating: Foundation.log(2.0), count: 9))
                <= 1e-14)
    }

    @Test(
        "lengths: n for levels and logarithms, n − 1 for differences and returns", arguments: SeriesTransform.allCases)
    func lengths(_ transform: SeriesTransform) throws {
        let y = try transform.apply(to: Self.prices)
        #expect(y.count == transform.transformedCount(Self.prices.count))
        #expect(transform.transformedCount(1) == (transform.minimumLength == 2 ? 0 : 1))
    }

    @Test("too short for a difference; non-positive values for logarithms name the observation")
    func errors() {
        #expect(throws: LongMemoryError.seriesTooShort(length: 1, needed: 2, purpose: "the log-returns transform")) {
            try SeriesTransform.logReturns.apply(to: [5])
        }
        #expect(throws: LongMemoryError.nonPositive(index: 2, value: 0)) {
            try SeriesTransform.logarithm.apply(to: [1, 2, 0, -1])
        }
        #expect(throws: LongMemoryError.nonPositive(index: 1, value: -3)) {
            try SeriesTransform.absoluteLogReturns.apply(to: [1, -3, 2])
        }
        // A NaN is not positive either; differences do not need positive values.
        #expect(throws: (any Error).self) { try SeriesTransform.squaredLogReturns.apply(to: [1, .nan, 2]) }
        #expect((try? SeriesTransform.difference.apply(to: [-1, -3])) == [-2])
        #expect(SeriesTransform.allCases.filter(\.requiresPositiveValues).count == 4)
    }

    @Test("identifiers are the command-line and JSON names")
    func identifiers() {
        #expect(
            SeriesTransform.allCases.map(\.rawValue) == [
                "none", "diff", "log", "log-returns", "abs-log-returns", "squared-log-returns",
            ])
        #expect(SeriesTransform.absoluteLogReturns.formula == "|log x_t − log x_(t−1)|")
    }
}
