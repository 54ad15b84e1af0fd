/// What a parameter group does, so that spectra, weight decay and reports can treat groups by role.
public enum ParameterKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Recurrent (state-to-state) weights or eigenvalue parameters: W_hh, A, λ, ν_log, θ_log …
    case recurrent
    /// Input-to-state weights: W_ih, B …
    case input
    /// Biases inside the recurrence.
    case bias
    /// Readout weights C (and skip D).
    case readout
    /// Readout bias c.
    case readoutBias
    /// Anything else (normalisations γ, fractional-order parameters …).
    case other
}

/// A named, contiguous slice of a model's flat parameter vector.
///
/// Matrices are stored **column-major** for their `shape` [rows, columns]: element (i, j) is at
/// `range.lowerBound + i + j·rows`. Vectors have `shape` [n]. Names follow `"layer<ℓ>.<name>"` for layer ℓ
/// (0-based) and `"readout.<name>"` for the readout (e.g. `"layer0.W_hh"`, `"layer0.b_ih"`, `"readout.C"`).
/// Packed gate matrices keep PyTorch's row blocks: LSTM (i, f, g, o), GRU (r, z, n).
public struct ParameterGroup: Sendable, Hashable, Codable, CustomStringConvertible {
    public let name: String
    public let range: Range<Int>
    public let shape: [Int]
    public let kind: ParameterKind

    public init(name: String, range: Range<Int>, shape: [Int], kind: ParameterKind) {
        precondition(shape.reduce(1, *) == range.count, "parameter group \(name): shape \(shape) ≠ \(range.count) values")
        self.name = name
        self.range = range
        self.shape = shape
        self.kind = kind
    }

    /// Rows of the group seen as a matrix (a vector is n × 1).
    public var rows: Int { shape.first ?? 1 }
    /// Columns of the group seen as a matrix (1 for a vector).
    public var columns: Int { shape.count >= 2 ? shape[1] : 1 }
    public var count: Int { range.count }

    public var description: String { "\(name) \(shape.map(String.init).joined(separator: "×")) [\(range)] (\(kind.rawValue))" }

    /// Build consecutive groups from (name, shape, kind) triples, starting at `offset`.
    public static func layout(_ entries: [(name: String, shape: [Int], kind: ParameterKind)], startingAt offset: Int = 0)
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

extension Array where Element == ParameterGroup {
    /// The group called `name`, if any.
    public func named(_ name: String) -> ParameterGroup? { first { $0.name == name } }
}
