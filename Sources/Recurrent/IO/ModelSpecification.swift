/// Everything needed to rebuild one of rnnmem's ten architectures except its parameter values: the architecture
/// name, the sizes and the architecture's structural options. It is what ``ModelIO`` stores in a weights file's
/// metadata, and what the command line builds from `--model … --hidden … --layers …`.
///
/// Options (ignored by the architectures they do not concern):
/// * `window` — K of MRNN/MRNNF/MRNNW/MLSTM/MLSTMF (nil: each model's default, MRNN(F/W) 100, MLSTM(F) 25);
/// * `outputTanh` — MRNNF's compatibility flag (the official cell's output tanh, see ``MRNNF``);
/// * `heads` — block count of the dense linear RNN;
/// * `skip` — readout skip term of linear (default matrix), cdiag (default matrix) and LRU (default diagonal);
/// * `complexDiagonal` — parametrization / normalisation of cdiag (default: ``ComplexDiagonalConfiguration``'s
///   defaults; its `skip` is overridden by `skip` when that is set).
///
/// Initialisation (used by ``makeModel(seed:)`` only; not part of a weights file's description of the model):
/// * `diagonalInitialization` — the ring initialisation of cdiag and LRU (nil: ``defaultDiagonalInitialization``);
/// * `linearInitialization` — the eigenvalue moduli and phases of the dense linear RNN (nil:
///   ``LinearRNNInitialization``'s defaults);
/// * ``protocolInitialization(for:)`` sets both as a task's published protocol prescribes (the students of Zucchet
///   & Orvieto's linear-system identification).
public struct ModelSpecification: Sendable, Equatable {
    /// The architecture.
    public var architecture: Architecture
    /// Input width d_in.
    public var inputSize: Int
    /// Hidden width N.
    public var hiddenSize: Int
    /// Output width d_out.
    public var outputSize: Int
    /// Number of layers.
    public var layers: Int
    /// K of the memory-augmented cells (nil: the model's default).
    public var window: Int?
    /// MRNNF's output tanh.
    public var outputTanh: Bool
    /// Number of diagonal blocks of the dense linear RNN.
    public var heads: Int
    /// The readout's skip term (nil: the architecture's default).
    public var skip: SkipConnection?
    /// Parametrization and normalisation of the complex-diagonal RNN.
    public var complexDiagonal: ComplexDiagonalConfiguration
    /// Ring initialisation of cdiag and LRU (nil: ``defaultDiagonalInitialization``).
    public var diagonalInitialization: DiagonalInitialization?
    /// Initialisation of the dense linear RNN (nil: ``LinearRNNInitialization``'s defaults).
    public var linearInitialization: LinearRNNInitialization?

    /// A specification; throws for a size < 1.
    public init(
        architecture: Architecture, inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1,
        window: Int? = nil, outputTanh: Bool = false, heads: Int = 1, skip: SkipConnection? = nil,
        complexDiagonal: ComplexDiagonalConfiguration = ComplexDiagonalConfiguration(),
        diagonalInitialization: DiagonalInitialization? = nil,
        linearInitialization: LinearRNNInitialization? = nil
    ) throws {
        for (name, v) in [
            ("inputSize", inputSize), ("hiddenSize", hiddenSize), ("outputSize", outputSize),
            ("layers", layers), ("heads", heads),
        ] where v < 1 {
            throw RecurrentError.invalidArgument(argument: name, message: "must be ≥ 1, got \(v)")
        }
        if let window, window < 1 {
            throw RecurrentError.invalidArgument(argument: "window", message: "must be ≥ 1, got \(window)")
        }
        self.architecture = architecture
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.outputSize = outputSize
        self.layers = layers
        self.window = window
        self.outputTanh = outputTanh
        self.heads = heads
        self.skip = skip
        self.complexDiagonal = complexDiagonal
        self.diagonalInitialization = diagonalInitialization
        self.linearInitialization = linearInitialization
    }

    /// The specification of an existing model (so that ``makeModel(parameters:)`` with its parameters rebuilds it).
    public init(describing model: any RecurrentModel) throws {
        try self.init(
            architecture: model.architecture, inputSize: model.inputSize, hiddenSize: model.hiddenSize,
            outputSize: model.outputSize, layers: model.layerCount)
        switch model {
        case let m as LinearRNN:
            heads = m.headCount
            skip = m.layout.skip
        case let m as ComplexDiagonalRNN:
            complexDiagonal = m.configuration
            skip = m.configuration.skip
        case let m as LRU:
            skip = m.skip
        case let m as MRNN:
            window = m.window
        case let m as MRNNF:
            window = m.window
            outputTanh = m.outputTanh
        case let m as MRNNW:
            window = m.window
        case let m as MLSTM:
            window = m.window
        case let m as MLSTMF:
            window = m.window
        case is TanhRNN, is LSTM, is GRU:
            break
        default:
            throw RecurrentError.unsupported(
                "no specification for a model of type \(type(of: model)) (\(model.architecture))")
        }
    }

    private var complexDiagonalConfiguration: ComplexDiagonalConfiguration {
        var c = complexDiagonal
        if let skip { c.skip = skip }
        return c
    }

    /// A randomly initialised model (each architecture's documented default initialisation) from `seed`.
    public func makeModel(seed: UInt64) throws -> any RecurrentModel {
        let (i, n, o, l) = (inputSize, hiddenSize, outputSize, layers)
        switch architecture {
        case .tanhRNN: return try TanhRNN(inputSize: i, hiddenSize: n, outputSize: o, layers: l, seed: seed)
        case .lstm: return try LSTM(inputSize: i, hiddenSize: n, outputSize: o, layers: l, seed: seed)
        case .gru: return try GRU(inputSize: i, hiddenSize: n, outputSize: o, layers: l, seed: seed)
        case .linearRNN:
            return try LinearRNN(
                inputSize: i, hiddenSize: n, outputSize: o, layers: l, heads: heads, skip: skip ?? .matrix,
                initialization: linearInitialization ?? LinearRNNInitialization(), seed: seed)
        case .complexDiagonalRNN:
            return try ComplexDiagonalRNN(
                inputSize: i, hiddenSize: n, outputSize: o, layers: l,
                configuration: complexDiagonalConfiguration,
                initialization: diagonalInitialization ?? defaultDiagonalInitialization,
                seed: seed)
        case .lru:
            return try LRU(
                inputSize: i, hiddenSize: n, outputSize: o, layers: l, skip: skip ?? .diagonal,
                initialization: diagonalInitialization ?? defaultDiagonalInitialization, seed: seed)
        case .mrnn:
            return try MRNN(
                inputSize: i, hiddenSize: n, outputSize: o, window: window ?? MRNN.defaultWindow, layers: l,
                seed: seed)
        case .mrnnf:
            return try MRNNF(
                inputSize: i, hiddenSize: n, outputSize: o, window: window ?? MRNNF.defaultWindow, layers: l,
                outputTanh: outputTanh, seed: seed)
        case .mrnnw:
            return try MRNNW(
                inputSize: i, hiddenSize: n, outputSize: o, window: window ?? MRNNW.defaultWindow, layers: l,
                seed: seed)
        case .mlstm:
            return try MLSTM(
                inputSize: i, hiddenSize: n, outputSize: o, window: window ?? MLSTM.defaultWindow, layers: l,
                seed: seed)
        case .mlstmf:
            return try MLSTMF(
                inputSize: i, hiddenSize: n, outputSize: o, window: window ?? MLSTMF.defaultWindow, layers: l,
                seed: seed)
        }
    }

    /// The ring initialisation cdiag and LRU use when ``diagonalInitialization`` is nil: the paper's scheme for
    /// the LRU (``DiagonalInitialization/orvieto2023(minimumModulus:maximumModulus:maximumPhase:)``, r ∈ [0, 1],
    /// φ_max = 6.28) and Zucchet & Orvieto's repository scheme for cdiag
    /// (``DiagonalInitialization/zucchetOrvieto2024(minimumModulus:maximumModulus:maximumPhase:)``, r ∈ [0, 1],
    /// φ_max = π).
    public var defaultDiagonalInitialization: DiagonalInitialization {
        architecture == .lru ? .orvieto2023() : .zucchetOrvieto2024()
    }

    /// The specification with the initialisation a task's published protocol prescribes for its students, where
    /// one exists and none is set yet (a set ``diagonalInitialization`` or ``linearInitialization`` is kept).
    ///
    /// Linear-system identification (Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064, §5 and Fig. 3; their
    /// repository's `run_train.py` with `force_lsi_min_nu_model`): the LRU and the complex-diagonal students draw
    /// |λ| on the ring [ν₀, 1) with the repository's scheme and the teacher's largest phase
    /// (``DiagonalInitialization/zucchetOrvieto2024(minimumModulus:maximumModulus:maximumPhase:)`` with r_min = ν₀,
    /// r_max = 1, φ_max = the teacher's `max_phase`, 3.14 by default), ν₀ being the teacher's smallest modulus;
    /// the dense linear student is built like the teacher but with ν₀ = 0 ("better results without", their
    /// `train.py`): moduli tanh|l|, phases scaled by the same φ_max/π. Other tasks and architectures: unchanged.
    public func protocolInitialization(for task: TaskSpecification) -> ModelSpecification {
        guard case let .linearSystemIdentification(_, nu0, _, _, _, maximumPhase) = task else { return self }
        var s = self
        switch architecture {
        case .lru, .complexDiagonalRNN:
            if s.diagonalInitialization == nil {
                s.diagonalInitialization = .zucchetOrvieto2024(
                    minimumModulus: nu0, maximumModulus: 1,
                    maximumPhase: maximumPhase)
            }
        case .linearRNN:
            if s.linearInitialization == nil {
                s.linearInitialization = LinearRNNInitialization(
                    minimumModulus: 0, maximumModulus: 1,
                    maximumPhase: maximumPhase)
            }
        default:
            break
        }
        return s
    }

    /// The model with the given flat parameters (layout: that model's ``RecurrentModel/parameterGroups``): the
    /// architecture is built as by ``makeModel(seed:)`` and its parameters replaced through
    /// ``RecurrentModel/setParameters(_:)``, which validates the count and every architecture's own constraints.
    public func makeModel(parameters p: [Double]) throws -> any RecurrentModel {
        var model = try makeModel(seed: 0)
        try model.setParameters(p)
        return model
    }
}
