import MemoryNumerics
import Recurrent

/// Signal propagation at initialisation through a deep stack of complex-diagonal recurrent layers (Zucchet & Orvieto
/// 2024, NeurIPS, arXiv 2405.21064, §5 and Fig. 5; their `signal_propagation.ipynb`): how the activity of every layer
/// and the gradients of the recurrent parameters grow with the memory of the layers, with and without
/// normalisation.
///
/// **Networks.** `layers` stacked layers of `hidden` complex units from the recurrent engine (layer ℓ ≥ 1 reads
/// [Re h; Im h] of the layer below), a linear readout to one output, input width 1; eigenvalues on the ring
/// |λ| ∈ [1 − 1/T, 1 − 1/(2T)] for a memory of T steps (the notebook's `min_nu`, `max_nu`), phases in (0, 6.28),
/// B ~ CN(0, 1/d_ℓ) (`DiagonalInitialization.Scheme.orvieto2023` of the recurrent engine). Three variants: ``Variant/complexDiagonal`` (λ = a + ib,
/// no normalisation: the notebook's "complex"), ``Variant/normalized`` (the same with the fixed γ = √(1 − |λ|²)),
/// and ``Variant/lru`` (exponential parametrisation, learned γ initialised at √(1 − |λ|²): the notebook's "lru").
/// The engine's stack has no nonlinearity, GLU or LayerNorm between layers (the notebook's blocks do); the growth
/// of a linear stack is the clean form of the effect: without γ each layer multiplies the activity by about
/// 1/(1 − ν²) ~ T/2.
///
/// **Inputs and loss.** `sequences` stationary inputs of length `length` + 1 with the given autocorrelation
/// (default: the BERT-embedding fit of the paper, since the notebook feeds BERT embeddings); the loss is
/// ½·MSE of predicting x_{t+1} from x_1 … x_t (next-step prediction, as the notebook's `loss`).
///
/// **Measured.** Per layer: the activity E|h|² (mean over steps, sequences and units), the mean squared gradient of
/// the layer's eigenvalue parameters (ω₁, ω₂), and that of its other parameters (B, and γ for the LRU).
public enum SignalPropagation {
    /// The three networks compared.
    public enum Variant: String, Sendable, Hashable, CaseIterable {
        /// λ = a + ib, no normalisation.
        case complexDiagonal = "cdiag"
        /// λ = a + ib, fixed γ = √(1 − |λ|²).
        case normalized = "cdiag-l2"
        /// Exponential parametrisation, learned γ (the LRU).
        case lru

        var configuration: ComplexDiagonalConfiguration {
            switch self {
            case .complexDiagonal: return ComplexDiagonalConfiguration(skip: .none)
            case .normalized: return ComplexDiagonalConfiguration(normalization: .l2, skip: .none)
            case .lru: return ComplexDiagonalConfiguration(parametrization: .exp, normalization: .learned, skip: .none)
            }
        }
    }

    /// The sizes and memories of the study.
    public struct Configuration: Sendable, Hashable {
        /// Number of stacked layers.
        public var layers: Int
        /// Complex units per layer.
        public var hidden: Int
        /// Sequence length.
        public var length: Int
        /// Number of sequences.
        public var sequences: Int
        /// Memories T (eigenvalue moduli on [1 − 1/T, 1 − 1/(2T)]), each ≥ 1.
        public var memories: [Double]
        /// Input autocorrelation.
        public var input: InputAutocorrelation
        /// Seed of the networks (stream per memory) and of the inputs.
        public var seed: UInt64

        /// Defaults: 4 layers of 32 units, T = 256, 16 sequences, memories 10^{0, 0.5, 1, 1.5, 2} as the notebook,
        /// the BERT-fit input.
        public init(
            layers: Int = 4, hidden: Int = 32, length: Int = 256, sequences: Int = 16,
            memories: [Double] = [1, 3.1622776601683795, 10, 31.622776601683793, 100],
            input: InputAutocorrelation = .bertEmbeddings, seed: UInt64 = 0
        ) {
            self.layers = layers
            self.hidden = hidden
            self.length = length
            self.sequences = sequences
            self.memories = memories
            self.input = input
            self.seed = seed
        }
    }

    /// One network at one memory.
    public struct Measurement: Sendable, Hashable {
        /// The network.
        public let variant: Variant
        /// The memory T.
        public let memory: Double
        /// The ring [1 − 1/T, 1 − 1/(2T)] of the moduli (clamped at 0).
        public let modulusRange: ClosedRange<Double>
        /// E|h|² per layer.
        public let activity: [Double]
        /// Mean squared gradient of each layer's eigenvalue parameters.
        public let recurrentGradient: [Double]
        /// Mean squared gradient of each layer's other parameters.
        public let otherGradient: [Double]
        /// The loss at initialisation.
        public let loss: Double
    }

    /// Run the study for `variants` (default all three).
    public static func run(_ c: Configuration = Configuration(), variants: [Variant] = Variant.allCases) throws
        -> [Measurement]
    {
        try CurseOfMemoryError.require(c.layers >= 1 && c.layers <= 64, "layers", "must be in [1, 64], got \(c.layers)")
        try CurseOfMemoryError.require(
            c.hidden >= 1 && c.hidden <= 4096, "hidden", "must be in [1, 4096], got \(c.hidden)")
        try CurseOfMemoryError.require(c.length >= 2, "length", "must be ≥ 2, got \(c.length)")
        try CurseOfMemoryError.require(c.sequences >= 1, "sequences", "must be ≥ 1, got \(c.sequences)")
        try CurseOfMemoryError.require(
            !c.memories.isEmpty && c.memories.allSatisfy { $0.isFinite && $0 >= 1 },
            "memories", "each memory T must be finite and ≥ 1")
        let x = try c.input.sequences(steps: c.length + 1, count: c.sequences, seed: c.seed)
        let b = c.sequences
        let inputs = try SequenceBatch(
            steps: c.length, batchSize: b, features: 1,
            values: Array(x.values[0..<(c.length * b)]))
        let targets = try SequenceBatch(
            steps: c.length, batchSize: b, features: 1,
            values: Array(x.values[b..<((c.length + 1) * b)]))
        var out: [Measurement] = []
        for variant in variants {
            for (k, t) in c.memories.enumerated() {
                let low = max(0, 1 - 1 / t), high = max(low, 1 - 1 / (2 * t))
                var rng = SeededRandom(seed: c.seed, stream: UInt64(k + 1))
                let model = try ComplexDiagonalRNN(
                    inputSize: 1, hiddenSize: c.hidden, outputSize: 1, layers: c.layers,
                    configuration: variant.configuration,
                    initialization: .orvieto2023(minimumModulus: low, maximumModulus: high), using: &rng)
                let trajectory = try model.forward(inputs)
                let (loss, gradient) = try model.lossAndGradient(inputs: inputs, targets: targets)
                var activity: [Double] = [], recurrent: [Double] = [], other: [Double] = []
                for l in 0..<c.layers {
                    let s = trajectory.states[l].values
                    activity.append(s.reduce(0) { $0 + $1 * $1 } / Double(c.length * b * c.hidden))
                    let groups = model.parameterGroups.filter { $0.name.hasPrefix("layer\(l).") }
                    func meanSquare(_ gs: [ParameterGroup]) -> Double {
                        let n = gs.reduce(0) { $0 + $1.count }
                        return n == 0
                            ? 0
                            : gs.reduce(0) { acc, g in acc + g.range.reduce(0) { $0 + gradient[$1] * gradient[$1] } }
                                / Double(n)
                    }
                    recurrent.append(meanSquare(groups.filter { $0.kind == .recurrent }))
                    other.append(meanSquare(groups.filter { $0.kind != .recurrent }))
                }
                out.append(
                    Measurement(
                        variant: variant, memory: t, modulusRange: low...high, activity: activity,
                        recurrentGradient: recurrent, otherGradient: other, loss: loss))
            }
        }
        return out
    }
}
