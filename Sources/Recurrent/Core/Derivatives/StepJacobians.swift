import MemoryNumerics

/// Per-step Jacobians of one sequence's trajectory, exact (one dual-number step per column of the identity).
///
/// The state is the joint state s_t = (s_t^0, s_t^1, …) of all layers (layer 0 first; for the LSTM each layer
/// contributes [h; c]), size S. For t = 1 … T (array index t − 1):
/// * ``state``: D_t = ∂s_t/∂s_{t−1} (S × S) — for a stacked network this includes the path through the lower
///   layers' new states;
/// * ``input``: E_t = ∂s_t/∂x_t (S × d_in);
/// * ``outputState``: ∂y_t/∂s_{t−1} (d_out × S);
/// * ``outputInput``: ∂y_t/∂x_t (d_out × d_in), including any skip term of the readout.
///
/// Products: ∂s_t/∂x_{t−k} = D_t D_{t−1} ⋯ D_{t−k+1} E_{t−k} and ∂y_t/∂x_{t−k} = (∂y_t/∂s_{t−1}) ∂s_{t−1}/∂x_{t−k}
/// (k ≥ 1), see ``inputJacobians(at:maxLag:)`` (J_{t,k} = D_t ⋯ D_{k+1}, Recurrent.docc/Conventions.md).
public struct StepJacobians: Sendable, Equatable {
    /// D_t = ∂s_t/∂s_{t−1} (S × S) for t = 1 … T (array index t − 1).
    public let state: [Matrix]
    /// E_t = ∂s_t/∂x_t (S × d_in).
    public let input: [Matrix]
    /// ∂y_t/∂s_{t−1} (d_out × S).
    public let outputState: [Matrix]
    /// ∂y_t/∂x_t (d_out × d_in), including the readout's skip term.
    public let outputInput: [Matrix]
    /// The trajectory the Jacobians were taken along.
    public let trajectory: RecurrentTrajectory
    /// Where each layer's state starts inside the joint state.
    public let stateOffsets: [Int]

    /// Number of steps T.
    public var steps: Int { state.count }

    /// D_t for t in 1…T.
    public func stateJacobian(at t: Int) throws -> Matrix {
        try checkTime(t)
        return state[t - 1]
    }

    func checkTime(_ t: Int) throws {
        guard t >= 1 && t <= steps else {
            throw RecurrentError.invalidArgument(argument: "t", message: "time \(t) not in 1…\(steps)")
        }
    }

    /// Rows of the last layer's hidden output h inside the joint state.
    public var topHiddenRows: Range<Int> {
        guard let last = trajectory.stateLayouts.last, let o = stateOffsets.last else { return 0..<0 }
        return (o + last.hiddenRows.lowerBound)..<(o + last.hiddenRows.upperBound)
    }

    /// Input Jacobians at time t (1…T) for lags k = 0 … maxLag (maxLag ≤ t − 1).
    public func inputJacobians(at t: Int, maxLag: Int) throws -> InputJacobians {
        try checkTime(t)
        guard maxLag >= 0 && maxLag <= t - 1 else {
            throw RecurrentError.invalidArgument(
                argument: "maxLag", message: "\(maxLag) not in 0…\(t - 1) at time \(t)")
        }
        var stateJ: [Matrix] = []
        var outputJ: [Matrix] = [outputInput[t - 1]]
        // P = D_t ⋯ D_{t−k+1} (product of k factors); Q = D_{t−1} ⋯ D_{t−k+1} (k − 1 factors).
        var p = Matrix.identity(state[0].rows)
        var q = p
        for k in 0...maxLag {
            let e = input[t - k - 1]
            stateJ.append(p * e)
            if k >= 1 { outputJ.append(outputState[t - 1] * (q * e)) }
            if k < maxLag {
                if k >= 1 { q = q * state[t - k - 1] }
                p = p * state[t - k - 1]
            }
        }
        let rows = topHiddenRows
        let hidden = stateJ.map { m -> Matrix in
            var h = Matrix(rows: rows.count, columns: m.columns)
            for j in 0..<m.columns { for i in 0..<rows.count { h[i, j] = m[rows.lowerBound + i, j] } }
            return h
        }
        return InputJacobians(time: t, state: stateJ, hidden: hidden, output: outputJ)
    }
}
