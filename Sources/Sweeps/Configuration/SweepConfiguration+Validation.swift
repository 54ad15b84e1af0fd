extension SweepConfiguration {
    /// Column names of the collected table that metrics and axes may not take.
    public static let reservedColumns = ["cell", "status", "exit_status", "wall_time_seconds", "error"]

    /// Verbs a sweep cell may not run: a sweep inside a sweep, and help.
    public static let forbiddenCommands: Set<String> = ["sweep", "help"]

    /// True for a valid sweep name: 1–64 characters, letters, digits, `.`, `_`, `-`, starting with a letter or
    /// digit (it becomes a directory name and a Slurm job name).
    public static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.unicodeScalars.count), let first = name.unicodeScalars.first,
            first.isASCII, first.properties.isAlphabetic || ("0"..."9").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-")
        }
    }

    /// Checks every rule of the configuration format and returns the number of cells.
    static func validate(
        source: String, name: String, command: CommandTemplate, axes: [SweepAxis], fixed: [SweepParameter],
        metrics: [MetricSpecification], metricsFile: String?, knownCommands: Set<String>?
    ) throws(SweepError) -> Int {
        func fail(_ key: String, _ message: String) -> SweepError { .configuration(source, key, message) }

        guard isValidName(name) else {
            throw fail(
                "name",
                "'\(name)' is not a valid sweep name (1–64 letters, digits, '.', '_', '-', starting with a letter or digit)"
            )
        }

        // The command: an rnnmem verb and its arguments.
        guard let verb = command.texts.first else {
            throw fail("command", "empty: give an rnnmem command, e.g. [\"train\", …]")
        }
        if verb.hasPrefix("-") || verb.contains("/") || verb.contains("{") || verb.contains(" ") || verb.isEmpty {
            throw fail(
                "command",
                "'\(verb)' is not an rnnmem command (the list starts with a verb such as \"train\"; the program is always rnnmem)"
            )
        }
        if forbiddenCommands.contains(verb) { throw fail("command", "'\(verb)' cannot run as a sweep cell") }
        if let knownCommands, !knownCommands.contains(verb) {
            let list = knownCommands.subtracting(forbiddenCommands).sorted().joined(separator: ", ")
            throw fail("command", "'\(verb)' is not an rnnmem command (one of \(list))")
        }

        // Axes.
        guard !axes.isEmpty else { throw fail("axes", "empty grid: give at least one axis") }
        var names = Set<String>()
        var count = 1
        for axis in axes {
            let key = "axes.\(axis.name)"
            guard CommandTemplate.isIdentifier(axis.name) else {
                throw fail(
                    key, "'\(axis.name)' is not a valid axis name (letters, digits and '_', not starting with a digit)")
            }
            guard !CommandTemplate.builtinPlaceholders.contains(axis.name) else {
                throw fail(key, "'\(axis.name)' is filled by the runner and cannot be an axis")
            }
            guard !reservedColumns.contains(axis.name) else {
                throw fail(key, "'\(axis.name)' is a reserved column name")
            }
            guard names.insert(axis.name).inserted else { throw fail(key, "duplicate axis") }
            guard !axis.values.isEmpty else { throw fail(key, "empty list: the grid would have no cells") }
            var seen = Set<String>()
            for (i, value) in axis.values.enumerated() {
                guard value.isScalar, value != .null else {
                    throw fail(
                        "\(key)[\(i)]",
                        "\(value.kindDescription) is not a valid value (give a string, number or boolean)")
                }
                if axis.isSeed {
                    guard let seed = value.integerValue, seed >= 0 else {
                        throw fail("\(key)[\(i)]", "\(value.canonicalText) is not a seed (an integer ≥ 0)")
                    }
                }
                guard seen.insert(value.canonicalText).inserted else {
                    throw fail("\(key)[\(i)]", "duplicate value \(value.canonicalText)")
                }
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.values.count)
            guard !overflow, product <= maximumCellCount else {
                throw fail("axes", "the grid has more than \(maximumCellCount) cells")
            }
            count = product
        }

        // Fixed parameters.
        for parameter in fixed {
            let key = "fixed.\(parameter.name)"
            guard CommandTemplate.isIdentifier(parameter.name) else {
                throw fail(key, "'\(parameter.name)' is not a valid parameter name (letters, digits and '_')")
            }
            guard !CommandTemplate.builtinPlaceholders.contains(parameter.name) else {
                throw fail(key, "'\(parameter.name)' is filled by the runner and cannot be fixed")
            }
            guard names.insert(parameter.name).inserted else { throw fail(key, "already an axis or a fixed parameter") }
            guard parameter.value.isScalar, parameter.value != .null else {
                throw fail(
                    key, "\(parameter.value.kindDescription) is not a valid value (give a string, number or boolean)")
            }
        }

        // Placeholders: every one known, every axis and fixed parameter used.
        let used = command.placeholders
        let usedSet = Set(used)
        for placeholder in used
        where !names.contains(placeholder) && !CommandTemplate.builtinPlaceholders.contains(placeholder) {
            var known = "axes: " + axes.map(\.name).joined(separator: ", ")
            if !fixed.isEmpty { known += "; fixed: " + fixed.map(\.name).joined(separator: ", ") }
            known += "; built in: " + CommandTemplate.builtinPlaceholders.joined(separator: ", ")
            throw fail("command", "unknown placeholder '{\(placeholder)}' (\(known))")
        }
        for axis in axes where !usedSet.contains(axis.name) {
            throw fail("axes.\(axis.name)", "not used in the command (add '{\(axis.name)}' to an argument)")
        }
        for parameter in fixed where !usedSet.contains(parameter.name) {
            throw fail("fixed.\(parameter.name)", "not used in the command (add '{\(parameter.name)}' to an argument)")
        }

        // Metrics.
        var columns = Set(reservedColumns).union(axes.map(\.name))
        for metric in metrics {
            let key = "metrics.\(metric.name)"
            guard !metric.name.isEmpty,
                metric.name.unicodeScalars.allSatisfy({
                    $0.isASCII
                        && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "."
                            || $0 == "-")
                })
            else { throw fail(key, "'\(metric.name)' is not a valid column name (letters, digits, '_', '.', '-')") }
            guard columns.insert(metric.name).inserted else {
                throw fail(
                    key,
                    "the column name '\(metric.name)' is already taken (an axis, another metric or one of \(reservedColumns.joined(separator: ", ")))"
                )
            }
        }
        if let metricsFile {
            let parts = metricsFile.split(separator: "/", omittingEmptySubsequences: false)
            guard !metricsFile.isEmpty, !metricsFile.hasPrefix("/"), !parts.contains(".."), !parts.contains("") else {
                throw fail("metrics_file", "'\(metricsFile)' is not a relative path inside the cell directory")
            }
            guard usedSet.contains("cell_dir") else {
                throw fail(
                    "metrics_file",
                    "the command does not use '{cell_dir}', so the cell cannot write '\(metricsFile)' into its directory"
                )
            }
            guard !metrics.isEmpty else { throw fail("metrics_file", "given without any metrics to read") }
        }
        return count
    }
}
