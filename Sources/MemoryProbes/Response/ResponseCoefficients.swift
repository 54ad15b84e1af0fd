import MemoryNumerics
import Recurrent

/// Zhao et al.'s (2020, "Do RNN and LSTM have long memory?", ICML, arXiv 2006.03860, Definition 3) response
/// coefficients of a network along its trajectories: writing y_t ≈ Σ_{k≥0} A_k x_{t−k} + ε_t, the network has long
/// memory when the entries of A_k decay polynomially rather than geometrically. Here
///
///     Ā_k = (1/n) Σ_t ∂y_t/∂x_{t−k}   (d_out × d_in),   k = 0 … K,
///
/// averaged over the same n time points t ∈ [t₀, T] of every sequence for every k (t₀ = burn-in + K + 1), and
/// likewise for the last layer's hidden state h and the joint state s. Also kept: the mean norms
/// E‖∂y_t/∂x_{t−k}‖_F, which cannot cancel between time points. For a linear network y_t = C h_t, h_t = Wh_{t−1} +
/// Ux_t, Ā_k = CW^kU exactly.
///
/// For a one-layer vanilla tanh RNN h_t = tanh(Wh_{t−1} + Ux_t + b), ∂h_t/∂x_{t−k} =
/// diag(1 − h_t²)W ⋯ diag(1 − h_{t−k+1}²)W·diag(1 − h_{t−k}²)U, so ‖∂h_t/∂x_{t−k}‖₂ ≤ ‖U‖₂‖W‖₂^k exactly: the bound is
/// checked at every (t, k) of every trajectory (``bound``).
///
/// Computed exactly by forward mode (the model's `jacobianVectorProduct` with an input direction)
/// over windows restarted from the trajectory's states: cost ≈ (T − burn-in)·(K + 1)·d_in dual steps per sequence.
public struct ResponseCoefficients: Sendable, Equatable {
    /// Which Jacobians a magnitude is taken of.
    public enum Target: String, Sendable, Codable, CaseIterable {
        /// ∂y_t/∂x_{t−k}
        case output
        /// ∂h_t/∂x_{t−k}, h the last layer's hidden output
        case hidden
        /// ∂s_t/∂x_{t−k}, s the joint Markov state
        case state
    }

    /// How a sequence of matrices becomes magnitudes a_k.
    public enum Magnitude: String, Sendable, Codable, CaseIterable {
        /// ‖Ā_k‖_F, the Frobenius norm of the averaged coefficient (Definition 3's A_k). For a network with several
        /// modes of both signs (gated cells) it can dip where modes cancel, which lowers the fits' R² although the
        /// decay is geometric.
        case normOfMean
        /// E‖∂·/∂x_{t−k}‖_F, the average norm: cannot cancel, the robust measure of how fast dependence decays.
        case meanOfNorm
    }

    /// The result of the tanh-RNN bound check ‖∂h_t/∂x_{t−k}‖₂ ≤ ‖U‖₂‖W‖₂^k.
    public struct TanhBound: Sendable, Equatable {
        /// ‖W‖₂ and ‖U‖₂ (spectral norms).
        public let recurrentNorm: Double
        /// ‖U‖₂.
        public let inputNorm: Double
        /// Number of (t, k) pairs checked and of violations beyond a relative rounding allowance of 1e-12.
        public let pairs: Int
        /// Pairs exceeding the bound beyond rounding.
        public let violations: Int
        /// max over pairs of ‖∂h_t/∂x_{t−k}‖₂ / (‖U‖₂‖W‖₂^k).
        public let worstRatio: Double

        /// Whether the bound held at every pair.
        public var holds: Bool { violations == 0 }
    }

    /// The largest lag K.
    public let maxLag: Int
    /// The time points averaged, the same for every k (1-based, inclusive).
    public let times: ClosedRange<Int>
    /// Number of sequences averaged.
    public let sequences: Int
    /// Ā_k for the outputs (d_out × d_in), hidden state (N × d_in) and joint state (S × d_in), k = 0 … K.
    public let output: [Matrix]
    /// Ā_k of the last layer's hidden state (N × d_in).
    public let hidden: [Matrix]
    /// Ā_k of the joint state (S × d_in).
    public let state: [Matrix]
    /// E‖∂y_t/∂x_{t−k}‖_F, E‖∂h_t/∂x_{t−k}‖_F and E‖∂s_t/∂x_{t−k}‖_F.
    public let outputMeanNorm: [Double]
    /// E‖∂h_t/∂x_{t−k}‖_F.
    public let hiddenMeanNorm: [Double]
    /// E‖∂s_t/∂x_{t−k}‖_F.
    public let stateMeanNorm: [Double]
    /// The tanh bound check, present for a one-layer `TanhRNN`.
    public let bound: TanhBound?

    /// a_k = the chosen magnitude, k = 0 … K.
    public func magnitudes(_ target: Target = .output, _ kind: Magnitude = .normOfMean) -> [Double] {
        switch (target, kind) {
        case (.output, .normOfMean): return output.map(\.frobeniusNorm)
        case (.hidden, .normOfMean): return hidden.map(\.frobeniusNorm)
        case (.state, .normOfMean): return state.map(\.frobeniusNorm)
        case (.output, .meanOfNorm): return outputMeanNorm
        case (.hidden, .meanOfNorm): return hiddenMeanNorm
        case (.state, .meanOfNorm): return stateMeanNorm
        }
    }

    /// The decay verdict over `lags` (see ``DecayFit``).
    public func decay(
        lags: ClosedRange<Int>, target: Target = .output, magnitude: Magnitude = .normOfMean,
        criterion: DecayFit.Criterion = DecayFit.Criterion()
    ) throws -> DecayFit {
        guard lags.upperBound <= maxLag else {
            throw MemoryProbeError.invalidArgument(
                argument: "lags", message: "\(lags.lowerBound):\(lags.upperBound) reaches beyond maxLag = \(maxLag)")
        }
        return try DecayFit(magnitudes: magnitudes(target, magnitude), lags: lags, criterion: criterion)
    }

    /// Response coefficients of `model` on `inputs` (T × B × d_in) for k = 0 … `maxLag`, averaged over
    /// t = burnIn + maxLag + 1 … T. Throws when maxLag or burnIn leave no time point (naming the argument).
    public static func compute(
        model: any RecurrentModel, inputs: SequenceBatch, maxLag: Int,
        burnIn: Int = 0
    ) throws -> ResponseCoefficients {
        try Check.nonNegative(maxLag, "maxLag")
        try Check.nonNegative(burnIn, "burnIn")
        let T = inputs.steps, B = inputs.batchSize, d = inputs.features, q = model.outputSize, S = model.stateSize
        guard d == model.inputSize else {
            throw MemoryProbeError.invalidArgument(
                argument: "inputs",
                message: "has \(d) features, the model takes \(model.inputSize)")
        }
        guard maxLag < T else {
            throw MemoryProbeError.invalidArgument(
                argument: "maxLag",
                message: "must be smaller than the sequence length \(T), got \(maxLag)")
        }
        let t0 = burnIn + maxLag + 1
        guard t0 <= T else {
            throw MemoryProbeError.invalidArgument(
                argument: "burnIn",
                message: "burn-in \(burnIn) + maxLag \(maxLag) leaves no time point in a sequence of \(T)")
        }
        let hiddenRows = model.stateLayouts.last.map { $0.hiddenRows } ?? 0..<0
        let hiddenOffset = model.stateOffsets.last ?? 0
        let N = hiddenRows.count
        let tanh = try RecurrentBridge.tanhRecurrence(model)
        let norms = try tanh.map {
            (try LinearAlgebra.spectralNorm($0.recurrent), try LinearAlgebra.spectralNorm($0.input))
        }
        let trajectory = try model.forward(inputs)
        var sumOutput = [[Double]](repeating: [Double](repeating: 0, count: q * d), count: maxLag + 1)
        var sumState = [[Double]](repeating: [Double](repeating: 0, count: S * d), count: maxLag + 1)
        var normOutput = [Double](repeating: 0, count: maxLag + 1)
        var normHidden = [Double](repeating: 0, count: maxLag + 1)
        var normState = [Double](repeating: 0, count: maxLag + 1)
        var pairs = 0, violations = 0, worst = 0.0
        try ImpulseSweep.run(
            model: model, inputs: inputs, trajectory: trajectory, starts: (burnIn + 1)...T,
            length: maxLag + 1
        ) { r in
            let t = r.start + r.lag
            var hidden = [Double](repeating: 0, count: N * d)
            for j in 0..<d {
                for i in 0..<N { hidden[i + N * j] = r.state[hiddenOffset + hiddenRows.lowerBound + i + S * j] }
            }
            if let (w, u) = norms {
                let bound = u * Double.pow(w, Double(r.lag))
                let value = try spectralNorm(hidden, rows: N, columns: d)
                pairs += 1
                if bound > 0 { worst = max(worst, value / bound) } else if value > 0 { worst = .infinity }
                if value > bound * (1 + 1e-12) { violations += 1 }
            }
            guard t >= t0 else { return }
            let k = r.lag
            for i in 0..<(q * d) { sumOutput[k][i] += r.output[i] }
            for i in 0..<(S * d) { sumState[k][i] += r.state[i] }
            normOutput[k] += r.output.reduce(0) { $0 + $1 * $1 }.squareRoot()
            normHidden[k] += hidden.reduce(0) { $0 + $1 * $1 }.squareRoot()
            normState[k] += r.state.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        let count = Double((T - t0 + 1) * B)
        let outputMeans = try sumOutput.map { try Matrix(rows: q, columns: d, columnMajor: $0.map { $0 / count }) }
        let stateMeans = try sumState.map { try Matrix(rows: S, columns: d, columnMajor: $0.map { $0 / count }) }
        let hiddenMeans = stateMeans.map { m in
            var h = Matrix(rows: N, columns: d)
            for j in 0..<d { for i in 0..<N { h[i, j] = m[hiddenOffset + hiddenRows.lowerBound + i, j] } }
            return h
        }
        let bound = norms.map {
            TanhBound(
                recurrentNorm: $0.0, inputNorm: $0.1, pairs: pairs, violations: violations,
                worstRatio: worst)
        }
        return ResponseCoefficients(
            maxLag: maxLag, times: t0...T, sequences: B, output: outputMeans, hidden: hiddenMeans,
            state: stateMeans, outputMeanNorm: normOutput.map { $0 / count },
            hiddenMeanNorm: normHidden.map { $0 / count },
            stateMeanNorm: normState.map { $0 / count }, bound: bound)
    }

    /// ‖J‖₂ of a column-major rows × columns matrix: the Euclidean norm for one column, else √λ_max(JᵀJ).
    static func spectralNorm(_ j: [Double], rows: Int, columns: Int) throws -> Double {
        if columns == 1 { return j.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        var g = Matrix(rows: columns, columns: columns)
        for a in 0..<columns {
            for b in 0...a {
                var s = 0.0
                for i in 0..<rows { s += j[i + rows * a] * j[i + rows * b] }
                g[a, b] = s
                g[b, a] = s
            }
        }
        return max(0, try LinearAlgebra.symmetricEigenvalues(g).last ?? 0).squareRoot()
    }
}
