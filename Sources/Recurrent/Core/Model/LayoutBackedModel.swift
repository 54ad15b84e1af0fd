import MemoryNumerics

/// A model that is its ``ParameterLayout`` plus a parameter vector (every architecture of rnnmem): the layout
/// answers the structural requirements of ``RecurrentModel`` (sizes, groups, state layouts, parameter
/// validation), so that each model states only its layout, its options and its passes. Internal: the concrete
/// models call the initialisers below from their public ones.
protocol LayoutBackedModel: RecurrentModel {
    associatedtype Layout: ParameterLayout
    /// Sizes and parameter layout.
    var layout: Layout { get }
    /// The flat parameter vector θ, settable inside the module (public: read-only).
    var parameters: [Double] { get set }
    /// Stores `layout` and `parameters` without checks (the memberwise initialiser of the models).
    init(layout: Layout, parameters: [Double])
}

extension LayoutBackedModel {
    /// Input width d_in (``ParameterLayout/inputSize``).
    public var inputSize: Int { layout.inputSize }
    /// Hidden width N of each layer (``ParameterLayout/hiddenSize``).
    public var hiddenSize: Int { layout.hiddenSize }
    /// Output width d_out (``ParameterLayout/outputSize``).
    public var outputSize: Int { layout.outputSize }
    /// Number of stacked layers (``ParameterLayout/layerCount``).
    public var layerCount: Int { layout.layerCount }
    /// The named groups of ``parameters`` (``ParameterLayout/groups``).
    public var parameterGroups: [ParameterGroup] { layout.groups }
    /// The state layout of every layer (``ParameterLayout/stateLayouts``).
    public var stateLayouts: [StateLayout] { layout.stateLayouts }

    /// Replaces θ after ``ParameterLayout/validated(_:)``: count, finiteness and the architecture's domain.
    public mutating func setParameters(_ values: [Double]) throws { parameters = try layout.validated(values) }

    /// A model with `layout` and the given parameters, validated by the layout.
    init(layout: Layout, validating values: [Double]) throws {
        self.init(layout: layout, parameters: try layout.validated(values))
    }

    /// A model with `layout` and the layout's random initialisation drawn from `rng`.
    init(layout: Layout, initialization: Layout.Initialization, using rng: inout SeededRandom) throws {
        self.init(layout: layout, parameters: try layout.initialParameters(initialization, using: &rng))
    }

    /// As ``init(layout:initialization:using:)`` from `SeededRandom(seed: seed)` (same seed ⇒ same bytes).
    init(layout: Layout, initialization: Layout.Initialization, seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        try self.init(layout: layout, initialization: initialization, using: &rng)
    }
}
