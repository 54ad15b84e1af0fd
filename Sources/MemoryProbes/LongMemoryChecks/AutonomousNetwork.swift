import MemoryNumerics
import Recurrent

/// A network run as a noise-driven autonomous time-series model, the setting of Zhao et al.'s (2020, ICML)
/// Theorem 1: the Markov chain (y_t, s_t) = M(y_{t−1}, s_{t−1}) + (ε_t, 0), i.e.
///
///     s_t = F(s_{t−1}, x_t),  x_t = y_{t−1},  y_t = g(s_t) + σε_t,   ε_t i.i.d. N(0, 1),  y_0 = 0, s_0 = 0,
///
/// where F and g are the network's state update and readout. Under their contraction (or drift) conditions the
/// chain is geometrically ergodic, so y has a geometrically decaying autocorrelation: short memory (d = 0). Example
/// (the check L9): a one-unit tanh RNN with W = 0, U = 0.9, b = 0.1 and readout y = h gives
/// y_t = tanh(0.9y_{t−1} + 0.1) + σε_t.
public enum AutonomousNetwork {
    /// Simulate `count` values of y (after `burnIn` discarded steps); returns one series per output.
    /// The model must map d outputs back to d inputs (inputSize = outputSize).
    public static func simulate(
        model: any RecurrentModel, noiseScale sigma: Double, count n: Int, burnIn: Int = 100,
        seed: UInt64
    ) throws -> [[Double]] {
        guard model.inputSize == model.outputSize else {
            throw MemoryProbeError.invalidArgument(
                argument: "model",
                message:
                    "feeding outputs back needs inputSize = outputSize, got \(model.inputSize) and \(model.outputSize)")
        }
        guard sigma.isFinite, sigma >= 0 else {
            throw MemoryProbeError.invalidArgument(
                argument: "noiseScale", message: "must be finite and ≥ 0, got \(sigma)")
        }
        try Check.positive(n, "count")
        try Check.nonNegative(burnIn, "burnIn")
        let d = model.inputSize
        var rng = SeededRandom(seed: seed)
        var states = try model.stateLayouts.map {
            try Matrix(rows: $0.size, columns: 1, columnMajor: [Double](repeating: 0, count: $0.size))
        }
        var x = [Double](repeating: 0, count: d)
        var out = [[Double]](repeating: [], count: d)
        for o in 0..<d { out[o].reserveCapacity(n) }
        let workspace = RecurrentWorkspace()
        for step in 0..<(burnIn + n) {
            let trajectory = try model.forward(
                SequenceBatch(steps: 1, batchSize: 1, features: d, values: x),
                initialStates: states, workspace: workspace)
            states = try zip(model.stateLayouts, trajectory.states).map { layout, s in
                try Matrix(rows: layout.size, columns: 1, columnMajor: Array(s.values[layout.size..<(2 * layout.size)]))
            }
            for o in 0..<d {
                let y = trajectory.outputs.values[o] + sigma * rng.gaussian()
                guard y.isFinite else {
                    throw MemoryProbeError.invalidArgument(
                        argument: "model", message: "the autonomous run diverged at step \(step + 1)")
                }
                x[o] = y
                if step >= burnIn { out[o].append(y) }
            }
        }
        return out
    }
}
