import MemoryNumerics

/// The sizes and the flat parameter layout of an architecture, with everything that depends on the layout only:
/// the named groups of the parameter vector (``groups``), the layers' state layouts (``stateLayouts``), the
/// validation of a parameter vector (``validated(_:)``) and the architecture's seeded initialisation
/// (``initialParameters(_:using:)``).
///
/// Every model of rnnmem holds its layout and its parameter vector; the layout is what differs between
/// architectures, so it is where each of them states its groups, its domain checks and its initialisation. The
/// layouts are ``StackedGatedLayout`` (tanh RNN, LSTM, GRU), ``LinearRNNLayout``, ``ComplexDiagonalLayout``
/// (complex-diagonal RNN, LRU), ``MRNNLayout`` (MRNN, MRNNF) and ``MLSTMLayout`` (MLSTM, MLSTMF).
///
/// Reproducibility: ``initialParameters(_:using:)`` draws from the generator in a documented order, so the same
/// seed gives the same parameters, byte for byte.
public protocol ParameterLayout: Sendable, Equatable {
    /// The options of the architecture's random initialisation (e.g. ``LinearRNNInitialization``).
    associatedtype Initialization: Sendable

    /// Input width d_in.
    var inputSize: Int { get }
    /// Hidden width N of each layer.
    var hiddenSize: Int { get }
    /// Output width d_out.
    var outputSize: Int { get }
    /// Number of stacked recurrent layers.
    var layerCount: Int { get }
    /// The named groups partitioning the parameter vector, in storage order.
    var groups: [ParameterGroup] { get }
    /// The state layout of every layer (index ℓ = layer ℓ).
    var stateLayouts: [StateLayout] { get }

    /// A random parameter vector for this layout (the architecture's documented initialisation), drawn from `rng`.
    func initialParameters(_ initialization: Initialization, using rng: inout SeededRandom) throws -> [Double]

    /// Checks a parameter vector of the right count with finite values against the architecture's domain (e.g.
    /// eigenvalues inside the parametrization's domain); throws ``RecurrentError/invalidArgument(argument:message:)``
    /// naming the offending unit. The default accepts every finite vector.
    func validateDomain(_ values: [Double]) throws
}

extension ParameterLayout {
    /// Number of parameters P (the end of the last group).
    public var parameterCount: Int { groups.last?.range.upperBound ?? 0 }

    /// Accepts every finite vector.
    public func validateDomain(_ values: [Double]) throws {}

    /// `values` when it is a valid parameter vector for this layout: P values, all finite, inside the domain.
    /// - Throws: ``RecurrentError/shapeMismatch(argument:expected:got:)`` for a wrong count,
    ///   ``RecurrentError/invalidArgument(argument:message:)`` for a non-finite value or one outside the domain.
    public func validated(_ values: [Double]) throws -> [Double] {
        guard values.count == parameterCount else {
            throw RecurrentError.shapeMismatch(
                argument: "parameters", expected: "\(parameterCount) values",
                got: "\(values.count) values")
        }
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            throw RecurrentError.invalidArgument(
                argument: "parameters",
                message: "value \(values[i]) at index \(i) is not finite")
        }
        try validateDomain(values)
        return values
    }

    /// Throws for the first size < 1 and then, when `capped`, for the first size > 2^20 (which keeps every size
    /// product, P and the T·B·N buffers, far from `Int` overflow).
    static func checkSizes(_ sizes: KeyValuePairs<String, Int>, capped: Bool) throws {
        for (name, v) in sizes where v < 1 {
            throw RecurrentError.invalidArgument(argument: name, message: "must be ≥ 1, got \(v)")
        }
        if capped {
            for (name, v) in sizes where v > 1 << 20 {
                throw RecurrentError.invalidArgument(argument: name, message: "must be ≤ 2^20, got \(v)")
            }
        }
    }

    /// PyTorch's `nn.Linear`-style initialisation: the entries of every group i.i.d. U(−b, b) with the group's
    /// bound b = `bound(group)` (b = 0: zeros, no draw), drawn in storage order from `rng`.
    func uniformInitialization(using rng: inout SeededRandom, bound: (ParameterGroup) -> Double) -> [Double] {
        var p = [Double](repeating: 0, count: parameterCount)
        for g in groups {
            let b = bound(g)
            for i in g.range { p[i] = b == 0 ? 0 : rng.uniform(-b, b) }
        }
        return p
    }
}

/// PyTorch's default initialisation, as documented for `nn.RNN`, `nn.LSTM`, `nn.GRU` and `nn.Linear`: every weight
/// and bias i.i.d. U(−1/√fan_in, 1/√fan_in) of the (official) sub-layer it belongs to. The initialisation of the
/// tanh RNN, LSTM, GRU (``StackedGatedLayout``) and of the memory-augmented cells (``MRNNLayout``, ``MLSTMLayout``).
public struct PyTorchInitialization: Sendable, Hashable, Codable {
    /// The (only) PyTorch default scheme.
    public init() {}
}
