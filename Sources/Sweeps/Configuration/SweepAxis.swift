/// One axis of a sweep grid: a name, used as the placeholder `{name}` in the command, and its values in order.
///
/// Values are JSON scalars (strings, numbers, booleans); they are substituted into the command as
/// ``JSONValue/argumentText``. The axis named ``SweepAxis/seedName`` holds the random seeds: results are aggregated
/// over it (``SeedAggregate``).
public struct SweepAxis: Sendable, Equatable {
    /// The name of the seed axis, over which ``SweepCollection`` aggregates.
    public static let seedName = "seed"

    /// The axis name, the placeholder `{name}` in the command.
    public let name: String
    /// The values in order (non-empty, distinct scalars).
    public let values: [JSONValue]

    /// An axis; validated when a ``SweepConfiguration`` is made from it.
    public init(name: String, values: [JSONValue]) {
        self.name = name
        self.values = values
    }

    /// True for the seed axis.
    public var isSeed: Bool { name == Self.seedName }
}

/// A named constant of a sweep (key `fixed` of the configuration): substituted like an axis value in every
/// cell, recorded in every result, but not a dimension of the grid.
public struct SweepParameter: Sendable, Equatable {
    /// The parameter name, the placeholder `{name}` in the command.
    public let name: String
    /// The value (a scalar).
    public let value: JSONValue

    /// A parameter; validated when a ``SweepConfiguration`` is made from it.
    public init(name: String, value: JSONValue) {
        self.name = name
        self.value = value
    }
}
