import MemoryNumerics

extension RecurrentModel {

    func validateInputs(_ inputs: SequenceBatch, argument: String = "inputs") throws {
        guard inputs.features == inputSize else {
            throw RecurrentError.shapeMismatch(
                argument: argument, expected: "\(inputSize) input features (the model's inputSize)",
                got: "\(inputs.features) features (steps \(inputs.steps), batch \(inputs.batchSize))")
        }
        try validateFinite(inputs.values, argument: argument)
    }

    func validateSameShape(_ other: SequenceBatch, as inputs: SequenceBatch, features: Int, argument: String) throws {
        guard other.steps == inputs.steps, other.batchSize == inputs.batchSize, other.features == features else {
            throw RecurrentError.shapeMismatch(
                argument: argument,
                expected: "steps \(inputs.steps) × batch \(inputs.batchSize) × \(features) features",
                got: "steps \(other.steps) × batch \(other.batchSize) × \(other.features) features")
        }
    }

    func validateParameterVector(_ v: [Double], argument: String) throws {
        guard v.count == parameterCount else {
            throw RecurrentError.shapeMismatch(
                argument: argument, expected: "\(parameterCount) values (one per parameter)",
                got: "\(v.count) values")
        }
        try validateFinite(v, argument: argument)
    }

    func validateFinite(_ v: [Double], argument: String) throws {
        if let i = v.firstIndex(where: { !$0.isFinite }) {
            throw RecurrentError.invalidArgument(
                argument: argument, message: "value \(v[i]) at index \(i) is not finite")
        }
    }

    func validateInitialStates(_ states: [Matrix]?, batchSize: Int, argument: String = "initialStates") throws {
        guard let states else { return }
        let layouts = stateLayouts
        guard states.count == layouts.count else {
            throw RecurrentError.shapeMismatch(
                argument: argument, expected: "\(layouts.count) matrices (one per layer)",
                got: "\(states.count)")
        }
        for (l, (s, layout)) in zip(states, layouts).enumerated() {
            guard s.rows == layout.size, s.columns == batchSize else {
                throw RecurrentError.shapeMismatch(
                    argument: "\(argument)[\(l)]", expected: "\(layout.size)×\(batchSize) (state size × batch)",
                    got: "\(s.rows)×\(s.columns)")
            }
            try validateFinite(s.elements, argument: "\(argument)[\(l)]")
        }
    }
}
