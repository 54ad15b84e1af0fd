import MemoryNumerics
import Recurrent

/// Exact impulse responses along a trajectory by forward mode on the public JVP API: for every start time τ, a
/// window of L steps is re-run from the trajectory's state s_{τ−1} with the input tangent e_j at its first step, so
/// that the tangents at window step k are ∂s_{τ+k}/∂x_τ and ∂y_{τ+k}/∂x_τ (one dual pass per window and input
/// feature; windows run as one batch). Steps past T are padded with zero inputs and never reported (causality).
enum ImpulseSweep {
    /// The Jacobians at (sequence b, start τ, lag k): joint state S × d_in and output d_out × d_in, column-major.
    struct Response {
        let sequence: Int
        let start: Int
        let lag: Int
        let state: [Double]
        let output: [Double]
    }

    /// Calls `body` for every sequence b, τ in `starts` (1-based) and k = 0 … L − 1 with τ + k ≤ T.
    static func run(
        model: any RecurrentModel, inputs: SequenceBatch, trajectory: RecurrentTrajectory,
        starts: ClosedRange<Int>, length L: Int, body: (Response) throws -> Void
    ) throws {
        let T = inputs.steps, B = inputs.batchSize, d = inputs.features, q = model.outputSize
        let layouts = model.stateLayouts, offsets = model.stateOffsets, S = model.stateSize
        let windowsPerChunk = max(1, (1 << 15) / max(1, L * d))
        let workspace = RecurrentWorkspace()
        for b in 0..<B {
            var w0 = starts.lowerBound
            while w0 <= starts.upperBound {
                let w1 = min(starts.upperBound, w0 + windowsPerChunk - 1)
                let windows = w1 - w0 + 1, columns = windows * d
                var x = [Double](repeating: 0, count: L * columns * d)
                var dx = [Double](repeating: 0, count: L * columns * d)
                var s0 = layouts.map { [Double](repeating: 0, count: $0.size * columns) }
                for w in 0..<windows {
                    let tau = w0 + w
                    for j in 0..<d {
                        let c = w * d + j
                        for k in 0..<L where tau + k <= T {
                            for f in 0..<d {
                                x[f + d * (c + columns * k)] = inputs.values[f + d * (b + B * (tau + k - 1))]
                            }
                        }
                        dx[j + d * c] = 1
                        for (l, layout) in layouts.enumerated() {
                            let st = trajectory.states[l]
                            let base = layout.size * (b + st.batchSize * (tau - 1))
                            for i in 0..<layout.size { s0[l][i + layout.size * c] = st.values[base + i] }
                        }
                    }
                }
                let initial = try zip(layouts, s0).map { try Matrix(rows: $0.size, columns: columns, columnMajor: $1) }
                let (_, tangents) = try model.jacobianVectorProduct(
                    inputs: SequenceBatch(steps: L, batchSize: columns, features: d, values: x),
                    parameterDirection: nil,
                    inputDirection: SequenceBatch(steps: L, batchSize: columns, features: d, values: dx),
                    initialStates: initial, workspace: workspace)
                for w in 0..<windows {
                    let tau = w0 + w
                    for k in 0..<L where tau + k <= T {
                        var state = [Double](repeating: 0, count: S * d)
                        var output = [Double](repeating: 0, count: q * d)
                        for j in 0..<d {
                            let c = w * d + j
                            for (l, layout) in layouts.enumerated() {
                                let v = tangents.states[l].values
                                let base = layout.size * (c + columns * (k + 1))
                                for i in 0..<layout.size { state[offsets[l] + i + S * j] = v[base + i] }
                            }
                            for o in 0..<q { output[o + q * j] = tangents.outputs.values[o + q * (c + columns * k)] }
                        }
                        try body(Response(sequence: b, start: tau, lag: k, state: state, output: output))
                    }
                }
                w0 = w1 + 1
            }
        }
    }
}
