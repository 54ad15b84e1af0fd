/// What ``SweepRunner/run(shard:progress:)`` did.
public struct SweepRunReport: Sendable {
    /// The shard run.
    public let shard: Shard
    /// The shard's cells and their states before the run.
    public let plan: ShardPlan
    /// Results of the cells run now, in cell order.
    public let results: [CellResult]

    /// Cells skipped because their result was complete.
    public var skipped: [Int] { plan.complete }

    /// Cells run now that failed.
    public var failed: [CellResult] { results.filter { $0.status == .failed } }
}
