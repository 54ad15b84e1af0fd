/// The cells that differ only in their seed, and each numeric metric summarised over them.
public struct SeedAggregate: Sendable, Equatable {
    /// The values of the non-seed axes (``SweepConfiguration/groupAxes``), in axis order.
    public let values: [JSONValue]
    /// The cells in the group (the number of seeds).
    public let cellCount: Int
    /// The group's cells with a complete result.
    public let completeCount: Int
    /// Per numeric metric, in configuration order: the statistics over the complete cells whose value is a
    /// number (`nil` when there is none).
    public let metrics: [Metric]

    /// One metric of a group: its name and its statistics over the group's complete cells.
    public struct Metric: Sendable, Equatable {
        /// The metric's column name.
        public let name: String
        /// The statistics, `nil` when no complete cell of the group has a number for it.
        public let statistics: SummaryStatistics?
    }
}
