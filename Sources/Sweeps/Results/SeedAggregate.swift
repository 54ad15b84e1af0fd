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

    public struct Metric: Sendable, Equatable {
        public let name: String
        public let statistics: SummaryStatistics?
    }
}
