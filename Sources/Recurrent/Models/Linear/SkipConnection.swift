/// The direct input-to-output ("skip", "feed-through") term of the linear recurrent models' readout
/// y_t = (readout of the state) + D·x_t: the dense linear RNN, the complex-diagonal RNN
/// and the LRU.
///
/// * ``none``: no skip term.
/// * ``diagonal``: y_t += D ⊙ x_t with D ∈ ℝ^{d_in} — the LRU layer of Orvieto et al. (2023, ICML, arXiv
///   2303.06349, eq. (1): y_k = Re(C x_k) + D ⊙ u_k); needs d_out = d_in. Stored as the vector `readout.D` [d_in].
/// * ``matrix``: y_t += D x_t with D ∈ ℝ^{d_out × d_in} — the dense student of Zucchet & Orvieto (2024, NeurIPS,
///   arXiv 2405.21064, `source/model.py`: bias-free `nn.Dense` D, and a D matrix in their LRU class). Stored
///   column-major as `readout.D` [d_out, d_in].
///
/// The skip always reads the *network* input x_t (not a lower layer's state).
public enum SkipConnection: String, Sendable, Codable, CaseIterable, Equatable {
    /// No skip term.
    case none
    /// y_t += D ⊙ x_t (needs d_out = d_in).
    case diagonal
    /// y_t += D x_t.
    case matrix

    /// Shape of the `readout.D` group, nil for ``none``; throws when ``diagonal`` is asked for d_out ≠ d_in.
    func parameterShape(inputSize: Int, outputSize: Int) throws -> [Int]? {
        switch self {
        case .none: return nil
        case .matrix: return [outputSize, inputSize]
        case .diagonal:
            guard inputSize == outputSize else {
                throw RecurrentError.invalidArgument(
                    argument: "skip",
                    message: "a diagonal skip D ⊙ x needs outputSize = inputSize, got outputSize \(outputSize), "
                        + "inputSize \(inputSize) (use .matrix or .none)")
            }
            return [inputSize]
        }
    }

    /// y ← y + D x (matrix) or y ← y + D ⊙ x (diagonal); `d` is the `readout.D` view (nil for ``none``).
    func addForward<A: RecurrentAlgebra>(d: AlgebraMatrix<A>?, x: AlgebraMatrix<A>, y: AlgebraMatrix<A>) {
        guard let d else { return }
        switch self {
        case .none: return
        case .matrix: y.multiply(d, x, beta: 1)
        case .diagonal:
            for j in 0..<y.columns { for k in 0..<y.rows { y[k, j] += d[k] * x[k, j] } }
        }
    }

    /// Backward of the skip term: ∂L/∂D += (dy xᵀ | Σ_columns dy ⊙ x) and, when `dx` is non-nil,
    /// dx ← dx + (Dᵀ dy | D ⊙ dy) (accumulates: call after the recurrent layers wrote their part of ∂L/∂x).
    func addBackward<A: RecurrentAlgebra>(
        d: AlgebraMatrix<A>?, gradientD: AlgebraMatrix<A>?, x: AlgebraMatrix<A>, dy: AlgebraMatrix<A>,
        dx: AlgebraMatrix<A>?
    ) {
        guard let d, let gradientD else { return }
        switch self {
        case .none: return
        case .matrix:
            gradientD.multiply(dy, x, transposeB: true, beta: 1)
            if let dx { dx.multiply(d, transposeA: true, dy, beta: 1) }
        case .diagonal:
            for k in 0..<dy.rows {
                var s: A.Scalar = 0
                for j in 0..<dy.columns { s += dy[k, j] * x[k, j] }
                gradientD[k] += s
            }
            if let dx { for j in 0..<dy.columns { for k in 0..<dy.rows { dx[k, j] += d[k] * dy[k, j] } } }
        }
    }
}
