import MemoryNumerics

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
        return StepJacobians(
            state: stateJ, input: inputJ, outputState: outS, outputInput: outX,
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
            throw RecurrentError.shapeMismatch(
                argument: "sequence", expected: "batch size 1 (one sequence)",
                got: "batch size \(sequence.batchSize)")
        }
        guard maximumBatchColumns >= 1 else {
            throw RecurrentError.invalidArgument(
                argument: "maximumBatchColumns", message: "must be ≥ 1, got \(maximumBatchColumns)")
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
                            if j < S {
                                dm[offsets[l] + i, j] = v[base + i]
                            } else {
                                em[offsets[l] + i, j - S] = v[base + i]
                            }
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
    public func inputJacobians(
        sequence: SequenceBatch, at t: Int, maxLag: Int,
        initialStates: [Matrix]? = nil
    ) throws -> InputJacobians {
        try stepJacobians(sequence: sequence, initialStates: initialStates).inputJacobians(at: t, maxLag: maxLag)
    }
}
