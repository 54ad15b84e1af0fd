/// The results of a sweep output directory merged into one table, with the missing and failed cells and the
/// aggregates over seeds.
public struct SweepCollection: Sendable {
    /// The configuration stored in the directory's `sweep.json`.
    public let configuration: SweepConfiguration
    /// The output directory read.
    public let directory: SweepDirectory
    /// Every cell of the grid, in order, with what the directory holds for it (never `.foreign`).
    public let entries: [(cell: SweepCell, state: ResultState)]

    /// Reads every result of the sweep in `path`.
    /// - Throws: ``SweepError`` when `path` is not a sweep directory or holds a result of another configuration.
    public static func collect(_ path: String) throws(SweepError) -> SweepCollection {
        let (directory, configuration) = try SweepDirectory.open(path)
        var entries: [(cell: SweepCell, state: ResultState)] = []
        for cell in configuration.cells {
            let state = directory.state(ofCell: cell.index, in: configuration)
            if case .foreign(let hash) = state {
                throw directory.foreignResultError(cell.index, hash: hash, in: configuration)
            }
            entries.append((cell, state))
        }
        return SweepCollection(configuration: configuration, directory: directory, entries: entries)
    }

    /// Cells without a result file.
    public var missing: [Int] {
        entries.compactMap { if case .missing = $0.state { return $0.cell.index } else { return nil } }
    }

    /// Cells with a failed or corrupt result, and why.
    public var failed: [(cell: Int, reason: String)] {
        entries.compactMap { entry in
            switch entry.state {
            case .failed(let result): return (entry.cell.index, result.error ?? "exit status \(result.exitStatus)")
            case .corrupt(let reason): return (entry.cell.index, reason)
            default: return nil
            }
        }
    }

    /// The complete results, in cell order.
    public var complete: [CellResult] {
        entries.compactMap { if case .complete(let result) = $0.state { return result } else { return nil } }
    }

    /// The metrics that are numbers in every complete result holding a non-null value (and in at least one):
    /// those are aggregated.
    public var numericMetrics: [String] {
        let results = complete
        return configuration.metrics.map(\.name).filter { name in
            var any = false
            for result in results {
                switch result.metric(name) {
                case .integer?, .number?: any = true
                case .null?, nil: continue
                default: return false
                }
            }
            return any
        }
    }

    /// One aggregate per combination of the non-seed axes, in cell order.
    public var aggregates: [SeedAggregate] {
        let groupIndices = configuration.axes.indices.filter { !configuration.axes[$0].isSeed }
        let metrics = numericMetrics
        var order: [String] = []
        var groups: [String: (values: [JSONValue], entries: [ResultState])] = [:]
        for entry in entries {
            let values = groupIndices.map { entry.cell.values[$0] }
            let key = JSONValue.array(values).canonicalText
            if groups[key] == nil {
                order.append(key)
                groups[key] = (values, [])
            }
            groups[key]?.entries.append(entry.state)
        }
        return order.compactMap { key -> SeedAggregate? in
            guard let group = groups[key] else { return nil }
            let results = group.entries.compactMap { state -> CellResult? in
                if case .complete(let result) = state { return result } else { return nil }
            }
            let summaries = metrics.map { name in
                SeedAggregate.Metric(
                    name: name, statistics: SummaryStatistics(results.compactMap { $0.metric(name)?.doubleValue }))
            }
            return SeedAggregate(
                values: group.values, cellCount: group.entries.count, completeCount: results.count, metrics: summaries)
        }
    }
}
