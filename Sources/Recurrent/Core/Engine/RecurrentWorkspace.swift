/// Re-usable tapes for repeated computations on one thread (a training loop, a Hessian built column by column):
/// pass the same workspace to every call to avoid re-allocating activations.
public final class RecurrentWorkspace {
    /// The tape of real computations (values, gradients).
    public let real = RecurrentTape<RealAlgebra>()
    /// The tape of dual computations (JVPs, HVPs).
    public let dual = RecurrentTape<DualAlgebra>()
    /// Two empty tapes.
    public init() {}
}
