/// A named, contiguous slice of a model's flat parameter vector.
///
/// Matrices are stored **column-major** for their `shape` [rows, columns]: element (i, j) is at
/// `range.lowerBound + i + j·rows`. Vectors have `shape` [n]. Names follow `"layer<ℓ>.<name>"` for layer ℓ
/// (0-based) and `"readout.<name>"` for the readout (e.g. `"layer0.W_hh"`, `"layer0.b_ih"`, `"readout.C"`).
/// Packed gate matrices keep PyTorch's row blocks: LSTM (i, f, g, o), GRU (r, z, n).
public struct ParameterGroup: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `layerℓ.<name>` or `readout.<name>`.
    public let name: String
    /// The group's indices in the flat parameter vector.
    public let range: Range<Int>
    /// [rows, columns] for a matrix (column-major), [n] for a vector.
    public let shape: [Int]
    /// The group's role.
    public let kind: ParameterKind

    /// A group; `shape`'s product must equal `range.count` (a model-author invariant, checked by precondition;
    /// decoding from untrusted data validates and throws instead).
    public init(name: String, range: Range<Int>, shape: [Int], kind: ParameterKind) {
        precondition(
            Self.isConsistent(range: range, shape: shape),
            "parameter group \(name): shape \(shape) ≠ \(range.count) values")
        self.name = name
        self.range = range
        self.shape = shape
        self.kind = kind
    }

    static func isConsistent(range: Range<Int>, shape: [Int]) -> Bool {
        guard range.lowerBound >= 0, shape.allSatisfy({ $0 >= 0 }) else { return false }
        var product = 1
        for d in shape {
            let (p, overflow) = product.multipliedReportingOverflow(by: d)
            if overflow { return false }
            product = p
        }
        return product == range.count
    }

    private enum CodingKeys: String, CodingKey { case name, range, shape, kind }

    /// Decodes a group, checking that the shape fits the range.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name)
        let range = try c.decode(Range<Int>.self, forKey: .range)
        let shape = try c.decode([Int].self, forKey: .shape)
        guard Self.isConsistent(range: range, shape: shape) else {
            throw DecodingError.dataCorruptedError(
                forKey: .shape, in: c,
                debugDescription: "group \(name): shape \(shape) does not fit range \(range)")
        }
        self.init(name: name, range: range, shape: shape, kind: try c.decode(ParameterKind.self, forKey: .kind))
    }

    /// Rows of the group seen as a matrix (a vector is n × 1).
    public var rows: Int { shape.first ?? 1 }
    /// Columns of the group seen as a matrix (1 for a vector).
    public var columns: Int { shape.count >= 2 ? shape[1] : 1 }
    /// Number of values.
    public var count: Int { range.count }

    /// `name rows×columns [range] (kind)`.
    public var description: String {
        "\(name) \(shape.map(String.init).joined(separator: "×")) [\(range)] (\(kind.rawValue))"
    }

    /// Build consecutive groups from (name, shape, kind) triples, starting at `offset`.
    public static func layout(
        _ entries: [(name: String, shape: [Int], kind: ParameterKind)], startingAt offset: Int = 0
    )
        -> [ParameterGroup]
    {
        var start = offset
        var groups: [ParameterGroup] = []
        for e in entries {
            let n = e.shape.reduce(1, *)
            groups.append(ParameterGroup(name: e.name, range: start..<(start + n), shape: e.shape, kind: e.kind))
            start += n
        }
        return groups
    }
}
