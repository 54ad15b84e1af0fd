import MemoryNumerics
import Recurrent

/// Collecting the exact step Jacobians of one sequence (shared by the trajectory analyses).
enum TrajectoryJacobians {
    /// Check that `sequence` is one sequence of the model's input width with finite values.
    static func validate(model: any RecurrentModel, sequence: SequenceBatch) throws {
        guard sequence.batchSize == 1 else {
            throw SpectraError.invalidArgument(
                argument: "sequence", message: "needs one sequence (batch size 1), got \(sequence.batchSize)")
        }
        guard sequence.features == model.inputSize else {
            throw SpectraError.invalidArgument(
                argument: "sequence",
                message: "\(sequence.features) features, the model has input size \(model.inputSize)")
        }
        if let i = model.parameters.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(
                argument: "parameters", message: "value \(model.parameters[i]) at index \(i) is not finite")
        }
    }

    /// The first `steps` steps of a one-sequence batch.
    static func prefix(_ sequence: SequenceBatch, steps: Int) throws -> SequenceBatch {
        if steps == sequence.steps { return sequence }
        return try SequenceBatch(
            steps: steps, batchSize: 1, features: sequence.features,
            values: Array(sequence.values.prefix(steps * sequence.features)))
    }

    /// Stream D_t (and ∂y_t/∂s_{t−1}) for t = `from` … `through` with their times, checking that every Jacobian is
    /// finite. The states before `from` come from one forward pass; only the window's Jacobians are computed.
    static func forEach(
        model: any RecurrentModel, sequence: SequenceBatch, initialStates: [Matrix]?, from first: Int = 1,
        through last: Int, _ body: (_ time: Int, _ jacobian: StepJacobian) throws -> Void
    ) throws {
        precondition(first >= 1 && first <= last && last <= sequence.steps)
        let d = sequence.features
        var start = initialStates
        if first > 1 {
            // s_{first−1} of every layer, from a forward pass over x_1 … x_{first−1}.
            let trajectory = try model.forward(try prefix(sequence, steps: first - 1), initialStates: initialStates)
            start = try zip(model.stateLayouts, trajectory.states).map { layout, states in
                let size = layout.size
                return try Matrix(
                    rows: size, columns: 1,
                    columnMajor: Array(states.values[((first - 1) * size)..<(first * size)]))
            }
        }
        let window = try SequenceBatch(
            steps: last - first + 1, batchSize: 1, features: d,
            values: Array(sequence.values[((first - 1) * d)..<(last * d)]))
        try model.forEachStepJacobian(sequence: window, initialStates: start) { j in
            let time = j.time + first - 1
            if let i = j.state.elements.firstIndex(where: { !$0.isFinite }) {
                throw SpectraError.divergence(
                    step: time, message: "state Jacobian entry \(i) is \(j.state.elements[i])")
            }
            try body(time, j)
        }
    }
}
