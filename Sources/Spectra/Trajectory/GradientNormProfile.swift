import MemoryNumerics
import Recurrent

/// How the gradient of the loss at one time t reaches back through the states: ‖∂L_t/∂s_{t−ℓ}‖ for lags
/// ℓ = 1 … L, where L_t is the loss term of step t (or any output cotangent at t).
///
/// ∂L_t/∂s_{t−ℓ} = (∂L_t/∂y_t)·(∂y_t/∂s_{t−1})·D_{t−1} ⋯ D_{t−ℓ+1}, propagated as a vector with its logarithmic
/// scale kept apart, so that gradients of 1e−300 or 1e+300 are reported exactly (as logarithms) instead of
/// flushing to 0 or ∞. Plotted against ℓ on a log axis this is the vanishing/exploding gradient picture of
/// Bengio, Simard & Frasconi (1994, *IEEE Trans. Neural Netw.* 5:157) and Pascanu, Mikolov & Bengio (2013, ICML,
/// §2).
public struct GradientNormProfile: Sendable, Equatable {
    /// t, the time of the loss term.
    public let time: Int
    /// ℓ = 1 … L.
    public let lags: [Int]
    /// log ‖∂L_t/∂s_{t−ℓ}‖₂ over the joint state of all layers (natural log; −∞ for an exactly zero gradient).
    public let logStateNorms: [Double]
    /// log ‖∂L_t/∂h_{t−ℓ}‖₂ over the hidden part h of the last layer only (for the LSTM, without the cell state).
    public let logHiddenNorms: [Double]

    /// The profile for the output cotangent ∂L_t/∂y_t = `outputGradient` (d_out values) at time t, lags
    /// 1 … `maximumLag` (≤ t).
    ///
    /// - Throws: ``SpectraError/invalidArgument(argument:message:)`` for a time or lag outside the sequence or a
    ///   cotangent of the wrong size; ``SpectraError/divergence(step:message:)`` for non-finite Jacobians.
    public init(
        model: any RecurrentModel, sequence: SequenceBatch, initialStates: [Matrix]? = nil,
        outputGradient: [Double], at t: Int, maximumLag: Int
    ) throws {
        try TrajectoryJacobians.validate(model: model, sequence: sequence)
        guard t >= 1 && t <= sequence.steps else {
            throw SpectraError.invalidArgument(argument: "time", message: "\(t) not in 1…\(sequence.steps)")
        }
        guard maximumLag >= 1 && maximumLag <= t else {
            throw SpectraError.invalidArgument(argument: "maximumLag", message: "\(maximumLag) not in 1…\(t)")
        }
        guard outputGradient.count == model.outputSize, outputGradient.allSatisfy(\.isFinite) else {
            throw SpectraError.invalidArgument(
                argument: "outputGradient",
                message: "needs \(model.outputSize) finite values, got \(outputGradient.count)")
        }
        var stateJacobians: [Matrix] = []
        var outputState = Matrix(rows: 0, columns: 0)
        let first = t - maximumLag + 1
        try TrajectoryJacobians.forEach(
            model: model, sequence: sequence, initialStates: initialStates, from: first,
            through: t
        ) { time, j in
            if time == t { outputState = j.outputState } else { stateJacobians.append(j.state) }  // D_first … D_{t−1}
        }
        let layouts = model.stateLayouts
        let offset = model.stateOffsets.last ?? 0
        let hidden = (layouts.last?.hiddenRows).map { (offset + $0.lowerBound)..<(offset + $0.upperBound) } ?? 0..<0
        // g_1 = outputStateᵀ e (column vector of length S), then g_{ℓ+1} = D_{t−ℓ}ᵀ g_ℓ.
        var g = outputState.transposeTimes(outputGradient)
        var logScale = 0.0
        var stateNorms: [Double] = [], hiddenNorms: [Double] = []
        for l in 1...maximumLag {
            if l > 1 {
                let d = stateJacobians[stateJacobians.count - (l - 1)]  // D_{t−ℓ+1}
                g = d.transposeTimes(g)
            }
            let norm = BLAS.norm(g)
            guard norm.isFinite else {
                throw SpectraError.divergence(step: t - l, message: "gradient norm overflowed at lag \(l)")
            }
            if norm > 0 {
                logScale += Double.log(norm)
                for i in g.indices { g[i] /= norm }
                stateNorms.append(logScale)
                hiddenNorms.append(logScale + Double.log(BLAS.norm(Array(g[hidden]))))
            } else {
                logScale = -.infinity
                stateNorms.append(-.infinity)
                hiddenNorms.append(-.infinity)
            }
        }
        time = t
        lags = Array(1...maximumLag)
        logStateNorms = stateNorms
        logHiddenNorms = hiddenNorms
    }

    /// The profile for the loss term of step t, L_t = (s/d_out)·Σ_k (ŷ_{t,k} − y_{t,k})² with s = ½
    /// (`halved`, the engine's default loss) or 1, against `targets` (one sequence, T × 1 × d_out).
    public init(
        model: any RecurrentModel, sequence: SequenceBatch, targets: SequenceBatch, halved: Bool = true,
        initialStates: [Matrix]? = nil, at t: Int, maximumLag: Int
    ) throws {
        try TrajectoryJacobians.validate(model: model, sequence: sequence)
        guard targets.steps == sequence.steps, targets.batchSize == 1, targets.features == model.outputSize else {
            throw SpectraError.invalidArgument(
                argument: "targets",
                message:
                    "expected \(sequence.steps) steps × 1 sequence × \(model.outputSize) outputs, got \(targets.steps) × \(targets.batchSize) × \(targets.features)"
            )
        }
        guard t >= 1 && t <= sequence.steps else {
            throw SpectraError.invalidArgument(argument: "time", message: "\(t) not in 1…\(sequence.steps)")
        }
        let outputs = try model.outputs(sequence, initialStates: initialStates)
        let d = model.outputSize
        let scale = (halved ? 1.0 : 2.0) / Double(d)
        let e = (0..<d).map { k in scale * (outputs[t - 1, 0, k] - targets[t - 1, 0, k]) }
        try self.init(
            model: model, sequence: sequence, initialStates: initialStates, outputGradient: e, at: t,
            maximumLag: maximumLag)
    }
}
