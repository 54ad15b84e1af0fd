import MemoryNumerics
import Recurrent

/// Madsen's connectivity (2019, "Visualizing memorization in RNNs", Distill, doi:10.23915/distill.00016): how strongly
/// the output at time t depends on the input at time τ ≤ t,
///
///     conn(t, τ) = ‖∂z_t/∂x_τ‖,
///
/// where z_t is the selected output at t — in the article the logit of the correct class at t, here any selection
/// (``OutputSelection``): one output unit, a per-step unit (Madsen's "correct class"), or all outputs (then the
/// Frobenius norm of the d_out × d_in Jacobian). The article's text defines the *magnitude* of the gradient; its
/// published code returns the *squared* norm (sum of squares over the input vector). Both are kept: ``squaredNorms``
/// holds ‖·‖², ``magnitude(sequence:)`` its square root, and every summary takes a ``Norm``.
///
/// Computed exactly by reverse mode on the public gradient API: for each t one backward pass seeded at y_t gives
/// ∂z_t/∂x_τ for every τ; the passes for all t run as one batch of copies of the sequence. Cost O(T²) steps per
/// sequence (per output for ``OutputSelection/all``); memory O(T²) per sequence.
public struct Connectivity: Sendable, Equatable {
    /// Which output z_t the gradient is taken of.
    public enum OutputSelection: Sendable, Equatable {
        /// Every output: conn² = Σ_o ‖∂y_{t,o}/∂x_τ‖² (Frobenius norm of the Jacobian block).
        case all
        /// Output unit o at every step.
        case output(Int)
        /// Output unit c_{t,b} at step t of sequence b (Madsen's correct class), T·B indices in time-major order
        /// (index b + B·t, as `SequenceBatch`).
        case perStep([Int])
    }

    /// Magnitude (the article's definition) or squared norm (the published code's).
    public enum Norm: String, Sendable, Codable, CaseIterable {
        case magnitude
        case squared
    }

    /// Sequence length T.
    public let steps: Int
    /// Number of sequences B.
    public let batchSize: Int
    /// The output selection the gradients were taken of.
    public let selection: OutputSelection
    /// Per sequence a T × T matrix; entry (t − 1, τ − 1) is ‖∂z_t/∂x_τ‖² for τ ≤ t and 0 above the diagonal.
    public let squaredNorms: [Matrix]

    /// conn(t, τ) = ‖∂z_t/∂x_τ‖ of sequence b (T × T, lower triangular).
    public func magnitude(sequence b: Int) throws -> Matrix {
        guard b >= 0 && b < batchSize else {
            throw MemoryProbeError.invalidArgument(argument: "sequence", message: "\(b) not in 0..<\(batchSize)")
        }
        var m = squaredNorms[b]
        for i in m.elements.indices { m.elements[i] = m.elements[i].squareRoot() }
        return m
    }

    /// The conn matrix of sequence b in the chosen norm.
    public func matrix(sequence b: Int, norm: Norm) throws -> Matrix {
        norm == .magnitude ? try magnitude(sequence: b) : squaredNorms[b]
    }

    func value(_ b: Int, _ t: Int, _ tau: Int, _ norm: Norm) -> Double {
        let v = squaredNorms[b].elements[(t - 1) + (tau - 1) * steps]
        return norm == .magnitude ? v.squareRoot() : v
    }

    /// The average profile against lag: entry ℓ = 0 … T − 1 is the mean of conn(t, t − ℓ) over every sequence and
    /// every t with t − ℓ ≥ 1.
    public func profile(norm: Norm = .magnitude) -> [Double] {
        (0..<steps).map { lag in
            var s = 0.0
            for b in 0..<batchSize { for t in (lag + 1)...steps { s += value(b, t, t - lag, norm) } }
            return s / Double(batchSize * (steps - lag))
        }
    }

    /// The share of connectivity at lags ≥ L: Σ_{t − τ ≥ L} conn(t, τ) / Σ_{τ ≤ t} conn(t, τ), over all sequences
    /// (Madsen's long-range connectivity; e.g. L = 5, 10, 20). 0 when the model has no connectivity at all.
    public func share(atLagAtLeast lag: Int, norm: Norm = .magnitude) throws -> Double {
        guard lag >= 0 && lag < steps else {
            throw MemoryProbeError.invalidArgument(
                argument: "lag", message: "must lie in 0..<\(steps) (the sequence length), got \(lag)")
        }
        var far = 0.0, all = 0.0
        for b in 0..<batchSize {
            for t in 1...steps {
                for tau in 1...t {
                    let v = value(b, t, tau, norm)
                    all += v
                    if t - tau >= lag { far += v }
                }
            }
        }
        return all > 0 ? far / all : 0
    }

    /// Connectivity of `model` on `inputs` (T × B × d_in).
    public static func compute(
        model: any RecurrentModel, inputs: SequenceBatch,
        outputs selection: OutputSelection = .all
    ) throws -> Connectivity {
        let T = inputs.steps, B = inputs.batchSize, d = inputs.features, q = model.outputSize
        guard d == model.inputSize else {
            throw MemoryProbeError.invalidArgument(
                argument: "inputs",
                message: "has \(d) features, the model takes \(model.inputSize)")
        }
        switch selection {
        case .all: break
        case .output(let o):
            guard o >= 0 && o < q else {
                throw MemoryProbeError.invalidArgument(argument: "output", message: "\(o) not in 0..<\(q)")
            }
        case .perStep(let c):
            guard c.count == T * B else {
                throw MemoryProbeError.invalidArgument(
                    argument: "perStep", message: "needs \(T * B) indices (T·B), got \(c.count)")
            }
            if let bad = c.first(where: { $0 < 0 || $0 >= q }) {
                throw MemoryProbeError.invalidArgument(
                    argument: "perStep", message: "output index \(bad) not in 0..<\(q)")
            }
        }
        let seeds: [Int?] = selection == .all ? (0..<q).map { Optional($0) } : [nil]
        let chunk = max(1, min(T, (1 << 16) / T))
        let workspace = RecurrentWorkspace()
        var result: [Matrix] = []
        for b in 0..<B {
            var conn = Matrix(rows: T, columns: T)
            let sequence = Array((0..<T).flatMap { t in inputs.values[(d * (b + B * t))..<(d * (b + B * t) + d)] })
            for seed in seeds {
                var t0 = 1
                while t0 <= T {
                    let t1 = min(T, t0 + chunk - 1)
                    let copies = t1 - t0 + 1
                    var x = [Double](repeating: 0, count: T * copies * d)
                    for t in 0..<T {
                        for c in 0..<copies { for f in 0..<d { x[f + d * (c + copies * t)] = sequence[f + d * t] } }
                    }
                    var g = [Double](repeating: 0, count: T * copies * q)
                    for c in 0..<copies {
                        let t = t0 + c
                        let o: Int
                        switch selection {
                        case .all: o = seed ?? 0
                        case .output(let i): o = i
                        case .perStep(let idx): o = idx[b + B * (t - 1)]
                        }
                        g[o + q * (c + copies * (t - 1))] = 1
                    }
                    let gradient = try model.gradient(
                        inputs: SequenceBatch(steps: T, batchSize: copies, features: d, values: x),
                        outputGradient: SequenceBatch(steps: T, batchSize: copies, features: q, values: g),
                        workspace: workspace)
                    for c in 0..<copies {
                        let t = t0 + c
                        for tau in 1...t {
                            var s = 0.0
                            for f in 0..<d {
                                let v = gradient.inputs.values[f + d * (c + copies * (tau - 1))]
                                s += v * v
                            }
                            conn.elements[(t - 1) + (tau - 1) * T] += s
                        }
                    }
                    t0 = t1 + 1
                }
            }
            result.append(conn)
        }
        return Connectivity(steps: T, batchSize: B, selection: selection, squaredNorms: result)
    }
}
