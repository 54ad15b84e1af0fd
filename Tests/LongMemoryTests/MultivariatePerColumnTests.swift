import MemoryNumerics
import Testing
import _TestSupport

@testable import LongMemory

/// Multivariate input: every estimator and test applied per column equals the univariate call.
@Suite("Multivariate: per-column estimators and tests")
struct MultivariatePerColumnTests {
    static func threeColumns(n: Int = 600) throws -> [[Double]] {
        [
            try Simulation.arfima(ARFIMAModel(d: 0.35), count: n, seed: 41),
            try Simulation.arfima(ARFIMAModel(d: 0), count: n, seed: 42),
            try Simulation.arfima(ARFIMAModel(d: 0, ar: [0.6]), count: n, seed: 43),
        ]
    }

    @Test("Matrix, rows and columns constructors agree")
    func constructors() throws {
        let cols = try Self.threeColumns(n: 50)
        let a = try MultivariateSeries(columns: cols, names: ["fi", "wn", "ar"])
        var m = Matrix(rows: 50, columns: 3)
        for j in 0..<3 { m.setColumn(j, cols[j]) }
        let b = try MultivariateSeries(matrix: m, names: ["fi", "wn", "ar"])
        let rows = (0..<50).map { t in cols.map { $0[t] } }
        let c = try MultivariateSeries(rows: rows, names: ["fi", "wn", "ar"])
        #expect(a == b && b == c)
        #expect(a.count == 50 && a.dimension == 3)
        #expect(try MultivariateSeries(columns: cols).names == ["1", "2", "3"])
        #expect(throws: LongMemoryError.self) { try MultivariateSeries(columns: [[1, 2, 3], [1, 2]]) }
        #expect(throws: LongMemoryError.self) { try MultivariateSeries(rows: [[1, 2], [3]]) }
        #expect(throws: LongMemoryError.self) { try MultivariateSeries(columns: [[1, 2]], names: ["a", "b"]) }
        #expect(throws: LongMemoryError.self) { try MultivariateSeries(columns: []) }
    }

    @Test("Every estimator per column equals the univariate estimate")
    func estimatorsPerColumn() throws {
        let cols = try Self.threeColumns()
        let data = try MultivariateSeries(columns: cols)
        for method in EstimationMethod.allCases where method != .exactMaximumLikelihood {
            let per = try PerColumn.estimate(data, method: method)
            #expect(per.count == 3)
            for r in per {
                let uni = try MemoryEstimator.estimate(cols[r.column], method: method)
                #expect(r.value == uni, "\(method.rawValue), column \(r.column)")
            }
        }
        // The dispatcher itself calls the named estimator with its defaults.
        #expect(try MemoryEstimator.estimate(cols[0], method: .gewekePorterHudak) == (try GPH.estimate(cols[0])))
        #expect(try MemoryEstimator.estimate(cols[0], method: .localWhittle) == (try LocalWhittle.estimate(cols[0])))
        #expect(
            try MemoryEstimator.estimate(cols[0], method: .twoStepExactLocalWhittle)
                == (try ExactLocalWhittle.twoStep(cols[0])))
        let s = EstimatorSettings(bandwidth: .count(40))
        #expect(try MemoryEstimator.estimate(cols[1], method: .localWhittle, settings: s).bandwidth == 40)
        // Exact MLE (O(n²)) on a short series only.
        let short = try MultivariateSeries(columns: cols.map { Array($0.prefix(200)) })
        for r in try PerColumn.estimate(short, method: .exactMaximumLikelihood) {
            #expect(r.value == (try ParametricEstimation.exactMLE(Array(cols[r.column].prefix(200))).estimate))
        }
    }

    @Test("Every test per column equals the univariate test")
    func testsPerColumn() throws {
        let cols = try Self.threeColumns()
        let data = try MultivariateSeries(columns: cols, names: ["fi", "wn", "ar"])
        let settings: [MemoryTestSettings] = [
            MemoryTestSettings(),
            MemoryTestSettings(level: 0.10, lags: .fixed(4), kpssKind: .trend, waldEstimator: .exactLocalWhittle),
            MemoryTestSettings(waldEstimator: .whittle),
        ]
        for s in settings {
            for method in MemoryTestMethod.allCases {
                let per = try PerColumn.test(data, method: method, settings: s)
                for r in per {
                    #expect(r.value == (try MemoryTester.test(cols[r.column], method: method, settings: s)))
                    #expect(r.name == ["fi", "wn", "ar"][r.column])
                }
            }
        }
        #expect(try MemoryTester.test(cols[0], method: .loModifiedRescaledRange) == (try LoModifiedRS.test(cols[0])))
        #expect(try MemoryTester.test(cols[0], method: .rescaledVariance) == (try VSTest.test(cols[0])))
        #expect(try MemoryTester.test(cols[0], method: .kwiatkowskiPhillipsSchmidtShin) == (try KPSSTest.test(cols[0])))
        #expect(try MemoryTester.test(cols[0], method: .wald) == (try WaldMemoryTest.localWhittle(cols[0])))
        #expect(throws: LongMemoryError.self) {
            try MemoryTester.test(
                cols[0], method: .kwiatkowskiPhillipsSchmidtShin, settings: MemoryTestSettings(alternative: .less))
        }
        let d1 = try PerColumn.definition1(data)
        for r in d1 { #expect(r.value == (try PartialSumDiagnostics.sample(cols[r.column]))) }
        // The long-memory column grows, the white-noise column does not.
        #expect(d1[0].value.slope > d1[1].value.slope)
    }

    @Test("A failing column is named; collecting keeps the other columns")
    func failures() throws {
        var cols = try Self.threeColumns(n: 300)
        cols[1] = [Double](repeating: 2, count: 300)
        let data = try MultivariateSeries(columns: cols, names: ["a", "flat", "c"])
        do {
            _ = try PerColumn.test(data, method: .loModifiedRescaledRange)
            Issue.record("a constant column must throw")
        } catch let e as ColumnError {
            #expect(e.column == 1 && e.name == "flat")
            #expect((e.underlying as? LongMemoryError) == .constantSeries)
            #expect(e.description.contains("column 2 (\"flat\")"))
        }
        let collected = PerColumn.applyCollecting(data) { try KPSSTest.test($0) }
        #expect(collected.count == 3)
        if case .failure(let e) = collected[1].value {
            #expect(e.column == 1)
        } else {
            Issue.record("column 2 should fail")
        }
        if case .success(let r) = collected[2].value {
            #expect(r == (try KPSSTest.test(cols[2])))
        } else {
            Issue.record("column 3 should succeed")
        }
        let all = PerColumn.testAll(data)
        #expect(all.map { $0.method } == MemoryTestMethod.allCases)
        for entry in all {
            if case .success = entry.results[1].value { Issue.record("\(entry.method) on the flat column should fail") }
        }
    }
}
