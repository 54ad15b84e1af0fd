/// One cell of a sweep grid: its number and one value per axis.
public struct SweepCell: Sendable, Equatable {
    /// The cell number, 0 ..< ``SweepConfiguration/cellCount``.
    public let index: Int
    /// The value of each axis, in the configuration's axis order.
    public let values: [JSONValue]

    /// A cell from its number and values (see ``SweepConfiguration/cell(_:)``).
    public init(index: Int, values: [JSONValue]) {
        self.index = index
        self.values = values
    }
}

extension SweepConfiguration {
    /// Cell `index` (0 ..< ``cellCount``): row-major over the axes in file order, the last axis varying fastest.
    /// - Precondition: `0 <= index < cellCount` (the runner's own numbering; user input goes through
    ///   ``Shard`` and the result-file reader, which check the range).
    public func cell(_ index: Int) -> SweepCell {
        precondition(index >= 0 && index < cellCount, "cell index out of range")
        var remainder = index
        var values = [JSONValue](repeating: .null, count: axes.count)
        for k in axes.indices.reversed() {
            let n = axes[k].values.count
            values[k] = axes[k].values[remainder % n]
            remainder /= n
        }
        return SweepCell(index: index, values: values)
    }

    /// Every cell, in order.
    public var cells: [SweepCell] { (0..<cellCount).map(cell) }

    /// The cells of `shard`, in increasing order.
    public func cells(in shard: Shard) -> [SweepCell] { shard.cellIndices(cellCount: cellCount).map(cell) }

    /// The cell's seed: the value of the seed axis, if the grid has one.
    public func seed(of cell: SweepCell) -> Int64? {
        guard let k = seedAxisIndex else { return nil }
        return cell.values[k].integerValue
    }

    /// The cell's axis values as a JSON object in axis order.
    public func valuesObject(of cell: SweepCell) -> JSONValue {
        .object(zip(axes, cell.values).map { JSONMember($0.name, $1) })
    }

    /// The placeholder values of a cell: its axis values, the fixed parameters, `cell` and, when given,
    /// `cell_dir`.
    public func placeholderValues(of cell: SweepCell, cellDirectory: String?) -> [String: String] {
        var values: [String: String] = [:]
        for (axis, value) in zip(axes, cell.values) { values[axis.name] = value.argumentText }
        for parameter in fixed { values[parameter.name] = parameter.value.argumentText }
        values["cell"] = String(cell.index)
        if let cellDirectory { values["cell_dir"] = cellDirectory }
        return values
    }

    /// The rnnmem arguments of a cell (without the program name); `{cell_dir}` stays unresolved when no
    /// directory is given.
    public func arguments(of cell: SweepCell, cellDirectory: String?) -> [String] {
        command.resolve(placeholderValues(of: cell, cellDirectory: cellDirectory))
    }

    /// The number of digits in cell file names: enough for the largest cell number, at least 6, so that names
    /// sort in cell order.
    public var cellNumberWidth: Int { max(6, String(max(cellCount - 1, 0)).count) }

    /// `cell-000042`: the stem of the cell's result file and directory.
    public func cellName(_ index: Int) -> String {
        let digits = String(index)
        return "cell-" + String(repeating: "0", count: max(0, cellNumberWidth - digits.count)) + digits
    }
}
