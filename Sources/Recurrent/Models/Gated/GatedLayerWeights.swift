/// Views of one layer's four parameter groups (or of their gradients).
struct GatedLayerWeights<A: RecurrentAlgebra> {
    /// W_ih, G·N × d.
    let inputWeights: AlgebraMatrix<A>
    /// W_hh, G·N × N.
    let recurrentWeights: AlgebraMatrix<A>
    /// b_ih, G·N × 1.
    let inputBias: AlgebraMatrix<A>
    /// b_hh, G·N × 1.
    let recurrentBias: AlgebraMatrix<A>

    init(_ vector: AlgebraMatrix<A>, _ o: StackedGatedLayout.LayerOffsets) {
        inputWeights = AlgebraMatrix(o.inputWeights, of: vector)
        recurrentWeights = AlgebraMatrix(o.recurrentWeights, of: vector)
        inputBias = AlgebraMatrix(o.inputBias, of: vector)
        recurrentBias = AlgebraMatrix(o.recurrentBias, of: vector)
    }
}

/// Shared helpers for the layer passes.
extension GatedLayerWeights {
    /// b_ih + b_hh into an G·N × 1 scratch matrix.
    func combinedBias(into scratch: AlgebraMatrix<A>) {
        for i in 0..<scratch.rows { scratch[i] = inputBias[i] + recurrentBias[i] }
    }
}
