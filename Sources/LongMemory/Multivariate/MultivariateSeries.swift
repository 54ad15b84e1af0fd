import MemoryNumerics

/// Several series observed at the same times (numeric columns of a file, hidden units of a recurrent network).
///
/// rnnmem treats a multivariate series dimension by dimension: every estimator and test is applied to each column
/// and the results are reported per column. This is the definition of memory for multivariate series used by
/// Zhao et al. (2020, "Do RNN and LSTM have long memory?", ICML, arXiv 2006.03860): a multivariate process has long
/// memory if at least one of its components does (Definition 1 applied to each coordinate's autocorrelations).
public struct MultivariateSeries: Sendable, Equatable {
    /// One array per dimension, all of the same length n.
    public private(set) var columns: [[Double]]
    /// One name per column (default "1", "2", …).
    public private(set) var names: [String]

    /// Number of observations n.
    public var count: Int { columns.first?.count ?? 0 }
    /// Number of dimensions.
    public var dimension: Int { columns.count }

    /// From columns (each inner array is one series).
    public init(columns: [[Double]], names: [String]? = nil) throws {
        guard let first = columns.first else {
            throw LongMemoryError.invalidArgument(
                name: "columns", value: "none", requirement: "needs at least one column")
        }
        for (j, c) in columns.enumerated() where c.count != first.count {
            throw LongMemoryError.invalidArgument(
                name: "column \(j + 1)", value: "\(c.count) values",
                requirement: "every column must have the same length as column 1 (\(first.count))")
        }
        let labels = names ?? (1...columns.count).map(String.init)
        guard labels.count == columns.count else {
            throw LongMemoryError.invalidArgument(
                name: "names", value: "\(labels.count) names",
                requirement: "needs one name per column (\(columns.count))")
        }
        self.columns = columns
        self.names = labels
    }

    /// From a matrix whose rows are time points and whose columns are dimensions (n × k).
    public init(matrix: Matrix, names: [String]? = nil) throws {
        guard matrix.columns >= 1, matrix.rows >= 1 else {
            throw LongMemoryError.invalidArgument(
                name: "matrix", value: "\(matrix.rows)×\(matrix.columns)",
                requirement: "needs at least one row and one column")
        }
        try self.init(columns: (0..<matrix.columns).map { matrix.column($0) }, names: names)
    }

    /// From rows (each inner array is one time point with one value per dimension).
    public init(rows: [[Double]], names: [String]? = nil) throws {
        guard let first = rows.first, !first.isEmpty else {
            throw LongMemoryError.invalidArgument(
                name: "rows", value: "none", requirement: "needs at least one non-empty row")
        }
        var cols = [[Double]](repeating: [], count: first.count)
        for (i, r) in rows.enumerated() {
            guard r.count == first.count else {
                throw LongMemoryError.invalidArgument(
                    name: "row \(i + 1)", value: "\(r.count) values",
                    requirement: "every row must have \(first.count) values")
            }
            for j in 0..<r.count { cols[j].append(r[j]) }
        }
        try self.init(columns: cols, names: names)
    }
}

/// A per-column result.
public struct ColumnResult<Value: Sendable>: Sendable {
    /// 0-based column index.
    public let column: Int
    public let name: String
    public let value: Value
}

extension ColumnResult: Equatable where Value: Equatable {}
extension ColumnResult: Codable where Value: Codable {}

/// A failure in one column, naming it.
public struct ColumnError: Error, CustomStringConvertible {
    /// 0-based column index.
    public let column: Int
    public let name: String
    public let underlying: any Error

    public var description: String { "column \(column + 1) (\"\(name)\"): \(underlying)" }
}

/// Apply any univariate computation to every column.
public enum PerColumn {
    /// Apply `body` to each column in order; throws a ``ColumnError`` naming the first column that fails.
    public static func apply<T: Sendable>(
        _ data: MultivariateSeries, _ body: ([Double]) throws -> T
    ) throws -> [ColumnResult<T>] {
        var out: [ColumnResult<T>] = []
        out.reserveCapacity(data.dimension)
        for j in 0..<data.dimension {
            do {
                out.append(ColumnResult(column: j, name: data.names[j], value: try body(data.columns[j])))
            } catch {
                throw ColumnError(column: j, name: data.names[j], underlying: error)
            }
        }
        return out
    }

    /// Apply `body` to each column, keeping failures per column instead of stopping at the first.
    public static func applyCollecting<T: Sendable>(
        _ data: MultivariateSeries, _ body: ([Double]) throws -> T
    ) -> [ColumnResult<Result<T, ColumnError>>] {
        (0..<data.dimension).map { j in
            let r: Result<T, ColumnError>
            do {
                r = .success(try body(data.columns[j]))
            } catch {
                r = .failure(ColumnError(column: j, name: data.names[j], underlying: error))
            }
            return ColumnResult(column: j, name: data.names[j], value: r)
        }
    }

    /// Every column's estimate of d by `method` (``MemoryEstimator/estimate(_:method:settings:)``).
    public static func estimate(
        _ data: MultivariateSeries, method: EstimationMethod, settings: EstimatorSettings = EstimatorSettings()
    ) throws -> [ColumnResult<MemoryEstimate>] {
        try apply(data) { try MemoryEstimator.estimate($0, method: method, settings: settings) }
    }

    /// Every column's test of memory by `method` (``MemoryTester/test(_:method:settings:)``).
    public static func test(
        _ data: MultivariateSeries, method: MemoryTestMethod, settings: MemoryTestSettings = MemoryTestSettings()
    ) throws -> [ColumnResult<MemoryTestResult>] {
        try apply(data) { try MemoryTester.test($0, method: method, settings: settings) }
    }

    /// Every column's Definition-1 diagnostic on its sample autocorrelations.
    public static func definition1(
        _ data: MultivariateSeries, maxLag: Int? = nil, kind: PartialSumDiagnostic.SumKind = .signed
    ) throws -> [ColumnResult<PartialSumDiagnostic>] {
        try apply(data) { try PartialSumDiagnostics.sample($0, maxLag: maxLag, kind: kind) }
    }

    /// Every estimator (all of `EstimationMethod.allCases`) on every column; each entry holds the per-column
    /// estimates of one method. Failures are kept per column (a parametric fit can fail where GPH does not).
    public static func estimateAll(
        _ data: MultivariateSeries, methods: [EstimationMethod] = EstimationMethod.allCases,
        settings: EstimatorSettings = EstimatorSettings()
    ) -> [(method: EstimationMethod, results: [ColumnResult<Result<MemoryEstimate, ColumnError>>])] {
        methods.map { m in
            (m, applyCollecting(data) { try MemoryEstimator.estimate($0, method: m, settings: settings) })
        }
    }

    /// Every test (all of `MemoryTestMethod.allCases`) on every column, failures kept per column.
    public static func testAll(
        _ data: MultivariateSeries, methods: [MemoryTestMethod] = MemoryTestMethod.allCases,
        settings: MemoryTestSettings = MemoryTestSettings()
    ) -> [(method: MemoryTestMethod, results: [ColumnResult<Result<MemoryTestResult, ColumnError>>])] {
        methods.map { m in (m, applyCollecting(data) { try MemoryTester.test($0, method: m, settings: settings) }) }
    }
}
