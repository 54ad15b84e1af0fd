/// Everything one layer's backward pass needs.
struct GatedLayerBackward<A: RecurrentAlgebra> {
    let weights: GatedLayerWeights<A>
    let gradients: GatedLayerWeights<A>
    let input: AlgebraMatrix<A>
    let states: AlgebraMatrix<A>
    /// N × (T·B): ∂L/∂h_t through paths that do not run through this layer's own recurrence (readout or layer
    /// above). The layer may overwrite it (it is engine scratch).
    let hiddenGradient: AlgebraMatrix<A>
    /// d × (T·B) or nil: overwrite with ∂L/∂(layer input).
    let inputGradient: AlgebraMatrix<A>?
    /// S × B or nil: overwrite with ∂L/∂s_0.
    let initialStateGradient: AlgebraMatrix<A>?
    let hiddenSize: Int
    let steps: Int
    let batchSize: Int
    let tape: RecurrentTape<A>
    let prefix: String
    /// How the products and nonlinearities are evaluated (``GateKernels``).
    let kernels: GateKernels
}
