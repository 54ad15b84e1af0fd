import MemoryNumerics
import Recurrent

/// Which variables of a network a readout sees.
public enum StateFeatures: String, Sendable, CaseIterable, Codable {
    /// The joint Markov state s_t of all layers (for the LSTM h and c of every layer; for MRNN/MLSTM also the
    /// K-deep input history the cell carries): Jaeger's "reservoir state".
    case state
    /// The last layer's hidden output h_t.
    case hidden
    /// The network's outputs y_t.
    case outputs

    /// Number of variables p for `model`.
    public func width(of model: any RecurrentModel) -> Int {
        switch self {
        case .state: return model.stateSize
        case .hidden: return model.stateLayouts.last?.hiddenRows.count ?? 0
        case .outputs: return model.outputSize
        }
    }

    /// The variables at times t = first…last (1-based, inclusive) of sequence b as rows `row0…` of `into`
    /// (a column-major n × p matrix).
    func write(
        _ trajectory: RecurrentTrajectory, sequence b: Int, times: ClosedRange<Int>,
        into m: inout Matrix, firstRow row0: Int
    ) {
        let n = m.rows
        switch self {
        case .outputs:
            let y = trajectory.outputs
            let q = y.features, B = y.batchSize
            for (r, t) in times.enumerated() {
                let base = q * (b + B * (t - 1))
                for j in 0..<q { m.elements[row0 + r + j * n] = y.values[base + j] }
            }
        case .state:
            var column = 0
            for layer in trajectory.states {
                let s = layer.features, B = layer.batchSize
                for (r, t) in times.enumerated() {
                    let base = s * (b + B * t)
                    for j in 0..<s { m.elements[row0 + r + (column + j) * n] = layer.values[base + j] }
                }
                column += s
            }
        case .hidden:
            guard let layer = trajectory.states.last, let layout = trajectory.stateLayouts.last else { return }
            let s = layer.features, B = layer.batchSize, rows = layout.hiddenRows
            for (r, t) in times.enumerated() {
                let base = s * (b + B * t)
                for (j, i) in rows.enumerated() { m.elements[row0 + r + j * n] = layer.values[base + i] }
            }
        }
    }
}
