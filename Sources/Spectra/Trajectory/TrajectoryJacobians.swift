import MemoryNumerics
import Recurrent

/// Collecting the exact step Jacobians of one sequence (shared by the trajectory analyses).
enum TrajectoryJacobians {
    /// Check that `sequence` is one sequence of the model's input width with finite values.
    static func validate(model: any RecurrentModel, sequence: SequenceBatch) throws {
        guard sequence.batchSize == 1 else {
            throw SpectraError.invalidArgument(argument: "sequence", message: "needs one sequence (batch size 1), got \(sequence.batchSize)")
        }
        guard sequence.features == model.inputSize else {
            throw SpectraError.invalidArgument(
                argument: "sequence", message: "\(sequence.features) features, the model has input size \(model.inputSize)")
        }
        if let i = model.parameters.firstIndex(where: { !$0.isFinite }) {
            throw SpectraError.invalidArgument(argument: "parameters", message: "value \(model.parameters[i]) at index \(i) is not finite")
        }
    }

    /// The first `steps` steps of a one-sequence batch.
    static func prefix(_ sequence: SequenceBatch, steps: Int) throws -> SequenceBatch {
        if steps == sequence.steps { return sequence }
        return try SequenceBatch(steps: steps, batchSize: 1, features: sequence.features,
                                 values: Array(sequence.values.prefix(steps * sequence.features)))
    }

    /// Stream D_t (and ∂y_t/∂s_{t−1}) for t = 1 … `through`, checking that every Jacobian is finite.
    static func forEach(
        model: any RecurrentModel, sequence: SequenceBatch, initialStates: [Matrix]?, through t: Int,
        _ body: (StepJacobian) throws -> Void
    ) throws {
        let prefix = try prefix(sequence, steps: t)
        try model.forEachStepJacobian(sequence: prefix, initialStates: initialStates) { j in
            if let i = j.state.elements.firstIndex(where: { !$0.isFinite }) {
                throw SpectraError.divergence(step: j.time, message: "state Jacobian entry \(i) is \(j.state.elements[i])")
            }
            try body(j)
        }
    }
}
