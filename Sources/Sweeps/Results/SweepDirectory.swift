import Foundation

/// An output directory of a sweep:
///
/// ```
/// DIR/sweep.json                  the normalised configuration and its hash (written once, by the first shard)
/// DIR/results/cell-000042.json    one result per finished cell, written atomically
/// DIR/cells/cell-000042/          the cell's own directory ({cell_dir}): stdout.txt, stderr.txt, its files
/// DIR/logs/                       Slurm's per-task logs (created by `rnnmem sweep slurm`)
/// ```
///
/// A directory belongs to one configuration: ``prepare(_:for:)`` refuses a directory whose `sweep.json` has a
/// different configuration hash, and a non-empty directory without `sweep.json`.
public struct SweepDirectory: Sendable {
    /// The value of the `format` key of `sweep.json`.
    public static let format = "rnnmem-sweep-directory/1"

    /// The directory's absolute path.
    public let path: String

    /// The directory at `path` (made absolute and standardised); nothing is created or checked.
    public init(path: String) {
        let url = URL(fileURLWithPath: path)
        self.path = url.standardizedFileURL.path
    }

    /// `DIR/sweep.json`: the configuration and its hash.
    public var descriptionFile: String { path + "/sweep.json" }
    /// `DIR/results`: one result file per finished cell.
    public var resultsDirectory: String { path + "/results" }
    /// `DIR/cells`: one folder per cell (`{cell_dir}`).
    public var cellsDirectory: String { path + "/cells" }
    /// `DIR/logs`: Slurm's per-task output.
    public var logsDirectory: String { path + "/logs" }

    /// The result file of cell `index`.
    public func resultFile(_ index: Int, in configuration: SweepConfiguration) -> String {
        resultsDirectory + "/" + configuration.cellName(index) + ".json"
    }

    /// The cell's own directory, `{cell_dir}`.
    public func cellDirectory(_ index: Int, in configuration: SweepConfiguration) -> String {
        cellsDirectory + "/" + configuration.cellName(index)
    }

    /// The contents of `sweep.json` for a configuration.
    static func descriptionDocument(for configuration: SweepConfiguration) -> JSONValue {
        .object([
            JSONMember("format", .string(format)),
            JSONMember("config_hash", .string(configuration.configHash)),
            JSONMember("name", .string(configuration.name)),
            JSONMember("source", .string(configuration.source)),
            JSONMember("cell_count", .integer(Int64(configuration.cellCount))),
            JSONMember("config", configuration.fileDocument),
        ])
    }

    /// Creates the directory for `configuration`, or checks that an existing one belongs to it.
    ///
    /// Safe when several shards start at once: `sweep.json` is created with an atomic exclusive link, and a shard
    /// that loses the race reads and checks the winner's file.
    /// - Throws: ``SweepError`` when the directory holds another configuration's results (different hash), is a
    ///   non-empty directory that is not a sweep directory, or cannot be written. Nothing is changed then.
    public static func prepare(_ path: String, for configuration: SweepConfiguration) throws(SweepError)
        -> SweepDirectory
    {
        let directory = SweepDirectory(path: path)
        if FileManager.default.fileExists(atPath: directory.path) && !FileAccess.isDirectory(directory.path) {
            throw SweepError("output directory '\(path)' exists and is not a directory")
        }
        if FileManager.default.fileExists(atPath: directory.descriptionFile) {
            try directory.checkDescription(of: configuration, shownPath: path)
        } else {
            let visible = try FileAccess.contents(of: directory.path).filter { !$0.hasPrefix(".") }
            if !visible.isEmpty {
                throw SweepError(
                    "output directory '\(path)' is not empty and holds no sweep.json: it is not a sweep directory (choose a new or empty directory)"
                )
            }
            try FileAccess.createDirectory(directory.path)
            let text = descriptionDocument(for: configuration).prettyText
            if try !FileAccess.createExclusively(text, at: directory.descriptionFile) {
                try directory.checkDescription(of: configuration, shownPath: path)
            }
        }
        try FileAccess.createDirectory(directory.resultsDirectory)
        try FileAccess.createDirectory(directory.cellsDirectory)
        return directory
    }

    private func checkDescription(of configuration: SweepConfiguration, shownPath: String) throws(SweepError) {
        let stored = try Self.readDescription(descriptionFile)
        guard stored.hash == configuration.configHash else {
            throw SweepError(
                "output directory '\(shownPath)' holds results of another sweep configuration (config hash \(stored.hash.prefix(12)) in sweep.json, \(configuration.source) has \(configuration.shortHash)): choose another directory"
            )
        }
    }

    /// Opens an existing sweep directory and returns it with the configuration stored in its `sweep.json`.
    /// - Throws: ``SweepError`` when the directory or its `sweep.json` is missing or damaged.
    public static func open(_ path: String) throws(SweepError) -> (SweepDirectory, SweepConfiguration) {
        let directory = SweepDirectory(path: path)
        guard FileAccess.isDirectory(directory.path) else {
            if FileManager.default.fileExists(atPath: directory.path) {
                throw SweepError("'\(path)' is not a directory")
            }
            throw SweepError("no such directory: '\(path)'")
        }
        guard FileManager.default.fileExists(atPath: directory.descriptionFile) else {
            throw SweepError("'\(path)' is not a sweep output directory (no sweep.json)")
        }
        let stored = try readDescription(directory.descriptionFile)
        return (directory, stored.configuration)
    }

    /// Reads and checks `sweep.json`: the stored configuration must hash to the stored hash.
    static func readDescription(_ file: String) throws(SweepError) -> (hash: String, configuration: SweepConfiguration)
    {
        let document: JSONValue
        do {
            document = try JSONParser.parse(try FileAccess.read(file))
        } catch let error as JSONParseError {
            throw SweepError("\(file):\(error.description)")
        } catch let error as SweepError {
            throw error
        } catch {
            throw SweepError("cannot read '\(file)'")
        }
        guard document["format"]?.stringValue == format, let hash = document["config_hash"]?.stringValue,
            let config = document["config"]
        else { throw SweepError("\(file): not a sweep description (format \(format))") }
        let configuration = try SweepConfiguration.parse(config, source: file)
        guard configuration.configHash == hash else {
            throw SweepError("\(file): damaged: the stored configuration does not match its hash \(hash.prefix(12))")
        }
        return (hash, configuration)
    }
}
