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
/// (k ≥ 1), see ``inputJacobians(at:maxLag:)`` (RNN_THEORY.md §1, J_{t,k} = D_t ⋯ D_{k+1}).
public struct StepJacobians: Sendable, Equatable {
    public let state: [Matrix]
    public let input: [Matrix]
    public let outputState: [Matrix]
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
            throw RecurrentError.invalidArgument(argument: "maxLag", message: "\(maxLag) not in 0…\(t - 1) at time \(t)")
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

/// Input Jacobians at one time t, by lag k = 0 … maxLag (array index k).
public struct InputJacobians: Sendable, Equatable {
    public let time: Int
    /// ∂s_t/∂x_{t−k} (S × d_in), joint state of all layers.
    public let state: [Matrix]
    /// ∂h_t/∂x_{t−k} for the last layer's hidden output h (N × d_in).
    public let hidden: [Matrix]
    /// ∂y_t/∂x_{t−k} (d_out × d_in).
    public let output: [Matrix]
}

/// The four Jacobians of one step t (1…T), see ``StepJacobians``.
public struct StepJacobian: Sendable, Equatable {
    public let time: Int
    /// D_t = ∂s_t/∂s_{t−1}.
    public let state: Matrix
    /// E_t = ∂s_t/∂x_t.
    public let input: Matrix
    /// ∂y_t/∂s_{t−1}.
    public let outputState: Matrix
    /// ∂y_t/∂x_t.
    public let outputInput: Matrix
}

extension RecurrentModel {
    /// Exact per-step state, input and output Jacobians along the trajectory of ONE sequence (batch size 1), see
    /// ``StepJacobians``. Computed with dual-number forward steps over batches of (S + d_in) columns per step:
    /// column block t replicates (s_{t−1}, x_t) with tangent e_j, so each column's tangent is one column of
    /// [D_t | E_t]. Cost ≈ 3·T·(S + d_in) single-sequence steps; memory T·S·(S + d_in) for the result.
    public func stepJacobians(sequence: SequenceBatch, initialStates: [Matrix]? = nil) throws -> StepJacobians {
        var stateJ: [Matrix] = [], inputJ: [Matrix] = [], outS: [Matrix] = [], outX: [Matrix] = []
        let trajectory = try forEachStepJacobian(sequence: sequence, initialStates: initialStates) { j in
            stateJ.append(j.state)
            inputJ.append(j.input)
            outS.append(j.outputState)
            outX.append(j.outputInput)
        }
        return StepJacobians(state: stateJ, input: inputJ, outputState: outS, outputInput: outX,
                             trajectory: trajectory, stateOffsets: stateOffsets)
    }

    /// Streams the step Jacobians of ONE sequence to `body` in time order t = 1 … T without storing them all
    /// (for long trajectories, e.g. QR-based Lyapunov spectra); returns the trajectory. Steps are processed in
    /// chunks whose dual batch holds at most `maximumBatchColumns` columns.
    @discardableResult
    public func forEachStepJacobian(
        sequence: SequenceBatch, initialStates: [Matrix]? = nil, maximumBatchColumns: Int = 4096,
        _ body: (StepJacobian) throws -> Void
    ) throws -> RecurrentTrajectory {
        guard sequence.batchSize == 1 else {
            throw RecurrentError.shapeMismatch(argument: "sequence", expected: "batch size 1 (one sequence)",
                                               got: "batch size \(sequence.batchSize)")
        }
        guard maximumBatchColumns >= 1 else {
            throw RecurrentError.invalidArgument(argument: "maximumBatchColumns", message: "must be ≥ 1, got \(maximumBatchColumns)")
        }
        let trajectory = try forward(sequence, initialStates: initialStates)
        let T = sequence.steps
        let layouts = stateLayouts
        let offsets = stateOffsets
        let S = stateSize, d = inputSize, width = S + d, q = outputSize
        let chunk = max(1, maximumBatchColumns / width)
        let workspace = RecurrentWorkspace()
        var t0 = 0
        while t0 < T {
            let t1 = min(T, t0 + chunk)
            let columns = (t1 - t0) * width
            // Replicated inputs and initial states with identity tangents.
            var x = [Double](repeating: 0, count: d * columns)
            var dx = [Double](repeating: 0, count: d * columns)
            var s0 = layouts.map { [Double](repeating: 0, count: $0.size * columns) }
            var ds0 = layouts.map { [Double](repeating: 0, count: $0.size * columns) }
            for t in t0..<t1 {
                for j in 0..<width {
                    let c = (t - t0) * width + j
                    for k in 0..<d { x[k + d * c] = sequence.values[k + d * t] }
                    if j >= S { dx[(j - S) + d * c] = 1 }
                    for (l, layout) in layouts.enumerated() {
                        let st = trajectory.states[l].values
                        for i in 0..<layout.size { s0[l][i + layout.size * c] = st[i + layout.size * t] }
                        if j < S, j >= offsets[l], j < offsets[l] + layout.size {
                            ds0[l][(j - offsets[l]) + layout.size * c] = 1
                        }
                    }
                }
            }
            let xb = try SequenceBatch(steps: 1, batchSize: columns, features: d, values: x)
            let dxb = try SequenceBatch(steps: 1, batchSize: columns, features: d, values: dx)
            let s0m = try zip(layouts, s0).map { try Matrix(rows: $0.size, columns: columns, columnMajor: $1) }
            let ds0m = try zip(layouts, ds0).map { try Matrix(rows: $0.size, columns: columns, columnMajor: $1) }
            let (_, tangents) = try jacobianVectorProduct(
                inputs: xb, parameterDirection: nil, inputDirection: dxb, initialStates: s0m,
                initialStateDirections: ds0m, workspace: workspace)
            for t in t0..<t1 {
                var dm = Matrix(rows: S, columns: S), em = Matrix(rows: S, columns: d)
                var ym = Matrix(rows: q, columns: S), yx = Matrix(rows: q, columns: d)
                for j in 0..<width {
                    let c = (t - t0) * width + j
                    for (l, layout) in layouts.enumerated() {
                        // Step index 1 of the one-step trajectory is the new state.
                        let v = tangents.states[l].values
                        let base = layout.size * (columns + c)
                        for i in 0..<layout.size {
                            if j < S { dm[offsets[l] + i, j] = v[base + i] } else { em[offsets[l] + i, j - S] = v[base + i] }
                        }
                    }
                    for i in 0..<q {
                        let yv = tangents.outputs.values[i + q * c]
                        if j < S { ym[i, j] = yv } else { yx[i, j - S] = yv }
                    }
                }
                try body(StepJacobian(time: t + 1, state: dm, input: em, outputState: ym, outputInput: yx))
            }
            t0 = t1
        }
        return trajectory
    }

    /// ∂s_t/∂x_{t−k}, ∂h_t/∂x_{t−k} and ∂y_t/∂x_{t−k} for one sequence at time t (1…T), k = 0 … maxLag.
    public func inputJacobians(sequence: SequenceBatch, at t: Int, maxLag: Int,
                               initialStates: [Matrix]? = nil) throws -> InputJacobians {
        try stepJacobians(sequence: sequence, initialStates: initialStates).inputJacobians(at: t, maxLag: maxLag)
    }
}
