extension SweepCollection {
    /// The status word of a cell in the tables: `ok`, `failed` or `missing`.
    static func statusWord(_ state: ResultState) -> String {
        switch state {
        case .complete: return "ok"
        case .failed, .corrupt, .foreign: return "failed"
        case .missing: return "missing"
        }
    }

    /// The cell table as CSV: one row per cell of the grid (missing cells included), columns `cell`, the axes,
    /// `status`, `exit_status`, `wall_time_seconds`, the metrics, `error`.
    public var cellTableCSV: String {
        var rows: [[String]] = [
            ["cell"] + configuration.axes.map(\.name) + ["status", "exit_status", "wall_time_seconds"]
                + configuration.metrics.map(\.name) + ["error"]
        ]
        for entry in entries {
            var row = [String(entry.cell.index)] + entry.cell.values.map(\.argumentText)
            row.append(Self.statusWord(entry.state))
            switch entry.state {
            case .complete(let result), .failed(let result):
                row.append(String(result.exitStatus))
                row.append(JSONValue.from(result.wallTimeSeconds).canonicalText)
                row += configuration.metrics.map { CSV.text(result.metric($0.name)) }
                row.append(result.error ?? "")
            case .corrupt(let reason):
                row += ["", ""] + configuration.metrics.map { _ in "" } + [reason]
            case .missing, .foreign:
                row += ["", ""] + configuration.metrics.map { _ in "" } + [""]
            }
            rows.append(row)
        }
        return CSV.table(rows)
    }

    /// The aggregate table as CSV: one row per combination of the non-seed axes, columns the axes, `cells`,
    /// `complete`, and for each numeric metric m: `m_mean`, `m_std`, `m_min`, `m_max`, `m_sem`, `m_count` (empty
    /// when undefined).
    public var aggregateTableCSV: String {
        let metrics = numericMetrics
        var header = configuration.groupAxes.map(\.name) + ["cells", "complete"]
        for name in metrics { header += ["mean", "std", "min", "max", "sem", "count"].map { "\(name)_\($0)" } }
        var rows = [header]
        for aggregate in aggregates {
            var row =
                aggregate.values.map(\.argumentText) + [String(aggregate.cellCount), String(aggregate.completeCount)]
            for metric in aggregate.metrics {
                if let s = metric.statistics {
                    row += [s.mean, s.standardDeviation, s.minimum, s.maximum, s.standardError].map {
                        CSV.text(JSONValue.from($0))
                    }
                    row.append(String(s.count))
                } else {
                    row += ["", "", "", "", "", "0"]
                }
            }
            rows.append(row)
        }
        return CSV.table(rows)
    }

    /// Everything as one JSON document (keys documented in `rnnmem sweep collect --help`).
    public var json: JSONValue {
        let cells: [JSONValue] = entries.map { entry in
            var members = [
                JSONMember("cell", .integer(Int64(entry.cell.index))),
                JSONMember("values", configuration.valuesObject(of: entry.cell)),
                JSONMember("status", .string(Self.statusWord(entry.state))),
            ]
            switch entry.state {
            case .complete(let result), .failed(let result):
                members += [
                    JSONMember("exit_status", .integer(Int64(result.exitStatus))),
                    JSONMember("wall_time_seconds", .from(result.wallTimeSeconds)),
                    JSONMember("metrics", .object(result.metrics)),
                    JSONMember("error", .from(result.error)),
                ]
            case .corrupt(let reason):
                members += [
                    JSONMember("exit_status", .null), JSONMember("wall_time_seconds", .null),
                    JSONMember("metrics", .object([])), JSONMember("error", .string(reason)),
                ]
            case .missing, .foreign:
                members += [
                    JSONMember("exit_status", .null), JSONMember("wall_time_seconds", .null),
                    JSONMember("metrics", .object([])), JSONMember("error", .null),
                ]
            }
            return .object(members)
        }
        let groupAxes = configuration.groupAxes
        let aggregates: [JSONValue] = self.aggregates.map { aggregate in
            .object([
                JSONMember("values", .object(zip(groupAxes, aggregate.values).map { JSONMember($0.name, $1) })),
                JSONMember("cells", .integer(Int64(aggregate.cellCount))),
                JSONMember("complete", .integer(Int64(aggregate.completeCount))),
                JSONMember(
                    "metrics", .object(aggregate.metrics.map { JSONMember($0.name, $0.statistics?.json ?? .null) })),
            ])
        }
        return .object([
            JSONMember("sweep", .string(configuration.name)),
            JSONMember("config_hash", .string(configuration.configHash)),
            JSONMember("output_dir", .string(directory.path)),
            JSONMember("axes", .array(configuration.axes.map { .string($0.name) })),
            JSONMember("metrics", .array(configuration.metrics.map { .string($0.name) })),
            JSONMember("cell_count", .integer(Int64(configuration.cellCount))),
            JSONMember("complete_count", .integer(Int64(complete.count))),
            JSONMember("missing", .array(missing.map { .integer(Int64($0)) })),
            JSONMember(
                "failed",
                .array(
                    failed.map {
                        .object([JSONMember("cell", .integer(Int64($0.cell))), JSONMember("error", .string($0.reason))])
                    })),
            JSONMember("cells", .array(cells)),
            JSONMember("aggregates", .array(aggregates)),
        ])
    }
}
