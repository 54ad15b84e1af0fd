import MemoryNumerics

/// Views of the engine-owned buffers of one forward computation.
struct EngineForwardViews<A: RecurrentAlgebra> {
    let parameters: AlgebraMatrix<A>
    let inputs: AlgebraMatrix<A>
    let initialStates: [AlgebraMatrix<A>]?
    let tape: RecurrentTape<A>
}
