/// Arguments of a model's forward pass (see ``RecurrentModel`` for the contract).
public struct ForwardPass<A: RecurrentAlgebra> {
    /// θ as a P × 1 view (with tangent v in ``DualAlgebra``).
    public let parameters: AlgebraMatrix<A>
    /// d_in × (T·B) inputs, time-major column blocks (read only).
    public let inputs: AlgebraMatrix<A>
    /// Per layer S_ℓ × B initial states, or nil for zeros (read only).
    public let initialStates: [AlgebraMatrix<A>]?
    /// T.
    public let steps: Int
    /// B.
    public let batchSize: Int
    /// Where the pass stores activations and publishes `layerStates` and `outputs`.
    public let tape: RecurrentTape<A>

    /// The arguments of one forward pass (the engine creates them).
    public init(
        parameters: AlgebraMatrix<A>, inputs: AlgebraMatrix<A>, initialStates: [AlgebraMatrix<A>]?,
        steps: Int, batchSize: Int, tape: RecurrentTape<A>
    ) {
        self.parameters = parameters
        self.inputs = inputs
        self.initialStates = initialStates
        self.steps = steps
        self.batchSize = batchSize
        self.tape = tape
    }
}
