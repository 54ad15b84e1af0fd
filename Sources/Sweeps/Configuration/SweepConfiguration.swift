/// A sweep: the rnnmem command run for every cell of a grid, the grid's axes, fixed parameters, and the metrics
/// read from each cell's JSON output. Loaded from a JSON file (format in <doc:ConfigurationFormat>).
///
/// Cells are numbered row-major over the axes in file order: the last axis varies fastest. With axes
/// `model: [rnn, gru]` and `seed: 3`, cell 0 is (rnn, 0), cell 1 (rnn, 1), cell 2 (rnn, 2), cell 3 (gru, 0), ….
public struct SweepConfiguration: Sendable, Equatable {
    /// The largest grid accepted (a typo in a count would otherwise plan billions of cells).
    public static let maximumCellCount = 10_000_000

    /// Where the configuration came from (its path), used in error messages.
    public let source: String
    /// A short name (letters, digits, `.`, `_`, `-`): the default output directory and the Slurm job name.
    public let name: String
    /// Free text, not part of the configuration hash.
    public let summary: String?
    /// The command run per cell.
    public let command: CommandTemplate
    /// The axes in file order (the numbering order).
    public let axes: [SweepAxis]
    /// Named constants substituted into the command.
    public let fixed: [SweepParameter]
    /// The metrics read from each cell.
    public let metrics: [MetricSpecification]
    /// The file (relative to the cell directory) holding the cell's JSON output; `nil` for standard output.
    public let metricsFile: String?
    /// The number of cells: the product of the axis lengths.
    public let cellCount: Int
    /// SHA-256 of ``normalizedDocument``'s canonical text.
    public let configHash: String

    /// Creates a configuration from its parts, validating them as ``load(path:knownCommands:)`` does.
    public init(
        source: String, name: String, summary: String? = nil, command: [String], axes: [SweepAxis],
        fixed: [SweepParameter] = [], metrics: [MetricSpecification] = [], metricsFile: String? = nil,
        knownCommands: Set<String>? = nil
    ) throws(SweepError) {
        self.source = source
        self.name = name
        self.summary = summary
        self.axes = axes
        self.fixed = fixed
        self.metrics = metrics
        self.metricsFile = metricsFile
        let template: CommandTemplate
        do {
            template = try CommandTemplate(command)
        } catch {
            throw SweepError("\(source): \(error.description)")
        }
        self.command = template
        self.cellCount = try Self.validate(
            source: source, name: name, command: template, axes: axes, fixed: fixed, metrics: metrics,
            metricsFile: metricsFile, knownCommands: knownCommands)
        self.configHash = SHA256.hexDigest(
            of: Self.normalizedDocument(
                command: template, axes: axes, fixed: fixed, metrics: metrics, metricsFile: metricsFile
            )
            .canonicalText)
    }

    /// The first 12 hexadecimal digits of ``configHash``, for display and default directory names.
    public var shortHash: String { String(configHash.prefix(12)) }

    /// The index of the seed axis, if the grid has one.
    public var seedAxisIndex: Int? { axes.firstIndex(where: \.isSeed) }

    /// The axes other than the seed axis: the grouping of ``SeedAggregate``.
    public var groupAxes: [SweepAxis] { axes.filter { !$0.isSeed } }

    /// The document hashed into ``configHash``: everything that determines the cells' results — the command,
    /// the axes in order with their values (a seed count expanded to its list), the fixed parameters and the
    /// metrics — and nothing cosmetic (name, description, file location, whitespace, key order).
    public var normalizedDocument: JSONValue {
        Self.normalizedDocument(command: command, axes: axes, fixed: fixed, metrics: metrics, metricsFile: metricsFile)
    }

    private static func normalizedDocument(
        command: CommandTemplate, axes: [SweepAxis], fixed: [SweepParameter], metrics: [MetricSpecification],
        metricsFile: String?
    ) -> JSONValue {
        .object([
            JSONMember("format", .string("rnnmem-sweep/1")),
            JSONMember("command", .array(command.texts.map(JSONValue.string))),
            JSONMember(
                "axes",
                .array(
                    axes.map {
                        .object([JSONMember("name", .string($0.name)), JSONMember("values", .array($0.values))])
                    })),
            JSONMember(
                "fixed",
                .array(fixed.map { .object([JSONMember("name", .string($0.name)), JSONMember("value", $0.value)]) })),
            JSONMember(
                "metrics",
                .array(
                    metrics.map {
                        .object([JSONMember("name", .string($0.name)), JSONMember("path", .string($0.path))])
                    })),
            JSONMember("metrics_file", .from(metricsFile)),
        ])
    }

    /// The configuration in its file format, normalised (seed counts expanded, metrics as an object), as stored
    /// in an output directory's `sweep.json`; ``parse(_:source:knownCommands:)`` reads it back to an equal
    /// configuration.
    public var fileDocument: JSONValue {
        var members: [JSONMember] = [JSONMember("name", .string(name))]
        if let summary { members.append(JSONMember("description", .string(summary))) }
        members.append(JSONMember("command", .array(command.texts.map(JSONValue.string))))
        members.append(JSONMember("axes", .object(axes.map { JSONMember($0.name, .array($0.values)) })))
        if !fixed.isEmpty { members.append(JSONMember("fixed", .object(fixed.map { JSONMember($0.name, $0.value) }))) }
        if !metrics.isEmpty {
            members.append(JSONMember("metrics", .object(metrics.map { JSONMember($0.name, .string($0.path)) })))
        }
        if let metricsFile { members.append(JSONMember("metrics_file", .string(metricsFile))) }
        return .object(members)
    }
}
