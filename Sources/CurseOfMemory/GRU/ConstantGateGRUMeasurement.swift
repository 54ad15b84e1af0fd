import MemoryNumerics
import Recurrent

/// The constant-gate GRU check of Zucchet & Orvieto (2024, NeurIPS, arXiv 2405.21064, §3.2 and the appendix
/// checking the theory on GRUs) run on the recurrent engine's `GRU` (PyTorch's cell), not on a hand-written
/// recurrence: the prediction ``ConstantGateGRU/gateSensitivity`` = ∂_α∂_βA(z, z) against E[(d_z h)²] measured by the
/// engine's exact forward-mode tangents.
///
/// **Network.** One layer of N = `gates.count` units, input width 1. Every weight is zero except the update-gate
/// biases b_z,j = logit(z_j) (split as b_ih = b_z, b_hh = 0) and the candidate input weights W_in,j = s (the input
/// scale). Then r and z are constant, U_n = 0, and h_{j,t} = z_j h_{j,t−1} + (1 − z_j)·tanh(s·x_t): the paper's
/// "simple" constant-gate cell with n_t = tanh(s x_t) ≈ s x_t. With s = 10⁻³ the cubic term changes the second
/// moments by a relative O(s²·E[x²]) ≈ 10⁻⁷, far below the Monte-Carlo error, and the measured moments are divided by
/// s². d_z h = (∂h/∂b_z)/(z(1 − z)) comes from one Jacobian-vector product along the indicator of the b_z entries
/// (the units do not interact, so one direction gives every unit's own derivative).
///
/// **Estimate.** `sequences` independent stationary inputs (``InputAutocorrelation/sequences(steps:count:seed:)``)
/// of length burn-in + `samples`; each sequence contributes the average of h² and (d_z h)² over its last `samples`
/// steps, and the standard error is the standard deviation of these averages over √sequences (valid whatever the
/// correlation along a sequence). The default burn-in is ⌈30/(1 − z_max)⌉ (the input starts stationary, so only the
/// state's transient t²z^{2t} has to wash out).
public struct ConstantGateGRUMeasurement: Sendable {
    /// One unit's comparison.
    public struct Unit: Sendable, Hashable {
        /// The constant update gate z.
        public let gate: Double
        /// E[h²] measured vs ``ConstantGateGRU/activity``.
        public let activity: MonteCarloComparison
        /// E[(d_z h)²] measured vs ``ConstantGateGRU/gateSensitivity``.
        public let gateSensitivity: MonteCarloComparison
    }

    /// One entry per gate, in the order given.
    public let units: [Unit]
    /// Steps discarded before sampling.
    public let burnIn: Int
    /// Steps sampled per sequence.
    public let samples: Int
    /// Number of independent sequences.
    public let sequences: Int
    /// The input scale s of the candidate weights.
    public let inputScale: Double

    /// Run the check (see the type's documentation). Throws for gates outside (0, 1), fewer than 2 sequences, a
    /// non-positive scale or sample count.
    public static func run(
        gates: [Double], input: InputAutocorrelation = .bertEmbeddings, sequences: Int = 256,
        samples: Int = 1000, burnIn: Int? = nil, inputScale: Double = 1e-3, seed: UInt64 = 1
    ) throws
        -> ConstantGateGRUMeasurement
    {
        try CurseOfMemoryError.require(!gates.isEmpty, "gate", "needs at least one gate")
        for z in gates {
            try CurseOfMemoryError.require(z.isFinite && z > 0 && z < 1, "gate", "z must be in (0, 1), got \(z)")
        }
        try CurseOfMemoryError.require(sequences >= 2, "sequences", "needs at least 2 sequences, got \(sequences)")
        try CurseOfMemoryError.require(samples >= 1, "samples", "must be ≥ 1, got \(samples)")
        try CurseOfMemoryError.require(
            inputScale.isFinite && inputScale > 0, "input-scale",
            "must be finite and > 0, got \(inputScale)")
        let zMax = gates.max() ?? 0
        let burn = burnIn ?? Int((30 / (1 - zMax)).rounded(.up))
        try CurseOfMemoryError.require(burn >= 0, "burn-in", "must be ≥ 0, got \(burn)")
        let n = gates.count
        let steps = burn + samples
        // Parameters: W_ih [3N, 1], W_hh [3N, N], b_ih [3N], b_hh [3N], C [N, N] = I, c [N]; gate rows (r, z, n).
        let template = try GRU(inputSize: 1, hiddenSize: n, outputSize: n, seed: 0)
        var p = [Double](repeating: 0, count: template.parameterCount)
        let wih = try template.parameterGroup(named: "layer0.W_ih").range.lowerBound
        let bih = try template.parameterGroup(named: "layer0.b_ih").range.lowerBound
        let c = try template.parameterGroup(named: "readout.C").range.lowerBound
        var direction = [Double](repeating: 0, count: p.count)
        for (j, z) in gates.enumerated() {
            p[bih + n + j] = Double.log(z / (1 - z))
            direction[bih + n + j] = 1
            p[wih + 2 * n + j] = inputScale
            p[c + j + n * j] = 1
        }
        let gru = try GRU(inputSize: 1, hiddenSize: n, outputSize: n, parameters: p)
        let x = try input.sequences(steps: steps, count: sequences, seed: seed)
        let (values, tangents) = try gru.jacobianVectorProduct(inputs: x, parameterDirection: direction)
        let h = try values.hidden(layer: 0).values, dh = try tangents.hidden(layer: 0).values
        let scale2 = inputScale * inputScale
        let units: [Unit] = gates.enumerated().map { j, z in
            let chain = 1 / (z * (1 - z))
            var a = [Double](repeating: 0, count: sequences), s = [Double](repeating: 0, count: sequences)
            for b in 0..<sequences {
                var sa = 0.0, ss = 0.0
                for t in burn..<steps {
                    let i = j + n * (b + sequences * t)
                    sa += h[i] * h[i]
                    let d = dh[i] * chain
                    ss += d * d
                }
                a[b] = sa / Double(samples) / scale2
                s[b] = ss / Double(samples) / scale2
            }
            let model = (try? ConstantGateGRU(gate: z, input: input))
            return Unit(
                gate: z,
                activity: Self.compare(a, model?.activity ?? .nan),
                gateSensitivity: Self.compare(s, model?.gateSensitivity ?? .nan))
        }
        return ConstantGateGRUMeasurement(
            units: units, burnIn: burn, samples: samples, sequences: sequences,
            inputScale: inputScale)
    }

    static func compare(_ perSequence: [Double], _ closedForm: Double) -> MonteCarloComparison {
        let m = Double(perSequence.count)
        let mean = perSequence.reduce(0, +) / m
        let variance = perSequence.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (m - 1)
        return MonteCarloComparison(estimate: mean, standardError: (variance / m).squareRoot(), closedForm: closedForm)
    }
}
