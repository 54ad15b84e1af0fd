import MemoryNumerics

/// A batch of B multivariate sequences of length T with d features: the input, target and output type of every
/// recurrent model.
///
/// Layout: element (t, b, k) — step t (0-based, so index t holds x_{t+1} in the 1-based time of
/// Recurrent.docc/Conventions.md), sequence b, feature k — is `values[k + d·(b + B·t)]`. This is PyTorch's contiguous
/// (T, B, d) "sequence-first" tensor byte for byte, and the engine's d × (T·B) column-major matrix.
public struct SequenceBatch: Equatable, Sendable {
    /// Number of time steps T.
    public let steps: Int
    /// Number of sequences B.
    public let batchSize: Int
    /// Number of features d per step.
    public let features: Int
    /// T·B·d values, element (t, b, k) at `k + features * (b + batchSize * t)`.
    public private(set) var values: [Double]

    /// Wrap values in the layout above; throws when the count is not steps·batchSize·features.
    public init(steps: Int, batchSize: Int, features: Int, values: [Double]) throws {
        try Self.checkShape(steps: steps, batchSize: batchSize, features: features)
        guard values.count == steps * batchSize * features else {
            throw RecurrentError.shapeMismatch(
                argument: "values",
                expected: "\(steps)·\(batchSize)·\(features) = \(steps * batchSize * features) values",
                got: "\(values.count)")
        }
        self.steps = steps
        self.batchSize = batchSize
        self.features = features
        self.values = values
    }

    /// A batch of zeros.
    public init(steps: Int, batchSize: Int, features: Int) throws {
        try Self.checkShape(steps: steps, batchSize: batchSize, features: features)
        self.steps = steps
        self.batchSize = batchSize
        self.features = features
        self.values = [Double](repeating: 0, count: steps * batchSize * features)
    }

    /// One sequence (batch size 1) from its steps: `sequence[t][k]` is feature k at step t.
    public init(sequence: [[Double]]) throws {
        guard let d = sequence.first?.count else {
            throw RecurrentError.invalidArgument(argument: "sequence", message: "needs at least one step")
        }
        guard sequence.allSatisfy({ $0.count == d }) else {
            throw RecurrentError.shapeMismatch(
                argument: "sequence", expected: "\(d) features at every step",
                got: "ragged steps")
        }
        try self.init(steps: sequence.count, batchSize: 1, features: d, values: sequence.flatMap { $0 })
    }

    /// A batch of B sequences of equal length: `sequences[b][t][k]`.
    public init(sequences: [[[Double]]]) throws {
        guard let first = sequences.first, let d = first.first?.count else {
            throw RecurrentError.invalidArgument(
                argument: "sequences", message: "needs at least one non-empty sequence")
        }
        let t = first.count
        guard sequences.allSatisfy({ $0.count == t && $0.allSatisfy { $0.count == d } }) else {
            throw RecurrentError.shapeMismatch(
                argument: "sequences", expected: "\(t) steps × \(d) features each",
                got: "ragged sequences")
        }
        let b = sequences.count
        var v = [Double](repeating: 0, count: t * b * d)
        for s in 0..<b { for step in 0..<t { for k in 0..<d { v[k + d * (s + b * step)] = sequences[s][step][k] } } }
        try self.init(steps: t, batchSize: b, features: d, values: v)
    }

    private static func checkShape(steps: Int, batchSize: Int, features: Int) throws {
        guard steps >= 1 else {
            throw RecurrentError.invalidArgument(argument: "steps", message: "must be ≥ 1, got \(steps)")
        }
        guard batchSize >= 1 else {
            throw RecurrentError.invalidArgument(argument: "batchSize", message: "must be ≥ 1, got \(batchSize)")
        }
        guard features >= 1 else {
            throw RecurrentError.invalidArgument(argument: "features", message: "must be ≥ 1, got \(features)")
        }
        let (sb, o1) = steps.multipliedReportingOverflow(by: batchSize)
        let (total, o2) = sb.multipliedReportingOverflow(by: features)
        guard !o1, !o2, total <= 1 << 40 else {
            throw RecurrentError.invalidArgument(
                argument: "steps·batchSize·features", message: "\(steps)·\(batchSize)·\(features) values is too many")
        }
    }

    /// Element (t, b, k), 0-based; traps when out of range (use ``value(step:sequence:feature:)`` for user input).
    public subscript(t: Int, b: Int, k: Int) -> Double {
        get {
            precondition(
                t >= 0 && t < steps && b >= 0 && b < batchSize && k >= 0 && k < features,
                "SequenceBatch index out of range")
            return values[k + features * (b + batchSize * t)]
        }
        set {
            precondition(
                t >= 0 && t < steps && b >= 0 && b < batchSize && k >= 0 && k < features,
                "SequenceBatch index out of range")
            values[k + features * (b + batchSize * t)] = newValue
        }
    }

    /// Element (t, b, k), throwing when an index is out of range.
    public func value(step t: Int, sequence b: Int, feature k: Int) throws -> Double {
        guard t >= 0 && t < steps else {
            throw RecurrentError.invalidArgument(argument: "step", message: "\(t) not in 0..<\(steps)")
        }
        guard b >= 0 && b < batchSize else {
            throw RecurrentError.invalidArgument(argument: "sequence", message: "\(b) not in 0..<\(batchSize)")
        }
        guard k >= 0 && k < features else {
            throw RecurrentError.invalidArgument(argument: "feature", message: "\(k) not in 0..<\(features)")
        }
        return values[k + features * (b + batchSize * t)]
    }

    /// Step t as a features × batchSize matrix (column b = sequence b).
    public func step(_ t: Int) throws -> Matrix {
        guard t >= 0 && t < steps else {
            throw RecurrentError.invalidArgument(argument: "step", message: "\(t) not in 0..<\(steps)")
        }
        let n = features * batchSize
        return try Matrix(rows: features, columns: batchSize, columnMajor: Array(values[(t * n)..<((t + 1) * n)]))
    }

    /// Sequence b as steps × features rows (`result[t][k]`).
    public func sequence(_ b: Int) throws -> [[Double]] {
        guard b >= 0 && b < batchSize else {
            throw RecurrentError.invalidArgument(argument: "sequence", message: "\(b) not in 0..<\(batchSize)")
        }
        return (0..<steps).map { t in
            let start = features * (b + batchSize * t)
            return Array(values[start..<(start + features)])
        }
    }

    /// The features `range` of every step (e.g. the hidden part h of an LSTM state [h; c]).
    public func selectingFeatures(_ range: Range<Int>) throws -> SequenceBatch {
        guard range.lowerBound >= 0, range.upperBound <= features, !range.isEmpty else {
            throw RecurrentError.invalidArgument(argument: "range", message: "\(range) not inside 0..<\(features)")
        }
        var v = [Double]()
        v.reserveCapacity(steps * batchSize * range.count)
        for c in 0..<(steps * batchSize) {
            v.append(contentsOf: values[(c * features + range.lowerBound)..<(c * features + range.upperBound)])
        }
        return try SequenceBatch(steps: steps, batchSize: batchSize, features: range.count, values: v)
    }
}
