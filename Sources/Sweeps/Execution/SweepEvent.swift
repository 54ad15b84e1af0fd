/// Progress of ``SweepRunner/run(shard:progress:)``, delivered in order on one task.
public enum SweepEvent: Sendable {
    /// The shard's cells were inspected; `plan` says which run and why.
    case planned(ShardPlan)
    /// A cell finished (successfully or not) and its result was written; `finished` of `toRun` cells are done.
    case cellFinished(CellResult, finished: Int, toRun: Int)
}

/// The cells of a shard and what the output directory holds for each.
public struct ShardPlan: Sendable {
    /// The shard inspected.
    public let shard: Shard
    /// The shard's cells in increasing order, with their states.
    public let cells: [(cell: SweepCell, state: ResultState)]

    /// Cells that will run: missing, failed or corrupt.
    public var toRun: [SweepCell] { cells.filter { $0.state.needsRun }.map(\.cell) }

    /// Cells already complete (skipped).
    public var complete: [Int] {
        cells.compactMap { if case .complete = $0.state { return $0.cell.index } else { return nil } }
    }

    /// Cells rerun because their result failed or is corrupt, with the reason.
    public var rerun: [(cell: Int, reason: String)] {
        cells.compactMap { entry in
            switch entry.state {
            case .failed(let result):
                return (entry.cell.index, "failed before: \(result.error ?? "exit status \(result.exitStatus)")")
            case .corrupt(let reason): return (entry.cell.index, reason)
            default: return nil
            }
        }
    }
}
