import MemoryNumerics
import Recurrent

/// A linear time-invariant state space s_t = A·s_{t−1} + B·u_t (S states, d_in inputs): the setting of Jaeger's
/// analytic memory capacity.
///
/// Obtained directly from matrices, as the shift register of ``shiftRegister(size:)``, or from any
/// `RecurrentModel` whose joint state update is affine (``init(model:tolerance:)``: dense and block-diagonal
/// linear RNNs of any depth, complex-diagonal RNNs), read off its exact step Jacobians.
public struct LinearStateSpace: Sendable, Equatable {
    /// A, S × S.
    public let transition: Matrix
    /// B, S × d_in.
    public let input: Matrix

    /// Number of states S.
    public var stateSize: Int { transition.rows }
    /// Number of inputs d_in.
    public var inputSize: Int { input.columns }

    /// From A (S × S) and B (S × d_in); throws for shapes that do not fit or non-finite entries.
    public init(transition: Matrix, input: Matrix) throws {
        guard transition.rows == transition.columns, transition.rows >= 1 else {
            throw MemoryProbeError.invalidArgument(
                argument: "transition",
                message: "must be a square S × S matrix with S ≥ 1, got \(transition.rows)×\(transition.columns)")
        }
        guard input.rows == transition.rows, input.columns >= 1 else {
            throw MemoryProbeError.invalidArgument(
                argument: "input",
                message: "must be \(transition.rows) × d_in with d_in ≥ 1, got \(input.rows)×\(input.columns)")
        }
        try Check.finite(transition.elements, "transition")
        try Check.finite(input.elements, "input")
        self.transition = transition
        self.input = input
    }

    /// The N-state shift register s_t = (u_t, u_{t−1}, …, u_{t−N+1}): A the lower shift, B = e₁. Its memory capacity
    /// is MC_k = 1 for k < N and 0 after (Jaeger 2002, §3).
    public static func shiftRegister(size n: Int) throws -> LinearStateSpace {
        try Check.positive(n, "size")
        var a = Matrix(rows: n, columns: n)
        for i in stride(from: 1, to: n, by: 1) { a[i, i - 1] = 1 }
        var b = Matrix(rows: n, columns: 1)
        b[0, 0] = 1
        return try LinearStateSpace(transition: a, input: b)
    }

    /// The joint state update of `model`, read off its exact step Jacobians D_t = ∂s_t/∂s_{t−1} (= A) and
    /// E_t = ∂s_t/∂x_t (= B).
    ///
    /// Linearity is verified, not assumed: the Jacobians are taken along a short trajectory from a random
    /// (seeded) initial state with random inputs of unit scale, and must agree at every step to within `tolerance`
    /// relative to their largest entry; otherwise the model's update is not affine and the call throws
    /// ``MemoryProbeError/unsupported(argument:message:)`` (use the empirical capacity instead).
    public init(model: any RecurrentModel, tolerance: Double = 1e-9) throws {
        try Check.positive(tolerance, "tolerance")
        var rng = SeededRandom(seed: 0x5EED_CAFE)
        let steps = 3
        let x = try SequenceBatch(
            steps: steps, batchSize: 1, features: model.inputSize,
            values: rng.gaussians(steps * model.inputSize))
        let initial = try model.stateLayouts.map {
            try Matrix(rows: $0.size, columns: 1, columnMajor: rng.gaussians($0.size))
        }
        let jacobians = try model.stepJacobians(sequence: x, initialStates: initial)
        let a = jacobians.state[0], b = jacobians.input[0]
        func deviation(_ m: [Matrix], _ reference: Matrix) -> Double {
            let scale = max(1e-300, reference.elements.reduce(0) { max($0, abs($1)) })
            return m.reduce(0) { worst, other in
                max(worst, zip(other.elements, reference.elements).reduce(0) { max($0, abs($1.0 - $1.1)) } / scale)
            }
        }
        let da = deviation(jacobians.state, a), db = deviation(jacobians.input, b)
        guard da <= tolerance, db <= tolerance else {
            throw MemoryProbeError.unsupported(
                argument: "model",
                message: "the state update of this \(model.architecture) network is not linear (step Jacobians vary by "
                    + "\(max(da, db)) relative along a trajectory); the analytic capacity needs a linear network, "
                    + "use the empirical method")
        }
        try self.init(transition: a, input: b)
    }
}
