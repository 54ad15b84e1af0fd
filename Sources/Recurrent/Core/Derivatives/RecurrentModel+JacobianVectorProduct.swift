import MemoryNumerics

extension RecurrentModel {
    /// Forward-mode tangents (Jacobian-vector products) of the whole trajectory: with θ → θ + ε·v,
    /// x → x + ε·u and s_0 → s_0 + ε·w, returns the values and the exact tangents
    /// d s_t^ℓ = (∂s_t/∂θ)v + (∂s_t/∂x)u + (∂s_t/∂s_0)w and d y_t likewise, for every t, layer and sequence.
    ///
    /// E.g. `parameterDirection` = the indicator of one entry of W_hh gives the sensitivity ∂h_t/∂W_ij of the
    /// curse-of-memory analysis (Zucchet & Orvieto 2024, NeurIPS, arXiv 2405.21064) along the trajectory. Directions left nil are zero.
    public func jacobianVectorProduct(
        inputs: SequenceBatch, parameterDirection: [Double]?, inputDirection: SequenceBatch? = nil,
        initialStates: [Matrix]? = nil, initialStateDirections: [Matrix]? = nil, workspace: RecurrentWorkspace? = nil
    ) throws -> (values: RecurrentTrajectory, tangents: RecurrentTrajectory) {
        try validateInputs(inputs)
        try validateInitialStates(initialStates, batchSize: inputs.batchSize)
        if let parameterDirection { try validateParameterVector(parameterDirection, argument: "parameterDirection") }
        if let inputDirection {
            try validateSameShape(inputDirection, as: inputs, features: inputSize, argument: "inputDirection")
            try validateFinite(inputDirection.values, argument: "inputDirection")
        }
        try validateInitialStates(
            initialStateDirections, batchSize: inputs.batchSize, argument: "initialStateDirections")
        let tape = workspace?.dual ?? RecurrentTape<DualAlgebra>()
        _ = engineForward(
            tape: tape, inputs: inputs, initialStates: initialStates,
            parameterDirection: parameterDirection, inputDirection: inputDirection,
            initialStateDirections: initialStateDirections)
        return (try engineTrajectory(tape, tangents: false), try engineTrajectory(tape, tangents: true))
    }
}
