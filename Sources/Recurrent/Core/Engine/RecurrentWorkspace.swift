/// Re-usable tapes for repeated computations on one thread (a training loop, a Hessian built column by column):
/// pass the same workspace to every call to avoid re-allocating activations.
public final class RecurrentWorkspace {
    public let real = RecurrentTape<RealAlgebra>()
    public let dual = RecurrentTape<DualAlgebra>()
    public init() {}
}
