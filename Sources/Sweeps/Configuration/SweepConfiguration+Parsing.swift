import Foundation

extension SweepConfiguration {
    /// The keys of a configuration file.
    public static let fileKeys = ["name", "description", "command", "axes", "fixed", "metrics", "metrics_file"]

    /// The largest seed count accepted (`"seed": n` gives the seeds 0 … n − 1).
    public static let maximumSeedCount = 1_000_000

    /// Reads and validates a configuration file.
    /// - Parameters:
    ///   - path: the file (its name appears in every error message).
    ///   - knownCommands: rnnmem's verbs; the command must start with one of them (`nil`: not checked).
    /// - Throws: ``SweepError``, one line naming the file and the key or the position at fault.
    public static func load(path: String, knownCommands: Set<String>? = nil) throws(SweepError) -> SweepConfiguration {
        let data = try FileAccess.read(path)
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw SweepError("\(path):\(error.description)")
        }
        return try parse(document, source: path, knownCommands: knownCommands)
    }

    /// Validates a parsed configuration document. The name defaults to the file name of `source` without its
    /// extension.
    public static func parse(
        _ document: JSONValue, source: String, knownCommands: Set<String>? = nil
    ) throws(SweepError) -> SweepConfiguration {
        func fail(_ key: String, _ message: String) -> SweepError { .configuration(source, key, message) }

        guard case .object(let members) = document else {
            throw SweepError("\(source): the configuration must be a JSON object, not \(document.kindDescription)")
        }
        for member in members where !fileKeys.contains(member.key) {
            throw fail(member.key, "unknown key (expected \(fileKeys.joined(separator: ", ")))")
        }

        var name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        if let value = document["name"] {
            guard let text = value.stringValue else {
                throw fail("name", "\(value.kindDescription), expected a string")
            }
            name = text
        }
        var summary: String?
        if let value = document["description"] {
            guard let text = value.stringValue else {
                throw fail("description", "\(value.kindDescription), expected a string")
            }
            summary = text
        }

        guard let commandValue = document["command"] else {
            throw fail(
                "command",
                "missing: give the rnnmem arguments run per cell, e.g. [\"train\", \"--seed\", \"{seed}\", …]")
        }
        guard case .array(let items) = commandValue else {
            throw fail("command", "\(commandValue.kindDescription), expected a list of strings")
        }
        var command: [String] = []
        for (i, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw fail("command[\(i)]", "\(item.kindDescription), expected a string (quote numbers: \"20\")")
            }
            command.append(text)
        }
        if command.first == "rnnmem" { command.removeFirst() }

        guard let axesValue = document["axes"] else { throw fail("axes", "missing: give at least one axis") }
        guard case .object(let axisMembers) = axesValue else {
            throw fail("axes", "\(axesValue.kindDescription), expected an object mapping axis names to lists of values")
        }
        var axes: [SweepAxis] = []
        for member in axisMembers {
            switch member.value {
            case .array(let values):
                axes.append(SweepAxis(name: member.key, values: values))
            case .integer(let count) where member.key == SweepAxis.seedName:
                guard count >= 1, count <= maximumSeedCount else {
                    throw fail("axes.seed", "seed count \(count) must be between 1 and \(maximumSeedCount)")
                }
                axes.append(SweepAxis(name: member.key, values: (0..<count).map { JSONValue.integer($0) }))
            default:
                let hint = member.key == SweepAxis.seedName ? "a list of seeds or a count" : "a list of values"
                throw fail("axes.\(member.key)", "\(member.value.kindDescription), expected \(hint)")
            }
        }

        var fixed: [SweepParameter] = []
        if let value = document["fixed"] {
            guard case .object(let fixedMembers) = value else {
                throw fail("fixed", "\(value.kindDescription), expected an object mapping names to values")
            }
            fixed = fixedMembers.map { SweepParameter(name: $0.key, value: $0.value) }
        }

        var metrics: [MetricSpecification] = []
        if let value = document["metrics"] {
            var pairs: [(name: String, path: JSONValue, key: String)] = []
            switch value {
            case .array(let paths):
                for (i, path) in paths.enumerated() {
                    pairs.append((path.stringValue ?? "", path, "metrics[\(i)]"))
                }
            case .object(let named):
                pairs = named.map { ($0.key, $0.value, "metrics.\($0.key)") }
            default:
                throw fail(
                    "metrics",
                    "\(value.kindDescription), expected a list of key paths or an object mapping column names to key paths"
                )
            }
            var names = Set<String>()
            for pair in pairs {
                guard let path = pair.path.stringValue else {
                    throw fail(
                        pair.key, "\(pair.path.kindDescription), expected a key path such as \"testMetrics.rmse\"")
                }
                guard let metric = MetricSpecification(name: pair.name, path: path) else {
                    throw fail(pair.key, "'\(path)' is not a key path (keys separated by single dots)")
                }
                guard names.insert(metric.name).inserted else {
                    throw fail(pair.key, "duplicate metric '\(metric.name)'")
                }
                metrics.append(metric)
            }
        }

        var metricsFile: String?
        if let value = document["metrics_file"] {
            guard let text = value.stringValue else {
                throw fail("metrics_file", "\(value.kindDescription), expected a string")
            }
            metricsFile = text
        }

        return try SweepConfiguration(
            source: source, name: name, summary: summary, command: command, axes: axes, fixed: fixed, metrics: metrics,
            metricsFile: metricsFile, knownCommands: knownCommands)
    }
}
