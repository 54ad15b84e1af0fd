/// Outputs and states of a forward pass (or their tangents, for a Jacobian-vector product).
///
/// * `outputs`: T × B × d_out, step index t − 1 holds y_t.
/// * `states[ℓ]`: (T + 1) × B × S_ℓ for layer ℓ, step index t holds s_t (index 0 is the initial state s_0), laid
///   out as `stateLayouts[ℓ]` says (LSTM: rows 0..<N are h, N..<2N are c).
public struct RecurrentTrajectory: Sendable, Equatable {
    /// Outputs y_1 … y_T (T × B × d_out), or their tangents.
    public let outputs: SequenceBatch
    /// Per layer ℓ, the states s_0 … s_T ((T + 1) × B × S_ℓ), or their tangents.
    public let states: [SequenceBatch]
    /// The layout of each layer's state.
    public let stateLayouts: [StateLayout]

    /// A trajectory from its outputs, states and state layouts.
    public init(outputs: SequenceBatch, states: [SequenceBatch], stateLayouts: [StateLayout]) {
        self.outputs = outputs
        self.states = states
        self.stateLayouts = stateLayouts
    }

    /// Hidden states h_0 … h_T of layer ℓ ((T + 1) × B × N).
    public func hidden(layer: Int) throws -> SequenceBatch {
        guard layer >= 0 && layer < states.count else {
            throw RecurrentError.invalidArgument(argument: "layer", message: "\(layer) not in 0..<\(states.count)")
        }
        return try states[layer].selectingFeatures(stateLayouts[layer].hiddenRows)
    }

    /// The state segment called `name` (e.g. "c" for the LSTM cell state) of layer ℓ.
    public func segment(_ name: String, layer: Int) throws -> SequenceBatch {
        guard layer >= 0 && layer < states.count else {
            throw RecurrentError.invalidArgument(argument: "layer", message: "\(layer) not in 0..<\(states.count)")
        }
        guard let rows = stateLayouts[layer].rows(of: name) else {
            throw RecurrentError.invalidArgument(
                argument: "name",
                message:
                    "layer \(layer) has no state segment \"\(name)\" (has \(stateLayouts[layer].segments.map(\.name)))")
        }
        return try states[layer].selectingFeatures(rows)
    }
}
