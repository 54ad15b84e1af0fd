/// A loss L(ŷ; y) of a model's outputs, differentiable twice, evaluated in the engine's algebras.
///
/// Implement ``evaluate(outputs:targets:gradient:steps:batchSize:)-(AlgebraMatrix<RealAlgebra>,_,_,_,_)`` once
/// generically over `A: RecurrentAlgebra` (write ∂L/∂ŷ into `gradient` with `A.Scalar` arithmetic and return L)
/// and call it from both requirements: the dual version then yields the tangent of ∂L/∂ŷ, which HVPs need. (As
/// for ``RecurrentModel``, per-algebra requirements keep the generic code specialised.)
public protocol OutputLoss: Sendable {
    /// Throw a descriptive error when `targets` (nil if none were given) do not fit T × B × d_out.
    func validate(targets: SequenceBatch?, steps: Int, batchSize: Int, outputSize: Int) throws
    /// L and ∂L/∂ŷ (written into `gradient`, d_out × (T·B)); `targets` as loaded by the engine (nil if none).
    func evaluate(
        outputs: AlgebraMatrix<RealAlgebra>, targets: AlgebraMatrix<RealAlgebra>?,
        gradient: AlgebraMatrix<RealAlgebra>, steps: Int, batchSize: Int
    ) -> Double
    /// Dual version: value + ε·(directional derivative) of L and of ∂L/∂ŷ.
    func evaluate(
        outputs: AlgebraMatrix<DualAlgebra>, targets: AlgebraMatrix<DualAlgebra>?,
        gradient: AlgebraMatrix<DualAlgebra>, steps: Int, batchSize: Int
    ) -> DualNumber
}
