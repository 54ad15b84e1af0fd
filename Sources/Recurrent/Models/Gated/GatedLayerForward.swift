/// Everything one layer's forward pass needs.
struct GatedLayerForward<A: RecurrentAlgebra> {
    let weights: GatedLayerWeights<A>
    /// d × (T·B) layer input (x for layer 0, the lower layer's h_1 … h_T otherwise; may have ld > d).
    let input: AlgebraMatrix<A>
    /// S × ((T+1)·B) states; block 0 already holds s_0; the layer writes blocks 1 … T.
    let states: AlgebraMatrix<A>
    let hiddenSize: Int
    let steps: Int
    let batchSize: Int
    let tape: RecurrentTape<A>
    /// Prefix for tape buffer names ("layer0.").
    let prefix: String
    /// How the gate nonlinearities are evaluated (``GateKernels``).
    let kernels: GateKernels
}
