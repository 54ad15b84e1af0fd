/// The record of one finished cell, stored as `results/cell-NNNNNN.json` in the output directory (format in
/// <doc:ResultFiles>).
public struct CellResult: Sendable, Equatable {
    /// The value of the `format` key.
    public static let format = "rnnmem-sweep-result/1"

    /// How the cell ended.
    public enum Status: String, Sendable {
        /// Exit status 0 and every metric read.
        case ok
        /// A non-zero exit status, a signal, or a metric that could not be read.
        case failed
    }

    /// The sweep's name.
    public var sweep: String
    /// The ``SweepConfiguration/configHash`` of the configuration the cell belongs to.
    public var configHash: String
    /// The cell number.
    public var cell: Int
    /// The cell's axis values (an object in axis order).
    public var values: JSONValue
    /// The value of the `seed` axis; `nil` for a grid without one.
    public var seed: Int64?
    /// The exact command run: `rnnmem` followed by the arguments, placeholders resolved.
    public var command: [String]
    /// The version of rnnmem that ran the sweep.
    public var rnnmemVersion: String
    /// `process` or `in-process`.
    public var executor: String
    /// The shard that ran the cell, `i/N`.
    public var shard: String
    /// The host name of the machine that ran the cell.
    public var host: String
    /// Start time, ISO 8601 in UTC.
    public var startedAt: String
    /// Wall-clock time of the command, in seconds.
    public var wallTimeSeconds: Double
    /// The command's exit status (128 + n when killed by signal n).
    public var exitStatus: Int32
    /// `ok` or `failed`.
    public var status: Status
    /// Why the cell failed, one line; `nil` when it succeeded.
    public var error: String?
    /// The last lines of the command's standard error.
    public var stderrTail: String
    /// The metrics read, in configuration order.
    public var metrics: [JSONMember]

    /// A result from its fields (written by ``SweepRunner``).
    public init(
        sweep: String, configHash: String, cell: Int, values: JSONValue, seed: Int64?, command: [String],
        rnnmemVersion: String, executor: String, shard: String, host: String, startedAt: String,
        wallTimeSeconds: Double, exitStatus: Int32, status: Status, error: String?, stderrTail: String,
        metrics: [JSONMember]
    ) {
        self.sweep = sweep
        self.configHash = configHash
        self.cell = cell
        self.values = values
        self.seed = seed
        self.command = command
        self.rnnmemVersion = rnnmemVersion
        self.executor = executor
        self.shard = shard
        self.host = host
        self.startedAt = startedAt
        self.wallTimeSeconds = wallTimeSeconds
        self.exitStatus = exitStatus
        self.status = status
        self.error = error
        self.stderrTail = stderrTail
        self.metrics = metrics
    }

    /// The metric named `name`.
    public func metric(_ name: String) -> JSONValue? { metrics.first(where: { $0.key == name })?.value }

    /// The result as a JSON document, keys in the documented order.
    public var json: JSONValue {
        .object([
            JSONMember("format", .string(Self.format)),
            JSONMember("sweep", .string(sweep)),
            JSONMember("config_hash", .string(configHash)),
            JSONMember("cell", .integer(Int64(cell))),
            JSONMember("values", values),
            JSONMember("seed", seed.map(JSONValue.integer) ?? .null),
            JSONMember("command", .array(command.map(JSONValue.string))),
            JSONMember("rnnmem_version", .string(rnnmemVersion)),
            JSONMember("executor", .string(executor)),
            JSONMember("shard", .string(shard)),
            JSONMember("host", .string(host)),
            JSONMember("started_at", .string(startedAt)),
            JSONMember("wall_time_seconds", .from(wallTimeSeconds)),
            JSONMember("exit_status", .integer(Int64(exitStatus))),
            JSONMember("status", .string(status.rawValue)),
            JSONMember("error", .from(error)),
            JSONMember("stderr_tail", .string(stderrTail)),
            JSONMember("metrics", .object(metrics)),
        ])
    }

    /// Reads a result document.
    /// - Throws: ``SweepError`` naming the first missing or malformed key (the caller adds the file name).
    public init(json: JSONValue) throws(SweepError) {
        guard case .object = json else { throw SweepError("not a JSON object") }
        func field(_ key: String) throws(SweepError) -> JSONValue {
            guard let value = json[key] else { throw SweepError("missing key '\(key)'") }
            return value
        }
        func string(_ key: String) throws(SweepError) -> String {
            guard let text = try field(key).stringValue else { throw SweepError("'\(key)' is not a string") }
            return text
        }
        func integer(_ key: String) throws(SweepError) -> Int64 {
            guard let value = try field(key).integerValue else { throw SweepError("'\(key)' is not an integer") }
            return value
        }
        guard try string("format") == Self.format else {
            throw SweepError("'format' is not \(Self.format)")
        }
        sweep = try string("sweep")
        configHash = try string("config_hash")
        let cellNumber = try integer("cell")
        guard cellNumber >= 0, cellNumber <= Int64(SweepConfiguration.maximumCellCount) else {
            throw SweepError("'cell' \(cellNumber) is out of range")
        }
        cell = Int(cellNumber)
        values = try field("values")
        guard case .object = values else { throw SweepError("'values' is not an object") }
        switch try field("seed") {
        case .null: seed = nil
        case .integer(let s): seed = s
        default: throw SweepError("'seed' is not an integer or null")
        }
        guard case .array(let parts) = try field("command") else { throw SweepError("'command' is not a list") }
        var command: [String] = []
        for part in parts {
            guard let text = part.stringValue else { throw SweepError("'command' holds a non-string") }
            command.append(text)
        }
        self.command = command
        rnnmemVersion = try string("rnnmem_version")
        executor = try string("executor")
        shard = try string("shard")
        host = try string("host")
        startedAt = try string("started_at")
        guard let wall = try field("wall_time_seconds").doubleValue, wall >= 0 else {
            throw SweepError("'wall_time_seconds' is not a number ≥ 0")
        }
        wallTimeSeconds = wall
        let exit = try integer("exit_status")
        guard let exit32 = Int32(exactly: exit) else { throw SweepError("'exit_status' is out of range") }
        exitStatus = exit32
        guard let parsedStatus = Status(rawValue: try string("status")) else {
            throw SweepError("'status' is not ok or failed")
        }
        status = parsedStatus
        switch try field("error") {
        case .null: error = nil
        case .string(let message): error = message
        default: throw SweepError("'error' is not a string or null")
        }
        stderrTail = try string("stderr_tail")
        guard case .object(let metricMembers) = try field("metrics") else {
            throw SweepError("'metrics' is not an object")
        }
        metrics = metricMembers
    }
}
