/// Arguments of a model's backward pass (see ``RecurrentModel`` for the contract).
public struct BackwardPass<A: RecurrentAlgebra> {
    /// θ, the same view the forward pass used.
    public let parameters: AlgebraMatrix<A>
    /// The inputs of the forward pass.
    public let inputs: AlgebraMatrix<A>
    /// T.
    public let steps: Int
    /// B.
    public let batchSize: Int
    /// The tape the forward pass filled.
    public let tape: RecurrentTape<A>
    /// ∂L/∂y_t, d_out × (T·B).
    public let outputGradient: AlgebraMatrix<A>
    /// P × 1; the pass ADDS ∂L/∂θ.
    public let parameterGradient: AlgebraMatrix<A>
    /// d_in × (T·B) or nil; the pass OVERWRITES it with ∂L/∂x_t.
    public let inputGradient: AlgebraMatrix<A>?
    /// Per layer S_ℓ × B or nil; the pass OVERWRITES them with ∂L/∂s_0^ℓ.
    public let initialStateGradients: [AlgebraMatrix<A>]?

    /// The arguments of one backward pass (the engine creates them).
    public init(
        parameters: AlgebraMatrix<A>, inputs: AlgebraMatrix<A>, steps: Int, batchSize: Int,
        tape: RecurrentTape<A>, outputGradient: AlgebraMatrix<A>, parameterGradient: AlgebraMatrix<A>,
        inputGradient: AlgebraMatrix<A>?, initialStateGradients: [AlgebraMatrix<A>]?
    ) {
        self.parameters = parameters
        self.inputs = inputs
        self.steps = steps
        self.batchSize = batchSize
        self.tape = tape
        self.outputGradient = outputGradient
        self.parameterGradient = parameterGradient
        self.inputGradient = inputGradient
        self.initialStateGradients = initialStateGradients
    }
}
