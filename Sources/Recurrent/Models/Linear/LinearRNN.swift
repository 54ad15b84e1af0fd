import MemoryNumerics

/// Dense linear RNN (the student of Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064), architecture "linear":
///
///     h_t^ℓ = A_ℓ h_{t−1}^ℓ + B_ℓ u_t^ℓ,   u_t^0 = x_t, u_t^ℓ = h_t^{ℓ−1} (ℓ ≥ 1),   y_t = C h_t^{L−1} + D x_t,
///
/// h_0 = 0 unless initial states are given. With `heads` H > 1 every A_ℓ is block-diagonal,
/// A_ℓ = blockdiag(A_ℓ,1 … A_ℓ,H), blocks of size N/H ("multi-head" RNN of Zucchet & Orvieto 2024, NeurIPS,
/// arXiv 2405.21064, Fig. 3B/11; a 2 × 2 block [[a, −b], [b, a]] represents one complex eigenvalue a + ib). The
/// skip term D x_t is a ``SkipConnection`` (matrix by default, as their dense student). Parameter layout:
/// ``LinearRNNLayout``. State Jacobian D_t = ∂h_t/∂h_{t−1} = A (constant).
///
/// Derivatives: the forward and backward passes are written once over the engine's algebras (``RealAlgebra``,
/// ``DualAlgebra``), so gradients (BPTT: δ_t = Cᵀ ∂L/∂y_t + Aᵀ δ_{t+1}, ∂L/∂A = Σ_t δ_t h_{t−1}ᵀ, ∂L/∂B = Σ_t δ_t u_tᵀ),
/// JVPs, exact HVPs (forward-over-reverse, Pearlmutter 1994) and Jacobians come from the ``RecurrentModel``
/// extensions.
public struct LinearRNN: LayoutBackedModel, Equatable {
    /// Sizes, heads, skip term and parameter layout.
    public let layout: LinearRNNLayout
    /// The flat parameter vector θ (layout: ``LinearRNNLayout``).
    public internal(set) var parameters: [Double]
    /// ``Architecture/linearRNN``.
    public var architecture: Architecture { .linearRNN }
    /// Number of diagonal blocks H of each recurrent matrix.
    public var headCount: Int { layout.headCount }

    /// The full N × N recurrent matrix A_ℓ (block-diagonal when H > 1).
    public func recurrentMatrix(layer: Int) throws -> Matrix {
        guard layer >= 0 && layer < layerCount else {
            throw RecurrentError.invalidArgument(argument: "layer", message: "\(layer) not in 0..<\(layerCount)")
        }
        let n = layout.headSize, N = hiddenSize
        let base = layout.layers[layer].recurrent.range.lowerBound
        var a = Matrix(rows: N, columns: N)
        for k in 0..<layout.headCount {
            for j in 0..<n { for i in 0..<n { a[k * n + i, k * n + j] = parameters[base + k * n * n + i + j * n] } }
        }
        return a
    }

    /// Forward pass in real arithmetic.
    public func forward(_ pass: ForwardPass<RealAlgebra>) { forwardPass(pass) }
    /// Forward pass in dual arithmetic.
    public func forward(_ pass: ForwardPass<DualAlgebra>) { forwardPass(pass) }
    /// Backward pass (BPTT) in real arithmetic.
    public func backward(_ pass: BackwardPass<RealAlgebra>) { backwardPass(pass) }
    /// Backward pass in dual arithmetic (gradient + ε·Hessian-vector product).
    public func backward(_ pass: BackwardPass<DualAlgebra>) { backwardPass(pass) }
}

extension LinearRNN {
    /// A network with the given flat parameters (layout: ``LinearRNNLayout``).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, heads: Int = 1,
        skip: SkipConnection = .matrix, parameters: [Double]
    ) throws {
        try self.init(
            layout: LinearRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, headCount: heads, skip: skip),
            validating: parameters)
    }

    /// A randomly initialised network: every recurrent block by
    /// ``zucchetOrvietoMatrix(size:minimumModulus:maximumModulus:maximumPhase:using:)`` with the options of
    /// `initialization`, B, C, D LeCun-normal (see ``LinearRNNInitialization``), drawn from `rng` in storage order.
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, heads: Int = 1,
        skip: SkipConnection = .matrix, initialization: LinearRNNInitialization = LinearRNNInitialization(),
        using rng: inout SeededRandom
    ) throws {
        try self.init(
            layout: LinearRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, headCount: heads, skip: skip),
            initialization: initialization, using: &rng)
    }

    /// As ``init(inputSize:hiddenSize:outputSize:layers:heads:skip:initialization:using:)`` from `seed`
    /// (same seed ⇒ identical parameters, byte for byte, on a given platform; the eigen-decomposition goes through
    /// LAPACK).
    public init(
        inputSize: Int, hiddenSize: Int, outputSize: Int, layers: Int = 1, heads: Int = 1,
        skip: SkipConnection = .matrix, initialization: LinearRNNInitialization = LinearRNNInitialization(),
        seed: UInt64
    ) throws {
        try self.init(
            layout: LinearRNNLayout(
                inputSize: inputSize, hiddenSize: hiddenSize, outputSize: outputSize,
                layerCount: layers, headCount: heads, skip: skip),
            initialization: initialization, seed: seed)
    }

    /// A one-layer, one-head network with given matrices: A (N × N), B (N × d_in), C (d_out × N) and D (d_out × d_in,
    /// or nil for no skip term) — e.g. a teacher of the linear-system-identification task.
    public init(recurrent a: Matrix, input b: Matrix, readout c: Matrix, skip d: Matrix?) throws {
        let n = a.rows
        guard a.columns == n, n >= 1 else {
            throw RecurrentError.shapeMismatch(
                argument: "recurrent", expected: "a square N × N matrix, N ≥ 1",
                got: "\(a.rows)×\(a.columns)")
        }
        guard b.rows == n, b.columns >= 1 else {
            throw RecurrentError.shapeMismatch(
                argument: "input", expected: "\(n) × d_in", got: "\(b.rows)×\(b.columns)")
        }
        guard c.columns == n, c.rows >= 1 else {
            throw RecurrentError.shapeMismatch(
                argument: "readout", expected: "d_out × \(n)", got: "\(c.rows)×\(c.columns)")
        }
        if let d, d.rows != c.rows || d.columns != b.columns {
            throw RecurrentError.shapeMismatch(
                argument: "skip", expected: "\(c.rows) × \(b.columns)",
                got: "\(d.rows)×\(d.columns)")
        }
        try self.init(
            inputSize: b.columns, hiddenSize: n, outputSize: c.rows, layers: 1, heads: 1,
            skip: d == nil ? .none : .matrix,
            parameters: a.elements + b.elements + c.elements + (d?.elements ?? []))
    }
}
